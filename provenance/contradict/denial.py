"""Denial detector: a claim that explicitly denies another source's statement.

'X denied Gerasimov's claims ...' is linked to the claim of the named
source (same article or another) that shares the most content with it:
words, places and topics (a claim of the denier's own article wins a tie).
A denial that names no source ('rejected reports that ...') is linked
through what it denies.  Candidates come from indexes (speaker name tokens;
content words), never from a scan of all pairs; agreements asserted and
denied are found by agreement.py.

Claims with the same words and speaker are one statement, however many
articles repeat them: candidates are scored once per (denying statement,
candidate statement), and a finding pairs one denying statement with one
denied statement, each shown by its first stored claims
(common.REPRESENTATIVES).
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..records import ClaimView, Finding
from .agreement import agreements_in, detect_agreement_denials
from .common import GENERIC_TOPICS, REPRESENTATIVES, finding, first_stored, more, who
from .fastre import Fast
from .lexicon import _load, content_words, lexicon
from .table import Group, analysed, counted, groups

__all__ = ["agreements_in", "denials_in", "detect_denials", "detect_agreement_denials"]

COMMON_WORD_LIMIT = 50  # words in more claims than this are not used to find candidates


@lru_cache(maxsize=1)
def _rules():
    cfg = _load("denials.json")
    verb = "(?:" + "|".join(map(re.escape, cfg["verbs"])) + ")"
    noun = "(?:" + "|".join(map(re.escape, sorted(cfg["nouns"], key=len, reverse=True))) + ")"
    pats = tuple(Fast(re.compile(p.replace("{VERB}", verb).replace("{NOUN}", noun))) for p in cfg["patterns"])
    return pats, int(cfg.get("min_shared", 2)), int(cfg.get("min_shared_unnamed", 3))


def denials_in(text: str) -> list[tuple[str | None, str, str]]:
    """(who, content, words) for each denial in text; who None when unnamed."""
    pats, _, _ = _rules()
    out = []
    for pat in pats:
        for m in pat.finditer(text):
            gd = m.groupdict()
            name = gd.get("who")
            if name:
                name = re.sub(r"['’]s?$", "", name.strip())
            content = gd.get("content") or text[m.end():]
            out.append((name, content, m.group(0)))
        if out:
            break  # the first (most specific) pattern that matches wins
    return out


@lru_cache(maxsize=16384)
def _name_tokens(name: str | None) -> frozenset[str]:
    return frozenset(t.lower() for t in re.findall(r"[A-Za-z][\w-]+", name or "") if len(t) > 2)


@lru_cache(maxsize=65536)
def _places(text: str) -> frozenset[str]:
    return frozenset(p for _, _, p in lexicon().places_in(text))


def _st_order(st: tuple) -> tuple:
    return (st[0], st[1] or "", st[2])


def _words(denier: tuple, cand: tuple) -> int:
    """Content shared by a denying (text, topics) and a candidate (text, topics)."""
    shared = content_words(denier[0]) & content_words(cand[0])
    places = _places(denier[0]) & _places(cand[0])
    topics = (set(denier[1]) & set(cand[1])) - GENERIC_TOPICS
    return len(shared) + 2 * len(places) + len(topics)


class _Candidates:
    """The claims the denials may point at, as statements (text, speaker,
    topics), indexed by speaker name token, speaker party and content word.
    Only the claims some denial can reach are read, and only as groups."""

    def __init__(self, claims, deniers, word_count=None):
        lex = lexicon()
        named = {name for _, ds in deniers for name, _, _ in ds if name}
        tokens = frozenset().union(*map(_name_tokens, named))
        words = frozenset().union(*(content_words(c) for _, ds in deniers for name, c, _ in ds if not name))
        self.groups: dict[tuple, list[Group]] = defaultdict(list)
        self.in_source: dict[int, set[tuple]] = defaultdict(set)
        self.by_token: dict[str, set[tuple]] = defaultdict(set)
        self.by_party: dict[str, set[tuple]] = defaultdict(set)
        self.by_word: dict[str, set[tuple]] = defaultdict(set)
        self._seen: set[int] = set()
        self._indexes: dict[tuple, dict] = {}
        for g in groups(claims, lambda name, _t: bool(_name_tokens(name) & tokens)):
            st = self._add(g)
            for t in _name_tokens(g.speaker) & tokens:
                self.by_token[t].add(st)
        # a name no speaker's name shares a word with stands for its party ('Russia's claims')
        parties = {lex.party_of(n) for n in named if not any(t in self.by_token for t in _name_tokens(n))}
        parties.discard(None)
        if parties:
            for g in groups(claims, lambda name, _t: lex.party_of(name) in parties):
                self.by_party[lex.party_of(g.speaker)].add(self._add(g))
        self.usable: frozenset = frozenset()
        if words:
            # how many claims of the store hold each word (word_count: counted over the whole store)
            n = counted(claims, lambda text: content_words(text) & words) if word_count is None \
                else {w: word_count(w) for w in words}
            self.usable = frozenset(w for w, k in n.items() if k <= COMMON_WORD_LIMIT)
            for g in groups(claims, lambda _n, _t: True, lambda text: content_words(text) & self.usable):
                st = self._add(g)
                for w in content_words(g.text) & self.usable:
                    self.by_word[w].add(st)

    def _add(self, g: Group) -> tuple:
        st = (g.text, g.speaker, g.topics)
        if id(g) not in self._seen:
            self._seen.add(id(g))
            self.groups[st].append(g)
            for sid in g.sources:
                self.in_source[sid].add(st)
        return st

    def _index(self, src: tuple) -> dict[tuple, list[tuple]]:
        """The statements of one name token ('t', token) or party ('p', party),
        posted under each content word, place and non-generic topic they hold."""
        idx = self._indexes.get(src)
        if idx is None:
            idx = self._indexes[src] = defaultdict(list)
            sts = self.by_token.get(src[1], ()) if src[0] == "t" else self.by_party.get(src[1], ())
            for st in sorted(sts, key=_st_order):
                for w in content_words(st[0]):
                    idx[("w", w)].append(st)
                for p in _places(st[0]):
                    idx[("p", p)].append(st)
                for t in set(st[2]) - GENERIC_TOPICS:
                    idx[("t", t)].append(st)
        return idx

    def scored(self, name: str, text: str, topics: tuple, speaker: str | None, need: int,
               within: set | None = None) -> list[tuple[int, tuple]]:
        """(score, statement) for the statements of the named source scoring
        at least `need` against a denying (text, topics), as a scan of all
        the source's statements would give them, down to the scores that can
        matter: from postings (a shared word or place), and statements sharing
        only topics when those could reach the best score found less one.
        `within`: only these statements are scored."""
        toks = [t for t in sorted(_name_tokens(name)) if t in self.by_token]
        if toks:
            srcs = [("t", t) for t in toks]
        else:
            party = lexicon().party_of(name)
            srcs = [("p", party)] if party in self.by_party else []
        words, places = content_words(text), _places(text)
        own = sorted(set(topics) - GENERIC_TOPICS)
        found: set[tuple] = set()
        for src in srcs:
            idx = self._index(src)
            for w in words:
                found.update(idx.get(("w", w), ()))
            for p in places:
                found.update(idx.get(("p", p), ()))
        if within is not None:
            found &= within
        out = self._score(found, text, topics, speaker, need)
        best = max((w for w, _st in out), default=0)
        if len(own) >= need and len(own) >= best - 1:  # statements sharing topics only may count
            more_found: set[tuple] = set()
            for src in srcs:
                idx = self._index(src)
                for t in own:
                    more_found.update(st for st in idx.get(("t", t), ()) if st not in found)
            if within is not None:
                more_found &= within
            out += self._score(more_found, text, topics, speaker, need)
        return out

    @staticmethod
    def _score(sts, text: str, topics: tuple, speaker: str | None, need: int) -> list[tuple[int, tuple]]:
        out = []
        for st in sts:
            if st[0] == text or (st[1] and st[1] == speaker):
                continue
            w = _words((text, topics), (st[0], st[2]))
            if w >= need:
                out.append((w, st))
        return out

    def of(self, name: str | None, content: str) -> set[tuple]:
        if name:
            found = set().union(*(self.by_token.get(t, ()) for t in _name_tokens(name)))
            if not found:
                found = set(self.by_party.get(lexicon().party_of(name), ()))
            return found
        return set().union(*(self.by_word.get(w, ()) for w in content_words(content) if w in self.usable))


class _Targets:
    """The claims a group of denials points at: whole statements, or their
    claims in one article; counted, and shown by the first stored."""

    def __init__(self, by_source: dict):
        self.whole: dict[int, Group] = {}
        self.parts: dict[tuple, tuple[Group, int]] = {}  # (group, article)
        self._by_source = by_source  # shared: group -> its claims by article

    def add(self, gs: list[Group], source: int | None) -> None:
        for g in gs:
            if source is None:
                self.whole.setdefault(id(g), g)
            else:
                self.parts.setdefault((id(g), source), (g, source))

    def _members(self):
        """(group, member positions) for every group pointed at."""
        for g in self.whole.values():
            yield g, range(len(g))
        for (gid, _), (g, source) in self.parts.items():
            if gid not in self.whole:
                yield g, self._in_source(g, source)

    def _in_source(self, g: Group, source: int) -> list[int]:
        """The positions of a group's claims in one article (indexed once per group)."""
        index = self._by_source.get(id(g))
        if index is None:
            index = self._by_source[id(g)] = {}
            for k, sid in enumerate(g.sources):
                index.setdefault(sid, []).append(k)
        return index.get(source, [])

    def count(self) -> int:
        return sum(len(ks) for _, ks in self._members())  # a claim is in one group, a group's articles differ

    def first(self) -> list[ClaimView]:
        firsts = [(g.ids[k], g, k) for g, ks in self._members() for k in ks[:REPRESENTATIVES]]
        return [g.view(k) for _, g, k in sorted(firsts, key=lambda x: x[0])[:REPRESENTATIVES]]


def _statements_of(cands: _Candidates, only: dict[int, set[int]]) -> dict[int, set[tuple]]:
    """Denying claim id -> the candidate statements holding the claims it is compared with only."""
    if not only:
        return {}
    wanted = set().union(*only.values())
    st_of: dict[int, tuple] = {}
    for st, gs in cands.groups.items():
        for g in gs:
            for cid in g.ids:
                if cid in wanted:
                    st_of[cid] = st
    return {d: {st_of[c] for c in cs if c in st_of} for d, cs in only.items()}


def detect_denials(claims: list[ClaimView], context=None) -> list[Finding]:
    """Findings of kind 'denial' linking a denying claim to the claim it denies."""
    out = detect_agreement_denials(claims)
    deniers = analysed(claims, denials_in)
    if not deniers:
        return out
    _, min_named, min_unnamed = _rules()
    store = getattr(context, "store", {})
    cands = _Candidates(claims, deniers, store.get("word_count"))
    # best: filled with each denying claim's best score per denial (claim id -> scores), when asked;
    # floor: best scores known from the whole store when the claims given are only part of it
    bests, floor = store.get("denial_best"), store.get("denial_floor") or {}
    # only: a denying claim compared with these claims only (the new ones, after an ingest)
    within = _statements_of(cands, store.get("denial_only") or {})
    ranked: dict[tuple, list[tuple[int, tuple]]] = {}
    found: dict[tuple, dict] = {}
    by_source: dict[int, dict[int, list[int]]] = {}  # id(group) -> article -> member positions (groups live on)
    for cl, ds in deniers:
        if bests is not None:
            bests[cl.id] = [0] * len(ds)
        for i, (name, content, words) in enumerate(ds):
            rkey = (cl.text, cl.speaker, cl.topics, name, content)
            if rkey not in ranked:  # once per denying statement: its candidates by shared content
                need = min_named if name else min_unnamed
                only = within.get(cl.id)
                if name:  # from postings: never every statement of the named source
                    scored = cands.scored(name, cl.text, cl.topics, cl.speaker, need, only)
                else:
                    sts = cands.of(name, content)
                    scored = _Candidates._score(sts if only is None else sts & only, cl.text, cl.topics, cl.speaker,
                                                need)
                ranked[rkey] = sorted(scored, key=lambda x: (-x[0], x[1][0], x[1][1] or "", x[1][2]))
            scored = ranked[rkey]
            if not scored:
                continue
            # a statement also made in the denier's own article scores one more
            here = {st: w + 1 for w, st in scored if st in cands.in_source.get(cl.source_id, ())}
            best = max(scored[0][0], max(here.values(), default=0), *floor.get(cl.id, ())[i:i + 1])
            if bests is not None:
                bests[cl.id][i] = best
            for w, st in scored:
                if w < best - 1:
                    break
                if here.get(st) == best:
                    source = cl.source_id
                elif w == best:
                    source = None
                else:
                    continue
                g = found.setdefault((cl.text, cl.speaker, st[0], st[1]),
                                     {"deniers": {}, "targets": _Targets(by_source), "name": name,
                                      "words": words})
                g["deniers"].setdefault(cl.id, cl)
                g["targets"].add(cands.groups[st], source)
    for g in sorted(found.values(), key=lambda g: min(g["deniers"])):
        deniers_shown = first_stored(g["deniers"].values())
        targets_shown = g["targets"].first()
        name, words = g["name"], g["words"].strip()
        expl = (f"{who(deniers_shown[0])}{more(len(g['deniers']), 1)} denies "
                f"{('the statement of ' + name) if name else 'a statement'}: \"{words}\" -> "
                f"{who(targets_shown[0])}{more(g['targets'].count(), 1)}")
        out.append(finding("denial", [(d, words) for d in deniers_shown] + [(t, t.text[:200]) for t in targets_shown],
                           None, expl, "denial.explicit", named=name,
                           block=("denier", deniers_shown[0].text, deniers_shown[0].speaker)))
    return out

"""Denial detector: a claim that explicitly denies another source's statement.

'X denied Gerasimov's claims ...' is linked to the claim of the named
source (same article or another) that shares the most content with it:
words, places and topics.  A denial that names no source ('rejected reports
that ...') is linked through what it denies.  Candidates come from indexes
(speaker name tokens; content words), never from a scan of all pairs.

A second mechanism (rules/denials.json 'agreement') pairs an agreement
asserted ('had agreed a fee', 'reached a deal') with one denied ('had not
accepted any proposal', 'no agreement has been reached', 'denied agreeing'):
in one article, or across articles sharing a proper name (indexed by name).
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..records import ClaimView, Finding
from .common import GENERIC_TOPICS, day, finding, who
from .lexicon import STOPWORDS, _load, content_words, lexicon

COMMON_WORD_LIMIT = 50  # words in more claims than this are not used to find candidates


@lru_cache(maxsize=1)
def _rules():
    cfg = _load("denials.json")
    verb = "(?:" + "|".join(map(re.escape, cfg["verbs"])) + ")"
    noun = "(?:" + "|".join(map(re.escape, sorted(cfg["nouns"], key=len, reverse=True))) + ")"
    pats = tuple(re.compile(p.replace("{VERB}", verb).replace("{NOUN}", noun)) for p in cfg["patterns"])
    return pats, int(cfg.get("min_shared", 2)), int(cfg.get("min_shared_unnamed", 3))


@lru_cache(maxsize=1)
def _agreement_rules():
    cfg = _load("denials.json").get("agreement")
    if not cfg:
        return None
    obj = "(?:" + "|".join(map(re.escape, sorted(cfg["objects"], key=len, reverse=True))) + ")"

    def comp(p):
        return re.compile(p.replace("{OBJ}", obj), re.I)

    return dict(asserts=tuple(comp(p) for p in cfg["assert"]), denies=tuple(comp(p) for p in cfg["deny"]),
                qualifier=comp(cfg["qualifier"]), max_days=int(cfg.get("max_days", 14)))


_AGREE_CUE = re.compile(r"agree|accept|reach|sign|struck|strik|seal|clinch|conclu|finali|done", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b(?-i:[A-Z][a-z]{2,})")


def agreements_in(text: str) -> tuple[str | None, str]:
    """('assert' | 'deny' | None, words) for an agreement the text reports."""
    r = _agreement_rules()
    if r is None or not _AGREE_CUE.search(text):
        return None, ""
    for pat in r["denies"]:
        m = pat.search(text)
        if m:
            return "deny", m.group(0)
    for pat in r["asserts"]:
        m = pat.search(text)
        if m:
            prefix = text[max(0, m.start() - 12):m.start()].lower()
            if re.search(r"\b(?:not|never|no)\s+$", prefix):
                return "deny", m.group(0)
            return "assert", m.group(0)
    return None, ""


def _names(cl: ClaimView) -> set[str]:
    """Proper names a claim mentions (capitalised words not opening a sentence)."""
    return {w.lower() for w in _NAME.findall(cl.text) if w.lower() not in STOPWORDS}


def _qualifier(text: str) -> set[str]:
    m = _agreement_rules()["qualifier"].search(text)
    return content_words(m.group("on")) if m else set()


def detect_agreement_denials(claims: list[ClaimView]) -> list[Finding]:
    """An agreement asserted by one source and denied by another: paired in
    one article, or across articles sharing a proper name and published close
    together; one finding per connected set of such claims."""
    r = _agreement_rules()
    if r is None:
        return []
    asserted, denied = [], []
    for cl in claims:
        pol, words = agreements_in(cl.text)
        if pol == "assert":
            asserted.append((cl, words))
        elif pol == "deny":
            denied.append((cl, words))
    if not asserted or not denied:
        return []
    by_source: dict[int, list] = defaultdict(list)
    by_name: dict[str, list] = defaultdict(list)
    for a in asserted:
        by_source[a[0].source_id].append(a)
        for n in _names(a[0]):
            by_name[n].append(a)
    parent: dict[int, int] = {}

    def root(i):
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words_of: dict[int, tuple[ClaimView, str]] = {}
    for d in denied:
        dcl = d[0]
        cands = {a[0].id: a for a in by_source.get(dcl.source_id, [])}
        for n in _names(dcl):
            post = by_name.get(n, [])
            if len(post) <= COMMON_WORD_LIMIT:
                cands.update((a[0].id, a) for a in post)
        dq, dday = _qualifier(dcl.text), day(dcl)
        for acl, awords in cands.values():
            if acl.id == dcl.id or (acl.speaker and acl.speaker == dcl.speaker):
                continue
            aday = day(acl)
            if acl.source_id != dcl.source_id and dday is not None and aday is not None \
                    and abs(aday - dday) > r["max_days"]:
                continue
            aq = _qualifier(acl.text)
            if aq and dq and not (aq & dq):
                continue  # agreed on one thing, denied on another
            words_of[acl.id] = (acl, awords)
            words_of[dcl.id] = d
            parent[root(dcl.id)] = root(acl.id)
    comps: dict[int, list[int]] = defaultdict(list)
    for cid in words_of:
        comps[root(cid)].append(cid)
    out = []
    deny_ids = {d[0].id for d in denied}
    for ids in comps.values():
        members = [words_of[i] for i in sorted(ids, key=lambda i: (i not in deny_ids, i))]
        deniers = [cl for cl, _ in members if cl.id in deny_ids]
        others = [cl for cl, _ in members if cl.id not in deny_ids]
        expl = (f"an agreement asserted by {', '.join(who(c) for c in others)} is denied by "
                f"{', '.join(who(c) for c in deniers)}: " + " vs ".join(f'"{w.strip()}"' for _, w in members))
        out.append(finding("denial", [(cl, w.strip()) for cl, w in members], None, expl, "denial.agreement"))
    return out


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


def _name_tokens(name: str | None) -> set[str]:
    return {t.lower() for t in re.findall(r"[A-Za-z][\w-]+", name or "") if len(t) > 2}


@lru_cache(maxsize=65536)
def _places(text: str) -> frozenset[str]:
    return frozenset(p for _, _, p in lexicon().places_in(text))


def _score(denier: ClaimView, content: str, cand: ClaimView) -> tuple[int, int]:
    shared = content_words(denier.text) & content_words(cand.text)
    places = _places(denier.text) & _places(cand.text)
    topics = (set(denier.topics) & set(cand.topics)) - GENERIC_TOPICS
    words = len(shared) + 2 * len(places) + len(topics)
    return words + (1 if cand.source_id == denier.source_id else 0), words


def detect_denials(claims: list[ClaimView], context=None) -> list[Finding]:
    """Findings of kind 'denial' linking a denying claim to the claim it denies."""
    lex = lexicon()
    _, min_named, min_unnamed = _rules()
    by_token: dict[str, list[ClaimView]] = defaultdict(list)
    by_party: dict[str, list[ClaimView]] = defaultdict(list)
    by_word: dict[str, list[ClaimView]] = defaultdict(list)
    for cl in claims:
        for t in _name_tokens(cl.speaker):
            by_token[t].append(cl)
        party = lex.party_of(cl.speaker)
        if party:
            by_party[party].append(cl)
        for w in content_words(cl.text):
            by_word[w].append(cl)
    out = detect_agreement_denials(claims)
    for cl in claims:
        for name, content, words in denials_in(cl.text):
            if name:
                toks = _name_tokens(name)
                cands = {c.id: c for t in toks for c in by_token.get(t, [])}
                if not cands:
                    party = lex.party_of(name)
                    cands = {c.id: c for c in by_party.get(party, [])} if party else {}
                need = min_named
            else:
                cands = {}
                for w in content_words(content):
                    post = by_word.get(w, [])
                    if len(post) <= COMMON_WORD_LIMIT:
                        cands.update((c.id, c) for c in post)
                need = min_unnamed
            cands.pop(cl.id, None)
            scored = []
            for c in cands.values():
                if c.speaker and c.speaker == cl.speaker:
                    continue
                total, words_shared = _score(cl, content, c)
                if words_shared >= need:
                    scored.append((total, c))
            if not scored:
                continue
            best = max(s for s, _ in scored)
            for s, target in sorted(scored, key=lambda sc: sc[1].id):
                if s != best:
                    continue
                expl = (f"{who(cl)} denies {('the statement of ' + name) if name else 'a statement'}: "
                        f"\"{words.strip()}\" -> {who(target)}")
                out.append(finding("denial", [(cl, words.strip()), (target, target.text[:200])], None, expl,
                                   "denial.explicit", named=name))
    return out

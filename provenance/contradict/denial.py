"""Denial detector: a claim that explicitly denies another source's statement.

'X denied Gerasimov's claims ...' is linked to the claim of the named
source (same article or another) that shares the most content with it:
words, places and topics.  A denial that names no source ('rejected reports
that ...') is linked through what it denies.  Candidates come from indexes
(speaker name tokens; content words), never from a scan of all pairs.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..records import ClaimView, Finding
from .common import GENERIC_TOPICS, finding, who
from .lexicon import _load, content_words, lexicon

COMMON_WORD_LIMIT = 50  # words in more claims than this are not used to find candidates


@lru_cache(maxsize=1)
def _rules():
    cfg = _load("denials.json")
    verb = "(?:" + "|".join(map(re.escape, cfg["verbs"])) + ")"
    noun = "(?:" + "|".join(map(re.escape, sorted(cfg["nouns"], key=len, reverse=True))) + ")"
    pats = tuple(re.compile(p.replace("{VERB}", verb).replace("{NOUN}", noun)) for p in cfg["patterns"])
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


def _name_tokens(name: str | None) -> set[str]:
    return {t.lower() for t in re.findall(r"[A-Za-z][\w-]+", name or "") if len(t) > 2}


def _score(denier: ClaimView, content: str, cand: ClaimView) -> tuple[int, int]:
    lex = lexicon()
    shared = content_words(denier.text) & content_words(cand.text)
    places = {p for _, _, p in lex.places_in(denier.text)} & {p for _, _, p in lex.places_in(cand.text)}
    topics = (set(denier.topics) & set(cand.topics)) - GENERIC_TOPICS
    words = len(shared) + 2 * len(places) + len(topics)
    return words + (1 if cand.source_id == denier.source_id else 0), words


def detect_denials(claims: list[ClaimView]) -> list[Finding]:
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
    out = []
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

"""Denials of an agreement (kind 'denial', detector 'denial.agreement').

rules/denials.json 'agreement' pairs an agreement asserted ('had agreed a
fee', 'reached a deal') with one denied ('had not accepted any proposal',
'no agreement has been reached', 'denied agreeing'): in one article, or
across articles sharing a proper name (indexed by name) and published
close together.  One finding per connected set of such claims; claims with
the same words and speaker are one statement, shown by its first stored
claims (common.REPRESENTATIVES).
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..records import ClaimView, Finding
from .common import day, finding, first_stored, more, who
from .fastre import Fast
from .lexicon import STOPWORDS, _load, content_words
from .table import analysed

NAME_LIMIT = 50  # a name in more asserting claims than this does not pair articles


@lru_cache(maxsize=1)
def _agreement_rules():
    cfg = _load("denials.json").get("agreement")
    if not cfg:
        return None
    obj = "(?:" + "|".join(map(re.escape, sorted(cfg["objects"], key=len, reverse=True))) + ")"

    def comp(p):
        return Fast(re.compile(p.replace("{OBJ}", obj), re.I))

    return dict(asserts=tuple(comp(p) for p in cfg["assert"]), denies=tuple(comp(p) for p in cfg["deny"]),
                qualifier=comp(cfg["qualifier"]), max_days=int(cfg.get("max_days", 14)))


_AGREE_CUE = Fast(re.compile(r"agree|accept|reach|sign|struck|strik|seal|clinch|conclu|finali|done", re.I))
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b(?-i:[A-Z][a-z]{2,})")
_NOT_BEFORE = re.compile(r"\b(?:not|never|no)\s+$")


def agreements_in(text: str) -> tuple[str | None, str]:
    """('assert' | 'deny' | None, words) for an agreement the text reports."""
    r = _agreement_rules()
    if r is None or not _AGREE_CUE.test(text):
        return None, ""
    for pat in r["denies"]:
        m = pat.search(text)
        if m:
            return "deny", m.group(0)
    for pat in r["asserts"]:
        m = pat.search(text)
        if m:
            prefix = text[max(0, m.start() - 12):m.start()].lower()
            if _NOT_BEFORE.search(prefix):
                return "deny", m.group(0)
            return "assert", m.group(0)
    return None, ""


def _agreement(text: str) -> tuple[str, str] | None:
    pol, words = agreements_in(text)
    return (pol, words) if pol else None


@lru_cache(maxsize=16384)
def _names(text: str) -> frozenset[str]:
    """Proper names a text mentions (capitalised words not opening a sentence)."""
    return frozenset(w.lower() for w in _NAME.findall(text) if w.lower() not in STOPWORDS)


@lru_cache(maxsize=16384)
def _qualifier(text: str) -> frozenset[str]:
    m = _agreement_rules()["qualifier"].search(text)
    return content_words(m.group("on")) if m else frozenset()


def detect_agreement_denials(claims: list[ClaimView]) -> list[Finding]:
    """An agreement asserted by one source and denied by another: paired in
    one article, or across articles sharing a proper name and published
    close together; one finding per connected set of such claims."""
    r = _agreement_rules()
    if r is None:
        return []
    asserted, denied = [], []
    for cl, (pol, words) in analysed(claims, _agreement):
        (asserted if pol == "assert" else denied).append((cl, words))
    if not asserted or not denied:
        return []
    by_source: dict[int, list] = defaultdict(list)
    by_name: dict[str, list] = defaultdict(list)
    for a in asserted:
        by_source[a[0].source_id].append(a)
        for n in sorted(_names(a[0].text)):
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
        for n in sorted(_names(dcl.text)):
            post = by_name.get(n, [])
            if len(post) <= NAME_LIMIT:
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
        stmts: dict[tuple, list] = {}
        for i in ids:
            cl = words_of[i][0]
            stmts.setdefault((i in deny_ids, cl.text, cl.speaker), []).append(words_of[i])
        shown = {k: first_stored(v, claim=lambda e: e[0]) for k, v in stmts.items()}
        members = sorted((e for v in shown.values() for e in v), key=lambda e: (e[0].id not in deny_ids, e[0].id))

        def names(deny: bool) -> str:
            return ", ".join(who(shown[k][0][0]) + more(len(stmts[k]), 1)
                             for k in sorted(shown, key=lambda k: shown[k][0][0].id) if k[0] == deny)

        expl = (f"an agreement asserted by {names(False)} is denied by {names(True)}: "
                + " vs ".join(f'"{w.strip()}"' for _, w in members))
        out.append(finding("denial", [(cl, w.strip()) for cl, w in members], None, expl, "denial.agreement"))
    return out

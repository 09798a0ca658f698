"""Block keys: the blocks each detector puts a claim in, as strings.

Detection after an ingest looks the new claims' keys up (an index of
claim -> key) to find the claims their findings can involve, runs the
detectors on those claims only and keeps the findings of the blocks the new
claims touch.  A key is a detector's prefix and what it blocks on:

  d:  a dispute block (control of a place, a state, a denied claim by uid)
  s:  a share block (the object shared, else the topic)
  v:  a quantity block (type, subject, the article for article-scoped types)
  p:  a plan topic (refusals and the plan statements they meet)
  a   the agreements block (asserted and denied agreements, few)
  n:  a denying statement (its words and speaker)
  rt: rp: rw:  what a denying statement reaches (a name token, a party, a content word)
  ct: cp: cw:  what a claim is reached by (its speaker's name tokens and party, its content words)
  vs: a quantity type and a subject a claim names (the store's subjects)
  vq: a quantity type a claim states with no subject (it joins the type's only subject)

`finding_block(finding, uid_of)` is the key of the block a finding was made in.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from .agreement import _agreement
from .common import GENERIC_TOPICS
from .denial import _name_tokens, denials_in
from .lexicon import content_words, lexicon
from .position import _refusal
from .quantities import qtype, quantities_in
from .share import _keys as share_keys, allocation_in
from .table import analysed

WIDTH = 200  # the key column's width: longer keys are hashed


def _k(prefix: str, *parts) -> str:
    s = "\x1f".join("" if p is None else str(p) for p in parts)
    if len(prefix) + len(s) > WIDTH - 8:
        s = "#" + hashlib.sha1(s.encode("utf-8")).hexdigest()
    return prefix + s


def dispute_key(key: tuple, uid_of) -> str:
    if key[0] == "claim":
        return _k("d:", "claim", uid_of(key[1]))
    return _k("d:", *key)


def value_key(key: tuple) -> str:
    return _k("v:", *key)


def denier_key(text: str, speaker: str | None) -> str:
    return "n:" + hashlib.sha1(f"{speaker or ''}\x1f{text}".encode("utf-8")).hexdigest()


def finding_block(f, uid_of) -> str | None:
    """The key of the block a finding was made in."""
    det = f.detector
    b = f.extra.get("block")
    if det.startswith("dispute."):
        return dispute_key(b, uid_of)
    if det.startswith("share."):
        return "s:" + b if len(b) < WIDTH - 2 else _k("s:", b)
    if det.startswith("value."):
        return value_key(b)
    if det.startswith("position."):
        return _k("p:", f.topic)
    if det == "denial.agreement":
        return "a"
    if det == "denial.explicit":
        return denier_key(b[1], b[2])
    return None


def subjects_of(claims) -> set[tuple[str, str]]:
    """(quantity type, subject) for every subject the claims name."""
    return {(q.type, q.subject) for _cl, qs in analysed(claims, quantities_in) for q in qs if q.subject}


def claim_keys(claims, entries, uid_of, subjects: dict[str, set], context=None) -> dict[int, set[str]]:
    """claim id -> its block keys, for the claims given; `entries` are the
    dispute detector's (claim, side, assertion) for them, `subjects` the
    store's subjects by quantity type (a claim naming none joins the only one);
    `context` the detection Context (a share keyed by what its article named before it)."""
    keys: dict[int, set[str]] = defaultdict(set)
    for cl, _side, a in entries:
        keys[cl.id].add(dispute_key(a.key, uid_of))
        if a.key[0] == "claim":  # the denied claim is in the block too
            keys[a.key[1]].add(dispute_key(a.key, uid_of))
    for cl, alloc in analysed(claims, allocation_in):
        for k in share_keys(cl, cl.text, context, alloc.words):
            keys[cl.id].add("s:" + k if len(k) < WIDTH - 2 else _k("s:", k))
    for cl, qs in analysed(claims, quantities_in):
        for q in qs:
            subj = q.subject
            if subj:
                keys[cl.id].add(_k("vs:", q.type, subj))
            else:
                keys[cl.id].add(_k("vq:", q.type))
                if len(subjects.get(q.type, ())) == 1:
                    subj = next(iter(subjects[q.type]))
            key = (q.type, subj, cl.source_id) if qtype(q.type).scope == "article" else (q.type, subj)
            keys[cl.id].add(value_key(key))
    for cl, _m in analysed(claims, _refusal):
        if cl.speaker_type != "document":
            keys[cl.id].update(_k("p:", t) for t in set(cl.topics) - GENERIC_TOPICS)
    for cl in claims:
        if cl.speaker_type == "document":
            keys[cl.id].update(_k("p:", t) for t in set(cl.topics) - GENERIC_TOPICS)
    for cl, _ag in analysed(claims, _agreement):
        keys[cl.id].add("a")
    lex = lexicon()
    for cl, ds in analysed(claims, denials_in):
        own = keys[cl.id]
        own.add(denier_key(cl.text, cl.speaker))
        for name, content, _words in ds:
            if name:
                own.update(_k("rt:", t) for t in _name_tokens(name))
                party = lex.party_of(name)
                if party:
                    own.add(_k("rp:", party))
            else:
                own.update(_k("rw:", w) for w in content_words(content))
    for cl in claims:
        own = keys[cl.id]
        if cl.speaker:
            own.update(_k("ct:", t) for t in _name_tokens(cl.speaker))
            party = lex.party_of(cl.speaker)
            if party:
                own.add(_k("cp:", party))
        own.update(_k("cw:", w) for w in content_words(cl.text))
    return keys


def reached_by(key: str) -> str | None:
    """For a key a claim is reached by (ct:, cp:, cw:), the key of the
    denying statements that reach it (rt:, rp:, rw:); else None."""
    if key[:3] in ("ct:", "cp:", "cw:"):
        return "r" + key[1:]
    return None


def reaches(key: str) -> str | None:
    """The inverse of reached_by."""
    if key[:3] in ("rt:", "rp:", "rw:"):
        return "c" + key[1:]
    return None


OWN = ("d:", "s:", "v:", "p:", "n:")


def is_block(key: str) -> bool:
    """Is the key a block findings are made in (not a reach or subject key)?"""
    return key == "a" or key[:2] in OWN

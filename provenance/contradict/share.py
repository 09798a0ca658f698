"""Share detector: different parties for the same share.

Each claim's allocation of a shared thing (a plant's electricity, the
proceeds of a fund) is read with the share patterns of rules/quantities.json:
'distributed equally between Russia and Ukraine' -> {Russia: 1/2, Ukraine: 1/2}
(complete); 'Russia would keep half' -> {Russia: 1/2} (partial); '50% to
Ukraine and the remainder allocated by the US' -> {Ukraine: 1/2, US: rest}
(complete).  Claims are blocked by the thing shared (object words, else
topic); identical allocations are grouped (hash), and only distinct
allocations are compared, so the cost is linear in the claims plus the
square of the (few) distinct allocations of a block.  A finding shows each
allocation by its first stored claims (common.REPRESENTATIVES) and counts
the others.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import ClaimView, Finding
from .common import GENERIC_TOPICS, finding, first_stored, listed, who
from .fastre import Fast
from .lexicon import lexicon, quantity_rules
from .numbers import Value, fmt, overlaps, parse_fraction
from .table import analysed

REST = "rest"
EACH = "each side"  # an even split whose parties are not named: every party has half
# cheap test before the share patterns: a word every share pattern of rules/quantities.json contains
_HAS_SHARE = Fast(re.compile(r"%|percent|per cent|half|third|quarter|fourth|fifth|tenth|equal|evenly|50/50|50-50"
                             r"|fifty|remainder|\brest\b|remaining|balance|\beven\b", re.I))


@dataclass(frozen=True)
class Allocation:
    shares: tuple[tuple[str, float | str], ...]  # (party, fraction | "rest"), sorted
    complete: bool
    words: str

    def as_dict(self) -> dict:
        d = dict(self.shares)
        if REST in d.values():
            known = sum(v for v in d.values() if v != REST)
            n = sum(1 for v in d.values() if v == REST)
            d = {p: (max(0.0, 1 - known) / n if v == REST else v) for p, v in d.items()}
        return d

    def describe(self) -> str:
        return ", ".join(f"{p} {fmt(v * 100)}%" for p, v in sorted(self.as_dict().items()))


@lru_cache(maxsize=1)
def _rules():
    lex = lexicon()
    cfg = quantity_rules()["shares"]
    pats = tuple((p["kind"], Fast(lex.compile(p["re"]))) for p in cfg["patterns"])
    objects = {cls: Fast(re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I))
               for cls, words in cfg["objects"].items()}
    not_before = re.compile(cfg.get("object_not_before", r"(?!x)x"), re.I)
    return pats, objects, not_before


def _objects_in(text: str):
    """(offset, class) of each object word naming a thing shared, not an office ('Energy Minister')."""
    _, objects, not_before = _rules()
    return [(m.start(), cls) for cls, rx in objects.items() for m in rx.pattern.finditer(text)
            if not not_before.match(text, m.end())]


def allocation_in(text: str) -> Allocation | None:
    """The allocation a claim states, or None."""
    lex = lexicon()
    pats, _, _ = _rules()
    shares: dict[str, float | str] = {}
    if not _HAS_SHARE.test(text):
        return None
    complete = False
    words = []
    for kind, pat in pats:
        for m in pat.finditer(text):
            gd = m.groupdict()
            if kind == "even":
                if not shares:
                    shares[EACH] = 0.5
                    complete = True
                    words.append(m.group(0).strip())
                continue
            if kind in ("equal", "each"):
                parties = list(dict.fromkeys(p for _, _, p in lex.parties_in(gd["parties"])))
                if len(parties) < 2:
                    continue
                if kind == "equal":
                    f = 1 / len(parties)
                else:
                    v = parse_fraction(gd["frac"])
                    if v is None or v.unit != "fraction":
                        continue
                    f = v.mid
                for p in parties:
                    shares.setdefault(p, f)
                complete = complete or abs(f * len(parties) - 1) < 0.05
            else:
                ps = lex.parties_in(gd["party"])
                if not ps:
                    continue
                party = ps[0][2]
                if kind == "rest":
                    shares.setdefault(party, REST)
                    complete = True
                else:
                    v = parse_fraction(gd["frac"])
                    if v is None or v.unit != "fraction":
                        continue
                    shares.setdefault(party, v.mid)
            words.append(m.group(0).strip())
    if not shares:
        return None
    if EACH in shares and len(shares) > 1:
        del shares[EACH]  # the parties are named after all
    known = sum(v for v in shares.values() if v != REST)
    if known > 0.98:
        complete = True
    return Allocation(tuple(sorted(shares.items(), key=lambda kv: kv[0])), complete, "; ".join(words))


def _conflict(a: Allocation, b: Allocation) -> bool:
    da, db = a.as_dict(), b.as_dict()
    if EACH in da or EACH in db:
        other = db if EACH in da else da
        return any(p != EACH and not overlaps(Value(v, v, "", ""), Value(0.5, 0.5, "", ""), 0.05)
                   for p, v in other.items())
    for p in set(da) & set(db):
        if not overlaps(Value(da[p], da[p], "", ""), Value(db[p], db[p], "", ""), 0.05):
            return True
    if b.complete and any(v > 0.01 and p not in db for p, v in da.items()):
        return True
    if a.complete and any(v > 0.01 and p not in da for p, v in db.items()):
        return True
    return False


@lru_cache(maxsize=16384)
def _object_of(text: str, words: str = "") -> str | None:
    """The thing shared: the object word nearest to the allocation's words
    ('the water ... split evenly, the Energy Minister said' is water)."""
    found = _objects_in(text)
    if not found:
        return None
    at = text.find(words.split("; ")[0]) if words else -1
    if at < 0:
        return min(found)[1]
    return min((abs(s - at), cls) for s, cls in found)[1]


BEFORE = 600  # characters of the article before a claim read for the thing it shares


def _keys(cl: ClaimView, text: str, context=None, words: str = "") -> list[str]:
    obj = _object_of(text, words)
    if obj:
        return ["obj:" + obj]
    topics = ["topic:" + t for t in cl.topics if t not in GENERIC_TOPICS][:1]
    if context is None:
        return topics
    # 'Fifty-fifty, that is what was signed': the thing the article was sharing just before
    article, start = context.texts.get(cl.source_id), context.starts.get(cl.id)
    if not article or start is None:
        return topics
    last = max(_objects_in(article[max(0, start - BEFORE):start]), default=None)
    return ["obj:" + last[1]] if last else topics


def detect_shares(claims: list[ClaimView], context=None) -> list[Finding]:
    """Findings of kind 'share' for incompatible allocations of one shared thing."""
    blocks: dict[str, dict[Allocation, list[ClaimView]]] = {}
    for cl, alloc in analysed(claims, allocation_in):
        for k in _keys(cl, cl.text, context, alloc.words):
            sig = Allocation(alloc.shares, alloc.complete, "")
            blocks.setdefault(k, {}).setdefault(sig, []).append((cl, alloc))
    out = []
    for key, groups in blocks.items():
        sigs = list(groups)
        # union-find over conflicting distinct allocations
        parent = list(range(len(sigs)))

        def root(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        edges = set()
        for i in range(len(sigs)):
            for j in range(i + 1, len(sigs)):
                if _conflict(sigs[i], sigs[j]):
                    edges.add((i, j))
                    parent[root(i)] = root(j)
        comps: dict[int, list[int]] = {}
        for i, j in edges:
            comps.setdefault(root(i), [])
        for i in range(len(sigs)):
            if root(i) in comps and any(i in e for e in edges):
                comps[root(i)].append(i)
        for idxs in comps.values():
            members, parts = [], []
            for i in idxs:
                entries = groups[sigs[i]]
                reps = first_stored(entries, claim=lambda e: e[0])
                members.extend((cl, al.words) for cl, al in reps)
                parts.append(f"{sigs[i].describe()}{'' if sigs[i].complete else ' (rest unstated)'} "
                             f"[{listed((who(cl) for cl, _ in reps), len(entries))}]")
            if len({cl.id for cl, _ in members}) < 2:
                continue
            thing = key.split(":", 1)[1]
            expl = f"different parties for the same share of {thing}: " + " vs ".join(parts)
            topic = None if key.startswith("obj:") else thing
            out.append(finding("share", members, topic, expl, "share.allocation", block=key))
    return out

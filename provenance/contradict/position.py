"""Position detector (kind 'position', lower than the factual kinds): a
source refusing what a plan's text sets ('Ukraine will not accept limits on
the size of its army' vs 'the military will be limited to 600,000').
Conservative: the refusing claim and the plan claim must share a specific
topic and at least `min_shared` word stems of what is refused; each refusal
is paired with its one best plan claim.  Blocked by topic.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..records import ClaimView, Finding
from .common import GENERIC_TOPICS, finding, who
from .lexicon import _load, content_stems


@lru_cache(maxsize=1)
def _rules():
    cfg = _load("positions.json")
    return re.compile(cfg["refusal"], re.I), int(cfg.get("min_shared", 2))


def detect_positions(claims: list[ClaimView], context=None) -> list[Finding]:
    refusal, min_shared = _rules()
    plan_by_topic: dict[str, list[ClaimView]] = {}
    # topic -> stem -> plan claims whose text has it (an index: no scan of all plan claims per refusal)
    postings: dict[str, dict[str, list[ClaimView]]] = {}
    for cl in claims:
        if cl.speaker_type == "document":
            for t in set(cl.topics) - GENERIC_TOPICS:
                plan_by_topic.setdefault(t, []).append(cl)
                idx = postings.setdefault(t, {})
                for stem in content_stems(cl.text):
                    idx.setdefault(stem, []).append(cl)
    order = {t: {d.id: i for i, d in enumerate(docs)} for t, docs in plan_by_topic.items()}
    out = []
    for cl in claims:
        if cl.speaker_type == "document":
            continue
        m = refusal.search(cl.text)
        if not m:
            continue
        refused = content_stems(cl.text[m.end():])
        for t in sorted(set(cl.topics) - GENERIC_TOPICS):
            best, best_n = None, 0
            shared: dict[int, int] = {}
            docs: dict[int, ClaimView] = {}
            for stem in refused:
                for doc in postings.get(t, {}).get(stem, ()):
                    shared[doc.id] = shared.get(doc.id, 0) + 1
                    docs[doc.id] = doc
            for did in sorted(shared, key=lambda d: order[t][d]):  # first best in claim order, as before
                if shared[did] > best_n:
                    best, best_n = docs[did], shared[did]
            if best is None or best_n < min_shared:
                continue
            out.append(finding(
                "position", [(cl, cl.text[m.start():m.start() + 120]), (best, best.text[:120])], t,
                f"opposing positions on {t}: {who(cl)} refuses (\"{m.group(0)}\") what {who(best)} sets",
                "position.refusal"))
    return out

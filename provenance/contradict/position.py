"""Position detector (kind 'position', lower than the factual kinds): a
source refusing what a plan's text sets ('Ukraine will not accept limits on
the size of its army' vs 'the military will be limited to 600,000').
Conservative: the refusing claim and the plan claim must share a specific
topic and at least `min_shared` word stems of what is refused; each refusal
is paired with its one best plan statement.  Blocked by topic.

Claims with the same words and speaker are one statement, however many
articles repeat them: a finding pairs one refusing statement with one plan
statement on one topic, each shown by its first stored claims
(common.REPRESENTATIVES), and the best plan statement is found once per
refusing statement (from an index of stems), not once per claim.  The index
holds, of the plan statements alike in the words some refusal on the topic
uses, only the first: a refusal's search does not grow with the plan
statements that repeat one another in other words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..records import ClaimView, Finding
from .common import GENERIC_TOPICS, REPRESENTATIVES, finding, first_stored, more, who
from .fastre import Fast
from .lexicon import _load, content_stems
from .table import Group, analysed, groups


@lru_cache(maxsize=1)
def _rules():
    cfg = _load("positions.json")
    return Fast(re.compile(cfg["refusal"], re.I)), int(cfg.get("min_shared", 2))


def _refusal(text: str):
    return _rules()[0].search(text)


def _plan_index(docs: list[Group]) -> dict[str, dict[tuple, list[Group]]]:
    """topic -> plan statement (text, speaker) -> its groups of claims, in claim order."""
    plan: dict[str, dict[tuple, list[Group]]] = {}
    for g in docs:
        key = (g.text, g.speaker)
        for t in set(g.topics) - GENERIC_TOPICS:
            plan.setdefault(t, {}).setdefault(key, []).append(g)
    return plan


def _postings(plan: dict, vocab: dict[str, set]) -> dict[str, dict[str, list[tuple]]]:
    """topic -> stem -> the plan statements on the topic whose text has it.
    A statement's score against any refusal on its topic depends only on
    its stems that some refusal on the topic has (vocab[t]); of statements
    alike in those, only the first in claim order can be chosen (ties go to
    it), so only it is indexed."""
    postings: dict[str, dict[str, list[tuple]]] = {}
    for t, stmts in plan.items():
        words = vocab.get(t)
        if not words:
            continue
        seen: set[frozenset] = set()
        idx = postings[t] = {}
        for rank, key in enumerate(stmts):  # claim order
            reduced = frozenset(content_stems(key[0]) & words)
            if reduced and reduced not in seen:
                seen.add(reduced)
                for stem in reduced:
                    idx.setdefault(stem, []).append((rank, key))
    return postings


def _best(refused: frozenset, t: str, postings) -> tuple | None:
    """The plan statement on topic t sharing the most stems (at least
    min_shared) with the refused words; the first in claim order on a tie."""
    shared: dict[tuple, int] = {}
    index = postings.get(t, {})
    for stem in refused:
        for ranked in index.get(stem, ()):
            shared[ranked] = shared.get(ranked, 0) + 1
    if not shared:
        return None
    (_rank, best), n = min(shared.items(), key=lambda kv: (-kv[1], kv[0][0]))
    return best if n >= _rules()[1] else None


def detect_positions(claims: list[ClaimView], context=None) -> list[Finding]:
    plan = _plan_index(groups(claims, lambda _name, stype: stype == "document"))
    refusals: dict[tuple, list] = {}  # (text, speaker, topic) -> [(claim, match)]
    for cl, m in analysed(claims, _refusal):
        if cl.speaker_type == "document":
            continue
        for t in sorted(set(cl.topics) - GENERIC_TOPICS):
            if t in plan:
                refusals.setdefault((cl.text, cl.speaker, t), []).append((cl, m))
    refused_of: dict[str, frozenset] = {}  # refusing text -> the stems of what it refuses
    vocab: dict[str, set] = {}
    for (text, _speaker, t), entries in refusals.items():
        if text not in refused_of:
            refused_of[text] = content_stems(text[entries[0][1].end():])
        vocab.setdefault(t, set()).update(refused_of[text])
    postings = _postings(plan, vocab)
    out = []
    best_of: dict[tuple, tuple | None] = {}
    for (text, _speaker, t), entries in refusals.items():
        m = entries[0][1]
        refused = refused_of[text]
        if (refused, t) not in best_of:
            best_of[(refused, t)] = _best(refused, t, postings)
        best = best_of[(refused, t)]
        if best is None:
            continue
        refusing = first_stored(entries, claim=lambda e: e[0])
        docs = plan[t][best]
        setting = first_stored(d for g in docs for d in g.first(REPRESENTATIVES))
        words = text[m.start():m.start() + 120]
        members = [(cl, words) for cl, _ in refusing] + [(d, d.text[:120]) for d in setting]
        r0, d0 = refusing[0][0], setting[0]
        out.append(finding(
            "position", members, t,
            f"opposing positions on {t}: {who(r0)}{more(len(entries), 1)} refuses "
            f"(\"{m.group(0)}\") what {who(d0)}{more(sum(map(len, docs)), 1)} sets",
            "position.refusal"))
    return out

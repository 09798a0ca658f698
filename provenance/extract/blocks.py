"""Pass `blocks`: which paragraphs are read at all.

Page furniture ("Sign up for our newsletter", rules/lexicon.json
`furniture`) is skipped, and a heading repeated word for word (a title
printed twice, a running head) is read once.
"""
from __future__ import annotations

import re
from functools import lru_cache

from provenance.attribute.lexicon import _load, lexicon
from provenance.pattern_index import PatternIndex

from .model import Doc


@lru_cache(maxsize=1)
def _furniture_index() -> PatternIndex:
    return PatternIndex(list(lexicon().furniture_list))


@lru_cache(maxsize=1)
def _prose_words() -> int:
    return int(_load("furniture.json").get("prose_words", 40))


_SENTENCE_END = re.compile(r"[.!?][”\"’]?\s+[“\"]?[A-Z]")


def is_furniture(block_text: str) -> bool:
    found = _furniture_index().matching(block_text)
    if not found:
        return False
    if len(block_text.split()) > _prose_words() and _SENTENCE_END.search(block_text):
        idx = _furniture_index()
        return any(idx.patterns[i].match(block_text) for i in found)  # prose: only a match at its start ('Copyright ...')
    return True


def run(doc: Doc) -> None:
    seen_headings: set[str] = set()
    for block in doc.seg.blocks:
        btext = doc.block_text(block)
        if is_furniture(btext):
            continue
        if block.kind == "heading":
            key = re.sub(r"\W+", " ", btext.lower()).strip()
            if key in seen_headings:
                continue
            seen_headings.add(key)
        doc.blocks.append(block)

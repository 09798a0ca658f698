"""Transcript turns: 'PENCE: Well, look, this is serious business.'

An interview or debate transcript names each turn's speaker in capitals
before a colon at the start of the paragraph (after an opening quote mark
when the whole transcript is quoted).  The turn is a direct claim of that
speaker; section labels of the same shape ('UPDATE: ...') are data
(rules/lexicon.json `headline_labels`) and make no claim.
"""
from __future__ import annotations

import re

from provenance.attribute import direct
from provenance.attribute.frames import Attribution, Mention
from provenance.attribute.lexicon import lexicon

from .model import Doc

_TURN = re.compile(r"[\"“]?(?P<label>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+(?P<rest>\S.{10,})")


def claim(doc: Doc, block, si: int) -> Attribution | None:
    m = _TURN.match(doc.text, block.start, block.end)
    if m is None or m.end() < block.end or m.group("label").lower() in lexicon().headline_labels:
        return None
    a, b = m.span("label")
    name = " ".join(w.capitalize() for w in m.group("label").split())  # PENCE -> Pence, as the article names him
    qs = doc.qindex.within(m.start("rest"), block.end)
    return Attribution(block.start, block.end, "direct", ":", "direct.transcript", Mention(name, a, b), si,
                       doc.text[m.start("rest"):block.end].strip(" \"“”") or direct.quote_text(doc.text, qs),
                       cue_start=b)

"""A quotation credited after a dash: '“The ferry must run at night.” ― Ola Brekke'.

Readers' voices, pull quotes and epigraphs name their speaker after a dash
(―, —, –) at the end of the paragraph, with no speech verb.  The paragraph
must be quotation up to the dash and a personal name after it (capitalised
words, name particles, initials); anything else after the dash (a date, a
clause, a lower-case word) makes no claim.
"""
from __future__ import annotations

import re

from provenance.attribute import direct
from provenance.attribute.frames import Attribution, Mention
from provenance.attribute.lexicon import lexicon

from .model import Doc

_CREDIT = re.compile(r"\s*[―—–]\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}?)\s*\.?\s*$")


def _name(words: list[str]) -> bool:
    lex = lexicon()
    return all(w[:1].isupper() or w in lex.name_particles for w in words) and not (
        words[0].lower() in lex.not_name_words or any(w.isdigit() for w in words))


def claim(doc: Doc, block, si: int) -> Attribution | None:
    qs = doc.qindex.within(block.start, block.end)
    if not qs:
        return None
    last = max(q.end for q in qs)
    m = _CREDIT.match(doc.masked, last, block.end)
    if m is None or not direct.quote_only(doc.masked, block.start, last) or not _name(m.group("name").split()):
        return None
    if sum(len(doc.text[q.inner_start:q.inner_end].split()) for q in qs) < 3:
        return None
    a, b = m.start("name"), m.end("name")
    if doc.text[b - 1] == "." and len(doc.text[a:b].split()[-1]) > 2:
        b -= 1  # the full stop after a surname, not an initial's
    return Attribution(block.start, block.end, "direct", "―", "direct.dash", Mention(doc.text[a:b], a, b), si,
                       direct.quote_text(doc.text, qs), cue_start=m.start())

"""A title that credits its words with a colon: 'Mayor Lee: Harbour Will Reopen in May'.

A title whose part after the colon holds a quotation credits it to the name
opening the part before ('Obama on Climate: The Trends Are \'Terrifying\'') or
following 'from' ('A lesson from Loretta Lynch: \'Be the voice ...\'').
Only the article's title (its first heading) is read so: subheads of that
shape label a section more often than they quote.  The name before the
colon (one to four capitalised words, no verb) is the speaker and the rest
of the title is the claim.  Section labels of the same shape ('Opinion:
...', 'Watch: ...') are data (rules/lexicon.json `headline_labels`) and
make no claim.
"""
from __future__ import annotations

import re

from provenance.attribute import direct
from provenance.attribute.frames import Attribution, Mention
from provenance.attribute.lexicon import lexicon

from .model import Doc

_COLON = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):\s+(?P<rest>\S.{8,})")


_HEAD_QUOTE = re.compile(r"(?P<head>[^:]{3,80}?):\s+(?P<rest>\S.{8,})")
_NAME_AFTER = re.compile(r"\b(?:from|by|with)\s+(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)")
_NAME_FIRST = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)")
_SINGLE_QUOTED = re.compile(r"(?:^|\s)'[^'\n]{2,}'(?=\W|$)")  # 'Terrifying.' in a title: straight single quotes


def _quoted_rest(doc: Doc, block, si: int) -> Attribution | None:
    """'Obama on Climate Change: The Trends Are \'Terrifying.\'', 'A lesson from Loretta Lynch: \'Be ...\'': a
    quotation after the colon, credited to the name opening the head or following 'from'/'by'/'with'."""
    m = _HEAD_QUOTE.fullmatch(doc.masked, block.start, block.end)
    if m is None or len(m.group("head").split()) > 8 or not (
            doc.qindex.within(m.start("rest"), block.end) or _SINGLE_QUOTED.search(doc.text, m.start("rest") - 1, block.end)):
        return None
    lex = lexicon()
    n = _NAME_AFTER.search(m.group("head")) or _NAME_FIRST.match(m.group("head"))
    if n is None or n.group("name").lower() in lex.headline_labels or n.group("name").split()[0].lower() in lex.determiners:
        return None
    a, b = m.start("head") + n.start("name"), m.start("head") + n.end("name")
    qs = doc.qindex.within(block.start, block.end)
    kind = "direct" if qs and direct.quote_only(doc.masked, m.start("rest"), block.end) else "mixed"
    return Attribution(block.start, block.end, kind, ":", "heading.colon", Mention(doc.text[a:b], a, b), si,
                       direct.quote_text(doc.text, qs), cue_start=m.end("head"))


def claim(doc: Doc, block, si: int) -> Attribution | None:
    m = _COLON.fullmatch(doc.masked, block.start, block.end)
    if m is None:
        return _quoted_rest(doc, block, si)
    name = m.group("name")
    lex = lexicon()
    if name.lower() in lex.headline_labels or name.isupper() and len(name) > 4 or any(
            w.lower() in lex.form_lemma for w in name.split()):
        return None  # 'Opinion: ...', 'WATCH: ...', 'Trump Says: ...'
    a, b = m.span("name")
    qs = doc.qindex.within(block.start, block.end)
    kind = "direct" if qs and direct.quote_only(doc.masked, m.start("rest"), block.end) else "mixed" if qs else "indirect"
    return Attribution(block.start, block.end, kind, ":", "heading.colon", Mention(doc.text[a:b], a, b), si,
                       direct.quote_text(doc.text, qs), cue_start=m.end("name"))

"""A title that credits its words with a colon: 'Mayor Lee: Harbour Will Reopen in May'.

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


def claim(doc: Doc, block, si: int) -> Attribution | None:
    m = _COLON.fullmatch(doc.masked, block.start, block.end)
    if m is None:
        return None
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

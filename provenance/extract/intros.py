"""Pass `intros`: paragraphs that end with ':' and what they introduce.

"The statement listed three demands:" introduces the list items after it
(a document intro), "The minister said:" a person's (a person intro): the
items are claims of that source.  An intro stays in force over the list
items that follow it and ends at the next paragraph that is not one.  A
colon paragraph with no such source may still name, as its subject, the
speaker of a quotation standing alone in the next paragraph
("The chair set out her reasons at length:" + quotation).
"""
from __future__ import annotations

from provenance.attribute import document
from provenance.attribute.subject import main_subject

from .model import Doc, Intro


def run(doc: Doc) -> None:
    current: Intro | None = None
    for block in doc.blocks:
        if block.kind != "bullet":
            current = None
        elif current is not None:
            doc.intro_for[block.index] = current
        if not doc.ends_intro(block):
            continue
        si = doc.by_block[block.index][-1]
        s = doc.sentences[si]
        toks = doc.sentence_tokens(si)
        kind, mention = document.intro_source(doc.text, doc.masked, toks, s.start, s.end)
        intro = Intro(block.index, si, kind, mention)
        doc.intros[block.index] = intro
        current = intro if kind else None
        if not kind and toks:
            men = main_subject(toks, doc.text)
            if men is not None:
                doc.colon_mention[block.index] = men

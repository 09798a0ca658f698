"""Pass `relays`: the outlets that passed each read sentence on.

Relays are read in text order because a back-reference ("the paper
reported", "told the agency") names the outlet that last reported
(provenance.attribute.relay).  A sentence is searched only when it has an
outlet word, or says "report" after an outlet has reported.  The outlets
that saw a quoted document ("a draft seen by AFP") are kept for every
document claim of the article; the relays of a list intro for its items.
"""
from __future__ import annotations

from provenance.attribute import document, relay

from .cues import has
from .model import Doc


def run(doc: Doc) -> None:
    masked = doc.masked
    doc_word = document.patterns().doc_word
    attended = set(doc.attended)
    last_reporter: str | None = None
    own = getattr(doc.article, "outlet", None)  # 'told this newspaper': the article's publisher
    selfref = relay.self_reference() if own else None
    for block in doc.blocks:
        refs: list[str] = []
        for si in doc.by_block.get(block.index, []):
            if si not in attended:
                continue
            s = doc.sentences[si]
            if not (has(doc.outlet_pos, s.start, s.end) or last_reporter and "report" in masked[s.start:s.end]
                    or selfref is not None and selfref.search(masked, s.start, s.end)):
                continue
            rels = relay.find_relays(masked, s.start, s.end, last_reporter, own)
            for r in rels:
                if r.mode in ("reported", "by"):
                    last_reporter = r.outlet
                if r.mode == "ref":
                    refs.append(r.outlet)
            if any(r.mode == "by" for r in rels) and doc_word.search(masked, s.start, s.end):
                doc.document_relays.extend(r.outlet for r in rels if r.mode == "by")
            if rels:
                doc.relays[si] = rels
        if refs:
            doc.block_refs[block.index] = refs
        intro = doc.intros.get(block.index)
        if intro is not None:
            s = doc.sentences[intro.sentence]
            doc.intro_via[block.index] = relay.vias(relay.find_relays(masked, s.start, s.end, last_reporter))

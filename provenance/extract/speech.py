"""Pass `speech`: the cue frames of each sentence worth reading.

A frame is a cue (speech verb, 'according to', a document's verb) with its
source and the side its content lies on (provenance.attribute.reported).
Under a list intro only past-tense cues open a new claim in a list item
(a present 'says' there is part of the item's content); the question of a
sentence opening "Asked whether ..." is no claim, nor is a question the
article asks in its own voice.
"""
from __future__ import annotations

from provenance.attribute import colon_quote, findings, frame_select, pointback, relay, reported
from provenance.attribute.frames import skip_adverbial
from provenance.attribute.lexicon import lexicon

from .model import Doc

_PRESENT = ("base", "third")


def _is_outlet(m) -> bool:
    return relay.outlet_phrase(m) is not None or relay.described_outlet(m) is not None


def run(doc: Doc) -> None:
    lex = lexicon()
    form_kind = lex.form_kind
    for block in doc.blocks:
        heading = block.kind == "heading"
        under_intro = block.index in doc.intro_for
        for si in doc.by_block.get(block.index, []):
            if si not in doc.cued:
                continue
            toks = doc.sentence_tokens(si)
            if not toks:
                continue
            s = doc.sentences[si]
            if doc.masked[s.start:s.end].rstrip(" \"”’»)").endswith("?"):
                continue  # "Why would Moscow insist on ...?": the article's own question is no claim
            frames = reported.frames_in(doc.text, doc.masked, toks, s.start, s.end, heading)
            if not heading:  # "a survey by X found that ...", "X put the losses at N"
                taken = {f.cue_start for f in frames}
                found = [f for f in findings.finding_frames(doc.text, doc.masked, toks, s.start, s.end)
                         if f.cue_start not in taken]
                if found:
                    frames = sorted(frames + found, key=lambda f: f.cue_start)
                back = pointback.pointback_frames(doc.text, toks)  # "..., a claim Kyiv rejected"
                if back:
                    at = {f.cue_start for f in back}
                    frames = sorted([f for f in frames if f.cue_start not in at] + back, key=lambda f: f.cue_start)
                if not frames:  # "X went further on his blog: “...”"
                    frames = colon_quote.colon_frames(doc.text, toks, s.end)
            if under_intro:
                frames = [f for f in frames if form_kind.get(f.cue, "past") not in _PRESENT]
            if toks[0].low in lex.question_leads:
                lead = toks[skip_adverbial(toks)].start
                frames = [f for f in frames if f.cue_start >= lead]
            doc.frames[si] = frame_select.select_frames(frames, doc.masked, _is_outlet, doc.text)

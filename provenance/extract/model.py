"""The document model the attribution passes annotate.

`build(article)` segments the text, finds the quotations, masks them and
tokenises the masked text once; every pass then adds its own annotations
to the same `Doc` (each field below says which pass fills it).  Offsets are
indices into `article.text`; tokens never cross a sentence boundary, so a
sentence's tokens are a slice of `Doc.toks`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from provenance.attribute import direct
from provenance.attribute.frames import Attribution, Mention, Tok, tokenize
from provenance.attribute.quotes import find_quotes, mask_quotes
from provenance.records import Article
from provenance.segment import Block, Segmented, segment

MAX_SENTENCE = 3000  # characters; longer "sentences" (no full stop in sight) are not attributed


@dataclass(frozen=True, slots=True)
class Intro:
    """A paragraph ending with ':' that introduces the list items after it."""

    block: int  # index of the introducing block
    sentence: int  # its last sentence (the introduction)
    kind: str | None  # "person" | "document" | None (no source found)
    mention: Mention | None


@dataclass(frozen=True, slots=True)
class Clause:
    """A claim made from one cue frame, before its relays are known."""

    att: Attribution
    cue_start: int
    cue_end: int


@dataclass(frozen=True, slots=True)
class Extra:
    """A claim with no cue frame (a document claim or a list item); `intro` is the block whose relays it takes."""

    att: Attribution
    intro: int | None = None


@dataclass
class Doc:
    article: Article
    text: str
    masked: str
    seg: Segmented
    qindex: direct.QuoteIndex
    toks: list[Tok]
    tok_starts: list[int]
    by_block: dict[int, list[int]]  # block index -> its sentence indices
    # blocks pass
    blocks: list[Block] = field(default_factory=list)  # the blocks that are read (no furniture, no repeated heading)
    # cues pass
    cue_pos: list[int] = field(default_factory=list)  # starts of tokens that may open an attribution
    outlet_pos: list[int] = field(default_factory=list)  # starts of tokens that may name an outlet
    cued: set[int] = field(default_factory=set)  # sentences worth reading whatever the passage around them
    # intros pass
    intros: dict[int, Intro] = field(default_factory=dict)  # block index -> the intro it ends with
    intro_for: dict[int, Intro] = field(default_factory=dict)  # bullet block index -> the intro in force
    colon_mention: dict[int, Mention] = field(default_factory=dict)  # block -> speaker named before its colon
    # speech pass
    frames: dict[int, list] = field(default_factory=dict)  # sentence -> its cue frames (reported.Frame)
    # clauses pass
    clauses: dict[int, list[Clause]] = field(default_factory=dict)
    # documents pass
    attended: list[int] = field(default_factory=list)  # sentences read, in text order
    extras: dict[int, list[Extra]] = field(default_factory=dict)
    # relays pass
    relays: dict[int, list] = field(default_factory=dict)  # sentence -> relay.Relay list
    intro_via: dict[int, tuple[str, ...]] = field(default_factory=dict)  # intro block -> its relays
    block_refs: dict[int, list[str]] = field(default_factory=dict)  # block -> outlets referred back to
    document_relays: list[str] = field(default_factory=list)  # outlets that saw the documents quoted

    @property
    def sentences(self):
        return self.seg.segments.sentences

    @property
    def paragraphs(self):
        return self.seg.segments.paragraphs

    def sentence_tokens(self, si: int) -> list[Tok]:
        s = self.sentences[si]
        return self.toks[bisect_left(self.tok_starts, s.start):bisect_left(self.tok_starts, s.end)]

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]

    def title_line(self, block: Block) -> bool:
        """The title of an article with no heading markup: its first paragraph, one sentence of at most 20
        words, with more paragraphs after it (a heading in all but markup)."""
        return (block.kind == "heading" or block.kind == "text" and len(self.by_block.get(block.index, ())) == 1
                and len(self.seg.blocks) > 1 and len(self.block_text(block).split()) <= 20) \
            and bool(self.blocks) and block is self.blocks[0] and block.start == self.seg.blocks[0].start

    def ends_intro(self, block: Block) -> bool:
        """A non-bullet paragraph ending with ':' (it introduces what follows)."""
        return block.kind != "bullet" and self.block_text(block).rstrip().endswith(":") and bool(self.by_block.get(block.index))


def build(article: Article) -> Doc:
    text = article.text or ""
    seg = segment(text)
    scan = find_quotes(text, seg.segments.paragraphs)
    masked = mask_quotes(text, scan.quotes)
    toks = tokenize(masked, 0, len(masked))
    by_block: dict[int, list[int]] = {}
    for i, s in enumerate(seg.segments.sentences):
        by_block.setdefault(s.paragraph, []).append(i)
    return Doc(article, text, masked, seg, direct.QuoteIndex(scan.quotes), toks, [t.start for t in toks], by_block)


_LEAD_CONJ = re.compile(r"(?:and|but|while|whereas)\s+(?=\S)")
_TRAILING_CONJ = re.compile(r"[;,]?\s+(?:and|or)$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without edge spaces, commas and semicolons, a trailing 'and'/'or' or a leading conjunction."""
    while end > start and text[end - 1] in " ;,":
        end -= 1
    m = _TRAILING_CONJ.search(text[start:end])
    if m:
        end = start + m.start()
    while end > start and text[end - 1] in " ;,":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    m = _LEAD_CONJ.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    return start, end


def with_via(a: Attribution, via: tuple[str, ...]) -> Attribution:
    return Attribution(a.start, a.end, a.kind, a.cue, a.rule, a.mention, a.sentence, a.quote, via, a.speaker,
                       a.speaker_type, a.role, a.unresolved, a.cue_start)

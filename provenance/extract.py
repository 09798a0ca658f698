"""Claim extraction: segment -> attribute -> resolve.

    extract_claims(article) -> list[ExtractedClaim]

The order of the stages is written down here; each stage is a module of pure
functions over frozen records (provenance.segment, provenance.attribute.*,
provenance.resolve).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from provenance.attribute import direct, document, relative, relay, reported
from provenance.attribute.frames import Attribution, Mention, skip_adverbial, tokenize
from provenance.attribute.subject import main_subject
from provenance.attribute.lexicon import lexicon
from provenance.attribute.quotes import find_quotes, mask_quotes
from provenance.pattern_index import PatternIndex
from provenance.records import Article, ExtractedClaim
from provenance.resolve import resolve_claims
from provenance.segment import segment

_PRESENT = ("base", "third")
MAX_SENTENCE = 3000  # characters; longer "sentences" (no full stop in sight) are not attributed
_WORD = re.compile(r"[^\W\d_]+")
_LEAD_CONJ = re.compile(r"(?:and|but|while|whereas)\s+(?=\S)")
_TRIM_END = re.compile(r"(?:\s*(?:;|,)?\s*(?:and|or)?\s*[;,]?\s*)$")


_CUE_WORDS: frozenset[str] | None = None


def _cue_words() -> frozenset[str]:
    """Lower-case words that may open an attribution (speech verbs, document nouns, 'according', artifacts...):
    a sentence with none of them is narration and is not attributed."""
    global _CUE_WORDS
    if _CUE_WORDS is None:
        lex = lexicon()
        words = {f.split()[0] for f in lex.form_lemma} | set(lex.document_heads)
        words |= lex.candidate_words
        words |= {w + "s" for w in lex.document_heads}
        _CUE_WORDS = frozenset(words)
    return _CUE_WORDS


def _furniture(block_text: str) -> bool:
    return bool(_furniture_index().matching(block_text))


@lru_cache(maxsize=1)
def _furniture_index() -> PatternIndex:
    return PatternIndex(list(lexicon().furniture_list))


_TRAILING_CONJ = re.compile(r"[;,]?\s+(?:and|or)$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def extract_claims(article: Article) -> list[ExtractedClaim]:
    text = article.text or ""
    if not text.strip():
        return []
    seg = segment(text)
    paragraphs = seg.segments.paragraphs
    sentences = seg.segments.sentences
    scan = find_quotes(text, paragraphs)
    masked = mask_quotes(text, scan.quotes)
    qindex = direct.QuoteIndex(scan.quotes)
    lex = lexicon()
    form_kind = lex.form_kind

    # one pass over the words of the text: where may an attribution or an outlet be? (dict look-ups, no regex alternation)
    cue_words, outlet_words = _cue_words(), relay.outlets().first_words | relay.outlets().triggers
    # the article is tokenised once; a sentence's tokens are a slice (tokens never cross a sentence boundary)
    all_toks = tokenize(masked, 0, len(masked))
    tok_starts = [t.start for t in all_toks]
    cue_pos: list[int] = []
    outlet_pos: list[int] = []
    for t in all_toks:
        w = t.low
        if w in cue_words:
            cue_pos.append(t.start)
        if w in outlet_words:
            outlet_pos.append(t.start)
        elif ("-" in w or "'" in w or "." in w) and len(w) > 2:  # "ex-minister", "AFP's": the words inside
            parts = _WORD.findall(w)
            if any(x in cue_words for x in parts):
                cue_pos.append(t.start)
            if any(x in outlet_words for x in parts):
                outlet_pos.append(t.start)

    def sentence_tokens(s):
        return all_toks[bisect_left(tok_starts, s.start):bisect_left(tok_starts, s.end)]
    by_para: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        by_para.setdefault(s.paragraph, []).append(i)

    atts: list[Attribution] = []
    doc_relays: list[str] = []
    last_reporter: str | None = None
    seen_headings: set[str] = set()
    passage_gap = 99  # paragraphs since the last document claim
    intro: tuple[str, Mention | None, tuple[str, ...]] | None = None
    pending_intro_via: tuple[str, ...] = ()
    colon_men: tuple[int, Mention] | None = None

    for block in seg.blocks:
        btext = text[block.start:block.end]
        if _furniture(btext):
            continue
        heading = block.kind == "heading"
        if heading:
            key = re.sub(r"\W+", " ", btext.lower()).strip()
            if key in seen_headings:
                continue
            seen_headings.add(key)
            passage_gap = 99
        if block.kind != "bullet":
            intro = None
        para_atts: list[Attribution] = []
        para_has_doc = False
        para_refs: list[str] = []
        for si in by_para.get(block.index, []):
            s = sentences[si]
            if s.end - s.start > MAX_SENTENCE:
                continue  # a run of text with no sentence end: attribution there is quadratic and meaningless
            if not (heading or block.kind == "bullet" or passage_gap <= 2 or para_has_doc
                    or bisect_left(cue_pos, s.start) < bisect_left(cue_pos, s.end)
                    or (si + 1 == len(sentences) or sentences[si + 1].paragraph != block.index) and btext.endswith(":")):
                continue  # no cue, no document word, no passage: narration
            toks = sentence_tokens(s)
            if not toks:
                continue
            has_outlet = bisect_left(outlet_pos, s.start) < bisect_left(outlet_pos, s.end)
            rels = relay.find_relays(masked, s.start, s.end, last_reporter) if (
                has_outlet or (last_reporter and "report" in masked[s.start:s.end])) else []
            for r in rels:
                if r.mode in ("reported", "by"):
                    last_reporter = r.outlet
                if r.mode == "ref":
                    para_refs.append(r.outlet)
            if any(r.mode == "by" for r in rels) and document.patterns().doc_word.search(masked, s.start, s.end):
                doc_relays.extend(r.outlet for r in rels if r.mode == "by")
            frames = reported.frames_in(text, masked, toks, s.start, s.end, heading)
            if intro is not None:
                frames = [f for f in frames if form_kind.get(f.cue, "past") not in _PRESENT]
            if toks[0].low in lexicon().question_leads:  # "Asked whether the board had discussed X, he said ...": the question is no claim
                lead = toks[skip_adverbial(toks)].start
                frames = [f for f in frames if f.cue_start >= lead]
            frames = reported.select_frames(frames, masked, lambda m: relay.outlet_phrase(m) is not None)
            sent_via = relay.vias([r for r in rels if r.mode != "told"])
            in_passage = passage_gap <= 2 or para_has_doc
            new: list[Attribution] = []
            fwd = [f for f in frames if f.content == "after"]
            lead_end = toks[skip_adverbial(toks)].start if toks else s.start
            rel = [f for f in frames if f.mode == "relative"]
            for f in frames:
                if f.content == "before":
                    a, b = s.start, s.end
                    nxt_rel = [g for g in rel if g.cue_start > f.cue_start]
                    if nxt_rel:
                        b = nxt_rel[0].subj_start  # "..., according to X, | which said ..."
                else:
                    k = fwd.index(f)
                    a = s.start if k == 0 else reported.clause_start(masked, f, fwd[k - 1].cue_end)
                    b = s.end
                    later = [g for g in frames if g.cue_start > f.cue_start and g is not f]
                    if later:
                        g = later[0]
                        b = reported.clause_start(masked, g, f.cue_end) if g.content == "after" else (
                            g.mention.start if g.mention is not None and g.mode != "after" else g.cue_start)
                    if f.mode == "relative":  # "X, who warned that A, | said B": closed by the comma before the main verb
                        a, b = f.subj_start, relative.clause_end(masked, toks, f, later, b, lead_end)
                a, b = _trim(text, a, b)
                if b <= a:
                    continue
                if f.content == "before" or any(q.start < b and q.end > a for q in qindex.within(a, b)):
                    a2, b2 = direct.extend_to_quotes(text, masked, a, b, sentences, si, qindex, block.end)
                    if f.content == "before" or len(frames) == 1:
                        a, b = a2, b2
                qs = [q for q in qindex.within(a, b) if q.end <= b + 1]
                fa, fb = reported.frame_bounds(masked, f, b)
                kind = direct.claim_kind(text, masked, a, b, fa, fb, max(a, lead_end), qs)
                told = [r.outlet for r in rels if r.mode == "told" and f.cue_start <= r.start <= f.cue_end + 60]
                via = tuple(dict.fromkeys(told + list(sent_via)))
                rule = ("direct" if kind == "direct" else "reported") + "." + f.mode
                if f.mode == "agentless" and f.mention is None:
                    new.append(Attribution(a, b, "indirect", f.cue, "reported.agentless", None, si, None, via,
                                           speaker=lex.agentless_speaker, speaker_type="anonymous", cue_start=f.cue_start))
                    continue
                new.append(Attribution(a, b, kind, f.cue, rule, f.mention, si, direct.quote_text(text, qs), via,
                                       cue_start=f.cue_start))
            person_frames = [x for x in new if x.mention is None or not document.patterns().doc_word.search(x.mention.text or "")]
            if not heading and (not new or all(x.rule == "reported.agentless" for x in new)) and intro is None:
                dc = document.document_claim(text, masked, toks, s.start, s.end, in_passage)
                if dc is not None:
                    men, rule, cue = dc
                    a, b = _trim(text, s.start, s.end)
                    if new and men is not None:
                        a = max(a, men.start)
                    qs = qindex.within(a, b)
                    new.append(Attribution(a, b, "document", cue, rule, men, si, direct.quote_text(text, qs),
                                           sent_via, speaker_type="document", cue_start=a))
            if intro is not None and block.kind == "bullet" and not person_frames:
                ikind, imention, ivia = intro
                a, b = _trim(text, s.start, s.end)
                qs = qindex.within(a, b)
                if ikind == "person":
                    new.append(Attribution(a, b, "mixed" if qs else "indirect", "list", "reported.list_item", imention,
                                           si, direct.quote_text(text, qs), ivia or sent_via, cue_start=a))
                else:
                    new.append(Attribution(a, b, "document", "list", "document.list_item", None, si,
                                           direct.quote_text(text, qs), ivia or sent_via, speaker_type="document",
                                           cue_start=a))
            elif not new and not heading and pending_intro_via and block.kind == "text":
                pass
            if any(x.kind == "document" or (x.mention is not None and document.patterns().doc_word.search(x.mention.text.split()[-1] if x.mention.text.split() else "")) for x in new):
                para_has_doc = True
            para_atts.extend(new)
        # list intros: a paragraph ending with ':' introduces the bullets that follow
        if block.kind != "bullet" and btext.rstrip().endswith(":") and by_para.get(block.index):
            s = sentences[by_para[block.index][-1]]
            toks = sentence_tokens(s)
            ikind, imention = document.intro_source(text, masked, toks, s.start, s.end)
            ivia = relay.vias(relay.find_relays(masked, s.start, s.end, last_reporter))
            para_atts = [x for x in para_atts if not (x.start >= s.start and x.end <= s.end)]
            intro = (ikind, imention, ivia) if ikind else None
            pending_intro_via = ivia
            if not ikind and toks:
                men = main_subject(toks, text)  # "Hořejší set out the board's reasoning at length:" + quotation
                colon_men = (block.index, men) if men is not None else None
            if ikind == "document":
                para_has_doc = True
        elif block.kind != "bullet" and pending_intro_via and para_atts:
            para_atts = [_with_via(x, pending_intro_via) if not x.via else x for x in para_atts]
            pending_intro_via = ()
        if para_refs:
            para_atts = [_with_via(x, tuple(dict.fromkeys(x.via + tuple(para_refs)))) for x in para_atts]
        if not para_atts and block.kind == "text" and by_para.get(block.index) and direct.quote_only(masked, block.start, block.end):
            para_atts.append(_floating(text, block, by_para[block.index][0], atts, paragraphs, qindex,
                                       colon_men[1] if colon_men and colon_men[0] == block.index - 1 else None))
        atts.extend(a for a in para_atts if a is not None)
        passage_gap = 0 if para_has_doc else passage_gap + (0 if heading else 1)
    if doc_relays:
        dv = tuple(dict.fromkeys(doc_relays))
        dw = document.patterns().doc_word
        atts = [_with_via(a, dv) if (a.kind == "document" or a.mention is not None and dw.search(a.mention.text))
                and not a.via else a for a in atts]
    return resolve_claims(article, atts, seg, masked)


def _with_via(a: Attribution, via: tuple[str, ...]) -> Attribution:
    return Attribution(a.start, a.end, a.kind, a.cue, a.rule, a.mention, a.sentence, a.quote, via, a.speaker,
                       a.speaker_type, a.role, a.unresolved, a.cue_start)


def _floating(text, block, si, atts, paragraphs, qindex, intro: Mention | None = None) -> Attribution | None:
    qs = qindex.within(block.start, block.end)
    words = sum(len(text[q.inner_start:q.inner_end].split()) for q in qs)
    if words < 4:
        return None
    prev = atts[-1] if atts else None
    quote = direct.quote_text(text, qs)
    if intro is not None:  # the speaker named before a colon introduces the quotation
        return Attribution(block.start, block.end, "direct", "colon", "direct.colon", intro, si, quote,
                           cue_start=block.start)
    if prev is not None and prev.kind in ("direct", "mixed") and prev.end >= paragraphs[max(0, block.index - 2)].start:
        return Attribution(block.start, block.end, "direct", prev.cue, "direct.floating", prev.mention, si, quote,
                           prev.via, prev.speaker, prev.speaker_type, prev.role, prev.unresolved, block.start)
    return Attribution(block.start, block.end, "direct", "", "direct.floating", None, si, quote,
                       unresolved="quote with no speaker in reach", cue_start=block.start)

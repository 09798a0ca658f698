"""Reported speech: cue verbs with a speaker before or after them.

X said (that) ..., ..., X said., ..., said X., X told Y ..., X stated: ...,
X added/noted/warned/denied ... that ..., "according to X, ...", ", adding
that ...", coordinated verbs ("did not comment ..., but said ..."), agentless
criticism ("has been criticized": both in according.py).  Returns `Frame`s; `claims_from_frames`
turns the frames of one sentence into claim spans.
"""
from __future__ import annotations

import re

from provenance.attribute import (according, as_clause, clause_subject, complements, participles, relative, sourcing,
                                  speaker_np, speaker_phrases)
from provenance.attribute.frames import (BE, QUOTE_MARKS, Mention, Tok, date_number, generic_np_ending_at,
                                         is_possessive, np_ending_at, np_starting_at, skip_adverbial, skip_back,
                                         span_text)
from provenance.attribute.frame import Frame, tok_index
from provenance.attribute.lexicon import lexicon
from provenance.attribute.subject import main_subject

_NEG = re.compile(r"\b(?:did|does|do|would|will|could|has|have|had)\s+not\s+(?:yet\s+)?(?:\w+ly\s+)?$|"
                  r"\b(?:didn['’]t|doesn['’]t|won['’]t|hasn['’]t|haven['’]t|hadn['’]t|never|declined\s+to|refused\s+to)\s+(?:yet\s+)?$")
_CONNECT = {"and", "but", "or", "although", "though", "while", "whereas", "yet"}
_STANDALONE = {"many", "some", "several", "another", "both", "one", "others", "most", "few", "two", "three"}
_INNER = {"of", "for", "in", "at", "on", "from", "with", "about", "around", "across", "and", "or"}
_CLAUSE_PUNCT = {",", ";", ":", "—", "–", "(", "“", "\"", "‘"}
_QUOTED = {"quoted", "quotes", "quoting", "cited", "cites", "citing"}  # X quoted Y as saying: Y speaks
_ING_PREP = {"by", "for", "after", "before", "while", "from"}  # a preposition before a speech verb in -ing
_NEG_ANY = re.compile(r"\b(?:declined|refused|declining|refusing)\s+to\s+$")
_POSTMOD = re.compile(r"(?P<np>\b(?:[A-Z]?[a-z]+\s+){0,3}(?:[Pp]eople|[Pp]ersons|[Oo]fficials|[Ss]ources|[Dd]iplomats|[Aa]ides|"
                      r"[Ii]nsiders|[Ee]xecutives|[Ee]mployees|[Ww]orkers|[Mm]embers|[Ss]taff))\s+"
                      r"(?:familiar\s+with|close\s+to|briefed\s+on|with\s+knowledge\s+of|involved\s+in|at|in|within|inside|"
                      r"from|on)\s+[^,.;“\"]{1,60}?\s*$")


def _trailing_clause(toks: list[Tok], vi: int) -> bool:
    """'..., The Ledger reports.': a comma shortly before the verb, and no 'as' or 'which' in between."""
    c = next((k for k in range(vi - 1, max(-1, vi - 8), -1) if toks[k].text == ","), -1)
    return c >= 0 and not any(t.low in ("as", "which", "who", "and", "but") for t in toks[c + 1:vi])


def _verb_position(toks: list[Tok], vi: int, ve: int) -> bool:
    """Is the cue toks[vi:ve+1], a form that may also be a noun, in a verb's position?"""
    lex = lexicon()
    prev = toks[vi - 1].low if vi > 0 else ""
    if prev in lex.prepositions:
        return False  # "secretary of state", "in remarks"
    if prev in lex.auxiliaries or prev in lex.pronouns or prev in ("who", "which", "to"):
        return True  # "is warning voters", "she claims", "who demands"
    if ve + 1 >= len(toks) or toks[ve + 1].text in (".", "!", "?", ";"):
        return any(t.text == "," for t in toks[max(0, vi - 8):vi])  # "..., the ministry states."
    nxt = toks[ve + 1]
    if nxt.text in QUOTE_MARKS or nxt.text == ":":
        return True
    if nxt.text == ",":
        return ve + 2 < len(toks) and toks[ve + 2].text in QUOTE_MARKS  # "she claims, “...”"
    third = lex.form_kind.get(toks[vi].low) == "third"
    head = prev in lex.organization_heads or prev in lex.role_words or prev in lex.anonymous_heads or (
        prev in lex.document_heads)
    if third and head:
        return True  # "the memo estimates losses", "the union demands a raise": a subject's head before it
    if nxt.low == "to":  # "Ruiz vows to appeal"; not "renewed calls to resign"
        return third and (vi == 0 or toks[vi - 1].cap)
    if nxt.low in ("about", "on"):
        return lex.form_lemma.get(" ".join(t.low for t in toks[vi:ve + 1]), "") in lex.needs_about
    return nxt.low in lex.verb_position_next or nxt.cap


def _appositive(text: str, toks: list[Tok], j: int) -> tuple[Mention, str] | None:
    """toks[j] is the comma closing 'NP1, APPOS,' right before a verb."""
    c2 = relative.second_comma(toks, j)
    if c2 < 0:
        return None
    if toks[c2 + 1].low in lexicon().relay_participles:  # "A draft of X, seen by the Post, says"
        r1 = _document_np(toks, c2 - 1) or np_ending_at(toks, c2 - 1)
        return (span_text(text, toks, r1), "") if r1 else None
    if toks[c2 + 1].low in ("who", "which", "whose"):
        r1 = speaker_phrases.name_before_asides(toks, c2) or np_ending_at(toks, c2 - 1) or generic_np_ending_at(toks, c2 - 1)
        return (span_text(text, toks, r1), "") if r1 else None
    r1 = np_ending_at(toks, c2 - 1)
    ra = np_starting_at(toks, c2 + 1)
    appos = text[toks[c2 + 1].start:toks[j - 1].end] if c2 + 1 <= j - 1 else ""
    lex = lexicon()

    def personish(r):
        return r and toks[r[1]].cap and toks[r[1]].low not in lex.role_words

    if personish(r1):
        return span_text(text, toks, r1), appos
    if ra and ra[1] == j - 1 and personish(ra):
        return span_text(text, toks, ra), (text[toks[r1[0]].start:toks[r1[1]].end] if r1 else "")
    if r1:
        return span_text(text, toks, r1), appos
    return None


def _complement(toks: list[Tok], i: int) -> bool:
    """An object and then its quoted or 'a/an' description: 'it “a disaster”', 'the ruling “shameful”', 'it a farce'."""
    if i >= len(toks):
        return False
    lex = lexicon()
    if toks[i].low in ("it", "this", "that", "them", "him", "her", "those", "these"):
        k = i + 1
    elif toks[i].low in lex.determiners or is_possessive(toks[i]) or toks[i].cap:
        k = next((n for n in range(i + 1, min(len(toks), i + 6)) if toks[n].text in QUOTE_MARKS), -1)
        return k > 0
    else:
        return False
    return k < len(toks) and (toks[k].text in QUOTE_MARKS or toks[k].low in ("a", "an"))


def _document_np(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """A subject phrase ending at token j whose head is a document noun ('An internal memo from X',
    'A draft of the ministers' conclusions')."""
    g = generic_np_ending_at(toks, j)
    if g is None:
        return None
    lex = lexicon()
    words = [t.low for t in toks[g[0]:g[1] + 1]]
    k = next((n for n, w in enumerate(words) if n and w in lex.postmodifiers), len(words))
    return g if words[k - 1] in lex.document_heads else None


_CONTENT = re.compile(r"[^.;“\"‘«„]{0,60}?(?:\bthat\b|[:“\"‘«„])")


def _content_follows(masked: str, cue_end: int, s_end: int) -> bool:
    """Does a 'that'-clause, a colon or a quotation follow the cue closely?"""
    return bool(_CONTENT.match(masked, cue_end, s_end))


def _about_follows(masked: str, f, s_end: int) -> bool:
    """'spoke at length about X': a needs_about verb with its topic (the seeds' guidelines count it)."""
    return f.lemma in lexicon().needs_about and bool(re.match(r"(?:\s+\S+){0,4}?\s+(?:about|of|on\s+(?:the|a|an|his|her|its|their|this|these|those)\b)\b", masked[f.cue_end:s_end]))


def _with_subject(toks: list[Tok], vi: int) -> bool:
    """'..., with analysts saying ...': an -ing cue whose subject is introduced by 'with'."""
    r = np_ending_at(toks, vi - 1) if vi > 0 else None
    if r is None:
        r = generic_np_ending_at(toks, vi - 1, max_len=5) if vi > 1 else None
    return r is not None and r[0] > 0 and toks[r[0] - 1].low == "with"


_ING_TAIL = re.compile(r",\s+(?P<ing>[a-z]+ing)\b[^,;:]*$")
_AS_TAIL = re.compile(r",\s+as\s[^,;:]*$")


def _quote_before(masked: str, toks: list[Tok], vend: int) -> bool:
    """Does a closing quotation mark come shortly before the cue ('...,” Ruiz said')?"""
    return any(t.text in ("”", "\"", "’", "'") for t in toks[max(0, vend - 6):vend])


def _trailing(masked: str, toks: list[Tok], vend: int, sent_end: int) -> bool:
    rest = masked[toks[vend].end:sent_end].rstrip(" .!?")
    tail = _ING_TAIL.search(rest)
    if tail and (tail.group("ing") not in lexicon().form_lemma or masked[toks[vend].end - 1] != "“" and _quote_before(masked, toks, vend)):
        rest = rest[:tail.start()]  # '"...," she told reporters, pointing to the road': a manner clause
        # ('"...," Ruiz said, suggesting a few questions': the participle's own claim follows the trailing one)
    tail = _AS_TAIL.search(rest)
    if tail:
        rest = rest[:tail.start()]  # '"...," she said, as the agency X reported': a relay or circumstance
    if re.search(r"\bthat\b|[“\"‘:]", rest):
        return False
    return len(rest.split()) <= 18 and "," not in rest.rstrip(" .,!?”’\"")


def frames_in(text: str, masked: str, toks: list[Tok], s_start: int, s_end: int, heading: bool = False) -> list[Frame]:
    lex = lexicon()
    cw = complements.words()
    pre = [] if heading else according.according_frames(text, masked, toks, s_start, s_end)
    opening = None if heading or not toks or toks[0].text != "As" else as_clause.as_frame(masked, s_start, s_end)
    if opening is not None:  # "As X put it, ...": X's claim is the rest of the sentence
        men, verb, vs, ve_, _c = opening
        men = Mention(text[men.start:men.end], men.start, men.end)
        pre.append(Frame(verb, lex.form_lemma.get(verb, verb), vs, ve_, men, "according", "after", False))
    frames: list[Frame] = []
    for vi, ve, form in lex.cues_in(toks, heading):
        lemma = lex.form_lemma[form]
        kind = lex.form_kind[form]
        m_start, m_end = toks[vi].start, toks[ve].end
        prev = toks[vi - 1] if vi > 0 else None
        nxt = toks[ve + 1] if ve + 1 < len(toks) else None
        if kind == "ing" and prev is not None and (n := participles.contracted_subject(prev)):
            frames.append(Frame(form, lemma, m_start, m_end, Mention(text[prev.start:prev.start + n], prev.start,
                                                                        prev.start + n), "before", "after", lemma in lex.weak))
            continue  # "He’s claiming that ...": the pronoun in the contraction
        if prev is not None and (prev.low in lex.determiners and prev.low not in ("that",) or is_possessive(prev)):
            if not (prev.low in _STANDALONE and (vi == 1 or toks[vi - 2].text in _CLAUSE_PUNCT)):
                continue  # a noun: "the report", "Gerasimov's claims" (but "Many said", "Another described")
        if form in lex.noun_forms and not _verb_position(toks, vi, ve):
            continue  # "battleground states could", "took questions from", "initial reports of": a noun
        if nxt is not None and nxt.low in ("nothing",) or _NEG_ANY.search(masked[max(s_start, m_start - 30):m_start]):
            continue  # "has said nothing", "declined to comment": a speech act with no content
        subj_end = vi  # the verb whose subject is the speaker ('X appeared to suggest': 'appeared')
        if kind == "base" and prev is not None and prev.low == "to":
            subj_end = cw.raised(toks, vi - 1)
            if subj_end < 0:
                continue  # infinitive
        if kind == "past" and prev is not None and prev.low in BE:
            continue  # passive
        if kind == "past" and prev is not None and prev.low in ("has", "have", "had") and vi >= 2 and toks[vi - 2].low in BE:
            continue
        if nxt is not None and nxt.low == "by":
            continue  # "reported by AFP": a relay, not a cue
        if _NEG.search(masked[max(s_start, m_start - 30):m_start]) and (lemma in lex.weak or lemma in lex.negated_silent):
            continue  # "did not comment": no content
        after = [t.low for t in toks[ve + 1:ve + 6]]
        quoted_before = any(t.text in QUOTE_MARKS for t in toks[max(0, vi - 8):vi]) and (
            prev is not None and (prev.text in QUOTE_MARKS or prev.text == "," or prev.cap))
        if lemma in lex.needs_about and not {"about", "on", "of"} & set(after) and not quoted_before and not (
                _content_follows(masked, m_end, s_end)):
            continue  # ('"We are ready," responded X': the quotation is the content)
        if lemma in lex.needs_as and "as" not in [t.low for t in toks[ve + 1:ve + 11]]:
            continue
        if lemma in cw.needs_that and not re.match(r"\s+that\b", masked[m_end:s_end]):
            continue  # "agreed that ..." only (not "agreed to sell")
        if lemma in cw.needs_to and not {"to", "with"} & {t.low for t in toks[ve + 2:ve + 11]}:
            continue  # "compared the plan to a tax", "linked the outage to the hack"
        if lemma in lex.needs_complement and not (_complement(toks, ve + 1) or complements.described_object(toks, ve + 1)):
            continue  # "called it “a good signal”" is speech; "called the meeting" is not
        if kind == "ing" and prev is not None and prev.low == "as":
            rng = np_ending_at(toks, vi - 2) if vi >= 3 else None
            if rng and rng[0] >= 1 and toks[rng[0] - 1].low in _QUOTED:  # "The Ledger quoted Ola Brekke as saying ..."
                frames.append(Frame(form, lemma, m_start, m_end, span_text(text, toks, rng), "before", "after", lemma in lex.weak))
            continue
        loose = False
        if kind == "ing" and not (prev is not None and (prev.text == "," or prev.low in BE or prev.low in _ING_PREP)) \
                and not _with_subject(toks, vi) and not participles.progressive(toks, vi):
            loose = participles.loose(toks, vi, ve, _content_follows(masked, m_end, s_end)
                                      or complements.other_content(toks, ve, lemma, ""), lemma)
            if not loose:
                continue
        if heading and kind not in ("base", "third"):
            continue
        weak = lemma in lex.weak
        if weak and lemma not in lex.needs_about and not quoted_before and (
                nxt is None or nxt.low in ("with", "to", "by", "at", "in", ".")) and not (
                nxt is not None and nxt.low in ("to", "at", "in") and _content_follows(masked, m_end, s_end)) and not (
                nxt is not None and nxt.text == "." and not frames and _trailing_clause(toks, vi)):
            continue  # "the US previously discussed with ...": no content ("reported at the time that ...",
            # "..., the Ledger reports." have it)
        cue = form
        mention, mode, content = None, "", "after"
        desc = -1  # start of lower-case descriptor words before the mention ('rebel spokesman X')
        if kind == "ing" and prev is not None and (prev.text == "," or prev.low in _ING_PREP or loose):
            mode = "participle"  # ", saying ...", "responded by saying ...", "was criticised for saying ..."
            earlier = [f for f in frames + pre if f.cue_start < m_start]
            if earlier and prev.low in _ING_PREP:
                continue  # "X said A after saying B": part of an earlier cue's content
            mention = max(earlier, key=lambda f: f.cue_start).mention if earlier else main_subject(toks[:vi], text)
            if prev.low in _ING_PREP and mention is None and not earlier and vi > 1:  # "X, a doctor, ... began by saying"
                mention = speaker_phrases.leading_np(toks[:vi], text)
            if mention is None and not earlier and vi == 1:  # "After saying A, she was whisked off": the main clause's
                mention = speaker_phrases.subject_after_lead(toks, ve, text)  # subject
            elif mention is None and not earlier:  # "In August, several groups granted X an extension, saying ..."
                mention = speaker_phrases.leading_np(toks[:vi], text)
        else:
            j = skip_back(toks, subj_end - 1)
            if not heading:  # "Kall -- co-editor of a book -- said", "McConnell, who in 2010 said"
                j = clause_subject.skip_time_after_relative(toks, clause_subject.skip_aside(toks, j))
            rng = np_ending_at(toks, j) if j >= 0 and toks[j].text != "," else None
            if j >= 0 and toks[j].text != "," and not heading and subj_end == vi and (
                    rng is None or rng[0] >= 2 and toks[rng[0] - 1].low in lex.postmodifiers):
                g = generic_np_ending_at(toks, j)
                if g is not None and (rng is None or g[0] < rng[0]):
                    rng = g
            if j >= 0 and toks[j].text != "," and not heading and (
                    rng is None or rng[0] >= 1 and toks[rng[0] - 1].low in _INNER):
                w = clause_subject.subject_ending_at(toks, j)  # "Experts on the region and on arms control said"
                if w is not None and (rng is None or w[0] < rng[0]):
                    rng = w
            if rng and rng[0] >= 3 and toks[rng[0] - 1].low == "by" and toks[rng[0] - 2].low in lex.relay_participles:
                # "A side agreement reported by AP says", "An internal memo from X seen by Reuters warns"
                rng = _document_np(toks, rng[0] - 3) or np_ending_at(toks, rng[0] - 3) or rng
            if rng:
                rng = _refine_subject(toks, rng, frames, m_start)
                if rng is None:
                    continue
            quant = speaker_phrases.quantified_relative(toks, j) if rng is None else None
            if quant is not None:  # "..., many of whom say ...": some of the people named before the comma
                frames.append(Frame(cue, lemma, m_start, m_end, span_text(text, toks, quant), "relative", "after", weak,
                                    toks[j - 2].start))
                continue
            ante = participles.relative_antecedent(toks, j) if rng is None and j >= 1 and (
                nxt is not None and (nxt.low in lex.verb_position_next or nxt.text in QUOTE_MARKS or nxt.text == ":")) else None
            if ante is not None:  # "listeners to her radio program who said ..."
                frames.append(Frame(cue, lemma, m_start, m_end, span_text(text, toks, ante), "relative", "after", weak,
                                    toks[j].start))
                continue
            if rng is None and j >= 1 and toks[j].low in ("which", "who") and toks[j - 1].text == ",":
                # "..., according to the air force, which said ...": a second claim by the same source
                src = next((f for f in reversed(pre + frames) if f.mention is not None and f.mention.end <= toks[j - 1].start
                            and not masked[f.mention.end:toks[j - 1].start].strip()), None)
                r0 = None if src else (np_ending_at(toks, j - 2) or generic_np_ending_at(toks, j - 2))
                men = src.mention if src else (span_text(text, toks, r0) if r0 else None)
                if men is not None:
                    frames.append(Frame(cue, lemma, m_start, m_end, men, "relative", "after", weak, toks[j].start))
                continue
            pm = None if rng else _POSTMOD.search(masked, s_start, toks[j].end if j >= 0 else s_start)
            if pm:
                pe = pm.start("np") + len(masked[pm.start("np"):pm.end()].rstrip())
                mention, mode = Mention(text[pm.start("np"):pe], pm.start("np"), pe), "before"
            elif rng:
                mention, mode = span_text(text, toks, rng), "before"
                b = rng[0] - 1
                while b > 0 and rng[0] - b <= 2 and toks[b].text.isalpha() and toks[b].text.islower() \
                        and toks[b].low not in lex.determiners and toks[b].low not in lex.prepositions \
                        and toks[b].low not in lex.connectors and toks[b].low not in _CONNECT:
                    b -= 1  # '"...," rebel spokesman X said': lower-case words of the descriptor
                before = toks[b] if b >= 0 else None
                if before is not None and (before.text == "," or before.text in QUOTE_MARKS) and _trailing(masked, toks, ve, s_end):
                    content = "before"
                    desc = toks[b + 1].start if b + 1 < rng[0] else -1
            elif j >= 0 and toks[j].text == "," and not heading:
                ap = _appositive(text, toks, j)
                inv = np_starting_at(toks, ve + 1)
                whole = speaker_phrases.inverted_subject(toks, ve + 1) if lemma != "tell" and j == vi - 1 else None
                if whole is not None and (inv is None or inv[1] < whole[1]):
                    ap, inv = None, whole  # "..., said one GOP source in the room.": the speaker after the verb
                if ap is not None:
                    mention, mode = ap[0], "appos"
                    c2 = relative.second_comma(toks, j)
                    r1 = np_ending_at(toks, c2 - 1) if c2 > 0 else None
                    subj = toks[r1[0]].start if r1 else mention.start
                    if content == "after" and _trailing(masked, toks, ve, s_end) and r1 and r1[0] > 0 \
                            and (toks[r1[0] - 1].text == "," and r1[0] != skip_adverbial(toks)
                                 or toks[r1[0] - 1].text in QUOTE_MARKS):
                        content = "before"  # '“...,” the mayor, Sofia Marr, said.' (not 'In a statement, the mayor, ...')
                    frames.append(Frame(cue, lemma, m_start, m_end, mention, mode, content, weak, min(subj, mention.start)))
                    continue
                elif inv is not None:
                    mention, mode, content = span_text(text, toks, inv), "after", "before"
            elif heading:
                continue
            elif j >= 0 and toks[j].low in _CONNECT:
                mode = "main"
                mention = frames[-1].mention if frames else (main_subject(toks[:j], text)
                                                             or speaker_phrases.leading_np(toks[:j], text))
            elif j < 0 or toks[j].text in QUOTE_MARKS:
                inv = np_starting_at(toks, ve + 1) or speaker_phrases.inverted_subject(toks, ve + 1)
                if inv is not None:
                    mention, mode, content = span_text(text, toks, inv), "after", "before"
        if mention is None or lemma in cw.not_for_material and cw.material_subject(
                lemma, mention.text + " " + " ".join(masked[s_start:m_start].rsplit(",", 1)[-1].split()[:5])):
            continue  # "A 2019 study found that ...": a finding (findings.py, study_findings.py)
        frames.append(Frame(cue, lemma, m_start, m_end, mention, mode, content, weak, desc))
    # "X, speaking on condition of anonymity, said ...": a speech verb whose clause only says how the source
    # spoke carries no content (its mention still served the frames after it)
    frames = [f for f in frames if f.content != "after" or not sourcing.no_content(masked, toks, tok_index(toks, f.cue_end))]
    frames = [g for g in (speaker_np.clean(f, toks, text) for f in frames) if g is not None]
    # "spoke on camera", "answered within hours": no content (after its mention served the frames after it)
    frames = [f for f in frames if not (f.lemma in lex.needs_content and f.content == "after"
                                        and not _content_follows(masked, f.cue_end, s_end)
                                        and not complements.other_content(toks, tok_index(toks, f.cue_end) - 1, f.lemma,
                                                                    f.mention.text if f.mention else "")
                                        and not _about_follows(masked, f, s_end))]
    if not heading:
        frames = [f for f in frames if not any(p.cue_start == f.cue_start for p in pre)]  # "As Ruiz said in 2008, ..."
        frames.extend(pre)
        frames.extend(according.agentless_frames(text, masked, toks, s_start, s_end))
    frames.sort(key=lambda f: f.cue_start)
    return frames


def _refine_subject(toks: list[Tok], rng: tuple[int, int], frames: list[Frame], cue_pos: int) -> tuple[int, int] | None:
    """Correct a speaker phrase read backwards from a cue:
    - 'the approval of all 27 member states': a number before the phrase makes it part of an object, not a subject;
    - 'Moscow claimed X and Kyiv insisted': after an earlier cue of the sentence, the subject starts after 'and';
    - 'Analyst Ruth Okafor of consultancy Maritime Insight said': the person, not the affiliation;
    - 'Ministers A of France, B of Germany and C of Poland said': the whole list of names."""
    i, j = rng
    if i > 0 and toks[i - 1].text.isdigit() and not date_number(toks, i - 1):
        return None
    if frames and i > 0 and toks[i - 1].text not in _CLAUSE_PUNCT and toks[i - 1].text not in QUOTE_MARKS \
            and any(f.cue_end <= toks[i].start for f in frames):
        ands = [k for k in range(i, j) if toks[k].low == "and"]
        if ands:
            i = ands[-1] + 1
    # affiliation: NAME of|at|from [lower-case words] ORG
    k = i - 1
    while k >= 0 and not toks[k].cap and toks[k].low.isalpha() and toks[k].low not in ("of", "at", "from") and i - k <= 2:
        k -= 1
    if k >= 1 and toks[k].low in ("of", "at", "from") and k < i - 1 or k >= 1 and toks[k].low in ("of", "at", "from") and toks[k + 1].cap is False:
        r = np_ending_at(toks, k - 1)
        if r is not None and toks[k - 1].cap and toks[k - 2].cap and k - 1 > r[0]:
            i, j = r
    # a list of named people: "A of France, B of Germany and C"
    def named(a: int, b: int) -> bool:  # two capitalised words in a row: a personal name
        return any(toks[x].cap and toks[x + 1].cap for x in range(a, b))

    if toks[i].cap and named(i, j) and any(toks[x].low == "and" for x in range(i, j)):
        while i >= 3 and toks[i - 1].text == ",":
            r = np_ending_at(toks, i - 2)
            if r is None or not toks[i - 2].cap or not named(r[0], r[1]):
                break
            i = r[0]
    return (i, j)


"""Reading control statements from a claim (for the control detector).

'its forces took full control of X', 'continued to hold the northern
districts of the town', 'X has not fallen', 'fighting continues in X':
patterns from rules/control.json, places from rules/places.json or any
capitalised name in a statement's place slot.  The controller is the party
the statement names, 'its/our forces' the speaker's side, else the nearest
party before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import ClaimView
from .fastre import Fast
from .lexicon import control_rules, lexicon

OPPONENT = "not "  # controller prefix: any side but this one
# cheap test before the statement patterns: words every statement of rules/control.json contains
_CUE = Fast(re.compile(control_rules()["cue_words"], re.I))
_THERE = Fast(re.compile(r"\bthere\b", re.I))
_TOWN_OF = Fast(re.compile(
    r"\b(?:city|town|village|settlement|hamlet)\s+of\s+((?-i:[A-Z][a-z]{2,}(?:[- ][A-Z][a-z]{2,})?))"))


@dataclass(frozen=True)
class Statement:
    place: str
    controller: str | None
    polarity: str  # "assert" | "deny"
    full: bool
    words: str


@lru_cache(maxsize=1)
def _rules():
    lex = lexicon()
    cfg = control_rules()
    ph = cfg.get("placeholders", {})

    def fill(src: str) -> str:
        for _ in range(4):
            src = re.sub(r"\{([A-Z_]+)\}", lambda m: ph.get(m.group(1), m.group(0)), src)
        return src

    pats = tuple((s["polarity"], s.get("scope", "full"), lex.compile(fill(s["re"])), s.get("controller"),
                  Fast(re.compile(fill(s.get("cue", "")), re.I))) for s in cfg["statements"])
    return dict(
        pats=pats,
        neg=Fast(re.compile(cfg["negation_cues"], re.I)),
        breaks=Fast(re.compile(cfg["clause_breaks"], re.I)),
        false_after=Fast(re.compile(cfg.get("false_after", r"(?!x)x"), re.I)),
        modal=Fast(re.compile(cfg.get("modal_before", r"(?!x)x"), re.I)),
        own=Fast(re.compile(fill(cfg.get("own_forces", r"(?!x)x")), re.I)),
        party_forces=Fast(lex.compile(fill(cfg.get("party_forces", r"(?!x)x")))),
        reporter=Fast(lex.compile(fill(cfg.get("reporting_subject", r"(?!x)x")))),
        not_places=frozenset(w.lower() for w in cfg.get("not_places", [])),
        max_days=int(cfg.get("max_days", 14)),
    )


def _negated(prefix: str, neg: Fast, breaks: Fast) -> bool:
    cues = list(neg.finditer(prefix))
    if not cues:
        return False
    return not breaks.test(prefix[cues[-1].end():])


def _named_party(m: re.Match) -> str | None:
    """The party a statement pattern names (group 'party', or 'party2' in a
    pattern's second alternative), else None."""
    gd = m.groupdict()
    return gd.get("party") or gd.get("party2")


def _controller(text: str, m: re.Match, speaker: str | None) -> str | None:
    lex = lexicon()
    r = _rules()
    named = _named_party(m)
    if named:
        ps = lex.parties_in(named)
        if ps:
            return ps[0][2]
    clause_start = max(text.rfind(";", 0, m.start()), text.rfind(".", 0, max(0, m.start() - 1)), 0)
    window = text[max(clause_start, m.start() - 80):m.start()]
    # 'Ukrainian units continued to hold ...' / 'its forces had taken ...'
    near = window[-50:]
    forces = list(r["party_forces"].finditer(near))
    own = list(r["own"].finditer(near))
    if forces and (not own or forces[-1].start() > own[-1].start()):
        ps = lex.parties_in(forces[-1].group("party"))
        if ps:
            return ps[0][2]
    if own:  # 'its forces': the side that reports it in this sentence, else the speaker's
        sentence = text[max(text.rfind(".", 0, max(0, m.start() - 1)), 0):m.start()]
        reporters = [x for x in r["reporter"].finditer(sentence) if x.end() <= len(sentence) - len(near) + own[-1].start()]
        if reporters:
            ps = lex.parties_in(reporters[-1].group("party"))
            if ps:
                return ps[0][2]
        mine = lex.party_of(speaker)
        if mine:
            return mine
    before = lex.parties_in(window)
    if before:
        return before[-1][2]
    return lex.party_of(speaker)


def _place_of(name: str) -> str | None:
    """A place's canonical name: a gazetteer place, or an unknown capitalised
    name that is not a party, a weekday, a month or a title."""
    lex = lexicon()
    named = lex.places_in(name)
    if named:
        return named[0][2]
    if lex.anaphora_re.fullmatch(name.strip()) or name.strip().lower() == "there":
        return None
    if not name[:1].isupper():
        return None
    if name.lower() in _rules()["not_places"] or name.split()[0].lower() in _rules()["not_places"]:
        return None
    if lex.parties_in(name):
        return None
    return name.strip()


def places_named(text: str) -> list[tuple[int, str]]:
    """(offset, place) of the places a text names, gazetteer places and 'the town of X'."""
    lex = lexicon()
    out = [(s, p) for s, _e, p in lex.places_in(text) if lex.place_kinds.get(p) != "region"]
    for m in _TOWN_OF.finditer(text):
        p = _place_of(m.group(1))
        if p:
            out.append((m.start(1), p))
    out.sort()
    return out


@lru_cache(maxsize=65536)
def _read(text: str, previous_place: str | None) -> tuple:
    """The speaker-free part of statements_in: (match, place, polarity,
    full, who_controls) for each statement pattern matched."""
    r = _rules()
    out = []
    for polarity, scope, pat, who_controls, cue in r["pats"]:
        if not cue.test(text):
            continue
        for m in pat.finditer(text):
            raw = m.group("place")
            place = _place_of(raw)
            if place is None:
                if raw[:1].isupper() and not lexicon().anaphora_re.fullmatch(raw.strip()) \
                        and raw.strip().lower() != "there":
                    continue  # a capitalised word that is not a place
                earlier = places_named(text[:m.start()])
                place = earlier[-1][1] if earlier else previous_place
            if not place:
                continue
            prefix = text[:m.start()]
            if r["modal"].test(prefix):
                continue  # 'would gain control of', 'trying to capture'
            gd = m.groupdict()
            scope_word = (gd.get("full") or "").lower()
            full = scope == "full" and not gd.get("part") and scope_word not in ("partial",)
            pol = polarity
            if _negated(prefix, r["neg"], r["breaks"]) or r["false_after"].test(text[m.end():]):
                pol = "deny" if pol == "assert" else "assert"
            out.append((m, place, pol, full, who_controls))
    return tuple(out)


def statements_in(cl: ClaimView, previous_place: str | None = None) -> list[Statement]:
    """Control statements of one claim; `previous_place` resolves 'the city'."""
    if not _CUE.test(cl.text):
        return []
    out = []
    for m, place, pol, full, who_controls in _read(cl.text, previous_place):
        ctrl = _controller(cl.text, m, cl.speaker)
        if who_controls == "opponent" and not _named_party(m) and ctrl:
            ctrl = OPPONENT + ctrl  # 'X has not fallen': not to anyone but the side saying it
        out.append(Statement(place, ctrl, pol, full, m.group(0).strip()))
    # one statement per (place, controller, polarity); a full one wins over a partial one
    best: dict[tuple, Statement] = {}
    for s in out:
        k = (s.place, s.controller, s.polarity)
        if k not in best or (s.full and not best[k].full):
            best[k] = s
    return list(best.values())

"""Relay outlets: who passed a claim on ("AFP reported", "told Reuters",
"according to AP", "the draft consulted by AFP", "reviewed by the Associated
Press", "per the report").  Outlet names are canonicalised through
rules/outlets.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from provenance.attribute.lexicon import _load, lexicon
from provenance.pattern_index import alternation


@dataclass(frozen=True, slots=True)
class Relay:
    outlet: str  # canonical outlet name
    start: int
    end: int
    mode: str  # "told" (binds to its own speaker) | "reported" (whole sentence) | "by" (a document seen by) | "ref"


_THE = re.compile(r"^the\s+", re.I)
_INITIAL_END = re.compile(r"(?:^|[\s.])[A-Z]\.$")  # "U.S.", "J.": the dot belongs to the name


def _without_full_stop(name: str) -> str:
    """`name` without the sentence's full stop ('Tass.'), unless the dot ends an initial ('U.S.')."""
    return name[:-1] if name.endswith(".") and not _INITIAL_END.search(name) else name


class _Outlets:
    def __init__(self) -> None:
        names: dict[str, str] = {}
        cs, ci = [], []
        for o in lexicon().outlets:
            for n in [o["name"]] + list(o.get("aliases", [])):
                names[n.lower()] = o["name"]
                (cs if (n.isupper() and len(n) <= 5) else ci).append(n)
        self.names = names
        # first word (lower case) of every outlet name: a cheap pre-filter before the regexes
        self.first_words = frozenset(re.findall(r"\w+", re.sub(r"^the\s+", "", n.lower()))[0]
                                     for n in names if re.findall(r"\w+", re.sub(r"^the\s+", "", n.lower())))
        # the flat alternations, longest first, as prefix trees (faster); lower case where matched under (?i:)
        alt_ci, alt_cs = alternation({n.lower() for n in ci}), alternation(cs)
        self.re = re.compile(rf"(?<![\w.])(?:(?i:(?:the\s+)?(?:{alt_ci}))|(?:{alt_cs}))(?![\w-])")
        o = self.re.pattern
        sep = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
        self.list_re = re.compile(rf"{o}(?:{sep}{o})*")
        part = "|".join(sorted(lexicon().relay_participles))
        self.by_re = re.compile(rf"\b(?:first\s+|also\s+|later\s+)?(?:{part})\s+by\s+(?={o})")
        self.told_re = re.compile(rf"\b(?:told|tells|telling|confirmed\s+to|said\s+to|speaking\s+to|spoke\s+to|"
                                  rf"in\s+(?:an\s+)?interviews?\s+with|wrote\s+in|writing\s+in|quoted\s+by|cited\s+by)\s+(?={o})")
        self.acc_re = re.compile(rf"\b(?:[Aa]ccording\s+to|per|citing|[Cc]ited\s+by)\s+(?={o})")
        self.subj_re = re.compile(rf"{o}(?:['’]s\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)?\s+(?:also\s+|first\s+|previously\s+)?"
                                  rf"(?:reported|reports|said|says|wrote|quoted|cited|revealed|published)\b")
        lex = lexicon()
        desc = "|".join(sorted((re.escape(d).replace(r"\ ", r"\s+") for d in lex.outlet_descriptors), key=len, reverse=True))
        name = r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}(?:\s+\d{1,3}\b(?![.,]\d))?"  # "France 24"
        cue = (r"\b(?:(?P<told>told|tells|telling|speaking\s+to|spoke\s+to|in\s+(?:an\s+)?interviews?\s+with)|"
               rf"(?P<by>(?:{part}|polled|surveyed|interviewed)\s+by)|(?P<acc>[Aa]ccording\s+to|citing))\s+(?:the\s+)?")
        # "told the Irish broadcaster RTÉ", "told Russian state news agency TASS", "the Lisbon daily Record"
        self.desc_re = re.compile(rf"{cue}(?:[\w’'-]+\s+){{0,4}}?(?:{desc})\s+(?P<name>{name})")
        # "told the Gazette newspaper"
        self.name_desc_re = re.compile(rf"{cue}(?P<name>{name})\s+(?:{desc})\b")
        # a whole outlet phrase: "the state news agency Tass", "the Kommersant newspaper"
        self.phrase_re = re.compile(rf"(?:(?:[Tt]he\s+)?(?:[\w’'-]+\s+){{0,4}}?(?:{desc})\s+(?P<name>{name})|"
                                    rf"(?:[Tt]he\s+)?(?P<name2>{name})\s+(?:{desc}))")
        # "seen by the Albion Post", "economists polled by Reuters": a capitalised name after a relay participle
        self.bare_by_re = re.compile(rf"\b(?:seen|obtained|reviewed|consulted|leaked\s+to|polled|surveyed)\s+by\s+(?:the\s+)?(?P<name>{name})")
        # "as the Kiev agency UNN reported", "the Chinese broadcaster CCTV said": an unlisted outlet named by its
        # descriptor before a reporting verb; the words before the descriptor are names, demonyms or news words
        news = r"(?:[A-Z][\w’'-]*|state|news|public|private|official|independent|online|" + "|".join(sorted(lex.demonyms)) + ")"
        self.desc_subj_re = re.compile(rf"(?<![\w])(?:[Tt]he\s+)?(?:{news}\s+){{0,3}}(?:{desc})\s+(?P<name>{name})\s+"
                                       rf"(?:also\s+|first\s+|later\s+)?(?:reported|reports|wrote|writes|said|says)\b")
        # the same outlet phrase on its own: "the Kiev agency UNN" (a lower-case modifier makes it none)
        self.desc_phrase_re = re.compile(rf"(?:[Tt]he\s+)?(?:{news}\s+){{0,3}}(?:{desc})\s+(?P<name>{name})")
        # "told The Harbour Times", "according to the Lakeside Gazette": a name ending in a publication word
        pub = "|".join(sorted(map(re.escape, lex.publication_words), key=len, reverse=True))
        self.pub_re = re.compile(rf"{cue}(?P<name>(?:The\s+)?(?:[A-Z][\w’'&-]*\s+){{1,3}}(?:{pub}))(?![\w-])")
        self.pub_subj_re = re.compile(rf"(?<![\w’'-])(?P<name>(?:The\s+)?(?:[A-Z][\w’'&-]*\s+){{1,3}}(?:{pub}))\s+"
                                      rf"(?:also\s+|first\s+|later\s+)?(?:reported|reports|wrote|writes|said|says)\b")
        self.pub_words = re.compile(rf"\b(?:{pub})\b")
        self.triggers = frozenset(w for d in lex.outlet_descriptors for w in d.split()) | {"seen", "obtained", "reviewed",
                                                                                            "consulted", "polled", "surveyed"}
        self.ref_re = re.compile(r"\b(?:per\s+the\s+report|according\s+to\s+the\s+report|the\s+report\s+said|the\s+report\s+says)\b", re.I)

    def canon(self, s: str) -> str | None:
        k = _THE.sub("", s.strip()).lower()
        return self.names.get(k) or self.names.get("the " + k) or self.names.get(s.strip().lower())


@lru_cache(maxsize=1)
def outlets() -> _Outlets:
    return _Outlets()


def outlet_name(s: str) -> str | None:
    """Canonical outlet for a phrase that is exactly an outlet name, else None."""
    return outlets().canon(s)


def outlet_phrase(s: str) -> str | None:
    """Canonical outlet for an outlet name, bare or with its descriptor ('the state news agency Tass',
    'Russian state news agency TASS', 'the Kommersant newspaper'), else None.  With a descriptor the name
    must be a known outlet: 'the UN nuclear agency IAEA' is no outlet."""
    o = outlets()
    s = _without_full_stop(s.strip())
    name = o.canon(s)
    if name is not None:
        return name
    m = o.phrase_re.fullmatch(s)
    return o.canon(m.group("name") or m.group("name2")) if m else None


_NUMBER_END = re.compile(r"\s+\d+$")


def _numbered(nm: str) -> str:
    """A name ending in a number keeps it only as a listed outlet's ('France 24'; not 'Tass 20')."""
    m = _NUMBER_END.search(nm)
    return nm[:m.start()] if m and outlets().canon(nm) is None else nm


def described_outlet(s: str) -> str | None:
    """The name of an outlet named by its descriptor ('the Kiev agency UNN', 'Chinese broadcaster CCTV'),
    listed or not, else None."""
    m = outlets().desc_phrase_re.fullmatch(_without_full_stop(s.strip()))
    if m is None or all(w.lower() in lexicon().demonyms for w in m.group("name").split()):
        return None
    nm = _numbered(m.group("name"))
    return outlets().canon(nm) or nm


def _list_at(masked: str, pos: int, end: int) -> list[tuple[str, int, int]]:
    o = outlets()
    m = o.list_re.match(masked, pos, end)
    if not m:
        return []
    out = []
    for om in o.re.finditer(masked, m.start(), m.end()):
        name = o.canon(om.group(0))
        if name:
            out.append((name, om.start(), om.end()))
    return out


_LAST_WORD = re.compile(r"(\w+)\s*$")


def _modified(masked: str, floor: int, pos: int) -> bool:
    """Does a lower-case word other than a conjunction stand right before pos?"""
    m = _LAST_WORD.search(masked, max(floor, pos - 30), pos)
    return bool(m) and m.group(1)[0].islower() and m.group(1) not in ("as", "and", "but", "while", "the")


@lru_cache(maxsize=1)
def self_reference() -> re.Pattern:
    """'told this newspaper', 'in an interview with this paper' (rules/outlets.json self_references)."""
    words = _load("outlets.json").get("self_references", [])
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"\b(?:told|tells|telling|speaking\s+to|spoke\s+to|said\s+to|confirmed\s+to|"
                      rf"in\s+(?:an\s+)?interviews?\s+with)\s+(?P<self>{alt})\b", re.I)


def find_relays(masked: str, start: int, end: int, last_reporter: str | None = None,
                own_outlet: str | None = None) -> list[Relay]:
    """Relays named in masked[start:end], in text order; `own_outlet` (the
    article's publisher) is the relay of 'told this newspaper'."""
    o = outlets()
    found: list[Relay] = []
    if own_outlet:
        for m in self_reference().finditer(masked, start, end):
            found.append(Relay(own_outlet, m.start("self"), m.end("self"), "told"))
    for rx, mode in ((o.by_re, "by"), (o.told_re, "told"), (o.acc_re, "reported")):
        for m in rx.finditer(masked, start, end):
            for name, s, e in _list_at(masked, m.end(), end):
                found.append(Relay(name, s, e, mode))
    for m in o.subj_re.finditer(masked, start, end):
        om = o.re.match(masked, m.start(), end)
        name = o.canon(om.group(0)) if om else None
        if name and (m.start() == start or masked[m.start() - 1] in " ,;(\"”’"):
            found.append(Relay(name, m.start(), m.end(), "reported"))
    taken = {(r.start) for r in found}
    spans: list[tuple[int, int]] = []
    lex = lexicon()
    chunk = masked[start:end]
    rxs = ((o.desc_re, o.name_desc_re, o.desc_subj_re) if not o.triggers.isdisjoint(chunk.lower().split()) else ()) + (
        (o.bare_by_re,) if " by " in chunk else ()) + ((o.pub_re, o.pub_subj_re) if o.pub_words.search(chunk) else ())
    for rx in rxs:
        for m in rx.finditer(masked, start, end):
            nm = m.group("name")
            s0 = m.start("name")
            nm = _numbered(_without_full_stop(nm))  # "according to the state news agency Tass."
            if s0 in taken or any(a <= s0 < b for a, b in spans):
                continue
            if rx is o.desc_subj_re and _modified(masked, start, m.start()):
                continue  # "the UN nuclear agency IAEA said": a lower-case modifier before the descriptor
            words = nm.split()
            if all(w.lower() in lex.demonyms for w in words):
                continue  # "told Russian television": a nationality, not an outlet's name
            if rx is o.bare_by_re and (words[-1].lower() in lex.organization_heads or words[-1].lower() in lex.role_words
                                       or words[0].lower() in lex.determiners or len(words) == 1 and o.canon(nm) is None
                                       and not nm.isupper()):
                continue  # "seen by the European Commission", "reviewed by Smith": not an outlet
            mode = "by" if (rx is o.bare_by_re or m.groupdict().get("by")) else ("told" if m.groupdict().get("told") else "reported")
            found.append(Relay(o.canon(nm) or nm, s0, s0 + len(nm), mode))
            taken.add(s0)
            spans.append((m.start(), m.end()))
    if last_reporter:
        for m in o.ref_re.finditer(masked, start, end):
            found.append(Relay(last_reporter, m.start(), m.end(), "ref"))
    found.sort(key=lambda r: r.start)
    seen, out = set(), []
    for r in found:
        if (r.outlet, r.start) not in seen:
            seen.add((r.outlet, r.start))
            out.append(r)
    return out


def vias(relays: list[Relay]) -> tuple[str, ...]:
    out: list[str] = []
    for r in relays:
        if r.outlet not in out:
            out.append(r.outlet)
    return tuple(out)

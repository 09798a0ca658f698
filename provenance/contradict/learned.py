"""Places and parties an article introduces by its own words.

The gazetteers (rules/places.json, rules/parties.json) know one conflict.
An article about another names its towns and sides in ways news writing
shares: 'the border town of X', 'X, a village near ...', 'the X region',
'in and around X', 'the mayor of X', 'retook X', 'X fell'; 'X's army', 'the Xian
government', 'X-backed', 'X's capital, Y', 'Y, the Xian capital'.  This
module reads those constructions (word lists in rules/naming.json) and the
world gazetteer rules/countries.json (tools/gen_countries.py): a country
is a party only when an article uses it as one, with its adjectives (by
the gazetteer or by stem: 'Karsovian' -> 'Karsovia') and its capital as a
metonym.  The canonical name of a learned place is its surface form, so
two articles naming the same town meet.  Guards: months, weekdays, titles,
outlets, countries and persons ('X said', 'Colonel X') are not towns.

`learned_names(texts)` makes the names learned from the articles of one
detection run visible to `lexicon()` for the duration of the run.
"""
from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

RULES = Path(__file__).resolve().parent.parent / "rules"
NAME = r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?"
NAME2 = rf"{NAME}(?:\s+[A-Z][a-z]{{2,}})?"
ACRONYM = r"[A-Z](?=[A-Z0-9]*\d|[A-Z]{1,4}\b)[A-Z0-9]{1,4}"  # an armed group's acronym: M23, RSF, SDF
_LONGER_NAME = re.compile(r"\b([A-Z][a-z]+)\s+$")  # a capitalised word right before
_ADJ_END = ("ian", "ean", "an", "ese", "ish", "ic", "i", "er")

# (places: ((name, kind), ...), parties: ((canonical, (aliases...)), ...))
Learned = tuple
_CURRENT: ContextVar[Learned | None] = ContextVar("learned_names", default=None)
_ACTIVE: list = [None]  # the key the module caches were last filled under


def _json(name: str) -> dict:
    with open(RULES / name, encoding="utf-8") as fh:
        return json.load(fh)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _data() -> dict:
    n = _json("naming.json")
    parties = _json("parties.json")["parties"]
    known = {a.lower() for p in parties for a in p["aliases"] + [p["name"]]}
    outlets = _json("outlets.json").get("outlets", [])
    outlet_words = {w.lower() for o in outlets if isinstance(o, dict)
                    for a in [o.get("name", "")] + o.get("aliases", []) for w in re.findall(r"[A-Za-z]+", a)}
    base_places = {w.lower() for pl in _json("places.json")["places"] for w in pl["spellings"] + [pl["name"]]}
    countries = _json("countries.json")["countries"]
    by_word = {}
    for c in countries:
        for w in [c["name"], *c["adjectives"], *([c["capital"]] if c["capital"] else [])]:
            by_word.setdefault(w.lower(), c)
    inst = _alt(n["institutions"])
    pc = n["person_cues"]
    return dict(
        not_names={w.lower() for w in n["not_names"]}, known=known, base_places=base_places, outlets=outlet_words, countries=by_word,
        town_of=re.compile(rf"\bthe\s+(?:[\w’'-]+\s+){{0,2}}?(?i:({_alt(n['place_nouns'])}))\s+of\s+({NAME2})\b"),
        town_appos=re.compile(rf"\b({NAME2}),\s+an?\s+(?:[a-z-]+\s+){{0,3}}?(?i:({_alt(n['place_nouns'])}))\b"),
        region=re.compile(rf"\bthe\s+({NAME2})\s+(?i:{_alt(n['region_nouns'])})\b"),
        town_official=re.compile(rf"\b(?i:{_alt(n['town_officials'])})\s+of\s+({NAME2})\b"
                                 rf"|(?<![\w-])({NAME})['’]s\s+(?i:{_alt(n['town_officials'])})\b"),
        region_official=re.compile(rf"\b(?i:{_alt(n['region_officials'])})\s+of\s+({NAME2})\b"
                                   rf"|(?<![\w-])({NAME})['’]s\s+(?i:{_alt(n['region_officials'])})\b"),
        around=re.compile(rf"\bin\s+and\s+around\s+({NAME})\b"),
        control=re.compile(rf"\b(?i:{_alt(n['control_verbs'])})\s+({NAME2})\b(?!['’]s)"),
        fell=re.compile(rf"\b({NAME2})\s+(?i:{_alt(n['fell_verbs'])})\b"),
        possessive=re.compile(rf"(?<![\w-])({NAME})['’]s\s+(?:[a-z]+\s+)?(?i:{inst})\b"),
        attributive=re.compile(rf"(?<![\w-])({NAME}|{ACRONYM})\s+(?i:{inst})\b"),
        backed=re.compile(rf"(?<![\w-])({NAME})-(?:backed|led|controlled|held|occupied)\b"),
        capital=re.compile(rf"({NAME})['’]s\s+(?i:{_alt(n['capital_words'])}),?\s+({NAME})"
                           rf"|({NAME}),\s+the\s+({NAME})\s+(?i:{_alt(n['capital_words'])})\b"
                           rf"|({NAME}),\s+the\s+(?i:{_alt(n['capital_words'])})\s+of\s+({NAME})"),
        person_after=re.compile(rf"\b({NAME})(?:\s+[A-Z][a-z]+)?(?:,\s+[a-z][^,.;]{{0,80}},)?\s+(?:{_alt(pc['after'])})\b"),
        person_before=re.compile(rf"\b(?:{_alt(pc['before'])})\s+(?:[A-Z][a-z]+\s+)?({NAME})\b"),
        person_said=re.compile(rf"\b(?:said|says)\s+(?:[A-Z][a-z]+\s+)?({NAME})\s*[,.]"),
        sentence_start=re.compile(r"(?:^|[.!?:\"“”]\s*|\n\s*)$"),
    )


def _stem(noun: str) -> str:
    return re.sub(r"[aeiouy]+$", "", noun)


def _adjective_of(adj: str, nouns) -> str | None:
    """The noun of the article an adjective belongs to ('Karsovian' -> 'Karsovia')."""
    for noun in nouns:
        s = _stem(noun)
        if len(s) >= 4 and adj != noun and adj.startswith(s) and adj.endswith(_ADJ_END + ("s",)):
            return noun
    return None


def _persons(text: str, d: dict) -> set[str]:
    """Capitalised words the article uses as a person's name."""
    out = {m.group(1) for m in d["person_before"].finditer(text)} | {m.group(1) for m in d["person_said"].finditer(text)}
    for m in d["person_after"].finditer(text):
        whole = m.group(0).split(",")[0].split()
        if len(whole) >= 2 and whole[1][:1].isupper():  # 'Anna Lind said': both words
            out.update(whole[:2])
        out.add(m.group(1))
    return out


def _mid_sentence(text: str, name: str, d: dict) -> bool:
    """Is the name written capitalised somewhere not at the start of a sentence?"""
    return any(not d["sentence_start"].search(text[max(0, m.start() - 3):m.start()])
               for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


def _longer_name(text: str, at: int, d: dict) -> bool:
    """Is the word at `at` the last of a longer name ('Vila Nova's': not 'Nova'; 'The Karsovian' is fine)?"""
    m = _LONGER_NAME.search(text, max(0, at - 30), at)
    return bool(m) and m.group(1).lower() not in d["not_names"]


def _parties(text: str, d: dict) -> dict[str, set[str]]:
    """canonical party -> aliases, for the parties the article uses as such."""
    bad = d["not_names"] | d["outlets"]
    cands = [m.group(1) for k in ("possessive", "attributive", "backed") for m in d[k].finditer(text)
             if not _longer_name(text, m.start(1), d)]
    cands = [c for c in dict.fromkeys(cands) if c.lower() not in bad and c.lower() not in d["known"]]
    nouns = [c for c in cands if not c.endswith(_ADJ_END) or c.lower() in d["countries"]
             and d["countries"][c.lower()]["name"] == c]
    words = set(re.findall(r"(?<![\w-])[A-Z][a-z]{3,}(?![\w-])", text)) - {w for w in cands if w not in nouns}
    nouns += sorted(w for w in words if w not in nouns and w.lower() not in bad
                    and any(_adjective_of(c, [w]) for c in cands))
    out: dict[str, set[str]] = {}
    for c in cands:
        g = d["countries"].get(c.lower())
        if g is not None:
            name = g["name"]
            out.setdefault(name, set()).update([name, *g["adjectives"], *(a + "s" for a in g["adjectives"])]
                                               + ([g["capital"]] if g["capital"] else []))
        elif c in nouns:
            out.setdefault(c, set()).add(c)
        else:
            noun = _adjective_of(c, nouns)
            out.setdefault(noun or c, set()).update([noun or c, c])
    # adjectives the article forms from a learned noun, anywhere in it ('the Karsovian video')
    for w in set(re.findall(r"(?<![\w-])[A-Z][a-z]{3,}", text)):
        noun = _adjective_of(w, [n for n in out if n in nouns])
        if noun:
            out[noun].add(w)
    # capitals the article ties to a party
    alias_to = {a.lower(): p for p, al in out.items() for a in al}
    for m in d["capital"].finditer(text):
        owner, cap = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3)) if m.group(3) else \
            (m.group(6), m.group(5))
        party = alias_to.get(owner.lower())
        if party and cap.lower() not in bad and cap.lower() not in d["known"]:
            out[party].add(cap)
    return out


def _places(text: str, d: dict, party_words: set[str]) -> dict[str, str]:
    """place -> kind, for the names the article introduces as places."""
    bad = d["not_names"] | d["outlets"] | d["known"] | set(d["countries"]) | party_words | d["base_places"]
    persons = {p.lower() for p in _persons(text, d)}
    out: dict[str, str] = {}

    def add(name: str, kind: str, guard: bool = False) -> None:
        low = name.lower()
        if low in bad or any(w.lower() in bad or w.lower() in persons for w in name.split()) or name in out:
            return
        if guard and not _mid_sentence(text, name, d):
            return
        out[name] = kind

    for m in d["town_of"].finditer(text):
        add(m.group(2), "region" if m.group(1).lower() == "district" else "town")
    for m in d["town_appos"].finditer(text):
        add(m.group(1), "region" if m.group(2).lower() == "district" else "town")
    for m in d["region"].finditer(text):
        add(m.group(1), "region")
    for kind in ("town", "region"):
        for m in d[f"{kind}_official"].finditer(text):
            add(m.group(1) or m.group(2), kind)
    for m in d["around"].finditer(text):
        add(m.group(1), "town")
    for k in ("control", "fell"):
        for m in d[k].finditer(text):
            name = m.group(1)
            words = name.split()
            if len(words) == 2 and (words[1].lower() in bad or words[1].lower() in persons):
                name = words[0]  # 'retook Goma Monday': the town is one word
            add(name, "town", guard=True)
    return out


@lru_cache(maxsize=4096)
def article_names(text: str) -> Learned:
    """(places, parties) one article introduces: ((name, kind), ...), ((party, (aliases...)), ...)."""
    d = _data()
    parties = _parties(text, d)
    words = {a.lower() for al in parties.values() for a in al}
    places = _places(text, d, words)
    return (tuple(sorted(places.items())),
            tuple(sorted((p, tuple(sorted(al))) for p, al in parties.items())))


def merge(found) -> Learned | None:
    """The names of several articles as one key (a party's aliases joined)."""
    places: dict[str, str] = {}
    parties: dict[str, set[str]] = {}
    for pl, pa in found:
        for name, kind in pl:
            if places.get(name) != "town":  # a town in one article, its district in another: the town
                places[name] = kind
        for p, al in pa:
            parties.setdefault(p, set()).update(al)
    for p in sorted(parties):  # 'Karsovian' learned alone in one article, 'Karsovia' in another
        noun = _adjective_of(p, [q for q in parties if q != p])
        if noun and p in parties:
            parties[noun].update(parties.pop(p))
    aliases = {a.lower() for al in parties.values() for a in al}
    places = {n: k for n, k in places.items() if n.lower() not in aliases}
    if not places and not parties:
        return None
    return (tuple(sorted(places.items())), tuple(sorted((p, tuple(sorted(al))) for p, al in parties.items())))


def current() -> Learned | None:
    return _CURRENT.get()


def _clear_caches() -> None:
    """Results cached under other names are stale: clear the detectors' caches."""
    for name, mod in list(sys.modules.items()):
        if mod is None or not name.startswith(("provenance.contradict", "provenance.assertions", "provenance.sides")):
            continue
        for attr, obj in list(vars(mod).items()):
            if attr not in ("article_names", "_data", "_lexicon") and hasattr(obj, "cache_clear") \
                    and hasattr(obj, "cache_info"):
                obj.cache_clear()


def _activate(key: Learned | None) -> None:
    if _ACTIVE[0] != key:
        _clear_caches()
        _ACTIVE[0] = key


@contextmanager
def learned_names(texts):
    """Within the block, lexicon() also knows the names the texts introduce."""
    with learned_key(merge(article_names(t) for t in texts if t)) as key:
        yield key


def article_texts(claims, ctx) -> list[str]:
    """The texts of the run's articles (the claims of an article joined when its text is not known)."""
    sources = getattr(claims, "sources", None)
    sids = sorted(set(sources)) if sources is not None else sorted({c.source_id for c in claims})
    texts, missing = [], set()
    for sid in sids:
        text = ctx.texts.get(sid) if ctx.texts else None
        if text:
            texts.append(text)
        else:
            missing.add(sid)
    if missing:
        joined: dict[int, list[str]] = {}
        for c in claims:
            if c.source_id in missing:
                joined.setdefault(c.source_id, []).append(c.text)
        texts.extend(" ".join(v) for _k, v in sorted(joined.items()))
    return texts


@contextmanager
def learned_key(key: Learned | None):
    """Within the block, lexicon() also knows the names of a merged key
    (merge() of the stored names of every article)."""
    token = _CURRENT.set(key)
    _activate(key)
    try:
        yield key
    finally:
        _CURRENT.reset(token)
        _activate(_CURRENT.get())

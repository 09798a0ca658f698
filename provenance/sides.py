"""Which side of a dispute a speaker is on.

A side is a party of rules/parties.json ('Russia', 'Ukraine').  Evidence,
first found wins: the registry rules/sides.json (people and organisations
whose names do not say it), the speaker's own name ('Russian Defence
Ministry', 'General Staff of the Armed Forces of Ukraine'), the roles and
office given in rules/speakers.json ('Russian chief of the general staff'),
then the article's own words around the speaker's name: the words before
it in its clause ('Ukraine's General Staff', 'the Kyiv-based monitoring
group DeepState') and an appositive after it ('Viktor Trehubov, the
spokesman for Ukraine's eastern forces,').  Nothing here names a
particular person: a new entity is a data entry.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .attribute.lexicon import lexicon as attribution_lexicon
from .contradict.lexicon import lexicon

RULES = Path(__file__).resolve().parent / "rules"
BEFORE = 70  # characters of the clause before a name read for its descriptor
AFTER = 90  # characters of an appositive after a name
_CLAUSE_END = re.compile(r"[.;:!?\"“”]|,\s+(?:and|but|while|who|which)\b|\b(?:said|says|told|wrote|reported)\b")
_APPOSITIVE = re.compile(r",\s+(?:(?i:a|an|the|who|which|whose|now|then|formerly)\b|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s)"
                         r"|\s+(?i:of|from)\s+(?:the\s+)?[A-Z]")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


@lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, str], re.Pattern | None]:
    """Registry name -> side, and one pattern finding registry names as words."""
    data = json.loads((RULES / "sides.json").read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for side, names in data.get("sides", {}).items():
        for n in names:
            table[_norm(n)] = side
    if not table:
        return table, None
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(table, key=len, reverse=True))
    return table, re.compile(rf"(?<![\w])(?:{alt})(?![\w])", re.I)


@lru_cache(maxsize=1)
def _speaker_words() -> dict[str, tuple[str, ...]]:
    """Canonical speaker name (folded) -> its aliases, roles and office (rules/speakers.json)."""
    path = RULES / "speakers.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, tuple[str, ...]] = {}
    for e in data.get("speakers", []) if isinstance(data, dict) else []:
        if isinstance(e, dict) and e.get("name"):
            words = (*e.get("roles", []), e.get("office") or "")
            for n in (e["name"], *e.get("aliases", [])):
                out[_norm(n)] = tuple(w for w in words if w)
    return out


def _one_party(text: str) -> str | None:
    """The single party a phrase names (the last one when several are named
    and the phrase is a descriptor read outwards from the name)."""
    return lexicon().party_of(text)


def _registered(text: str) -> str | None:
    table, pat = _registry()
    if pat is None or not text:
        return None
    hit = table.get(_norm(text))
    if hit:
        return hit
    sides = {table[_norm(m.group(0))] for m in pat.finditer(text)}
    return sides.pop() if len(sides) == 1 else None


@lru_cache(maxsize=16384)
def side_of_name(name: str | None) -> str | None:
    """A speaker's side from its canonical name alone: registry, name, roles."""
    if not name:
        return None
    side = _registered(name) or _one_party(name)
    if side:
        return side
    for words in _speaker_words().get(_norm(name), ()):
        side = _one_party(words)
        if side:
            return side
    return None


def _name_keys(name: str) -> list[str]:
    """The words an article may use for a speaker: the full name, then its last word."""
    parts = [p for p in re.findall(r"[^\W\d_][\w’'-]*", name) if len(p) > 2]
    keys = [name]
    if len(parts) > 1 and parts[-1][:1].isupper():
        keys.append(parts[-1])
    return keys


def _mentions(article: str, lowered: str, key: str, end: int):
    """(start, end) of each whole-word mention of key (case-insensitive) before `end`."""
    k = key.lower()
    at = lowered.find(k)
    while 0 <= at < end:
        stop = at + len(k)
        if (at == 0 or not article[at - 1].isalnum()) and (stop >= len(article) or not article[stop].isalnum()):
            yield at, stop
        at = lowered.find(k, at + 1)


def descriptor_side(article: str, name: str, until: int | None = None, lowered: str | None = None) -> str | None:
    """The side the article's words give a name: the clause before a
    mention and an appositive after it, nearest to the name first."""
    end = len(article) if until is None else until
    lowered = lowered if lowered is not None else article.lower()
    for key in _name_keys(name):
        for start, stop in _mentions(article, lowered, key, end):
            before = article[max(0, start - BEFORE):start]
            cut = list(_CLAUSE_END.finditer(before))
            if cut:
                before = before[cut[-1].end():]
            found = _registered(before) or _nearest_party(before, last=True) or _owner_named_before(
                article, before, start)
            if found:
                return found
            after = article[stop:stop + AFTER]
            if _APPOSITIVE.match(after):
                stop = re.search(r"[,;.:]|\s(?:said|says|told|wrote)\b", after[1:])
                phrase = after[: stop.start() + 1] if stop else after
                found = _registered(phrase) or _nearest_party(phrase, last=False)
                if found:
                    return found
    return None


@lru_cache(maxsize=1)
def _definite_org() -> re.Pattern:
    """'the army's', 'the defence ministry's', 'the command': an institution
    the article named before (organization_heads of the attribution lexicon)."""
    heads = "|".join(sorted((re.escape(h) for h in attribution_lexicon().organization_heads if "'" not in h),
                            key=len, reverse=True))
    return re.compile(rf"\b(?:[Tt]he)\s+((?:[a-z-]+\s+){{0,2}}?(?:{heads}))(?:['’]s)?\b")


def _owner_named_before(article: str, phrase: str, start: int) -> str | None:
    """The side of 'the army' in `phrase`: the party of the nearest earlier
    mention of the same institution with its owner ('Karsovia's army',
    'the Valdorian army') in the article before `start`."""
    named = list(_definite_org().finditer(phrase))
    if not named:
        return None
    head = named[-1].group(1).split()[-1]
    owned = re.compile(rf"(?<![\w-]){re.escape(head)}(?![\w-])", re.I)
    text = article[max(0, start - 3000):start]
    for h in reversed(list(owned.finditer(text))):
        before = text[max(0, h.start() - 40):h.start()]
        before = re.split(r"[.;:!?]", before)[-1]  # the owner is in the same sentence
        side = _nearest_party(before, last=True)
        if side:
            return side
    return None


def _nearest_party(text: str, last: bool) -> str | None:
    found = lexicon().parties_in(text)
    if not found:
        return None
    return found[-1][2] if last else found[0][2]


def side_of(name: str | None, article: str | None = None, until: int | None = None,
            lowered: str | None = None) -> str | None:
    """A speaker's side: from the registry, its name and roles, else from
    the words of its article (read up to offset `until` when given;
    `lowered`: the article lower-cased, when the caller has it)."""
    side = side_of_name(name)
    if side or not name or not article:
        return side
    return descriptor_side(article, name, until, lowered)

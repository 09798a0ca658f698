"""The people of one article by surname: which full names are one person.

Every run of capitalised words that split_name reads as a full name is
counted under its surname.  Forms of one person are grouped: one form ends
with the other ('Hillary Clinton' in 'Democrat Hillary Clinton'), or both
begin with the same given name or its initial ('Loretta E. Lynch', 'Loretta
Lynch', 'L. Lynch').  A group is named by its most frequent form, then the
longest.  A bare surname names the one group that has it.  When several
people share it, news style gives the surname alone to the person introduced
first, in a sentence before the others ('Ted Vale ... his brother Ian Vale
... Vale said'); people introduced in the same sentence ('Anna Holm and Piet
Holm') leave it ambiguous, and the caller records it so (DESIGN invariant 3).
"""
from __future__ import annotations

from collections import Counter

from provenance.attribute.lexicon import lexicon


def _same_person(a: list[str], b: list[str]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_[len(long_) - len(short):] == short:
        return True
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    if x == y:
        return True
    return (len(x) == 1 or len(y) == 1) and x[:1] == y[:1]


_MAX_TOKENS = 6  # a longer run of capitals is no person's name
_MAX_FORMS = 50  # forms kept per surname: grouping compares forms pairwise, so its cost stays bounded


class ArticleNames:
    def __init__(self) -> None:
        self._forms: dict[str, Counter] = {}  # surname (lower) -> full form -> count
        self._groups: dict[str, list[list[str]]] | None = None
        self._first: dict[str, int] = {}  # form -> first position

    def add(self, name: str, pos: int = 0) -> None:
        """A full name seen at pos; a sentence's opening word ('Although Holm', 'Neither Holm') is dropped."""
        parts = name.split()
        while len(parts) >= 2 and _not_given_name(parts[0]):
            parts.pop(0)
        forms = self._forms.setdefault(parts[-1].lower(), Counter()) if len(parts) >= 2 else None
        if forms is not None and len(parts) <= _MAX_TOKENS and (len(forms) < _MAX_FORMS or " ".join(parts) in forms):
            name = " ".join(parts)
            forms[name] += 1
            self._first.setdefault(name, pos)
            self._groups = None

    def _grouped(self, surname: str) -> list[list[str]]:
        if self._groups is None:
            self._groups = {}
        if surname not in self._groups:
            groups: list[list[str]] = []
            for form in self._forms.get(surname, {}):
                hits = [g for g in groups if any(_same_person(form.split(), f.split()) for f in g)]
                merged = [form] + [f for g in hits for f in g]
                groups = [g for g in groups if g not in hits] + [merged]
            self._groups[surname] = groups
        return self._groups[surname]

    def _best(self, group: list[str]) -> str:
        counts = self._forms[group[0].split()[-1].lower()]
        return max(group, key=lambda f: (counts[f], len(f)))

    def full(self, name: str) -> str:
        """The article's name for the person a full name belongs to ('Loretta Lynch' -> 'Loretta E. Lynch')."""
        parts = name.split()
        for g in self._grouped(parts[-1].lower()):
            if any(_same_person(parts, f.split()) for f in g):
                return self._best(g)
        return name

    def people_named(self, surname: str) -> list[tuple[int, str]]:
        """(first position, the article's name) of each person with this surname, first introduced first
        (none, one, or several)."""
        out = [(min(self._first.get(f, 0) for f in g), self._best(g)) for g in self._grouped(surname.lower())]
        return sorted(out)


def _not_given_name(word: str) -> bool:
    lex = lexicon()
    low = word.lower()
    return (low in lex.subordinators or low in lex.skip_words or low in lex.not_name_words or low in lex.determiners
            or low in lex.quantifiers or low in _OPENERS or (low.endswith("ing") and len(low) > 5)
            or (low.endswith("ly") and len(low) > 4))


_OPENERS = {"neither", "either", "nor", "yet", "still", "even", "unlike", "like", "perhaps", "meanwhile"}

"""The people of one article by surname: which full names are one person.

Every run of capitalised words that split_name reads as a full name is
counted under its surname.  Forms of one person are grouped: one form ends
with the other ('Hillary Clinton' in 'Democrat Hillary Clinton'), or both
begin with the same given name or its initial ('Loretta E. Lynch', 'Loretta
Lynch', 'L. Lynch').  A group is named by its most frequent form, then the
longest.  A bare surname names the one group that has it; when two people
share it ('Anna Holm', 'Piet Holm') it is ambiguous and the caller records
it so (DESIGN invariant 3) instead of picking one.
"""
from __future__ import annotations

from collections import Counter


def _same_person(a: list[str], b: list[str]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_[len(long_) - len(short):] == short:
        return True
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    if x == y:
        return True
    return (len(x) == 1 or len(y) == 1) and x[:1] == y[:1]


class ArticleNames:
    def __init__(self) -> None:
        self._forms: dict[str, Counter] = {}  # surname (lower) -> full form -> count
        self._groups: dict[str, list[list[str]]] | None = None

    def add(self, name: str) -> None:
        parts = name.split()
        if len(parts) >= 2:
            self._forms.setdefault(parts[-1].lower(), Counter())[name] += 1
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

    def people_named(self, surname: str) -> list[str]:
        """The article's name of each person with this surname (none, one, or several: ambiguous)."""
        return [self._best(g) for g in self._grouped(surname.lower())]

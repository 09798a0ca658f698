"""The normalised assertion a claim makes, and how a finding words it."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("control", "state", "denial")


@dataclass(frozen=True)
class Assertion:
    """One normalised assertion of a claim.

    key: what it is about, the block it is compared in: ('control', place)
    or ('state', name, place-or-object).  holder: for control the party
    said to hold the place; 'not X' = any side but X (a passive capture
    denied by X's side); None = unknown.  polarity: +1 asserted, -1
    denied.  full: False for a share or a presence ('the northern
    districts', 'fighting in').  day: the statement's own date (day
    number) when the claim gives one ('on Thursday', 'as of July 30'),
    else None (the article's date is used); as_of: the date is a snapshot
    ('as of'), true on that day only.  words: the words it was read from;
    rule: the rule that read it; denies: for a denial, the claim id of the
    assertion it was resolved to."""

    kind: str
    key: tuple
    holder: str | None
    polarity: int
    full: bool = True
    day: int | None = None
    as_of: bool = False
    words: str = ""
    rule: str = ""
    says: str = ""
    denies: int | None = None

    def statement(self) -> str:
        """The assertion in words: 'Russia controls Kupiansk', 'troops encircled in X: no'."""
        if self.key[0] == "control":
            place = self.key[1]
            holder = self.holder or "a side"
            part = "" if self.full else " (in part)"
            if holder.startswith("not "):
                return f"no side but {holder[4:]} controls {place}"
            verb = "controls" if self.polarity > 0 else "does not control"
            return f"{holder} {verb} {place}{part}"
        says = self.says or " ".join(str(k) for k in self.key[1:])
        return says if self.polarity > 0 else f"not so: {says}"

    def about(self) -> str:
        """What is asserted or denied, in the positive ('Russia controls Kupiansk')."""
        if self.key[0] == "control":
            holder = self.holder or "a side"
            if holder.startswith("not "):
                return f"a side other than {holder[4:]} controls {self.key[1]}"
            return f"{holder} controls {self.key[1]}{'' if self.full else ' (in part)'}"
        return self.says or " ".join(str(k) for k in self.key[1:])

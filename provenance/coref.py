"""Reference inside one article: pronouns, role nouns and documents.

`he`/`she` -> the nearest compatible person (same sentence first, then the
speakers of recent claims, then a single named person in a recent sentence;
two equally plausible candidates leave the claim unresolved with a reason).
`the minister` -> the person the article introduced with that role
("Finance Minister Karin Holm", "Karin Holm, the finance minister,").
`the plan` -> what the article calls the plan ("the automation plan"), or a
known plan of rules/plans.json when the article names it; 'a copy seen by X'
-> the document the text names around it.  Runs of capitalised words that
may be names never cross a sentence or paragraph end ('in Tromso. Holm said').
Used by provenance.resolve.Resolver (a mixin over its state).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from provenance.attribute.lexicon import lexicon, norm_key

_DET = re.compile(r"^(?:the|a|an|its|their|his|her|our|this|that)\s+", re.I)


# A capitalised word starts a match only at a word start and is taken whole (possessive: never given back
# letter by letter), so a scan over any text is linear ("AAAA..." is one failed attempt, not one per letter).
_CAP = r"(?<![\w’'.-])[A-Z][\w’'.-]*+"
_CAP_IN = r"[A-Z][\w’'.-]*+"


@lru_cache(maxsize=4)
def name_regex(single: bool = False) -> re.Pattern:
    """Runs of capitalised words, name particles allowed inside ('Pieter van Dam'); with single=True
    a lone capitalised word of two letters or more matches too."""
    parts = "|".join(sorted((re.escape(p) for p in lexicon().name_particles), key=len, reverse=True))
    multi = rf"{_CAP}(?:\s+(?:(?:{parts})\s+)*{_CAP_IN})+"
    if single:
        return re.compile(rf"{multi}|(?<![\w’'.-])[A-Z][\w’'-]++")
    return re.compile(multi)


@lru_cache(maxsize=1)
def _role_patterns():
    name = name_regex().pattern
    # lower-case role words right before a name: "union leader Pieter van Dam"
    before = re.compile(r"((?:[a-z][\w-]*\s+){1,4})$")
    # "Karin Holm, the finance minister of X," / "Karin Holm, a lawyer for the families,"
    after = re.compile(r",\s+(?:the|a|an|[A-Z][\w’']*['’]s)\s+([^,.;“”\"]{2,80}?)(?=[,.;]|$)")
    # "the mayor, Sofia Marr,"
    appos_before = re.compile(r"\b(?:the|a|an)\s+((?:[\w-]+\s+){0,4}[\w-]+),\s+$")
    return re.compile(name), before, after, appos_before


_RUN_BREAK = re.compile(r"\s*\n\s*|(?<=\w)\.\s+")


def name_runs(rx: re.Pattern, masked: str):
    """(start, words) of every run of capitalised words, cut where a sentence or paragraph ends inside it
    ('held in Tromsoe. Holm said': 'Tromsoe' and 'Holm'; 'Gen. Ivan Holm', 'J. Holm' stay whole)."""
    keeps_dot = lexicon().keeps_dot
    for m in rx.finditer(masked):
        s = m.group(0)
        pos = 0
        for b in _RUN_BREAK.finditer(s):
            if b.group(0).startswith("."):
                j = b.start()  # the word before the dot: back to the last space only (linear over the run)
                while j > pos and not s[j - 1].isspace():
                    j -= 1
                if keeps_dot(s[j:b.start()]):
                    continue  # an initial or an abbreviation
            if b.start() > pos:
                yield from _without_opener(m.start() + pos, s[pos:b.start()])
            pos = b.end()
        if pos < len(s):
            yield from _without_opener(m.start() + pos, s[pos:])


def _without_opener(start: int, run: str):
    """The run without a sentence's opening conjunction or adverbial ('Although Scott Peck' -> 'Scott Peck');
    nothing when one word is left ('Even China' is no name run)."""
    first, _, rest = run.partition(" ")
    if rest and first.lower() in lexicon().subject_openers:
        if " " in rest:
            yield start + len(first) + 1, rest
        return
    yield start, run


def head_word(words: list[str]) -> str:
    """Head noun of a speaker description: the word before its post-modifier
    ('spokesperson for the ministry' -> spokesperson, 'union representing X' -> union)."""
    post = lexicon().postmodifiers
    for k in range(1, len(words)):
        w = words[k]
        if w in post or (w.endswith("ing") and len(w) > 5):
            return words[k - 1]
    return words[-1] if words else ""


_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z]\.\s+)*([A-Z][\w’'-]+)")
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


class CorefMixin:
    """Needs: text, masked, lex, k (known speakers), sent_starts, speakers_in, last_thing, last_group,
    last_doc, role_of, _name_lookup(name)."""

    def _fronted_possessor(self, start: int, s_start: int, pos: int) -> bool:
        """Is the name at `start` a possessor ('Holm's') inside an adverbial that opens the sentence
        ('After Holm's speech he said')?"""
        if _POSSESSOR.match(self.masked, start, pos) is None:
            return False
        m = _FIRST_WORD.match(self.masked, s_start, pos)
        first = m.group(1).lower() if m else ""
        return first in self.lex.prepositions or first in self.lex.subordinators

    # -- roles -----------------------------------------------------------
    def _role_holders(self) -> list[tuple[int, list[str], str]]:
        """(position, role words, person name) for every 'role Name' / 'Name, the role' in the article."""
        if self._roles is not None:
            return self._roles
        name_re, before, after, appos_before = _role_patterns()
        lex = self.lex
        out: list[tuple[int, list[str], str]] = []
        text = self.masked
        for m in name_re.finditer(text):
            sp = self._name_lookup(re.sub(r"['’]s$", "", m.group(0)))
            if sp is None or sp.type != "person" or not sp.name:
                continue
            role = (sp.role or "").lower().split()
            bm = before.search(text, max(0, m.start() - 60), m.start())
            if bm:
                lw = bm.group(1).split()
                k = len(lw)
                while k > 0 and lw[k - 1] in lex.role_words:
                    k -= 1
                role = lw[k:] + role
            am = after.match(text, m.end())
            if am and len(am.group(1).split()) <= 8:
                role += am.group(1).lower().split()
            pm = appos_before.search(text, max(0, m.start() - 60), m.start())
            if pm:
                role += pm.group(1).lower().split()
            if role:
                out.append((m.start(), role, sp.name))
        self._roles = out
        return out

    def _role_person(self, words: list[str], pos: int) -> str | None:
        """The latest person introduced before pos with a role that contains the description's words."""
        head = head_word(words)
        want = {w for w in words if w in self.lex.role_words or w == head}
        best = None
        for p, role, name in self._role_holders():
            if p >= pos:
                break
            if head in role and want <= set(role):
                best = name
        return best

    def _known_mentioned(self, e: dict) -> bool:
        key = e["name"]
        if key not in self._mentioned:
            low = self.text.lower()
            self._mentioned[key] = any(a.lower() in low for a in [e["name"]] + e.get("aliases", []) if len(a) > 3)
        return self._mentioned[key]

    # -- documents -------------------------------------------------------
    def _plan_name(self, mention: str, pos: int) -> str:
        plans = self.lex.plans
        low = mention.lower()
        base = None
        for d in plans["descriptors"]:
            if d["match"] in low and self._owned(d):
                base = d["name"]
                break
        if base is None:
            best, score = None, (0, -1)
            for name, positions in self._plan_positions().items():
                k = bisect_right(positions, pos)
                if k:
                    sc = (k, positions[k - 1])
                    if sc > score:
                        best, score = name, sc
            base = best or (self.last_doc.name if self.last_doc and self.last_doc.name and "agreement" not in self.last_doc.name else None) \
                or self._article_plan(mention, pos)
        for d in plans["derived"]:
            if d["match"] in low and not base.endswith(d["suffix"]):
                return base + d["suffix"]
        return base

    def _article_plan(self, mention: str, pos: int) -> str:
        """What the article calls the document: the most specific earlier phrase with the same head
        ('its automation plan' -> 'automation plan'), else the mention itself."""
        words = norm_key(_DET.sub("", mention.strip())).split()
        heads = self.lex.document_heads
        head = next((w for w in reversed(words) if w in heads), None)
        if head is None:
            return plans_generic(self.lex)
        if words and words[0] in self.lex.document_copies and "of" in words:  # "a copy of the draft": the draft
            words = [w for w in words[words.index("of") + 1:] if w not in self.lex.determiners] or words
        if head in self.lex.document_copies:  # "a copy seen by CNN": a copy of the document the text names
            head, words = self._copied_document(pos) or (head, words)
        best = " ".join(words)
        stop = self.lex.determiners | {"of", "to", "for", "and", "or", "on", "in", "at", "by", "with", "said", "says",
                                       "under", "from", "that", "which", "its", "their"}
        for m in re.finditer(rf"((?:[\w’'-]+\s+){{1,3}}){head}\b", self.masked[:pos] if pos > 0 else "", re.I):
            mods = m.group(1).split()
            k = len(mods)
            while k > 0 and mods[k - 1].lower() not in stop and not self.lex.form_lemma.get(mods[k - 1].lower()):
                k -= 1
            if k < len(mods):
                best = " ".join(mods[k:] + [head])
        return best or plans_generic(self.lex)

    def _copied_document(self, pos: int) -> tuple[str, list[str]] | None:
        """The document head named last before pos, else the next one in pos's sentence
        ('According to a copy seen by X, the plan would ...')."""
        rx, copies = _doc_words(self.lex), self.lex.document_copies
        named = [w for w in (m.group(0).lower() for m in rx.finditer(self.masked, 0, max(pos, 0))) if w not in copies]
        if not named:
            si = bisect_right(self.sent_starts, pos)
            end = self.sent_starts[si] if si < len(self.sent_starts) else len(self.masked)
            named = [w for w in (m.group(0).lower() for m in rx.finditer(self.masked, max(pos, 0), end))
                     if w not in copies][:1]
        return (named[-1], [named[-1]]) if named else None

    def _owned(self, d: dict) -> bool:
        """Does the article name the plan's owner ('China', 'Kyiv'), so that a
        descriptor ('12-point') may stand for that plan?"""
        owners = d.get("owners")
        if not owners:
            return True
        return any(re.search(rf"(?<![\w.]){re.escape(w)}(?!\w)", self.text) for w in owners)

    def _plan_positions(self) -> dict[str, list[int]]:
        if self._plan_pos is None:
            low = self.text.lower()
            pp: dict[str, list[int]] = {}
            for d in self.lex.plans["descriptors"]:
                if not self._owned(d):
                    continue
                pp.setdefault(d["name"], []).extend(m.start() for m in re.finditer(re.escape(d["match"]), low))
            self._plan_pos = {k: sorted(v) for k, v in pp.items() if v}
        return self._plan_pos

    # -- pronouns --------------------------------------------------------
    def _compatible(self, sp, g: str) -> bool:
        if sp is None or sp.type != "person" or not sp.name:
            return False
        gender = sp.gender
        if gender == "?":
            e = self.k.alias.get(norm_key(sp.name))
            gender = e.get("gender", "?") if e else "?"
        if gender == "?":
            gender = self._article_gender(sp)
        return gender == "?" or g == "?" or gender == g

    def _article_gender(self, sp) -> str:
        """What the article says of a person's gender: a title ('Mrs. Holm', 'Mr. Holm') or a role noun
        ('spokeswoman', 'chairman') used with the name; '?' when it says nothing or both."""
        if self._titles is None:
            titles: dict[str, set[str]] = {}
            for m in _TITLE.finditer(self.masked):
                titles.setdefault(m.group(2).lower(), set()).add(_TITLE_GENDER[m.group(1).lower()])
            self._titles = titles
        found = set(self._titles.get(sp.name.split()[-1].lower(), ()))
        role = (sp.role or "").lower().split()
        if role and role[-1].endswith("woman"):
            found.add("f")
        elif role and role[-1].endswith("man") and role[-1] not in ("human", "german", "woman"):
            found.add("m")
        return found.pop() if len(found) == 1 else "?"

    def _it_subject(self, pos: int, att=None):
        """'it': the organisation this or one of the two previous sentences opens with, else the organisation
        or document speaking in them.  When the reported words come before 'it said', this sentence opens
        the reported words, not the speaker ('Moscow had raised ..., it said')."""
        from provenance.orgref import proper_org, sentence_subject
        from provenance.speaker_names import Speaker, _speaker as _known_speaker

        si = bisect_right(self.sent_starts, pos) - 1
        first = si - 1 if att is not None and att.start < pos else si
        for k in range(first, max(si - 3, -1), -1):
            ks = self.sent_starts[k]
            ke = min(pos, self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.masked))
            subj = sentence_subject(self.masked, ks, ke)
            if subj and subj.lower() not in self.lex.pronouns:
                e = self.k.alias.get(norm_key(subj))
                org = proper_org(subj)
                sp = _known_speaker(e) if e is not None else (
                    Speaker(org, "organization") if org else self._organisation(subj, ks))
                if sp is not None and sp.type == "organization" and sp.name:
                    return sp
            named = [sp for sp in self.speakers_in.get(k, ()) if sp.type in ("organization", "document") and sp.name]
            if named:
                return named[-1]
        return None

    def _pronoun(self, p: str, pos: int, att):
        from provenance.speaker_names import Speaker

        g = self.lex.pronouns.get(p, "?")
        if p in ("it",):
            sp = self._it_subject(pos, att)
            if sp is not None:
                return sp
            if self.last_thing is not None:
                return self.last_thing
            if self.last_doc is not None:
                return self.last_doc
            return Speaker(None, None, None, "?", "'it' has no antecedent")
        if p in ("they", "them", "we", "i"):
            if self.last_group is not None:
                return self.last_group
            return Speaker(None, None, None, "?", f"'{p}' has no antecedent")
        person_pos, pos_keys = self.people()
        si = bisect_right(self.sent_starts, pos) - 1
        s_start = self.sent_starts[si] if si >= 0 else 0
        # 1. earlier in the same sentence; but a possessor in a fronted adverbial ("After Holm's speech he
        # said") yields to the speaker of the sentence before, whose statement the sentence goes on with
        i = bisect_right(pos_keys, pos) - 1
        while i >= 0 and person_pos[i][0] >= s_start:
            sp = person_pos[i][1]
            if self._compatible(sp, g):
                if not self._fronted_possessor(person_pos[i][0], s_start, pos):
                    return sp
                prev = [x for x in self.speakers_in.get(si - 1, ()) if self._compatible(x, g) and x.name != sp.name]
                return prev[0] if prev else sp
            i -= 1
        # 2. previous sentences: the speaker of a claim, else a single named person
        for back in range(1, 4):
            k = si - back
            if k < 0:
                break
            cands = [sp for sp in self.speakers_in.get(k, ()) if self._compatible(sp, g)]
            if cands:
                return cands[0]
            ks, ke = self.sent_starts[k], self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.text)
            lo, hi = bisect_right(pos_keys, ks - 1), bisect_right(pos_keys, ke - 1)
            names = []
            for _, sp in person_pos[lo:hi]:
                if self._compatible(sp, g) and sp.name not in [n.name for n in names]:
                    names.append(sp)
            if len(names) == 1:
                return names[0]
            if len(names) > 1:
                return Speaker(None, "person", None, "?",
                               f"'{p}' is ambiguous: " + " or ".join(n.name for n in names))
        return Speaker(None, "person", None, "?", f"'{p}' has no antecedent in reach")


_POSSESSOR = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*['’]s\b")
_FIRST_WORD = re.compile(r"\W*(\w+)")


@lru_cache(maxsize=1)
def _doc_words(lex) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, lex.document_heads), key=len, reverse=True)) + r")\b", re.I)


def plans_generic(lex) -> str:
    return lex.plans.get("generic", "unnamed document")

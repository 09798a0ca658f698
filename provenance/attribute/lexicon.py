"""Load the extractor's data files once and build the compiled patterns.

Everything language- or world-specific lives in provenance/rules/*.json; this
module only turns those lists into sets and regular expressions.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

RULES = Path(__file__).resolve().parent.parent / "rules"


def _load(name: str) -> dict:
    with open(RULES / name, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=8192)
def norm_key(s: str) -> str:
    """Lower case, curly apostrophes straightened, leading 'the ' dropped."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").lower().strip()
    s = re.sub(r"\s+", " ", s)
    return s[4:] if s.startswith("the ") else s


def _top_level_alt(pattern: str) -> bool:
    """Does the regular expression have a '|' outside any group?"""
    depth, esc, cls = 0, False, False
    for ch in pattern:
        if esc:
            esc = False
        elif ch == "\\":
            esc = True
        elif cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


def inflect(lemma: str, double: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Regular English inflections of a verb lemma: base, -s, -ed, -ing.

    `double`: lemmas that double their final consonant (admit -> admitted);
    a one-syllable lemma ending consonant-vowel-consonant doubles anyway (dub -> dubbed).
    """
    if lemma.endswith("ee"):
        past, ing = lemma + "d", lemma + "ing"
    elif lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif lemma in double or (re.search(r"[^aeiou][aeiou][bdgmnpt]$", lemma) and len(re.findall(r"[aeiouy]+", lemma)) == 1):
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    elif re.search(r"(s|sh|ch|x|z|o)$", lemma):
        third = lemma + "es"
    else:
        third = lemma + "s"
    return [lemma, third, past, ing]


def british_forms(lemma: str) -> list[str]:
    """The British past and -ing of a verb ending in one vowel and l (signal -> signalled, signalling), else []."""
    if re.search(r"[^aeiou][aeiou]l$", lemma) and len(lemma) > 4:
        return [lemma + "led", lemma + "ling"]
    return []


def _forms(lemma: str, irregular: dict, double: frozenset[str] | set[str] = frozenset()) -> list[str]:
    if lemma in irregular:
        return irregular[lemma]
    head, _, rest = lemma.partition(" ")
    heads = irregular[head] if head in irregular else inflect(head, double)
    if rest:
        return [f"{f} {rest}" for f in heads]
    return heads


def _phrases_re(patterns: list[str]) -> re.Pattern | None:
    """One case-insensitive alternation of whole-word phrases (a space in a phrase stands for any white space)."""
    if not patterns:
        return None
    alt = "|".join("(?:" + p.replace(" ", r"\s+") + ")" for p in patterns)
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w'’-])", re.I)


class Lexicon:
    def __init__(self) -> None:
        v = _load("verbs.json")
        lx = _load("lexicon.json")
        irregular = v["irregular"]
        double = frozenset(v.get("double_final", ()))
        self.form_lemma: dict[str, str] = {}
        self.form_kind: dict[str, str] = {}  # base | third | past | ing
        for lemma in v["speech"] + v["phrasal"]:
            head, _, rest = lemma.partition(" ")
            british = [f"{f} {rest}".strip() for f in british_forms(head)]
            for kind, form in [*zip(("base", "third", "past", "ing"), _forms(lemma, irregular, double)),
                               *zip(("past", "ing"), british)]:
                self.form_lemma.setdefault(form, lemma)
                self.form_kind.setdefault(form, kind)
        self.weak = set(v["strength_weak"])
        self.needs_about = set(v["needs_about"])
        self.needs_as = set(v["needs_as"])
        self.needs_complement = set(v.get("needs_complement", []))
        self.needs_content = frozenset(v.get("needs_content", ()))
        self.negated_silent = frozenset(v.get("negated_silent", ()))
        self.noun_forms = frozenset(v.get("noun_forms", ()))  # cue forms that are also nouns ("the state", "reports")
        self.verb_position_next = frozenset(v.get("verb_position_next", ()))
        self.cue_index: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first word -> (words, form), longest first
        for form in self.form_lemma:
            words = tuple(form.split())
            self.cue_index.setdefault(words[0], []).append((words, form))
        for v_ in self.cue_index.values():
            v_.sort(key=lambda x: -len(x[0]))
        forms = sorted(self.form_lemma, key=len, reverse=True)
        alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
        self.verb_re = re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w'’-])")
        self.verb_re_ci = re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w'’-])", re.I)
        doc_forms: set[str] = set()
        for lemma in v["document_verbs"]:
            doc_forms.update(_forms(lemma, irregular, double)[1:3])  # third person and past
        self.doc_verb_forms = doc_forms
        dalt = "|".join(sorted((re.escape(f).replace(r"\ ", r"\s+") for f in doc_forms), key=len, reverse=True))
        self.doc_verb_re = re.compile(
            rf"(?:(?:also|only|not only|further|still|even|explicitly|reportedly)\s+)*"
            rf"(?:(?:would|will|could|may|might|should|shall|must|can)\b|(?:does|do|did)\s+not\b|doesn['’]t\b|"
            rf"(?:is|are)\s+(?:also\s+)?(?:included|envisaged|foreseen|provided|proposed|outlined|planned|required)\b|"
            rf"(?:{dalt})(?![\w'’-]))")
        self.agentless_re = re.compile(
            r"\b(?:has|have|had|was|were|is|are)\s+(?:also\s+)?(?:been\s+)?(?:widely\s+|heavily\s+|sharply\s+|roundly\s+)?(?P<verb>"
            + "|".join(map(re.escape, v["agentless"]["verbs"])) + r")\b")
        self.agentless_speaker = v["agentless"]["speaker"]
        self.relay_participles = set(v["relay_participles"])
        self.pronouns: dict[str, str] = lx["pronouns"]
        self.prepositions = frozenset(lx.get("prepositions", ()))
        self.subject_openers = frozenset(lx.get("subject_openers", ()))
        self.ly_nouns = frozenset(lx.get("ly_nouns", ()))
        self.role_words = set(lx["role_words"])
        self.anonymous_heads = set(lx["anonymous_heads"])
        self.quantifiers = set(lx["quantifiers"])
        self.document_heads = set(lx["document_heads"])
        self.document_copies = frozenset(lx.get("document_copies", []))  # 'a copy seen by X': a copy of a document
        self.organization_heads = set(lx["organization_heads"])
        self.determiners = set(lx["determiners"])
        self.skip_words = set(lx["skip_words"])
        self.connectors = set(lx["connectors"])
        self.adverbial_starters = set(lx["adverbial_starters"])
        self.candidate_words = frozenset(lx["candidate_words"])  # non-verb words that may start a claim
        self.finding_heads = frozenset(lx.get("finding_heads", ()))  # "A new poll shows ...": findings.py
        self.finding_verbs = frozenset(lx.get("finding_verbs", ()))
        self.headline_labels = frozenset(lx.get("headline_labels", ()))  # "Opinion: ...": no speaker
        self.claim_nouns = frozenset(lx.get("claim_nouns", ()))  # "his claim that ...": noun_claims.py
        self.question_leads = frozenset(lx["question_leads"])  # "Asked whether ..., he said": no claim
        self.adverbial_tails = set(lx["adverbial_tails"])
        self.time_words = set(lx["time_words"])
        self.artifacts = set(lx["artifacts"])
        self.artifact_verbs = lx["artifact_verbs"]
        self.not_name_words = set(lx["not_name_words"])
        self.demonyms = set(lx["demonyms"])
        self.name_particles = set(lx.get("name_particles", []))
        self.postmodifiers = set(lx.get("postmodifiers", []))
        self.outlet_descriptors = list(lx.get("outlet_descriptors", []))
        self.participles_irregular = set(lx.get("participles_irregular", []))
        self.auxiliaries = frozenset(lx.get("auxiliaries", []))  # words that may open a finite main verb
        self.past_irregular = frozenset(lx.get("past_irregular", []))
        self.subordinators = frozenset(lx.get("subordinators", []))  # open a clause whose subject follows
        self.not_verbs_ed = frozenset(lx.get("not_verbs_ed", []))  # -ed words that are no past verb ("need")
        # the terms or setting of a speech act, not its content ("on condition of anonymity", "to reporters")
        self.sourcing_re = _phrases_re(lx.get("sourcing_phrases", []))
        self.sourcing_reason_re = _phrases_re(lx.get("sourcing_reasons", []))
        self.sourcing_fillers = frozenset(lx.get("sourcing_fillers", []))
        fpats = _load("furniture.json")["patterns"]
        self.furniture = re.compile("|".join(f"(?:{x})" for x in fpats), re.I)
        # one pattern at a time is much faster than the alternation (literal prefixes stay searchable)
        # patterns anchored at the start fail at once, so they share one alternation; the others keep their own
        anchored = [x for x in fpats if x.startswith("^") and not _top_level_alt(x)]
        rest = [x for x in fpats if x not in anchored]
        self.furniture_list = tuple(([re.compile("|".join(f"(?:{x})" for x in anchored), re.I)] if anchored else [])
                                    + [re.compile(x, re.I) for x in rest])
        ab = _load("abbreviations.json")
        self.abbreviations = set(ab["abbreviations"])
        self.sentence_starters = set(ab["sentence_starters"])
        self.plans = _load("plans.json")
        self.speakers = _load("speakers.json")["speakers"]
        od = _load("outlets.json")
        self.outlets = od["outlets"]
        self.publication_words = tuple(od.get("publication_words", ()))

    def keeps_dot(self, word: str) -> bool:
        """Does the full stop after `word` belong to it (an initial 'F', a
        dotted initialism 'U.S', an abbreviation 'Gen') rather than end a sentence?"""
        return len(word) <= 1 or "." in word or word.lower() in self.abbreviations

    def cues_in(self, toks, any_case: bool = False):
        """(first token, last token, verb form) of every speech-verb form among toks (one dict lookup a token)."""
        index = self.cue_index
        n = len(toks)
        for vi, t in enumerate(toks):
            cands = index.get(t.low if any_case else t.text)
            if not cands:
                continue
            for words, form in cands:
                k = len(words)
                if k == 1:
                    yield vi, vi, form
                    break
                if vi + k <= n and all((toks[vi + q].low if any_case else toks[vi + q].text) == words[q] for q in range(1, k)):
                    yield vi, vi + k - 1, form
                    break


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()

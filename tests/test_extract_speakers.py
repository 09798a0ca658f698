"""No garbled speaker: every speaker name the extractor stores for the seeds, dev2 and (when converted
locally) PolNeAR dev is a capitalised name, a role or body with its owner, an anonymous description, or a
document.  The checker below states those four shapes; the test lists every name that has none of them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from provenance.attribute.lexicon import lexicon
from provenance.extract import extract_claims
from provenance.ingest import read_article

ROOT = Path(__file__).resolve().parent.parent
SETS = {"seeds": ROOT / "sources", "dev2": ROOT.parent / "shared" / "eval" / "dev2" / "articles",
        "polnear": ROOT / ".cache" / "polnear-dev" / "articles"}
_SMALL = {"of", "the", "and", "for", "on", "in", "at", "to", "&", "de", "du", "der", "van", "von", "bin", "al", "la", "le"}
_WORD = re.compile(r"[\w’'.&-]+|''|\"")


_ADJECTIVAL = ("al", "ic", "ive", "ous", "ful", "ish", "less", "able", "ible")


def _known_heads(lex) -> set[str]:
    return (lex.role_words | lex.organization_heads | lex.anonymous_heads | set(lex.quantifiers)
            | lex.document_heads | set(lex.artifacts))


def _no_clause(words: list[str], lex) -> bool:
    """No opening conjunction or adverbial, contraction, quotation mark, comma, manner adverb or finite verb."""
    if not words or words[0].lower() in lex.subject_openers:
        return False
    for k, w in enumerate(words):
        low = w.lower().replace("’", "'")
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if low.endswith(("n't", "'re", "'ll", "'ve")) or "''" in w or w in (",", '"'):
            return False
        if w[:1].islower() and low.endswith("ly") and len(low) > 4 and low not in lex.ly_nouns:
            return False  # "Gingrich cynically"
        if w[:1].islower() and (low in lex.past_irregular or low.endswith("ed") and (
                not nxt or nxt[:1].isdigit() or nxt.lower() in lex.prepositions)):
            return False  # "Zelensky gave new", "My father died 22 years ago"
    return True


def capitalised_name(words: list[str]) -> bool:
    return words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)


def _head(words: list[str], lex) -> str:
    for k in range(1, len(words)):
        if words[k].lower() in lex.postmodifiers or words[k].lower() in lex.prepositions:
            return words[k - 1]
    return words[-1]


def role_with_owner(words: list[str], lex) -> bool:
    """'Russian Foreign Ministry', 'the Indiana governor', "Ukraine's armed forces", 'Republican presidential nominee'."""
    head = _head(words, lex).lower()
    if len(words) > 1 and capitalised_name(words[:-1]) and words[-1].lower() in _known_heads(lex):
        head = words[-1].lower()  # "the Borders in Flux project": a body's name and its head noun
    return (head in _known_heads(lex) or head.rstrip("s") in _known_heads(lex)) and any(
        w[:1].isupper() or w.endswith(("'s", "’s")) for w in words if w.lower() not in ("the", "a", "an"))


def description(words: list[str], lex) -> bool:
    """An anonymous description or a definite one: 'two sources', 'a senior official', 'the campaign', 'the poll'."""
    head = _head(words, lex)
    low = head.lower()
    if low in _known_heads(lex) or low.rstrip("s") in _known_heads(lex) or head[:1].isdigit():
        return True
    if head[:1].isupper():  # "many Democrats": a group named by a capitalised plural
        return low.endswith("s") and len(words) > 1 and words[0].lower() in lex.quantifiers | lex.determiners
    return head.isalpha() and not (len(words) == 1 and low.endswith(_ADJECTIVAL + ("ed", "ing")))


def document(words: list[str], lex) -> bool:
    head = _head(words, lex).lower()
    return head in lex.document_heads or head in lex.artifacts or " ".join(words).lower() == "unnamed document"


def well_formed(name: str | None, kind: str | None) -> bool:
    if name is None:
        return True  # unresolved, with its reason: recorded, not guessed
    lex = lexicon()
    words = _WORD.findall(name) if "," not in name else [","]
    if not _no_clause(words, lex):
        return False
    if kind == "document":
        return document(words, lex) or description(words, lex)
    return (capitalised_name(words) or role_with_owner(words, lex) or description(words, lex)
            or named_by_descriptor(words, lex))


def named_by_descriptor(words: list[str], lex) -> bool:
    """'group DeepState', 'analyst Ilse Marnik': lower-case descriptor words, then a capitalised name."""
    k = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    return k is not None and k > 0 and capitalised_name(words[k:]) and all(
        w.isalpha() and w.islower() and w not in lex.determiners and w not in lex.quantifiers for w in words[:k])


def garbled(folder: Path) -> list[str]:
    out = []
    for p in sorted(folder.iterdir()):
        if p.is_dir() or p.name.endswith((".json", ".md")):
            continue
        for c in extract_claims(read_article(str(p))):
            if not well_formed(c.speaker_name, c.speaker_type):
                out.append(f"{p.name}: {c.speaker_type} {c.speaker_name!r} (as written {c.speaker_mention!r})")
    return out


def test_checker_shapes():
    assert well_formed("Ilse Marnik", "person") and well_formed("General Staff of the Armed Forces", "organization")
    assert well_formed("Ukraine's armed forces", "organization") and well_formed("the Tyrol governor", "person")
    assert well_formed("two senior officials", "anonymous") and well_formed("the draft", "document")
    assert well_formed("the campaign", "organization") and well_formed("many Voters", "anonymous")
    for bad in ("Zelensky gave new", "Although Scott", "Kadzik wouldn’t", "environmental", "two Democratic", "Gingrich cynically",
                "Trump, her Republican", "My father died 22 years ago"):
        assert not well_formed(bad, "person"), bad


@pytest.mark.parametrize("name", list(SETS))
def test_no_garbled_speaker(name):
    folder = SETS[name]
    if not folder.is_dir():
        pytest.skip(f"{name} articles not available here")
    assert garbled(folder) == []

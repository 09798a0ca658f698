"""Literal heads read from a pattern's source with public API only: every match
starts with one of them (the index may run a pattern too often, never too
rarely), and no module imports the stdlib's private regex parser."""
from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.contradict.fastre import literal_heads as case_exact_heads
from provenance.pattern_index import PatternIndex, literal_heads
from provenance.regex_heads import parse, prefixes_of

ROOT = Path(__file__).resolve().parent.parent


def test_reads_literals_groups_alternations_and_quantifiers():
    assert prefixes_of(r"harbour (gate|wall)") == {"harbour "}  # a literal run is kept whole
    assert prefixes_of(r"(?:pier|quay)s?\b") == {"pier", "quay"}
    assert prefixes_of(r"\bfe(y|ies)") == {"fey", "feies"}  # a short run is extended through what follows
    assert prefixes_of(r"b?oat") == {"b", "oat"}
    assert prefixes_of(r"(?P<n>tide)\s+table") == {"tide"}
    assert prefixes_of(r"mill\.pond") == {"mill.pond"}
    assert prefixes_of(r"x{2}ray") == {"x"}
    assert prefixes_of(r"lock|weir") == {"lock", "weir"}
    assert prefixes_of(r"(a|)b") == {"ab", "b"}


def test_what_is_not_a_plain_literal_start_gives_none():
    for src in (r"[ab]cd", r".arrow", r"\d+ boats", r"(?=canal)canal", r"(?<!old )canal", r"(?:canal)?",
                r"\x41nchor", r"(?i)canal", r"a*\d", r"(a|)"):
        assert prefixes_of(src) is None, src


def test_verbose_and_broken_sources_are_not_guessed():
    assert prefixes_of("canal  # a comment", re.X) is None
    assert prefixes_of("(canal") is None
    assert prefixes_of("canal)") is None


def test_index_heads_need_a_leading_word_boundary():
    assert literal_heads(r"\b(lighthouse|beacon)s?\b") == {"ligh", "beac"}
    assert literal_heads(r"\block\b|\bweir\b") == {"lock", "weir"}  # \b shared by every branch
    assert literal_heads(r"\block\b|weir") is None
    assert literal_heads(r"(?-i:\bRNLI\b)") == {"rnli"}


def test_case_exact_heads_refuse_a_case_insensitive_part():
    assert case_exact_heads(r"pier (head|end)") == ("pier ",)
    assert case_exact_heads(r"(?i:pier) head") is None


ATOMS = ["ca", "nal", "l", "(?:ox|bow)", "(dock|lock)", r"\s+", r"\b", "[xy]", "s?", "(?:gate)?", r"\.", "e{1,2}",
         "(a|b)*", r"\w", "(?:mill|)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=5), st.text("acnlsoxbwdkgte. yb", max_size=30))
def test_every_match_starts_with_a_prefix(atoms, text):
    src = "".join(atoms)
    try:
        pat = re.compile(src)
    except re.error:
        return
    found = prefixes_of(src)
    if found is None:
        return
    for m in pat.finditer(text):
        if m.end() > m.start():
            assert any(text.startswith(p, m.start()) or p.startswith(text[m.start():]) for p in found), (src, text)


def _rule_patterns() -> list[str]:
    out: set[str] = set()

    def walk(x):
        if isinstance(x, str):
            out.add(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for f in (ROOT / "provenance" / "rules").rglob("*.json"):
        walk(json.loads(f.read_text(encoding="utf-8")))
    good = []
    for s in sorted(out):
        try:
            re.compile(s, re.I)
        except (re.error, OverflowError):
            continue
        good.append(s)
    return good


def test_the_index_over_every_rule_pattern_finds_what_running_them_all_finds():
    patterns = [re.compile(s, re.I) for s in _rule_patterns()]
    index = PatternIndex(patterns)
    assert len(index.always) < len(patterns)  # some patterns are indexed, not run everywhere
    for article in sorted((ROOT / "sources").glob("*.txt")):
        for para in article.read_text(encoding="utf-8").split("\n\n")[:12]:
            expected = [i for i, p in enumerate(patterns) if p.search(para)]
            assert index.matching(para) == expected


def test_no_module_imports_the_private_regex_parser():
    private = re.compile(r"^\s*(?:import|from)\s+(?:re\._parser|re\._constants|re\._compiler|sre_parse|sre_constants)\b",
                         re.M)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "provenance").rglob("*.py")
                 if private.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert parse(r"\bx") == [("at", "b"), ("lit", "x")]

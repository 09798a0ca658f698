"""The pattern index selects a superset of the patterns that match: running
only the candidates gives exactly what running every pattern gives."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.link import _topic_index
from provenance.pattern_index import PatternIndex, alternation, literal_heads

PATTERNS = [r"\b(surrender\w*|cede|give up)\b", r"\bnuclear (weapons|arms)\b", r"\beu\b", r"\b(?:Kupiansk|Kupyansk)\b",
            r"(?:captured|seized)[^.;]{0,60}\btown\b", r"\ba (new|fresh) vote\b", r"\$\d+", r"\bs?anctions\b",
            r"\bcease-?fire\b", r"\b(ruled? out|rejects?)\b"]
WORDS = ["surrendered", "cede", "give", "up", "nuclear", "weapons", "EU", "Europe", "Kupyansk", "captured", "the",
         "town", "a", "new", "vote", "$100", "sanctions", "anctions", "ceasefire", "cease-fire", "ruled", "out",
         "rejects", "giving", "Ceded", "NUCLEAR", ".", ",", "kupiansk's"]


def brute(patterns, text):
    return {i for i, p in enumerate(patterns) if p.search(text)}


def test_heads_of_literal_patterns():
    assert literal_heads(r"\b(surrender\w*|cede|give up)\b") == {"surr", "cede", "give"}
    assert literal_heads(r"\bnuclear (weapons|arms)\b") == {"nucl"}
    heads = literal_heads(r"\b(?:Kupiansk|Kupyansk)\b")  # the parser may factor out a common prefix
    assert heads and all("kupiansk".startswith(h) or "kupyansk".startswith(h) for h in heads)
    assert any("kupiansk".startswith(h) for h in heads) and any("kupyansk".startswith(h) for h in heads)
    assert literal_heads(r"(?:captured|seized)[^.;]{0,60}\btown\b") is None  # no leading \b: always run
    assert literal_heads(r"\bs?anctions\b") == {"s", "anct"}  # optional first letter: either head
    assert literal_heads(r"\$\d+") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_candidates_never_miss_a_match(words):
    patterns = [re.compile(p, re.I) for p in PATTERNS]
    index = PatternIndex(patterns)
    text = " ".join(words)
    matched = brute(patterns, text)
    assert matched <= index.candidates(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_topic_lexicon_index_is_exact_on_arbitrary_text(text):
    index, _ = _topic_index()
    assert brute(index.patterns, text) <= index.candidates(text)


def test_optional_and_repeated_groups():
    assert {"euro", "secu"} == literal_heads(r"\b(european )?security architecture\b")
    assert literal_heads(r"(?-i:\bNPT\b)") == {"npt"}
    heads = literal_heads(r"\b(?:ab){2}c")  # "ababc": the head is the group's, not "abc"
    assert heads == {"ab"}
    text = "ababc"
    assert re.search(r"\b(?:ab){2}c", text) and any(text.startswith(h) for h in heads)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["european", "security", "architecture", "NPT", "npt", "ab", "abab", "ababc", "c"]),
                max_size=8))
def test_optional_groups_never_miss(words):
    patterns = [re.compile(p, re.I) for p in (r"\b(european )?security architecture\b", r"(?-i:\bNPT\b)",
                                               r"\b(?:ab){2}c", r"\b(ab)*c\b")]
    text = " ".join(words)
    assert brute(patterns, text) <= PatternIndex(patterns).candidates(text)


def brute_counts(patterns, text):
    return {i: len(p.findall(text)) for i, p in enumerate(patterns) if p.findall(text)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["giving up", "cease-fire cease-fire", "a new a"]), max_size=14),
       st.sampled_from([" ", "  ", ", ", "-", "'"]))
def test_matching_and_counts_equal_running_every_pattern(words, sep):
    patterns = [re.compile(p, re.I) for p in PATTERNS + [r"\b(a|a new) (new )?vote\b", r"\bcease\b.{0,12}\bfire\b"]]
    index = PatternIndex(patterns)
    text = sep.join(words)
    assert set(index.matching(text)) == brute(patterns, text)
    assert index.counts(text) == brute_counts(patterns, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_topic_lexicon_matching_is_exact_on_arbitrary_text(text):
    index, _ = _topic_index()
    assert set(index.matching(text)) == brute(index.patterns, text)
    assert index.counts(text) == brute_counts(index.patterns, text)


def test_counts_skip_a_match_inside_an_earlier_one():
    patterns = [re.compile(r"\bpeace plan\b|\bplan for\b", re.I), re.compile(r"\bplan\w*", re.I)]
    text = "the peace plan for peace and the planned plan"
    assert PatternIndex(patterns).counts(text) == {0: 1, 1: 3}
    assert brute_counts(patterns, text) == {0: 1, 1: 3}


def test_text_whose_lower_case_is_longer_is_read_word_by_word():
    patterns = [re.compile(r"\bcease-?fire\b", re.I), re.compile(r"\bistanbul talks\b", re.I)]
    text = "İstanbul: a CEASEFIRE was agreed, and the ceasefire held"
    index = PatternIndex(patterns)
    assert len(text.lower()) != len(text)
    assert set(index.matching(text)) == brute(patterns, text) == {0}
    assert index.counts(text) == brute_counts(patterns, text) == {0: 2}


NAMES = ["AP", "AFP", "AP News", "Reuters", "the Times", "The Times of London", "RIA", "RIA Novosti", "a", "ab",
         "abc", "Kyiv", "Kyiv Independent", "Le Monde", "Le Mon", "x.y", "a+b"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NAMES + ["News", "of", "London", "Novosti", "x", "y", "b", "c"]), max_size=8),
       st.sampled_from([" ", "", ", ", "-"]))
def test_alternation_tree_matches_like_the_flat_alternation_longest_first(words, sep):
    text = sep.join(words)
    flat = re.compile("|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)))
    tree = re.compile(alternation(NAMES))
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
    flat_i = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)) + r")(?!\w)", re.I)
    tree_i = re.compile(r"(?<!\w)(?:" + alternation({n.lower() for n in NAMES}) + r")(?!\w)", re.I)
    assert [m.span() for m in tree_i.finditer(text.upper())] == [m.span() for m in flat_i.finditer(text.upper())]


def test_alternation_of_nothing_never_matches():
    assert re.search(alternation([]), "anything") is None

"""Numbers, shares and typed quantities as the contradiction detectors read them."""
from __future__ import annotations

import math

import pytest

from provenance.contradict.numbers import (
    find_numbers,
    overlaps,
    parse_fraction,
    parse_number,
    same_value,
    words_to_number,
)
from provenance.contradict.quantities import quantities_in


@pytest.mark.parametrize("text,value", [
    ("five", 5), ("forty", 40), ("forty-two", 42), ("six hundred thousand", 600_000),
    ("a million", 1_000_000), ("twelve", 12),
])
def test_words_to_number(text, value):
    assert words_to_number(text) == value


@pytest.mark.parametrize("text,lo,hi,unit", [
    ("880,000", 880_000, 880_000, ""),
    ("600k", 600_000, 600_000, ""),
    ("600 thousand", 600_000, 600_000, ""),
    ("0.6 million", 600_000, 600_000, ""),
    ("$100 billion", 1e11, 1e11, "USD"),
    ("€2.5bn", 2.5e9, 2.5e9, "EUR"),
    ("33%", 33, 33, "percent"),
    ("about 1,000", 900, 1100, ""),
    ("nearly ten", 8.5, 10, ""),
    ("at least 60", 60, math.inf, ""),
    ("within 90", 0, 90, ""),
])
def test_parse_number(text, lo, hi, unit):
    v = parse_number(text)
    assert v is not None
    assert v.lo == pytest.approx(lo) and v.hi == pytest.approx(hi) and v.unit == unit


@pytest.mark.parametrize("text,value", [
    ("half", 0.5), ("a third", 1 / 3), ("one-third", 1 / 3), ("two thirds", 2 / 3), ("a quarter", 0.25),
    ("25%", 0.25), ("fifty percent", 0.5),
])
def test_parse_fraction(text, value):
    f = parse_fraction(text)
    assert f.unit == "fraction" and f.mid == pytest.approx(value)


@pytest.mark.parametrize("text", ["equally", "50/50", "50-50", "evenly"])
def test_equal_split_words(text):
    assert parse_fraction(text).unit == "equal"


def test_same_value_in_other_words():
    assert same_value("600,000", "600 thousand")
    assert same_value("1.2 million", "1,200,000")
    assert same_value("half", "50%")
    assert same_value("a third", "33%")
    assert not same_value("600,000", "$600,000")
    assert not same_value("600,000", "800,000")


def test_overlap_respects_qualifiers():
    assert not overlaps(parse_number("nearly three"), parse_number("four"))
    assert overlaps(parse_number("about 500"), parse_number("530"))
    assert overlaps(parse_number("within 100"), parse_number("at least 60"))


def test_find_numbers_in_a_sentence():
    texts = [v.text for v in find_numbers("The brigade grew from about 2,000 men to 3.5 thousand in six months.")]
    assert texts == ["about 2,000", "3.5 thousand", "six"]


def _types(text):
    return {(q.type, q.subject): q for q in quantities_in(text)}


def test_army_size_typed_with_subject_and_baseline():
    q = _types("Officials said Moldova's army would be trimmed from roughly 7,000 soldiers to 5,500.")
    # Moldova is not a listed party: the subject stays unknown, the values are still read
    (key, got), = q.items()
    assert key[0] == "army_size"
    assert got.target.lo == 5_500 and got.base.lo == pytest.approx(6_300)
    q = _types("The text caps the Ukrainian army at 750,000 personnel.")
    assert q[("army_size", "Ukraine")].target.lo == 750_000


def test_relative_reduction_and_halving():
    q = _types("Under the draft, Kyiv must cut its armed forces by a third.")
    assert q[("army_size", "Ukraine")].reduction.mid == pytest.approx(1 / 3)
    q = _types("The memo says Russia wants to halve the Ukrainian military.")
    assert q[("army_size", "Ukraine")].reduction.mid == pytest.approx(0.5)


def test_war_length_words_hyphens_and_ordinals():
    assert _types("a minister spoke of six years of fighting")[("war_length", None)].target.lo == 6
    got = _types("the almost three-year war")[("war_length", None)].target
    assert got.lo == pytest.approx(2.55) and got.hi == 3
    got = _types("the conflict, now in its third year")[("war_length", None)].target
    assert (got.lo, got.hi) == (2, 3)


def test_look_alike_numbers_are_not_typed_alike():
    assert quantities_in("The fund pays $600,000 to each veterans' group of the army.") == []
    assert quantities_in("Russia moved 600,000 troops to the border.") == []
    days = _types("Parliament must schedule elections within 100 days.")
    money = _types("Donors pledged 100 billion for schools.")
    assert ("election_deadline", None) in days and money == {}


@pytest.mark.parametrize("text,lo,hi,unit", [
    ("250 000", 250_000, 250_000, ""),                 # thousands grouped by spaces
    ("3,5 million", 3_500_000, 3_500_000, ""),         # a decimal comma
    ("600-800 thousand", 600_000, 800_000, ""),        # a range, one magnitude for both ends
    ("between 40 and 90", 40, 90, ""),
    ("$3-4 billion", 3e9, 4e9, "USD"),
    ("1,200–1,500", 1200, 1500, ""),
])
def test_number_forms_and_ranges(text, lo, hi, unit):
    v = parse_number(text)
    assert (v.lo, v.hi, v.unit) == (lo, hi, unit)


def test_what_is_no_range_or_no_grouped_number():
    assert parse_number("2024-25") is None  # a season, not a range
    # a date before a number is two numbers, not one grouped by a space
    assert [v.lo for v in find_numbers("on March 3 2025 100 people")] == [3, 2025, 100]


def test_counts_meet_across_verbs_of_one_event():
    shot = quantities_in("Officials said four drones had been shot down.")
    downed = quantities_in("Allied jets downed at least five drones.")
    assert {(q.type, q.subject) for q in shot} == {(q.type, q.subject) for q in downed} == {("count_drones", "downed")}
    freed = quantities_in("The office said 90 soldiers and civilians had come home.")
    handed = quantities_in("70 people were handed over by each side.")
    assert ("count_people", "freed") in {(q.type, q.subject) for q in freed} & {(q.type, q.subject) for q in handed}
    # a count of another event keeps its own key
    assert {(q.type, q.subject) for q in quantities_in("Officials said 12 people were killed.")} == {
        ("count_people", "killed")}

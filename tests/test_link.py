"""Linking claims to topics and plan points, on sentences of our own writing."""
from __future__ import annotations

from pathlib import Path

import pytest

from provenance.link import LinkContext, PlanIndex, link_claims
from provenance.plans import load_plan_file
from provenance.records import ExtractedClaim

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def index():
    return PlanIndex.from_records(load_plan_file(f) for f in sorted((ROOT / "sources" / "plans").glob("*.json")))


def _claims(text: str, *sentences: str) -> list[ExtractedClaim]:
    out = []
    for s in sentences:
        start = text.index(s)
        out.append(ExtractedClaim(start=start, end=start + len(s), kind="indirect", cue="said", rule="test",
                                  speaker_name=None, speaker_mention=None, speaker_type=None))
    return out


def _link(index, text, *sentences, published=None):
    return link_claims(_claims(text, *sentences), index, context=LinkContext(text, published))


def points(linked) -> set[str]:
    return {l.point for l in linked.links}


def test_znpp_sentence_links_both_plans_when_the_article_names_neither(index):
    s = "A minister said the Zaporizhzhia nuclear power station would be restarted with help from abroad."
    (lc,) = _link(index, s + "\n", s, published="2026-01-10")
    assert lc.topics == ("znpp",)
    assert points(lc) == {"us-28:19", "ua-20:12"}
    assert all(l.relation == "describes" and l.score < 0.5 for l in lc.links)


def test_znpp_sentence_follows_the_plan_its_paragraph_names(index):
    text = ("Kyiv unveiled its 20-point framework on Tuesday. An aide said the Zaporizhzhia plant "
            "would be run by a Ukrainian-American venture.\nThe earlier 28-point text was rejected in Kyiv.\n")
    (lc,) = _link(index, text, "An aide said the Zaporizhzhia plant would be run by a Ukrainian-American venture.")
    assert points(lc) == {"ua-20:12"}
    assert lc.links[0].score >= 0.8


def test_a_plan_published_after_the_article_is_not_linked(index):
    s = "An official in Kyiv said the nuclear plant's electricity would be split evenly."
    (lc,) = _link(index, s + "\n", s, published="2025-11-21")
    assert points(lc) == {"us-28:19"}


def test_army_cap_sentence_links_the_point_with_that_value(index):
    s = "Under the leaked draft, Ukraine's military would be capped at 600,000 personnel, officials said."
    (lc,) = _link(index, s + "\n", s)
    assert "army_size" in lc.topics
    assert points(lc) == {"us-28:6"}
    s2 = "Kyiv's counter-proposal keeps the army at 800,000 in peacetime, an adviser said."
    (lc2,) = _link(index, s2 + "\n", s2)
    assert points(lc2) == {"ua-20:4"}
    assert lc2.links[0].relation == "proposes"


def test_unrelated_sentence_gets_nothing(index):
    s = "The mayor said the new tram line would open in the spring after repairs."
    (lc,) = _link(index, s + "\n", s)
    assert lc.topics == () and lc.links == ()


def test_general_assessment_gets_no_topic(index):
    s = "The senator said the whole proposal was a gift to the aggressor."
    (lc,) = _link(index, s + "\n", s)
    assert lc.topics == ()


def test_rejection_is_a_dispute(index):
    s = "The foreign ministry said Kyiv would never recognise the annexed regions as Russian."
    (lc,) = _link(index, s + "\n", s)
    assert "territory" in lc.topics
    assert {l.relation for l in lc.links} == {"disputes"}


def test_list_items_link_by_content_not_position(index):
    items = [
        "Moscow will be welcomed back into the G8.",          # plan point 13, listed first
        "Kyiv keeps out of NATO for good.",                   # point 7
        "Europe's jets will be based in Poland.",             # point 9
        "Nobody may redraw the lines by force.",              # point 22
    ]
    text = "The leaked 28 points include the following:\n" + "\n".join("• " + i for i in items) + "\n"
    linked = _link(index, text, *items)
    assert [points(lc) for lc in linked] == [{"us-28:13"}, {"us-28:7"}, {"us-28:9"}, {"us-28:22"}]


def test_reference_back_takes_the_topics_of_the_previous_sentence(index):
    text = "The draft would hand the Donbas to Russia. The president has ruled this out many times.\n"
    (lc,) = _link(index, text, "The president has ruled this out many times.")
    assert lc.topics == ("territory",)
    assert lc.links[0].relation == "disputes"


def test_talks_are_negotiations_without_plan_points(index):
    s = "The envoy said talks with the Russian side would resume next week."
    (lc,) = _link(index, s + "\n", s)
    assert lc.topics == ("negotiations",)
    assert lc.links == ()


def test_without_plans_there_are_no_topics_and_no_links():
    """Topics belong to the loaded plans: with none, a claim gets neither."""
    s = "The two sides agreed an all-for-all exchange of prisoners, Ukraine's ombudsman said."
    (lc,) = link_claims(_claims(s, s), None, context=LinkContext(s))
    assert lc.topics == () and lc.links == ()


def test_list_items_in_other_words_link_by_content_not_position(index):
    items = [
        "Ballots will be cast in Ukraine as soon as possible once the deal is signed.",  # ua-20 point 18
        "Accession to the European Union comes on a date fixed in advance.",             # point 7
        "Fighting halts the moment every side says yes.",                                # point 20
        "Swapping every captive, Moscow and Kyiv also bring deported children home.",    # point 17
    ]
    text = "Kyiv's 20-point framework, as described to us, says:\n" + "\n".join("- " + i for i in items) + "\n"
    linked = _link(index, text, *items)
    assert [lc.topics for lc in linked] == [("elections",), ("eu_membership",), ("ceasefire",), ("humanitarian",)]
    assert [points(lc) for lc in linked] == [{"ua-20:18"}, {"ua-20:7"}, {"ua-20:20"}, {"ua-20:17"}]


def test_a_claim_about_an_unlisted_town_gets_battlefield_control_and_no_plan_point(index):
    text = ("Moscow said on Sunday that its forces had captured Novoandriivka after a week of assaults. "
            "Ukraine's general staff said its units still hold the western part of the village.\n")
    linked = _link(index, text, "Moscow said on Sunday that its forces had captured Novoandriivka after a week of assaults.",
                   "Ukraine's general staff said its units still hold the western part of the village.")
    assert [lc.topics for lc in linked] == [("battlefield_control",), ("battlefield_control",)]
    assert all(lc.links == () for lc in linked)


def test_port_strike_talks_in_an_article_without_the_war_are_not_negotiations(index):
    text = ("Dock workers said talks with the terminal operators had collapsed overnight.\n"
            "The union said its members would stay off the job for a second week.\n")
    (lc,) = _link(index, text, "Dock workers said talks with the terminal operators had collapsed overnight.")
    assert lc.topics == () and lc.links == ()


# ---------------------------------------------------------------- whose value, passages

def _spoken(text: str, sentence: str, mention: str | None, name: str | None = None) -> ExtractedClaim:
    start = text.index(sentence)
    return ExtractedClaim(start=start, end=start + len(sentence), kind="indirect", cue="said", rule="test",
                          speaker_name=name, speaker_mention=mention, speaker_type="person")


def test_a_value_with_another_subject_does_not_link(index):
    s = "Russia's 600,000 troops in the occupied south are rotating, a Ukrainian commander said."
    (lc,) = _link(index, s + "\n", s, published="2026-01-10")
    assert "us-28:6" not in points(lc) and "army_size" not in lc.topics
    s2 = "Washington wants Kyiv's army held to 600,000, a diplomat said."
    (lc2,) = _link(index, s2 + "\n", s2, published="2026-01-10")
    assert points(lc2) == {"us-28:6"}


def test_a_split_links_the_plant_point_that_sets_it(index):
    s = "An adviser said the station's output would be divided 50/50 between Moscow and Kyiv."
    (lc,) = _link(index, s + "\n", s, published="2025-12-01")
    assert points(lc) == {"us-28:19"}


def test_a_front_line_report_naming_a_region_is_not_the_territory_point(index):
    s = "The army said its units had captured Dolynka, a village in the Donetsk region, after a week of assaults."
    (lc,) = _link(index, s + "\n", s, published="2026-01-10")
    assert "battlefield_control" in lc.topics
    assert "territory" not in lc.topics and not points(lc) & {"us-28:21", "ua-20:14"}
    s2 = "The envoy said Kyiv would have to withdraw from the part of the Donetsk region it still holds."
    (lc2,) = _link(index, s2 + "\n", s2, published="2026-01-10")
    assert "territory" in lc2.topics


def test_a_passage_carries_topics_until_the_subject_changes(index):
    text = ("The energy minister said the nuclear plant at Enerhodar could restart within a year.\n"
            "He said the first reactor needed new cooling lines.\n"
            "The city council of Lviv said a new library would open in March.\n"
            "It said the building had been paid for by donors.\n")
    claims = [_spoken(text, "The energy minister said the nuclear plant at Enerhodar could restart within a year.",
                      "The energy minister"),
              _spoken(text, "He said the first reactor needed new cooling lines.", "He"),
              _spoken(text, "The city council of Lviv said a new library would open in March.", "The city council"),
              _spoken(text, "It said the building had been paid for by donors.", "It")]
    first, follow, other, other_follow = link_claims(claims, index, context=LinkContext(text, "2026-01-10"))
    assert first.topics == ("znpp",) and follow.topics == ("znpp",)
    assert points(follow) == points(first) and points(first)
    assert other.topics == () and other_follow.topics == ()

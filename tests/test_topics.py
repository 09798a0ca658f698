"""The topics of the shipped plans (sources/plans/topics/russia-ukraine.json) on sentences
of our own writing: for every topic one sentence that must get it (vocabulary beyond the plan's own wording) and one that uses
nearby words but has no plan subject and must stay empty."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.link import LinkContext, PlanIndex, link_claims, on_subject
from provenance.plans import load_plan_file
from provenance.records import ExtractedClaim

ROOT = Path(__file__).resolve().parent.parent
TOPICS = set(json.loads((ROOT / "sources" / "plans" / "topics" / "russia-ukraine.json")
                        .read_text(encoding="utf-8"))["topics"])
INDEX = PlanIndex.from_records(load_plan_file(f) for f in sorted((ROOT / "sources" / "plans").glob("*.json")))

POSITIVE = [
    ('sovereignty', "The foreign minister said Ukraine's statehood and sovereignty were not up for discussion."),
    ('non_aggression', 'Under the draft, Moscow would pledge never to attack its neighbour again.'),
    ('nato_expansion', 'The Kremlin wants a written promise that the alliance will stop its eastward enlargement.'),
    ('russia_nato_dialogue', 'The text foresees a dialogue between Moscow and NATO under American mediation.'),
    ('security_guarantees', "Western capitals would commit to come to Kyiv's defence if Russia attacked again, the official said."),
    ('army_size', "The document would shrink Ukraine's armed forces to a peacetime ceiling, two officials said."),
    ('nato_membership', 'Kyiv would have to renounce its ambition of joining NATO and adopt a non-bloc status, the draft says.'),
    ('foreign_troops', 'London and Paris are ready to send a multinational force to Ukraine after a truce, the ministers said.'),
    ('eu_membership', 'The adviser said Kyiv expected to join the European Union by the end of the decade.'),
    ('reconstruction', "Officials said a donors' conference would raise money to rebuild schools and bridges in Kharkiv."),
    ('frozen_assets', 'The plan would use immobilised Russian central bank reserves held in Belgium, diplomats said.'),
    ('sanctions_g8', 'Moscow expects sanctions to be lifted step by step and a return to the Group of Eight, an aide said.'),
    ('arms_control', 'The two presidents agreed to revive strategic arms talks, the Kremlin said.'),
    ('non_nuclear', 'Ukraine would stay a non-nuclear state, the framework says.'),
    ('znpp', 'The IAEA chief said the Zaporizhzhia reactors remained in cold shutdown.'),
    ('culture_religion', 'Kyiv would have to guarantee the rights of Russian-speaking citizens, the Kremlin said.'),
    ('territory', 'Kyiv said it would never agree to a deal that recognises occupied land as Russian.'),
    ('no_force_change', 'Moscow and Kyiv would undertake not to redraw borders by military force, the draft says.'),
    ('dnieper', 'Ukrainian barges would be allowed free navigation on the Dnieper, according to the text.'),
    ('humanitarian', 'The ombudsman said Russia had agreed to repatriate 40 deported children to Ukraine.'),
    ('elections', 'Zelensky said Ukrainians would go to the polls once martial law was lifted.'),
    ('amnesty', 'The draft would grant a blanket amnesty to fighters on both sides of the war in Ukraine, officials said.'),
    ('peace_council', 'Implementation of the Ukraine deal would be overseen by a board of peace chaired by Trump, the document says.'),
    ('ceasefire', 'Moscow said it would not halt the fighting until a final settlement was signed.'),
    ('battlefield_control', "Ukraine's general staff said its troops had recaptured Stepove and pushed into the outskirts of the town."),
    ('negotiations', 'The delegations will meet for another round of talks in Istanbul next week, Kyiv said.'),
]

EMPTY = [
    ('sovereignty', 'The minister said a fair outcome would respect the wishes of ordinary people.'),
    ('non_aggression', 'The spokesman said the aggressor state had shelled the port overnight.'),
    ('nato_expansion', 'The general said the alliance had held exercises in the Baltic last month.'),
    ('russia_nato_dialogue', 'The spokeswoman said dialogue with journalists was important to the ministry.'),
    ('security_guarantees', 'The mayor said the new shelters gave residents some protection from the cold.'),
    ('army_size', 'The commander said his brigade had been sent to the eastern front in spring.'),
    ('nato_membership', 'The NATO secretary general said allies had agreed to spend more on defence.'),
    ('foreign_troops', 'The officer said Russian troops had shelled the village all night.'),
    ('eu_membership', 'The spokesperson said the European Commission would publish its report on Thursday.'),
    ('reconstruction', 'The governor said repair crews were working through the night in Kharkiv.'),
    ('frozen_assets', 'Police said they had frozen the bank accounts of a local gang in Odesa.'),
    ('sanctions_g8', 'Brussels said it would impose fresh sanctions on Russian oil tankers next week.'),
    ('arms_control', 'The factory said it would double its output of artillery shells this year, Kyiv said.'),
    ('non_nuclear', 'Kyiv said the blackout had hit three regions after a power line was damaged.'),
    ('znpp', 'The energy ministry said coal deliveries to the thermal power station in Kyiv had resumed.'),
    ('culture_religion', 'The teacher said her students in Kyiv had returned to class after the alarm.'),
    ('territory', 'The spokesman said the weather in the region had slowed the delivery of aid.'),
    ('no_force_change', 'The police chief said officers had used force to disperse a crowd in Kyiv.'),
    ('dnieper', 'The fisherman said the river near his village in Kyiv region was unusually low.'),
    ('humanitarian', 'Twelve civilians, including three children, were killed in a strike on Odesa, the governor said.'),
    ('elections', 'The Kyiv city council said it would review its parking rules next month.'),
    ('amnesty', 'The court in Kyiv said the defendant had been released on bail.'),
    ('peace_council', 'The Kyiv city board said it had approved a new budget for parks.'),
    ('ceasefire', 'The weather service in Kyiv said the heat wave would pause on Friday.'),
    ('battlefield_control', 'The Kyiv mayor said the city would open three new metro stations in spring.'),
    ('negotiations', 'The Kyiv metro said trains would run every five minutes during the holiday.'),
]


def _topics(sentence: str, article: str | None = None) -> tuple[str, ...]:
    text = article if article is not None else sentence + "\n"
    start = text.index(sentence)
    claim = ExtractedClaim(start=start, end=start + len(sentence), kind="indirect", cue="said", rule="test",
                           speaker_name=None, speaker_mention=None, speaker_type=None)
    (lc,) = link_claims([claim], INDEX, context=LinkContext(text))
    return lc.topics


def test_every_topic_has_a_positive_and_an_empty_case():
    assert {t for t, _ in POSITIVE} == TOPICS
    assert {t for t, _ in EMPTY} == TOPICS


@pytest.mark.parametrize("topic,sentence", POSITIVE, ids=[t for t, _ in POSITIVE])
def test_sentence_gets_its_topic(topic, sentence):
    assert topic in _topics(sentence)


@pytest.mark.parametrize("topic,sentence", EMPTY, ids=[t for t, _ in EMPTY])
def test_sentence_without_a_plan_subject_stays_empty(topic, sentence):
    assert _topics(sentence) == ()


@pytest.mark.parametrize("sentence", [
    "Russia's defence ministry said its units had liberated Pryvillia after a week of assaults.",
    "Ukraine's army said it still holds the northern districts of the town.",
    "A Russian commander said his men had raised their flag over the railway station of Kupyansk.",
    "Kyiv said Moscow's claim to have seized Andriivka was false.",
])
def test_claims_about_who_holds_a_town_are_battlefield_control(sentence):
    assert "battlefield_control" in _topics(sentence)


@pytest.mark.parametrize("sentence", [
    "Moscow said it had seized Ukrainian assets worth millions in occupied Crimea.",
    "The Kremlin said Trump had taken Zelensky's side in the dispute.",
    "Kyiv said Russian strikes had left the city of Odesa without water.",
])
def test_capitalised_words_after_capture_verbs_are_not_always_towns(sentence):
    assert "battlefield_control" not in _topics(sentence)


def test_curly_apostrophes_read_like_straight_ones():
    assert "army_size" in _topics("Sources said the plan includes restrictions on Ukraine\u2019s armed forces.")


ARTICLE_OFF_SUBJECT = (
    "Dock workers extended their strike on Monday after talks with the terminal operators collapsed.\n"
    "The union said a vote of its members had rejected the offer, and the minister said the government "
    "would not intervene at this stage.\n"
    "A freight analyst said negotiations were unlikely to resume before the weekend.\n")


def test_an_article_not_about_the_war_gets_no_topics():
    assert not on_subject(ARTICLE_OFF_SUBJECT, INDEX)
    for s in ("A freight analyst said negotiations were unlikely to resume before the weekend.",
              "the minister said the government would not intervene at this stage."):
        assert _topics(s, ARTICLE_OFF_SUBJECT) == ()


def test_the_same_words_in_an_article_about_the_war_do_get_topics():
    article = ("Ukrainian and Russian delegations met in Vienna on Monday.\n"
               "A Kremlin aide said negotiations were unlikely to resume before the weekend.\n")
    assert on_subject(article, INDEX)
    assert _topics("A Kremlin aide said negotiations were unlikely to resume before the weekend.", article) == (
        "negotiations",)


ANOTHER_WAR = (
    "Valdoria and Meridia agreed a truce on Monday after two years of shelling along the line of contact. "
    "Valdoria's army said its troops had retaken the border town of Kelmar. "
    "The Meridian ombudsman said 120 prisoners of war would be exchanged on Friday. "
    "Both armies would pull their artillery back from the front line, the draft says.\n")


def test_an_article_about_another_war_gets_the_topics_of_any_war():
    """No loaded plan speaks of Valdoria and Meridia: the claims still get the topics any war has."""
    assert "battlefield_control" in _topics("Valdoria's army said its troops had retaken the border town of Kelmar.",
                                            ANOTHER_WAR)
    assert "humanitarian" in _topics("The Meridian ombudsman said 120 prisoners of war would be exchanged on Friday.",
                                     ANOTHER_WAR)
    # never a plan's points: those belong to a plan about this war
    text = "Valdoria's army said its troops had retaken the border town of Kelmar."
    start = ANOTHER_WAR.index(text)
    claim = ExtractedClaim(start=start, end=start + len(text), kind="indirect", cue="said", rule="test",
                           speaker_name=None, speaker_mention=None, speaker_type=None)
    (lc,) = link_claims([claim], INDEX, context=LinkContext(ANOTHER_WAR))
    assert lc.links == ()


def test_an_article_that_only_mentions_war_gets_no_war_topics():
    article = ("The senator said veterans who came back from the war needed better care. "
               "She said the hospital would open a new wing for those who served.\n")
    assert _topics("The senator said veterans who came back from the war needed better care.", article) == ()

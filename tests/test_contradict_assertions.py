"""Assertions and disputes on a conflict that exists only in these tests:
Valdoria (capital Velgrad) against Meridia (capital Porto Sal), fought over
the towns of Kelmar and Dunvale.  The parties, places and one registry entry
are added to a copy of provenance/rules, so nothing here depends on the
shipped vocabulary naming them: the mechanisms (control, states with
polarity, agents, denials that point back, sides from the article's words,
statement dates) do the work.  Each mechanism has must-not-flag cases.
All sentences were written for these tests."""
from __future__ import annotations

import json
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

import provenance
from provenance.contradict import Context, detect
from provenance.records import ClaimView

RULES = Path(provenance.__file__).resolve().parent / "rules"


def _clear_caches():
    for name, mod in list(sys.modules.items()):
        if not name.startswith("provenance"):
            continue
        for obj in list(vars(mod).values()):
            # Asked of the type: a module may hold a context proxy (Flask's `g`) that cannot be read here.
            if callable(getattr(type(obj), "cache_clear", None)) and getattr(obj, "__module__", "").startswith("provenance"):
                obj.cache_clear()


@pytest.fixture(autouse=True)
def fictional_war(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    parties = json.loads((rules / "parties.json").read_text())
    parties["parties"] += [
        {"name": "Valdoria", "aliases": ["Valdoria", "Valdorian", "Valdorians", "Velgrad"]},
        {"name": "Meridia", "aliases": ["Meridia", "Meridian", "Meridians", "Porto Sal"]},
    ]
    (rules / "parties.json").write_text(json.dumps(parties))
    places = json.loads((rules / "places.json").read_text())
    places["places"] += [
        {"name": "Kelmar", "kind": "town", "spellings": ["Kelmar", "Kelmare"]},
        {"name": "Dunvale", "kind": "city", "spellings": ["Dunvale", "Dunvalle"]},
        {"name": "Harth region", "kind": "region", "spellings": ["Harth region"]},
    ]
    (rules / "places.json").write_text(json.dumps(places))
    sides = json.loads((rules / "sides.json").read_text())
    sides["sides"]["Meridia"] = ["Lantern Watch"]
    (rules / "sides.json").write_text(json.dumps(sides))
    import provenance.assertions.common as acommon
    import provenance.contradict.lexicon as lexicon
    import provenance.sides as psides
    for mod in (lexicon, acommon, psides):
        monkeypatch.setattr(mod, "RULES", rules)
    _clear_caches()
    yield
    monkeypatch.undo()
    _clear_caches()


def article(*sentences, published="2031-05-09", source=1, first_id=1):
    """Claims over one article made of the sentences: (text, speaker[, speaker type])."""
    text = " ".join(s[0] for s in sentences)
    claims, starts, at = [], {}, 0
    for i, (sent, speaker, *rest) in enumerate(sentences, first_id):
        start = text.index(sent, at)
        at = start + len(sent)
        claims.append(ClaimView(id=i, uid=f"u{i:03d}", source_id=source, text=sent, quote=None, kind="indirect",
                                speaker=speaker, speaker_type=rest[0] if rest else "person",
                                outlet="The Test Courier", published=published))
        starts[i] = start
    return claims, {source: text}, starts


def run(*articles):
    claims, texts, starts = [], {}, {}
    for cs, t, s in articles:
        claims += cs
        texts.update(t)
        starts.update(s)
    claims.sort(key=lambda c: c.id)
    return detect(claims, Context(texts=texts, starts=starts))


def sides_of(f):
    return {(s["party"], s["stance"], s["about"]): set(s["claims"]) for s in f.extra["sides"]}


# --- sides ---------------------------------------------------------------------

def test_side_from_the_articles_words_and_the_registry():
    from provenance.sides import side_of
    text = ("Ardo Penn, a spokesman for Valdoria's eastern command, spoke first. The Velgrad-based monitoring "
            "group Ferrous Eye disagreed. The Lantern Watch said nothing. Ina Cole spoke last.")
    assert side_of("Ardo Penn", text) == "Valdoria"
    assert side_of("Ferrous Eye", text) == "Valdoria"
    assert side_of("Lantern Watch", text) == "Meridia"  # registry entry
    assert side_of("Ina Cole", text) is None  # nothing says it: no guess


# --- control -------------------------------------------------------------------

def test_capture_against_back_referring_denial_credits_the_holder():
    fs = run(article(
        ("Valdoria's defence ministry said on Friday that its troops had taken full control of Kelmar.", "Valdorian Defence Ministry"),
        ("Meridia's army command rejected the announcement within hours.", "Meridian Army Command", "organization")))
    (f,) = [f for f in fs if f.kind == "control"]
    assert sides_of(f) == {("Valdoria", "asserts", "Valdoria controls Kelmar"): {1},
                           ("Meridia", "denies", "Valdoria controls Kelmar"): {2}}


def test_prepositional_holder_and_our_forces():
    fs = run(article(
        ("Kelmar remains in Meridian hands, the garrison commander Ota Brenn of Meridia said.", "Ota Brenn"),
        ("Our forces took Kelmar on Thursday, said Ilse Varn, Valdoria's deputy defence minister.", "Ilse Varn")))
    (f,) = [f for f in fs if f.kind == "control"]
    assert {(s["party"], s["about"]) for s in f.extra["sides"]} == {("Meridia", "Meridia controls Kelmar"),
                                                                     ("Valdoria", "Valdoria controls Kelmar")}


def test_denial_restating_a_passive_capture_is_not_the_deniers_own_claim():
    fs = run(article(
        ("Valdorian commanders said their units had captured Dunvale.", "Valdorian command"),
        ("A Meridian spokesman called the reports of a capture of Dunvale a fabrication.", "a Meridian spokesman")))
    (f,) = [f for f in fs if f.kind == "control"]
    denial = [s for s in f.extra["sides"] if s["stance"] == "denies"]
    assert [d["about"] for d in denial] == ["a side other than Meridia controls Dunvale"]


def test_snapshot_on_another_day_is_no_contradiction():
    fs = run(article(
        ("The Ferrous Eye group said Meridian forces still held the western districts of Kelmar as of May 3.", "Ferrous Eye"),
        ("Valdoria's ministry said on May 4 that its troops had captured Kelmar.", "Valdorian Defence Ministry")))
    assert [f for f in fs if f.kind == "control"] == []


def test_same_speaker_repeating_itself_is_no_contradiction():
    fs = run(article(
        ("Valdoria's ministry said its troops had captured Kelmar.", "Valdorian Defence Ministry"),
        ("The ministry said Valdorian units were clearing Kelmar street by street.", "Valdorian Defence Ministry")))
    assert fs == []


# --- states ----------------------------------------------------------------------

def test_encirclement_asserted_and_dismissed_across_articles():
    fs = run(
        article(("Valdoria's general staff said some 4,000 Meridian soldiers were encircled near Dunvale.",
                 "Valdorian General Staff", "organization"), published="2031-05-02"),
        article(("Meridia's army dismissed talk of an encirclement at Dunvale as a fabrication.",
                 "Meridian Army Command", "organization"), published="2031-05-03", source=2, first_id=2))
    (f,) = [f for f in fs if f.kind == "state"]
    assert f.claims == (1, 2) or set(f.claims) == {1, 2}
    assert {s["stance"] for s in f.extra["sides"]} == {"asserts", "denies"}


def test_an_attempt_or_a_risk_asserts_nothing():
    from provenance.assertions.state import states_in
    assert states_in("Valdoria massed 9,000 troops in an attempt to encircle Dunvale.") == []
    assert states_in("Analysts warned of a threat of encirclement at Dunvale.") == []
    (a,) = states_in("There is no threat of encirclement of our units at Dunvale.")
    assert a.polarity == -1 and a.key == ("state", "encircled", "Dunvale")


def test_state_claims_far_apart_in_time_are_not_compared():
    fs = run(
        article(("Valdoria said Meridian troops were surrounded near Dunvale.", "Valdorian General Staff"),
                published="2031-01-02"),
        article(("Meridia said its units near Dunvale were not surrounded.", "Meridian Army Command"),
                published="2031-06-30", source=2, first_id=2))
    assert [f for f in fs if f.kind == "state"] == []


def test_two_sides_naming_different_doers_of_one_attack():
    fs = run(article(
        ("Valdoria said Meridian artillery shelled the Kelmar pumping station on Thursday.", "Valdorian Defence Ministry"),
        ("Meridia said Valdorian drones attacked the Kelmar pumping station.", "Meridian Army Command")))
    (f,) = [f for f in fs if f.kind == "state"]
    assert {s["about"] for s in f.extra["sides"]} == {"Meridia attacked Kelmar", "Valdoria attacked Kelmar"}


# --- denials ---------------------------------------------------------------------

def test_a_dismissal_naming_a_figure_points_to_the_claim_stating_it():
    fs = run(article(
        ("Valdoria's election board said turnout in Kelmar was 12%.", "Valdorian election board"),
        ("The Meridian foreign ministry announced new talks.", "Meridian Foreign Ministry"),
        ("Meridia's foreign minister called the 12% figure a complete lie.", "Meridian Foreign Minister")))
    (f,) = [f for f in fs if f.kind == "denial"]
    assert set(f.claims) == {1, 3}


def test_claim_rejected_by_a_party_named_before_the_verb():
    from provenance.assertions import denial_in
    assert denial_in("a claim Porto Sal rejected", "Meridia") is not None
    # the speaker does not deny what another party rejected inside its sentence
    from provenance.assertions.common import dismisses
    assert not dismisses("Velgrad said it had taken Kelmar, a claim Porto Sal rejected", "Valdoria")


def test_refusing_a_proposal_or_accusing_is_no_denial():
    from provenance.assertions import denial_in
    assert denial_in("Meridia rejects any foreign peacekeeping force on its soil.", "Meridia") is None
    assert denial_in('Valdoria accused Meridia of running a "propaganda campaign".', "Valdoria") is None
    assert denial_in("a monitor who counters disinformation said the station burned", None) is None


# --- dates -----------------------------------------------------------------------

def test_statement_dates_resolve_against_the_article_date():
    from provenance.assertions.when import statement_day
    day, as_of = statement_day("the ministry said on Thursday", "2031-05-09")  # a Friday
    assert date.fromordinal(day) == date(2031, 5, 8) and not as_of
    day, as_of = statement_day("held the west of the town as of April 30", "2031-05-09")
    assert date.fromordinal(day) == date(2031, 4, 30) and as_of
    assert statement_day("on December 30", "2031-01-02")[0] == date(2030, 12, 30).toordinal()
    assert statement_day("no date here", "2031-05-09") == (None, False)


# --- control written in other ways -------------------------------------------

def _control(text, speaker, side):
    from provenance.assertions import assertions_of
    return {(a.holder, a.polarity, a.full) for a in assertions_of(text, speaker, side, "Kelmar", None)
            if a.kind == "control"}


def test_control_held_kept_lost_and_negated():
    assert _control("The mayor said most of Kelmar was still held by Meridian troops.", "the mayor", None) == {
        ("Meridia", 1, False)}
    assert _control("The command said the town was back in the hands of Valdorian forces.", "the command",
                    "Valdoria") == {("Valdoria", 1, True)}
    assert _control("The general staff said its units had kept control of Kelmar.", "general staff",
                    "Meridia") == {("Meridia", 1, True)}
    assert _control("Valdoria's army said Meridian forces had lost Kelmar.", "Valdorian army", "Valdoria") == {
        ("Meridia", -1, True)}
    assert _control("The ministry said Kelmar was no longer under Meridian control.", "ministry", "Valdoria") == {
        ("Meridia", -1, True)}
    assert _control("The ministry said Meridian units were still in Kelmar.", "ministry", "Meridia") == {
        ("Meridia", 1, False)}
    assert _control('"Our flag flies over Kelmar," the colonel said.', "the colonel", "Valdoria") == {
        ("Valdoria", 1, True)}


def test_control_words_that_are_no_control():
    # a meeting held in a town, talks lost, a flag in a shop: nobody holds the place
    for t in ("The two delegations held talks in Kelmar on Monday.",
              "The ministry said it had lost patience with the talks.",
              "Ota Brenn said flags were on sale in every shop."):
        assert _control(t, "Ota Brenn", "Meridia") == set(), t


def test_a_dismissal_in_a_clause_of_its_own_leaves_the_statement_standing():
    # "X remains ours and called the video a fake": the dismissal is of the video, not of the holding
    got = _control("The command said Kelmar “remains in Meridian hands” and called the Valdorian video a fabrication.",
                   "Meridian command", "Meridia")
    assert got == {("Meridia", 1, True)}
    # inside one clause the dismissal takes the restated capture with it
    got = _control("A Meridian spokesman called the reports of a capture of Kelmar a fabrication.",
                   "a Meridian spokesman", "Meridia")
    assert got == {("not Meridia", -1, True)}


def test_side_of_a_definite_institution_named_earlier():
    from provenance.sides import side_of
    text = ("Meridia's army said on Monday it had repelled an attack. Valdorian officials disagreed. "
            "The army's spokesman, Major Ota Brenn, said the line held. The ministry's adviser Ina Cole said little.")
    assert side_of("Ota Brenn", text) == "Meridia"
    # 'the ministry' was never named with an owner: no guess
    assert side_of("Ina Cole", text) is None


# --- shares written in other ways ---------------------------------------------

def test_even_split_without_parties_against_a_two_thirds_share():
    fs = run(article(
        ("The lake's water will be split evenly between Valdoria and Meridia, Valdorian Energy Minister Ardo Penn said.",
         "Ardo Penn"),
        ('"Fifty-fifty, as was signed," Penn added.', "Ardo Penn"),
        ("Meridia's water board said the accord gives Meridia two thirds of the summer flow.", "Meridian water board",
         "organization")))
    shares = [f for f in fs if f.kind == "share"]
    assert len(shares) == 1 and set(shares[0].claims) == {1, 2, 3}
    assert "water" in shares[0].explanation


def test_shares_of_different_things_are_not_compared():
    fs = run(article(
        ("Meridia's water board said the accord gives Meridia two thirds of the summer flow.", "Meridian water board",
         "organization"),
        ("The dam's electricity is divided in three, with a third each for Valdoria, Meridia and Lorvia, "
         "the energy ministry said.", "energy ministry", "organization")))
    assert [f for f in fs if f.kind == "share"] == []
    # two readings that agree are no finding either
    fs = run(article(
        ("Ardo Penn said the lake's water would see an even split.", "Ardo Penn"),
        ("Meridia's water board said the accord splits the water evenly between Valdoria and Meridia.",
         "Meridian water board", "organization")))
    assert [f for f in fs if f.kind == "share"] == []


def test_says_it_was_promised_a_share():
    from provenance.contradict.share import allocation_in
    a = allocation_in("Meridia says it was promised two thirds of the water.")
    assert a is not None and dict(a.shares) == {"Meridia": 2 / 3}
    assert allocation_in("Meridia says it was promised a new bridge.") is None


# --- a pull-back distance ------------------------------------------------------

def test_pull_back_distances_in_one_article():
    fs = run(article(
        ("Under the accord, both armies would pull their guns back 20 kilometres from the river, the draft says.",
         "the draft", "document"),
        ('Ardo Penn said Valdorian units would move back "up to 8 kilometres and no further".', "Ardo Penn")))
    (f,) = [f for f in fs if f.kind == "value"]
    assert set(f.claims) == {1, 2}


def test_pull_back_distances_that_agree_or_are_no_distance():
    fs = run(article(
        ("Both armies would pull their guns back 20 kilometres, the draft says.", "the draft", "document"),
        ("Ardo Penn said units would withdraw their guns 20 km from the river.", "Ardo Penn"),
        ("Ina Cole said she moved back to Kelmar 10 years ago.", "Ina Cole")))
    assert [f for f in fs if f.kind == "value"] == []


# --- a place that changes hands ------------------------------------------------

def _control_findings(*arts):
    return [f for f in run(*arts) if f.kind == "control"]


def test_held_before_another_side_took_it_is_no_contradiction():
    held = article(("Meridia's army said its troops still held Kelmar.", "Meridian army", "organization"),
                   published="2031-05-02", source=1, first_id=1)
    taken = article(("Valdoria's army said its troops had retaken Kelmar.", "Valdorian army", "organization"),
                    published="2031-05-07", source=2, first_id=2)
    assert _control_findings(held, taken) == []
    # held again after the capture: the two cannot both be true
    still = article(("Meridia's army said its troops still held Kelmar.", "Meridian army", "organization"),
                    published="2031-05-08", source=3, first_id=3)
    (f,) = _control_findings(taken, still)
    assert set(f.claims) == {2, 3}


def test_two_holdings_days_apart_are_not_compared_but_the_same_day_they_are():
    a = article(("Meridia's army said Kelmar remains in Meridian hands.", "Meridian army", "organization"),
                published="2031-05-01", source=1, first_id=1)
    b = article(("Valdoria's army said Kelmar is under Valdorian control.", "Valdorian army", "organization"),
                published="2031-05-09", source=2, first_id=2)
    assert _control_findings(a, b) == []
    c = article(("Valdoria's army said Kelmar is under Valdorian control.", "Valdorian army", "organization"),
                published="2031-05-01", source=3, first_id=3)
    (f,) = _control_findings(a, c)
    assert set(f.claims) == {1, 3}


def test_a_depot_used_by_troops_against_a_market_struck():
    fs = run(article(
        ("Valdoria's ministry said its missiles had hit an ammunition depot used by Meridia's 5th Brigade in Dunvale.",
         "Valdorian Defence Ministry", "organization"),
        ("The Meridian governor said the missiles hit a crowded market in Dunvale and killed nine people.",
         "Meridian governor")))
    (f,) = [f for f in fs if f.kind == "state"]
    assert set(f.claims) == {1, 2}
    # a market named with no strike is no statement about a target
    fs = run(article(
        ("Valdoria's ministry said its missiles had hit an ammunition depot used by Meridia's 5th Brigade in Dunvale.",
         "Valdorian Defence Ministry", "organization"),
        ("The Meridian mayor said a market in Dunvale would reopen next week.", "Meridian mayor")))
    assert [f for f in fs if f.kind == "state"] == []


def test_a_denial_of_unknown_side_takes_no_distant_claim():
    """'dismissed those reports' three paragraphs after an anonymous claim, no side known for either:
    no guess; in the paragraph before, or with the sides known to differ, the claim is taken."""
    from provenance.assertions.denial import Denial, Earlier, resolve
    far = Earlier(claim_id=1, start=0, speaker="a judge", side=None, asserts=True, figures=frozenset(),
                  reported=True, text="A judge said the file stays sealed.", paragraph=0)
    d = Denial(None, frozenset(), report=True)
    assert resolve(d, 900, None, "the brief", [far], paragraph=3) is None
    assert resolve(d, 900, None, "the brief", [far], paragraph=1) == far
    sided = Earlier(1, 0, "Valdorian officials", "Valdoria", True, frozenset(), True, "", 0)
    assert resolve(d, 900, "Meridia", "the Meridian brief", [sided], paragraph=3) == sided


def test_a_denial_naming_a_town_answers_no_claim_about_another_town():
    fs = run(article(
        ("Valdoria's army said its troops had taken Dunvale.", "Valdorian army", "organization"),
        ("Meridia's army command rejected the announcement on Kelmar as a lie.", "Meridian army command", "organization")))
    assert [f for f in fs if f.kind in ("denial", "control")] == []
    fs = run(article(
        ("Valdoria's army said its troops had taken Dunvale.", "Valdorian army", "organization"),
        ("Meridia's army command rejected the announcement on Dunvale as a lie.", "Meridian army command", "organization")))
    assert [f for f in fs if f.kind in ("denial", "control")]


def test_a_rejected_accusation_is_the_claim_about_the_denier():
    """'rejected the accusation' answers the claim that speaks of the denier's side, not the nearest
    claim that asserts something else."""
    fs = run(article(
        ("Meridia's army said its troops had repelled an assault on Kelmar and still held the town.", "Meridian army",
         "organization"),
        ("A Meridian spokesman said Valdoria had sent 3,000 soldiers across the border.", "a Meridian spokesman"),
        ("Valdoria's foreign ministry rejected the accusation as baseless.", "Valdorian Foreign Ministry",
         "organization")))
    (f,) = [f for f in fs if f.kind in ("denial", "control")]
    assert f.kind == "denial" and set(f.claims) == {2, 3}


def test_which_x_denied_and_disputing_a_sources_figures():
    fs = run(article(
        ("Meridia's army said the accord required a full Valdorian withdrawal from Kelmar.", "Meridian army",
         "organization"),
        ("which the Valdorian army denied.", "Valdorian army", "organization")))
    assert [f for f in fs if f.kind in ("denial", "control")], fs
    fs = run(article(
        ("The Kelmar health office said at least 400 people had been killed.", "Kelmar health office",
         "organization"),
        ("Meridia's army said on Monday that 40 of its soldiers were wounded.", "Meridian army", "organization"),
        ("Valdoria disputes the office's figures.", "Valdorian government", "organization")))
    (f,) = [f for f in fs if f.kind == "denial"]
    assert set(f.claims) == {1, 3}  # the office's claim, not the nearer one of another speaker

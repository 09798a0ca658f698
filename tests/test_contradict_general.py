"""The general mechanisms of the detectors on sentence pairs written for
these tests: control verbs and parts of a place, unknown places, 'the
town' from the article text, counted things with comparators, sums,
relative changes against levels, baselines from article text, and
agreements asserted and denied.  Each mechanism has must-not-flag pairs."""
from __future__ import annotations

from provenance.contradict import Context, detect
from provenance.contradict.control import detect_control, statements_in
from provenance.contradict.denial import agreements_in, detect_denials
from provenance.contradict.quantities import quantities_in
from provenance.contradict.value import detect_values
from provenance.records import ClaimView


def views(*specs, published="2025-03-02"):
    """specs: (text, speaker[, source_id])"""
    out = []
    for i, spec in enumerate(specs, 1):
        text, speaker, *rest = spec
        out.append(ClaimView(id=i, uid=f"u{i}", source_id=rest[0] if rest else 1, text=text, quote=None,
                             kind="indirect", speaker=speaker, speaker_type="person", outlet="Example Times",
                             published=rest[1] if len(rest) > 1 else published))
    return out


def claims_of(findings, kind=None):
    return [set(f.claims) for f in findings if kind is None or f.kind == kind]


# --- control -----------------------------------------------------------------

def test_control_liberated_in_quotes_vs_part_held():
    cs = views(("Moscow's army said its troops had 'completely liberated' Borova after days of shelling.", "Russian army"),
               ("Kyiv said Ukrainian brigades still hold the southern and eastern outskirts of Borova.", "Kyiv"))
    assert claims_of(detect_control(cs)) == [{1, 2}]


def test_control_unknown_place_named_by_both_claims():
    cs = views(("The Russian command said its units overran Zarichne on Sunday.", "Russian command"),
               ("Ukrainian officers said Zarichne has not been captured and fighting continues there.", "Officers"))
    (f,) = detect_control(cs)
    assert set(f.claims) == {1, 2} and f.extra["place"] == "Zarichne"


def test_control_unknown_places_that_differ_not_flagged():
    cs = views(("The Russian command said its units overran Zarichne on Sunday.", "Russian command"),
               ("Ukrainian officers said their brigades continue to hold Novoselivka.", "Officers"))
    assert detect_control(cs) == []


def test_control_the_town_refers_to_the_article_text_before_the_claim():
    text = ("Heavy fighting was reported around Lyman on Friday. Several paragraphs of background follow here. "
            "More background that names no place at all. Still more background without a place. "
            "The general said Russian forces had seized the town. The brigade said Ukrainian troops remain in "
            "control of the town.")
    a, b = text.index("The general"), text.index("The brigade")
    cs = views((text[a:b].strip(), "General Ivanov"), (text[b:], "Brigade spokesman"))
    ctx = Context(texts={1: text}, starts={1: a, 2: b})
    (f,) = detect_control(cs, ctx)
    assert f.extra["place"] == "Lyman"


def test_control_claims_called_false_after_the_statement():
    (st,) = statements_in(views(("Reports that Russian troops captured Orikhiv are false, the governor said.",
                                 "Governor"))[0])
    assert st.polarity == "deny" and st.controller == "Russia" and st.place == "Orikhiv"


def test_control_its_forces_is_the_reporting_side():
    (c,) = views(("Moscow announced the fall of Siversk while Kyiv insisted its soldiers were still fighting there.",
                  "Kremlin"))
    got = {(s.controller, s.polarity, s.full) for s in statements_in(c)}
    assert got == {("Russia", "assert", True), ("Ukraine", "assert", False)}


def test_control_plans_and_wishes_are_not_statements():
    (c,) = views(("Under the draft, Russia would gain control of Lyman and Ukraine would keep Sumy.", "Draft"))
    assert statements_in(c) == []


def test_control_same_side_partial_and_full_not_flagged():
    cs = views(("Russian forces have captured Vovchansk, the ministry said.", "Russian ministry"),
               ("A Russian blogger said Russian units entered Vovchansk last week.", "Blogger"))
    assert detect_control(cs) == []


def test_control_statements_months_apart_not_flagged():
    cs = views(("Russian forces have captured Siversk, the ministry said.", "Russian ministry", 1, "2025-01-05"),
               ("Ukrainian troops remain in control of Siversk, the brigade said.", "Brigade", 2, "2025-06-20"))
    assert detect_control(cs) == []


# --- values: counted things, comparators, sums, changes ------------------------

def test_count_typed_by_noun_and_predicate_with_comparator():
    cs = views(("Around 200 fishing boats were sheltering in the bay on Monday, the coastguard said.", "Coastguard"),
               ("The mayor said fewer than 80 boats were sheltering in the bay on Monday.", "Mayor"))
    assert claims_of(detect_values(cs)) == [{1, 2}]


def test_count_comparator_compatible_not_flagged():
    cs = views(("More than 150 boats were sheltering in the bay, the coastguard said.", "Coastguard"),
               ("The mayor said some 190 vessels were sheltering in the bay.", "Mayor"))
    assert detect_values(cs) == []


def test_count_more_than_vs_smaller_number_flagged():
    cs = views(("Organisers said more than 100 flights were cancelled at the airport.", "Organisers"),
               ("The airline said 90 flights were cancelled.", "Airline"))
    assert claims_of(detect_values(cs)) == [{1, 2}]


def test_count_different_predicates_or_places_not_flagged():
    cs = views(("Officials said 300 people were evacuated from the valley.", "Officials"),
               ("Medics said 12 people were injured in the blaze.", "Medics"),
               ("About 40 ships were waiting off Gdansk on Monday, a pilot said.", "Pilot"),
               ("The agency said 90 ships were waiting off Gdynia on Monday.", "Agency"))
    assert detect_values(cs) == []


def test_count_earlier_figure_is_not_the_stated_one():
    assert quantities_in("The queue grew to 120 trucks waiting at the border, up from 30 trucks waiting last week.")[0] \
        .target.lo == 120


def test_count_only_compared_inside_one_article():
    cs = views(("Around 200 fishing boats were sheltering in the bay, the coastguard said.", "Coastguard", 1),
               ("The mayor said fewer than 80 boats were sheltering in the bay.", "Mayor", 2))
    assert detect_values(cs) == []


def test_sum_of_fee_parts_against_agreed_fee():
    cs = views(("The chairman said the sides had settled on a fee of $30m for the goalkeeper.", "Chairman"),
                ("Sources said the bid was $20m plus $4m in bonuses.", "Sources"))
    (f,) = detect_values(cs)
    assert set(f.claims) == {1, 2} and "24,000,000" in f.explanation


def test_sum_that_matches_the_fee_not_flagged():
    cs = views(("The chairman said the sides had settled on a fee of $30m for the goalkeeper.", "Chairman"),
               ("Sources said the bid was $26m, with a further $4m in bonuses.", "Sources"))
    assert detect_values(cs) == []


def test_relative_cut_against_unchanged_level():
    cs = views(("The union said the ministry would slash the money for rural schools by a quarter.", "Union"),
               ("The minister said the bill kept £4bn for rural schools, the same amount as last year.", "Minister"))
    assert claims_of(detect_values(cs)) == [{1, 2}]


def test_relative_cut_against_level_for_another_purpose_not_flagged():
    cs = views(("The union said the ministry would slash the money for rural schools by a quarter.", "Union"),
               ("The minister said the bill kept £4bn for city hospitals, the same amount as last year.", "Minister"))
    assert detect_values(cs) == []


def test_two_cuts_stated_alike_not_flagged():
    cs = views(("The union said the ministry would slash the money for rural schools by a quarter.", "Union"),
               ("Teachers said the budget for rural schools would be cut by 25%.", "Teachers"))
    assert detect_values(cs) == []


def test_reduction_uses_a_baseline_stated_in_article_text():
    text = ("Background: the Ukrainian army would go from some 900,000 soldiers to 700,000 under older ideas. "
            "The leak said the deal halves the Ukrainian army. The memo caps Ukraine's army at 700,000 troops.")
    a, b = text.index("The leak"), text.index("The memo")
    cs = views((text[a:b].strip(), "Leak"), (text[b:], "Memo"))
    assert detect_values(cs) == []  # no baseline without the article text
    (f,) = detect_values(cs, Context(texts={1: text}, starts={1: a, 2: b}))
    assert set(f.claims) == {1, 2}


# --- denials of an agreement ---------------------------------------------------

def test_agreement_asserted_and_denied_in_one_article():
    cs = views(("The broker said both firms had agreed a price for the refinery last night.", "Broker"),
               ("The seller said it had not accepted any offer for the refinery.", "Seller"))
    assert claims_of(detect_denials(cs)) == [{1, 2}]


def test_agreement_denied_across_articles_by_shared_name():
    cs = views(("An adviser said Halvorsen had signed the contract with the Oslo club.", "Adviser", 1),
               ("The club said no agreement had been reached with Halvorsen.", "Club", 2))
    assert claims_of(detect_denials(cs)) == [{1, 2}]


def test_agreement_denial_of_something_unrelated_not_flagged():
    cs = views(("An adviser said Halvorsen had signed the contract with the Oslo club.", "Adviser", 1),
               ("The ministry said no agreement had been reached with the Brennan family.", "Ministry", 2))
    assert detect_denials(cs) == []


def test_agreement_on_different_matters_not_flagged():
    cs = views(("Negotiators said the two sides had reached a deal on wages.", "Negotiators"),
               ("The employers said they had not reached any agreement on pensions.", "Employers"))
    assert detect_denials(cs) == []


def test_agreement_future_refusal_is_not_a_denial():
    assert agreements_in("We will never sign this deal, the minister said.")[0] is None
    assert agreements_in("The delegations had agreed to set up two committees.")[0] is None


def test_detect_passes_context_to_every_detector():
    text = "Fighting went on near Kurakhove. A said X. B said Y."
    cs = views(("Russian forces have captured the town, the ministry said.", "Russian ministry"),
               ("Ukrainian troops remain in control of the town, the brigade said.", "Brigade"))
    ctx = Context(texts={1: text}, starts={1: text.index("A said"), 2: text.index("B said")})
    assert [f.extra.get("place") for f in detect(cs, ctx) if f.kind == "control"] == ["Kurakhove"]

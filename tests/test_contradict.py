"""Each contradiction detector on sentence pairs written for these tests."""
from __future__ import annotations

from provenance.contradict import detect
from provenance.contradict.control import detect_control
from provenance.contradict.denial import detect_denials
from provenance.contradict.position import detect_positions
from provenance.contradict.share import allocation_in, detect_shares
from provenance.contradict.value import detect_values
from provenance.records import ClaimView


def views(*specs):
    """specs: (text, speaker[, source_id[, topics[, speaker_type]]])"""
    out = []
    for i, spec in enumerate(specs, 1):
        text, speaker, *rest = spec
        source = rest[0] if rest else i
        topics = tuple(rest[1]) if len(rest) > 1 else ()
        stype = rest[2] if len(rest) > 2 else "person"
        out.append(ClaimView(id=i, uid=f"u{i}", source_id=source, text=text, quote=None, kind="indirect",
                             speaker=speaker, speaker_type=stype, outlet="Daily Example", published="2025-01-02",
                             topics=topics))
    return out


def pairs(findings):
    return [tuple(sorted(f.claims)) for f in findings]


# --- value -----------------------------------------------------------------

def test_value_different_army_caps_flagged():
    cs = views(("A leaked memo caps Ukraine's army at 650,000 troops.", "Memo"),
               ("Officials said the Ukrainian armed forces would be limited to 850,000.", "Officials"))
    (f,) = detect_values(cs)
    assert f.kind == "value" and set(f.claims) == {1, 2} and f.topic == "army_size"
    assert "650,000" in f.values[0] and "850,000" in f.values[1]


def test_value_same_cap_in_other_words_not_flagged():
    cs = views(("A leaked memo caps Ukraine's army at 650,000 troops.", "Memo"),
               ("Diplomats said Ukraine's military would be capped at 650 thousand.", "Diplomats"),
               ("The draft would limit the Ukrainian army to 0.65 million soldiers.", "Draft"))
    assert detect_values(cs) == []


def test_value_reduction_by_half_against_explicit_figures():
    cs = views(("Critics said the deal would cut the Ukrainian military by half.", "Critics"),
               ("Ukraine's army would shrink from about 900,000 troops to 720,000, the paper said.", "Paper"))
    (f,) = detect_values(cs)
    assert set(f.claims) == {1, 2}


def test_value_half_and_fifty_percent_agree():
    cs = views(("Critics said the deal would cut the Ukrainian military by half.", "Critics"),
               ("Analysts said Ukraine's army would be reduced by 50%.", "Analysts"))
    assert detect_values(cs) == []


def test_value_look_alike_quantities_not_flagged():
    cs = views(("A leaked memo caps Ukraine's army at 600,000 troops.", "Memo"),
               ("The ministry pays $600,000 to groups helping Ukraine's army veterans.", "Ministry"),
               ("The plan says Ukraine would hold elections within 100 days.", "Plan"),
               ("Donors promised $100 billion for rebuilding schools.", "Donors"))
    assert detect_values(cs) == []


def test_value_war_length():
    cs = views(("The envoy spoke of six years of war.", "Envoy"),
               ("Both sides are exhausted by the nearly five-year war, the minister said.", "Minister"),
               ("The general said the war, now in its fifth year, had emptied the villages.", "General"))
    (f,) = detect_values(cs)
    assert set(f.claims) == {1, 2, 3}  # 'nearly five' and 'fifth year' agree, 'six years' does not
    assert set(f.values) == {"six years of war", "nearly five-year war", "war, now in its fifth year"}
    assert f.explanation.index("six years") > f.explanation.index(" vs ")  # a cluster of its own


def test_value_deadlines_with_compatible_bounds_not_flagged():
    cs = views(("The text says elections would be held within 120 days.", "Text"),
               ("An aide said the elections would come in 90 days.", "Aide"))
    assert detect_values(cs) == []
    cs = views(("The text says elections would be held within 60 days.", "Text"),
               ("An aide said the elections would come in 180 days.", "Aide"))
    assert len(detect_values(cs)) == 1


# --- share -----------------------------------------------------------------

def test_share_allocation_parsing():
    a = allocation_in("Power from the dam would be split equally between Ukraine and Russia.")
    assert a.complete and a.as_dict() == {"Ukraine": 0.5, "Russia": 0.5}
    b = allocation_in("Ukraine would get 50% of the power and the rest would go to the United States.")
    assert b.complete and b.as_dict() == {"Ukraine": 0.5, "United States": 0.5}


def test_share_different_parties_flagged():
    cs = views(("Power from the dam would be split equally between Ukraine and Russia.", "Draft"),
               ("Ukraine would get 50% of the power and the rest would go to the United States.", "Minister"),
               ("Electricity would be shared equally among Russia, Ukraine and the U.S., a diplomat said.", "Diplomat"))
    (f,) = detect_shares(cs)
    assert set(f.claims) == {1, 2, 3} and f.kind == "share"


def test_share_compatible_or_other_object_not_flagged():
    cs = views(("Russia would receive half of the electricity, the draft says.", "Draft"),
               ("The power would be distributed 50/50 between Russia and Ukraine.", "Aide"),
               ("Washington would take 50% of the profits from the fund.", "Official"))
    assert detect_shares(cs) == []


# --- control ---------------------------------------------------------------

def test_control_asserted_and_denied_with_the_town():
    cs = views(("Russia's defence ministry said its troops had captured Pokrovsk.", "Russian Ministry of Defence", 7),
               ("Ukraine's army said its forces still hold the town.", "Ukrainian army", 7))
    (f,) = detect_control(cs)
    assert set(f.claims) == {1, 2} and f.topic == "battlefield_control"
    assert "Pokrovsk" in f.explanation


def test_control_spellings_are_one_place():
    cs = views(("Moscow said its units took full control of Kupyansk.", "Kremlin", 1),
               ("Kyiv said its soldiers remain in control of Kupiansk.", "General Staff of Ukraine", 2))
    assert len(detect_control(cs)) == 1


def test_control_of_two_different_towns_not_flagged():
    cs = views(("Russian forces captured Siversk, the ministry said.", "Russian Ministry of Defence", 1),
               ("Ukrainian troops remain in control of Lyman, a commander said.", "Commander", 2))
    assert detect_control(cs) == []


def test_control_reported_denial_is_negated():
    cs = views(("Officials denied claims that Russian forces had seized Huliaipole.", "Officials", 1),
               ("Russian forces have seized Huliaipole, the ministry said.", "Russian Ministry of Defence", 2))
    (f,) = detect_control(cs)
    assert set(f.claims) == {1, 2}


# --- denial ----------------------------------------------------------------

def test_denial_linked_to_named_speakers_claim():
    cs = views(("Admiral Jones said drones had struck the grain port at Odesa overnight.", "Mark Jones", 1),
               ("The port authority denied Jones's claims that drones struck the grain port.", "Port authority", 2),
               ("Jones also said the navy would hold exercises next spring.", "Mark Jones", 1))
    (f,) = detect_denials(cs)
    assert f.claims == (2, 1) and f.kind == "denial"


def test_denial_of_something_unrelated_not_linked():
    cs = views(("Admiral Jones said drones had struck the grain port at Odesa overnight.", "Mark Jones", 1),
               ("The embassy denied Jones's claims about a secret meeting in Geneva.", "Embassy", 2))
    assert detect_denials(cs) == []


# --- position and the whole run -------------------------------------------

def test_position_is_its_own_kind():
    cs = views(("Ukraine will not accept limits on the size of its army, the envoy said.", "Envoy", 1, ["army_size"]),
               ("The plan limits the size of Ukraine's army to 600,000.", "Plan", 2, ["army_size"], "document"))
    (f,) = detect_positions(cs)
    assert f.kind == "position" and set(f.claims) == {1, 2}
    assert [x.kind for x in detect(cs)] == ["position"]


def test_position_needs_shared_subject():
    cs = views(("Ukraine will not accept any loss of its sovereignty, the envoy said.", "Envoy", 1, ["army_size"]),
               ("The plan limits the size of Ukraine's army to 600,000.", "Plan", 2, ["army_size"], "document"))
    assert detect_positions(cs) == []


def test_detect_deduplicates_same_claims_across_detectors():
    cs = views(("Gen. Petrov announced that Russian forces had taken full control of Siversk.", "Ivan Petrov", 3),
               ("Kyiv's general staff denied Petrov's claims and said its forces remain in control of Siversk.",
                "General Staff of Ukraine", 3))
    found = detect(cs)
    assert len(found) == 1 and found[0].kind == "control"
    assert "denial.explicit" in found[0].extra.get("also", [])

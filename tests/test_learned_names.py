"""Places and parties an article introduces itself (contradict/learned.py),
on sentences written for these tests about an invented conflict between
Oskeria (capital Rudnagrad) and Brennmark (capital Selmar), with must-not
cases: persons, months, weekdays, outlets and countries are not towns."""
from __future__ import annotations

from provenance.contradict import Context, detect
from provenance.contradict.learned import article_names, learned_names, merge
from provenance.contradict.lexicon import lexicon
from provenance.records import ClaimView
from provenance.sides import side_of

ARTICLE = (
    "Oskeria's army said on Friday it had retaken the frontline town of Halvik. "
    "Torvel, a village near the border, was shelled overnight, and fighting continued in and around Marsk. "
    "Brennmark's defence ministry said its troops still held positions in the Ambra region. "
    "The Oskerian government, speaking from Oskeria's capital, Rudnagrad, called it a turning point. "
    "In Selmar, the capital of Brennmark, officials were silent. "
    "Brennmark-backed militias withdrew from Pellano, said Mira Koss. "
    "Colonel Dorn Vasik said his men entered Pellano in March. "
)


def places(text):
    return dict(article_names(text)[0])


def parties(text):
    return {p: set(al) for p, al in article_names(text)[1]}


def test_places_introduced_by_the_article():
    found = places(ARTICLE)
    assert found["Halvik"] == "town"
    assert found["Torvel"] == "town"
    assert found["Marsk"] == "town"
    assert found["Ambra"] == "region"
    assert found["Pellano"] == "town"  # 'withdrew from X', 'entered X'


def test_persons_months_parties_are_not_places():
    found = places(ARTICLE)
    for name in ("Koss", "Mira", "Vasik", "Dorn", "March", "Friday", "Oskeria", "Brennmark", "Oskerian", "Rudnagrad"):
        assert name not in found


def test_said_name_and_outlet_are_not_places():
    text = ("The brigade retook Halvik, said Anna Lind. Brennmark's army entered Halvik on Sunday, "
            "the commander told Kestrel Radio. Troops captured Reuters footage of the bridge.")
    found = places(text)
    assert "Halvik" in found
    for name in ("Lind", "Anna", "Sunday", "Kestrel", "Reuters"):
        assert name not in found


def test_gazetteer_country_is_not_a_town():
    found = places("Oskerian units withdrew from Moldova and entered Halvik, the town of Halvik being empty.")
    assert "Moldova" not in found
    assert "Halvik" in found


def test_sentence_opening_word_is_not_a_place():
    assert "Prices" not in places("Prices fell sharply in the capital. Oskeria's army held the line.")


def test_parties_with_adjectives_and_capitals():
    found = parties(ARTICLE)
    assert {"Oskeria", "Oskerian", "Rudnagrad"} <= found["Oskeria"]
    assert {"Brennmark", "Selmar"} <= found["Brennmark"]
    assert not any(p in found for p in ("Friday", "Koss", "Halvik", "Oskerian"))


def test_gazetteer_country_brings_its_adjective_and_capital():
    found = parties("Armenian troops crossed the river, the report said.")
    assert {"Armenia", "Armenian", "Yerevan"} <= found["Armenia"]


def test_weekday_possessive_is_not_a_party():
    assert "Monday" not in parties("Monday's government meeting was postponed. Brennmark's army waited.")


def test_adjective_learned_alone_meets_its_country_in_another_article():
    key = merge([article_names("Oskerian forces shelled the port."), article_names("Oskeria's army advanced.")])
    assert [p for p, _al in key[1]] == ["Oskeria"]
    assert "Oskerian" in dict(key[1])["Oskeria"]


def test_lexicon_knows_learned_names_only_inside_the_run():
    assert not lexicon().parties_in("Oskerian troops")
    with learned_names([ARTICLE]):
        assert [p for _s, _e, p in lexicon().parties_in("Rudnagrad says Oskerian troops")] == ["Oskeria", "Oskeria"]
        assert [p for _s, _e, p in lexicon().places_in("fighting near Halvik")] == ["Halvik"]
        assert side_of("Brennmark's General Staff") == "Brennmark"
    assert not lexicon().parties_in("Oskerian troops")
    assert not lexicon().places_in("fighting near Halvik")


def _view(i, source, text, speaker):
    return ClaimView(id=i, uid=f"u{i}", source_id=source, text=text, quote=None, kind="indirect", speaker=speaker,
                     speaker_type="organization", outlet="Example Times", published="2031-05-02")


def test_control_dispute_between_invented_sides_across_articles():
    a = "Oskeria's army said it had captured the frontline town of Halvik. Oskerian troops raised a flag."
    b = "Brennmark's army said Halvik had not been captured and Brennmark troops remained there."
    cs = [_view(1, 1, "Oskeria's army said it had captured the frontline town of Halvik.", "Oskerian army"),
          _view(2, 2, "Halvik has not been captured, Brennmark's army said.", "Brennmark army")]
    found = detect(cs, Context(texts={1: a, 2: b}, starts={1: 0, 2: 0}))
    assert any(set(f.claims) == {1, 2} for f in found)


def test_place_named_by_its_officials_but_not_the_official():
    found = places("The regional governor of Ambra, Lena Hask, said so. Halvik's mayor told reporters the bridge held. "
                   "Governor Hask said later that the mayor of Torvel had fled.")
    assert found.get("Ambra") == "region"
    assert found.get("Halvik") == "town" and found.get("Torvel") == "town"
    assert "Hask" not in found and "Lena" not in found


def test_sentence_opening_adjective_is_not_a_party():
    found = parties("Special forces entered the port. Security forces said the Brennmark army had left.")
    assert "Special" not in found and "Security" not in found
    assert "Brennmark" in found


def test_last_word_of_a_longer_name_is_not_a_party():
    assert "Verde" not in parties("Fans of Porto Verde's army of supporters cheered. Porto Verde's forces of habit held.")


def test_a_gazetteer_place_is_not_learned_again():
    assert "Kharkov" not in places("Troops entered Kharkov and the town of Kharkov was calm, Halvik's mayor said.")


def test_armed_groups_two_word_towns_and_facilities():
    text = ("The army of Valmeria said on Tuesday it had retaken Port Selva after a week of fighting. "
            "ZK9 rebels said they still held the eastern part of Port Selva. "
            "Later the army said its troops had taken full control of the Dorna crossing.")
    places, parties = article_names(text)
    assert ("Port Selva", "town") in places
    assert "ZK9" in dict(parties)
    from provenance.assertions import assertions_of
    with learned_names([text]):
        got = assertions_of("ZK9 rebels said they still held the eastern part of Port Selva.", None, None, None, None)
        assert [(a.key, a.holder) for a in got] == [(("control", "Port Selva"), "ZK9")]
        got = assertions_of("The army said its troops had taken full control of the Dorna crossing.", "Valmerian army",
                            "Valmeria", None, None)
        assert [a.key for a in got] == [("control", "Dorna")]


def test_a_weekday_after_a_town_is_no_part_of_its_name_and_no_senate_is_a_place():
    places, _ = article_names("Rebels captured Lisnar Monday, the army said. The army retook Lisnar on Friday.")
    assert ("Lisnar", "town") in places
    from provenance.assertions import assertions_of
    assert assertions_of("Republicans kept control of the Senate, the party said.", None, None, None, None) == ()


def test_a_town_described_with_capitalised_words():
    # 'the eastern Valmerian town of X', 'the Ostrian-held town of Y': the adjectives may be capitalised
    found = places("Rebels seized the eastern Valmerian town of Lisnar. Troops entered the Ostrian-held town of Velna.")
    assert found.get("Lisnar") == "town" and found.get("Velna") == "town"

"""Data as a source: polls, surveys, studies, footage and estimates (sentences of our own writing)."""
from extracting import claims, one


def test_a_source_that_publishes_a_poll_showing_something():
    t = "Last spring the Dorvik Civic Institute released a survey showing that 41% of dockers backed the strike."
    c = one(t, "41% of dockers")
    assert (c.speaker_name, c.cue) == ("Dorvik Civic Institute", "showing")


def test_a_survey_by_a_source_finds_something():
    t = "A new poll by the Harbour Workers Union, carried out with two universities, found that most dockers backed the strike."
    c = one(t, "most dockers")
    assert c.speaker_name == "Harbour Workers Union"
    assert t[c.start:c.end] == t


def test_data_from_a_source_and_a_possessor_of_a_study():
    c = one("Data from the port authority showed that 12 ships had left.", "12 ships")
    assert c.speaker_mention == "the port authority"
    c = one("The Harbour Authority's latest study found that the pier had sunk.", "pier had sunk")
    assert c.speaker_name == "Harbour Authority"


def test_footage_broadcast_by_an_outlet_is_the_outlets():
    t = "Footage from the pier, broadcast by the Norwegian channel Fjordvision, showed only fishermen on the quay."
    c = one(t, "only fishermen")
    assert c.speaker_name == "Fjordvision"
    t = "Images from the quay, aired by the French broadcaster France 24, showed the pier intact."
    c = one(t, "pier intact")
    assert c.speaker_name == "France 24" and c.speaker_type == "outlet"  # a listed outlet keeps its number


def test_an_unlisted_outlet_name_does_not_take_a_following_number():
    c = one('"The pier is shut," Irma Kolar told the news agency Fjordpress 20 minutes later.', "pier is shut")
    assert c.via == ("Fjordpress",)


def test_an_estimate_put_at_a_figure():
    t = "The harbour office said the storm had sunk several boats. It put the damage at up to 40 million euros."
    c = one(t, "up to 40 million")
    assert (c.speaker_name, c.cue) == ("harbour office", "put")


def test_must_not_read_plain_narration_as_findings():
    for t in ("The storm put the harbour at risk.",
              "He put the book at the end of the shelf.",
              "The survey was found in a drawer.",
              "In a survey, most dockers backed the strike.",
              "Footage of the pier showed the damage.",  # no source named: no claim of anyone
              "Researchers found the wreck at a depth of 40 metres."):
        assert claims(t) == [], t


def test_released_material_stays_a_document_claim():
    t = "Video released by the Harbour Authority shows the pier had collapsed."
    (c,) = claims(t)
    assert c.kind == "document"

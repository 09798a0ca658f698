"""Speech acts whose content is no that-clause (attribute/complements.py, rules/verbs.json): sentences of our own."""
from extracting import claims


def _one(sentence):
    (c,) = claims(sentence)
    return c


def test_object_and_its_description():
    c = _one("Mayor Ruiz called the fare rise a tax on islanders.")
    assert (c.speaker_name, c.kind, c.cue) == ("Ruiz", "indirect", "called")
    c = _one("Ruiz has called climate change a hoax invented by the shipping lobby.")
    assert c.cue == "called" and c.speaker_name == "Ruiz"


def test_calling_someone_or_something_is_no_claim():
    for s in ("Ruiz called the meeting to order.", "Brekke called him back a day later.",
              "Ruiz called a special session for Monday.", "She called her mother a week after the vote.",
              "Ruiz called off a strike planned for Monday.", "Ruiz called police a few times that night."):
        assert claims(s) == [], s


def test_questions_and_directives():
    c = _one("Ruiz asked whether the board had read the accounts.")
    assert (c.speaker_name, c.cue) == ("Ruiz", "asked")
    c = _one("Ruiz asked the board to release the accounts.")
    assert c.cue == "asked"
    c = _one("Ruiz encouraged her supporters to vote early.")
    assert (c.speaker_name, c.cue) == ("Ruiz", "encouraged")
    for s in ("Ruiz asked for more time.", "The coach encouraged the team.", "Ruiz was asked to resign."):
        assert claims(s) == [], s


def test_rulings():
    text = "A judge ruled the new toll unconstitutional."
    (c,) = claims(text)
    assert c.cue == "ruled" and text[c.start:c.end].startswith("A judge ruled the new toll unconstitutional")
    c = _one("The appeals court ruled that the toll could not stand.")
    assert c.cue == "ruled"
    assert claims("The king ruled the country for thirty years.") == []


def test_endorsement_and_attack_as():
    c = _one("The ferry workers' union endorsed Ruiz for mayor on Thursday.")
    assert c.cue == "endorsed"
    c = _one("Ruiz attacked her opponent as a fraud.")
    assert (c.speaker_name, c.cue) == ("Ruiz", "attacked")
    assert claims("The rebels attacked the convoy at dawn.") == []

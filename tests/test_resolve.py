from extracting import claims, one
from provenance.resolve import split_name


def test_title_and_name_split():
    assert split_name("Finance Minister Olena Brik") == ("Olena Brik", "Finance Minister")


def test_full_name_then_surname_then_pronoun():
    t = ("Finance Minister Olena Brik said the budget would shrink. Brik added that taxes stay flat.\n"
         "She said pensions were safe.")
    assert one(t, "budget").speaker_name == "Olena Brik"
    assert one(t, "budget").role == "Finance Minister"
    assert one(t, "taxes").speaker_name == "Olena Brik"
    c = one(t, "pensions")
    assert c.speaker_name == "Olena Brik" and c.speaker_mention == "She"
    assert "Brik" in c.aliases


def test_known_alias_spelling_is_one_speaker():
    c = one("Zelenskiy said the front held.", "front held")
    assert c.speaker_name == "Volodymyr Zelensky"


def test_role_noun_resolves_to_named_person():
    t = "Ukrainian President Volodymyr Zelensky met aides. The Ukrainian president said talks would resume."
    assert one(t, "talks would resume").speaker_name == "Volodymyr Zelensky"


def test_pronoun_with_two_candidates_is_unresolved():
    t = "Olek Varga and Pavel Dorn met on Monday.\nHe said the deal was dead."
    c = one(t, "deal was dead")
    assert c.speaker_name is None
    assert "ambiguous" in c.unresolved


def test_anonymous_source_kept_as_written():
    c = one("Two people familiar with the talks said the draft slipped.", "draft slipped")
    assert c.speaker_type == "anonymous"
    c = one("A senior defense official told Reuters that the convoy left.", "convoy left")
    assert c.speaker_type == "anonymous" and c.speaker_name == "a senior defense official"
    assert c.via == ("Reuters",)


def test_organisation_speakers():
    assert one("The Kremlin said the offer was void.", "offer").speaker_name == "Kremlin"
    # a capital as a speaker is its country's government; the Kremlin is the presidency
    assert one("Moscow has rejected the offer.", "offer").speaker_name == "Russian government"
    c = one("Zelensky's office said he was resting.", "resting")
    assert c.speaker_name == "Office of the President of Ukraine" and c.speaker_type == "organization"


def test_document_named_from_plan_descriptor():
    c = one("Kyiv's 20-point plan would freeze the front line.", "freeze")
    assert c.speaker_type == "document" and c.speaker_name == "Ukraine 20-point peace plan"
    # a count of points alone, in an article naming no owner, is not that plan
    c = one("The 20-point plan would freeze the front line.", "freeze")
    assert c.speaker_type == "document" and c.speaker_name != "Ukraine 20-point peace plan"
    c = one("The draft would freeze the front line.", "freeze")
    assert c.speaker_type == "document" and c.speaker_name == "draft"  # named as the article calls it


def test_unknown_person_named_with_longest_form():
    t = "Mayor Ilse Marnik opened the bridge. Marnik said traffic would double."
    assert one(t, "traffic").speaker_name == "Ilse Marnik"

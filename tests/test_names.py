"""People of one article by surname (provenance.names), and the resolver's use of them."""
from extracting import claims, one
from provenance.names import ArticleNames


def test_forms_of_one_person_are_grouped_and_named_by_the_most_frequent():
    n = ArticleNames()
    for f in ["Marta K. Oduya", "Marta Oduya", "Marta Oduya", "M. Oduya"]:
        n.add(f)
    assert [name for _, name in n.people_named("Oduya")] == ["Marta Oduya"]
    assert n.full("M. Oduya") == "Marta Oduya"


def test_a_descriptor_before_the_name_is_the_same_person():
    n = ArticleNames()
    for f in ["Senator Ilse Varga", "Ilse Varga", "Ilse Varga"]:
        n.add(f)
    assert [name for _, name in n.people_named("Varga")] == ["Ilse Varga"]


def test_two_people_sharing_a_surname_are_both_kept():
    n = ArticleNames()
    n.add("Anna Holm")
    n.add("Piet Holm")
    assert sorted(name for _, name in n.people_named("Holm")) == ["Anna Holm", "Piet Holm"]
    assert n.full("Piet Holm") == "Piet Holm"


def test_bare_shared_surname_is_recorded_as_ambiguous_not_guessed():
    c = one("Anna Holm and Piet Holm ran the yard for years. Holm said the orders fell.", "orders fell")
    assert c.speaker_name is None
    assert "ambiguous" in c.unresolved and "Anna Holm" in c.unresolved and "Piet Holm" in c.unresolved


def test_full_name_of_a_second_person_is_not_merged_with_the_first():
    t = "Anna Holm spoke first. Piet Holm said the yard would close."
    assert one(t, "yard would close").speaker_name == "Piet Holm"


def test_title_and_surname_take_the_articles_full_name():
    t = "Jonas Erikson, the harbour master, inspected the quay. Mr. Erikson said the quay was safe."
    assert one(t, "quay was safe").speaker_name == "Jonas Erikson"


def test_known_surname_with_another_given_name_is_another_person():
    t = "Melania Trump visited a school. Melania Trump said the children were curious."
    assert one(t, "children").speaker_name == "Melania Trump"


def test_surname_alone_is_the_person_introduced_first_in_an_earlier_sentence():
    t = ("Senator Ted Vale opened the hearing on Monday. His brother Ian Vale sat behind him.\n"
         "Vale said the budget would pass.")
    assert one(t, "budget would pass").speaker_name == "Ted Vale"


def test_a_sentence_opening_word_is_no_given_name():
    n = ArticleNames()
    n.add("Ilse Varga", 0)
    n.add("Although Varga", 50)
    assert [name for _, name in n.people_named("Varga")] == ["Ilse Varga"]


def test_pronoun_gender_from_the_articles_titles():
    t = ("Ilse Varga and Otto Brandt met on Monday. Mrs. Varga wanted a deal; Mr. Brandt did not.\n"
         "He said the talks had failed.")
    assert one(t, "talks had failed").speaker_name == "Otto Brandt"

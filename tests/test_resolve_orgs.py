"""Organisations given in part, descriptors, back-references, tidied mentions,
role owners and capitals as speakers (sentences written for these tests)."""
from extracting import claims, one
from provenance.mentions import tidy
from provenance.orgref import back_reference, descriptor_name, full_phrase, proper_org


def test_bare_ministry_carries_the_owner_of_the_earlier_full_mention():
    t = ("Nordland's Defence Ministry said its ships had left the strait.\n"
         "Later the ministry said the ferries could sail again.")
    c = one(t, "ferries")
    assert c.speaker_name == "Nordland's Defence Ministry" and c.speaker_type == "organization"


def test_back_reference_takes_the_latest_owner_not_the_first():
    t = "Nordland's Defence Ministry denied it. Westria's Defence Ministry said the drill was over."
    assert back_reference(t + " ", len(t) + 1, "the ministry") == "Westria's Defence Ministry"


def test_descriptor_back_reference_to_a_named_channel():
    t = ("The pro-government Telegram channel Baltwatch, which has many readers, wrote that the dam held.\n"
         "It is unlikely the town will flood, the channel wrote.")
    assert one(t, "flood").speaker_name == "Baltwatch"


def test_descriptor_before_a_proper_name_is_dropped():
    assert descriptor_name("group Nordwatch") == "Nordwatch"
    assert descriptor_name("Nordwatch") is None
    assert descriptor_name("the spokesman Ivo Lind") is None  # a person's role is the resolver's, not a descriptor


def test_mention_that_is_the_tail_of_a_longer_name():
    t = "Yesterday Westria's coast guard said two boats sank."
    pos = t.index("guard")
    assert full_phrase(t, pos, "guard") is None  # 'guard' is no organisation head
    t = "Yesterday Westria's naval command said two boats sank."
    assert full_phrase(t, t.index("command"), "command") == "Westria's naval command"
    t = "The Joint Office for the Return of Displaced Persons said 40 families came back."
    assert full_phrase(t, t.index("the Return"), "the Return of Displaced Persons") == \
        "Joint Office for the Return of Displaced Persons"


def test_tail_is_not_extended_over_a_verb_or_function_word():
    t = "The mayor said the council would meet."
    assert full_phrase(t, t.index("council"), "council") is None or "said" not in full_phrase(t, t.index("council"), "council")


def test_tidy_drops_time_adjuncts_adverbs_and_verbs_after_a_name():
    assert tidy("the Westrian Navy on Thursday") == "the Westrian Navy"
    assert tidy("prosecutors in April") == "prosecutors"
    assert tidy("Varga reportedly") == "Varga"
    assert tidy("Varga gave new") == "Varga"
    assert tidy("Nordland's armed forces") == "Nordland's armed forces"  # a possessive's modifier is no verb
    assert tidy("the family") == "the family"


def test_garbled_name_verb_speaker_is_the_name():
    t = "Mayor Ilse Varga opened the bridge. Varga gave new details, saying the tolls would end in May."
    c = [c for c in claims(t) if c.speaker_name and "Varga" in c.speaker_name]
    assert all(c.speaker_name == "Ilse Varga" for c in c)


def test_role_noun_does_not_take_another_owners_role_holder():
    # 'general staff' is no role of the Russian chief of the general staff (a known person, mentioned here)
    t = ("Valery Gerasimov visited the front.\n"
         "Ukraine's General Staff said the bridge was intact. The General Staff said two attacks failed.")
    c = one(t, "two attacks failed")
    assert c.speaker_name != "Valery Gerasimov"


def test_capital_as_speaker_is_the_government():
    assert one("Kyiv rejected the claim that the town had fallen.", "town had fallen").speaker_name == \
        "Ukrainian government"
    assert one("Moscow said the convoy had returned.", "convoy").speaker_name == "Russian government"


def test_known_organisation_is_not_a_document():
    c = one("The Westrian army said on Friday the road was open, and so did the Russian Defence Ministry on Thursday.",
            "road was open")
    assert c.speaker_type != "document"


def test_it_is_the_organisation_the_previous_sentence_opens_with():
    t = ("Talks ended late on Monday.\nThe Westrian Navy's account was shorter. "
         "\"Two boats were turned back,\" it said.")
    assert one(t, "boats were turned").speaker_name == "Westrian Navy"


def test_it_skips_the_subject_of_the_reported_words():
    t = ("The Westrian Navy statement was brief. Nordland had moved \"three frigates into the strait,\" it said, "
         "without giving a source.")
    assert one(t, "frigates").speaker_name == "Westrian Navy"


def test_capitalised_name_with_an_organisation_head_is_no_person():
    c = one("The Association of Ferry Pilots said the strike would go ahead.", "strike")
    assert c.speaker_name == "Association of Ferry Pilots" and c.speaker_type == "organization"
    assert proper_org("Ilse Varga") is None and proper_org("President of Westria") is None
    assert proper_org("Nordland's Defence Ministry") == "Nordland's Defence Ministry"


def test_statement_speaks_for_whoever_made_it():
    t = ("The Westrian Navy said on Tuesday that both fleets would withdraw. "
         "The statement on fishing added that the quotas would be restored.")
    assert one(t, "quotas").speaker_name == "Westrian Navy"


def test_statement_with_an_owner_is_the_owners():
    t = "Talks ended on Monday.\nThe Nordland Coast Guard statement said that two trawlers had been seized."
    c = one(t, "trawlers")
    assert c.speaker_name == "Nordland Coast Guard" and c.speaker_type == "organization"


def test_definite_role_body_takes_the_owner_of_the_earlier_mention():
    t = ("Nordland's General Staff said two attacks failed. Westria's chief of the general staff, Ivo Lind, "
         "spoke later. The General Staff said the bridge held.")
    assert one(t, "bridge held").speaker_name == "Nordland's General Staff"


def test_back_reference_keeps_the_mentions_own_words():
    t = "Nordland's Navy denied it. The Westrian Navy said the drill was over."
    assert back_reference(t, t.index("The Westrian"), "The Westrian Navy") is None

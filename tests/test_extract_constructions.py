"""Constructions added to the rule-based extractor, each on sentences of our own writing
(other names, other events than the seed and held-out articles)."""
from provenance.extract import extract_claims
from provenance.records import Article


def claims(text):
    return extract_claims(Article(path="t.txt", text=text, sha256="x"))


def having(text, ev):
    return [c for c in claims(text) if ev in text[c.start:c.end]]


def test_term_with_irregular_participle_continues_a_draft_passage():
    t = ("Under the draft treaty, fishing quotas would be frozen for five years.\n"
         "The northern fleet would be cut from about 400 boats to 250.")
    (c,) = having(t, "northern fleet")
    assert c.kind == "document" and c.speaker_type == "document"


def test_speaker_before_a_colon_owns_the_quotation_paragraphs():
    t = ("Judge Ana Ruiz read the verdict. Speaking outside the court, Ruiz set out her reasoning at length:\n"
         "“The evidence against the defendant was overwhelming and consistent.\n"
         "“No reasonable jury could have reached another conclusion on these facts.”\n"
         "The court then adjourned.")
    cs = [c for c in claims(t) if c.kind == "direct"]
    assert len(cs) == 2 and all(c.speaker_name == "Ana Ruiz" for c in cs)


def test_people_close_to_and_sources_at_keep_their_description():
    (c,) = having("People close to the talks said the offer was worth €12m.", "offer")
    assert (c.speaker_name.lower(), c.speaker_type) == ("people close to the talks", "anonymous")
    (c,) = having("Two sources at the ministry said the tender had been cancelled.", "tender")
    assert (c.speaker_name, c.speaker_type) == ("two sources at the ministry", "anonymous")


def test_many_and_another_take_the_group_just_named():
    t = "Dutch lawmakers protested outside the hall. Many said they had not been heard."
    (c,) = having(t, "not been heard")
    assert (c.speaker_name, c.speaker_type) == ("many Dutch lawmakers", "anonymous")
    t = "One Nordic diplomat said the text was weak. Another described the plan as ‘a wish list’."
    (c,) = having(t, "wish list")
    assert (c.speaker_name, c.speaker_type) == ("another Nordic diplomat", "anonymous")


def test_according_to_x_which_said_gives_two_claims():
    t = "Floodwater reached 2 metres overnight, according to the regional water board, which said 300 homes were evacuated."
    cs = claims(t)
    assert len(cs) == 2 and {c.cue for c in cs} == {"according to", "said"}
    assert all("water board" in c.speaker_name for c in cs)
    assert "300 homes" not in t[cs[0].start:cs[0].end] and t[cs[1].start:cs[1].end].startswith("which said")


def test_called_it_with_a_quoted_description_is_speech():
    t = "Mayor Lotte Brandt welcomed the ruling. In a radio interview, she called it “a victory for every tenant”."
    (c,) = having(t, "victory")
    assert (c.speaker_name, c.kind) == ("Lotte Brandt", "mixed")
    assert claims("The chairman called the meeting for Monday.") == []


def test_two_speakers_joined_by_and_give_two_claims():
    t = "The rebels claimed the capture of Marwa and the army insisted its units still held the town."
    cs = claims(t)
    assert [c.speaker_name for c in cs] == ["rebels", "army"]
    assert "army" not in t[cs[0].start:cs[0].end]


def test_joint_statement_with_affiliations_names_each_person():
    t = "Trade ministers Ines Moura of Portugal, Lars Dahl of Norway and Mia Kos of Slovenia said the tariff must go."
    assert sorted(c.speaker_name for c in claims(t)) == ["Ines Moura", "Lars Dahl", "Mia Kos"]


def test_person_with_an_affiliation_is_the_person():
    (c,) = having("Energy analyst Omar Haddad of research firm Gridwise said prices would ease.", "prices")
    assert (c.speaker_name, c.role) == ("Omar Haddad", "Energy analyst")


def test_document_seen_by_an_outlet_not_in_the_outlet_list():
    t = "A draft of the summit declaration, seen by the Baltic Herald, says leaders ‘note with concern’ the delays."
    (c,) = claims(t)
    assert c.kind == "document" and c.speaker_type == "document" and c.via == ("Baltic Herald",)
    t = "An internal memo from Norport Logistics seen by Reuters warns that stocks could run out. The memo estimates losses at 1 million euros a day."
    cs = claims(t)
    assert [c.kind for c in cs] == ["document", "document"] and all(c.via == ("Reuters",) for c in cs)


def test_outlet_after_a_descriptor_is_the_relay():
    (c,) = having("The coach told the Dutch sports daily Voetbalkrant that he would stay.", "would stay")
    assert c.via == ("Voetbalkrant",)
    (c,) = having("Petrov told the state news agency TASS that talks would go on.", "talks")
    assert c.via == ("TASS",)


def test_negated_speech_and_generic_subjects_are_not_claims():
    assert claims("Hansen himself has said nothing in public since the vote.") == []
    assert claims("The goalkeeper declined to comment on the transfer.") == []
    assert claims("Any treaty requires the approval of all 12 member states.") == []


def test_question_lead_in_is_not_the_speaker():
    t = "Governor Ilse Vark spoke on Monday. Asked whether the board had discussed a larger cut, she said it had not."
    (c,) = having(t, "it had not")
    assert c.speaker_name == "Ilse Vark"


def whole(text, c):
    return text[c.start:c.end] == text.strip()


def test_anonymity_participle_is_part_of_the_attribution():
    for t in ("A senior Nordic diplomat, speaking on condition of anonymity, said the ferry contract would be signed in March.",
              "A senior Nordic diplomat, requesting anonymity, said the ferry contract would be signed in March.",
              "A senior Nordic diplomat, speaking on condition of anonymity because they were not authorised to speak "
              "publicly, said the ferry contract would be signed in March."):
        (c,) = claims(t)
        assert (c.speaker_name, c.kind, c.cue) == ("a senior Nordic diplomat", "indirect", "said") and whole(t, c)


def test_anonymity_relative_clause_is_part_of_the_attribution():
    for t in ("One port official, who spoke on condition of anonymity, said the cranes had been idle for a week.",
              "One port official, who talked to reporters on background in Gdansk, said the cranes had been idle for a week.",
              "One port official, who spoke on condition of anonymity about the dispute, said the cranes had been idle for a week."):
        (c,) = claims(t)
        assert (c.speaker_name, c.kind, c.cue) == ("one port official", "indirect", "said") and whole(t, c)
    t = "Two union officials, who requested anonymity to discuss internal deliberations, told Reuters the strike would end."
    (c,) = claims(t)
    assert (c.speaker_name, c.cue, c.via) == ("two union officials", "told", ("Reuters",)) and whole(t, c)


def test_speech_verb_that_only_sets_the_scene_gives_no_claim():
    t = "A senior Nordic diplomat, speaking on the sidelines of the summit, said the ferry contract would be signed in March."
    (c,) = claims(t)
    assert c.speaker_name == "a senior Nordic diplomat" and whole(t, c)
    t = "The ferry contract will be signed in March, said a senior Nordic diplomat, speaking on condition of anonymity."
    (c,) = claims(t)
    assert c.speaker_name == "a senior Nordic diplomat" and whole(t, c)
    assert claims("The harbour master spoke on condition of anonymity.") == []
    assert claims("A port official spoke to reporters on background on Monday.") == []
    t = ("Port director Jan Visser cancelled the tender, according to a ministry official who was not authorised "
         "to comment and spoke on condition of anonymity.")
    assert [c.speaker_name for c in claims(t)] == ["a ministry official"]


def test_speech_verb_with_content_beside_an_anonymity_phrase_is_still_a_claim():
    t = "A port official said on condition of anonymity that the cranes had been idle for a week."
    (c,) = claims(t)
    assert c.speaker_name == "a port official" and whole(t, c)
    t = "The harbour master spoke on condition of anonymity, saying the cranes had been idle for a week."
    (c,) = claims(t)
    assert "harbour master" in c.speaker_name and c.cue == "saying" and whole(t, c)
    t = "Ruth Okafor spoke at length, saying the cranes had been idle for a week."
    (c,) = claims(t)
    assert (c.speaker_name, c.cue) == ("Ruth Okafor", "saying") and whole(t, c)
    t = "Ruth Okafor, who warned in May that the cranes were failing, said they had been idle for a week."
    cs = claims(t)
    assert [c.cue for c in cs] == ["warned", "said"] and all(c.speaker_name == "Ruth Okafor" for c in cs)


def test_telling_the_press_with_no_content_is_no_claim():
    """GUIDELINES: a bare mention of a statement ('X spoke to reporters.') is not a claim;
    nor is 'X told reporters on Monday.' — the audience is not what was said."""
    assert claims("Port director Jan Visser told reporters on Monday.") == []
    assert claims("Port director Jan Visser briefed journalists in Gdansk.") == []
    t = "Port director Jan Visser told reporters the cranes had been idle for a week."
    (c,) = claims(t)
    assert (c.speaker_name, c.cue) == ("Jan Visser", "told") and whole(t, c)
    t = "Port director Jan Visser said reporters had been barred from the quay."
    (c,) = claims(t)
    assert c.speaker_name == "Jan Visser" and whole(t, c)


def test_quotation_after_the_comma_is_the_content_of_a_sourcing_clause():
    for t in ('Port director Jan Visser told reporters in Gdansk, "The cranes have been idle for a week."',
              "A port official said on condition of anonymity, “The cranes have been idle for a week.”"):
        (c,) = claims(t)
        assert c.quote and "cranes have been idle" in c.quote and whole(t, c)


def spans(text):
    return [(c.cue, c.speaker_name, text[c.start:c.end]) for c in claims(text)]


def disjoint(cs):
    cs = sorted(cs, key=lambda c: c.start)
    return all(a.end <= b.start for a, b in zip(cs, cs[1:]))


def test_relative_clause_statement_ends_at_the_comma_before_the_main_verb():
    """'X, who warned that A, said B': two statements of X; the relative clause's claim is closed by the
    comma before the main verb and does not run on over the main clause."""
    t = ("Harbour master Elin Sand, who warned on Tuesday that the breakwater would not survive another storm, "
         "said repairs would start in June.")
    assert spans(t) == [("warned", "Elin Sand", "who warned on Tuesday that the breakwater would not survive another storm"),
                        ("said", "Elin Sand", "said repairs would start in June.")]
    t = "The port authority, which said in March that dredging was complete, insisted the channel was safe."
    assert [x[2] for x in spans(t)] == ["which said in March that dredging was complete",
                                        "insisted the channel was safe."]
    assert disjoint(claims(t))


def test_relative_clause_with_perfect_tense_and_no_that():
    t = ("Fisheries minister Tomas Lind, who has repeatedly said the quota system is unfair, "
         "told reporters the rules would change next year.")
    assert spans(t) == [("said", "Tomas Lind", "who has repeatedly said the quota system is unfair"),
                        ("told", "Tomas Lind", "told reporters the rules would change next year.")]
    assert disjoint(claims(t))


def test_relative_clause_whose_content_has_its_own_commas():
    t = ("Harbour master Elin Sand, who warned that the breakwater, built in 1902, would not survive another storm, "
         "said repairs would start in June.")
    assert spans(t) == [("warned", "Elin Sand", "who warned that the breakwater, built in 1902, would not survive another storm"),
                        ("said", "Elin Sand", "said repairs would start in June.")]


def test_no_relative_clause_gives_one_claim_over_the_whole_sentence():
    for t in ("Harbour master Elin Sand said repairs would start in June.",
              "Harbour master Elin Sand, a former naval officer, said repairs would start in June.",
              "Harbour master Elin Sand, who took office in May, said repairs would start in June."):
        (c,) = claims(t)
        assert (c.cue, c.speaker_name) == ("said", "Elin Sand") and whole(t, c)


def test_relative_clause_on_the_subject_closes_before_a_main_verb_that_is_not_speech():
    t = "Harbour master Elin Sand, who warned that the breakwater, built in 1902, would fail, resigned on Friday."
    assert spans(t) == [("warned", "Elin Sand", "who warned that the breakwater, built in 1902, would fail")]
    t = "In a statement, the port authority, which said in March that dredging was complete, insisted the channel was safe."
    assert [x[2] for x in spans(t)] == ["which said in March that dredging was complete", "insisted the channel was safe."]
    # on an object, the relative clause runs to the end of the sentence, commas and all
    t = "The minister met Elin Sand, who said the breakwater, in its present state, would fail."
    assert spans(t) == [("said", "Elin Sand", "who said the breakwater, in its present state, would fail.")]


# -- relays after "according to", documents an outlet saw, datelines ------------------------------------------

def by_cue(text, cue):
    return [c for c in claims(text) if c.cue == cue]


def test_according_to_an_outlet_after_a_speech_verb_is_a_relay():
    """'X insisted that A, according to <outlet>.': X is the speaker, the outlet a relay; a short outlet
    name closing the sentence keeps no full stop when another paragraph follows."""
    t = ("Berlin insisted that any ceasefire line follow the current front, according to Voz.\n\n"
         "The fleet will dock in Bergen on Friday.")
    (c,) = claims(t)
    assert (c.cue, c.speaker_name, c.speaker_type, c.via) == ("insisted", "German government", "organization", ("Voz.us",))


def test_outlet_descriptor_belongs_to_the_outlet_phrase():
    """'according to the state news agency Xinhua.': the descriptor is part of the outlet phrase; the relay
    is the outlet's canonical name, without the sentence's full stop."""
    t = ("Berlin insisted that any ceasefire line follow the current front, according to the state news agency Xinhua.\n\n"
         "The fleet will dock in Bergen on Friday.")
    (c,) = claims(t)
    assert (c.cue, c.speaker_name, c.via) == ("insisted", "German government", ("Xinhua",))
    t = "Lavrov's deputy said the summit was off, according to the business daily Kommersant."
    assert all(c.via == ("Kommersant",) for c in claims(t)) and claims(t)
    # an outlet alone is never the speaker ("According to Bloomberg, ..." gives no speaker Bloomberg either)
    for t in ("The quota talks stalled, according to the business newspaper Kommersant.",
              "According to Bloomberg, the quota talks stalled.", "The quota talks stalled, according to Bloomberg."):
        assert all(c.speaker_type != "outlet" and c.speaker_name not in ("Kommersant", "Bloomberg") for c in claims(t))


def test_outlet_reported_after_a_speech_verb_stays_a_relay():
    (c,) = claims("The Elysee said the summit had been postponed, public broadcaster France 24 reported.")
    assert (c.cue, c.speaker_name, c.via) == ("said", "French government", ("France 24",))


def test_according_to_a_person_stays_the_speaker():
    t = "The catch limit is 40,000 tonnes, according to Lind.\n\nThe talks resume on Monday."
    (c,) = claims(t)
    assert (c.cue, c.speaker_name, c.speaker_type, c.via) == ("according to", "Lind", "person", ())
    (c,) = claims("The catch limit is 40,000 tonnes, according to Fisheries Minister Tomas Lind.")
    assert (c.speaker_name, c.via) == ("Tomas Lind", ())


def test_according_to_a_copy_seen_by_an_outlet_is_a_document_claim():
    t = "The treaty would also cap fishing fleets at 300 boats, according to a copy seen by Politico."
    (c,) = claims(t)
    assert (c.kind, c.speaker_type, c.speaker_mention, c.via) == ("document", "document", "a copy", ("Politico",))
    assert c.speaker_name == "treaty"  # the copy is of the document the sentence names
    t = "The treaty would also cap fishing fleets at 300 boats, according to the draft reviewed by Bloomberg."
    (c,) = claims(t)
    assert (c.kind, c.speaker_name, c.speaker_type, c.via) == ("document", "draft", "document", ("Bloomberg",))
    t = "According to a copy of the treaty seen by Politico, fleets would be capped at 300 boats."
    (c,) = claims(t)
    assert (c.kind, c.speaker_name, c.via) == ("document", "treaty", ("Politico",))


def test_according_to_an_official_quoted_by_an_outlet():
    (c,) = claims("The talks on the quota stalled, according to a senior official quoted by Interfax.")
    assert (c.speaker_name, c.speaker_type, c.via) == ("a senior official", "anonymous", ("Interfax",))


def test_participle_after_a_dateline_takes_the_clause_subject():
    t = ("OSLO — Nordic fisheries officials on Tuesday pressed for a lower quota, arguing that the cod stocks "
         "had not recovered.")
    (c,) = by_cue(t, "arguing")
    assert (c.speaker_name, c.speaker_type) == ("Nordic fisheries officials", "anonymous")
    t = ("TROMSO, March 3 (Bloomberg) - Norwegian harbour officials on Tuesday pressed for a lower quota, "
         "arguing that the cod stocks had not recovered.")
    (c,) = by_cue(t, "arguing")
    assert (c.speaker_name, c.speaker_type) == ("Norwegian harbour officials", "anonymous")
    # a dash after a name is no dateline when it opens an aside, nor in the middle of a paragraph
    (c,) = by_cue("OSCE — the monitoring body — pressed for access, arguing that its observers were blocked.", "arguing")
    assert c.speaker_name == "OSCE"


def test_a_name_never_runs_over_a_sentence_end():
    t = ("Karin Holm chairs the fisheries board.\n\n"
         "The meeting was held in Tromso. Holm said the quota was too low.")
    (c,) = claims(t)
    assert (c.speaker_name, c.speaker_mention) == ("Karin Holm", "Holm")

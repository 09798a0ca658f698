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


def test_whole_subjects_with_postmodifiers_and_coordination():
    c = _one("Experts on the ferry trade and on harbour law said the new toll could change that.")
    assert c.speaker_mention == "Experts on the ferry trade and on harbour law" and c.cue == "said"
    c = _one("Observers in the valley and around the country say Brekke deserves the post.")
    assert c.speaker_mention.startswith("Observers in the valley")
    c = _one("However, 63 percent said the ferry was too slow.")
    assert c.speaker_mention == "63 percent"
    text = "The crew watched it on Thursday, attorneys for the family said."
    c = _one(text)
    assert c.speaker_mention == "attorneys for the family" and text[c.start:c.end].startswith("The crew watched")
    # a clause with a verb of its own is no speaker phrase
    c = _one("The board met on Monday and experts said the route would close.")
    assert c.speaker_mention == "experts"


def test_aside_between_dashes_and_time_after_who():
    c = _one("Kall -- co-editor of a book on ferry debates, a history of the harbour -- said the board tended to stall.")
    assert c.speaker_name == "Kall" and c.kind == "indirect"
    text = "The mayor has long clashed with Ola Brekke, who in 2010 said the port was doomed."
    c = _one(text)
    assert text[c.start:c.end].startswith("who in 2010 said the port was doomed") and c.speaker_name == "Ola Brekke"


def test_prose_paragraph_mentioning_a_photo_agency_is_read():
    text = ("The latest Reuters/Ipsos poll released Friday shows Ruiz ahead by five points among the island's "
            "voters, a lead she has held all month. Another 19 percent said they would not pick either candidate "
            "in the race for the harbour board this year.")
    assert any(c.speaker_mention == "Another 19 percent" for c in claims(text))


def test_an_outlet_as_its_own_source():
    c = _one("“The company was left holding some $8.8 billion in debt,” the Times wrote.")
    assert c.speaker_type == "outlet" and c.kind == "direct"
    c = _one("Bonuses for crews were $500 every three months, The Harbour Journal reports.")
    assert c.speaker_mention == "The Harbour Journal"
    c = _one("Still, The Harbour Times reported at the time that the editor conveyed her displeasure.")
    assert c.speaker_mention == "The Harbour Times"


def test_an_outlet_relays_a_document():
    (c,) = claims("The draft would require the island to give up its ferry, AP News reported.")
    assert c.kind == "document" and c.via == ("AP",)


def test_a_paragraph_opened_by_a_closing_mark_is_a_quotation():
    text = "”Fear. I am truly afraid that the ferry will stop. Its support is scary.” ― Karen Bobadilla"
    (c,) = claims(text)
    assert (c.kind, c.speaker_name, c.cue) == ("direct", "Karen Bobadilla", "―")
    assert "I am truly afraid" in c.quote


def test_participles_after_a_noun_take_the_sentence_subject():
    c = _one("Ruiz unleashed a series of posts early Friday saying that her rival had shown bad judgment.")
    assert (c.speaker_name, c.cue) == ("Ruiz", "saying")
    c = _one("The union sent a letter to the board urging them to reconsider.")
    assert (c.speaker_mention, c.cue) == ("The union", "urging")
    for s in ("Ruiz spent the morning calling voters.", "He left without saying goodbye to the crew.",
              "Crowds gathered outside chanting slogans."):
        assert claims(s) == [], s


def test_progressive_with_adverbs():
    c = _one("Ruiz is also urging her supporters to vote early.")
    assert (c.speaker_name, c.cue) == ("Ruiz", "urging")


def test_who_with_no_comma_before_it():
    text = "The mayor took calls from listeners to her radio program who said they had misgivings about the ferry."
    c = _one(text)
    assert c.speaker_mention == "listeners" and text[c.start:c.end].startswith("who said they had misgivings")
    # a relative clause that only describes its noun is no claim
    assert claims("Ola Brekke, a harbour official who counters rumours, spoke on Monday.") == []


def test_call_with_a_quoted_description_or_a_long_object():
    c = _one("At a recent fundraiser, Ruiz called half of Brekke’s supporters “deplorables.”")
    assert (c.speaker_name, c.cue, c.kind) == ("Ruiz", "called", "mixed")
    c = _one("Ruiz called the contempt citation and the demand for a public hearing a transparent political ploy.")
    assert c.cue == "called"


def test_a_second_verb_after_but_takes_the_first_noun_phrase():
    c = _one("The union's lawyers agreed, but also contended that she should not have to testify.")
    assert c.cue == "contended" and c.speaker_mention.endswith("lawyers")


def test_according_to_a_long_source_at_the_start():
    c = _one("According to conservative talk radio host Ola Brekke, the move reeks of “fear” and desperation.")
    assert (c.speaker_name, c.cue) == ("Ola Brekke", "according to")
    c = _one("According to a 52-count complaint filed by the harbour board and a second complaint by the county, "
             "the developers looted the fund.")
    assert c.speaker_mention == "a 52-count complaint" and c.cue == "according to"
    c = _one("According to Ola Brekke of the harbour board, the ferry will run.")
    assert c.speaker_name == "Ola Brekke"


def test_a_plain_text_title_with_a_colon():
    text = "Brekke: The ferry must run at night.\n\nThe harbour board met on Monday to discuss the timetable."
    c = claims(text)[0]
    assert (c.speaker_name, c.cue, c.end) == ("Brekke", ":", text.index("\n"))


def test_findings_with_a_relative_clause_in_the_subject():
    c = _one("A 2014 study that appeared in the Harbour Medical Journal found that the ferry diet didn't work.")
    assert (c.kind, c.cue) == ("document", "found")
    c = _one("The harbour tracking poll, which tracks support for the candidates daily, showed that Ruiz is leading.")
    assert (c.kind, c.cue) == ("document", "showed")


def test_inverted_speaker_with_descriptor_words_or_a_postmodifier():
    c = _one("“The rationales don’t hold weight. They are wrong,” said ferry widow Terry Strada.")
    assert (c.speaker_name, c.kind) == ("Terry Strada", "direct")
    text = "The refusal did not go over well, and the meeting deteriorated from there, said one source in the room."
    c = _one(text)
    assert c.speaker_mention == "one source in the room" and text[c.start:c.end].startswith("The refusal")
    (c,) = claims("Other unions, including the dockers, have also endorsed Ruiz in the race.")
    assert c.speaker_mention != "Ruiz in the race"


def test_a_trailing_attribution_before_a_participle_keeps_its_quotation():
    text = ('"I think she has to contrast. And start talking about the real issues. The people do not agree '
            'with Brekke," Ruiz said, suggesting a few questions.')
    said, sugg = claims(text)
    assert (said.cue, said.kind, said.start) == ("said", "direct", 0) and said.end == text.index(", suggesting")
    assert sugg.cue == "suggesting" and text[sugg.start:sugg.end].startswith("suggesting")
    text = "“The fares will rise,” the mayor said, adding that the ferry would still run."
    said, add = claims(text)
    assert text[said.start:said.end] == "“The fares will rise,” the mayor said"
    assert text[add.start:add.end].startswith("adding that")


def test_name_before_an_age_a_home_town_and_a_relative_clause():
    c = _one("Donna Rawlings, 59, of Ashton, Md., who watched the ceremony on a screen, said the event brought back memories.")
    assert c.speaker_name == "Donna Rawlings"
    c = _one("Schiff, 56, who has served on the committee for a decade, told the Ledger it is clear that the hackers were paid.")
    assert (c.speaker_name, c.cue) == ("Schiff", "told")


def test_many_of_whom_say():
    text = "This has not gone over well with family members of ferry victims, many of whom say the claims are unfounded."
    c = _one(text)
    assert c.speaker_mention == "family members of ferry victims" and text[c.start:c.end].startswith("many of whom say")


def test_a_paragraph_after_speaker_and_verb_with_a_colon_is_a_block_quote():
    text = ("“She is a disgrace,” he said.\n\nThe governor added:\n\nIt is typical of her. She knows nothing, but the "
            "mouth never stops.\n\nThe ferry left at noon.")
    c = [c for c in claims(text) if "typical" in text[c.start:c.end]][0]
    assert (c.speaker_mention, c.kind) == ("The governor", "indirect")
    assert text[c.start:c.end].endswith("never stops.")
    assert not any("ferry left" in text[c.start:c.end] for c in claims(text))


def test_a_title_quoting_after_its_colon():
    text = "A lesson from Ola Brekke: 'Be the voice that people hear.'\n\nThe vote is on Monday."
    (c,) = claims(text)
    assert (c.speaker_name, c.cue) == ("Ola Brekke", ":")
    text = "Ruiz on Ferries: The Fares Are ‘Terrifying.’\n\nThe vote is on Monday."
    (c,) = claims(text)
    assert (c.speaker_name, c.kind) == ("Ruiz", "mixed")
    assert claims("Ferry timetable: what changes on Monday\n\nThe vote is on Monday.") == []


def test_call_with_an_adjective_or_a_pronoun_and_a_noun_phrase():
    c = _one("The Ruiz campaign called the charges unsubstantiated and fabricated by former staff.")
    assert c.cue == "called" and c.speaker_mention == "The Ruiz campaign"
    c = _one("Critics would call them messianic impulses.")
    assert c.cue == "call"
    for s in ("Ruiz called her mother.", "Ruiz called it quits.", "Ruiz called them today.",
              "Ruiz called the local police."):
        assert claims(s) == [], s


def test_appeared_to_suggest_and_asked_how():
    text = "Ruiz drew criticism after Brekke appeared to suggest that ferry crews were weak."
    c = _one(text)
    assert (c.speaker_name, c.cue) == ("Brekke", "suggest")
    c = _one("A voter asked how Ruiz could win over young people.")
    assert (c.speaker_mention, c.cue) == ("A voter", "asked")
    assert claims("Ruiz wants to say that the ferry is fine.") == []


def test_speech_nouns_with_a_lower_case_owner_a_source_after_from_or_a_to_infinitive():
    text = "Video shows that the man had his hands up, contradicting Harbour police’s earlier claim that he had refused."
    c = [c for c in claims(text) if c.cue == "claim"][0]
    assert c.speaker_mention == "Harbour police" and text[c.start:c.end].startswith("Harbour police’s earlier claim")
    text = "The vote went ahead despite repeated warnings from his attorney that the showdown was fruitless."
    (c,) = claims(text)
    assert (c.speaker_mention, c.cue) == ("his attorney", "warnings")
    text = "Her promises to cut the fares notwithstanding, analysts agree the rich would gain most."
    (c,) = claims(text)
    assert c.cue == "promises" and c.speaker_mention == "she"


def test_went_on_to_and_continued_to_before_a_speech_verb():
    c = _one("Ham went on to explain how cuts to the ferry budget left the crews stranded.")
    assert (c.speaker_name, c.cue) == ("Ham", "explain")
    c = _one("Small groups of protesters continued to call for more information about the sinking.")
    assert (c.speaker_mention, c.cue) == ("Small groups of protesters", "call for")
    assert claims("Ruiz continued to say nothing.") == []


def test_agree_that_rate_as_and_a_subject_with_a_bare_relative_clause():
    c = _one("Only 52 percent of registered voters agreed that Ruiz is in good health.")
    assert (c.speaker_mention, c.cue) == ("Only 52 percent of registered voters", "agreed")
    assert claims("The board agreed to sell the ferry.") == []
    c = _one("The Ledger fact-checkers rated 32% of the mayor's claims as “false” or “pants on fire.”")
    assert c.cue == "rated"
    c = _one("In the mayor's favor, all the experts I interviewed said her proposals were more detailed.")
    assert c.speaker_mention == "all the experts"


def test_rail_against_link_compare_paint_advocate():
    for sentence, cue in (("Ruiz has railed against the special provisions that pock the tax code.", "railed against"),
                          ("Brekke repeatedly linked the ferry outage to the board's private server.", "linked"),
                          ("Ruiz compares his struggles to those of the former mayor.", "compares"),
                          ("Ruiz effectively painted Brekke as an out-of-touch rich guy.", "painted"),
                          ("The union advocates equal pay for all crews.", "advocates")):
        c = _one(sentence)
        assert c.cue == cue, sentence
    for s in ("The link was broken.", "They painted the ferry blue.", "The advocates met on Monday."):
        assert claims(s) == [], s


def test_a_pronoun_contracted_with_be_before_a_speech_verb():
    text = "Ruiz spoke in the harbour on Monday. She’s claiming that the ferry is “a big, big problem.”"
    c = [c for c in claims(text) if c.cue == "claiming"][0]
    assert (c.speaker_mention, c.kind) == ("She", "mixed")
    assert claims("Brekke’s saying is famous.") == []


def test_found_that_by_a_person_or_body_and_findings_of_slides():
    c = _one("The Harbour Observer found that 1 in 4 residents lived in distressed neighborhoods.")
    assert (c.speaker_mention, c.cue) == ("The Harbour Observer", "found")
    c = _one("While a federal judge found that action unconstitutional, his decision was overturned.")
    assert c.cue == "found"
    assert claims("She found the keys on the table.") == []
    (c,) = claims("A 2019 study found that river towns lost a third of their clinics.")
    assert c.kind == "document"
    c = _one("Another slide shows that eight of 10 ferries are built abroad.")
    assert (c.kind, c.cue) == ("document", "shows")


def test_an_attribution_opening_with_as():
    text = ("As Ola Brekke, a tax lawyer at the harbour board, recently put it, ''Did Ruiz lower his taxes "
            "through legal avoidance?''")
    c = _one(text)
    assert (c.speaker_name, c.cue, c.start) == ("Ola Brekke", "put it", 0)
    (c,) = claims("As Ruiz said in 2008, the harbour is the heart of the town.")
    assert (c.speaker_name, c.cue, c.start) == ("Ruiz", "said", 0)
    c = _one("As stated in Brekke's commentary, there are conflicting stories about the ferry.")
    assert c.speaker_mention == "Brekke's commentary"
    assert claims("As the ferry left, the crowd cheered.") == []


def test_a_leading_participle_takes_the_main_clause_subject():
    (c,) = claims("After saying that the ferry was late, Ruiz left the harbour.")
    assert (c.speaker_name, c.cue) == ("Ruiz", "saying")
    assert claims("After saying goodbye, Ruiz left.") == []


def test_which_after_an_institution_and_a_participle_after_a_leading_adverbial():
    text = "They turned to the Harbour Police Department which reported “2,521 shooting incidents” in the city."
    c = _one(text)
    assert c.speaker_mention == "the Harbour Police Department" and text[c.start:c.end].startswith("which reported")
    assert claims("The crates which reported nothing sat there.") == []
    text = ("In August, several environmental groups granted Ruiz an extension on a court order, saying his "
            "\"start-up capital was less than expected.\"")
    c = _one(text)
    assert (c.speaker_mention, c.cue) == ("several environmental groups", "saying")


def test_began_by_saying_after_a_name_and_its_description():
    text = "Brekke, a medical doctor, then appeared on television and began by saying he would “never” diagnose anyone on TV."
    c = _one(text)
    assert (c.speaker_name, c.cue) == ("Brekke", "saying")


def test_sung_chanted_and_read_words_in_quotation_marks():
    c = _one("Protesters marched through the streets, chanting \"Hands up, don't shoot.\"")
    assert (c.speaker_mention, c.cue) == ("Protesters", "chanting")
    c = _one("The letter reads: “From the harbour to the hills, we see the ferries thriving.”")
    assert (c.cue, c.kind) == ("reads", "direct")
    for s in ("He read the book on the ferry.", "She sang in the choir."):
        assert claims(s) == [], s


def test_a_most_read_box_is_page_furniture():
    text = ("The ferry board met on Monday.\n\nMost read: “We counted every name,” says harbour commissioner · "
            "Dam deal explained\n\nThe vote is on Friday.")
    assert not any("Most read" in text[c.start:c.end] for c in claims(text))

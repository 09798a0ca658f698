"""Attribution forms of everyday news writing (sentences of our own writing)."""
from extracting import claims

from provenance.segment import segment


def sentences(text):
    return [text[s.start:s.end] for s in segment(text).segments.sentences]


def test_doubled_apostrophe_quote_before_an_inverted_attribution():
    text = "''The ferry rules are a mess,'' said Ola Brekke, the head of the harbour board."
    (c,) = claims(text)
    assert (c.kind, c.speaker_name, c.quote) == ("direct", "Ola Brekke", "The ferry rules are a mess,")


def test_party_label_in_brackets_after_a_name():
    (c,) = claims("“The levy will hurt farmers,” Rep. Dana Ruiz (D-Ore.) said Friday.")
    assert (c.kind, c.speaker_name, c.speaker_mention) == ("direct", "Dana Ruiz", "Rep. Dana Ruiz")
    text = "The levy could pass this year, Sen. Tom Hale (R-Utah) told reporters on Thursday."
    (c,) = claims(text)
    assert c.speaker_name == "Tom Hale" and text[c.start:c.end].startswith("The levy could pass")


def test_bracketed_words_that_are_no_label_do_not_make_a_speaker():
    # a bracket after a lower-case word is an aside of the article, not a label of a name
    assert all(c.speaker_name != "the plan" for c in claims("Most of the plan (about two thirds) said nothing new."))


def test_question_closing_a_quote_stays_with_its_trailing_attribution():
    text = "“Why must the ferry stop at night?” Ola Brekke asked. “Who pays for it?” Sen. Dana Ruiz (D-Ore.) said."
    assert sentences(text) == ["“Why must the ferry stop at night?” Ola Brekke asked.",
                               "“Who pays for it?” Sen. Dana Ruiz (D-Ore.) said."]
    cs = claims("“How often must this happen?” Dana Ruiz said. “In Salem, a man with his hands up.”")
    assert len(cs) == 1 and cs[0].kind == "direct" and cs[0].speaker_name == "Dana Ruiz"
    assert "In Salem" in cs[0].quote and "How often" in cs[0].quote


def test_question_followed_by_a_new_sentence_still_splits():
    text = "“Is it over?” The answer came quickly. “Who pays?” Nobody knew."
    assert sentences(text) == ["“Is it over?”", "The answer came quickly.", "“Who pays?”", "Nobody knew."]


def test_ask_is_a_cue_with_a_quotation_a_question_or_a_request():
    (c,) = claims("“Who will pay for the new ferry?” Ola Brekke asked.")
    assert (c.kind, c.cue, c.speaker_name) == ("direct", "asked", "Ola Brekke")
    (c,) = claims("Ola Brekke asked the council to delay the vote.")  # a request, like 'urged': a speech act
    assert (c.cue, c.speaker_name) == ("asked", "Ola Brekke")
    assert claims("Ola Brekke asked about the ferry schedule on Monday.") == []


def test_quotation_credited_after_a_dash():
    text = ("Voices from the island.\n\n“The ferry must run at night, or the island dies.” ― Ola Brekke\n\n"
            "“We waited three hours for a boat that never came.”— Dana M. Ruiz.\n")
    a, b = claims(text)
    assert (a.kind, a.rule, a.speaker_name) == ("direct", "direct.dash", "Ola Brekke")
    assert a.quote == "The ferry must run at night, or the island dies."
    assert b.speaker_name == "Dana M. Ruiz" and b.speaker_mention == "Dana M. Ruiz"


def test_no_dash_credit_without_a_name_after_the_dash():
    assert claims("“It was a long day at the harbour.” ― September 2019\n") == []
    assert claims("“A quote with a tail of its own” — said nobody at all\n") == []
    assert claims("The ferry ran late again ― Ola Brekke\n") == []  # no quotation


def test_title_case_title_with_a_final_stop_is_read_as_a_heading():
    (c,) = claims("Harbour Could Reopen in May, Mayor Ola Brekke Says.\n\nThe ferry ran late again on Monday.\n")
    assert (c.cue, c.speaker_name) == ("says", "Ola Brekke")
    assert c.start == 0 and c.end <= 52
    # a sentence-case line with a stop stays a sentence: its 'votes' is no speech verb either way
    assert claims("Harbour board votes to close the pier.\n\nThe ferry ran late again on Monday.\n") == []


def test_title_crediting_its_words_with_a_colon():
    (c,) = claims("Mayor Ola Brekke: ‘The Harbour Will Reopen in May.’\n\nThe ferry ran late again on Monday.\n")
    assert (c.rule, c.kind, c.speaker_name) == ("heading.colon", "direct", "Ola Brekke")
    (c,) = claims("Brekke: Ferry Must Run at Night, Island Needs It\n\nOla Brekke spoke in Salem on Monday.\n")
    assert c.rule == "heading.colon" and c.speaker_name == "Ola Brekke"


def test_no_colon_claim_from_a_section_label_or_a_subhead():
    assert claims("Opinion: The Ferry Must Run at Night\n\nThe ferry ran late again on Monday.\n") == []
    assert claims("WATCH: The Night Ferry Leaves Salem\n\nThe ferry ran late again on Monday.\n") == []
    text = "Night Ferry Returns\n\nThe ferry ran late again on Monday.\n\nBrekke: Island Needs It\n\nMore boats came.\n"
    assert claims(text) == []


def test_according_to_with_compound_words_and_bare_plurals():
    text = "Fares would rise by 9.5 percent, according to the business-friendly Harbour Council, twice the old rate."
    (c,) = claims(text)
    assert c.cue == "according to" and c.speaker_name.endswith("Harbour Council")
    (c,) = claims("The mayor and the governor are tied, according to a new Ledger-KTV News poll.")
    assert c.speaker_mention == "a new Ledger-KTV News poll"
    (c,) = claims("According to exit polls, the mayor led among older voters in 2019.")
    assert c.speaker_mention == "exit polls"
    assert claims("According to custom, the ferry leaves at noon.") == []  # a bare noun that is no source


def test_continue_is_a_cue_with_a_quotation_only():
    (c,) = claims("Limbaugh continued: “They are demanding this, and they are pressing the host.”")
    assert (c.kind, c.cue, c.speaker_name) == ("direct", "continued", "Limbaugh")
    assert claims("The talks continued on Friday in Salem.") == []
    assert claims("The ferry continued to run late all week.") == []


def test_transcript_turns_credit_the_speaker_in_capitals():
    text = ("Harbour Debate Ends\n\nOla Brekke spoke to Dana Ruiz on Sunday.\n\n"
            "“RUIZ: If I may, because we have little time. Will the ferry run at night?\n\n"
            "“BREKKE: Well, look, the board thinks this is a game. But this is serious business.\n")
    a, b = [c for c in claims(text) if c.rule == "direct.transcript"]
    assert (a.speaker_name, a.kind) == ("Dana Ruiz", "direct") and a.quote.startswith("If I may")
    assert b.speaker_name == "Ola Brekke" and b.quote.startswith("Well, look")


def test_no_transcript_turn_from_a_label_or_a_short_line():
    assert claims("Ferry News\n\nUPDATE: The ferry resumed service at noon on Monday.\n") == []
    assert claims("Ferry News\n\nNOTE: see below.\n") == []


def test_speech_verb_in_ing_after_a_preposition():
    (c,) = claims("Ruiz ended the debate on Tuesday by saying the ferry was a manufactured issue.")
    assert (c.cue, c.speaker_name) == ("saying", "Ruiz")
    (c,) = claims("Brekke was fined for his role in the pier deal and for claiming that the old ferry was safe.")
    assert (c.cue, c.speaker_name) == ("claiming", "Brekke")
    assert claims("Ruiz left the hall without saying a word.") == []
    text = "The mayor said the pier was safe after saying for weeks that it was not."
    assert [c.cue for c in claims(text)] == ["said"]  # the later cue lies inside the first one's content


def test_outlet_quoted_someone_as_saying():
    text = "The Associated Press quoted a senior port official as saying that the talks had failed."
    (c,) = claims(text)
    assert (c.cue, c.speaker_name, c.via) == ("saying", "a senior port official", ("AP",))
    assert claims("She was quoted as saying nothing.") == []
    assert claims("He is known as saying little at meetings.") == []

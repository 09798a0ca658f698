from provenance.segment import segment


def sents(text):
    sg = segment(text)
    return [text[s.start:s.end] for s in sg.segments.sentences]


def test_abbreviations_do_not_split():
    t = "Dr. Anna Kowal met U.S. envoys on Jan. 5 in St. Louis. She left early."
    assert sents(t) == ["Dr. Anna Kowal met U.S. envoys on Jan. 5 in St. Louis.", "She left early."]


def test_initials_and_decimals():
    t = "John Q. Public paid 3.5 million. Nobody objected."
    assert sents(t) == ["John Q. Public paid 3.5 million.", "Nobody objected."]


def test_multi_dot_abbreviation_before_new_sentence():
    t = "The aid came from the U.S. The talks resumed."
    assert sents(t) == ["The aid came from the U.S.", "The talks resumed."]


def test_quote_ends_sentence():
    t = "“We will not move,” the mayor said. “Never.” Then she left."
    assert sents(t) == ["“We will not move,” the mayor said.", "“Never.”", "Then she left."]


def test_question_inside_quote_followed_by_cue_is_one_sentence():
    t = "“Who pays?” he asked. Nobody knew."
    assert sents(t) == ["“Who pays?” he asked.", "Nobody knew."]


def test_bullets_and_numbered_items_are_own_units():
    t = "The plan:\n• Troops leave the zone.\n- Elections follow.\n* Aid resumes\n2. Prisoners are swapped."
    sg = segment(t)
    kinds = [b.kind for b in sg.blocks]
    assert kinds[1:] == ["bullet"] * 4
    bodies = [t[b.body_start:b.end] for b in sg.blocks[1:]]
    assert bodies == ["Troops leave the zone.", "Elections follow.", "Aid resumes", "Prisoners are swapped."]
    assert all(t[s.start] not in "•-*" for s in sg.segments.sentences)


def test_offsets_and_paragraph_indexes():
    t = "First one. Second one.\nThird one."
    sg = segment(t)
    assert [(s.paragraph, t[s.start:s.end]) for s in sg.segments.sentences] == [
        (0, "First one."), (0, "Second one."), (1, "Third one.")]
    assert [p.index for p in sg.segments.paragraphs] == [0, 1]


def test_heading_detected():
    sg = segment("Mayor Rejects Budget Cuts\nThe mayor spoke on Monday.")
    assert [b.kind for b in sg.blocks] == ["heading", "text"]

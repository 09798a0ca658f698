from provenance.attribute.quotes import find_quotes, mask_quotes
from provenance.attribute.relay import find_relays, vias
from provenance.segment import segment


def quotes(text):
    sg = segment(text)
    scan = find_quotes(text, sg.segments.paragraphs)
    return [(text[q.start:q.end], q.closed) for q in scan.quotes], scan.issues


def test_curly_straight_and_single_quotes_pair():
    qs, issues = quotes('He said “yes” and "no" and ‘maybe’ today.')
    assert [q for q, _ in qs] == ["“yes”", '"no"', "‘maybe’"]
    assert issues == ()


def test_apostrophes_are_not_quotes():
    qs, _ = quotes("The council’s vote and the mayors’ plan were ‘final’, she said.")
    assert [q for q, _ in qs] == ["‘final’"]


def test_mixed_curly_open_straight_close():
    qs, _ = quotes('“We have not seen it," Varga said.')
    assert qs == [('“We have not seen it,"', True)]


def test_multi_paragraph_quote_continues():
    t = "“The first part goes on.\n“And the second part ends here,” Lind said."
    sg = segment(t)
    scan = find_quotes(t, sg.segments.paragraphs)
    assert len(scan.quotes) == 2
    assert scan.quotes[0].group == scan.quotes[1].group
    assert scan.issues == ()


def test_unbalanced_quote_reported_not_raised():
    t = "He called it “a disaster and left.\nNext paragraph here."
    sg = segment(t)
    scan = find_quotes(t, sg.segments.paragraphs)
    assert scan.quotes[0].closed is False
    assert scan.quotes[0].end == sg.segments.paragraphs[0].end
    assert any("unclosed" in i for i in scan.issues)


def test_mask_keeps_offsets():
    t = "A “b c” d"
    sg = segment(t)
    m = mask_quotes(t, find_quotes(t, sg.segments.paragraphs).quotes)
    assert len(m) == len(t) and m == "A “   ” d"


def test_relays_in_text_order_and_canonical():
    s = "The memo, released by Bloomberg News and reviewed by the Associated Press, was short."
    assert vias(find_relays(s, 0, len(s))) == ("Bloomberg", "AP")


def test_told_outlet_and_report_reference():
    s = "An aide told Reuters the vote slipped, per the report."
    rels = find_relays(s, 0, len(s), last_reporter="AFP")
    assert [(r.outlet, r.mode) for r in rels] == [("Reuters", "told"), ("AFP", "ref")]


def test_outlet_as_reporter():
    s = "Talks stalled again, the Financial Times reported."
    assert vias(find_relays(s, 0, len(s))) == ("Financial Times",)

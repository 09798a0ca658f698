"""Quotation marks of other conventions (sentences of our own writing)."""
from provenance.attribute.quotes import find_quotes
from provenance.extract import extract_claims
from provenance.records import Article
from provenance.segment import segment


def inner(text):
    return [text[q.inner_start:q.inner_end] for q in find_quotes(text, segment(text).segments.paragraphs).quotes]


def claims(text):
    return extract_claims(Article(path="t.txt", text=text, sha256="x"))


def test_quote_pairs_of_other_conventions():
    assert inner("''The pass is shut,'' Irma Kolar said.") == ["The pass is shut,"]
    assert inner("She called it „a disgrace“ on Monday.") == ["a disgrace"]
    assert inner("«Nous restons», a-t-il dit.") == ["Nous restons"]
    assert inner("The dockers'' union met.") == []  # two apostrophes inside a word are no quote mark


def test_claims_with_guillemets_and_doubled_apostrophes():
    (c,) = claims("«The pass is shut», Irma Kolar told reporters.")
    assert (c.kind, c.speaker_name, c.quote) == ("direct", "Irma Kolar", "The pass is shut")
    (c,) = claims("''The pass is shut,'' Irma Kolar said.")
    assert c.kind == "direct" and c.speaker_name == "Irma Kolar"
    assert claims("Home » World » Europe") == []  # a breadcrumb stays furniture

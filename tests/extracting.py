"""Shared by the extraction and resolution tests: the claims of a text of our own."""
from provenance.extract import extract_claims
from provenance.records import Article


def claims(text):
    return extract_claims(Article(path="t.txt", text=text, sha256="x"))


def one(text, evidence):
    """The first claim whose span holds `evidence`."""
    cs = [c for c in claims(text) if evidence in text[c.start:c.end]]
    assert cs, f"no claim containing {evidence!r}"
    return cs[0]

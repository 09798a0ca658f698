"""Property test over generated articles up to 50 KB (hypothesis).

Articles are built from paragraphs of news-like sentences (names, titles,
roles, pronouns, quotes of every kind, relays, dashes, capitals, kept dots),
repeated up to 50 KB.  For each: extraction raises nothing, every claim's
offsets slice back to its text inside the article, and the same input gives
the same claims.  `make test` runs a bounded number of examples; `make fuzz`
(FUZZ_EXAMPLES=N) runs many more and prints the worst extraction time per KB
it saw (recorded in SECURITY.md).
"""
from __future__ import annotations

import os
import time

from hypothesis import HealthCheck, given, settings, strategies as st

from provenance.extract import extract_claims
from provenance.ingest.normalize import normalize_text, sha256_text
from provenance.records import Article

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
MAX_BYTES = 50_000

NAMES = ["Ilse Varga", "Mr. Holm", "Varga", "Dr. J. R. Okafor", "Pieter van Dam", "the minister", "the ministry",
         "Nordland's Defence Ministry", "the General Staff", "Moscow", "Kyiv", "the Kremlin", "Reuters",
         "a senior official", "officials", "He", "She", "It", "They", "AAAAAAAAAAAA", "Gen. Lind", "the president"]
VERBS = ["said", "says", "told reporters", "added", "denied", "claimed", "wrote", "warned", "told the president"]
BITS = ['"', "“", "”", "«", "»", "„", "''", "'", " — ", "-", "/", ". ", ", ", "Mr. ", "U.S. ", "Jan. ", "\n",
        "according to AFP", "the plan", "3,000", "50%", "A", "x", " ", "(", ")", "‘", "’", "…"]

sentence = st.one_of(
    st.builds(lambda n, v, q: f"{n} {v} {q}.", st.sampled_from(NAMES), st.sampled_from(VERBS),
              st.text(st.sampled_from("abcdefgh ABC.,"), max_size=40)),
    st.builds(lambda q, n, v: f"“{q},” {n} {v}.", st.text(st.sampled_from("abcdef ghij,."), max_size=40),
              st.sampled_from(NAMES), st.sampled_from(VERBS)),
    st.lists(st.sampled_from(BITS + NAMES + VERBS), max_size=30).map(" ".join),
    st.text(max_size=30),
)
paragraph = st.lists(sentence, min_size=1, max_size=8).map(" ".join)
article_text = st.builds(
    lambda paras, times: ("\n".join(paras) * times)[:MAX_BYTES],
    st.lists(paragraph, min_size=1, max_size=12),
    st.integers(min_value=1, max_value=400),
)

WORST = {"s_per_kb": 0.0, "kb": 0.0}


def _claims(text: str):
    return extract_claims(Article(path="fuzz.txt", text=text, sha256=sha256_text(text)))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=EXAMPLES <= 25)
@given(article_text)
def test_generated_articles_extract_cleanly_with_exact_offsets_and_deterministically(raw):
    text = normalize_text(raw)
    t = time.perf_counter()
    first = _claims(text)
    took = time.perf_counter() - t
    kb = max(len(text.encode("utf-8")) / 1000, 1.0)
    if kb >= 4 and took / kb > WORST["s_per_kb"]:  # below a few KB the fixed cost per article dominates
        WORST.update(s_per_kb=took / kb, kb=kb)
    for c in first:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end].strip()
        for part in (c.quote or "").split("…"):  # fragments of one statement are joined with an ellipsis
            assert part.strip("“”\"'‘’«»„ ") in text
    assert _claims(text) == first


def teardown_module(module):
    if os.environ.get("FUZZ_EXAMPLES"):
        print(f"\nfuzz: {EXAMPLES} articles, worst extraction time {WORST['s_per_kb'] * 1000:.1f} ms/KB "
              f"(on {WORST['kb']:.1f} KB)")

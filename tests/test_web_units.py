"""The pieces of the newsroom view that are plain functions: marking claim
spans in a text, a finding's sides, the claims-per-day chart, URLs."""
from __future__ import annotations

from provenance.web.chart import day_chart
from provenance.web.http import safe_url
from provenance.web.marks import marked
from provenance.web.review import sides_of

TEXT = ("The mayor said the bridge would open in May. Residents doubt it.\n"
        "Photo: Lena Ruiz\n"
        "\"It is a matter of weeks,\" the engineer told the council, adding that steel was late.")


def claim(uid: str, sub: str, nth: int = 0, kind: str = "direct") -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return {"claim_id": uid, "start": start, "end": start + len(sub), "kind": kind, "cue": "said",
            "speaker": {"name": "X", "mention": None}}


def flatten(paras) -> list[str]:
    return ["".join(p.text for p in para) for para in paras]


def test_pieces_cover_the_text_and_start_each_claim_once():
    outer = claim("outer", "\"It is a matter of weeks,\" the engineer told the council, adding that steel was late.")
    inner = claim("inner", "It is a matter of weeks")
    overlap = claim("overlap", "the council, adding")
    first = claim("first", "The mayor said the bridge would open in May.")
    paras = marked(TEXT, [outer, inner, overlap, first])
    assert flatten(paras) == ["The mayor said the bridge would open in May. Residents doubt it.",
                              "\"It is a matter of weeks,\" the engineer told the council, adding that steel was late."]
    starts = [uid for para in paras for p in para for uid in p.starts]
    assert sorted(starts) == ["first", "inner", "outer", "overlap"]
    inner_piece = next(p for p in paras[1] if p.text == "It is a matter of weeks")
    assert [c["claim_id"] for c in inner_piece.claims] == ["outer", "inner"]  # outermost first
    tail = next(p for p in paras[1] if p.text.startswith(" that steel"))
    assert [c["claim_id"] for c in tail.claims] == ["outer"]


def test_furniture_without_claims_is_left_out_but_a_claim_keeps_its_line():
    assert "Photo: Lena Ruiz" not in flatten(marked(TEXT, []))
    kept = flatten(marked(TEXT, [claim("c", "Lena Ruiz")]))
    assert "Photo: Lena Ruiz" in kept


def test_a_claim_over_a_paragraph_break_starts_once_and_bad_spans_are_dropped():
    across = {"claim_id": "across", "start": TEXT.index("Residents"), "end": TEXT.index("It is") + 5,
              "kind": "mixed", "cue": ":", "speaker": {"name": None, "mention": None}}
    empty = {**across, "claim_id": "empty", "start": 10, "end": 10}
    beyond = {**across, "claim_id": "beyond", "start": len(TEXT) + 5, "end": len(TEXT) + 9}
    paras = marked(TEXT, [across, empty, beyond])
    starts = [uid for para in paras for p in para for uid in p.starts]
    assert starts == ["across"]
    covered = {c["claim_id"] for para in paras for p in para for c in p.claims}
    assert covered == {"across"}


def test_window_keeps_the_claims_paragraph_only():
    c = claim("w", "the engineer told the council")
    assert flatten(marked(TEXT, [c], (c["start"], c["end"]))) == [TEXT.split("\n")[2]]


def test_sides_from_the_record_when_it_has_them():
    x = {"members": [{"claim": "a", "value": "60%", "speaker": "Vera Dam"}, {"claim": "b", "value": "50%"}],
         "sides": [{"party": "North", "assertion": "holds the dam", "claims": ["a"]},
                   {"party": "South", "assertion": "holds the dam", "claims": [{"claim_id": "b", "speaker": "Y"}]}]}
    sides = sides_of(x)
    assert [(s["party"], [c["claim"] for c in s["claims"]]) for s in sides] == [("North", ["a"]), ("South", ["b"])]
    assert sides[0]["claims"][0]["speaker"] == "Vera Dam"  # a bare uid gets its member's details
    assert sides[1]["claims"][0]["speaker"] == "Y"


def test_sides_grouped_by_value_otherwise():
    x = {"members": [{"claim": "a", "value": "600,000"}, {"claim": "b", "value": "800,000"},
                     {"claim": "c", "value": "600,000 "}]}
    sides = sides_of(x)
    assert [(s["assertion"].strip(), [c["claim"] for c in s["claims"]]) for s in sides] == [
        ("600,000", ["a", "c"]), ("800,000", ["b"])]


def test_day_chart_stacks_outlets_per_day():
    rows = [{"day": "2025-05-01", "outlet": "Wire A", "claims": 4}, {"day": "2025-05-01", "outlet": "Paper B", "claims": 2},
            {"day": "2025-05-03", "outlet": "Wire A", "claims": 1}, {"day": "bad", "outlet": "Wire A", "claims": 9}]
    chart = day_chart([r for r in rows if r["day"] != "bad"])
    assert chart["peak"] == 6 and chart["first"] == "2025-05-01" and chart["last"] == "2025-05-03"
    day1 = [b for b in chart["bars"] if b["title"].startswith("2025-05-01")]
    assert len(day1) == 2 and abs(sum(b["h"] for b in day1) - (chart["height"] - 2 * chart["pad"])) < 0.01
    assert abs(day1[0]["h"] - 2 * day1[1]["h"]) < 0.02  # Wire A (4) under Paper B (2)
    assert [entry["outlet"] for entry in chart["legend"]] == ["Wire A", "Paper B"]
    assert day_chart([]) is None


def test_only_web_urls_become_links():
    assert safe_url("https://news.example/a?b=1") == "https://news.example/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "", None, "//x"):
        assert safe_url(bad) is None

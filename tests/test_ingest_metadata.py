"""Article metadata inferred from the text: outlets (listed or not), datelines,
publication dates, bylines and headlines.  Every fixture here is written for
this file (invented outlets and events)."""
from __future__ import annotations

from pathlib import Path

import pytest

from provenance.ingest import read_article
from provenance.ingest.datelines import parse_dateline
from provenance.ingest.publisher import copyright_name, masthead_name, staff_name
from provenance.ingest.text import reads_as_headline, text_metadata

ROOT = Path(__file__).resolve().parent.parent


def article(tmp_path: Path, text: str, name: str = "a.txt", **sidecar):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    if sidecar:
        import json

        (tmp_path / (name + ".meta.json")).write_text(json.dumps(sidecar), encoding="utf-8")
    return read_article(p)


def origins(a) -> dict[str, str]:
    return dict(a.meta_origin)


LEDE = ("The water board said on Monday that the reservoir had dropped to its lowest level in a decade, "
        "and that hosepipe restrictions would follow within days.\n"
        "Farmers in the valley said they had already cut back on irrigation.\n")


# --- outlets not in outlets.json ---------------------------------------------------

def test_unlisted_outlet_from_copyright_line(tmp_path):
    a = article(tmp_path, "Reservoir falls to ten-year low\n" + LEDE + "© 2025 The Fenwick Courier. All rights reserved.\n")
    assert (a.outlet, origins(a)["outlet"]) == ("The Fenwick Courier", "copyright")
    assert a.title == "Reservoir falls to ten-year low"


@pytest.mark.parametrize("line, name", [
    ("© 2025 The Fenwick Courier. All rights reserved.", "The Fenwick Courier"),
    ("Copyright 2019-2025 Lakeside Media Ltd", "Lakeside Media"),
    ("(c) Harbour Ledger 2024", "Harbour Ledger"),
    ("Copyright © Northgate Echo | Terms | Privacy", "Northgate Echo"),
    ("© 2025 Thomson Reuters", "Reuters"),
    ("Copyright 2025 The Associated Press. All rights reserved.", "AP"),
])
def test_copyright_holder(line, name):
    assert copyright_name(line) == name


@pytest.mark.parametrize("line", [
    "The song, © 1999 by its writers, was played at the rally.",  # not a copyright line
    "© 2025 Jane Roe/Reuters",  # a photo credit
    "©",
    "Copyright law was changed in 2019, the minister said, after a long campaign by authors.",
])
def test_not_a_copyright_holder(line):
    assert copyright_name(line) is None


def test_masthead_in_capitals_with_section_labels(tmp_path):
    a = article(tmp_path, "THE KESTREL HERALD\nNews | Region | Water\n\nReservoir falls to ten-year low\n"
                "By Owen Pryce\n" + LEDE)
    assert (a.outlet, origins(a)["outlet"]) == ("The Kestrel Herald", "masthead")
    assert (a.title, a.author) == ("Reservoir falls to ten-year low", "Owen Pryce")


def test_masthead_named_again_in_the_text(tmp_path):
    a = article(tmp_path, "THE MORNING LANTERN\nReservoir falls to ten-year low\n" + LEDE
                + "A letter seen by the Morning Lantern shows the board was warned in May.\n")
    assert a.outlet == "The Morning Lantern" and a.title == "Reservoir falls to ten-year low"


@pytest.mark.parametrize("line, rest, name", [
    ("Lakeside Chronicle", "Text.", "Lakeside Chronicle"),
    ("THE KESTREL HERALD", "Text.", "The Kestrel Herald"),
    ("BBC NEWS", "Text.", "BBC"),
    ("Reservoir Falls", "The reservoir falls quickly.", None),  # a short headline, not a masthead
    ("PORT STRIKE ENDS", "The port strike ends today.", None),  # capitals, but not named again as a name
    ("FREE TOOL", "Text.", None),
    ("BREAKING NEWS", "Text.", None),  # a banner made of section labels
    ("World News", "Text.", None),
    ("Published 21 November 2025", "Text.", None),
])
def test_masthead_line(line, rest, name):
    assert masthead_name(line, rest) == name


def test_masthead_only_at_the_very_top(tmp_path):
    a = article(tmp_path, "Reservoir falls to ten-year low\n" + LEDE + "Lakeside Chronicle\nMore stories\n"
                "Anglers said the lake was the emptiest they could remember and that the fish were struggling.\n"
                "The board will meet again next week.\nIts chair declined to comment.\n"
                "Rain is forecast for the weekend.\nThe restrictions start on Friday.\nMore to follow.\n")
    assert a.outlet is None


@pytest.mark.parametrize("line, name", [
    ("By Riverside Courier staff", "Riverside Courier"),
    ("Guardian staff and agencies", "The Guardian"),
    ("Reuters Staff", "Reuters"),
    ("The staff were sent home early.", None),
    ("Hospital staff", None),
])
def test_staff_credit(line, name):
    assert staff_name(line) == name


def test_staff_credit_names_the_outlet_and_is_not_the_title(tmp_path):
    a = article(tmp_path, "By Riverside Courier staff\nReservoir falls to ten-year low\n" + LEDE)
    assert (a.outlet, a.author, a.title) == ("Riverside Courier", None, "Reservoir falls to ten-year low")


# --- datelines ----------------------------------------------------------------------

@pytest.mark.parametrize("line, agency, day", [
    ("TBILISI, Dec 12 (Reuters) - The mayor said", "Reuters", "2025-12-12"),
    ("LISBON, Feb 3, 2026 (Reuters) - Shares fell", "Reuters", "2026-02-03"),
    ("Nairobi, 12 December 2024 (AFP) - Rain fell", "AFP", "2024-12-12"),
    ("Nairobi (AFP) – March 2, 2026", "AFP", "2026-03-02"),
    ("Nairobi (AFP) – 2 March 2026 – Rain fell", "AFP", "2026-03-02"),
    ("ST. LOUIS (AP) — Lawmakers met", "AP", None),
    ("MOMBASA, Kenya, May 5 (Reuters) - Ships", "Reuters", "2025-05-05"),
    ("HAMBURG (dpa) - Dock workers", "dpa", None),
])
def test_dateline_forms(line, agency, day):
    d = parse_dateline(line, year=2025)
    assert d is not None and (d.agency, d.published) == (agency, day)


def test_dateline_without_agency():
    d = parse_dateline("OSLO — The government said on Monday it would sell the stake.")
    assert d is not None and d.place == "OSLO" and d.agency is None and d.published is None


@pytest.mark.parametrize("line", [
    "Officials told Reuters - off the record - that the deal was close.",
    "The deal (Reuters reported) was close.",
    "Talks in Geneva - what comes next",
    "Nairobi (i.e. the capital) - rain fell",
])
def test_not_a_dateline(line):
    d = parse_dateline(line, year=2025)
    assert d is None or d.agency is None


def test_agency_dateline_is_the_outlet_only_without_better_evidence(tmp_path):
    body = "Ferry link restored\nNairobi (AFP) – March 2, 2026\n" + LEDE
    a = article(tmp_path, body)
    assert (a.outlet, a.published, origins(a)["outlet"]) == ("AFP", "2026-03-02", "dateline")
    a = article(tmp_path, body + "© 2026 The Fenwick Courier\n", "b.txt")
    assert a.outlet == "The Fenwick Courier" and a.published == "2026-03-02"
    a = article(tmp_path, body, "c.txt", outlet="Lakeside Chronicle")
    assert (a.outlet, origins(a)["outlet"]) == ("Lakeside Chronicle", "sidecar")


def test_site_metadata_beats_an_agency_dateline_in_html(tmp_path):
    page = ("<html><head><title>Ferry link restored</title>"
            "<meta property='og:site_name' content='Lakeside Chronicle'></head><body><article>"
            "<h1>Ferry link restored</h1><p>MOMBASA, Kenya, May 5, 2026 (Reuters) - The ferry across the "
            "creek ran again on Tuesday after a week of repairs, the operator said.</p></article>"
            "<footer><p>© 2026 Lakeside Media Group. All rights reserved.</p></footer></body></html>")
    a = article(tmp_path, page, "p.html")
    assert (a.outlet, origins(a)["outlet"]) == ("Lakeside Chronicle", "meta")
    a = article(tmp_path, page.replace("<meta property='og:site_name' content='Lakeside Chronicle'>", ""), "q.html")
    assert (a.outlet, origins(a)["outlet"]) == ("Lakeside Media Group", "copyright")
    a = article(tmp_path, page.replace("<meta property='og:site_name' content='Lakeside Chronicle'>", "")
                .replace("© 2026 Lakeside Media Group. All rights reserved.", "About us"), "r.html")
    assert (a.outlet, a.published) == ("Reuters", "2026-05-05")


def test_byline_naming_an_agency(tmp_path):
    a = article(tmp_path, "Ferry link restored\nBy Amina Odhiambo, Reuters\n" + LEDE)
    assert (a.author, a.outlet, origins(a)["outlet"]) == ("Amina Odhiambo", "Reuters", "byline")


@pytest.mark.parametrize("tail", [
    "The ministry did not reply to questions from Reuters.\n",  # a sentence that mentions an agency
    "A ferry crosses the creek in Mombasa on Tuesday. – Amina Odhiambo/Reuters\n",  # a photo credit
    "Officials told AFP - speaking on condition of anonymity - that the ferry was unsafe.\n",
])
def test_mentions_of_an_agency_are_not_the_outlet(tmp_path, tail):
    a = article(tmp_path, "Ferry link restored\n" + LEDE + tail + "The operator will review the timetable.\n")
    assert a.outlet is None


def test_agency_desk_signoff(tmp_path):
    a = article(tmp_path, "Ferry link restored\n" + LEDE + "abc/xyz/AFP\n")
    assert (a.outlet, origins(a)["outlet"]) == ("AFP", "signoff")


# --- publication dates --------------------------------------------------------------

@pytest.mark.parametrize("line, day", [
    ("Published: 21 November 2025", "2025-11-21"),
    ("Updated 10:42 GMT, Nov 21, 2025", "2025-11-21"),
    ("November 21, 2025 at 09:30", "2025-11-21"),
    ("Fri 21 Nov 2025 09.30 GMT", "2025-11-21"),
    ("By Owen Pryce | 2025-11-21T09:30:00+01:00", "2025-11-21T09:30:00+01:00"),
    ("By Owen Pryce 2025-11-21", "2025-11-21"),
    ("By Owen Pryce, published Nov 21, 2025", "2025-11-21"),
])
def test_publication_date_lines(tmp_path, line, day):
    a = article(tmp_path, f"Reservoir falls to ten-year low\n{line}\n" + LEDE)
    assert a.published == day and a.title == "Reservoir falls to ten-year low"


def test_published_line_beats_updated_line():
    found = text_metadata("Reservoir falls\nUpdated 21 November 2025\nPublished 20 November 2025\n" + LEDE)
    assert found["published"] == ("2025-11-20", "date-line")


@pytest.mark.parametrize("line", [
    "Published on Thursday",
    "Updated 2 hours ago",
    "“On 12 March 2026 we will be back on the quay,” the union leader said.",
    "The summit on November 20, 2025 ended without a deal, the ministry said.",
    "Talks are due to resume on Thursday.",
])
def test_relative_quoted_and_event_dates_are_not_the_publication_date(tmp_path, line):
    a = article(tmp_path, f"Reservoir falls to ten-year low\n{line}\n" + LEDE)
    assert a.published is None


def test_dateline_month_and_day_need_a_year(tmp_path):
    undated = LEDE.replace(" on Monday", "")  # no weekday either: nothing tells the year
    a = article(tmp_path, "Ferry link restored\nMOMBASA, May 5 (Reuters) - " + undated)
    assert (a.outlet, a.published) == ("Reuters", None)
    a = article(tmp_path, "Ferry link restored\nMOMBASA, May 5 (Reuters) - " + undated + "© 2024 Reuters\n", "b.txt")
    assert (a.outlet, a.published) == ("Reuters", "2024-05-05")


# --- bylines and headlines ----------------------------------------------------------

def test_byline_with_place(tmp_path):
    a = article(tmp_path, "Reservoir falls to ten-year low\nBy Owen Pryce and Ines Duarte in Lisbon\n" + LEDE)
    assert a.author == "Owen Pryce and Ines Duarte"


@pytest.mark.parametrize("line", [
    "Water crisis: valley farmers say they cannot wait for rain",
    "‘We are running dry’: farmers plead for help as reservoir falls",
    "Board chair says restrictions are ‘unavoidable’",
    "Will the hosepipe ban save the valley’s reservoir?",
    "Reservoir falls to ten-year low",
    "U.S. and Kenya sign ferry deal",
    "Video shows ferry running aground in the creek",
])
def test_headline_shapes_are_kept(tmp_path, line):
    assert reads_as_headline(line)
    assert article(tmp_path, f"{line}\n" + LEDE).title == line


@pytest.mark.parametrize("line", [
    "The water board said on Monday that the reservoir had dropped.",
    "“We are running dry,” the farmer said.",
    "Rain fell. The reservoir did not rise",
    "Photo: Farmers queue for water in the valley",
    "Read more: Farmers queue for water in the valley",
    "NAIROBI (AFP) – March 2, 2026",
    "By Owen Pryce",
    "and then the rain came",
    "Drought",
])
def test_opening_sentences_and_furniture_are_not_headlines(tmp_path, line):
    assert not reads_as_headline(line)


def test_unclosed_title_tag_does_not_leak_markup(tmp_path):
    a = article(tmp_path, '<p>Rain</p><title><script type="application/ld+json">{"@type": "NewsArticle"}', "x.html")
    assert "<script" not in a.text and a.title is None


# --- the seeds and the held-out set still read ------------------------------------------

def _files():
    from provenance.ingest import iter_input_files

    return list(iter_input_files([ROOT / "sources", ROOT / "tests" / "fixtures" / "heldout"]))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_every_seed_and_heldout_article_reads(path):
    a = read_article(path)
    assert a.text and (a.published is None or a.published[:4].isdigit())

"""Article metadata from layouts read by construction: yearless and two-city
datelines, European dates, mastheads with labels, label-and-date lines,
style-only sign-offs, initials, several authors, dates in URLs, furniture
that is no title.  Every outlet, person and event here is invented."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from provenance.ingest import read_article
from provenance.ingest.byline import join_names
from provenance.ingest.dates import date_in_url, parse_date
from provenance.ingest.datelines import parse_dateline
from provenance.ingest.publisher import furniture_line, masthead_line
from provenance.ingest.text import reads_as_headline, text_metadata
from provenance.ingest.yearless import infer_year

# 2026-12-03 is a Thursday; 2025-07-17 a Thursday, 2026-07-17 a Friday.
REF = date(2026, 12, 3)


def write(tmp_path: Path, name: str, text: str, **sidecar) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    if sidecar:
        (tmp_path / (name + ".meta.json")).write_text(json.dumps(sidecar), encoding="utf-8")
    return p


# --- the year of a dateline printed without one ------------------------------------

WIRE = ("Lock gates jam on the canal\n"
        "TARNBY, July 17 (Copperfield Wire) - The canal authority said on Thursday that two lock gates had "
        "jammed and that barges would wait until the weekend.\n"
        "Skippers said the queue reached the harbour by Thursday evening.\n")


def test_yearless_dateline_takes_the_year_whose_day_matches_the_weekday():
    found = text_metadata(WIRE, reference=REF)
    assert found["published"] == ("2025-07-17", "dateline")
    assert found["outlet"] == ("Copperfield Wire", "dateline")


def test_weekday_of_the_day_before_also_dates_a_dateline():
    # datelined July 18: "on Thursday" is the day before in 2025 (Friday the 18th), in 2026 two days before
    text = WIRE.replace("July 17", "July 18").replace("Skippers said the queue reached the harbour by Thursday evening.\n", "")
    assert text_metadata(text, reference=REF)["published"] == ("2025-07-18", "dateline")


def test_yearless_dateline_without_weekday_or_year_stays_undated():
    text = WIRE.replace(" on Thursday", "").replace(" by Thursday evening", "")
    assert "published" not in text_metadata(text, reference=REF)


def test_weekday_that_fits_no_recent_year_gives_no_date():
    text = WIRE.replace("on Thursday", "on Sunday").replace("by Thursday evening", "by Sunday evening")
    assert "published" not in text_metadata(text, reference=REF)


def test_a_year_named_in_the_text_is_a_floor_and_the_future_is_excluded():
    assert infer_year(7, 17, "It has been shut since 2026. It reopened on Wednesday.", REF) is None
    assert infer_year(7, 17, "It reopened on Wednesday.", REF) == 2025  # 2025-07-16 was a Wednesday
    assert infer_year(7, 17, "It reopened on Wednesday and will be rebuilt by 2030.", REF) == 2025
    assert infer_year(12, 20, "The vote was on Sunday.", REF) is None  # 2026-12-20 lies after REF; 2025-12-20 a Saturday
    assert infer_year(12, 21, "The vote was on Sunday.", REF) == 2025


def test_known_year_wins_over_weekday_inference():
    found = text_metadata(WIRE, known_year=2019, reference=REF)
    assert found["published"] == ("2019-07-17", "dateline")


def test_two_city_dateline():
    dl = parse_dateline("VARNA/BURGAS, May 2 (Copperfield Wire) - The port said")
    assert (dl.place, dl.agency, dl.published, dl.month_day) == ("VARNA/BURGAS", "Copperfield Wire", None, (5, 2))
    assert parse_dateline("VARNA/BURGAS, May 2, 2024 (Copperfield Wire) - The port said").published == "2024-05-02"


# --- sign-offs -------------------------------------------------------------------------

def test_style_signoff_does_not_outrank_the_datelines_agency():
    text = WIRE + "(Reporting by the Copperfield river desk; Editing by the Copperfield night desk)\n"
    assert text_metadata(text, reference=REF)["outlet"] == ("Copperfield Wire", "dateline")


def test_signoff_naming_its_wire_still_names_the_publisher():
    text = "Lock gates jam\nThe canal authority said the gates had jammed.\n(Reporting by Ana Moss for Reuters; Editing by Tim Hale)\n"
    assert text_metadata(text)["outlet"][0] == "Reuters"


def test_initials_signoff_gives_the_author():
    text = "Lock gates jam on the canal\nThe canal authority said the gates had jammed.\n(R. T., translated by the desk)\n"
    assert text_metadata(text)["author"] == ("R. T.", "signoff")
    assert "author" not in text_metadata(text.replace("(R. T., translated by the desk)", "(Translated by the desk)"))


# --- mastheads and date lines ----------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("NORTHGATE EVENING ECHO  |  Regional  |  14.02.2025", ("Northgate Evening Echo", "2025-02-14")),
    ("THE HARBOUR STAR — WORLD NEWS", ("The Harbour Star", None)),
    ("Lviv Lantern - English edition", ("Lviv Lantern", None)),
    ("THE HARBOUR STAR", ("The Harbour Star", None)),
])
def test_masthead_lines(line, expected):
    assert masthead_line(line, "") == expected


@pytest.mark.parametrize("line", [
    "Canal talks - Live",  # a label after a headline-like phrase: no edition, no publication word
    "Mayor says gates - a disgrace",
    "World | Europe",
])
def test_not_masthead_lines(line):
    assert masthead_line(line, "") == (None, None)


def test_label_and_date_line():
    assert furniture_line("Opinion | Friday 31 January 2025") == (True, "2025-01-31")
    assert furniture_line("Comment | January 27, 2026") == (True, "2026-01-27")
    assert furniture_line("World | Europe") == (True, None)
    assert furniture_line("Gates jam | Skippers wait") == (False, None)


def test_masthead_with_date_dates_and_names_the_article(tmp_path):
    p = write(tmp_path, "a.txt", "NORTHGATE EVENING ECHO | Regional | 14.02.2025\n"
              "[Translated from the Danish edition.]\nLock gates jam on the canal\n"
              "The canal authority said the gates had jammed.\n")
    a = read_article(p)
    assert (a.outlet, a.published, a.title) == ("Northgate Evening Echo", "2025-02-14", "Lock gates jam on the canal")


def test_label_date_line_under_masthead_is_no_title(tmp_path):
    p = write(tmp_path, "a.txt", "THE HARBOUR STAR\nOpinion | Friday 31 January 2025\n"
              "Why the canal needs new gates\nBy Nora Quill\nThe gates are older than the town hall.\n")
    a = read_article(p)
    assert (a.outlet, a.published, a.author, a.title) == (
        "The Harbour Star", "2025-01-31", "Nora Quill", "Why the canal needs new gates")


def test_masthead_below_the_byline(tmp_path):
    p = write(tmp_path, "a.txt", "Lock gates jam on the canal\nBy Nora Quill\nLviv Lantern - English edition\n"
              "The canal authority said the gates had jammed.\n")
    a = read_article(p)
    assert (a.outlet, a.author, a.title) == ("Lviv Lantern", "Nora Quill", "Lock gates jam on the canal")


def test_masthead_with_section_label(tmp_path):
    a = read_article(write(tmp_path, "a.txt", "THE HARBOUR STAR — WORLD NEWS\n\nLock gates jam on the canal\n"
                           "The canal authority said the gates had jammed.\n"))
    assert a.outlet == "The Harbour Star"


# --- dates --------------------------------------------------------------------------------

def test_european_dotted_date():
    assert parse_date("14.02.2025") == "2025-02-14"
    assert parse_date("Published 3.7.2024, 10:15") == "2024-07-03"
    assert parse_date("31.02.2025") is None
    assert parse_date("version 1.2.3.2025") is None  # a version number is no date


@pytest.mark.parametrize("url, day", [
    ("https://echo.example/news/2025/02/14/gates-jam/", "2025-02-14"),
    ("https://echo.example/2025-02-14-gates-jam.html", "2025-02-14"),
    ("https://echo.example/a/20250214/gates", "2025-02-14"),
    ("https://echo.example/a/2025/14/02/gates", None),
    ("https://echo.example/story/12345678", None),
    ("https://echo.example/search?d=2025/02/14", None),
])
def test_date_in_url(url, day):
    assert date_in_url(url) == day


def test_url_date_dates_an_article_only_when_nothing_else_does(tmp_path):
    body = "Lock gates jam on the canal\nThe canal authority said the gates had jammed.\n"
    a = read_article(write(tmp_path, "a.txt", body, url="https://echo.example/2025/02/14/gates"))
    assert (a.published, dict(a.meta_origin)["published"]) == ("2025-02-14", "url")
    b = read_article(write(tmp_path, "b.txt", "date 2025-02-15\n" + body, url="https://echo.example/2025/02/14/gates"))
    assert b.published == "2025-02-15"


def test_url_year_resolves_a_yearless_dateline(tmp_path):
    text = WIRE.replace(" on Thursday", "").replace(" by Thursday evening", "")
    a = read_article(write(tmp_path, "a.txt", text, url="https://wire.example/2023/07/17/gates"))
    assert (a.published, dict(a.meta_origin)["published"]) == ("2023-07-17", "dateline")


def test_html_date_from_markup_when_no_meta(tmp_path):
    html = ("<html><body><article><h1>Lock gates jam on the canal</h1>"
            "<span class='entry-date'>February 14, 2025</span>"
            "<p>The canal authority said on Friday that two lock gates had jammed near the harbour.</p>"
            "</article></body></html>")
    a = read_article(write(tmp_path, "a.html", html))
    assert (a.published, dict(a.meta_origin)["published"]) == ("2025-02-14", "htmldate")


def test_html_date_mentioned_in_text_is_not_the_publication_date(tmp_path):
    html = ("<html><body><article><h1>Lock gates jam on the canal</h1>"
            "<p>The gates were last replaced on 3 January 2011, the canal authority said.</p>"
            "</article></body></html>")
    assert read_article(write(tmp_path, "a.html", html)).published is None


# --- authors and titles ---------------------------------------------------------------------

def test_join_names():
    assert join_names(["Nora Quill"]) == "Nora Quill"
    assert join_names(["Nora Quill", "Ivo Brandt"]) == "Nora Quill and Ivo Brandt"
    assert join_names(["Nora Quill", "Ivo Brandt", "Lea Sund"]) == "Nora Quill, Ivo Brandt and Lea Sund"


def test_three_author_byline(tmp_path):
    a = read_article(write(tmp_path, "a.txt", "Lock gates jam on the canal\nBy Nora Quill, Ivo Brandt and Lea Sund\n"
                           "The canal authority said the gates had jammed.\n"))
    assert a.author == "Nora Quill, Ivo Brandt and Lea Sund"


def test_furniture_is_never_the_title(tmp_path):
    assert not reads_as_headline("Sign up now: the canal newsletter")
    a = read_article(write(tmp_path, "a.txt", "Sign up now: the canal newsletter\nLock gates jam on the canal\n"
                           "The canal authority said the gates had jammed.\n"))
    assert a.title != "Sign up now: the canal newsletter"
    html = ("<html><body><div class='promo'><h1>Sign up now: the canal newsletter</h1></div><article>"
            "<h2>Lock gates jam</h2><p>The canal authority said the gates had jammed near the harbour.</p>"
            "</article></body></html>")
    assert read_article(write(tmp_path, "a.html", html)).title != "Sign up now: the canal newsletter"


def test_site_name_with_edition_label(tmp_path):
    html = ("<html><head><title>Lock gates jam on the canal - Lviv Lantern - English edition</title>"
            "<meta property='og:site_name' content='Lviv Lantern - English edition'></head><body><article>"
            "<p>The canal authority said on Friday that two lock gates had jammed near the harbour.</p>"
            "</article></body></html>")
    a = read_article(write(tmp_path, "a.html", html))
    assert (a.outlet, a.title) == ("Lviv Lantern", "Lock gates jam on the canal")


@pytest.mark.parametrize("line, name", [
    ("(Lakeshore Tribune Washington bureau)", "Lakeshore Tribune"),
    ("(Reporting by the Copperfield Gazette river desk; Editing by Ivo Brandt)", "Copperfield Gazette"),
    ("(Reporting by the Copperfield river desk; Editing by the Copperfield night desk)", None),  # no publication word
    ("(Our Tarnby bureau)", None),
    ("The Copperfield Gazette bureau chief said the gates had jammed.", None),  # a sentence, not a sign-off
])
def test_desk_and_bureau_signoffs(line, name):
    from provenance.ingest.publisher import desk_name

    assert desk_name(line) == name


def test_bureau_signoff_names_the_publisher_of_a_wire_story():
    text = WIRE.replace("(Copperfield Wire)", "(Reuters)") + "(Lakeshore Tribune Tarnby bureau)\n"
    assert text_metadata(text, reference=REF)["outlet"] == ("Lakeshore Tribune", "signoff")


@pytest.mark.parametrize("line, md", [
    ("Published: July 17", (7, 17)),
    ("Thursday, 17 July, 10:42 GMT", (7, 17)),
    ("July 17 at 9.30 am", (7, 17)),
    ("July 17 lock closures cause delays", None),  # a headline that starts with a date
    ("July 17, 2025", None),  # has its year: dates.parse_date reads it
])
def test_yearless_date_lines(line, md):
    from provenance.ingest.yearless import yearless_date_line

    assert yearless_date_line(line) == md


def test_yearless_date_line_dated_by_weekdays():
    text = ("Lock gates jam on the canal\nPublished: July 17\nThe canal authority said on Thursday that two lock "
            "gates had jammed.\n")
    found = text_metadata(text, reference=REF)
    assert found["published"] == ("2025-07-17", "date-line") and found["title"][0] == "Lock gates jam on the canal"
    assert "published" not in text_metadata(text.replace(" on Thursday", ""), reference=REF)


def test_yearless_date_line_takes_a_known_year():
    text = "Lock gates jam on the canal\nJuly 17, 10:42 GMT\nThe canal authority said the gates had jammed.\n"
    assert text_metadata(text, known_year=2023, reference=REF)["published"] == ("2023-07-17", "date-line")


def test_title_case_headline_next_to_a_byline_is_no_masthead():
    text = "World\nEurope\nCanal Deal Makes News\nBy Nora Quill\nThe canal authority said the gates had jammed.\n"
    assert "outlet" not in text_metadata(text, reference=REF)
    below = "Lock gates jam on the canal\nBy Nora Quill\nThe Harbour Star\nThe canal authority said the gates had jammed.\n"
    assert text_metadata(below, reference=REF)["outlet"] == ("The Harbour Star", "masthead")

"""Hostile metadata and text at ingest: lone surrogates and noncharacters are
cleaned away, a bad value is that file's error (named, the batch goes on),
control characters after removed markup do not fail a page, sidecar values
are bounded and checked, UTF-16 without a BOM is called what it is, and a
time of day that does not exist is refused.  Texts written for this file."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.errors import InputError, UsageError
from provenance.ingest import read_article
from provenance.ingest.decode import DecodeError, decode_bytes
from provenance.ingest.normalize import normalize_text

BODY = "Ferry timetable announced\nThe harbour master said the new ferry would sail twice a day from May.\n"


def write(tmp_path: Path, name: str, text: str, sidecar: str | None = None) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    if sidecar is not None:
        (tmp_path / (name + ".meta.json")).write_text(sidecar, encoding="utf-8")
    return p


# --- item 2: lone surrogates in metadata ----------------------------------------------------

def test_lone_surrogate_in_sidecar_is_dropped(tmp_path):
    a = read_article(write(tmp_path, "a.txt", BODY, '{"outlet": "\\ud800", "author": "Ada \\udfff Vinter"}'))
    assert a.outlet is None and a.author == "Ada Vinter"


def test_lone_surrogate_in_jsonld_headline_is_dropped(tmp_path):
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Ferry \\ud800 timetable", "author": {"name": "Ada \\udbff Vinter"}}</script></head>'
            "<body><article><p>The harbour master said the new ferry would sail twice a day from May.</p>"
            "</article></body></html>")
    a = read_article(write(tmp_path, "a.html", html))
    assert (a.title, a.author) == ("Ferry timetable", "Ada Vinter")
    for value in (a.title, a.author, a.text):
        value.encode("utf-8")  # nothing left that cannot be stored


def test_batch_with_surrogate_metadata_stores_every_file(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "a.txt", BODY, '{"outlet": "\\ud800"}')
    write(folder, "b.txt", BODY.replace("harbour master", "port captain"))
    write(folder, "c.txt", BODY.replace("harbour master", "mayor"), '{"published": "' + "x" * 5000 + '"}')
    result = run("ingest", folder)
    assert result.exit_code == 1, result.stderr  # c.txt's sidecar is bad: named, the rest stored
    assert "c.txt.meta.json" in result.stderr and "2 new" in result.stderr
    assert "a.txt" not in result.stderr.replace("c.txt", "")


# --- item 3 (ingest half): noncharacters ----------------------------------------------------

def test_noncharacters_are_normalised_away():
    assert normalize_text('"Close \uffff now," said Tom Hale.\ufffe') == '"Close  now," said Tom Hale.'.replace("  ", " ")
    assert normalize_text("a\ufdd0b\U0001fffe\U0010ffffc") == "abc"
    assert normalize_text("keep \ufffd and \u00e9") == "keep \ufffd and \u00e9"  # the replacement character is text


def test_noncharacter_bytes_in_a_file_never_reach_the_stored_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b'Gate\n"Close \xef\xbf\xbf now," said Tom Hale.\n')
    assert "\uffff" not in read_article(p).text


# --- item 4: a control character after removed markup -------------------------------------

def test_control_character_after_removed_script_keeps_the_page(tmp_path):
    html = "<p>The council said the ferry would run.<script>x()</script>\x0b It starts in May.</p>"
    a = read_article(write(tmp_path, "a.html", html))
    assert a.text == "The council said the ferry would run. It starts in May."


def test_control_characters_and_surrogate_entities_in_html(tmp_path):
    html = ("<html><body><article><p>The mayor said\x0c the bridge\x01 would open in June.</p>"
            "<!-- \x0b --><p>Work starts &#xD800;soon, she said.</p></article></body></html>")
    a = read_article(write(tmp_path, "a.html", html))
    assert "The mayor said the bridge would open in June." in a.text
    a.text.encode("utf-8")


# --- item 7: sidecar values, UTF-16 without BOM, impossible times ---------------------------

def test_oversized_sidecar_value_is_refused_without_echoing_it(tmp_path):
    p = write(tmp_path, "a.txt", BODY, json.dumps({"outlet": "N" * 100_000}))
    with pytest.raises(InputError) as exc:
        read_article(p)
    assert "a.txt.meta.json" in str(exc.value) and "too long" in str(exc.value) and len(str(exc.value)) < 300


def test_bad_date_is_quoted_cut_short(tmp_path):
    p = write(tmp_path, "a.txt", BODY, json.dumps({"published": "not a date " * 150}))
    with pytest.raises(InputError) as exc:
        read_article(p)
    assert "is not a date" in str(exc.value) and len(str(exc.value)) < 300


@pytest.mark.parametrize("url", ["ftp://files.example/a", "javascript:alert(1)", "harbour.example/a", "file:///etc/x"])
def test_sidecar_url_must_be_http(tmp_path, url):
    with pytest.raises(InputError, match="'url' must be an http"):
        read_article(write(tmp_path, "a.txt", BODY, json.dumps({"url": url})))


def test_http_urls_are_accepted(tmp_path):
    a = read_article(write(tmp_path, "a.txt", BODY, json.dumps({"url": "HTTPS://harbour.example/news/1"})))
    assert a.url == "HTTPS://harbour.example/news/1"


def test_url_override_must_be_http(tmp_path):
    with pytest.raises(UsageError):
        read_article(write(tmp_path, "a.txt", BODY), {"url": "mailto:desk@harbour.example"})


@pytest.mark.parametrize("stamp", ["2025-11-20T25:61:00Z", "2025-11-20T23:60", "2025-11-20 24:00:00+01:00",
                                   "2025-11-20T10:30:75Z"])
def test_impossible_times_are_refused(tmp_path, stamp):
    with pytest.raises(InputError, match="is not a date"):
        read_article(write(tmp_path, "a.txt", BODY, json.dumps({"published": stamp})))


def test_possible_times_are_kept():
    from provenance.ingest.dates import parse_date

    assert parse_date("2025-11-20T23:59:59Z") == "2025-11-20T23:59:59+00:00"
    assert parse_date("2025-11-20T00:00") == "2025-11-20"


@pytest.mark.parametrize("codec, order", [("utf-16-le", "little-endian"), ("utf-16-be", "big-endian")])
def test_utf16_without_bom_is_named(codec, order):
    with pytest.raises(DecodeError, match=f"UTF-16 \\({order}\\) text without a byte-order mark"):
        decode_bytes(BODY.encode(codec))


def test_binary_with_nul_bytes_is_still_binary():
    with pytest.raises(DecodeError, match="binary file"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)


def test_utf16_with_bom_still_decodes():
    assert decode_bytes(BODY.encode("utf-16"))[0] == BODY

"""The article readers: files -> Article (text, markdown, HTML, metadata, decoding, bad input)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.errors import InputError, UsageError
from provenance.ingest import MAX_BYTES, iter_input_files, read_article
from provenance.ingest.normalize import normalize_text, sha256_text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
FIX = Path(__file__).resolve().parent / "fixtures" / "ingest"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def origins(article) -> dict[str, str]:
    return dict(article.meta_origin)


# --- iter_input_files -------------------------------------------------------

def test_iter_input_files_recurses_sorts_and_skips_sidecars(tmp_path):
    for name in ["b/z.html", "b/a.md", "a.txt", "a.txt.meta.json", "b/a.meta.json", "notes.pdf",
                 ".hidden/x.txt", "b/.swap.txt", "c/d/e.HTM", "plan.json"]:
        write(tmp_path, name, "x")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert got == ["a.txt", "b/a.md", "b/z.html", "c/d/e.HTM"]


def test_iter_input_files_explicit_files_missing_paths_and_duplicates(tmp_path):
    a = write(tmp_path, "a.txt", "x")
    side = write(tmp_path, "a.txt.meta.json", "{}")
    missing = tmp_path / "gone.txt"
    got = list(iter_input_files([str(a), tmp_path, side, missing, a]))
    assert got == [a, missing]
    assert list(iter_input_files(a)) == [a]


# --- seeds ------------------------------------------------------------------

SEED_EXPECT = {
    "000_e9fea5f683992c88.txt": dict(outlet="CNN", author=None, published=None),
    "001_3c4ebbbe4acd6427.txt": dict(outlet="Voz.us", author="Diane Hernández", published=None),
    "002_aa12cbd6cb0d19df.txt": dict(outlet=None, author="Richard A Reagan", published=None),
    "003_b81791b00934b5a0.txt": dict(outlet="InfoMoney", author=None, published=None),
    "004_3e0b7fae4e569523.txt": dict(outlet="AP", author=None, published="2025-11-20"),
}


@pytest.mark.parametrize("name", sorted(SEED_EXPECT))
def test_seed_metadata(name):
    a = read_article(SOURCES / name)
    for field, value in SEED_EXPECT[name].items():
        assert getattr(a, field) == value, field
    assert a.text == normalize_text(a.text) and a.sha256 == sha256_text(a.text)
    assert a.encoding == "utf-8" and a.fmt == "text"


def test_seed_sidecars_hold_only_known_fields():
    for side in SOURCES.glob("*.meta.json"):
        data = json.loads(side.read_text(encoding="utf-8"))
        assert set(data) <= {"outlet", "published", "author", "url", "title"}
    assert not (SOURCES / "003_b81791b00934b5a0.txt.meta.json").exists()  # inferred from text rules


@pytest.mark.parametrize("name, field, value, origin", [
    ("000_e9fea5f683992c88.txt", "outlet", "CNN", "signoff"),
    ("001_3c4ebbbe4acd6427.txt", "outlet", "Voz.us", "masthead"),
    ("001_3c4ebbbe4acd6427.txt", "author", "Diane Hernández", "byline"),
    ("002_aa12cbd6cb0d19df.txt", "author", "Richard A Reagan", "byline"),
    ("004_3e0b7fae4e569523.txt", "published", "2025-11-20", "date-line"),
])
def test_seed_text_rules_without_sidecar(tmp_path, name, field, value, origin):
    copy = tmp_path / name
    shutil.copyfile(SOURCES / name, copy)
    a = read_article(copy)
    assert getattr(a, field) == value
    assert origins(a)[field] == origin


def test_seed_leading_date_line_dropped_from_text(tmp_path):
    copy = tmp_path / "004.txt"
    shutil.copyfile(SOURCES / "004_3e0b7fae4e569523.txt", copy)
    a = read_article(copy)
    assert a.text.startswith("There has also been")
    assert a.outlet is None and a.title is None  # no outlet evidence, no headline in the text


# --- text rules -------------------------------------------------------------

def test_dateline_gives_outlet_but_no_date_without_year(tmp_path):
    p = write(tmp_path, "wire.txt", "Ferry service restored\n"
              "ODESA, Dec 12 (Reuters) - Ferry service across the bay resumed, the operator said.\n"
              "Passengers queued for two hours.\n")
    a = read_article(p)
    assert (a.outlet, a.published, a.title) == ("Reuters", None, "Ferry service restored")
    assert origins(a)["outlet"] == "dateline"


def test_dateline_date_resolved_against_known_year(tmp_path):
    p = write(tmp_path, "wire.txt", "KYIV, Dec 12 (Reuters) - The mayor said repairs would take a week.\n"
              "© 2025 Thomson Reuters. All rights reserved.\n")
    a = read_article(p)
    assert (a.outlet, a.published) == ("Reuters", "2025-12-12")
    # a sidecar date wins, and its year resolves nothing else here
    write(tmp_path, "wire.meta.json", '{"published": "2024-12-13"}')
    assert read_article(p).published == "2024-12-13"


def test_signoff_outlet_beats_dateline_relay(tmp_path):
    p = write(tmp_path, "relay.txt", "WASHINGTON (AP) — Lawmakers passed the budget late on Thursday.\n"
              "The vote was close.\n"
              "For more CNN news and newsletters create an account at CNN.com\n")
    a = read_article(p)
    assert a.outlet == "CNN" and origins(a)["outlet"] == "signoff"


def test_byline_with_relay_and_published_line(tmp_path):
    p = write(tmp_path, "story.md", "# Bridge reopens after **repairs**\n\n"
              "By Ana de la Cruz, with AFP\n\nPublished: November 20, 2025\n\n"
              "The bridge reopened on *Thursday*, [officials said](https://example.org/x).\n"
              "Traffic was light.\n\n- first point\n- second point\n")
    a = read_article(p)
    assert a.author == "Ana de la Cruz" and a.outlet is None  # "with AFP" is a relay, not the publisher
    assert a.published == "2025-11-20" and origins(a)["published"] == "date-line"
    assert a.title == "Bridge reopens after repairs" and a.fmt == "markdown"
    assert a.text.split("\n") == [
        "Bridge reopens after repairs", "By Ana de la Cruz, with AFP", "Published: November 20, 2025",
        "The bridge reopened on Thursday, officials said. Traffic was light.", "first point", "second point"]


def test_byline_lookalike_sentence_is_not_an_author(tmp_path):
    p = write(tmp_path, "s.txt", "Talks stall\nBy Monday, the talks had stalled again.\nBy the numbers\n")
    a = read_article(p)
    assert a.author is None and a.title == "Talks stall"


def test_lede_sentence_is_not_taken_as_title(tmp_path):
    p = write(tmp_path, "s.txt", "The minister resigned on Tuesday after a week of protests in the capital.\n"
              "Her deputy will act in her place.\n")
    assert read_article(p).title is None


def test_markdown_front_matter_is_embedded_metadata(tmp_path):
    p = write(tmp_path, "fm.md", "---\ntitle: Port strike ends\ndate: 2025-06-02\nauthor: Kai Lindqvist\n"
              "outlet: The Associated Press\n---\n# Another heading\n\nDockers returned to work.\n")
    a = read_article(p)
    assert (a.title, a.published, a.author, a.outlet) == ("Port strike ends", "2025-06-02", "Kai Lindqvist", "AP")
    assert origins(a) == {"title": "front-matter", "published": "front-matter", "author": "front-matter",
                          "outlet": "front-matter"}
    assert a.text == "Another heading\nDockers returned to work."


# --- sidecars and overrides ------------------------------------------------

def test_precedence_overrides_sidecar_embedded_text(tmp_path):
    p = write(tmp_path, "page.html", (FIX / "meta_tags.html").read_text(encoding="utf-8"))
    a = read_article(p)
    assert (a.outlet, a.author, a.published) == ("Example Gazette", "Lena Marsh", "2024-03-05")
    write(tmp_path, "page.meta.json", json.dumps({"outlet": "Associated Press", "author": None,
                                                  "title": "Sidecar title"}))
    a = read_article(p)
    assert (a.outlet, a.author, a.title) == ("AP", "Lena Marsh", "Sidecar title")
    assert origins(a)["outlet"] == "sidecar" and origins(a)["author"] == "meta"
    a = read_article(p, {"outlet": "BBC News", "published": "2025-01-31", "url": None})
    assert (a.outlet, a.published) == ("BBC", "2025-01-31")
    assert origins(a) == {"outlet": "override", "published": "override", "author": "meta",
                          "url": "meta", "title": "sidecar"}


def test_both_sidecar_names_and_the_longer_wins(tmp_path):
    p = write(tmp_path, "a.txt", "Some text.\n")
    write(tmp_path, "a.meta.json", '{"outlet": "Reuters"}')
    assert read_article(p).outlet == "Reuters"
    write(tmp_path, "a.txt.meta.json", '{"outlet": "AFP"}')
    assert read_article(p).outlet == "AFP"


@pytest.mark.parametrize("content", ['{"outlet": "CNN",}', "[1, 2]", '{"outlet": 5}', '{"published": "soon"}'])
def test_bad_sidecar_names_the_sidecar(tmp_path, content):
    p = write(tmp_path, "a.txt", "Some text.\n")
    side = write(tmp_path, "a.txt.meta.json", content)
    with pytest.raises(InputError) as exc:
        read_article(p)
    assert str(exc.value).startswith(f"{side}: ") and "\n" not in str(exc.value)


def test_bad_override_is_a_usage_error(tmp_path):
    p = write(tmp_path, "a.txt", "Some text.\n")
    with pytest.raises(UsageError):
        read_article(p, {"published": "next week"})
    with pytest.raises(UsageError):
        read_article(p, {"colour": "red"})


# --- HTML ---------------------------------------------------------------------

def test_html_boilerplate_removed(tmp_path):
    a = read_article(FIX / "boilerplate.html")
    assert a.fmt == "html"
    assert a.text.split("\n") == [
        "Harbour talks resume in Odesa",
        "Negotiators from both delegations returned to the table on Friday, three weeks after the previous "
        "round of harbour talks collapsed over inspection rules for grain ships.",
        "The port authority said in a statement that inspections would now be carried out jointly, a change "
        "both sides had resisted for months.",
        "“We are ready to sign as soon as the text is final,” the deputy minister told reporters outside the "
        "building, adding that a draft could be ready by Monday.",
        "Shipping companies welcomed the news but warned that insurance costs remained high for vessels "
        "calling at Black Sea ports.",
    ]
    for junk in ("deal was done", "never sign", "cookies", "Related", "newsletter", "Advertisement",
                 "Cranes stand idle", "JavaScript", "Black Sea\n", "Privacy", "Sport", "color"):
        assert junk not in a.text
    assert (a.title, a.outlet, a.author, a.published) == (
        "Harbour talks resume in Odesa", "Northwind Daily", "Mira Castellan", "2025-11-21T09:30:00+02:00")
    assert a.url == "https://www.northwind-daily.example/world/harbour-talks"


def test_html_jsonld_graph_author_list_and_bad_block(tmp_path):
    a = read_article(FIX / "jsonld_graph.html")
    assert a.title == "Grain corridor extended for another year"
    assert a.author == "Ola Brightwater and Tomas Reinholt"
    assert a.outlet == "AP" and a.published == "2025-11-20T14:05:00+00:00"
    assert a.url == "https://apnews.com/article/grain-corridor-extended-0000"
    assert {k for k, v in a.meta_origin if v == "json-ld"} == {"title", "author", "outlet", "published", "url"}
    assert a.text.split("\n")[0] == "Grain corridor extended for another year"
    assert len(a.text.split("\n")) == 4


def test_html_host_maps_to_outlet_and_title_suffix_cut(tmp_path):
    html = (FIX / "meta_tags.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="og:site_name" content="Example Gazette">', "")
    html = html.replace('<meta property="og:title" content="Council votes on harbour levy">', "")
    html = html.replace("Example Gazette", "Reuters")
    a = read_article(write(tmp_path, "p.html", html))
    assert a.outlet == "Reuters" and origins(a)["outlet"] == "host"
    assert a.title == "Council votes on harbour levy" and origins(a)["title"] == "title-tag"
    assert a.author == "Lena Marsh"  # "By " stripped, the profile URL ignored
    assert a.text.split("\n")[0] == "Council votes on harbour levy"  # the headline leads the stored text


def test_html_byline_element_and_signoff_in_body(tmp_path):
    html = ("<html><head><title>Dam inspection finds cracks</title></head><body><article>"
            "<h1>Dam inspection finds cracks</h1><div class='byline'>By Piet Hendriks and Sara Oduya</div>"
            "<p>Engineers found cracks in the spillway of the dam during an inspection on Monday morning.</p>"
            "<p>For more CNN news and newsletters create an account at CNN.com</p></article></body></html>")
    a = read_article(write(tmp_path, "d.htm", html))
    assert a.author == "Piet Hendriks and Sara Oduya" and origins(a)["author"] == "byline"
    assert a.outlet == "CNN" and origins(a)["outlet"] == "signoff"


def test_html_fallback_when_trafilatura_finds_nothing(tmp_path, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    a = read_article(FIX / "boilerplate.html")
    lines = a.text.split("\n")
    assert lines[0] == "Harbour talks resume in Odesa"
    assert [line[:12] for line in lines[-4:]] == ["Negotiators ", "The port aut", "“We are read", "Shipping com"]
    assert "never sign" not in a.text and "Cranes" not in a.text and "Advertisement" not in a.text


@pytest.mark.parametrize("html", [
    "<html><head><title>Nothing here</title><script>var q = 'He said: yes';</script></head><body></body></html>",
    "<html><body><nav><a href='/'>Home</a></nav><footer>© 2025</footer></body></html>",
    "<html><body><h1>Only a headline</h1></body></html>",
])
def test_html_without_article_text_is_refused(tmp_path, html):
    p = write(tmp_path, "empty.html", html)
    with pytest.raises(InputError, match="no extractable article text"):
        read_article(p)


# --- decoding -----------------------------------------------------------------

def test_utf8_bom_stripped(tmp_path):
    a = read_article(write(tmp_path, "a.txt", b"\xef\xbb\xbfKyiv \xe2\x80\x94 talks.\n"))
    assert a.text == "Kyiv — talks." and a.encoding == "utf-8"


def test_utf16_with_bom(tmp_path):
    a = read_article(write(tmp_path, "a.txt", "Zaporizhzhia — «talks»\n".encode("utf-16")))
    assert a.text == "Zaporizhzhia — «talks»" and a.encoding == "utf-16"


def test_cp1252_curly_quotes(tmp_path):
    a = read_article(write(tmp_path, "a.txt", b"\x93We are ready,\x94 she said \x96 twice.\n"))
    assert a.text == "“We are ready,” she said – twice." and a.encoding == "cp1252"


def test_latin1(tmp_path):
    a = read_article(write(tmp_path, "a.txt", "Le café près de la gare a rouvert.\n".encode("latin-1")))
    assert a.text == "Le café près de la gare a rouvert." and a.encoding == "latin-1"


def test_cp1251_cyrillic(tmp_path):
    a = read_article(write(tmp_path, "a.txt", "Переговори відновилися у четвер.\n".encode("cp1251")))
    assert a.text == "Переговори відновилися у четвер." and a.encoding == "cp1251"


def test_zero_width_dropped_rtl_kept(tmp_path):
    a = read_article(write(tmp_path, "a.txt", "Ky\u200biv said \u202bشكرا\u202c today.\n"))
    assert a.text == "Kyiv said \u202bشكرا\u202c today."


@pytest.mark.parametrize("name, content, reason", [
    ("bad.txt", b"abc \x81\x8d\x8f\x90\x9d \xff\xfe\xfd\xfc\xfb\xfa", "not UTF-8"),
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("ctl.txt", bytes(range(1, 9)) * 40, "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n \xe2\x80\x8b \n", "empty or whitespace-only"),
    ("blank.html", b"   \n", "empty or whitespace-only"),
    ("only-date.txt", b"date 2025-11-20\n", "no article text"),
    ("paper.pdf", b"%PDF-1.4", "unsupported file type"),
])
def test_unusable_files(tmp_path, name, content, reason):
    p = write(tmp_path, name, content)
    with pytest.raises(InputError) as exc:
        read_article(p)
    msg = str(exc.value)
    assert msg.startswith(f"{p}: ") and reason in msg and "\n" not in msg


def test_over_limit_sparse_file_refused_without_reading(tmp_path, monkeypatch):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(200 * 1024 * 1024)
    assert p.stat().st_size > MAX_BYTES == 20 * 1024 * 1024

    def no_read(*a, **k):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_read)
    with pytest.raises(InputError, match="too large"):
        read_article(p)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(InputError, match="does not exist") as exc:
        read_article(tmp_path / "nope.txt")
    assert str(exc.value) == f"{tmp_path / 'nope.txt'}: does not exist"
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    p = write(tmp_path, "locked.txt", "secret\n")
    p.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_article(p)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_give_an_article_or_an_input_error(tmp_path, data, suffix):
    p = tmp_path / f"fuzz{suffix}"
    p.write_bytes(data)
    try:
        a = read_article(p)
    except InputError as exc:
        assert str(exc).startswith(f"{p}: ")
    else:
        assert a.text and a.text == normalize_text(a.text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.lists(st.sampled_from([
    "<p>", "</p>", "<h1>", "</h1>", "<script>", "</script>", "<article>", "<div class='ad'>", "</div>",
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": [1, {"name": null}]}',
    "<meta property='og:url' content='http://'>", "<title>", "</title>", "By Jane Roe", "Said the minister.",
    "KYIV, Dec 12 (Reuters) - ", "\n", " ", "“", "date 2025-13-45", "<!--", "-->", "<?xml version='1.0'?>",
]), max_size=30))
def test_any_markup_gives_an_article_or_an_input_error(tmp_path, body):
    p = tmp_path / "fuzz.html"
    p.write_text("".join(body), encoding="utf-8")
    try:
        a = read_article(p)
    except InputError as exc:
        assert str(exc).startswith(f"{p}: ")
    else:
        assert a.text and a.text == normalize_text(a.text) and "application/ld+json" not in a.text


def test_html_without_suffix_is_sniffed_and_title_tail_names_outlet(tmp_path):
    p = write(tmp_path, "saved_page", "<!DOCTYPE html><html><head><title>Dockers strike - Reuters</title></head>"
              "<body><p>Dock workers walked out on Monday over pay and night shifts at the container port.</p>"
              "</body></html>")
    a = read_article(p)
    assert a.fmt == "html" and a.title == "Dockers strike" and a.outlet == "Reuters"
    assert origins(a) == {"outlet": "title-tag", "title": "title-tag"}
    assert a.text.split("\n") == ["Dockers strike", "Dock workers walked out on Monday over pay and night "
                                  "shifts at the container port."]


def test_seed_folder_lists_the_five_articles():
    got = [p.name for p in iter_input_files([SOURCES])]
    assert got == sorted(SEED_EXPECT)


def test_agency_signoffs_from_data(tmp_path):
    p = write(tmp_path, "w.txt", "Mayor orders curfew\nThe mayor ordered a curfew after the blackout.\n"
              "(Reporting by Ivan Petrenko in Kharkiv; Editing by Clara Weiss)\n")
    a = read_article(p)
    assert a.outlet == "Reuters" and origins(a)["outlet"] == "signoff"
    p = write(tmp_path, "a.txt", "Mayor orders curfew\nThe mayor ordered a curfew after the blackout.\n"
              "Associated Press writer Ivan Petrenko in Kharkiv contributed to this report.\n")
    assert read_article(p).outlet == "AP"

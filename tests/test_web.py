"""The newsroom view through Flask's test client: status codes, 404s, JSON
equal to the CLI's JSON, the article's marked spans against the database,
and a review round trip behind the CSRF token."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from provenance.cli import cli
from provenance.db.engine import open_database
from provenance.db.models import Claim, Contradiction, Source, Speaker

from conftest import SOURCES


def run(url: str, *args: str):
    result = CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def cli_json(url: str, *args: str):
    return json.loads(run(url, *args, "--format", "json").stdout)


@pytest.fixture(scope="module")
def seeded(module_db_url):
    run(module_db_url, "ingest", str(SOURCES))
    return module_db_url


@pytest.fixture
def client(seeded):
    from provenance.web import create_app

    app = create_app(seeded, secret_key="test")
    app.testing = True
    return app.test_client()


def _one(url: str, stmt):
    with Session(open_database(url)) as s:
        return s.execute(stmt).first()


def test_pages_answer_and_link(client, seeded):
    sid = _one(seeded, select(func.min(Source.id)))[0]
    uid = _one(seeded, select(Claim.uid).where(Claim.source_id == sid))[0]
    cid = _one(seeded, select(func.min(Contradiction.id)))[0]
    for path in ["/", "/sources", "/sources?outlet=AP", f"/sources/{sid}", f"/claims/{uid}", "/speakers",
                 "/speakers/Zelensky", "/points/us-28:19", "/contradictions", "/contradictions?kind=all",
                 "/contradictions?status=open", f"/contradictions/{cid}", "/search?q=Kupiansk", "/search"]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.content_type.startswith("text/html")
        assert "default-src 'none'" in r.headers["Content-Security-Policy"]
    page = client.get(f"/sources/{sid}").get_data(as_text=True)
    assert f'href="/claims/{uid}"' in page


@pytest.mark.parametrize("path", ["/sources/999999", "/claims/no-such-claim", "/contradictions/999999",
                                  "/speakers/Nobody%20Ever%20Quoted", "/points/us-28:99", "/points/zz-1:1",
                                  "/no/such/page"])
def test_unknown_ids_are_404(client, path):
    r = client.get(path)
    assert r.status_code == 404
    j = client.get(path + ("&" if "?" in path else "?") + "format=json")
    assert j.status_code == 404 and j.json["status"] == 404 and j.json["error"]


def test_bad_input_is_400_not_500(client):
    assert client.get("/points/us-28").status_code == 400
    assert client.get("/contradictions?status=maybe").status_code == 400
    assert client.get("/contradictions?kind=gossip").status_code == 400
    assert client.get("/sources?limit=-3").status_code == 400
    assert client.get("/sources/abc").status_code == 404


def test_json_equals_the_cli_json(client, seeded):
    assert client.get("/sources?format=json&limit=0").json == cli_json(seeded, "sources")
    assert client.get("/sources?format=json", headers={"Accept": "application/json"}).json == cli_json(seeded, "sources")
    sid = _one(seeded, select(func.min(Source.id)))[0]
    art = client.get(f"/sources/{sid}", headers={"Accept": "application/json"})
    assert art.content_type == "application/json"
    assert art.json["claims"] == cli_json(seeded, "claims", "--source", str(sid))
    uid = art.json["claims"][0]["claim_id"]
    assert client.get(f"/claims/{uid}?format=json").json["claim"] == art.json["claims"][0]
    assert client.get("/speakers/Zelensky?format=json&limit=0").json["claims"] == cli_json(
        seeded, "speaker", "Zelensky", "--limit", "0")
    assert client.get("/search?q=troops&format=json&limit=0").json == cli_json(seeded, "who-said", "troops")
    assert client.get("/points/us-28:19?format=json&limit=0").json == cli_json(
        seeded, "point", "us-28:19", "--limit", "0")
    for query in ["", "&kind=all", "&status=open", "&kind=control"]:
        args = ["contradictions", "--limit", "0"] + (["--all"] if "all" in query else [])
        args += ["--status", "open"] if "open" in query else []
        args += ["--kind", "control"] if "control" in query else []
        assert client.get(f"/contradictions?format=json&limit=0{query}").json == cli_json(seeded, *args)


def test_article_marks_every_claim_once(client, seeded):
    with Session(open_database(seeded)) as s:
        counts = dict(s.execute(select(Claim.source_id, func.count()).group_by(Claim.source_id)).all())
        uids = {sid: set(s.scalars(select(Claim.uid).where(Claim.source_id == sid))) for sid in counts}
    assert counts
    for sid, n in counts.items():
        page = client.get(f"/sources/{sid}").get_data(as_text=True)
        assert set(re.findall(r'data-claim-id="([^"]+)"', page)) == uids[sid]
        assert len(re.findall(r'<mark class="[^"]*claim-start[^"]*"', page)) == n


def test_speaker_page_shows_aliases_side_and_chart(client, seeded):
    page = client.get("/speakers/Zelenskyy").get_data(as_text=True)
    assert "Volodymyr Zelensky" in page
    assert "<svg" in page and "<rect" in page
    data = client.get("/speakers/Zelenskyy?format=json").json
    assert data["speakers"][0]["side"] == "Ukraine"
    assert sum(r["claims"] for r in data["per_day"]) <= data["total"]


def _token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_review_round_trip(client, seeded):
    cid = _one(seeded, select(func.max(Contradiction.id)))[0]
    page = client.get(f"/contradictions/{cid}").get_data(as_text=True)
    assert "No ruling yet." in page
    form = {"csrf_token": _token(page), "status": "confirmed", "reviewer": "Ada Checker",
            "note": "both dated the same day <b>checked</b>"}

    refused = client.post(f"/contradictions/{cid}/review", data={**form, "csrf_token": "forged"})
    assert refused.status_code == 403
    assert client.get(f"/contradictions/{cid}?format=json").json["finding"]["status"] == "open"

    done = client.post(f"/contradictions/{cid}/review", data=form)
    assert done.status_code == 303 and done.headers["Location"].endswith(f"/contradictions/{cid}")
    data = client.get(f"/contradictions/{cid}?format=json").json
    assert data["finding"]["status"] == "confirmed"
    assert [(r["status"], r["reviewer"], r["note"]) for r in data["reviews"]] == [
        ("confirmed", "Ada Checker", "both dated the same day <b>checked</b>")]
    page = client.get(f"/contradictions/{cid}").get_data(as_text=True)
    assert "Ada Checker" in page and "&lt;b&gt;checked&lt;/b&gt;" in page
    assert cid in [x["id"] for x in cli_json(seeded, "contradictions", "--all", "--status", "confirmed")]

    reopened = client.post(f"/contradictions/{cid}/review", data={**form, "status": "open", "note": ""})
    assert reopened.status_code == 303
    data = client.get(f"/contradictions/{cid}?format=json").json
    assert data["finding"]["status"] == "open" and [r["status"] for r in data["reviews"]] == ["confirmed", "open"]
    assert client.post(f"/contradictions/{cid}/review", data={**form, "reviewer": " "}).status_code == 400
    assert client.post(f"/contradictions/{cid}/review", data={**form, "status": "maybe"}).status_code == 400
    assert client.post("/contradictions/999999/review", data=form).status_code == 404


def test_cli_review_records_the_reviewer(client, seeded):
    cid = _one(seeded, select(func.min(Contradiction.id)))[0]
    run(seeded, "contradictions", "review", str(cid), "--status", "dismissed", "--note", "same town, two dates",
        "--reviewer", "Ben Desk")
    data = client.get(f"/contradictions/{cid}?format=json").json
    assert data["reviews"][-1]["reviewer"] == "Ben Desk" and data["finding"]["status"] == "dismissed"
    run(seeded, "contradictions", "review", str(cid), "--status", "open", "--reviewer", "Ben Desk")
    assert client.get(f"/contradictions/{cid}?format=json").json["finding"]["status"] == "open"


def test_speaker_names_never_break_the_colour_class(client, seeded):
    with Session(open_database(seeded)) as s:
        names = list(s.scalars(select(Speaker.name)))
    from provenance.web.http import speaker_class

    assert all(re.fullmatch(r"sp\d", speaker_class(n)) for n in names)
    assert speaker_class(None) == "sp-none"


def test_queue_filters_by_place(client):
    every = client.get("/contradictions?format=json&kind=all&limit=0").json
    named = client.get("/contradictions?format=json&kind=all&limit=0&place=KUPIANSK").json
    assert named and len(named) < len(every)
    assert all("kupiansk" in x["explanation"].casefold() for x in named)
    assert client.get("/contradictions?format=json&kind=all&place=%25%25%25").json == []  # a literal %%%, not a wildcard
    page = client.get("/contradictions?kind=all&place=Kupiansk").get_data(as_text=True)
    assert page.count('class="explanation"') == len(named)


def test_serve_refuses_a_busy_port_in_one_line(seeded):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["--db", seeded, "serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"error: cannot listen on 127.0.0.1:{port}: Address already in use"]
    assert CliRunner().invoke(cli, ["--db", seeded, "serve", "--port", "70000"]).exit_code == 2


def test_a_finding_with_sides_is_shown_by_its_sides(client, seeded, monkeypatch):
    """When the query's record carries `sides` (party, assertion, claims), the page shows them as they are."""
    from provenance.web import review as web_review

    real = web_review.list_contradictions

    def with_sides(*args, **kwargs):
        for x in real(*args, **kwargs):
            uids = [m["claim"] for m in x["members"]]
            yield {**x, "sides": [{"party": "Northland", "assertion": "holds the ridge", "claims": uids[:1]},
                                  {"party": "Southland", "assertion": "lost the ridge", "claims": uids[1:]}]}

    monkeypatch.setattr(web_review, "list_contradictions", with_sides)
    cid = _one(seeded, select(func.min(Contradiction.id)))[0]
    page = client.get(f"/contradictions/{cid}").get_data(as_text=True)
    assert "Northland" in page and "holds the ridge" in page and "Southland" in page
    assert page.index("Northland") < page.index("Southland")
    queue = client.get("/contradictions").get_data(as_text=True)
    assert "Northland: “holds the ridge”" in queue

"""End to end in a real headless Chromium (Debian's chromium and
chromium-driver, driven by Selenium): the server on a free loopback port,
a seed article's marked claims counted against the database, a
contradiction confirmed with a note and its ruling seen after a reload.

Outside CI the test is skipped, saying why, when no Chromium is installed;
in CI (CI=true, where .ci/run installs it) a missing browser fails.
PROVENANCE_WEB_SCREENSHOTS=DIR saves the article and contradiction pages
there (the README's screenshots come from `... =docs pytest tests/test_web_e2e.py`)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest import ROOT
from provenance.cli import cli
from provenance.db.engine import open_database
from provenance.db.models import Claim, Contradiction, ContradictionClaim, Source

CHROMIUM = "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _browser_missing() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium chromium-driver)"
    if not os.path.exists(DRIVER):
        return "no chromedriver (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the end-to-end test: {missing}")
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    url = "sqlite:///" + str(tmp_path_factory.mktemp("e2e") / "demo.db")
    here = os.getcwd()
    os.chdir(ROOT)  # stored paths relative to the repository, as `make serve` stores them
    try:
        result = CliRunner().invoke(cli, ["--db", url, "ingest", "sources"], catch_exceptions=False)
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from provenance.cli import main; main()", "--db", url,
                             "serve", "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/sources", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"the server stopped: {proc.stderr.read()}")
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("the server did not answer within 15 s")
    yield url, base
    proc.terminate()
    proc.wait(timeout=10)


def _shot(driver, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("PROVENANCE_WEB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(folder / name))


def test_article_page_marks_each_stored_claim(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    url, base = server
    with Session(open_database(url)) as s:
        sid, n = s.execute(select(Source.id, func.count(Claim.id)).join(Claim).where(Source.path.like("%001_%"))
                           .group_by(Source.id)).one()
        uids = set(s.scalars(select(Claim.uid).where(Claim.source_id == sid)))
    browser.get(f"{base}/sources/{sid}")
    marks = browser.find_elements(By.CSS_SELECTOR, "#article-text mark[data-claim-id]")
    assert {m.get_attribute("data-claim-id") for m in marks} == uids
    assert len(browser.find_elements(By.CSS_SELECTOR, "#article-text mark.claim-start")) == n
    first = browser.find_element(By.CSS_SELECTOR, "#article-text mark.claim-start")
    first.click()  # the side panel shows that claim's attribution
    card = browser.find_element(By.ID, "c-" + first.get_attribute("data-claim-id"))
    assert "active" in card.get_attribute("class")
    assert browser.execute_script("return document.querySelectorAll('script:not([src])').length") == 0
    _shot(browser, "web-article.png", tmp_path)


def test_confirm_a_contradiction_and_see_the_ruling_after_reload(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    url, base = server
    with Session(open_database(url)) as s:
        cid = s.scalar(select(func.min(Contradiction.id)).where(Contradiction.status == "open"))
        members = s.scalar(select(func.count()).select_from(ContradictionClaim)
                           .where(ContradictionClaim.contradiction_id == cid))
    browser.get(f"{base}/contradictions")
    browser.find_element(By.CSS_SELECTOR, f'a[href="/contradictions/{cid}"]').click()
    assert browser.current_url.endswith(f"/contradictions/{cid}")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".side-claim blockquote")) == members
    browser.find_element(By.NAME, "reviewer").send_keys("Ines Checker")
    browser.find_element(By.NAME, "note").send_keys("Both reports dated the same day; the denial is on record.")
    browser.find_element(By.CSS_SELECTOR, 'button[value="confirmed"]').click()
    browser.refresh()
    assert browser.find_element(By.ID, "status").text == "confirmed"
    history = browser.find_element(By.ID, "history").text
    assert "confirmed by Ines Checker" in history and "the denial is on record" in history
    with Session(open_database(url)) as s:
        assert s.scalar(select(Contradiction.status).where(Contradiction.id == cid)) == "confirmed"
    _shot(browser, "web-contradiction.png", tmp_path)

"""The time budget per file: a file that takes longer than the budget to
read and analyse is reported as too slow to analyse, and the batch goes on.

The slow file is made slow artificially (the analysis of articles carrying a
marker word never ends), so nothing here depends on how fast the machine is:
without the budget these tests would not finish.
"""
from __future__ import annotations

import re
import threading

import pytest

from provenance import pipeline
from provenance.batch import run_ingest
from provenance.budget import TooSlow, time_budget
from provenance.cli import App

MARK = "Quillfeather"
GOOD = ("Harbour talks resume\nThe port authority will reopen the northern quay on Monday, "
        "the harbour master Lena Vos said.\n")
SLOW = (f"{MARK} dispatch\nThe ferry company will add two crossings, its director Omar {MARK} said.\n")


@pytest.fixture
def slow_analysis(monkeypatch):
    real = pipeline.analyse

    def analyse(article, index=None):
        if MARK in article.text:
            while True:  # an extractor that never ends on this file
                pass
        return real(article, index)

    monkeypatch.setattr(pipeline, "analyse", analyse)


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD, encoding="utf-8")
    (d / "b.txt").write_text(SLOW, encoding="utf-8")
    (d / "c.txt").write_text(GOOD.replace("Monday", "Friday"), encoding="utf-8")
    return d


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_over_the_budget_is_reported_and_the_batch_goes_on(slow_analysis, folder, tmp_path, workers):
    app = App(f"sqlite:///{tmp_path}/b{workers}.db")
    summary = run_ingest(app, [str(folder)], None, workers, detect=False, budget=2)
    assert (summary.read, summary.new, summary.failed) == (3, 2, 1)
    assert len(summary.errors) == 1
    assert summary.errors[0].endswith("b.txt: too slow to analyse (over the 2 s budget per file)")


def test_the_budget_holds_in_a_thread_too(slow_analysis, folder):
    """Dask runs tasks in worker threads: there the watchdog stops the file."""
    got = []
    pipeline._setup(None, frozenset(), 2)
    worker = threading.Thread(target=lambda: got.append(pipeline.process_path(str(folder / "b.txt"))))
    worker.start()
    worker.join(60)
    assert not worker.is_alive()
    assert got[0].error and "too slow to analyse" in got[0].error


def test_a_runaway_regular_expression_is_stopped():
    with pytest.raises(TooSlow):
        with time_budget(0.3):
            re.match(r"(a+)+$", "a" * 40 + "b")  # ~2**40 steps


def test_no_budget_and_a_quick_body_leave_no_timer_behind():
    with time_budget(0):
        pass
    with time_budget(5):
        x = sum(range(1000))
    assert x == 499500
    import signal
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)

"""The time budget of one file.

A file whose reading and analysis take longer than the budget (wall-clock
seconds) is abandoned: `TooSlow` is raised inside the work and the caller
reports the file as too slow to analyse.

- In a process's main thread (the worker processes of `ingest`, or the one
  process with `--workers 1`): a SIGALRM timer (`setitimer`).  Its handler
  runs between bytecodes and also inside a long regular-expression match
  (the `re` engine checks for signals as it goes).
- In any other thread (a Dask worker's task threads): a watchdog timer thread
  raises `TooSlow` in the worker thread with `PyThreadState_SetAsyncExc`.  It
  takes effect at the next bytecode, so one long C call (a single regex
  match) runs to its end first.

`TooSlow` derives from BaseException so that the extractor's own
`except Exception` clauses do not swallow it.
"""
from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

DEFAULT_BUDGET = 20.0  # seconds; a 40-claim article takes ~0.05 s


class TooSlow(BaseException):
    """The file took longer than its time budget."""


def _raise(_signum, _frame) -> None:
    raise TooSlow()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the body with at most `seconds` of wall-clock time (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        previous = signal.signal(signal.SIGALRM, _raise)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    with _watchdog(seconds):
        yield


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    active = [True]

    def fire() -> None:
        with lock:
            if active[0]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TooSlow))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            active[0] = False
        timer.cancel()

"""A claim's readings (quantities, allocation, refusal) stored as JSON and
read back give the detectors what reading the text gives them."""
from __future__ import annotations

import json

from provenance.contradict import _detect, readings
from provenance.contradict.common import EMPTY
from provenance.contradict.position import _refusal
from provenance.contradict.quantities import quantities_in
from provenance.contradict.share import allocation_in
from provenance.contradict.table import ClaimTable

TEXTS = [
    "The draft caps the armed forces at 600,000 troops.",
    "More than 40 drones were shot down overnight, the air force said.",
    "Between 40 and 90 people were killed in the strike on Tuesday in Harlow.",
    "The dam's electricity would be shared 50-50 by Norland and Sudria.",
    "Kyiv will never accept limits on the size of its army.",
]


def _round(key, reading):
    return readings.load(key, json.loads(json.dumps(readings.dump(key, reading), allow_nan=False)))


def test_quantities_round_trip_with_open_ranges_and_tags():
    for text in TEXTS[:3]:
        qs = quantities_in(text)
        assert qs and _round("q", qs) == qs


def test_allocation_round_trip():
    al = allocation_in(TEXTS[3])
    assert al and _round("al", al) == al


def test_refusal_keeps_what_the_position_detector_reads():
    m = _refusal(TEXTS[4])
    got = _round("rf", m)
    assert (got.start(), got.end(), got.group(0)) == (m.start(), m.end(), m.group(0))


def _table(rows) -> ClaimTable:
    t = ClaimTable()
    t.add_source(1, "Wire", None)
    t.add_source(2, "Daily", None)
    t.extend_columns([i + 1 for i in range(len(rows))], [s for s, _t, _sp in rows], [0] * len(rows),
                     [t_ for _s, t_, _sp in rows], [(sp, "person" if sp != "Draft" else "document") for _s, _t, sp in rows],
                     [("army_size",)] * len(rows), [()] * len(rows))
    return t.done()


def test_detectors_find_the_same_from_stored_readings():
    rows = [(1, "The draft caps the armed forces at 600,000 troops.", "Draft"),
            (2, "Mr Kowal said the armed forces would be capped at 800,000 troops.", "Jan Kowal"),
            (2, "Ukraine will never accept limits on the size of its armed forces, Mr Kowal said.", "Jan Kowal")]
    read = _table(rows)
    want = [(f.detector, f.claims, f.explanation) for f in _detect(read, EMPTY)]
    assert {d.split(".")[0] for d, _c, _e in want} >= {"value", "position"}
    got = readings.of_table(read)
    stored = json.loads(json.dumps({i + 1: {"rd": got.get(i + 1, {})} for i in range(len(rows))}, allow_nan=False))
    filled = _table(rows)
    assert readings.fill(filled, {int(k): v for k, v in stored.items()})
    assert [(f.detector, f.claims, f.explanation) for f in _detect(filled, EMPTY)] == want


def test_a_claim_with_nothing_stored_is_read_from_its_text():
    t = _table([(1, TEXTS[0], "Draft")])
    assert readings.fill(t, {}) is False


def test_the_detectors_read_the_stored_readings_not_the_texts():
    rows = [(1, "The draft caps the armed forces at 600,000 troops.", "Draft"),
            (2, "Mr Kowal said the armed forces would be capped at 800,000 troops.", "Jan Kowal")]
    read = _table(rows)
    assert any(f.detector.startswith("value.") for f in _detect(read, EMPTY))
    stored = {i + 1: {"rd": readings.of_table(read).get(i + 1, {})} for i in range(len(rows))}
    stored[2]["rd"]["q"][0][2] = [600000.0, 600000.0, "", "600,000"]  # as if the claim had said 600,000
    filled = _table(rows)
    assert readings.fill(filled, stored)
    assert not any(f.detector.startswith("value.") for f in _detect(filled, EMPTY))

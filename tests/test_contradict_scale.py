"""Detection at scale: one finding per distinct disagreement (groups of claims
saying the same thing, shown by their first stored claims), a ClaimTable
detects what a list of views detects, and the fast regex path matches
exactly what the patterns match.  Sentences written for these tests."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from provenance.contradict import detect
from provenance.contradict import agreement, control, denial, position, quantities, share
from provenance.contradict.common import REPRESENTATIVES
from provenance.contradict.control import detect_control
from provenance.contradict.denial import detect_denials
from provenance.contradict.fastre import Fast, lowered_source, lowered_text
from provenance.contradict.lexicon import lexicon
from provenance.contradict.numbers import NUM_RE, number_starts
from provenance.contradict.position import detect_positions
from provenance.contradict.share import detect_shares
from provenance.contradict.table import ClaimTable
from provenance.contradict.value import detect_values
from provenance.records import ClaimView

K = REPRESENTATIVES
HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"

ARMY_A = "A draft seen by reporters caps Ukraine's army at 700,000 troops."
ARMY_B = "Negotiators said Ukraine's armed forces would be limited to 450,000."
POWER_EQUAL = "The plant's electricity would be split between Ukraine and the United States equally, the envoy said."
POWER_RUSSIA = "Under the draft Russia would keep two thirds of the plant's electricity."
TAKEN = "Russian forces have taken full control of Vovchansk, the ministry said."
HELD = "Ukrainian units remain in control of Vovchansk, a brigade spokesman said."
STRIKE = "Admiral Kovac said drones had hit the fuel depot at Reni overnight."
DENIED = "The harbour office denied Kovac's claims that drones hit the fuel depot."
REFUSAL = "Ukraine will not accept limits on the size of its navy, the minister said."
PLAN = "The plan limits the size of Ukraine's navy to twenty ships."


def view(i, text, speaker, source=None, topics=(), stype="person"):
    return ClaimView(id=i, uid=f"u{i}", source_id=i if source is None else source, text=text, quote=None,
                     kind="indirect", speaker=speaker, speaker_type=stype, outlet="Test Wire",
                     published="2025-04-02", topics=tuple(topics))


def repeated(text, speaker, ids, **kw):
    """One claim per article, each article repeating the same words."""
    return [view(i, text, speaker, **kw) for i in ids]


def only(findings):
    assert len(findings) == 1, [f.explanation for f in findings]
    return findings[0]


# --- the grouping rule -------------------------------------------------------

def test_value_repeats_are_one_finding_shown_by_first_claims():
    cs = repeated(ARMY_A, "Draft", range(1, 8)) + repeated(ARMY_B, "Negotiators", range(8, 12))
    f = only(detect_values(cs))
    assert set(f.claims) == {1, 2, 3, 4, 5, 8, 9, 10, 11}  # 5 of the 7 A's, all 4 B's, not 7 x 4 pairs
    assert "(+6 more)" in f.explanation and "(+3 more)" in f.explanation


def test_value_finding_does_not_grow_with_repeating_articles():
    small = repeated(ARMY_A, "Draft", range(1, 21)) + repeated(ARMY_B, "Negotiators", range(21, 41))
    big = small + repeated(ARMY_A, "Draft", range(41, 241)) + repeated(ARMY_B, "Negotiators", range(241, 441))
    f, g = only(detect_values(small)), only(detect_values(big))
    assert len(g.claims) == 2 * K
    assert set(f.claims) == set(g.claims)  # the same claims, so the same key: a ruling stays attached


def test_share_repeats_are_one_finding():
    cs = repeated(POWER_EQUAL, "Envoy", range(1, 9)) + repeated(POWER_RUSSIA, "Draft", range(9, 12))
    f = only(detect_shares(cs))
    assert set(f.claims) == {1, 2, 3, 4, 5, 9, 10, 11}


def test_control_repeats_are_one_finding():
    cs = repeated(TAKEN, "Russian ministry", range(1, 31)) + repeated(HELD, "Brigade spokesman", range(31, 51))
    f = only(detect_control(cs))
    assert set(f.claims) == {1, 2, 3, 4, 5, 31, 32, 33, 34, 35}
    assert "(+29 more)" in f.explanation and "(+19 more)" in f.explanation


def test_denial_one_finding_per_pair_of_statements():
    cs = repeated(STRIKE, "Ivo Kovac", range(1, 7)) + repeated(DENIED, "Harbour office", range(7, 15))
    f = only(detect_denials(cs))
    assert f.claims == (7, 8, 9, 10, 11, 1, 2, 3, 4, 5)  # deniers first, then the denied claims


def test_denial_in_each_article_points_at_its_own_article():
    cs = []
    for a in range(1, 9):  # the claim and its denial in the same article, eight articles
        cs += [view(2 * a - 1, STRIKE, "Ivo Kovac", source=a), view(2 * a, DENIED, "Harbour office", source=a)]
    f = only(detect_denials(cs))
    assert f.claims == (2, 4, 6, 8, 10, 1, 3, 5, 7, 9)


def test_position_one_finding_per_refusing_statement_and_topic():
    cs = (repeated(REFUSAL, "Minister", range(1, 7), topics=["army_size"])
          + repeated(PLAN, "Plan", range(7, 15), topics=["army_size"], stype="document"))
    f = only(detect_positions(cs))
    assert set(f.claims) == {1, 2, 3, 4, 5, 7, 8, 9, 10, 11}


def test_position_best_plan_statement_matches_a_full_scan():
    """Each refusal is paired with the plan statement sharing the most stems
    with what it refuses, the first in claim order on a tie: the indexed
    search (only the first of the statements alike in the refused words is
    indexed) picks what scanning every statement picks."""
    import random

    from provenance.contradict.lexicon import content_stems

    rng = random.Random(7)
    objects = ["limits on the size of its navy", "limits on its navy and coast guard", "a ban on new warships",
               "the transfer of the northern port", "any cap on its coast guard", "foreign ships in its port"]
    plans = ["The plan limits the size of Ukraine's navy to twenty ships.",
             "The plan caps the navy and the coast guard at fifty vessels.",
             "Under the draft the northern port would be transferred to a joint authority.",
             "The draft bans new warships for ten years.",
             "The plan limits the coast guard to coastal waters, the draft says.",
             "Foreign ships would be barred from the port under the plan."]
    cs, i = [], 0
    for _ in range(60):
        i += 1
        if rng.random() < 0.5:
            text = rng.choice(plans).replace("plan", rng.choice(["plan", "proposal"]))
            cs.append(view(i, text, "Plan", source=i, topics=["navy"], stype="document"))
        else:
            text = f"Ukraine will not accept {rng.choice(objects)}, the {rng.choice(['minister', 'admiral'])} said."
            cs.append(view(i, text, rng.choice(["Minister", "Admiral"]), source=i, topics=["navy"]))
    need = position._rules()[1]
    docs = [c for c in cs if c.speaker_type == "document"]
    expected = set()
    for c in cs:
        m = position._refusal(c.text)
        if c.speaker_type == "document" or m is None:
            continue
        refused = content_stems(c.text[m.end():])
        scores = [(len(refused & content_stems(d.text)), -d.id, d.text) for d in docs]
        n, _, best = max(scores)
        if n >= need:
            expected.add((c.text, best))
    found = set()
    for f in detect_positions(cs):
        by_id = {c.id: c for c in cs}
        members = [by_id[k] for k in f.claims]
        found.add((next(c.text for c in members if c.speaker_type != "document"),
                   next(c.text for c in members if c.speaker_type == "document")))
    assert len(expected) >= 4
    assert found == expected


def test_agreement_repeats_are_one_statement():
    cs = [view(i, "An adviser said Halvorsen had signed the contract with the Oslo club.", "Adviser")
          for i in range(1, 10)]
    cs += [view(i, "The club said no agreement had been reached with Halvorsen.", "Club") for i in range(10, 13)]
    f = only(detect_denials(cs))
    assert f.detector == "denial.agreement" and set(f.claims) == {10, 11, 12, 1, 2, 3, 4, 5}


def test_claims_agreeing_are_never_compared():
    cs = repeated(ARMY_A, "Draft", range(1, 50)) + repeated(TAKEN, "Russian ministry", range(50, 99))
    assert detect(cs) == []


# --- a ClaimTable is a sequence of views ------------------------------------

def table_of(views):
    t = ClaimTable()
    for v in views:
        t.add_source(v.source_id, v.outlet, v.published)
    for v in sorted(views, key=lambda v: v.id):
        t.add(v.id, v.source_id, 0, v.text, v.speaker, v.speaker_type, v.topics, v.points)
    return t.done()


def test_table_detects_what_a_list_detects():
    cs = (repeated(ARMY_A, "Draft", range(1, 8)) + repeated(ARMY_B, "Negotiators", range(8, 12))
          + repeated(POWER_EQUAL, "Envoy", range(12, 15)) + repeated(POWER_RUSSIA, "Draft", range(15, 17))
          + repeated(STRIKE, "Ivo Kovac", range(17, 20)) + repeated(DENIED, "Harbour office", range(20, 23))
          + repeated(REFUSAL, "Minister", range(23, 25), topics=["army_size"])
          + repeated(PLAN, "Plan", range(25, 27), topics=["army_size"], stype="document"))
    table = table_of(cs)
    assert len(table) == len(cs) and [v.text for v in table] == [v.text for v in cs]
    assert len(table.texts) == 8  # each distinct text kept once
    got = [(f.kind, f.claims, f.explanation) for f in detect(table)]
    assert got == [(f.kind, f.claims, f.explanation) for f in detect(cs)]
    assert {k for k, _, _ in got} == {"value", "share", "denial", "position"}


def test_table_wants_claims_in_id_order_and_finds_offsets():
    t = ClaimTable()
    t.add(5, 1, 40, "x", None, None)
    t.add(9, 1, 80, "y", None, None)
    with pytest.raises(ValueError):
        t.add(7, 1, 0, "z", None, None)
    assert t.starts[9] == 80 and 7 not in t.starts and t.index_of(5) == 0 and t[-1].id == 9


# --- the fast regex path -----------------------------------------------------

def _patterns():
    """Every pattern the detectors run through Fast."""
    lex = lexicon()
    out = [lex._party_re, lex._place_re, lex._anaphora_re, quantities._any_count_noun(),
           control._CUE, control._THERE, control._TOWN_OF, share._HAS_SHARE, agreement._AGREE_CUE, Fast(NUM_RE)]
    for qt in quantities.qtypes():
        out += [*qt.patterns, *(p for p in (qt.cue, qt.anchor) if p is not None)]
    r = control._rules()
    out += [cue for _, _, _, _, cue in r["pats"]]
    out += [r[k] for k in ("neg", "breaks", "false_after", "modal", "own", "party_forces", "reporter")]
    out += [p for _, p in share._rules()[0]] + list(share._rules()[1].values())
    out += list(denial._rules()[0]) + [position._rules()[0]]
    ar = agreement._agreement_rules()
    out += [*ar["asserts"], *ar["denies"], ar["qualifier"]]
    assert all(isinstance(p, Fast) for p in out)
    return out


OWN = [ARMY_A, ARMY_B, POWER_EQUAL, POWER_RUSSIA, TAKEN, HELD, STRIKE, DENIED, REFUSAL, PLAN,
       "İstanbul officials said the ſhip carried about 600,000 tonnes of grain to Odesa.",  # cased non-ASCII
       "“We will NOT accept it,” the MINISTER said of the 50% share – €45m in all.",
       "KYIV (Reuters) - Russia's army, some 1.3 million strong, Took Full Control of the town."]


def test_fast_patterns_match_exactly_what_the_patterns_match():
    texts = OWN + [p.read_text(encoding="utf-8") for p in sorted(HELDOUT.glob("*.txt"))]
    fast_ones = 0
    for fast in _patterns():
        fast_ones += fast.low is not None
        for text in texts:
            want = [(m.span(), m.groupdict(), m.group(0)) for m in fast.pattern.finditer(text)]
            assert [(m.span(), m.groupdict(), m.group(0)) for m in fast.finditer(text)] == want, fast.pattern.pattern
            assert fast.test(text) == bool(want)
    assert fast_ones > 40  # most patterns do take the fast path


def test_number_gate_and_number_starts_agree_with_the_patterns():
    texts = OWN + [p.read_text(encoding="utf-8") for p in sorted(HELDOUT.glob("*.txt"))]
    texts += ["No digits, no numbers here.", "Halving it.", "A dozen of them.", "F16 jets"]
    for text in texts:
        assert quantities._has_number(text) == bool(quantities._HAS_NUMBER.search(text)), text
        low = lowered_text(text)
        if low is None:
            continue
        starts = number_starts(low)
        for qt in quantities.qtypes():
            for fast in qt.patterns:
                if id(fast) in quantities._number_led():
                    got = [(m.span(), m.groupdict()) for m in fast.matches_at(text, starts)]
                    assert got == [(m.span(), m.groupdict()) for m in fast.pattern.finditer(text)], text


def test_places_are_found_only_where_a_place_word_starts():
    lex = lexicon()
    text = "Fighting near Kupiansk and in Kharkiv; the town of Kupiansk, not Kupianskyi, was shelled."
    want = [(m.start(), m.end()) for m in lex.place_re.finditer(text)]
    assert [(s, e) for s, e, _ in lex.places_in(text)] == want and want


def test_lowered_source_keeps_meaning_or_refuses():
    assert lowered_source(r"(?P<Val>Kyiv)\s+[A-Z]\w+") == r"(?P<Val>kyiv)\s+[a-z]\w+"
    assert lowered_source(r"[A-z]+") is None  # would match other characters lower-cased
    assert lowered_source(r"\x41rmy") is None  # a letter in disguise
    assert lowered_source(r"(?-i:[A-Z])ity") is None  # a case-sensitive part
    assert lowered_source(r"\S+\W\D") == r"\S+\W\D"


def test_lowered_text_only_when_positions_and_case_agree():
    assert lowered_text("“Kyiv” – €5") == "“kyiv” – €5"
    assert lowered_text("İstanbul") is None and lowered_text("Ünal said") is None
    fast = Fast(re.compile(r"istanbul", re.I))
    assert fast.test("Istanbul") and fast.test("İstanbul") == bool(re.search(r"istanbul", "İstanbul", re.I))

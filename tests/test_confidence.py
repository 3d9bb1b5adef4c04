import random

import pytest

from onrecord.model import Span
from onrecord.statements import extract, rule_candidates
from onrecord.statements.confidence import (
    StatementModel,
    calibrate,
    inside_others,
    load_model,
)
from onrecord.statements.rules import Candidate


def _cand(text, start, end, rule="ccomp"):
    return Candidate("indirect", Span.of(text, start, end), None, None, 0.9, rule=rule)


def test_inside_others_matches_comparing_every_pair():
    rng = random.Random(11)
    text = "x" * 400
    for _ in range(50):
        spans = [(a, a + rng.randint(1, 60)) for a in (rng.randint(0, 300) for _ in range(rng.randint(1, 25)))]
        spans += spans[:3]  # the same content twice is not one inside the other
        cands = [_cand(text, a, b) for a, b in spans]
        brute = [any(c <= a and b <= d and (c, d) != (a, b) for c, d in spans) for a, b in spans]
        assert inside_others(cands) == brute


# a model that reads one feature: statements the 'object' rule finds are unlikely
OBJECTS_UNLIKELY = StatementModel({"rule=object": -6.0}, 2.0, 0.5)


@pytest.mark.slow
def test_below_the_threshold_a_statement_is_left_out_and_the_rest_take_the_measured_rate(parse):
    parsed = parse("The council endorsed the new budget. Maria Lopez said the port would reopen.")
    raw = rule_candidates(parsed)
    assert {c.rule for c in raw} >= {"object", "ccomp"}
    kept = calibrate(parsed, raw, OBJECTS_UNLIKELY)
    assert [c.rule for c in kept] == ["ccomp"]
    assert kept[0].confidence == pytest.approx(0.88, abs=0.01)  # 1 / (1 + e^-2)


@pytest.mark.slow
def test_the_later_part_of_a_split_quote_shares_the_first_parts_fate(parse):
    parsed = parse("“We are ready,” Okafor said. “The ships can leave tomorrow if the weather holds.”")
    raw = rule_candidates(parsed)
    assert [c.rule for c in raw] == ["ccomp", "continuation"]
    first_unlikely = StatementModel({"rule=ccomp": -6.0}, 2.0, 0.5)
    assert calibrate(parsed, raw, first_unlikely) == []
    kept = calibrate(parsed, raw, StatementModel({"rule=continuation": -6.0}, 2.0, 0.5))
    assert [c.rule for c in kept] == ["ccomp", "continuation"]


@pytest.mark.slow
def test_speech_relayed_in_a_report_is_kept_below_the_threshold(parse):
    parsed = parse("The Daily Courier reported that a senior defence official said the convoy had been recalled.")
    raw = rule_candidates(parsed)
    nothing_likely = StatementModel({}, -6.0, 0.5)
    kept = calibrate(parsed, raw, nothing_likely)
    assert [c.source.text for c in kept] == ["a senior defence official"]
    assert kept[0].confidence < 0.5


@pytest.mark.slow
def test_speech_inside_a_statement_that_relays_nothing_is_not_kept_for_it(parse):
    parsed = parse("Maria Lopez said the minister had told the council that the port would reopen.")
    raw = rule_candidates(parsed)
    assert [c.source.text for c in raw] == ["Maria Lopez", "the minister"]
    assert calibrate(parsed, raw, StatementModel({}, -6.0, 0.5)) == []


@pytest.mark.slow
def test_the_shipped_model_drops_the_act_and_keeps_the_statement_around_it(parse):
    assert load_model() is not None
    text = "Defence Minister Aiko Tanabe told reporters the army would not move until parliament approved the mission."
    found = extract(parse(text))
    assert [c.cue.text for c in found] == ["told reporters"]
    assert 0.5 < found[0].confidence < 1


@pytest.mark.slow
def test_without_a_model_the_rules_figures_stay(parse, monkeypatch):
    from onrecord.statements import confidence
    monkeypatch.setattr(confidence, "load_model", lambda: None)
    parsed = parse("Maria Lopez said the council approved the plan on Monday.")
    assert calibrate(parsed, rule_candidates(parsed)) == rule_candidates(parsed)

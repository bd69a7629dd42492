"""Engine-vs-supervisor agreement from verdicts."""
import pytest

from feedback.agreement import agreement, agreement_by_day, pairs


def verdict(verdict, engine, supervisor=None):
    return {"verdict": verdict, "engine_label": engine, "supervisor_label": supervisor}


def test_pairs_from_each_kind_of_verdict():
    assert pairs([verdict("agree", "advice"), verdict("relabel", "advice", "information"),
                  verdict("disagree", "reassurance")]) == [
        ("advice", "advice"), ("advice", "information"), ("reassurance", "(not the engine's label)")]


def test_precision_recall_and_kappa_per_label():
    rows = {r.label: r for r in agreement(
        [verdict("agree", "advice")] * 6 + [verdict("disagree", "advice")] * 2
        + [verdict("relabel", "reassurance", "advice")] * 2 + [verdict("agree", "reassurance")] * 4)}
    advice = rows["advice"]
    assert (advice.engine_flags, advice.supervisor_labels, advice.agreed) == (8, 8, 6)
    assert advice.precision == 0.75 and advice.recall == 0.75
    # 14 verdicts: a=6, b=2, c=2, d=4 -> po = 10/14, pe = (8*8 + 6*6)/196
    assert advice.kappa == pytest.approx(round((10 / 14 - 100 / 196) / (1 - 100 / 196), 3))
    assert rows["reassurance"].precision == round(4 / 6, 3) and rows["reassurance"].recall == 1.0


def test_no_verdicts_no_rows():
    assert agreement([]) == []


def test_agreement_by_day_per_engine_label():
    rows = agreement_by_day([
        {**verdict("agree", "advice"), "created_at": "2026-11-01T10:00"},
        {**verdict("disagree", "advice"), "created_at": "2026-11-01T11:00"},
        {**verdict("agree", "advice"), "created_at": "2026-11-02T09:00"},
    ])
    assert rows == [{"day": "2026-11-01", "engine_label": "advice", "agreement": 0.5, "verdicts": 2},
                    {"day": "2026-11-02", "engine_label": "advice", "agreement": 1.0, "verdicts": 1}]

"""How far supervisors agree with the engine's flags: per-label precision, recall and Cohen's kappa.

Each supervisor verdict on a flagged turn gives one pair (engine label, supervisor label):
- agree: the supervisor's label is the engine's;
- relabel: the supervisor's label is the one they chose;
- disagree (without a label): the supervisor says it is *not* the engine's label; for every label
  the pair then counts as "supervisor: not this label".
"""
from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

DISAGREED = "(not the engine's label)"


class LabelAgreement(BaseModel):
    label: str
    engine_flags: int
    supervisor_labels: int
    agreed: int
    precision: float | None
    recall: float | None
    kappa: float | None


def pairs(verdicts: Iterable[dict]) -> list[tuple[str, str]]:
    """(engine label, supervisor label) for each verdict row {verdict, engine_label, supervisor_label}."""
    out = []
    for row in verdicts:
        engine = row["engine_label"]
        supervisor = {"agree": engine, "relabel": row.get("supervisor_label")}.get(row["verdict"], DISAGREED)
        out.append((engine, supervisor or DISAGREED))
    return out


def _kappa(a: int, b: int, c: int, d: int) -> float | None:
    """Cohen's kappa for a 2x2 table: a both yes, b engine only, c supervisor only, d both no."""
    n = a + b + c + d
    if n == 0:
        return None
    observed = (a + d) / n
    expected = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n)
    return None if expected == 1 else round((observed - expected) / (1 - expected), 3)


def agreement(verdicts: Iterable[dict]) -> list[LabelAgreement]:
    """One row per label that either side used, most flagged first."""
    both = pairs(verdicts)
    labels = sorted({e for e, _ in both} | {s for _, s in both if s != DISAGREED})
    rows = []
    for label in labels:
        a = sum(e == label and s == label for e, s in both)
        b = sum(e == label and s != label for e, s in both)
        c = sum(e != label and s == label for e, s in both)
        d = len(both) - a - b - c
        rows.append(LabelAgreement(
            label=label, engine_flags=a + b, supervisor_labels=a + c, agreed=a,
            precision=round(a / (a + b), 3) if a + b else None,
            recall=round(a / (a + c), 3) if a + c else None,
            kappa=_kappa(a, b, c, d),
        ))
    return sorted(rows, key=lambda r: -r.engine_flags)


def agreement_by_day(verdicts: Iterable[dict]) -> list[dict]:
    """Share of flags supervisors agreed with, per day and engine label: is trust in the engine moving?"""
    days: dict[tuple[str, str], list[bool]] = {}
    for v in verdicts:
        days.setdefault((v["created_at"][:10], v["engine_label"]), []).append(v["verdict"] == "agree")
    return [{"day": day, "engine_label": label, "agreement": sum(agreed) / len(agreed), "verdicts": len(agreed)}
            for (day, label), agreed in sorted(days.items())]

"""Precision, recall and F1 per label, macro-F1 and lapse-vs-not F1, for any labelled CSV.

Understands the coarse labels of esconv_dev.csv (question, reflection, reassurance_or_affirmation, ...):
when the gold labels are coarse, predictions are mapped onto them before scoring.
"""
from __future__ import annotations

from collections.abc import Sequence

from feedback.types import LABELS, LAPSES

COARSE = {"open_question": "question", "closed_question": "question", "reflection": "reflection", "summary": "reflection",
          "reassurance": "reassurance_or_affirmation", "affirmation": "reassurance_or_affirmation",
          "advice": "advice", "information": "information", "other": "other", "interpretation": "other"}
COARSE_LABELS = ("question", "reflection", "reassurance_or_affirmation", "advice", "information", "other")
COARSE_LAPSES = frozenset({"advice"})


def is_coarse(gold: Sequence[str]) -> bool:
    return any(g in COARSE_LABELS and g not in LABELS for g in gold)


def prf(gold: Sequence[str], pred: Sequence[str], label: str) -> tuple[float, float, float, int]:
    tp = sum(g == label and p == label for g, p in zip(gold, pred))
    fp = sum(g != label and p == label for g, p in zip(gold, pred))
    fn = sum(g == label and p != label for g, p in zip(gold, pred))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, tp + fn


def report(gold: Sequence[str], pred: Sequence[str]) -> dict:
    """All the figures as a dict: {'labels': {label: (p, r, f1, support)}, 'macro_f1', 'lapse_f1', 'accuracy'}."""
    coarse = is_coarse(gold)
    if coarse:
        pred = [COARSE.get(p, p) for p in pred]
    labels = COARSE_LABELS if coarse else LABELS
    lapses = COARSE_LAPSES if coarse else LAPSES
    per = {lab: prf(gold, pred, lab) for lab in labels if any(g == lab for g in gold) or lab in pred}
    lap = prf(["lapse" if g in lapses else "-" for g in gold], ["lapse" if p in lapses else "-" for p in pred], "lapse")
    present = [v[2] for lab, v in per.items() if v[3]]  # macro over labels that occur in the gold standard
    return {"labels": per, "macro_f1": sum(present) / len(present) if present else 0.0, "lapse_f1": lap[2],
            "accuracy": sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0, "coarse": coarse}


def format_report(r: dict, title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"{'label':28s} {'prec':>6s} {'rec':>6s} {'f1':>6s} {'n':>6s}")
    for lab, (p, rc, f, n) in r["labels"].items():
        lines.append(f"{lab:28s} {p:6.3f} {rc:6.3f} {f:6.3f} {n:6d}")
    lines.append(f"{'macro-F1 (gold labels)':28s} {r['macro_f1']:20.3f}")
    lines.append(f"{'lapse-vs-not F1':28s} {r['lapse_f1']:20.3f}" + ("  (coarse gold: advice is the only lapse)" if r["coarse"] else ""))
    lines.append(f"{'accuracy':28s} {r['accuracy']:20.3f}")
    return "\n".join(lines)


CONFIDENCE_BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)


def reliability(gold: Sequence[str], pred: Sequence[str], conf: Sequence[float], lapses_only: bool = False) -> list[dict]:
    """How often the engine is right at each confidence: one row per bin with its turns and accuracy (for lapse
    predictions, also the share whose gold label is any lapse). A calibrated engine's accuracy matches its confidence."""
    rows = []
    for lo, hi in zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:]):
        picked = [(g, p) for g, p, c in zip(gold, pred, conf) if lo <= c < hi and (p in LAPSES or not lapses_only)]
        if picked:
            rows.append({"bin": f"{lo:.2f}-{min(hi, 1.0):.2f}", "turns": len(picked),
                         "accuracy": sum(g == p for g, p in picked) / len(picked),
                         "any_lapse": sum(g in LAPSES for g, _ in picked) / len(picked)})
    return rows


def flag_threshold(gold: Sequence[str], pred: Sequence[str], conf: Sequence[float], precision: float = 0.9) -> float:
    """The lowest bin edge from which the engine's lapse predictions, bin by bin, are a lapse at least `precision`
    of the time: a flag at any confidence it allows is right that often (a cumulative figure would let many sure,
    right flags carry a band of mostly wrong ones)."""
    edge = 1.0
    for row in reversed(reliability(gold, pred, conf, lapses_only=True)):
        if row["any_lapse"] < precision:
            break
        edge = float(row["bin"].split("-")[0])
    return edge

"""The skilled-session check: whole sessions written as a skilled counsellor and as a struggling trainee would hold
them (`corpus/sessions/`, never trained on), run turn by turn through the engine as the app runs them.

A trainee who practises well must rarely be told they lapsed, and the share of flagged turns should tell the two
kinds of session apart. Each counsellor turn also carries its author's label, so the flags' precision is measured.
"""
from __future__ import annotations

import csv
from pathlib import Path
from statistics import median

from feedback.evaluate import report
from feedback.types import LAPSES, HistoryTurn

SESSIONS = Path(__file__).parent / "corpus" / "sessions"


def read_session(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{"speaker": "trainee" if r["speaker"] == "counsellor" else "client", "text": r["text"],
                 "label": r.get("label") or ""} for r in csv.DictReader(fh)]


def analyse_session(rows: list[dict]) -> list[tuple[str, str, str]]:
    """(gold label, engine label, flag) for each counsellor turn; flag is 'lapse', 'possible' or ''."""
    from feedback.engine import analyse_turn

    history: list[HistoryTurn] = []
    out = []
    for r in rows:
        if r["speaker"] == "trainee":
            fb = analyse_turn(r["text"], history)
            out.append((r["label"], fb.label, "lapse" if fb.lapse else "possible" if fb.possible_lapse else ""))
            history.append(HistoryTurn(speaker="trainee", text=r["text"], feedback=fb))
        else:
            history.append(HistoryTurn(speaker="client", text=r["text"]))
    return out


def auc(low: list[float], high: list[float]) -> float:
    """P(a struggling session's rate > a skilled one's), ties counting half."""
    pairs = [(a > b) + 0.5 * (a == b) for a in high for b in low]
    return sum(pairs) / len(pairs) if pairs else 0.0


def check(folder: Path = SESSIONS) -> dict:
    """Flag rates per session and kind, their separation (AUC), and the flags' precision against the authors' labels."""
    sessions, gold, pred = {}, [], []
    for path in sorted(folder.glob("*.csv")):
        turns = analyse_session(read_session(path))
        sessions[path.stem] = {"kind": path.stem.split("-")[0], "turns": len(turns),
                               "flag_rate": sum(f == "lapse" for _, _, f in turns) / len(turns),
                               "possible_rate": sum(f == "possible" for _, _, f in turns) / len(turns),
                               "gold_lapse_rate": sum(g in LAPSES for g, _, _ in turns) / len(turns)}
        gold += [g for g, _, _ in turns]
        pred += [p for _, p, _ in turns]
    by_kind = {k: [s["flag_rate"] for s in sessions.values() if s["kind"] == k] for k in ("skilled", "struggling")}
    flags = [(g, p) for g, p in zip(gold, pred) if p in LAPSES]
    return {"sessions": sessions,
            "median_flag_rate": {k: median(v) if v else None for k, v in by_kind.items()},
            "auc": auc(by_kind["skilled"], by_kind["struggling"]),
            "flag_precision": sum(g in LAPSES for g, _ in flags) / len(flags) if flags else None,
            "report": report(gold, pred)}

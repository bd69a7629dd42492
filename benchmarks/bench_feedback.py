"""Prints the feedback engine's speed and memory: model load, median ms per analysed turn, batch turns per second, peak RSS.

Everything is included: the sentence encoder's forward pass per turn, and in a fresh interpreter the imports of
numpy and torch and the loading of the MiniLM weights.

Run: python benchmarks/bench_feedback.py   (targets: load <= 2 s, median <= 10 ms, batch >= 200 turns/s)
"""
from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LOAD = ("import time; t = time.perf_counter(); import feedback; feedback.model.load(); feedback.risk.load(); "
        "print(time.perf_counter() - t)")


def load_seconds(repeats: int = 3) -> float:
    """Import + model load in a fresh interpreter each time (what the app pays at start-up); the median of a few."""
    runs = [float(subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
            for _ in range(repeats)]
    return statistics.median(runs)


def main() -> None:
    from feedback import HistoryTurn, analyse_turn
    from feedback.engine import classify_many
    from feedback.train import read_corpus

    from feedback.risk import client_cue

    rows = read_corpus()
    analyse_turn("warm-up")
    per_turn, cold = [], []
    for r in rows[::4][:600]:
        history = [HistoryTurn(speaker="client", text=r["client"])]
        t = time.perf_counter()
        analyse_turn(r["trainee"], history)
        cold.append((time.perf_counter() - t) * 1000)
    for r in rows[1::4][:600]:
        # As in the app: the client's turn was judged for risk when it was saved (sessions.client_reply).
        history = [HistoryTurn(speaker="client", text=r["client"])]
        client_cue(r["client"])
        t = time.perf_counter()
        analyse_turn(r["trainee"], history)
        per_turn.append((time.perf_counter() - t) * 1000)
    batch = rows[:2000]
    t = time.perf_counter()
    classify_many([(r["client"], r["trainee"]) for r in batch])
    rate = len(batch) / (time.perf_counter() - t)
    print(f"model load (fresh interpreter, import + load): {load_seconds():.2f} s")
    print(f"analyse_turn median, labels and risk: {statistics.median(per_turn):.2f} ms/turn "
          f"(p95 {sorted(per_turn)[int(0.95 * len(per_turn))]:.2f} ms, n={len(per_turn)}); "
          f"with the client's turn not yet judged for risk {statistics.median(cold):.2f} ms")
    print(f"classify batch: {rate:.0f} turns/s (n={len(batch)})")
    print(f"peak resident memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

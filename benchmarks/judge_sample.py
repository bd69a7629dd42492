"""A blind, shuffled sample of client turns for raters, and the means once they have rated it.

    .venv/bin/python benchmarks/judge_sample.py make BEFORE.jsonl AFTER.jsonl OUT_DIR [--n 60] [--seed 0]
    .venv/bin/python benchmarks/judge_sample.py score OUT_DIR RATINGS.csv [RATINGS.csv ...]

`make` takes two record files written by `bench_simulator.py --records` on the same scripts (so the trainee turns
are the same), picks the same N (persona, probe, turn) slots from each, and writes `OUT_DIR/sample.csv` (item id,
persona, the last exchanges, the trainee turn and the client's reply, shuffled, with nothing saying which client
wrote it), `OUT_DIR/cards.md` (each persona's story and facts) and `OUT_DIR/key.csv` (item id -> which client). Raters fill a copy of
sample.csv's ids with coherence, responsiveness and consistency (1 to 5). `score` joins their ratings with the key
and prints each client's means.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from personas import load_cards  # noqa: E402

CRITERIA = ("coherence", "responsiveness", "consistency")
CONTEXT_TURNS = 2


def read(path: str) -> dict[tuple[str, str, int], dict]:
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(r["persona"], r["probe"], r["turn"]): r for r in records}


def context(records: dict, key: tuple[str, str, int]) -> str:
    persona, probe, turn = key
    earlier = [records[(persona, probe, i)] for i in range(max(1, turn - CONTEXT_TURNS), turn) if (persona, probe, i) in records]
    return " / ".join(f"Counsellor: {r['trainee']} | Client: {r['client']}" for r in earlier)


def make(before: str, after: str, out: str, n: int, seed: int) -> int:
    cards = load_cards().cards
    a, b = read(before), read(after)
    slots = sorted(set(a) & set(b))
    rng = random.Random(seed)
    chosen = rng.sample(slots, min(n, len(slots)))
    items = [(key, name, records) for key in chosen for name, records in (("before", a), ("after", b))]
    rng.shuffle(items)
    Path(out).mkdir(parents=True, exist_ok=True)
    with open(Path(out) / "sample.csv", "w", newline="", encoding="utf-8") as fh, \
            open(Path(out) / "key.csv", "w", newline="", encoding="utf-8") as kh:
        sample, answer = csv.writer(fh), csv.writer(kh)
        sample.writerow(["item", "persona", "earlier", "counsellor", "client_reply"])
        answer.writerow(["item", "client", "persona", "probe", "turn"])
        for i, (key, name, records) in enumerate(items, start=1):
            sample.writerow([i, key[0], context(records, key), records[key]["trainee"], records[key]["client"]])
            answer.writerow([i, name, *key])
    with open(Path(out) / "cards.md", "w", encoding="utf-8") as fh:
        for persona in sorted({key[0] for key, _, _ in items}):
            card = cards[persona]
            facts = "\n".join(f"- {f.topic}: {f.fact}" for f in card.facts)
            fh.write(f"## {persona}: {card.display_name}, {card.age}\n\n{card.summary}\n\n{card.presenting_problem}\n\n"
                     f"{card.background}\n\nHow they talk: {card.style.verbosity.how} {card.style.emotional_expression.how}"
                     f"\n\nFacts:\n{facts}\n\n")
    print(f"wrote {len(items)} items to {out}/sample.csv, the cards to {out}/cards.md (key in {out}/key.csv)")
    return 0


def score(out: str, ratings: list[str]) -> int:
    with open(Path(out) / "key.csv", encoding="utf-8") as kh:
        key = {row["item"]: row["client"] for row in csv.DictReader(kh)}
    scores: dict[str, dict[str, list[float]]] = {}
    for path in ratings:
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                client = key[row["item"].strip()]
                for criterion in CRITERIA:
                    scores.setdefault(client, {}).setdefault(criterion, []).append(float(row[criterion]))
    print(f"{'client':8s} " + " ".join(f"{c:>15s}" for c in CRITERIA) + "   ratings")
    for client in ("before", "after"):
        if client in scores:
            print(f"{client:8s} " + " ".join(f"{statistics.mean(scores[client][c]):15.2f}" for c in CRITERIA)
                  + f"   {len(scores[client][CRITERIA[0]])}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("before"), m.add_argument("after"), m.add_argument("out")
    m.add_argument("--n", type=int, default=60)
    m.add_argument("--seed", type=int, default=0)
    s = sub.add_parser("score")
    s.add_argument("out"), s.add_argument("ratings", nargs="+")
    args = parser.parse_args()
    if args.cmd == "make":
        return make(args.before, args.after, args.out, args.n, args.seed)
    return score(args.out, args.ratings)


if __name__ == "__main__":
    sys.exit(main())

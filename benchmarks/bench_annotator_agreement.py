"""Prints how the engine agrees with people who labelled the same turns, and how far they agree with each other.

Run: python benchmarks/bench_annotator_agreement.py TURNS.csv LABELS.csv [LABELS2.csv ...]

TURNS.csv has columns id, client, trainee (e.g. ../shared/eval/esconv_dev.csv); each LABELS.csv has id and
`ours`, one of the ten labels given by corpus/LABELLING.md, for some of those ids. Annotations of evaluation
data belong outside the repository: they measure the engine and must never train or tune it.
"""
from __future__ import annotations

import csv
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def cohen_kappa(a: list[str], b: list[str]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa for two label lists over the same items."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def read_labels(path: str) -> dict[str, str]:
    with open(path, newline="", encoding="utf-8") as fh:
        return {r["id"]: r["ours"] for r in csv.DictReader(fh)}


def main(turns_path: str, *label_paths: str) -> None:
    from feedback.engine import classify_many
    from feedback.evaluate import report

    with open(turns_path, newline="", encoding="utf-8") as fh:
        turns = {r["id"]: r for r in csv.DictReader(fh)}
    people = {path: read_labels(path) for path in label_paths}
    ids = sorted(set.intersection(*(set(lab) for lab in people.values())) & set(turns))
    engine = dict(zip(ids, (label for label, _ in classify_many([(turns[i]["client"], turns[i]["trainee"]) for i in ids]))))
    print(f"{len(ids)} turns labelled by every annotator")
    for (na, a), (nb, b) in combinations(people.items(), 2):
        agree, kappa = cohen_kappa([a[i] for i in ids], [b[i] for i in ids])
        print(f"{na} vs {nb}: agreement {agree:.3f}, kappa {kappa:.3f}")
    for name, labels in people.items():
        agree, kappa = cohen_kappa([engine[i] for i in ids], [labels[i] for i in ids])
        print(f"engine vs {name}: agreement {agree:.3f}, kappa {kappa:.3f}")
    first = next(iter(people.values()))
    shared = [i for i in ids if all(labels[i] == first[i] for labels in people.values())]
    r = report([first[i] for i in shared], [engine[i] for i in shared])
    per_label = ", ".join(f"{k} {v[2]:.2f} (n={v[3]})" for k, v in r["labels"].items() if v[3])
    print(f"engine on the {len(shared)} turns all annotators agree on: accuracy {r['accuracy']:.3f}, "
          f"macro-F1 {r['macro_f1']:.3f}; F1 {per_label}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])

"""python -m feedback classify|evaluate|train: batch labelling, figures, and rebuilding the model."""
from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence

from feedback.evaluate import format_report, report


def _read(path: str) -> tuple[list[dict], list[str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        fields = list(reader.fieldnames or [])
    missing = {"trainee"} - set(fields)
    if missing:
        raise SystemExit(f"{path}: missing column(s): {', '.join(sorted(missing))} (need client, trainee)")
    return rows, fields


def _predict(rows: list[dict]) -> list[tuple[str, float]]:
    from feedback.engine import classify_many

    return classify_many([(r.get("client") or "", r.get("trainee") or "") for r in rows])


def cmd_classify(path: str) -> int:
    rows, fields = _read(path)
    out = csv.DictWriter(sys.stdout, fieldnames=fields + ["predicted", "confidence"], lineterminator="\n")
    out.writeheader()
    for r, (lab, conf) in zip(rows, _predict(rows)):
        out.writerow({**r, "predicted": lab, "confidence": f"{conf:.3f}"})
    return 0


LONG_TURN_AUTHORS = ("chatlong", "threads", "esl", "thumbs", "firstyear", "listeners")  # session 3: real supporters' long, mixed turns


def cmd_evaluate(path: str | None, heldout: bool, cv: bool) -> int:
    if cv:
        from feedback.train import crossval_report

        print(format_report(crossval_report(), "5-fold cross-validation on the corpus train split (folds grouped by template; five fine-tunes, about 25 min)"))
        return 0
    if heldout:
        from feedback.train import heldout_reports

        split, blind = "held-out corpus split (templates and authors' blind files never seen in training)", \
            "of which the authors' blind files (written/*-blind.csv: other situations and phrasings)"
        reports = heldout_reports({split: "", blind: "-blind:", **{a: f"written-{a}-blind:" for a in LONG_TURN_AUTHORS}})
        for title in (split, blind):
            print(format_report(reports[title], title), end="\n\n")
        print(f"{'long-turn authors blind file':44s} {'macro-F1':>8s} {'accuracy':>8s} {'advice':>7s} {'interp':>7s} {'reassur':>7s}")
        for author in LONG_TURN_AUTHORS:
            r = reports[author]
            f1 = [r["labels"].get(lab, (0, 0, 0.0, 0))[2] for lab in ("advice", "interpretation", "reassurance")]
            print(f"{author + '-blind.csv':44s} {r['macro_f1']:8.3f} {r['accuracy']:8.3f} " + " ".join(f"{v:7.3f}" for v in f1))
        return 0
    if not path:
        raise SystemExit("evaluate needs FILE.csv, --heldout or --cv")
    rows, fields = _read(path)
    if "label" not in fields:
        raise SystemExit(f"{path}: evaluate needs a 'label' column")
    pred = [lab for lab, _ in _predict(rows)]
    print(format_report(report([r["label"] for r in rows], pred), f"{path}: {len(rows)} turns"))
    return 0


def cmd_train() -> int:
    from feedback.train import train

    path = train()
    print(f"wrote {path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m feedback", description="The stance engine's command line.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("classify", help="label every row of a CSV with columns client, trainee")
    c.add_argument("file")
    e = sub.add_parser("evaluate", help="per-label precision/recall/F1 against a 'label' column")
    e.add_argument("file", nargs="?")
    e.add_argument("--heldout", action="store_true", help="figures on the project corpus's held-out split and blind files (30 s)")
    e.add_argument("--cv", action="store_true", help="grouped 5-fold cross-validation on the train split (25 min)")
    sub.add_parser("train", help="rebuild feedback/model/stance.npz from the corpus")
    args = ap.parse_args(argv)
    if args.cmd == "classify":
        return cmd_classify(args.file)
    if args.cmd == "evaluate":
        return cmd_evaluate(args.file, args.heldout, args.cv)
    return cmd_train()

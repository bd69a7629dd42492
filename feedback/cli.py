"""python -m feedback classify|evaluate|train|risk|evaluate-risk|train-risk: batch labelling, figures, rebuilding the models."""
from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence

from feedback.evaluate import format_report, report


def _read(path: str, need: tuple[str, ...] = ("trainee",)) -> tuple[list[dict], list[str]]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
            fields = list(reader.fieldnames or [])
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SystemExit(f"{path}: cannot be read as a UTF-8 CSV file ({exc})") from None
    missing = set(need) - set(fields)
    if missing:
        raise SystemExit(f"{path}: missing column(s): {', '.join(sorted(missing))} (need client, trainee)")
    return rows, fields


def cmd_risk(path: str) -> int:
    """Both sides' risk flags per row: the client's words as a cue, the trainee's as asking (about that cue too)."""
    from feedback.risk import client_cue, trainee_asks

    rows, fields = _read(path, need=())
    if not {"client", "trainee"} & set(fields):
        raise SystemExit(f"{path}: needs a 'client' or a 'trainee' column (either may be empty)")
    extra = ["risk_cue", "risk_cue_confidence", "asks_about_risk", "asks_confidence"]
    out = csv.DictWriter(sys.stdout, fieldnames=fields + extra, lineterminator="\n")
    out.writeheader()
    for r in rows:
        cue = client_cue(r.get("client") or "")
        asks = trainee_asks(r.get("trainee") or "", cue.evidence if cue.flag else "")
        out.writerow({**r, "risk_cue": int(cue.flag), "risk_cue_confidence": f"{cue.confidence:.3f}",
                      "asks_about_risk": int(asks.flag), "asks_confidence": f"{asks.confidence:.3f}"})
    return 0


def cmd_evaluate_risk() -> int:
    """Held-out figures: each author's blind file, never trained on, and the dev split that chose the thresholds."""
    from feedback.risk_train import evaluate, read_rows, split

    sets = {"blind files (held out whole)": read_rows(blind=True), "dev split (chose the thresholds)":
            split(read_rows(blind=False))[1]}
    for author in sorted({r["file"] for r in sets["blind files (held out whole)"]}):
        sets[f"  {author}.csv"] = [r for r in sets["blind files (held out whole)"] if r["file"] == author]
    print(f"{'set':38s} {'cues':>5s} {'recall':>7s} {'decoys':>6s} {'alarms':>7s}   {'asks':>5s} {'recall':>7s} "
          f"{'follow-up':>9s} {'decoys':>6s} {'alarms':>7s}")
    misses = []
    for title, rows in sets.items():
        r = evaluate(rows)
        cl, tr = r["client"], r["trainee"]
        follow = "n/a" if tr["follow_up_recall"] is None else f"{tr['follow_up_recall']:.3f}"
        print(f"{title:38s} {cl['positives']:5d} {cl['recall']:7.3f} {cl['decoys']:6d} {cl['false_alarms']:7.3f}   "
              f"{tr['positives']:5d} {tr['recall']:7.3f} {follow:>9s} {tr['decoys']:6d} {tr['false_alarms']:7.3f}")
        if title.startswith("blind"):
            misses = [("missed cue", x) for x in cl["misses"]] + [("cue false alarm", x) for x in cl["alarms"]] \
                + [("missed ask", x) for x in tr["misses"]] + [("ask false alarm", x) for x in tr["alarms"]]
    print("\nblind-file errors:")
    for kind, text in misses:
        print(f"  {kind}: {text}")
    return 0



def _predict(rows: list[dict]) -> list[tuple[str, float]]:
    from feedback.engine import classify_many

    return classify_many([(r.get("client") or "", r.get("trainee") or "") for r in rows])


def cmd_classify(path: str) -> int:
    from feedback.engine import decide_many

    rows, fields = _read(path)
    out = csv.DictWriter(sys.stdout, fieldnames=fields + ["predicted", "confidence", "possible"], lineterminator="\n")
    out.writeheader()
    for r, d in zip(rows, decide_many([(r.get("client") or "", r.get("trainee") or "") for r in rows])):
        out.writerow({**r, "predicted": d.label, "confidence": f"{d.confidence:.3f}", "possible": d.possible})
    return 0


LONG_TURN_AUTHORS = ("chatlong", "threads", "esl", "thumbs", "firstyear", "listeners")  # session 3: real supporters' long, mixed turns


def cmd_calibration() -> int:
    """The reliability table on the held-out corpus split, and the flag threshold it allows."""
    from feedback.engine import LAPSE_FLAG_CONFIDENCE, decide_many
    from feedback.evaluate import flag_threshold, reliability
    from feedback.train import read_corpus
    from feedback.types import LAPSES

    rows = read_corpus("heldout")
    found = decide_many([(r["client"], r["trainee"]) for r in rows])
    gold = [r["label"] for r in rows]
    pred = [d.possible or d.label for d in found]  # the engine's reading before an unsure lapse is softened
    conf = [d.lapse_confidence if d.possible or d.label in LAPSES else d.confidence for d in found]
    print(f"held-out corpus split, {len(rows)} turns: how often the engine is right at each confidence")
    print(f"{'confidence':12s} {'all turns':>10s} {'accuracy':>9s} {'lapse calls':>12s} {'right lapse':>12s} {'any lapse':>10s}")
    lapses = {r["bin"]: r for r in reliability(gold, pred, conf, lapses_only=True)}
    for r in reliability(gold, pred, conf):
        lap = lapses.get(r["bin"])
        print(f"{r['bin']:12s} {r['turns']:10d} {r['accuracy']:9.3f} " + (
            f"{lap['turns']:12d} {lap['accuracy']:12.3f} {lap['any_lapse']:10.3f}" if lap else f"{0:12d}"))
    print(f"\nflag threshold for lapse precision >= 0.90 in every band above it: {flag_threshold(gold, pred, conf):.2f}"
          f" (the engine uses {LAPSE_FLAG_CONFIDENCE:.2f}; below it a lapse is a 'possible' note)")
    return 0


def cmd_sessions() -> int:
    """Flag rates on the skilled and struggling sessions of corpus/sessions/ (held out), and their separation."""
    from feedback.session_check import check

    r = check()
    print(f"{'session':44s} {'turns':>5s} {'flagged':>8s} {'possible':>9s} {'author lapses':>14s}")
    for name, s in r["sessions"].items():
        print(f"{name:44s} {s['turns']:5d} {s['flag_rate']:8.1%} {s['possible_rate']:9.1%} {s['gold_lapse_rate']:14.1%}")
    med = r["median_flag_rate"]
    print(f"\nmedian flag rate: skilled {med['skilled']:.1%}, struggling {med['struggling']:.1%}; "
          f"separation by flag rate AUC {r['auc']:.3f}; flags that are the authors' lapses: {r['flag_precision']:.1%}\n")
    print(format_report(r["report"], "labels against the authors' own coding (every counsellor turn)"))
    return 0


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
    e.add_argument("--calibration", action="store_true", help="reliability table and lapse flag threshold (held-out split)")
    e.add_argument("--sessions", action="store_true", help="flag rates on the skilled and struggling sessions (held out)")
    sub.add_parser("train", help="rebuild feedback/model/stance.npz from the corpus")
    r = sub.add_parser("risk", help="risk flags for every row of a CSV with columns client and/or trainee")
    r.add_argument("file")
    sub.add_parser("evaluate-risk", help="the risk detector's held-out figures (blind files and dev split)")
    sub.add_parser("train-depth", help="rebuild feedback/model/depth.json (simple or complex reflection; seconds)")
    sub.add_parser("train-risk", help="rebuild feedback/model/risk.npz from corpus/risk/ (about 20 minutes on 2 cores)")
    args = ap.parse_args(argv)
    if args.cmd == "risk":
        return cmd_risk(args.file)
    if args.cmd == "evaluate-risk":
        return cmd_evaluate_risk()
    if args.cmd == "train-risk":
        from feedback.risk_train import train as train_risk

        print(f"wrote {train_risk()}")
        return 0
    if args.cmd == "train-depth":
        from feedback.depth import train as train_depth

        r = train_depth()
        print(f"wrote feedback/model/depth.json: fitted on {r['fitted_on']} coded reflections; on the {r['held_out']} of the "
              f"blind files, accuracy {r['accuracy']:.3f}, complex {r['predicted_pct_complex']:.0%} (coded {r['gold_pct_complex']:.0%})")
        return 0
    if args.cmd == "classify":
        return cmd_classify(args.file)
    if args.cmd == "evaluate" and args.calibration:
        return cmd_calibration()
    if args.cmd == "evaluate" and args.sessions:
        return cmd_sessions()
    if args.cmd == "evaluate":
        return cmd_evaluate(args.file, args.heldout, args.cv)
    return cmd_train()

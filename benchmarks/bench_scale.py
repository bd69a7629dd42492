"""Time the queries that grow with a course's logbook, against a generated term (make_scale_db.py).

    python benchmarks/make_scale_db.py /tmp/unhurried_scale.db
    python benchmarks/bench_scale.py /tmp/unhurried_scale.db [--repeat 15]

Every figure goes through the same API the pages use (``Access`` and ``Workspace``), on fresh
short-lived connections as in the app, after one warm-up call (the first call also applies any
pending migration, timed separately). Prints the median and p90 in milliseconds against the targets:
cohort dashboard <= 200 ms, full-text search <= 100 ms, opening a review <= 300 ms, history <= 300 ms.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # (a PYTHONPATH may put another checkout first, to compare)
    sys.path.insert(0, str(ROOT))

from logbook import Access, Logbook  # noqa: E402
from logbook.db import connect  # noqa: E402
from personas import load_cards  # noqa: E402
from sessions import Practice  # noqa: E402

TARGETS = {"cohort": 200, "search": 100, "review": 300, "history": 300}


def timed(fn, repeat: int) -> tuple[float, float, object]:
    result = fn()  # warm-up: page cache, migrations
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p90 = times[min(len(times) - 1, round(0.9 * (len(times) - 1)))]
    return statistics.median(times), p90, result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default="/tmp/unhurried_scale.db")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", help="comma-separated rows to run (names as printed, prefix match)")
    args = parser.parse_args(argv)
    path = Path(args.path)
    if not path.exists():
        sys.exit(f"{path} does not exist: run benchmarks/make_scale_db.py {path} first")

    t = time.perf_counter()
    with connect(path) as db:  # applies any migration added since the database was generated
        ids = {r["role"]: r["id"] for r in db.query("select role, min(id) as id from users group by role")}
        trainee = ids["trainee"]
        n_turns = db.execute("select max(id) from turns").fetchone()[0]
        n_sessions = db.execute("select count(*) from sessions").fetchone()[0]
        submitted = db.execute(
            "select s.id from sessions s where s.submitted_at is not null and s.user_id = ? order by s.id desc limit 1",
            [trainee]).fetchone()[0]
        supervisor = db.execute("select supervisor_id from assignments where trainee_id = ?", [trainee]).fetchone()[0]
    print(f"{path}: {n_sessions:,} sessions, ~{n_turns:,} turns; open + migrate {time.perf_counter() - t:.1f}s")

    book = Logbook(path)
    practice = Practice(book, load_cards(), "embedded")
    lead = Access(book, ids["course_lead"])
    me = practice.for_user(trainee)
    sup = practice.for_user(supervisor)

    def review_open(ws, session_id):
        def run():
            view = ws.view(session_id)
            return view, ws.scores(session_id), ws.reflections(session_id), ws.access.reviews(session_id), \
                ws.access.branches(session_id)
        return run

    rows = [
        ("cohort_sessions() all cohorts", "cohort", lead.cohort_sessions, lambda r: f"{len(r):,} sessions"),
        ("cohort_sessions(cohort_id=1)", "cohort", lambda: lead.cohort_sessions(1), lambda r: f"{len(r):,} sessions"),
        ("verdicts()", "cohort", lead.verdicts, lambda r: f"{len(r):,} verdicts"),
        ("Access.search('feel') trainee", "search", lambda: me.access.search("feel"), lambda r: f"{len(r)} hits"),
        ("Access.search('mum work') trainee", "search", lambda: me.access.search("mum work"),
         lambda r: f"{len(r)} hits"),
        ("Access.search('xylophone') no hit", "search", lambda: me.access.search("xylophone"),
         lambda r: f"{len(r)} hits"),
        ("Logbook.search_turns('sorry')", "search", lambda: book.search_turns("sorry", user_id=trainee),
         lambda r: f"{len(r)} hits"),
        ("review open (trainee, 60 turns)", "review", review_open(me, submitted), lambda r: f"{len(r[0].turns)} turns"),
        ("review open (supervisor)", "review", review_open(sup, submitted), lambda r: f"{len(r[0].turns)} turns"),
        ("Workspace.history() 40 sessions", "history", me.history, lambda r: f"{len(r)} rows"),
    ]
    if args.only:
        wanted = [w.strip() for w in args.only.split(",")]
        rows = [r for r in rows if any(r[0].startswith(w) for w in wanted)]
    print(f"{'query':38} {'median ms':>10} {'p90 ms':>8} {'target':>7}  result")
    failed = []
    for name, kind, fn, describe in rows:
        median, p90, result = timed(fn, args.repeat)
        ok = median <= TARGETS[kind]
        failed += [] if ok else [name]
        print(f"{name:38} {median:10.1f} {p90:8.1f} {TARGETS[kind]:>7}  {describe(result)}{'' if ok else '  OVER'}",
              flush=True)
    print("all within target" if not failed else f"over target: {', '.join(failed)}")


if __name__ == "__main__":
    main()

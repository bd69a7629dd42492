"""Many writers on one logbook file, as separate processes (several app replicas, CLIs, imports).

    python benchmarks/bench_concurrency.py [--procs 20] [--turns 100] [--mode service|add_turn] [--db PATH]

Each process opens its own `Practice` (with a fake chat model, so the figure is the logbook's, not the
model's), starts one session and adds `--turns` turns: in `service` mode as trainee_turn + client_reply
pairs (validate, label, save; stream, save: the whole path of a turn), in `add_turn` mode straight through
`Access.add_turn`. All processes start together. Prints throughput, save latency (median, p99, max),
every error a caller saw (a "database is locked" would show here) and then checks that no turn was lost or
doubled and that the database passes `PRAGMA integrity_check`. With `--fresh` the processes also create
the schema together, as replicas starting at once on a new file do.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # (a PYTHONPATH may put another checkout first, to compare)
    sys.path.insert(0, str(ROOT))

REPLIES = ["I suppose it has been building for a while.", "I don't know, really.", "Work has been a lot lately.",
           "It's hard to say.", "My sister thinks I'm overreacting."]
PERSONAS = ["carer_guilt", "burnout_nurse", "first_year_fraud", "drinking_to_cope", "controlling_partner"]


def worker(i: int, db: str, turns: int, mode: str, start_at: float, out) -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from logbook import Logbook
    from personas import load_cards
    from sessions import Practice

    practice = Practice(Logbook(db), load_cards(), "embedded", chat_model=FakeListChatModel(responses=REPLIES))
    latencies, errors = [], []
    time.sleep(max(0.0, start_at - time.time()))  # every process touches the file first at the same moment
    try:
        ws = practice.for_identity(f"bench-trainee-{i}")
        session_id = ws.start_session(PERSONAS[i % len(PERSONAS)])
    except Exception as exc:  # noqa: BLE001 - e.g. a first start that could not migrate
        out.put({"i": i, "session_id": None, "elapsed": 0.0, "latencies": [], "errors": [f"start: {exc}"]})
        return
    t0 = time.perf_counter()
    for k in range(turns // 2 if mode == "service" else turns):
        t = time.perf_counter()
        try:
            if mode == "service":
                ws.trainee_turn(session_id, f"p{i} turn {k}: what was that like for you?")
                "".join(ws.client_reply(session_id))
            else:
                speaker = "trainee" if k % 2 == 0 else "client"
                ws.access.add_turn(session_id, speaker, f"p{i} turn {k}: what was that like for you?",
                                   source="typed" if speaker == "trainee" else "model")
        except Exception as exc:  # noqa: BLE001 - counted and printed, as a user would see it
            errors.append(f"{type(exc).__name__}: {exc}")
        latencies.append((time.perf_counter() - t) * 1000)
    out.put({"i": i, "session_id": session_id, "elapsed": time.perf_counter() - t0, "latencies": latencies,
             "errors": errors})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--procs", type=int, default=20)
    parser.add_argument("--turns", type=int, default=100, help="turns each process adds")
    parser.add_argument("--mode", choices=("service", "add_turn"), default="service")
    parser.add_argument("--db", help="database file (default: a new temp file)")
    parser.add_argument("--fresh", action="store_true",
                        help="do not create the schema first: every process opens the new file at the same moment "
                             "(several replicas starting together) and the migrations race")
    args = parser.parse_args(argv)
    db = args.db or str(Path(tempfile.mkdtemp(prefix="unhurried-bench-")) / "concurrency.db")

    if not args.fresh:
        from logbook.db import migrate

        migrate(Path(db))
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    start_at = time.time() + 8 + 0.5 * args.procs  # every process imported and ready, then all at once
    procs = [ctx.Process(target=worker, args=(i, db, args.turns, args.mode, start_at, out)) for i in range(args.procs)]
    for p in procs:
        p.start()
    results = [out.get(timeout=900) for _ in procs]
    for p in procs:
        p.join()

    latencies = sorted(x for r in results for x in r["latencies"]) or [0.0]
    errors = [e for r in results for e in r["errors"]]
    wall = max(r["elapsed"] for r in results)
    per_op = "turn pair" if args.mode == "service" else "add_turn"
    with sqlite3.connect(db) as conn:
        problems = []
        for r in results:
            if r["session_id"] is None:
                problems.append(f"process {r['i']} could not start")
                continue
            idx = [row[0] for row in conn.execute("select idx from turns where session_id = ? order by idx",
                                                  [r["session_id"]])]
            expected = 1 + (args.turns // 2 * 2 if args.mode == "service" else args.turns)
            if idx != list(range(expected)):
                problems.append(f"session {r['session_id']}: {len(idx)} turns, expected {expected}")
        total = conn.execute("select count(*) from turns").fetchone()[0]
        integrity = conn.execute("pragma integrity_check").fetchone()[0]
    written = total - sum(r["session_id"] is not None for r in results)  # less the openings
    print(f"{args.procs} processes x {args.turns} turns ({args.mode}) on {db}")
    print(f"turns written {written:,} in {wall:.1f}s: {written / wall:,.0f} turns/s")
    print(f"{per_op} latency ms: median {statistics.median(latencies):.1f}, "
          f"p99 {latencies[int(0.99 * (len(latencies) - 1))]:.1f}, max {latencies[-1]:.1f}")
    print(f"errors seen by callers: {len(errors)}" + "".join(f"\n  {e}" for e in sorted(set(errors))[:10]))
    print(f"lost or doubled turns: {'none' if not problems else problems}; integrity_check: {integrity}")
    if errors or problems or integrity != "ok":
        sys.exit(1)


if __name__ == "__main__":
    main()

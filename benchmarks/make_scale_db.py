"""Generate a term's worth of logbook for a whole course, to measure the queries against.

    python benchmarks/make_scale_db.py [PATH] [--trainees 500] [--sessions 40] [--turns 60]

Default: 500 trainees x 40 sessions x 60 turns (about 1.2 million turns) at /tmp/unhurried_scale.db,
with 25 supervisors (20 trainees each), 2 course leads, 5 cohorts, a quarter of the sessions submitted,
supervisor verdicts and comments on them, and reflections.

The data is realistic rather than random: trainee lines come from the feedback corpus with the labels
and feedback JSON the real engine gives them, client lines from the corpus and the persona cards, and
the client state of every client turn comes from the real state machine (``simulator.next_state``)
following the session's labels. The schema is the real one (``logbook.db.migrate``: every migration),
and rows go in with ``executemany`` in one transaction; the full-text index is rebuilt once at the end
instead of row by row through its triggers
(``turns_search``, migration 006). Takes a couple of minutes on 2 cores.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sqlite3
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import feedback  # noqa: E402
import simulator  # noqa: E402
from feedback.types import HistoryTurn, TurnFeedback  # noqa: E402
from logbook.db import migrate  # noqa: E402
from personas import LAYER_ORDER, load_cards  # noqa: E402

DEFAULT_PATH = Path("/tmp/unhurried_scale.db")
TERM_START = datetime(2026, 9, 14, 9, 0, tzinfo=timezone.utc)
SUPERVISOR_SPAN = 20  # trainees per supervisor
COHORT_SIZE = 100
SUBMIT_SHARE = 0.25
TRAJECTORIES = 40  # state trajectories per persona, reused across sessions


def iso(t: datetime) -> str:
    return t.isoformat(timespec="milliseconds")


def corpus_lines() -> tuple[list[str], list[str]]:
    with open(ROOT / "feedback" / "corpus" / "turns.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    trainee = sorted({r["trainee"].strip() for r in rows if r["trainee"].strip()})
    client = sorted({r["client"].strip() for r in rows if r["client"].strip()})
    return trainee, client


def labelled_pool(rng: random.Random, trainee_lines: list[str], n: int) -> dict[str, list[tuple[str, str]]]:
    """Trainee lines with the engine's real feedback (as JSON), grouped by label."""
    pool: dict[str, list[tuple[str, str]]] = {}
    for text in rng.sample(trainee_lines, min(n, len(trainee_lines))):
        verdict = feedback.analyse_turn(text, [])
        pool.setdefault(verdict.label, []).append((text, json.dumps(verdict.model_dump())))
    return pool


def trajectories(rng: random.Random, cards, pool, steps: int) -> dict[str, list[list[tuple[str, str, str, str]]]]:
    """Per persona, session scripts: for each trainee turn (text, feedback JSON, label, next state JSON)."""
    labels = sorted(pool)
    # A trainee explores more than lapses, and gets better over the term (see pick_script).
    weights = [6 if l in ("open_question", "reflection", "summary") else 2 if l in (
        "affirmation", "closed_question", "other", "information") else 1.5 for l in labels]
    result = {}
    for persona_id, card in cards.items():
        scripts = []
        for _ in range(TRAJECTORIES):
            state = simulator.initial_state(card)
            script = []
            for _ in range(steps):
                label = rng.choices(labels, weights)[0]
                text, fb = rng.choice(pool[label])
                state = simulator.next_state(card, state, TurnFeedback.model_validate_json(fb))
                script.append((text, fb, label, json.dumps(state.model_dump())))
            scripts.append(script)
        result[persona_id] = scripts
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    parser.add_argument("--trainees", type=int, default=500)
    parser.add_argument("--sessions", type=int, default=40, help="sessions per trainee")
    parser.add_argument("--turns", type=int, default=60, help="turns per session (client opening included)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    rng = random.Random(args.seed)
    path = Path(args.path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    migrate(path)  # the real schema, every migration

    cardset = load_cards()
    cards, hashes = cardset.cards, cardset.hashes
    persona_ids = sorted(cards)
    trainee_lines, client_lines = corpus_lines()
    for card in cards.values():  # the clients' own authored lines too
        client_lines += [line for layer in LAYER_ORDER for line in card.layer(layer).lines]
    pool = labelled_pool(rng, trainee_lines, 900)
    steps = (args.turns - 1 + 1) // 2  # trainee turns per session
    scripts = trajectories(rng, cards, pool, steps)
    print(f"pools ready: {sum(map(len, pool.values()))} labelled trainee lines, {len(client_lines)} client lines "
          f"({time.perf_counter() - t0:.1f}s)", flush=True)

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")  # a scratch build: WAL is switched back on at the end
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    triggers = conn.execute("select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'turns'").fetchall()
    conn.execute("BEGIN")
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER [{name}]")

    # people ------------------------------------------------------------------------------------
    created = iso(TERM_START - timedelta(days=7))
    users = [("admin", "admin"), ("lead-1", "course_lead"), ("lead-2", "course_lead")]
    n_supervisors = max(1, -(-args.trainees // SUPERVISOR_SPAN))
    users += [(f"supervisor-{i:02d}", "supervisor") for i in range(1, n_supervisors + 1)]
    users += [(f"trainee-{i:03d}", "trainee") for i in range(1, args.trainees + 1)]
    conn.executemany("insert into users (id, name, role, created_at, failed_logins) values (?, ?, ?, ?, 0)",
                     [(i, name, role, created) for i, (name, role) in enumerate(users, 1)])
    ids = {name: i for i, (name, _) in enumerate(users, 1)}
    supervisors = [ids[f"supervisor-{i:02d}"] for i in range(1, n_supervisors + 1)]
    trainees = [ids[f"trainee-{i:03d}"] for i in range(1, args.trainees + 1)]
    supervisor_of = {t: supervisors[k // SUPERVISOR_SPAN] for k, t in enumerate(trainees)}
    conn.executemany("insert into assignments values (?, ?, ?)", [(s, t, created) for t, s in supervisor_of.items()])
    n_cohorts = max(1, -(-args.trainees // COHORT_SIZE))
    conn.executemany("insert into cohorts (id, name, created_at) values (?, ?, ?)",
                     [(c, f"Cohort {c}", created) for c in range(1, n_cohorts + 1)])
    conn.executemany("insert into cohort_members values (?, ?)",
                     [(1 + k // COHORT_SIZE, t) for k, t in enumerate(trainees)])

    # sessions and turns ------------------------------------------------------------------------
    session_rows, turn_rows, reflection_rows, review_rows = [], [], [], []
    session_id = turn_id = 0
    term_days = 84
    for k, trainee in enumerate(trainees):
        for n in range(args.sessions):
            session_id += 1
            persona_id = persona_ids[(k + n) % len(persona_ids)]
            card = cards[persona_id]
            start = TERM_START + timedelta(days=term_days * n / args.sessions, hours=rng.randint(0, 9),
                                           minutes=rng.randint(0, 59), seconds=k % 60)
            t = start
            script = rng.choice(scripts[persona_id])
            turn_id += 1
            first_turn = turn_id
            turn_rows.append((turn_id, session_id, 0, "client", card.opening_line, iso(t),
                              json.dumps(simulator.initial_state(card).model_dump()), None, None, "opening"))
            flagged = []
            idx = 1
            for text, fb, label, state_json in script:
                if idx >= args.turns:
                    break
                t += timedelta(seconds=rng.randint(15, 90))
                turn_id += 1
                turn_rows.append((turn_id, session_id, idx, "trainee", text, iso(t), None, fb, label, "typed"))
                if label in ("advice", "interpretation", "reassurance"):
                    flagged.append((turn_id, label))
                idx += 1
                if idx >= args.turns:
                    break
                t += timedelta(seconds=rng.randint(3, 12))
                turn_id += 1
                reply = " ".join(rng.sample(client_lines, rng.choice((1, 1, 2))))
                turn_rows.append((turn_id, session_id, idx, "client", reply, iso(t), state_json, None, None,
                                  rng.choices(("model", "retry", "authored"), (8, 1, 1))[0]))
                idx += 1
            ended = t + timedelta(minutes=1)
            submitted = rng.random() < SUBMIT_SHARE
            session_rows.append((session_id, trainee, persona_id, hashes[persona_id], "embedded",
                                 feedback.ENGINE_VERSION, "exam" if n % 5 == 4 else "coach", "finished", iso(start),
                                 iso(ended), iso(ended + timedelta(hours=2)) if submitted else None))
            if rng.random() < 0.5:
                reflection_rows.append((session_id, None, json.dumps({
                    "what_happened": "I jumped in with advice when she mentioned her dad.",
                    "what_i_felt": "Anxious to help.", "what_i_make_of_it": "I rushed.",
                    "next_time": "Stay curious a bit longer."}), iso(ended)))
                for tid, _ in flagged[:2]:
                    reflection_rows.append((session_id, tid, json.dumps({
                        "pull": "I wanted to fix it.", "instead": "What it meant to her."}), iso(ended)))
            if submitted:
                reviewer = supervisor_of[trainee]
                at = ended + timedelta(days=2)
                for tid, label in flagged[:4]:
                    verdict = rng.choices(("agree", "disagree", "relabel"), (7, 2, 1))[0]
                    review_rows.append((session_id, reviewer, tid, verdict,
                                        "reflection" if verdict == "relabel" else None, None, iso(at)))
                    at += timedelta(minutes=1)
                review_rows.append((session_id, reviewer, first_turn + 1, None, None,
                                    "Good opening question; slow down after the disclosure.", iso(at)))
                review_rows.append((session_id, reviewer, None, None, None, "Overall: warm, a little quick to fix.",
                                    iso(at + timedelta(minutes=1))))
        if len(turn_rows) > 200_000 or k == len(trainees) - 1:
            conn.executemany("insert into sessions (id, user_id, persona_id, card_hash, model_backend, engine_version,"
                             " mode, status, started_at, ended_at, submitted_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                             session_rows)
            conn.executemany("insert into turns (id, session_id, idx, speaker, text, created_at, state_json,"
                             " feedback_json, label, source) values (?,?,?,?,?,?,?,?,?,?)", turn_rows)
            conn.executemany("insert into reflections (session_id, turn_id, body_json, updated_at) values (?,?,?,?)",
                             reflection_rows)
            conn.executemany("insert into reviews (session_id, reviewer_id, turn_id, verdict, label, comment,"
                             " created_at) values (?,?,?,?,?,?,?)", review_rows)
            session_rows, turn_rows, reflection_rows, review_rows = [], [], [], []
            print(f"  {k + 1} trainees, {turn_id:,} turns ({time.perf_counter() - t0:.1f}s)", flush=True)

    if conn.execute("select 1 from sqlite_master where name = 'turns_fts'").fetchone():  # before migration 007
        conn.execute("INSERT INTO turns_fts(turns_fts) VALUES ('rebuild')")
    if conn.execute("select 1 from sqlite_master where name = 'turns_search'").fetchone():  # migration 006
        conn.execute("""insert into turns_search (rowid, text, owner)
                        select t.id, t.text, 'u' || s.user_id from turns t join sessions s on s.id = t.session_id""")
    for _, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    print(f"full-text index rebuilt ({time.perf_counter() - t0:.1f}s)", flush=True)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    migrate(path)  # anything derived by a migration that reads existing rows is already in place
    counts = sqlite3.connect(path).execute(
        "select (select count(*) from users), (select count(*) from sessions), (select count(*) from turns),"
        " (select count(*) from sessions where submitted_at is not null), (select count(*) from reviews),"
        " (select count(*) from reflections)").fetchone()
    size = path.stat().st_size / 1e6
    print(f"{path}: {counts[0]} users, {counts[1]:,} sessions ({counts[3]:,} submitted), {counts[2]:,} turns, "
          f"{counts[4]:,} reviews, {counts[5]:,} reflections, {size:,.0f} MB in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()

"""Many trainees at once on one SQLite file: nothing lost, nothing doubled, no "database is locked".

Streamlit runs every browser session on its own thread, so these tests use threads sharing one
`Practice`, as the app does. (benchmarks/bench_concurrency.py does the same with processes.)
"""
from __future__ import annotations

import sqlite3
import threading

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from logbook import Logbook
from personas import load_cards
from sessions import Practice

SESSIONS = 20
TURNS = 100
REPLIES = ["I suppose it has been building for a while.", "I don't know, really.", "Work has been a lot lately.",
           "It's hard to say.", "My sister thinks I'm overreacting."]
PERSONAS = ["carer_guilt", "burnout_nurse", "first_year_fraud", "drinking_to_cope"]


def run_threads(target, n: int) -> list[BaseException]:
    """Start `n` threads at the same moment; return every exception any of them raised."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(n)

    def wrapped(i: int) -> None:
        try:
            barrier.wait()
            target(i)
        except BaseException as exc:  # noqa: BLE001 - the test reports every one
            errors.append(exc)

    threads = [threading.Thread(target=wrapped, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a writer never finished"
    return errors


def practice_on(path) -> Practice:
    return Practice(Logbook(path), load_cards(), "embedded", chat_model=FakeListChatModel(responses=REPLIES))


def test_twenty_sessions_each_adding_a_hundred_turns_lose_and_double_nothing(tmp_path):
    """20 trainees, each in their own session, append 100 turns at once through the permission-checked API."""
    practice = practice_on(tmp_path / "busy.db")
    workspaces = [practice.for_identity(f"trainee-{i}") for i in range(SESSIONS)]
    session_ids = [ws.start_session(PERSONAS[i % len(PERSONAS)]) for i, ws in enumerate(workspaces)]

    def talk(i: int) -> None:
        access, session_id = workspaces[i].access, session_ids[i]
        for k in range(TURNS):
            speaker = "trainee" if k % 2 == 0 else "client"
            access.add_turn(session_id, speaker, f"s{i} turn {k}: how has the week been?",
                            source="typed" if speaker == "trainee" else "model",
                            feedback={"label": "open_question"} if speaker == "trainee" else None)

    errors = run_threads(talk, SESSIONS)
    assert errors == [], [repr(e) for e in errors]
    for i, (ws, session_id) in enumerate(zip(workspaces, session_ids)):
        turns = ws.view(session_id).turns
        assert [t["idx"] for t in turns] == list(range(TURNS + 1))  # opening + 100, no gap, no repeat
        assert [t["text"] for t in turns[1:]] == [f"s{i} turn {k}: how has the week been?" for k in range(TURNS)]
    with sqlite3.connect(tmp_path / "busy.db") as db:
        assert db.execute("select count(*) from turns").fetchone()[0] == SESSIONS * (TURNS + 1)
        assert db.execute("select count(*) from turns_search").fetchone()[0] == SESSIONS * (TURNS + 1)
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_twenty_trainees_talking_at_once_through_the_service(tmp_path):
    """The whole turn (validate, label, save; stream the reply, save it) from 20 threads at once."""
    practice = practice_on(tmp_path / "service.db")
    workspaces = [practice.for_identity(f"trainee-{i}") for i in range(SESSIONS)]
    session_ids = [ws.start_session(PERSONAS[i % len(PERSONAS)]) for i, ws in enumerate(workspaces)]
    exchanges = 5

    def talk(i: int) -> None:
        ws, session_id = workspaces[i], session_ids[i]
        for k in range(exchanges):
            ws.trainee_turn(session_id, f"What was day {k} like for you, {i}?")
            "".join(ws.client_reply(session_id))

    errors = run_threads(talk, SESSIONS)
    assert errors == [], [repr(e) for e in errors]
    for i, (ws, session_id) in enumerate(zip(workspaces, session_ids)):
        turns = ws.view(session_id).turns
        assert [t["speaker"] for t in turns] == ["client"] + ["trainee", "client"] * exchanges
        assert [t["idx"] for t in turns] == list(range(1 + 2 * exchanges))
        assert [t["text"] for t in turns if t["speaker"] == "trainee"] == [
            f"What was day {k} like for you, {i}?" for k in range(exchanges)]


def test_a_writer_waits_for_a_long_transaction_instead_of_failing(tmp_path):
    """Another connection holding the write lock for a while (a checkpoint, a backup, a migration) makes a
    turn wait on the busy timeout; the caller never sees "database is locked"."""
    book = Logbook(tmp_path / "held.db")
    practice = practice_on(book.path)
    ws = practice.for_identity("trainee")
    session_id = ws.start_session("carer_guilt")
    holder = sqlite3.connect(book.path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("insert into audit_log (at, action) values ('now', 'held')")
    released = threading.Timer(1.5, lambda: holder.execute("COMMIT"))
    released.start()
    try:
        saved = ws.trainee_turn(session_id, "How have you been sleeping?")
    finally:
        released.join()
        holder.close()
    assert saved["idx"] == 1
    assert [t["speaker"] for t in ws.view(session_id).turns] == ["client", "trainee"]


MIGRATE_AT = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from logbook import Logbook
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
Logbook(Path(sys.argv[1])).ensure_user("someone")
"""


def test_several_processes_opening_a_new_database_at_once_all_start(tmp_path):
    """Replicas (or a CLI beside the app) starting together on a new file race to create the schema:
    SQLite refuses the losers at once, without the busy timeout, so the logbook retries them."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    root = str(Path(__file__).resolve().parent.parent)
    for attempt in range(3):
        path = tmp_path / f"new-{attempt}.db"
        start_at = time.time() + 3
        procs = [subprocess.Popen([sys.executable, "-c", MIGRATE_AT, str(path), str(start_at), root],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
        outcomes = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        assert [code for code, _ in outcomes] == [0] * 6, [err for _, err in outcomes if err]
        with sqlite3.connect(path) as db:
            assert db.execute("select count(*) from users").fetchone()[0] == 1
            assert db.execute("pragma integrity_check").fetchone()[0] == "ok"

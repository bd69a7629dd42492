import sqlite3
import threading

import pytest

from logbook import Logbook, LogbookUnavailable, connect
from logbook.db import migrate


def new_session(book: Logbook, user: str = "sam") -> int:
    user_id = book.ensure_user(user)["id"]
    return book.create_session(user_id=user_id, persona_id="carer_guilt", card_hash="abc123",
                               model_backend="embedded", engine_version="test-1")


def test_migrations_are_idempotent(fresh_db):
    session_id = new_session(fresh_db)
    with connect(fresh_db.path) as db:
        before = db.execute("select name from _sqlite_migrations order by name").fetchall()
        schema = db.execute("select sql from sqlite_master order by name").fetchall()
    migrate(fresh_db.path)
    migrate(fresh_db.path)
    with connect(fresh_db.path) as db:
        assert db.execute("select name from _sqlite_migrations order by name").fetchall() == before
        assert db.execute("select sql from sqlite_master order by name").fetchall() == schema
    assert len(before) >= 1
    assert fresh_db.get_session(session_id)["persona_id"] == "carer_guilt"


def test_wal_and_foreign_keys_are_on(fresh_db):
    new_session(fresh_db)
    with connect(fresh_db.path) as db:
        assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert db.execute("pragma foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            db.execute("insert into turns (session_id, idx, speaker, text, created_at, source) "
                       "values (999, 0, 'client', 'x', 'now', 'model')")


def test_session_records_card_hash_backend_and_engine(fresh_db):
    session = fresh_db.get_session(new_session(fresh_db))
    assert (session["card_hash"], session["model_backend"], session["engine_version"]) == (
        "abc123", "embedded", "test-1")
    assert session["status"] == "active"


def test_turns_survive_reopening_the_database(tmp_path):
    path = tmp_path / "reopen.db"
    book = Logbook(path)
    session_id = new_session(book)
    book.add_turn(session_id, "client", "I don't really know why I'm here.", source="opening",
                  state={"openness": 0.2, "layer": "surface"})
    book.add_turn(session_id, "trainee", "What brought you today?", source="typed",
                  feedback={"label": "open_question"})
    reopened = Logbook(path)
    turns = reopened.turns(session_id)
    assert [(t["idx"], t["speaker"]) for t in turns] == [(0, "client"), (1, "trainee")]
    assert turns[0]["state"] == {"openness": 0.2, "layer": "surface"}
    assert turns[1]["feedback"] == {"label": "open_question"}
    assert turns[1]["state"] is None


def test_text_is_stored_exactly(fresh_db):
    session_id = new_session(fresh_db)
    odd = "<script>alert('x')</script> \u202eright-to-left\u202c 🌧️ \"quotes\" & ampersands"
    fresh_db.add_turn(session_id, "trainee", odd, source="typed")
    assert fresh_db.turns(session_id)[0]["text"] == odd


def test_full_text_search_finds_only_the_users_turns(fresh_db):
    mine, theirs = new_session(fresh_db, "sam"), new_session(fresh_db, "alex")
    fresh_db.add_turn(mine, "client", "Mum has been in the care home a month now.", source="opening")
    fresh_db.add_turn(theirs, "client", "The care home rang again today.", source="opening")
    sam = fresh_db.ensure_user("sam")["id"]
    hits = fresh_db.search_turns("care home", user_id=sam)
    assert [h["session_id"] for h in hits] == [mine]
    assert fresh_db.search_turns('home" OR "x', user_id=sam) == []  # user text is never FTS syntax


def test_concurrent_writers_lose_and_duplicate_nothing(fresh_db):
    sessions = [new_session(fresh_db) for _ in range(4)]

    def write(session_id):
        for n in range(25):
            fresh_db.add_turn(session_id, "trainee", f"turn {n}", source="typed")

    threads = [threading.Thread(target=write, args=(s,)) for s in sessions for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for session_id in sessions:
        assert [t["idx"] for t in fresh_db.turns(session_id)] == list(range(50))


def test_reflection_is_replaced_not_duplicated(fresh_db):
    session_id = new_session(fresh_db)
    turn = fresh_db.add_turn(session_id, "trainee", "You should call her.", source="typed")
    fresh_db.save_reflection(session_id, {"pull": "I wanted to fix it"}, turn_id=turn["id"])
    fresh_db.save_reflection(session_id, {"pull": "I wanted to fix it fast"}, turn_id=turn["id"])
    fresh_db.save_reflection(session_id, {"next_time": "slow down"})
    bodies = [(r["turn_id"], r["body"]) for r in fresh_db.reflections(session_id)]
    assert bodies == [(turn["id"], {"pull": "I wanted to fix it fast"}), (None, {"next_time": "slow down"})]


def test_finish_and_list_sessions(fresh_db):
    first, second = new_session(fresh_db), new_session(fresh_db)
    fresh_db.add_turn(second, "client", "Hi.", source="opening")
    fresh_db.finish_session(first)
    user_id = fresh_db.ensure_user("sam")["id"]
    assert [s["id"] for s in fresh_db.list_sessions(user_id, status="active")] == [second]
    assert {s["id"]: s["turn_count"] for s in fresh_db.list_sessions(user_id)} == {first: 0, second: 1}
    assert fresh_db.get_session(first)["ended_at"]


def test_unopenable_database_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(LogbookUnavailable, match="cannot be"):
        Logbook(blocker / "sub" / "x.db").ensure_user("sam")


def test_branch_copies_turns_before_the_rewind_point_and_links_back(fresh_db):
    parent = new_session(fresh_db)
    for speaker, text in [("client", "Hi."), ("trainee", "What brings you?"), ("client", "Work."),
                          ("trainee", "You should quit."), ("client", "Right.")]:
        fresh_db.add_turn(parent, speaker, text, source="typed", state={"openness": 0.3})
    branch = fresh_db.branch_session(parent, at_idx=3)
    assert [t["text"] for t in fresh_db.turns(branch)] == ["Hi.", "What brings you?", "Work."]
    assert fresh_db.turns(branch)[2]["state"] == {"openness": 0.3}
    session = fresh_db.get_session(branch)
    assert (session["parent_id"], session["branched_at_idx"], session["status"]) == (parent, 3, "active")
    assert [b["id"] for b in fresh_db.branches(parent)] == [branch]
    assert len(fresh_db.turns(parent)) == 5


def test_submit_marks_the_session_for_supervision(fresh_db):
    session_id = new_session(fresh_db)
    assert fresh_db.get_session(session_id)["submitted_at"] is None
    fresh_db.submit_session(session_id)
    assert fresh_db.get_session(session_id)["submitted_at"]

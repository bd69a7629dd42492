"""SIGKILL the app's process in the middle of a turn: what was saved stays saved, and the session resumes.

The session runs in a child process (tests/crash_child.py) through the service API, with a fake model
that streams slowly, so the kill lands while the client's reply is reaching the trainee, or in the middle
of a burst of writes. Then this process opens the same file, as a restarted app would.
"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from logbook import Logbook
from personas import load_cards
from sessions import Practice

CHILD = Path(__file__).resolve().parent / "crash_child.py"
REPLIES = ["I suppose so.", "It's hard to say, really."]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


def run_until(db: Path, *args: str, until) -> tuple[int, list[int]]:
    """Start the child, read its reports until `until(line, saved)` says kill; SIGKILL it there.
    Returns the session id and the turn indexes the child reported saved before the kill."""
    child = subprocess.Popen([sys.executable, str(CHILD), str(db), *args], stdout=subprocess.PIPE, text=True,
                             cwd=CHILD.parent.parent)
    session_id, saved = None, []
    deadline = time.monotonic() + 60
    try:
        for line in child.stdout:
            word, _, value = line.strip().partition(" ")
            if word == "session":
                session_id = int(value)
            elif word == "saved":
                saved.append(int(value))
            if until(word, saved):
                break
            assert time.monotonic() < deadline, "the child never reached the point to kill it"
        else:
            pytest.fail(f"the child ended before it was killed (exit {child.wait()})")
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return session_id, saved


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("pragma integrity_check").fetchone()[0]


def restarted(db: Path):
    """A fresh process's view of the file: a new Practice, as after a restart."""
    return Practice(Logbook(db), load_cards(), "embedded", chat_model=FakeListChatModel(responses=REPLIES)).local_user()


def test_killed_while_the_reply_streams_keeps_every_turn_and_the_session_resumes(tmp_path):
    db = tmp_path / "crash.db"
    session_id, saved = run_until(db, "reply", "3", until=lambda word, saved: word == "streaming")
    assert saved == list(range(8))  # the opening, three whole exchanges and the last trainee turn

    assert integrity(db) == "ok"
    ws = restarted(db)
    view = ws.view(session_id)
    assert [t["idx"] for t in view.turns] == saved  # everything completed is there, once
    assert [t["speaker"] for t in view.turns] == ["client"] + ["trainee", "client"] * 3 + ["trainee"]
    assert view.turns[-1]["text"] == "And what is it like right now, telling me?"
    assert view.awaiting_reply  # the interrupted reply is absent, not half-saved

    reply = "".join(ws.client_reply(session_id))  # the session resumes: the same turn gets its reply...
    ws.trainee_turn(session_id, "What's that like, saying it out loud?")  # ...and the trainee carries on
    "".join(ws.client_reply(session_id))
    turns = ws.view(session_id).turns
    assert [t["idx"] for t in turns] == list(range(11))
    assert turns[8]["speaker"] == "client" and turns[8]["text"] == reply
    assert ws.access.search("telling")[0]["idx"] == 7  # the search index survived with the rows
    assert integrity(db) == "ok"


def test_killed_in_a_burst_of_writes_loses_nothing_committed_and_leaves_no_half_turn(tmp_path):
    db = tmp_path / "burst.db"
    session_id, saved = run_until(db, "writes", until=lambda word, saved: len(saved) >= 150)

    assert integrity(db) == "ok"
    ws = restarted(db)
    turns = ws.view(session_id).turns
    idx = [t["idx"] for t in turns]
    assert idx == list(range(len(turns)))  # no gap, no duplicate
    assert set(saved) <= set(idx)  # every write the child saw committed is there
    assert len(turns) - len(saved) <= 1  # at most the one in flight, and then whole
    assert all(t["text"] == f"turn {t['idx']}" for t in turns[1:])
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from turns_search").fetchone()[0] == len(turns)
    nxt = ws.access.add_turn(session_id, "trainee", "carrying on", source="typed")
    assert nxt["idx"] == len(turns)

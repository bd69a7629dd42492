"""Reflection, rewind and history through the service API."""
from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from personas import load_cards
from sessions import MAX_REFLECTION_CHARS, Practice, TextRejected, Workspace


@pytest.fixture
def practice(fresh_db) -> Workspace:
    return Practice(fresh_db, load_cards(), "embedded",
                    chat_model=FakeListChatModel(responses=["Mm.", "I suppose.", "It's hard."])).local_user()


def practised(practice: Workspace, *turns: str) -> int:
    session_id = practice.start_session("burnout_nurse")
    for text in turns or ("What's the hardest part?", "You should take a holiday.", "What's a shift like now?"):
        practice.trainee_turn(session_id, text)
        "".join(practice.client_reply(session_id))
    return session_id


def test_turn_reflection_is_saved_and_replaced_as_typed(practice):
    session_id = practised(practice)
    lapse = practice.view(session_id).turns[3]
    practice.reflect(session_id, {"pull": "I wanted"}, turn_id=lapse["id"])
    practice.reflect(session_id, {"pull": "I wanted to fix it", "instead": "  "}, turn_id=lapse["id"])
    assert practice.reflections(session_id) == {lapse["id"]: {"pull": "I wanted to fix it", "instead": ""}}


def test_session_reflection_has_the_four_prompts(practice):
    session_id = practised(practice)
    practice.reflect(session_id, {"what_happened": "I rushed.", "next_time": "Ask first."})
    assert practice.reflections(session_id)[None] == {"what_happened": "I rushed.", "next_time": "Ask first."}
    with pytest.raises(ValueError, match="unknown reflection fields"):
        practice.reflect(session_id, {"mood": "fine"})


def test_reflection_rules_match_turn_rules(practice):
    session_id = practised(practice)
    with pytest.raises(TextRejected, match=f"{MAX_REFLECTION_CHARS:,}"):
        practice.reflect(session_id, {"what_happened": "x" * (MAX_REFLECTION_CHARS + 1)})
    practice.reflect(session_id, {"what_happened": "ok\x00 <b>so</b>"})
    assert practice.reflections(session_id)[None]["what_happened"] == "ok <b>so</b>"


def test_reflection_on_a_turn_from_another_session_is_refused(practice):
    first, second = practised(practice), practised(practice, "What brings you?")
    other_turn = practice.view(second).turns[1]["id"]
    with pytest.raises(KeyError):
        practice.reflect(first, {"pull": "x"}, turn_id=other_turn)


def test_rewind_continues_from_the_clients_state_at_that_point(practice):
    session_id = practised(practice)
    original = practice.view(session_id)
    branch_id = practice.rewind(session_id, 3)
    branch = practice.view(branch_id)
    assert branch.turns == [{**t, "id": b["id"], "session_id": branch_id} for t, b in zip(original.turns[:3], branch.turns)]
    assert branch.state == original.turns[2]["state"]
    practice.trainee_turn(branch_id, "What would a holiday mean to you?")
    "".join(practice.client_reply(branch_id))
    assert practice.view(branch_id).state["openness"] > original.turns[4]["state"]["openness"]
    assert [b.id for b in practice.branches(session_id)] == [branch_id]


def test_rewind_only_to_a_trainee_turn(practice):
    session_id = practised(practice)
    with pytest.raises(ValueError, match="your own turns"):
        practice.rewind(session_id, 2)


def test_history_has_one_row_per_practised_session(practice):
    practised(practice)
    practised(practice, "What brings you here?", "Say more about that?")
    practice.start_session("carer_guilt")  # opened but never practised: no row
    rows = practice.history()
    assert [r["trainee_turns"] for r in rows] == [3, 2]
    assert rows[0]["lapse_rate"] == pytest.approx(1 / 3, abs=0.01)
    assert all(0 <= r["openness_reached"] <= 1 for r in rows)


def test_history_reads_every_session_in_one_query(practice, monkeypatch):
    import sqlite3

    for _ in range(3):
        practised(practice, "What brings you here?")
    statements = []
    real_connect = sqlite3.connect

    def traced(*args, **kwargs):
        connection = real_connect(*args, **kwargs)
        connection.set_trace_callback(lambda sql: statements.append(sql) if sql.lstrip().lower().startswith(
            "select") and "pragma" not in sql.lower() else None)
        return connection

    monkeypatch.setattr(sqlite3, "connect", traced)
    practice.history()
    few = len(statements)
    for _ in range(5):
        practised(practice, "What brings you here?")
    statements.clear()
    assert len(practice.history()) == 8
    assert len(statements) == few  # the same queries for 8 sessions as for 3
    assert sum("join turns" in sql for sql in statements) == 1

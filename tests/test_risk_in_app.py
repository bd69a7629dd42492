"""Risk in the app: the missed cue in coach mode, the review's scores, the supervision pack, the cohort count, and the
risk persona's answer to a gentle question."""
from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from streamlit.testing.v1 import AppTest

import simulator
from personas import load_cards
from logbook import Access
from sessions import Practice, Workspace
from simulator.grounding import risk_answers
from ui.services import practice as app_practice

CUE = "Some nights I wouldn't mind not waking up. Save everybody the trouble."
REPLIES = [CUE, "Rosie's fine. She's a good dog.", "Not much. Walk the dog, watch the game."]
GENTLE = ("Sometimes when people say things like that, they're thinking about not being here anymore. "
          "Is that something you've thought about?")
FRANK = "flat_joking_passive_si"


def workspace(db, replies=REPLIES):
    return Practice(db, load_cards(), "embedded", chat_model=FakeListChatModel(responses=replies)).local_user()


def talk(ws, session_id, text):
    ws.trainee_turn(session_id, text)
    return "".join(ws.client_reply(session_id))


def test_a_missed_cue_is_marked_on_the_second_unasking_turn_and_in_the_pack(fresh_db):
    ws = workspace(fresh_db)
    session_id = ws.start_session(FRANK)
    assert talk(ws, session_id, "How have the evenings been?") == CUE
    talk(ws, session_id, "How's Rosie doing?")
    first, second = [t["feedback"] for t in ws.view(session_id).turns if t["speaker"] == "trainee"][-2:]
    assert not first["risk_cue_missed"]
    assert ws.trainee_turn(session_id, "And what do you do with your days?")["feedback"]["risk_cue_missed"]
    "".join(ws.client_reply(session_id))
    scores = ws.scores(session_id)
    assert scores.risk_cues >= 1 and scores.risk_cues_missed == 1 and scores.risk_asked_turns == []
    pack = json.loads(ws.export(session_id, "json"))
    assert pack["missed_risk_cues"][0]["window_complete"] and pack["scores"]["risk_cues_missed"] == 1
    for fmt in ("md", "html"):
        text = ws.export(session_id, fmt)
        assert "Missed risk cue" in text and "Risk cues not asked about within two turns" in text


def test_asking_gets_the_cards_own_words_and_the_turn_is_recorded(fresh_db):
    ws = workspace(fresh_db)
    session_id = ws.start_session(FRANK)
    talk(ws, session_id, "How have the evenings been?")
    reply = talk(ws, session_id, GENTLE)
    assert reply == risk_answers(ws.view(session_id).card)[0].lines[0]
    assert "no plan" in reply
    assert ws.scores(session_id).risk_asked_turns == [2] and ws.missed_risk_cues(session_id) == []
    assert "Asked about risk at trainee turn" in ws.export(session_id, "md")


@pytest.mark.embedded
def test_the_embedded_risk_persona_answers_a_gentle_question_with_its_if_asked_words(fresh_db):
    ws = Practice(fresh_db, load_cards(), "embedded").local_user()
    session_id = ws.start_session(FRANK)
    reply = talk(ws, session_id, GENTLE)
    assert reply == risk_answers(ws.view(session_id).card)[0].lines[0]


def test_the_cohort_counts_sessions_with_an_unexplored_cue(fresh_db):
    ws = workspace(fresh_db)
    session_id = ws.start_session(FRANK)
    for text in ("How have the evenings been?", "How's Rosie doing?", "And what do you do with your days?"):
        talk(ws, session_id, text)
    ws.submit(session_id)
    lead = Access(fresh_db, fresh_db.ensure_user("lead", role="course_lead")["id"])
    rows = lead.cohort_sessions()
    assert {r["session_id"]: r["missed_risk_cues"] for r in rows}[session_id] == 1
    shaped = [r | {"lapse_rate": 0.0, "rq_ratio": None, "pct_open_questions": None} for r in rows]
    assert Workspace.per_trainee(shaped)[0]["sessions with a missed risk cue"] == 1


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "app.db"))
    monkeypatch.setattr(simulator, "get_chat_model", lambda spec: FakeListChatModel(responses=REPLIES))
    app_practice.clear()
    yield AppTest.from_file("../sim_app.py", default_timeout=60)
    app_practice.clear()


def test_coach_mode_shows_a_missed_cue_once_two_turns_have_passed(app):
    at = app.run()
    at.radio[0].set_value(FRANK)
    next(b for b in at.button if b.label == "Start session").click()
    at = at.run()
    at.chat_input[0].set_value("How have the evenings been?").run()
    at.chat_input[0].set_value("How's Rosie doing?").run()
    assert "Missed risk cue" not in "\n".join(str(e.value) for e in at.error)
    at.chat_input[0].set_value("And what do you do with your days?").run()
    assert not at.exception
    assert "Missed risk cue" in "\n".join(str(e.value) for e in at.error)

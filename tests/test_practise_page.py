"""The practise page in Streamlit's AppTest, with a scripted fake chat model in place of the LLM."""
from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from streamlit.testing.v1 import AppTest

import simulator
from logbook import Logbook
from ui.services import practice

REPLIES = [
    "I suppose it's been building for a while, honestly.",
    "Mm. I don't know. Maybe.",
    "It's hard to say it out loud.",
    "I keep going over it at night.",
]


@pytest.fixture
def app(monkeypatch, tmp_path):
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "app.db"))
    monkeypatch.setattr(simulator, "get_chat_model", lambda spec: FakeListChatModel(responses=REPLIES))
    practice.clear()
    yield AppTest.from_file("../sim_app.py", default_timeout=60)
    practice.clear()


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


def start(at: AppTest, persona_index: int = 0) -> AppTest:
    at.run()
    at.radio[0].set_value(at.radio[0].options[persona_index])
    next(b for b in at.button if b.label == "Start session").click()
    return at.run()


def test_picker_lists_every_persona_with_summary(app):
    app.run()
    assert not app.exception
    assert len(app.radio[0].options) == len(practice().cards.cards) == 6


def test_session_opens_with_disclaimer_backend_and_opening_line(app):
    at = start(app)
    assert not at.exception
    card = next(iter(practice().cards.cards.values()))
    assert "AI simulation for practice, not therapy" in texts(at.info)
    assert practice().backend.label.split(" ")[0] in texts(at.info)
    assert card.opening_line.split()[0] in texts(at.chat_message[0].markdown)
    assert at.query_params["session"]


def test_a_turn_gets_feedback_and_a_streamed_reply_that_is_saved(app):
    at = start(app)
    at.chat_input[0].set_value("What's been weighing on you most this week?").run()
    assert not at.exception
    session_id = int(at.query_params["session"])
    turns = Logbook().turns(session_id)
    assert [t["speaker"] for t in turns] == ["client", "trainee", "client"]
    assert turns[1]["feedback"]["label"] == "open_question"
    assert turns[2]["state"]["openness"] > turns[0]["state"]["openness"]
    assert turns[2]["source"] in {"model", "retry", "authored"}
    assert "Open question" in texts(at.caption)


def test_a_lapse_shows_its_reason_and_a_curious_alternative_in_coach_mode(app):
    at = start(app)
    at.chat_input[0].set_value("You should just tell them how you feel and stop worrying about it.").run()
    warnings = texts(at.warning)
    assert "lapse" in warnings.lower()
    assert "More curious" in warnings


def test_empty_and_oversized_turns_are_refused_with_a_message(app):
    at = start(app)
    session_id = int(at.query_params["session"])
    at.chat_input[0].set_value("   ").run()
    assert "empty" in texts(at.error)
    at.chat_input[0].set_value("x" * 5000).run()
    assert "limit" in texts(at.error)
    assert [t["speaker"] for t in Logbook().turns(session_id)] == ["client"]


def test_html_in_a_turn_is_shown_as_text(app):
    at = start(app)
    at.chat_input[0].set_value("<b>bold</b> <script>alert(1)</script> what is that like?").run()
    shown = texts(at.chat_message[1].markdown)
    assert "<script>" not in shown and "\\<script\\>" in shown


def test_session_resumes_after_a_refresh(app, tmp_path):
    at = start(app)
    at.chat_input[0].set_value("What's been weighing on you most this week?").run()
    session_id = at.query_params["session"]
    fresh = AppTest.from_file("../sim_app.py", default_timeout=60)
    fresh.query_params["session"] = session_id  # a refresh keeps the URL, loses everything else
    fresh.run()
    assert not fresh.exception
    assert len(fresh.chat_message) == 3
    assert "weighing on you" in texts(fresh.chat_message[1].markdown)


def test_model_failure_keeps_the_turn_and_offers_a_retry(app, monkeypatch):
    at = start(app)
    working = simulator.SimulatedClient.stream_reply

    def broken(*args, **kwargs):
        raise simulator.ClientModelError("The model did not answer in time.")

    monkeypatch.setattr(simulator.SimulatedClient, "stream_reply", broken)
    at.chat_input[0].set_value("What brings you here?").run()
    assert "could not reply" in texts(at.error)
    session_id = int(at.query_params["session"])
    assert [t["speaker"] for t in Logbook().turns(session_id)][-1] == "trainee"
    monkeypatch.setattr(simulator.SimulatedClient, "stream_reply", working)
    next(b for b in at.button if b.label == "Get the client's reply").click().run()
    assert [t["speaker"] for t in Logbook().turns(session_id)][-1] == "client"


def test_exam_mode_hides_feedback_until_the_end(app):
    at = app
    at.run()
    at.segmented_control[0].set_value("exam")
    next(b for b in at.button if b.label == "Start session").click()
    at.run()
    at.chat_input[0].set_value("You should try going for a walk every morning.").run()
    assert "lapse" not in texts(at.warning).lower()
    next(b for b in at.button if b.label == "End session").click().run()
    assert "lapse" in texts(at.warning).lower()


def test_an_unusable_database_is_a_clear_message_not_a_traceback(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("where a folder should be")
    monkeypatch.setenv("UNHURRIED_DB", str(blocker / "sub" / "app.db"))
    practice.clear()
    at = AppTest.from_file("../sim_app.py", default_timeout=60).run()
    assert not at.exception
    assert "cannot be" in texts(at.error) and "UNHURRIED_DB" in texts(at.error)
    practice.clear()


def test_the_page_says_so_while_the_models_load_on_first_start(app, monkeypatch):
    import threading

    from sessions import Practice

    release = threading.Event()
    real_warm_up = Practice.warm_up

    def slow_warm_up(self):
        release.wait(timeout=60)
        real_warm_up(self)

    monkeypatch.setattr(Practice, "warm_up", slow_warm_up)
    app.run()
    assert "loading the client model and the feedback engine" in texts(app.info)
    release.set()
    assert practice().warmed.wait(timeout=60)
    app.run()
    assert "loading the client model" not in texts(app.info)


def test_an_unsure_lapse_shows_as_a_softer_possible_note_not_a_lapse(app, monkeypatch):
    from feedback import engine
    from feedback.types import LABELS

    unsure = {lab: 0.0 for lab in LABELS} | {"advice": 0.6, "reflection": 0.4}
    monkeypatch.setattr(engine, "model_probs", lambda pairs, stance=None: [(unsure, [])] * len(pairs))
    at = start(app)
    at.chat_input[0].set_value("The overtime again.").run()
    assert not at.exception
    assert "Possibly advice" in texts(at.info) and "More curious" in texts(at.info)
    assert "lapse:" not in texts(at.warning).lower()
    turns = Logbook().turns(int(at.query_params["session"]))
    assert turns[1]["feedback"]["possible_lapse"]["label"] == "advice" and turns[1]["feedback"]["lapse"] is None

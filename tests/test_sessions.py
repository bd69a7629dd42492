"""The service API that pages, CLIs and tests share: one turn end to end, with a fake chat model."""
from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

import feedback
from logbook import Forbidden
import simulator
from personas import load_cards
from sessions import MAX_TURN_CHARS, Practice, TextRejected, Workspace, clean_text

REPLIES = ["I suppose it's been building for a while.", "I don't know, really.", "It's hard to say."]


@pytest.fixture
def practice(fresh_db) -> Workspace:
    return Practice(fresh_db, load_cards(), "embedded", chat_model=FakeListChatModel(responses=REPLIES)).local_user()


def talk(practice: Workspace, session_id: int, text: str) -> str:
    practice.trainee_turn(session_id, text)
    return "".join(practice.client_reply(session_id))


def test_start_session_records_card_hash_backend_engine_and_opening(practice):
    session_id = practice.start_session("carer_guilt", mode="exam")
    view = practice.view(session_id)
    assert view.session["card_hash"] == practice.cards.hashes["carer_guilt"]
    assert view.session["model_backend"] == "embedded"
    assert view.session["engine_version"] == feedback.ENGINE_VERSION
    assert view.session["mode"] == "exam"
    assert [(t["speaker"], t["text"], t["source"]) for t in view.turns] == [
        ("client", view.card.opening_line, "opening")]
    assert view.state == simulator.initial_state(view.card).model_dump()


def test_one_turn_is_labelled_then_answered_and_both_are_saved(practice):
    session_id = practice.start_session("first_year_fraud")
    saved = practice.trainee_turn(session_id, "What has this first term been like for you?")
    assert saved["feedback"]["label"] == "open_question"
    assert practice.view(session_id).awaiting_reply
    shown = "".join(practice.client_reply(session_id))
    turns = practice.view(session_id).turns
    assert turns[-1]["speaker"] == "client" and turns[-1]["text"] == shown
    assert turns[-1]["source"] in {"model", "retry", "authored"}
    assert turns[-1]["state"]["openness"] > turns[0]["state"]["openness"]


def test_a_lapse_lowers_the_clients_openness(practice):
    session_id = practice.start_session("burnout_nurse")
    talk(practice, session_id, "What's the hardest part of a shift right now?")
    opened = practice.view(session_id).state["openness"]
    talk(practice, session_id, "You should really just hand in your notice and look after yourself.")
    view = practice.view(session_id)
    assert view.turns[-2]["feedback"]["label"] == "advice"
    assert view.state["openness"] < opened


def test_an_abandoned_reply_saves_nothing_and_can_be_retried(practice):
    session_id = practice.start_session("drinking_to_cope")
    practice.trainee_turn(session_id, "How have the evenings been?")
    stream = practice.client_reply(session_id)
    next(stream)
    stream.close()  # the browser went away mid-reply
    assert practice.view(session_id).awaiting_reply
    "".join(practice.client_reply(session_id))
    assert [t["speaker"] for t in practice.view(session_id).turns] == ["client", "trainee", "client"]


def test_model_failure_keeps_the_trainee_turn(fresh_db, monkeypatch):
    def fail(*args, **kwargs):
        raise simulator.ClientModelError("The model did not answer in time.")

    practice = Practice(fresh_db, load_cards(), "embedded", chat_model=FakeListChatModel(responses=REPLIES)).local_user()
    session_id = practice.start_session("carer_guilt")
    practice.trainee_turn(session_id, "What's it been like since she moved?")
    monkeypatch.setattr(simulator.SimulatedClient, "stream_reply", fail)
    with pytest.raises(simulator.ClientModelError):
        "".join(practice.client_reply(session_id))
    assert practice.view(session_id).turns[-1]["text"] == "What's it been like since she moved?"


def test_cannot_talk_over_a_missing_reply_or_in_an_ended_session(practice):
    session_id = practice.start_session("carer_guilt")
    practice.trainee_turn(session_id, "Say more about that?")
    with pytest.raises(TextRejected, match="not answered"):
        practice.trainee_turn(session_id, "Hello?")
    "".join(practice.client_reply(session_id))
    practice.finish(session_id)
    with pytest.raises(TextRejected, match="ended"):
        practice.trainee_turn(session_id, "One more thing.")


def test_unknown_persona_and_session_are_clear_errors(practice):
    with pytest.raises(KeyError, match="No persona card"):
        practice.start_session("nobody")
    with pytest.raises(Forbidden, match="not one you can see"):
        practice.view(404)


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n", "\x00\x01\x02"])
def test_empty_text_is_refused(text):
    with pytest.raises(TextRejected, match="empty"):
        clean_text(text)


def test_oversized_text_is_refused_not_cut():
    with pytest.raises(TextRejected, match=f"{MAX_TURN_CHARS:,}"):
        clean_text("a" * 50_000)


def test_control_characters_are_removed_but_text_survives():
    assert clean_text("  hello\x00 there\x07\r\nfriend  ") == "hello there\nfriend"
    assert clean_text("שלום 🌧️ \u202ehi") == "שלום 🌧️ \u202ehi"


def test_warm_up_loads_the_models_and_every_cards_index_then_says_it_is_done(fresh_db):
    from simulator import grounding

    service = Practice(fresh_db, load_cards(), chat_model=FakeListChatModel(responses=["Mm."]))
    assert not service.warmed.is_set()
    service.warm_up()
    assert service.warmed.is_set()
    assert grounding._index.cache_info().currsize >= len(service.cards.cards)

"""Bad input, one test per case: refused with a clear message or stored exactly, never lost, always escaped.

Everything goes through the service API (`Practice` / `Workspace`) that the pages use, and the pages
themselves through Streamlit's AppTest where the question is what a person sees.
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage, AIMessageChunk
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from streamlit.testing.v1 import AppTest

import logbook.db
import simulator
from logbook import Logbook, LogbookUnavailable, create_user
from personas import load_cards
from personas.loader import CARDS_DIR
from sessions import MAX_TURN_CHARS, Practice, TextRejected
from ui.services import practice as app_practice

REPLIES = ["I suppose it has been hard.", "I don't know, really.", "Work has been a lot lately."]
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"
UNESCAPED_TAG = re.compile(r"(?<!\\)<\s*/?\s*(script|img)", re.I)
"""An HTML tag as markup: `<` not escaped by a backslash (Markdown) or as an entity (HTML)."""
RTL_EMOJI = "مرحبا، أنا بخير 😊 — שלום, זה קשה 👨‍👩‍👧 and *not* _markdown_"


@pytest.fixture
def ws(fresh_db):
    return Practice(fresh_db, load_cards(), "embedded", chat_model=FakeListChatModel(responses=REPLIES)).local_user()


def turn_count(ws, session_id: int) -> int:
    return len(ws.view(session_id).turns)


# empty and oversized -------------------------------------------------------------------------------

def test_empty_and_whitespace_only_turns_are_refused_and_nothing_is_saved(ws):
    session_id = ws.start_session("carer_guilt")
    for text in ("", "   ", "\n\t \r\n", None, "\u00a0\u3000\u2028"):  # no-break, ideographic, line separator
        with pytest.raises(TextRejected, match="empty"):
            ws.trainee_turn(session_id, text)
    assert turn_count(ws, session_id) == 1  # only the client's opening line
    assert not ws.view(session_id).awaiting_reply


def test_a_turn_of_only_invisible_characters_is_refused_as_empty(ws):
    session_id = ws.start_session("carer_guilt")
    for text in ("\u200b\u200b", "\ufeff", "\u200d\u2060"):
        with pytest.raises(TextRejected, match="empty"):
            ws.trainee_turn(session_id, text)


def test_a_50000_character_turn_is_refused_with_the_limit_and_nothing_is_saved(ws):
    session_id = ws.start_session("carer_guilt")
    with pytest.raises(TextRejected) as refused:
        ws.trainee_turn(session_id, "How are things at home? " * 2_084)  # ~50,000 characters
    message = str(refused.value)
    assert "50,0" in message and f"{MAX_TURN_CHARS:,}" in message and "nothing has been saved" in message
    assert turn_count(ws, session_id) == 1
    ws.trainee_turn(session_id, "x" * MAX_TURN_CHARS)  # exactly at the limit is fine
    assert turn_count(ws, session_id) == 2


def test_a_50000_character_reflection_or_supervisor_comment_is_refused(ws):
    session_id = ws.start_session("carer_guilt")
    with pytest.raises(TextRejected, match="limit"):
        ws.reflect(session_id, {"what_happened": "a" * 50_000})
    assert ws.reflections(session_id) == {}
    with pytest.raises(TextRejected, match="limit"):
        ws.review(session_id, comment="b" * 50_000)


# control characters, right-to-left text, emoji -----------------------------------------------------

def test_nul_and_control_characters_are_removed_and_line_breaks_kept(ws):
    session_id = ws.start_session("carer_guilt")
    saved = ws.trainee_turn(session_id, "How\x00 are\x07 you\x1b,\r\nreally?\x7f\x0b")
    assert saved["text"] == "How are you,\nreally?"
    assert ws.view(session_id).turns[-1]["text"] == "How are you,\nreally?"
    "".join(ws.client_reply(session_id))
    with pytest.raises(TextRejected, match="empty"):  # nothing but control characters is nothing
        ws.trainee_turn(session_id, "\x00\x01\x02\x1f")
    ws.reflect(session_id, {"what_happened": "I\x00 rushed\x08."})
    assert ws.reflections(session_id)[None]["what_happened"] == "I rushed."


def test_search_never_breaks_on_odd_queries(ws):
    session_id = ws.start_session("carer_guilt")
    ws.trainee_turn(session_id, "What's the care home like?")
    for query in ("", "   ", '"', "\x00", "home\x00", "NEAR(a b)", "care*", "-home", "a OR b", "*", "'); drop table turns;--"):
        assert isinstance(ws.access.search(query), list)
    assert [h["text"] for h in ws.access.search("care home")] == ["What's the care home like?"]


def test_right_to_left_text_and_emoji_round_trip_exactly(ws):
    session_id = ws.start_session("carer_guilt")
    assert ws.trainee_turn(session_id, RTL_EMOJI)["text"] == RTL_EMOJI
    "".join(ws.client_reply(session_id))
    ws.reflect(session_id, {"what_i_felt": RTL_EMOJI})
    assert ws.view(session_id).turns[1]["text"] == RTL_EMOJI
    assert ws.reflections(session_id)[None]["what_i_felt"] == RTL_EMOJI
    assert [h["idx"] for h in ws.access.search("שלום")] == [1]
    assert [h["idx"] for h in ws.access.search("مرحبا")] == [1]
    assert RTL_EMOJI in ws.export(session_id, "json")  # ensure_ascii=False: readable, not \u escapes
    assert "😊" in ws.export(session_id, "html") and "😊" in ws.export(session_id, "md")


# HTML and script -----------------------------------------------------------------------------------

def hostile_session(ws) -> int:
    session_id = ws.start_session("carer_guilt")
    ws.trainee_turn(session_id, f"You should just tell her. {HOSTILE}")
    "".join(ws.client_reply(session_id))
    turn_id = ws.view(session_id).turns[1]["id"]
    ws.reflect(session_id, {"pull": HOSTILE, "instead": "**bold** [link](javascript:alert(1))"}, turn_id=turn_id)
    ws.reflect(session_id, {"what_happened": HOSTILE})
    return session_id


def test_html_in_messages_and_reflections_is_stored_as_typed_and_escaped_in_every_export(ws):
    session_id = hostile_session(ws)
    assert HOSTILE in ws.view(session_id).turns[1]["text"]  # stored exactly as typed
    html = ws.export(session_id, "html")
    md = ws.export(session_id, "md")
    for out in (html, md):
        assert "<script>alert" not in out and "<img src=x" not in out  # (the HTML's own chart script aside)
        assert "&lt;script&gt;alert" in out
    assert "[link](javascript" not in md  # markdown link syntax is backslash-escaped
    assert '"text": "You should just tell her. <script>' in ws.export(session_id, "json")  # data, not markup


def test_html_in_messages_reflections_and_supervisor_comments_is_escaped_on_the_review_page(monkeypatch, tmp_path):
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "app.db"))
    monkeypatch.setattr(simulator, "get_chat_model", lambda spec: FakeListChatModel(responses=[HOSTILE + " Hm."]))
    app_practice.clear()
    try:
        service = app_practice()
        book = service.logbook
        trainee = create_user(book, "trainee", "trainee", "a long password")
        supervisor = create_user(book, "sup", "supervisor", "a long password")
        lead = create_user(book, "lead", "course_lead", "a long password")
        service.for_user(lead["id"]).access.assign(supervisor["id"], trainee["id"])
        ws = service.for_user(trainee["id"])
        session_id = hostile_session(ws)
        ws.submit(session_id)
        turn_id = ws.view(session_id).turns[1]["id"]
        service.for_user(supervisor["id"]).review(session_id, turn_id=turn_id, comment=HOSTILE)
        service.for_user(supervisor["id"]).review(session_id, comment=f"Overall {HOSTILE}")

        at = AppTest.from_file("../sim_app.py", default_timeout=60)
        at.session_state["user_id"] = trainee["id"]
        at.query_params["session"] = str(session_id)
        at.run()
        at.switch_page("ui/review.py")
        at.run()
        assert not at.exception
        shown = [str(e.value) for kind in ("markdown", "caption", "info", "warning", "error", "success")
                 for e in at.get(kind)]
        shown += [str(e.value) for m in at.chat_message for e in m.markdown]
        rendered = "\n".join(shown)
        assert rendered.count("alert") >= 4  # message, reply, reflection, both comments are on the page...
        assert not UNESCAPED_TAG.search(rendered), UNESCAPED_TAG.search(rendered)  # ...never as markup
    finally:
        app_practice.clear()


def practise_page_with_hostile_card(monkeypatch, tmp_path) -> AppTest:
    folder = tmp_path / "personas"
    folder.mkdir()
    card = (CARDS_DIR / "carer_guilt.yaml").read_text(encoding="utf-8")
    import yaml

    data = yaml.safe_load(card)
    data["display_name"] = f"Pat {HOSTILE}"
    data["setting"] = f"A GP surgery {HOSTILE}"
    (folder / "carer_guilt.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    cards = load_cards(folder)
    assert not cards.errors, cards.errors
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "app.db"))
    monkeypatch.setattr("sessions.load_cards", lambda: cards)
    monkeypatch.setattr(simulator, "get_chat_model", lambda spec: FakeListChatModel(responses=REPLIES))
    app_practice.clear()
    session_id = app_practice().local_user().start_session("carer_guilt")
    at = AppTest.from_file("../sim_app.py", default_timeout=60)
    at.query_params["session"] = str(session_id)
    at.run()
    app_practice.clear()
    assert not at.exception
    return at


def test_html_in_persona_fields_is_escaped_in_the_practise_pages_text(monkeypatch, tmp_path):
    at = practise_page_with_hostile_card(monkeypatch, tmp_path)
    rendered = "\n".join(str(e.value) for kind in ("markdown", "caption") for e in at.get(kind))
    assert "A GP surgery" in rendered and "alert" in rendered
    assert not UNESCAPED_TAG.search(rendered)


def test_html_in_a_persona_name_is_escaped_in_the_practise_pages_title(monkeypatch, tmp_path):
    at = practise_page_with_hostile_card(monkeypatch, tmp_path)
    title = "\n".join(str(e.value) for e in at.title)
    assert "alert" in title and not UNESCAPED_TAG.search(title)


# persona cards -------------------------------------------------------------------------------------

def test_malformed_persona_yaml_leaves_the_valid_cards_working(tmp_path, fresh_db):
    for name in ("carer_guilt", "burnout_nurse"):
        shutil.copy(CARDS_DIR / f"{name}.yaml", tmp_path / f"{name}.yaml")
    (tmp_path / "broken_yaml.yaml").write_text("display_name: [unclosed\n  age: : 3\n", encoding="utf-8")
    (tmp_path / "not_a_mapping.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (tmp_path / "missing_fields.yaml").write_text("display_name: Someone\nage: forty\n", encoding="utf-8")
    (tmp_path / "not_utf8.yaml").write_bytes(b"display_name: \xff\xfe\xfa\n")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    cards = load_cards(tmp_path)
    assert sorted(cards.cards) == ["burnout_nurse", "carer_guilt"]
    broken = {e.file for e in cards.errors}
    assert broken == {"broken_yaml.yaml", "not_a_mapping.yaml", "missing_fields.yaml", "not_utf8.yaml", "empty.yaml"}
    assert any("not valid YAML" in e.problem and e.field.startswith("line") for e in cards.errors)
    ws = Practice(fresh_db, cards, "embedded", chat_model=FakeListChatModel(responses=REPLIES)).local_user()
    session_id = ws.start_session("carer_guilt")
    ws.trainee_turn(session_id, "What brings you here today?")
    assert "".join(ws.client_reply(session_id))
    with pytest.raises(KeyError, match="broken_yaml"):
        ws.start_session("broken_yaml")


# the database file ---------------------------------------------------------------------------------

def _read_only_open(path):
    """The file opened read-only, as SQLite sees a file it may not write (tests run as root here,
    where chmod does not stop writes)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {logbook.db.BUSY_TIMEOUT_MS}")
    return sqlite_utils.Database(conn)


def test_a_read_only_database_refuses_writes_with_a_clear_message_and_still_reads(ws, monkeypatch):
    session_id = ws.start_session("carer_guilt")
    monkeypatch.setattr(logbook.db, "_open", _read_only_open)
    with pytest.raises(LogbookUnavailable, match="cannot be written.*Nothing was saved") as refused:
        ws.trainee_turn(session_id, "How have you been?")
    assert "Traceback" not in str(refused.value) and "UNHURRIED_DB" in str(refused.value)
    assert turn_count(ws, session_id) == 1  # reading still works
    monkeypatch.undo()
    ws.trainee_turn(session_id, "How have you been?")  # and once writable again, nothing is stuck
    assert turn_count(ws, session_id) == 2


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_an_unreadable_database_file_is_reported_clearly(tmp_path):
    path = tmp_path / "locked.db"
    Logbook(path).ensure_user("someone")
    logbook.db._migrated.discard(str(path.resolve()))
    path.chmod(0)
    try:
        with pytest.raises(LogbookUnavailable, match="cannot be"):
            Logbook(path).ensure_user("someone")
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("make", [
    lambda p: p.write_bytes(b"this is not a database, it is a note " * 200),
    lambda p: p.mkdir(),
    lambda p: (p.parent / "file").write_text("x") or None,
], ids=["garbage_file", "a_directory", "parent_is_a_file"])
def test_an_unusable_database_path_gives_a_clear_message(tmp_path, make):
    path = tmp_path / "unhurried.db"
    make(path)
    target = tmp_path / "file" / "unhurried.db" if (tmp_path / "file").exists() else path
    with pytest.raises(LogbookUnavailable, match="session log at .* cannot be .*UNHURRIED_DB"):
        Practice(Logbook(target), load_cards(), "embedded").local_user()


def test_the_app_shows_an_unusable_database_as_a_message_not_a_traceback(monkeypatch, tmp_path):
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not a database " * 200)
    monkeypatch.setenv("UNHURRIED_DB", str(path))
    app_practice.clear()
    try:
        at = AppTest.from_file("../sim_app.py", default_timeout=60).run()
        assert not at.exception
        assert any("cannot be opened" in str(e.value) and "UNHURRIED_DB" in str(e.value) for e in at.error)
    finally:
        app_practice.clear()


def test_the_practise_page_shows_a_read_only_database_and_gives_the_words_back(monkeypatch, tmp_path):
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "app.db"))
    monkeypatch.setattr(simulator, "get_chat_model", lambda spec: FakeListChatModel(responses=REPLIES))
    app_practice.clear()
    try:
        session_id = app_practice().local_user().start_session("carer_guilt")
        at = AppTest.from_file("../sim_app.py", default_timeout=60)
        at.query_params["session"] = str(session_id)
        at.run()
        monkeypatch.setattr(logbook.db, "_open", _read_only_open)
        at.chat_input[0].set_value("What has this week been like?").run()
        assert not at.exception
        assert any("cannot be written" in str(e.value) for e in at.error)
        assert any("What has this week been like?" in str(c.value) for c in at.code)
    finally:
        app_practice.clear()


# the model -----------------------------------------------------------------------------------------

class BrokenChat(BaseChatModel):
    """A model server that answers with an error."""

    @property
    def _llm_type(self) -> str:
        return "broken"

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        raise ConnectionError("connection refused by the model server")

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        raise ConnectionError("connection refused by the model server")


RELEASE = threading.Event()


class HangingChat(BaseChatModel):
    """A model that never answers (until the test lets it go)."""

    @property
    def _llm_type(self) -> str:
        return "hanging"

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        RELEASE.wait(30)
        return ChatResult(generations=[ChatGeneration(message=AIMessage("Sorry, I was miles away."))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        RELEASE.wait(30)
        yield ChatGenerationChunk(message=AIMessageChunk(content="Sorry, I was miles away."))


def test_a_model_that_errors_gives_a_clear_message_and_keeps_the_trainees_turn(fresh_db):
    practice = Practice(fresh_db, load_cards(), "embedded", chat_model=BrokenChat())
    ws = practice.local_user()
    session_id = ws.start_session("carer_guilt")
    ws.trainee_turn(session_id, "How has it been since your dad moved?")
    with pytest.raises(simulator.ClientModelError, match="failed .*ConnectionError.*Your turn is saved"):
        "".join(ws.client_reply(session_id))
    view = ws.view(session_id)
    assert view.awaiting_reply and view.turns[-1]["text"] == "How has it been since your dad moved?"
    practice._chat_model = FakeListChatModel(responses=REPLIES)  # the server is back: the retry answers
    assert "".join(ws.client_reply(session_id))
    assert [t["speaker"] for t in ws.view(session_id).turns] == ["client", "trainee", "client"]


def test_a_model_that_hangs_times_out_with_a_clear_message_and_keeps_the_trainees_turn(fresh_db, monkeypatch):
    monkeypatch.setenv("UNHURRIED_MODEL_TIMEOUT", "1")
    RELEASE.clear()
    practice = Practice(fresh_db, load_cards(), "embedded", chat_model=HangingChat())
    ws = practice.local_user()
    session_id = ws.start_session("carer_guilt")
    ws.trainee_turn(session_id, "What's been on your mind this week?")
    started = time.monotonic()
    try:
        with pytest.raises(simulator.ClientModelError, match="did not answer within 1 seconds.*Your turn is saved"):
            "".join(ws.client_reply(session_id))
    finally:
        RELEASE.set()  # let the abandoned worker thread finish
    assert time.monotonic() - started < 10
    view = ws.view(session_id)
    assert view.awaiting_reply and view.turns[-1]["text"] == "What's been on your mind this week?"
    assert "".join(ws.client_reply(session_id))  # the model answers now: the same turn gets its reply
    assert [t["speaker"] for t in ws.view(session_id).turns] == ["client", "trainee", "client"]

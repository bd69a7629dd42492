"""Signing in and each role's pages, in AppTest, on a database with real accounts."""
from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from streamlit.testing.v1 import AppTest

import simulator
from logbook import Access, Logbook, create_user
from ui.services import practice


@pytest.fixture
def people(monkeypatch, tmp_path):
    """An admin, a course lead, a supervisor, two trainees; the first trainee has a submitted session."""
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "roles.db"))
    monkeypatch.setattr(simulator, "get_chat_model", lambda spec: FakeListChatModel(responses=["Mm.", "Maybe."]))
    practice.clear()
    book = Logbook()
    ids = {name: create_user(book, name, role, "password123")["id"] for name, role in [
        ("ada", "admin"), ("lee", "course_lead"), ("sam", "supervisor"), ("tia", "trainee"), ("tom", "trainee")]}
    Access(book, ids["lee"]).assign(ids["sam"], ids["tia"])
    tia = practice().for_user(ids["tia"])
    session_id = tia.start_session("carer_guilt")
    for text in ("What's been hardest?", "You should just move her somewhere closer."):
        tia.trainee_turn(session_id, text)
        "".join(tia.client_reply(session_id))
    tia.submit(session_id)
    yield ids, session_id
    practice.clear()


def app(user_id: int | None = None, page: str | None = None, **query) -> AppTest:
    at = AppTest.from_file("../sim_app.py", default_timeout=60)
    if user_id is not None:
        at.session_state["user_id"] = user_id
    for key, value in query.items():
        at.query_params[key] = str(value)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def texts(elements) -> str:
    """What the elements say, with the markdown escaping of user text taken out."""
    return "\n".join(str(e.value) for e in elements).replace("\\", "")


def test_with_accounts_everyone_must_sign_in(people):
    at = app()
    assert not at.exception
    assert at.title[0].value == "Sign in to Unhurried"
    assert not at.chat_input  # nothing else is reachable


def test_wrong_password_is_refused_and_right_one_signs_in(people):
    at = app()
    at.text_input[0].input("tia")
    at.text_input[1].input("wrong-password")
    at.button[0].click().run()
    assert "do not match" in texts(at.error)
    at.text_input[1].input("password123")
    at.button[0].click().run()
    assert at.session_state["user_id"] == people[0]["tia"]
    assert "Practise a session" in texts(at.title)


def test_a_trainee_cannot_open_anothers_session_by_url(people):
    ids, session_id = people
    practise = app(ids["tom"], session=session_id)
    assert "could not be found" in texts(practise.error)
    review = app(ids["tom"], "ui/review.py", session=session_id)
    assert "No sessions yet" in texts(review.info)


def test_supervisor_disagrees_and_comments_and_the_trainee_sees_it(people):
    ids, session_id = people
    at = app(ids["sam"])
    assert "Submitted sessions" in texts(at.title)
    at.radio(key=next(r.key for r in at.radio if r.key.startswith("v-"))).set_value("disagree")
    at.text_input(key=next(t.key for t in at.text_input if t.key.startswith("c-"))).input("A reflection, I think.")
    next(b for b in at.button if b.label == "Save verdict").click().run()
    at.text_area(key=next(t.key for t in at.text_area if t.key.startswith("m-"))).input("Nice pacing here.")
    next(b for b in at.button if b.label == "Add comment").click().run()
    assert not at.exception
    trainee = app(ids["tia"], "ui/review.py", session=session_id)
    notes = texts(trainee.info)
    assert "disagrees with the flag" in notes and "A reflection, I think." in notes and "Nice pacing here." in notes


def test_course_lead_sees_agreement_and_cohort(people):
    ids, session_id = people
    tia_session = Access(Logbook(), ids["sam"])
    flagged = next(t for t in tia_session.turns(session_id) if t["feedback"] and t["feedback"]["lapse"])
    tia_session.review(session_id, turn_id=flagged["id"], verdict="disagree")
    agreement = app(ids["lee"], "ui/agreement.py")
    assert not agreement.exception
    table = agreement.dataframe[0].value
    assert list(table["label"]) == ["Advice"] and list(table["precision"]) == [0.0]
    cohort = app(ids["lee"])
    assert not cohort.exception and "Per trainee" in texts(cohort.subheader)
    assert list(cohort.dataframe[0].value["trainee"]) == ["tia"]


def test_admin_creates_an_account(people):
    at = app(people[0]["ada"])
    assert "Accounts" in texts(at.title)
    at.text_input[0].input("uma")
    at.selectbox[0].set_value("supervisor")
    at.text_input[1].input("password123")
    next(b for b in at.button if b.label == "Create").click().run()
    assert "Created uma (supervisor)" in texts(at.success)


def test_assignment_page_routes_submissions_to_a_supervisor(people):
    ids, session_id = people
    at = app(ids["lee"], "ui/assignments.py")
    at.selectbox[0].set_value(ids["tom"])
    next(b for b in at.button if b.label == "Assign").click().run()
    assert "now go to sam" in texts(at.success)


def test_my_data_deletes_only_after_confirmation(people):
    ids, _ = people
    at = app(ids["tia"], "ui/my_data.py")
    delete = next(b for b in at.button if b.label == "Delete everything")
    assert delete.disabled
    next(t for t in at.text_input if t.label == "Type DELETE to confirm").input("DELETE").run()
    next(b for b in at.button if b.label == "Delete everything").click().run()
    assert Logbook().get_user(ids["tia"])["deleted_at"]
    assert at.title[0].value == "Sign in to Unhurried"

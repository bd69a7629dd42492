"""The review and history pages in AppTest, on sessions made through the service API."""
from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from streamlit.testing.v1 import AppTest

import simulator
from ui.services import practice

REPLIES = ["I suppose so.", "It's hard to say.", "Maybe. I don't know."]
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def service(monkeypatch, tmp_path):
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "review.db"))
    monkeypatch.setattr(simulator, "get_chat_model", lambda spec: FakeListChatModel(responses=REPLIES))
    practice.clear()
    yield practice().local_user()
    practice.clear()


def practised(service, turns=("What's been hardest this week?", f"You should just ask your brother to help. {HOSTILE}",
                              "I jumped in there, sorry. What's it like asking for help?")) -> int:
    session_id = service.start_session("carer_guilt")
    for text in turns:
        service.trainee_turn(session_id, text)
        "".join(service.client_reply(session_id))
    return session_id


def review(session_id: int) -> AppTest:
    at = AppTest.from_file("../sim_app.py", default_timeout=60)
    at.query_params["session"] = str(session_id)
    at.run()
    at.switch_page("ui/review.py")
    return at.run()


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


def test_review_shows_labels_flags_state_and_charts(service):
    at = review(practised(service))
    assert not at.exception
    assert "Advice" in texts(at.caption) and "Open question" in texts(at.caption)
    assert "More curious" in texts(at.warning)
    assert "openness" in texts(at.caption) and "layer" in texts(at.caption)
    assert len(at.get("plotly_chart")) == 2
    assert HOSTILE not in "\n".join(texts(m.markdown) for m in at.chat_message)


def test_lapse_evidence_is_highlighted(service):
    at = review(practised(service))
    lapse_turn = at.chat_message[3]
    assert ":orange-background[" in texts(lapse_turn.markdown)


def test_turn_and_session_reflections_are_saved_as_typed(service):
    session_id = practised(service)
    at = review(session_id)
    at.text_area(key=next(t.key for t in at.text_area if t.key.endswith("-pull"))).input("I wanted to fix it for her.").run()
    at.text_area(key=f"session-refl-{session_id}-next_time").input("Ask before offering ideas.").run()
    assert not at.exception
    saved = service.reflections(session_id)
    assert {"pull": "I wanted to fix it for her.", "instead": ""} in saved.values()
    assert saved[None]["next_time"] == "Ask before offering ideas."


def test_rewind_opens_a_branch_on_the_practise_page(service):
    session_id = practised(service)
    at = review(session_id)
    next(b for b in at.button if b.key == f"rewind-{session_id}-3").click().run()
    assert not at.exception
    branch = service.branches(session_id)[0]
    assert [t["idx"] for t in branch.turns] == [0, 1, 2]
    assert at.query_params["session"] == str(branch.id)


def test_branches_are_shown_side_by_side(service):
    session_id = practised(service)
    branch = service.rewind(session_id, 3)
    service.trainee_turn(branch, "What would it mean to ask him?")
    "".join(service.client_reply(branch))
    at = review(session_id)
    assert "Retries side by side" in texts(at.subheader)
    assert "What would it mean to ask him" in "\n".join(texts(m.markdown) for m in at.chat_message)


def test_submit_for_supervision(service):
    session_id = practised(service)
    at = review(session_id)
    next(b for b in at.button if b.label.startswith("Submit this session")).click().run()
    assert service.view(session_id).session["submitted_at"]
    assert "Submitted for supervision" in texts(at.success)


def test_exam_session_keeps_feedback_hidden_until_it_ends(service):
    session_id = service.start_session("carer_guilt", mode="exam")
    service.trainee_turn(session_id, "You should move her closer to you.")
    "".join(service.client_reply(session_id))
    at = review(session_id)
    assert "still going" in texts(at.warning)
    assert "More curious" not in texts(at.warning)


def test_history_page_plots_trends(service):
    practised(service)
    practised(service, turns=("What brings you here today?", "Say more about that?"))
    at = AppTest.from_file("../sim_app.py", default_timeout=60)
    at.run()
    at.switch_page("ui/history.py")
    at.run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 4


def test_review_with_no_sessions_points_to_practise(service):
    at = AppTest.from_file("../sim_app.py", default_timeout=60)
    at.run()
    at.switch_page("ui/review.py")
    at.run()
    assert "No sessions yet" in texts(at.info)

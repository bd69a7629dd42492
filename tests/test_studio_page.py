"""The persona studio in AppTest: edit, check, save, rehearse, publish and retire persona cards."""
from __future__ import annotations

import json

import pytest
import yaml
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from streamlit.testing.v1 import AppTest

import logbook
import simulator
from logbook import Logbook
from personas import card_hash
from personas.loader import CARDS_DIR
from sessions import Workspace
from ui.services import practice

REPLIES = ["I suppose so, yeah.", "It's hard to say, really.", "Maybe. I don't know what I feel about it."]
SHIPPED = (CARDS_DIR / "carer_guilt.yaml").read_text(encoding="utf-8")
EDITED = SHIPPED.replace("age: 54", "age: 55")


@pytest.fixture
def users(monkeypatch, tmp_path):
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "studio.db"))
    monkeypatch.setattr(simulator, "get_chat_model", lambda spec: FakeListChatModel(responses=REPLIES))
    practice.clear()
    book = Logbook()
    yield {"lead": logbook.create_user(book, "lead", "course_lead", "password123"),
           "trainee": logbook.create_user(book, "trainee", "trainee", "password123")}
    practice.clear()


def signed_in(user: dict) -> AppTest:
    at = AppTest.from_file("../sim_app.py", default_timeout=60)
    at.session_state["user_id"] = user["id"]
    at.run()
    return at


def studio(users, persona_id: str = "carer_guilt") -> AppTest:
    at = signed_in(users["lead"])
    at.switch_page("ui/studio.py")
    at.run()
    at.selectbox(key="studio-persona").set_value(persona_id).run()
    assert not at.exception
    return at


def lead(users) -> Workspace:
    return practice().for_user(users["lead"]["id"])


def editor(at: AppTest):
    return next(t for t in at.text_area if t.key.startswith("studio-yaml-"))


def button(at: AppTest, key: str):
    return next(b for b in at.button if b.key == key)


def publish(at: AppTest, version_id: int) -> AppTest:
    """An unrehearsed version asks for "Publish anyway" before its Publish button works."""
    assert button(at, f"studio-publish-{version_id}").disabled
    assert "check it answers 80% before trainees meet it" in texts(at.warning)
    at.checkbox(key=f"studio-anyway-{version_id}").check().run()
    return button(at, f"studio-publish-{version_id}").click().run()


def texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


def test_editor_starts_from_the_shipped_card_with_a_preview(users):
    at = studio(users)
    assert editor(at).value == SHIPPED
    assert "The card is valid" in texts(at.success)
    assert "Nasreen Akhtar" in texts(at.markdown)
    assert "Sorry, I've come straight from work" in texts(at.chat_message[0].markdown)
    assert ":blue-badge[low]" in texts(at.markdown)  # the resistance dial
    assert "Content notes: dementia" in texts(at.warning)
    assert "Risk level" in texts(at.markdown)
    assert "Shipped file" in texts(at.markdown)


def test_valid_edit_saves_a_new_version_with_its_hash(users):
    at = studio(users)
    editor(at).input(EDITED).run()
    assert not button(at, "studio-save").disabled
    button(at, "studio-save").click().run()
    assert not at.exception
    rows = lead(users).persona_versions("carer_guilt")
    assert [(r["version"], r["status"], r["card_hash"], r["yaml"]) for r in rows] == [
        (1, "draft", card_hash(EDITED), EDITED)]
    assert f"version 1 (hash {card_hash(EDITED)})" in texts(at.success).replace("\\", "")
    assert button(at, "studio-save").disabled  # the same text is not saved twice
    editor(at).input(EDITED.replace("age: 55", "age: 56")).run()
    button(at, "studio-save").click().run()
    assert [r["version"] for r in lead(users).persona_versions("carer_guilt")] == [1, 2]
    assert "**v2** :gray-badge[draft]" in texts(at.markdown)


def test_save_takes_the_text_typed_just_before_the_click(users):
    at = studio(users)
    editor(at).input(SHIPPED.replace("age: 54", "age: old"))
    button(at, "studio-save").click().run()  # one browser message: the edit and the click
    assert "Not saved" in texts(at.error) and "age" in texts(at.error)
    assert lead(users).persona_versions("carer_guilt") == []
    editor(at).input(EDITED).run()
    button(at, "studio-save").click().run()
    (row,) = lead(users).persona_versions("carer_guilt")
    assert row["yaml"] == EDITED


def test_invalid_yaml_shows_the_line_and_saves_nothing(users):
    at = studio(users)
    editor(at).input(SHIPPED.replace("age: 54", "age: [54")).run()
    problems = texts(at.error)
    assert "not valid YAML" in problems and "line" in problems
    assert button(at, "studio-save").disabled
    assert not any(b.label == "Rehearse this draft" and not b.disabled for b in at.button)
    assert lead(users).persona_versions("carer_guilt") == []


def test_a_missing_field_is_named_and_nothing_is_saved(users):
    at = studio(users)
    card = yaml.safe_load(SHIPPED)
    del card["opening_line"]
    card["age"] = "fifty"
    editor(at).input(yaml.safe_dump(card, sort_keys=False)).run()
    problems = texts(at.error)
    assert "**opening\\_line**: Field required" in problems
    assert "**age**: Input should be a valid integer" in problems
    assert button(at, "studio-save").disabled
    assert lead(users).persona_versions("carer_guilt") == []


def test_card_text_in_the_preview_is_escaped(users):
    at = studio(users)
    hostile = "<script>alert(1)</script> **Nasreen**"
    editor(at).input(SHIPPED.replace("display_name: Nasreen Akhtar", f"display_name: '{hostile}'")).run()
    assert "The card is valid" in texts(at.success)
    assert hostile not in texts(at.markdown)
    assert "\\<script\\>" in texts(at.markdown)


def test_rehearsal_shows_the_metrics_both_curves_and_transcripts(users, monkeypatch):
    calls = []
    real = Workspace.rehearse_card
    monkeypatch.setattr(Workspace, "rehearse_card", lambda self, card, **kw: calls.append(card.id) or real(self, card, **kw))
    at = studio(users)
    editor(at).input(EDITED).run()
    next(b for b in at.button if b.label == "Rehearse this draft").click().run()
    assert not at.exception
    (bar,) = at.get("progress")
    assert bar.proto.value == 100 and "38 of 38 turns" in bar.proto.text
    metrics = {m.label: m.value for m in at.metric}
    assert set(metrics) == {"Answered", "Role held", "Fallback", "Openness after exploring", "Openness after lapse-heavy"}
    assert float(metrics["Role held"].rstrip("%")) + float(metrics["Fallback"].rstrip("%")) <= 100
    assert 0 <= float(metrics["Answered"].rstrip("%")) <= 100
    (chart,) = at.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    curves = {trace["name"]: trace["y"] for trace in figure["data"]}
    assert set(curves) == {"Exploring", "Lapse-heavy"} and all(len(y) == 12 for y in curves.values())
    assert [e.label for e in at.expander if "probe transcript" in e.label] == [
        "Exploring probe transcript (12 turns)", "Lapse-heavy probe transcript (12 turns)",
        "Interview probe transcript (14 turns)"]
    at.run()  # a rerun shows the kept results without rehearsing again
    assert calls == ["carer_guilt"] and len(at.metric) == 5
    editor(at).input(EDITED.replace("age: 55", "age: 56")).run()  # an edit is a new draft, not yet rehearsed
    assert not at.metric and "Not rehearsed since the last edit" in texts(at.caption)


def test_publish_puts_the_version_in_the_picker_and_retire_takes_it_out(users):
    at = studio(users)
    editor(at).input(EDITED).run()
    button(at, "studio-save").click().run()
    version = lead(users).persona_versions("carer_guilt")[0]
    publish(at, version["id"])
    assert not at.exception
    cards = practice().cards
    assert cards.hashes["carer_guilt"] == card_hash(EDITED) and cards.cards["carer_guilt"].age == 55
    assert "in the practise picker" in texts(at.markdown)
    assert "version 1 published" in texts(at.toast)
    trainee = practice().for_user(users["trainee"]["id"])
    session = trainee.start_session("carer_guilt")
    assert trainee.view(session).session["card_hash"] == card_hash(EDITED)

    button(at, f"studio-retire-{version['id']}").click().run()
    assert not at.exception
    assert "carer_guilt" not in practice().cards.cards
    assert "burnout_nurse" in practice().cards.cards
    assert lead(users).persona_versions("carer_guilt")[0]["status"] == "retired"


def test_a_shipped_card_can_be_retired_and_published_again(users):
    at = studio(users)
    button(at, "studio-retire-shipped-carer_guilt").click().run()
    assert not at.exception
    assert "carer_guilt" not in practice().cards.cards
    (row,) = lead(users).persona_versions("carer_guilt")
    assert (row["status"], row["card_hash"]) == ("retired", card_hash(SHIPPED))
    publish(at, row["id"])
    assert practice().cards.hashes["carer_guilt"] == card_hash(SHIPPED)


def test_a_new_persona_starts_from_an_existing_card(users):
    at = signed_in(users["lead"])
    at.switch_page("ui/studio.py")
    at.run()
    at.selectbox(key="studio-persona").set_value("__new__").run()
    assert "Give the new persona an id" in texts(at.info)
    at.text_input(key="studio-new-id").input("carer_guilt").run()
    assert "exists already" in texts(at.error)
    at.text_input(key="studio-new-id").input("grieving_student").run()
    at.selectbox(key="studio-template").set_value("burnout_nurse").run()
    next(b for b in at.button if b.label == "Copy it into the editor").click().run()
    shipped = (CARDS_DIR / "burnout_nurse.yaml").read_text(encoding="utf-8")
    assert editor(at).value == shipped
    draft = shipped.replace("display_name: Aoife Brennan", "display_name: Ciara Walsh")
    editor(at).input(draft).run()
    button(at, "studio-save").click().run()
    assert not at.exception
    (row,) = lead(users).persona_versions("grieving_student")
    assert row["card_hash"] == card_hash(draft)
    assert at.selectbox(key="studio-persona").value == "grieving_student"
    assert "grieving_student" not in practice().cards.cards  # a draft until it is published
    publish(at, row["id"])
    assert practice().cards.cards["grieving_student"].display_name == "Ciara Walsh"


def test_a_bad_persona_id_is_refused(users):
    at = signed_in(users["lead"])
    at.switch_page("ui/studio.py")
    at.run()
    at.selectbox(key="studio-persona").set_value("__new__").run()
    at.text_input(key="studio-new-id").input("Grieving Student").run()
    at.text_area(key="studio-yaml-__new__").input(SHIPPED).run()
    assert "**id**: use 2\\-40 lower\\-case letters" in texts(at.error)
    assert button(at, "studio-save").disabled


def test_a_trainee_cannot_use_the_studio(users):
    at = signed_in(users["trainee"])
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("ui/studio.py")  # not in a trainee's navigation
    page = AppTest.from_file("../ui/studio.py", default_timeout=60)  # and the page itself refuses
    page.session_state["user_id"] = users["trainee"]["id"]
    page.run()
    assert "Only course leads" in texts(page.error)
    assert not page.text_area and not page.button
    trainee = practice().for_user(users["trainee"]["id"])
    with pytest.raises(logbook.Forbidden):
        trainee.save_persona("carer_guilt", EDITED)
    row = lead(users).save_persona("carer_guilt", EDITED)
    with pytest.raises(logbook.Forbidden):
        trainee.publish_persona(row["id"])
    with pytest.raises(logbook.Forbidden):
        trainee.retire_persona(row["id"])
    assert trainee.persona_versions("carer_guilt") == []  # drafts are the course leads' own

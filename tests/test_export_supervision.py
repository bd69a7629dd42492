"""The supervisor's words in the pack: every verdict, margin comment and overall note, who wrote it and when,
in all three formats, escaped, and back again through the JSON import."""
from __future__ import annotations

import json

import pytest

import feedback
from feedback.types import HistoryTurn
from logbook import Access, create_user
from logbook.export import build_pack, export_session, import_pack

HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"
PASSWORD = "a long password"


@pytest.fixture
def reviewed(fresh_db):
    """A submitted session with an agreed flag, a relabelled flag, a margin comment on a client turn and a note."""
    trainee = create_user(fresh_db, "Jo Bloggs", "trainee", PASSWORD)
    supervisor = create_user(fresh_db, "Dr Sam Reed", "supervisor", PASSWORD)
    lead = create_user(fresh_db, "Lee", "course_lead", PASSWORD)
    Access(fresh_db, lead["id"]).assign(supervisor["id"], trainee["id"])
    session_id = fresh_db.create_session(user_id=trainee["id"], persona_id="carer_guilt", card_hash="c0ffee",
                                         model_backend="embedded", engine_version=feedback.ENGINE_VERSION)
    fresh_db.add_turn(session_id, "client", "Mum moved into the home last week.", source="opening",
                      state={"openness": 0.25, "layer": "surface", "ruptured": False})
    turns = {}
    for text in ["You should visit her every day.", "Don't worry, it will get easier."]:
        history = [HistoryTurn(speaker=t["speaker"], text=t["text"]) for t in fresh_db.turns(session_id)]
        turns[text] = fresh_db.add_turn(session_id, "trainee", text, source="typed",
                                        feedback=feedback.analyse_turn(text, history).model_dump())
        turns[f"reply to {text}"] = fresh_db.add_turn(session_id, "client", "I suppose.", source="model")
    Access(fresh_db, trainee["id"]).submit(session_id)
    sam = Access(fresh_db, supervisor["id"])
    sam.review(session_id, turn_id=turns["You should visit her every day."]["id"], verdict="agree",
               comment=f"Yes: a plan for her. {HOSTILE}")
    sam.review(session_id, turn_id=turns["Don't worry, it will get easier."]["id"], verdict="relabel",
               label="affirmation")
    sam.review(session_id, turn_id=turns["reply to You should visit her every day."]["id"],
               comment=f"Notice how short she goes here {HOSTILE}")
    sam.review(session_id, comment=f"Good pacing overall; slow down after a lapse. {HOSTILE}")
    return session_id


def words(pack: dict) -> list[tuple]:
    at_turns = [(t["idx"], r["verdict"], r["label"], r["comment"], r["reviewer"], r["created_at"])
                for t in pack["turns"] for r in t["supervision"]]
    return at_turns + [(None, r["verdict"], r["label"], r["comment"], r["reviewer"], r["created_at"])
                       for r in pack["supervisor_notes"]]


def test_json_pack_holds_every_verdict_comment_and_note_with_who_and_when(fresh_db, reviewed):
    pack = json.loads(export_session(fresh_db, reviewed, "json"))
    found = words(pack)
    assert [(idx, verdict, label) for idx, verdict, label, *_ in found] == [
        (1, "agree", None), (2, None, None), (3, "relabel", "affirmation"), (None, None, None)]
    assert {reviewer for *_, reviewer, _ in found} == {"Dr Sam Reed"}
    assert all(created_at.startswith("20") for *_, created_at in found)
    assert pack["supervisor_notes"][0]["comment"].startswith("Good pacing overall")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_readable_packs_show_the_supervisors_words_escaped(fresh_db, reviewed, fmt):
    text = export_session(fresh_db, reviewed, fmt)
    assert "<script>alert" not in text and "<img src=x" not in text
    shown = text.replace("\\", "")  # Markdown backslashes its markup characters
    assert shown.count("&lt;script&gt;alert(") == 3  # the verdict's comment, the margin comment, the note
    for words_ in ["Agrees with the flag", "Relabels it as Affirmation", "Yes: a plan for her",
                   "Notice how short she goes here", "Good pacing overall", "Supervisor's notes"]:
        assert words_ in shown, words_
    assert shown.count("Dr Sam Reed") == 4


def test_the_json_import_brings_the_supervisors_words_back(fresh_db, reviewed):
    original = json.loads(export_session(fresh_db, reviewed, "json"))
    copy = import_pack(fresh_db, json.dumps(original), user_name="Supervisor copy")
    again = build_pack(fresh_db, copy)
    assert words(again) == words(original)
    assert "Relabels it as Affirmation" in export_session(fresh_db, copy, "html")


def test_an_imported_reviewer_name_is_not_an_account_anyone_can_use(fresh_db, reviewed):
    pack = json.loads(export_session(fresh_db, reviewed, "json"))
    pack["supervisor_notes"][0]["reviewer"] = "ada@example.org"
    copy = import_pack(fresh_db, json.dumps(pack), user_name="Supervisor copy")
    assert build_pack(fresh_db, copy)["supervisor_notes"][0]["reviewer"] == "ada@example.org"
    admin = create_user(fresh_db, "ada", "admin", PASSWORD)
    names = {row["name"] for row in Access(fresh_db, admin["id"]).users()}
    assert "ada@example.org" not in names


def test_a_pack_from_before_the_supervisors_words_still_imports(fresh_db, reviewed):
    pack = json.loads(export_session(fresh_db, reviewed, "json"))
    pack["version"] = 1
    del pack["supervisor_notes"]
    for turn in pack["turns"]:
        del turn["supervision"]
    assert words(build_pack(fresh_db, import_pack(fresh_db, json.dumps(pack), user_name="x"))) == []


def test_a_malformed_review_in_a_pack_is_a_clear_error(fresh_db, reviewed):
    from logbook.export import PackError

    pack = json.loads(export_session(fresh_db, reviewed, "json"))
    pack["supervisor_notes"][0]["verdict"] = "overrule"
    with pytest.raises(PackError, match="review in the pack is not readable"):
        import_pack(fresh_db, json.dumps(pack), user_name="x")

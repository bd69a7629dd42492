"""The supervision pack: every format, escaping of hostile text, pseudonyms, and the JSON round trip."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import feedback
from feedback.types import HistoryTurn
from logbook.export import PackError, build_pack, export_session, import_pack

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


@pytest.fixture
def session(fresh_db):
    """A short session with a lapse, HTML in a message and in both kinds of reflection."""
    user = fresh_db.ensure_user("Jo Bloggs")
    session_id = fresh_db.create_session(user_id=user["id"], persona_id="carer_guilt", card_hash="c0ffee",
                                         model_backend="embedded", engine_version=feedback.ENGINE_VERSION)
    state = {"openness": 0.25, "layer": "surface", "ruptured": False}
    fresh_db.add_turn(session_id, "client", f"Mum moved into the home last week. {HOSTILE}", source="opening",
                      state=state)
    lapse = None
    for text in ["What has this week been like?", f"You should visit her every day. {HOSTILE}"]:
        history = [HistoryTurn(speaker=t["speaker"], text=t["text"]) for t in fresh_db.turns(session_id)]
        lapse = fresh_db.add_turn(session_id, "trainee", text, source="typed",
                                  feedback=feedback.analyse_turn(text, history).model_dump())
        fresh_db.add_turn(session_id, "client", "I suppose.", source="model", state=state)
    fresh_db.save_reflection(session_id, {"pull": f"I wanted to fix it {HOSTILE}"}, turn_id=lapse["id"])
    fresh_db.save_reflection(session_id, {"what_happened": f"I rushed {HOSTILE}", "next_time": "Stay curious."})
    return session_id


def test_html_pack_is_standalone_and_escapes_every_user_text(fresh_db, session):
    html = export_session(fresh_db, session, "html")
    assert html.startswith("<!doctype html>")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert html.count("&lt;script&gt;alert(") >= 4  # client turn, trainee turn, both reflections
    assert "I wanted to fix it" in html and "Stay curious." in html
    assert "lapse" in html and "More curious" in html
    assert "c0ffee" in html and "embedded" in html and feedback.ENGINE_VERSION in html
    assert "AI simulation" in html
    assert "plotly" in html.lower() and "staticPlot" in html  # charts ship inline, non-interactive
    assert "src=\"http" not in html  # nothing fetched when the pack is opened


def test_markdown_pack_escapes_html_and_markup(fresh_db, session):
    md = export_session(fresh_db, session, "md")
    assert "<script>" not in md and "<img" not in md
    assert "&lt;script&gt;" in md
    assert "Stay curious" in md and "More curious" in md


def test_trainee_is_pseudonymous_unless_they_opt_in(fresh_db, session):
    for fmt in ("html", "md", "json"):
        assert "Jo Bloggs" not in export_session(fresh_db, session, fmt)
    assert "Jo Bloggs" in export_session(fresh_db, session, "html", with_name=True)


def test_json_pack_is_complete_and_round_trips(fresh_db, session):
    original = json.loads(export_session(fresh_db, session, "json"))
    assert {"session", "turns", "scores", "session_reflection", "missed_risk_cues", "branches"} <= set(original)
    assert original["turns"][3]["feedback"]["label"] == "advice"
    assert original["turns"][3]["reflection"]["pull"].startswith("I wanted to fix it")
    imported = import_pack(fresh_db, json.dumps(original), user_name="Supervisor copy")
    again = build_pack(fresh_db, imported)
    for key in ("turns", "session_reflection", "scores", "missed_risk_cues"):
        assert again[key] == original[key], key
    assert {k: v for k, v in again["session"].items() if k != "id"} == {
        k: v for k, v in original["session"].items() if k != "id"}


@pytest.mark.parametrize("text, problem", [
    ("not json", "not JSON"),
    ('{"format": "something else"}', "not an Unhurried supervision pack"),
    ('{"format": "unhurried-supervision-pack", "version": 99}', "not supported"),
])
def test_importing_something_else_is_a_clear_error(fresh_db, text, problem):
    with pytest.raises(PackError, match=problem):
        import_pack(fresh_db, text, user_name="x")


def test_cli_exports_each_format_to_a_file(fresh_db, session, tmp_path):
    for fmt in ("md", "html", "json"):
        out = tmp_path / f"pack.{fmt}"
        result = subprocess.run(
            [sys.executable, "-m", "logbook", "--db", str(fresh_db.path), "export", "--session", str(session),
             "--format", fmt, "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "Stay curious" in out.read_text(encoding="utf-8")


def test_cli_reports_a_missing_session(fresh_db):
    result = subprocess.run([sys.executable, "-m", "logbook", "--db", str(fresh_db.path), "export",
                             "--session", "999"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "No session 999" in result.stderr

"""The pack carries the softer notes and reflection depth: a possible lapse, complex reflections and the %CR score,
in every format, escaped."""
from __future__ import annotations

import json

import feedback
from feedback.types import Lapse, TurnFeedback
from logbook import create_user
from logbook.export import export_session

HOSTILE = "<b onmouseover=alert(1)>now</b>"


def test_possible_note_complex_mark_and_pct_complex_in_every_format(fresh_db):
    trainee = create_user(fresh_db, "Jo", "trainee", "a long password")
    sid = fresh_db.create_session(user_id=trainee["id"], persona_id="carer_guilt", card_hash="c0ffee",
                                  model_backend="embedded", engine_version=feedback.ENGINE_VERSION)
    fresh_db.add_turn(sid, "client", "Mum moved into the home last week.", source="opening")
    possible = Lapse(label="advice", evidence=f"Visit her {HOSTILE}", reason="This may read as advice.", severity="mild",
                     severity_score=0.3, alternative="What is that like for you?")
    fresh_db.add_turn(sid, "trainee", f"Visit her {HOSTILE}", source="typed", feedback=TurnFeedback(
        label="reflection", confidence=0.5, family="exploring", possible_lapse=possible, complex_reflection=True).model_dump())
    fresh_db.add_turn(sid, "client", "I suppose.", source="model")
    fresh_db.add_turn(sid, "trainee", "She moved last week.", source="typed", feedback=TurnFeedback(
        label="reflection", confidence=0.9, family="exploring", complex_reflection=False).model_dump())
    pack = json.loads(export_session(fresh_db, sid, "json"))
    assert pack["scores"]["pct_complex_reflections"] == 50.0 and pack["scores"]["possible_lapses"] == 1
    md, html = export_session(fresh_db, sid, "md"), export_session(fresh_db, sid, "html")
    for text in (md, html):
        assert "Possibly advice" in text and "Complex reflections, % of reflections" in text and "50%" in text
        assert "<b onmouseover" not in text
    assert "Reflection, 50%, complex" in md

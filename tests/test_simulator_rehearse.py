"""Headless rehearsal: scripted trainee -> real feedback engine -> client state -> client reply."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

import simulator.__main__ as cli
from personas import load_cards
from simulator.rehearse import PROBES, read_script, rehearse

ROOT = Path(__file__).resolve().parents[1]
KEYS = {"turn", "trainee", "client", "source", "state", "feedback"}
NUMBERS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen".split()


@pytest.fixture(scope="module")
def card():
    return load_cards().cards["burnout_nurse"]


def fake_model() -> GenericFakeChatModel:
    """Distinct, in-character replies, so none is rejected as a repeat."""
    return GenericFakeChatModel(messages=iter(f"Night {n} was the same, to be honest." for n in NUMBERS * 2))


def test_probes_ship_with_ten_to_fourteen_lines():
    for name in ("exploring", "lapse_heavy"):
        assert 10 <= len(read_script(PROBES / f"{name}.txt")) <= 14


def test_read_script_skips_blank_and_comment_lines(tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("# a comment\nWhat's that like?\n\n  You're tired.  \n", encoding="utf-8")
    assert read_script(script) == ["What's that like?", "You're tired."]


def test_rehearsal_records_have_the_cli_shape_and_are_json(card):
    records = rehearse(card, read_script(PROBES / "exploring.txt"), fake_model(), seed=0)
    assert [r["turn"] for r in records] == list(range(1, len(records) + 1))
    for record in records:
        assert KEYS <= set(record)
        assert set(record["state"]) == {"openness", "layer"}
        assert record["feedback"]["label"]
        json.dumps(record)
    assert records[0]["client"] == "Night one was the same, to be honest."
    assert {r["source"] for r in records} <= {"model", "retry", "grounded", "authored"}
    assert sum(r["source"] == "model" for r in records) >= 1


def test_the_real_engine_drives_the_state(card):
    exploring = rehearse(card, read_script(PROBES / "exploring.txt"), fake_model())
    lapsing = rehearse(card, read_script(PROBES / "lapse_heavy.txt"), fake_model())
    assert exploring[-1]["state"]["openness"] > exploring[0]["state"]["openness"]
    assert exploring[-1]["detail"]["reached"] == "core"
    assert lapsing[-1]["state"]["openness"] < exploring[-1]["state"]["openness"]
    assert any(r["detail"]["ruptured"] for r in lapsing)
    assert {r["feedback"]["family"] for r in lapsing} >= {"lapse", "exploring"}


def test_cli_prints_one_json_line_per_turn(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(cli, "get_chat_model", lambda spec: fake_model())
    script = tmp_path / "s.txt"
    script.write_text("What has that been like?\nYou should take a holiday.\n", encoding="utf-8")
    assert cli.main(["rehearse", "--persona", "burnout_nurse", "--script", str(script), "--seed", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["feedback"]["label"] for line in lines] == ["open_question", "advice"]


def test_cli_names_the_known_personas_for_an_unknown_one(capsys, tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("Hello.\n", encoding="utf-8")
    assert cli.main(["rehearse", "--persona", "nobody", "--script", str(script)]) == 2
    assert "carer_guilt" in capsys.readouterr().err


@pytest.mark.embedded
def test_embedded_model_rehearses_the_exploring_probe_through_the_cli():
    done = subprocess.run(
        [sys.executable, "-m", "simulator", "rehearse", "--persona", "carer_guilt",
         "--script", str(PROBES / "exploring.txt"), "--model", "embedded", "--seed", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,  # slow only when other llama.cpp processes share the cores
    )
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == len(read_script(PROBES / "exploring.txt"))
    for record in records:
        assert KEYS <= set(record)
        assert record["client"].strip()
        assert record["source"] in {"model", "retry", "grounded", "authored"}
    openness = [r["state"]["openness"] for r in records]
    assert openness[-1] > openness[0]
    assert sum(r["source"] != "authored" for r in records) >= len(records) // 2  # the model does the talking

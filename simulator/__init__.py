"""The simulated client: model backends, client state, prompting, guarded replies, rehearsal.

The API the sessions layer and the pages use::

    spec = resolve_model_spec()                 # env UNHURRIED_MODEL, default "embedded"
    describe_backend(spec).label / .local       # what the UI shows
    model = get_chat_model(spec)                # loaded once per process
    state = next_state(card, previous_state, feedback)
    stream = SimulatedClient(card, model).stream_reply(history, state, seed=...)
    for chunk in stream: ...                    # or st.write_stream(stream)
    stream.result                               # ClientReply(text, source, attempts, checks_failed)
"""
from .backends import (BackendInfo, ClientModelError, ModelSettings, SettingsError, describe_backend, get_chat_model,
                       model_settings, resolve_model_spec)
from .checks import check_reply, is_frame_break
from .client import ClientReply, ReplyStream, SimulatedClient
from .state import ClientState, initial_state, next_state

__all__ = [
    "BackendInfo",
    "ClientModelError",
    "ClientReply",
    "ClientState",
    "ModelSettings",
    "ReplyStream",
    "SettingsError",
    "SimulatedClient",
    "check_reply",
    "describe_backend",
    "get_chat_model",
    "initial_state",
    "is_frame_break",
    "model_settings",
    "next_state",
    "resolve_model_spec",
]

"""The process-wide service, and who is using this browser session."""
from __future__ import annotations

import threading

import streamlit as st

from logbook import Forbidden
from sessions import Practice, Workspace


@st.cache_resource
def practice() -> Practice:
    service = Practice.from_settings()
    threading.Thread(target=service.warm_up, name="feedback-warm-up", daemon=True).start()
    return service


def oidc_configured() -> bool:
    """True when .streamlit/secrets.toml has an [auth] section: then st.login signs people in."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def workspace() -> Workspace | None:
    """The signed-in person's workspace, the local trainee when no accounts exist, or None."""
    service = practice()
    if oidc_configured():
        if not st.user.is_logged_in:
            return None
        return service.for_identity(st.user.get("email") or st.user.get("sub"))
    if not service.accounts_required():
        return service.local_user()
    user_id = st.session_state.get("user_id")
    if user_id is None:
        return None
    try:
        return service.for_user(user_id)
    except Forbidden:  # the account was deleted meanwhile
        del st.session_state["user_id"]
        return None


def require_workspace() -> Workspace:
    """For pages: the workspace, or stop the page (the router shows sign-in instead)."""
    ws = workspace()
    if ws is None:
        st.stop()
    return ws


def sign_out() -> None:
    st.session_state.pop("user_id", None)
    if oidc_configured():
        st.logout()

"""The process-wide service, and who is using this browser session.

A local sign-in is remembered by a cookie holding a signed token (``logbook.tokens``): Streamlit reads
cookies itself (``st.context.cookies``, sent when the page connects) but cannot set one, so a tiny
``st.components.v2`` component writes or deletes it in the page. The token is checked on every run,
so signing out, a password change or twelve idle hours end the sign-in in every tab.
"""
from __future__ import annotations

import threading

import streamlit as st

from logbook import Forbidden
from logbook.tokens import LIFETIME
from sessions import Practice, Workspace

COOKIE = "unhurried_sign_in"
TOKEN = "sign_in_token"
REFUSED = "refused_sign_in_token"

_COOKIE_JS = """
export default function ({ data }) {
  const { name, value, maxAge } = data;
  const current = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
  const flags = "; Path=/; SameSite=Strict" + (location.protocol === "https:" ? "; Secure" : "");
  if (value && current !== name + "=" + value) {
    document.cookie = name + "=" + value + flags + "; Max-Age=" + maxAge;
  } else if (!value && current) {
    document.cookie = name + "=" + flags + "; Max-Age=0";
  }
}
"""
_sign_in_cookie = st.components.v2.component("unhurried_sign_in_cookie", js=_COOKIE_JS)


@st.cache_resource
def practice() -> Practice:
    service = Practice.from_settings()
    threading.Thread(target=service.warm_up, name="model-warm-up", daemon=True).start()
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
    token = st.session_state.get(TOKEN)
    if token is None and "user_id" not in st.session_state:  # a reload or a new tab: the browser's cookie
        token = st.context.cookies.get(COOKIE)
        if token is not None and token == st.session_state.get(REFUSED):
            token = None
    if token is not None:
        remembered = service.resume(token)
        if remembered is None:  # forged, expired or revoked: the sign-in page, and the cookie is deleted
            st.session_state[REFUSED] = token
            st.session_state.pop(TOKEN, None)
            st.session_state.pop("user_id", None)
            return None
        st.session_state[TOKEN], st.session_state["user_id"] = token, remembered.user["id"]
        return remembered
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


def remember_sign_in(workspace: Workspace) -> None:
    """After a sign-in (or a password change): this browser keeps a fresh token."""
    st.session_state[TOKEN] = practice().remember(workspace)
    st.session_state["user_id"] = workspace.user["id"]


def keep_sign_in_cookie() -> None:
    """Make the browser's cookie match this session: the token while signed in locally, else none."""
    _sign_in_cookie(key="sign-in-cookie", height=0,
                    data={"name": COOKIE, "value": st.session_state.get(TOKEN),
                          "maxAge": int(LIFETIME.total_seconds())})


def sign_out() -> None:
    """Revoke this browser's remembered sign-in; the router deletes the cookie on the next run."""
    token = st.session_state.pop(TOKEN, None)
    if token:
        practice().sign_out(token)
        st.session_state[REFUSED] = token
    st.session_state.pop("user_id", None)
    if oidc_configured():
        st.logout()

"""The sidebar every page shares: who is signed in, which model is in use and where text goes."""
import streamlit as st

from ui.services import practice, sign_out


def render(workspace) -> None:
    backend = practice().backend
    with st.sidebar:
        st.markdown("**Unhurried** · practise staying curious")
        if workspace is not None and practice().accounts_required():
            st.caption(f"Signed in as {workspace.user['name']} ({workspace.user['role'].replace('_', ' ')})")
            if st.button("Sign out", icon=":material/logout:"):
                sign_out()
                st.rerun()
        where = "runs on this machine; nothing leaves it" if backend.local else "text is sent to this provider"
        st.caption(f"Client model: {backend.label} ({where}).")
        st.toggle("Show the client's openness", value=True, key="show_openness",
                  help="A small gauge of how open the simulated client feels. Switch it off to practise without it.")

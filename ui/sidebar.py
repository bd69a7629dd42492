"""The sidebar every page shares: which model is in use and where text goes."""
import streamlit as st

from ui.services import practice


def render() -> None:
    backend = practice().backend
    with st.sidebar:
        st.markdown("**Unhurried** · practise staying curious")
        where = "runs on this machine; nothing leaves it" if backend.local else "text is sent to this provider"
        st.caption(f"Client model: {backend.label} ({where}).")
        st.toggle("Show the client's openness", value=True, key="show_openness",
                  help="A small gauge of how open the simulated client feels. Switch it off to practise without it.")

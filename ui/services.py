"""The process-wide service object, shared by every browser session."""
import streamlit as st

from sessions import Practice


@st.cache_resource
def practice() -> Practice:
    return Practice.from_settings()

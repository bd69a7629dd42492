"""Unhurried's Streamlit entry point: routing and the sidebar only; pages live in ui/."""
import streamlit as st

from ui import sidebar

st.set_page_config(page_title="Unhurried", page_icon="🌿", layout="centered")

page = st.navigation([
    st.Page("ui/practise.py", title="Practise", icon=":material/forum:", url_path="practise", default=True),
    st.Page("ui/review.py", title="Review", icon=":material/rate_review:", url_path="review"),
    st.Page("ui/history.py", title="History", icon=":material/timeline:", url_path="history"),
    st.Page("ui/personas.py", title="Personas", icon=":material/badge:", url_path="personas"),
    st.Page("ui/about.py", title="About & data", icon=":material/info:", url_path="about"),
])
sidebar.render()
page.run()

"""Thin Streamlit pages and widgets. No business logic and no SQL here: call sessions.Practice."""

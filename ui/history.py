"""History: how your practice is changing across sessions, per persona."""
import plotly.express as px
import streamlit as st

from ui.services import require_workspace

st.title("Your practice over time")
rows = require_workspace().history()
if not rows:
    st.info("Trends appear here once you have practised a session.")
else:
    personas = sorted({r["persona"] for r in rows})
    chosen = st.multiselect("Personas", personas, default=personas)
    rows = [r for r in rows if r["persona"] in chosen]
    for key, title, axis in [
        ("lapse_rate", "Lapse rate (lower is better)", ".0%"),
        ("rq_ratio", "Reflections per question (MITI: fair 1, good 2)", ""),
        ("pct_open_questions", "% open questions (fair 50%, good 70%)", ""),
        ("openness_reached", "Client openness reached", ".0%"),
    ]:
        fig = px.line(rows, x="started_at", y=key, color="persona", markers=True, title=title,
                      hover_data=["session_id", "trainee_turns", "layer_reached"])
        fig.update_layout(height=280, margin={"l": 10, "r": 10, "t": 40, "b": 10}, xaxis_title=None,
                          yaxis_title=None, yaxis_tickformat=axis)
        st.plotly_chart(fig, key=key)
    st.dataframe(rows, hide_index=True, column_order=["session_id", "persona", "started_at", "trainee_turns",
                                                      "lapse_rate", "rq_ratio", "pct_open_questions",
                                                      "openness_reached", "layer_reached"])

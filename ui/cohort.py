"""Cohort: per-trainee and per-persona scores and trends, from submitted sessions only."""
import plotly.express as px
import streamlit as st

from ui.services import require_workspace

ws = require_workspace()
st.title("Cohort")
st.caption("Figures from sessions trainees have submitted; practice they keep private is not counted.")
cohorts = ws.cohorts()
choice = st.selectbox("Cohort", [None] + [c["id"] for c in cohorts],
                      format_func=lambda cid: "Everyone" if cid is None else next(c["name"] for c in cohorts
                                                                                  if c["id"] == cid))
rows = ws.cohort_rows(choice)
if not rows:
    st.info("No submitted sessions yet.")
    st.stop()

if unexplored := sum(r["missed_risk_cues"] > 0 for r in rows):
    st.warning(f"{unexplored} of {len(rows)} submitted sessions have a risk cue the trainee did not ask about.",
               icon=":material/emergency:")
st.subheader("Per trainee")
st.dataframe(ws.per_trainee(rows), hide_index=True)
for key, title, axis in [("lapse_rate", "Lapse rate over time", ".0%"),
                         ("rq_ratio", "Reflections per question over time (fair 1, good 2)", "")]:
    fig = px.line(rows, x="started_at", y=key, color="trainee", markers=True, title=title,
                  hover_data=["persona", "session_id"])
    fig.update_layout(height=300, margin={"l": 10, "r": 10, "t": 40, "b": 10}, xaxis_title=None, yaxis_title=None,
                      yaxis_tickformat=axis)
    st.plotly_chart(fig, key=f"trainee-{key}")

st.subheader("Per persona")
fig = px.box(rows, x="persona", y="lapse_rate", points="all", title="Lapse rate by persona")
fig.update_layout(height=320, margin={"l": 10, "r": 10, "t": 40, "b": 10}, yaxis_tickformat=".0%",
                  xaxis_title=None, yaxis_title=None)
st.plotly_chart(fig, key="persona-lapse")

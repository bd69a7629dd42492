"""Cohorts & supervisors: who belongs to which cohort, and which supervisor sees whose submissions."""
import streamlit as st

from ui.services import require_workspace
from ui.widgets import plain

ws = require_workspace()
st.title("Cohorts & supervisors")
trainees, supervisors = ws.users("trainee"), ws.users("supervisor")
names = {u["id"]: u["name"] for u in trainees + supervisors}

st.subheader("Assign a trainee to a supervisor")
if not trainees or not supervisors:
    st.info("Assignments need at least one trainee and one supervisor account (an admin creates them).")
else:
    with st.form("assign"):
        trainee = st.selectbox("Trainee", [u["id"] for u in trainees], format_func=names.get)
        supervisor = st.selectbox("Supervisor", [u["id"] for u in supervisors], format_func=names.get)
        if st.form_submit_button("Assign"):
            ws.assign(supervisor, trainee)
            st.success(plain(f"{names[trainee]}'s submitted sessions now go to {names[supervisor]}."))

st.subheader("Cohorts")
with st.form("cohort"):
    name = st.text_input("New cohort name")
    members = st.multiselect("Trainees", [u["id"] for u in trainees], format_func=names.get)
    if st.form_submit_button("Create cohort") and name.strip():
        ws.create_cohort(name, members)
        st.rerun()
for cohort in ws.cohorts():
    st.markdown(plain(f"{cohort['name']}: " + (", ".join(names.get(uid, "?") for uid in cohort["members"])
                                                or "no members yet")))

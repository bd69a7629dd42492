"""Submitted sessions: a supervisor's verdicts on the engine's flags, margin comments and an overall note."""
import streamlit as st

from feedback.types import LABEL_NAMES, LABELS
from logbook.access import VERDICTS
from ui.services import require_workspace
from ui.widgets import client_state_caption, feedback_note, highlighted, plain, review_notes, session_label, session_picker

ws = require_workspace()
st.title("Submitted sessions")
queue = ws.to_review()
if not queue:
    st.info("No sessions have been submitted to you yet. Trainees assigned to you submit sessions from their "
            "Review page.")
    st.stop()

cards = ws.cards.cards
session_id = session_picker(queue, lambda s: f"{s['trainee']} · {session_label(s, cards)} · {s['reviews']} notes")
view = ws.view(session_id)
reviews = ws.reviews(session_id)
reflections = ws.reflections(session_id)


def verdict_form(turn: dict) -> None:
    with st.form(f"verdict-{turn['id']}", border=False):
        verdict = st.radio("Your verdict on this flag", VERDICTS, horizontal=True, key=f"v-{turn['id']}",
                           format_func={"agree": "Agree", "disagree": "Disagree",
                                        "relabel": "Relabel as…"}.get)
        label = st.selectbox("Correct label (for a relabel)", LABELS, format_func=LABEL_NAMES.get,
                             key=f"l-{turn['id']}")
        comment = st.text_input("Why (optional)", key=f"c-{turn['id']}")
        if st.form_submit_button("Save verdict"):
            ws.review(session_id, turn_id=turn["id"], verdict=verdict, label=label, comment=comment)
            st.rerun()


def margin_comment(turn: dict) -> None:
    with st.popover("Comment", icon=":material/add_comment:"):
        with st.form(f"comment-{turn['id']}", border=False):
            text = st.text_area("Margin comment", key=f"m-{turn['id']}")
            if st.form_submit_button("Add comment"):
                ws.review(session_id, turn_id=turn["id"], comment=text)
                st.rerun()


st.caption(plain(f"Persona {view.card.display_name} · {view.session['mode']} mode · "
                 f"model {view.session['model_backend']} · engine {view.session['engine_version']}"))
for turn in view.turns:
    with st.chat_message("assistant" if turn["speaker"] == "client" else "user"):
        if turn["speaker"] == "client":
            st.markdown(plain(turn["text"]))
            client_state_caption(turn)
        else:
            st.markdown(highlighted(turn["text"], turn["feedback"].get("lapse")))
            feedback_note(turn["feedback"])
            if turn["id"] in reflections:
                for prompt, answer in reflections[turn["id"]].items():
                    if answer:
                        st.caption(f"Trainee's reflection ({prompt.replace('_', ' ')}): {plain(answer)}")
            if turn["feedback"].get("lapse"):
                verdict_form(turn)
        review_notes([r for r in reviews if r["turn_id"] == turn["id"]])
        margin_comment(turn)

st.subheader("Overall note")
review_notes([r for r in reviews if r["turn_id"] is None])
with st.form("overall"):
    note = st.text_area("A note for the trainee on the whole session")
    if st.form_submit_button("Save note"):
        ws.review(session_id, comment=note)
        st.rerun()

"""Review: look back at a session: what each turn was, what it did to the client, and what you make of it."""
import streamlit as st

from logbook.charts import scores_figure, timeline_figure
from sessions import SESSION_PROMPTS, TURN_PROMPTS
from ui.services import practice, require_workspace
from ui.widgets import client_state_caption, disclaimer, feedback_note, highlighted, plain, review_notes, session_label, session_picker

service = require_workspace()
PRACTISE = "ui/practise.py"


def choose_session() -> int | None:
    sessions = service.sessions()
    if not sessions:
        st.info("No sessions yet. Practise one first; it will appear here.")
        st.page_link(PRACTISE, label="Practise a session", icon=":material/forum:")
        return None
    cards = service.cards.cards
    return session_picker(sessions, lambda s: session_label(s, cards))


def reflection_box(session_id: int, turn: dict, saved: dict) -> None:
    with st.expander("Reflect on this turn", expanded=bool(saved), icon=":material/edit_note:"):
        answers = dict(saved)
        for key, prompt in TURN_PROMPTS.items():
            answers[key] = st.text_area(prompt, value=saved.get(key, ""), key=f"refl-{turn['id']}-{key}")
        if answers != saved:
            service.reflect(session_id, answers, turn_id=turn["id"])
            st.caption("Saved.")


def transcript(view, reflections: dict, reviews: list[dict], *, editable: bool) -> None:
    for turn in view.turns:
        if turn["speaker"] == "client":
            with st.chat_message("assistant", avatar=":material/person:"):
                st.markdown(plain(turn["text"]))
                client_state_caption(turn)
                review_notes([r for r in reviews if r["turn_id"] == turn["id"]])
            continue
        verdict = turn["feedback"]
        with st.chat_message("user", avatar=":material/psychology:"):
            st.markdown(highlighted(turn["text"], verdict.get("lapse")))
            feedback_note(verdict)
            review_notes([r for r in reviews if r["turn_id"] == turn["id"]])
            if editable:
                if verdict.get("lapse") or turn["id"] in reflections:
                    reflection_box(view.id, turn, reflections.get(turn["id"], {}))
                if st.button("Rewind and try a different response here", key=f"rewind-{view.id}-{turn['idx']}",
                             icon=":material/undo:", type="tertiary"):
                    st.switch_page(PRACTISE, query_params={"session": str(service.rewind(view.id, turn["idx"]))})


def session_reflection(session_id: int, saved: dict) -> None:
    st.subheader("Your reflection on the session")
    answers = dict(saved)
    for key, prompt in SESSION_PROMPTS.items():
        answers[key] = st.text_area(prompt, value=saved.get(key, ""), key=f"session-refl-{session_id}-{key}")
    if answers != saved:
        service.reflect(session_id, answers)
        st.caption("Saved.")


def side_by_side(view) -> None:
    """Each retry next to the original from the turn where it branched."""
    branches = service.branches(view.id)
    parent = service.view(view.session["parent_id"]) if view.session["parent_id"] else None
    pairs = [(view, b) for b in branches] + ([(parent, view)] if parent else [])
    if not pairs:
        return
    st.subheader("Retries side by side")
    for original, retry in pairs:
        at = retry.session["branched_at_idx"]
        st.markdown(f"From turn {at}: session {original.id} on the left, retry {retry.id} on the right.")
        left, right = st.columns(2)
        for column, side in ((left, original), (right, retry)):
            with column:
                for turn in side.turns:
                    if turn["idx"] < at:
                        continue
                    with st.chat_message("assistant" if turn["speaker"] == "client" else "user"):
                        st.markdown(plain(turn["text"]))
                        if turn["speaker"] == "client":
                            client_state_caption(turn)
                        else:
                            feedback_note(turn["feedback"], brief=True)


def supervision(view) -> None:
    st.subheader("Supervision")
    if view.session["submitted_at"]:
        st.success(f"Submitted for supervision on {view.session['submitted_at'][:10]}.")
    elif st.button("Submit this session for supervision", icon=":material/send:",
                   help="Practice is private until you submit it. Only submitted sessions reach your supervisor."):
        service.submit(view.id)
        st.rerun()
    with_name = st.checkbox("Show my name in the export (otherwise a pseudonym)", key=f"name-{view.id}")
    columns = st.columns(3)
    for column, (fmt, label, mime) in zip(columns, [("html", "HTML (printable)", "text/html"),
                                                   ("md", "Markdown", "text/markdown"),
                                                   ("json", "JSON (complete)", "application/json")]):
        column.download_button(
            label, data=lambda fmt=fmt: service.export(view.id, fmt, with_name=with_name),
            file_name=f"unhurried-session-{view.id}.{fmt}", mime=mime, icon=":material/download:",
            on_click="ignore", key=f"export-{view.id}-{fmt}")


st.title("Review")
session_id = choose_session()
if session_id is not None:
    view = service.view(session_id)
    disclaimer(practice().backend)
    coach_hidden = view.session["mode"] == "exam" and view.session["status"] == "active"
    if coach_hidden:
        st.warning("This exam-mode session is still going: its feedback appears here once you end it.")
        st.page_link(PRACTISE, label="Back to the session", query_params={"session": str(session_id)})
    else:
        scores = service.scores(session_id)
        st.plotly_chart(timeline_figure(view.turns), key="timeline")
        st.plotly_chart(scores_figure(scores.model_dump()), key="scores")
        a, b, cr, c, d = st.columns(5)
        a.metric("R:Q", "n/a" if scores.rq_ratio is None else f"{scores.rq_ratio:g}", scores.rq_band, delta_color="off", delta_arrow="off")
        b.metric("Open questions", "n/a" if scores.pct_open_questions is None else f"{scores.pct_open_questions:.0f}%",
                 scores.open_band, delta_color="off", delta_arrow="off")
        cr.metric("Complex reflections", "n/a" if scores.pct_complex_reflections is None else
                  f"{scores.pct_complex_reflections:.0f}%", scores.complex_band, delta_color="off", delta_arrow="off",
                  help="Reflections that add meaning (a feeling, a value, both sides), of all reflections. MITI 4.2: fair 40%, good 50%.")
        c.metric("Lapses", scores.lapses, f"{scores.lapse_rate:.0%} of turns" + (
            f" · {scores.possible_lapses} possible" if scores.possible_lapses else ""), delta_color="off", delta_arrow="off")
        d.metric("Repaired", scores.lapses_repaired, f"{scores.exploring_before_first_lapse} exploring before the first",
                 delta_color="off", delta_arrow="off")
        if scores.risk_asked_turns:
            st.info(f"You asked about risk at trainee turn {', '.join(map(str, scores.risk_asked_turns))}.",
                    icon=":material/health_and_safety:")
        elif scores.risk_cues:
            st.info("Risk was never asked about in this session.", icon=":material/health_and_safety:")
        for cue in service.missed_risk_cues(session_id):
            later = f" It was asked about later, at turn {cue.asked_at}." if cue.asked_at is not None else ""
            st.error(f"Missed risk cue at turn {cue.client_index}: “{plain(cue.cue)}”. The client's words carried a "
                     "risk cue and the next two turns did not ask about it." + later + " Asking directly about "
                     "suicide or self-harm does not put the idea there; it tells the client you can hear it.",
                     icon=":material/emergency:")
        reflections = service.reflections(session_id)
        reviews = service.reviews(session_id)
        if overall := [r for r in reviews if r["turn_id"] is None]:
            st.subheader("Your supervisor's note")
            review_notes(overall)
        st.subheader("Transcript")
        transcript(view, reflections, reviews, editable=True)
        session_reflection(session_id, reflections.get(None, {}))
        side_by_side(view)
        supervision(view)

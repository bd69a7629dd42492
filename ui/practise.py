"""Practise: pick a persona, talk with the simulated client, see feedback on each turn."""
import streamlit as st

import simulator
from logbook import Forbidden, LogbookUnavailable
from sessions import MODES, TextRejected
from ui.services import practice, require_workspace
from ui.widgets import disclaimer, feedback_note, openness_gauge, plain

service = require_workspace()


def loading_note() -> None:
    """On a fresh start the models take a few seconds to load: say so rather than look stuck (the note checks
    again every two seconds and goes when they are ready)."""
    if not practice().warmed.is_set():
        st.fragment(_loading_note, run_every=2)()


def _loading_note() -> None:
    if not practice().warmed.is_set():
        st.info("Unhurried is loading the client model and the feedback engine for the first time (about ten "
                "seconds on a small machine). You can choose a persona meanwhile; your first turn waits for them.",
                icon=":material/hourglass_top:")


def pick_persona() -> None:
    st.title("Practise a session")
    loading_note()
    cards = service.cards
    if cards.errors:
        with st.expander(f"{len(cards.errors)} problem(s) in the persona cards: those cards are not offered"):
            for error in cards.errors:
                st.text(str(error))
    if not cards.cards:
        st.error("No persona cards could be loaded. See the problems above, or the Personas page.")
        return
    resumable = service.open_sessions()
    if resumable:
        st.subheader("Carry on where you left off")
        for session in resumable[:5]:
            card = cards.cards.get(session["persona_id"])
            name = plain(card.display_name if card else session["persona_id"])
            if st.button(f"{name} · started {session['started_at'][:16].replace('T', ' ')} · "
                         f"{session['turn_count']} turns", key=f"resume-{session['id']}"):
                st.query_params["session"] = str(session["id"])
                st.rerun()
        st.subheader("Or start a new session")
    persona_id = st.radio(
        "Who would you like to practise with?",
        list(cards.cards),
        format_func=lambda pid: plain(f"{cards.cards[pid].display_name}, {cards.cards[pid].age}"),
        captions=[plain(c.summary) for c in cards.cards.values()],
    )
    card = cards.cards[persona_id]
    if card.content_notes:
        st.warning("Content notes: " + plain(", ".join(card.content_notes)), icon=":material/warning:")
    mode = st.segmented_control(
        "Feedback", MODES, default="coach", format_func={"coach": "Coach: after each turn",
                                                         "exam": "Exam: at the end"}.get,
        help="Coach mode shows the label and any lapse after each of your turns; exam mode saves it for the end.",
    )
    if st.button("Start session", type="primary"):
        st.query_params["session"] = str(service.start_session(persona_id, mode=mode or "coach"))
        st.rerun()


def stream_reply(session_id: int) -> None:
    """Stream the client's reply into the chat; on failure say so and keep the trainee's turn."""
    with st.chat_message("assistant", avatar=":material/person:"):
        try:
            st.write_stream(plain(chunk) for chunk in service.client_reply(session_id))
        except simulator.ClientModelError as exc:
            st.session_state[f"reply_error-{session_id}"] = str(exc)
    st.rerun()


def show_session(session_id: int) -> None:
    view = service.view(session_id)
    card, finished = view.card, view.session["status"] != "active"
    coach = view.session["mode"] == "coach"
    st.title(f"Session with {plain(card.display_name)}")
    disclaimer(practice().backend)
    loading_note()
    st.caption(plain(f"{card.display_name}, {card.age} ({card.pronouns}). {card.setting}"))
    for turn in view.turns:
        if turn["speaker"] == "client":
            with st.chat_message("assistant", avatar=":material/person:"):
                st.markdown(plain(turn["text"]))
        else:
            with st.chat_message("user", avatar=":material/psychology:"):
                st.markdown(plain(turn["text"]))
                if coach or finished:
                    feedback_note(turn["feedback"])
    openness_gauge(view.state)

    if finished:
        st.success("This session has ended. Its log is saved.")
        st.page_link("ui/review.py", label="Review it and reflect", icon=":material/rate_review:",
                     query_params={"session": str(session_id)})
        if st.button("Practise again"):
            del st.query_params["session"]
            st.rerun()
        return
    if view.awaiting_reply:
        error_key = f"reply_error-{session_id}"
        if error := st.session_state.get(error_key):
            st.error(f"The client could not reply: {plain(error)} Your turn is saved.")
            if st.button("Get the client's reply", type="primary"):
                del st.session_state[error_key]
                st.rerun()
            return
        stream_reply(session_id)
    if text := st.chat_input("Your response…", max_chars=None):
        if not practice().warmed.is_set():
            with st.spinner("Loading the models (first start only)…", show_time=True):
                practice().warmed.wait(timeout=120)
        try:
            service.trainee_turn(session_id, text)
        except (TextRejected, LogbookUnavailable) as exc:
            st.error(str(exc))
            if len(text) <= 50_000:  # give the words back so nothing typed is lost
                st.code(text, language=None, wrap_lines=True)
            return
        st.rerun()
    if st.button("End session"):
        service.finish(session_id)
        st.rerun()


session_param = st.query_params.get("session")
try:
    chosen = int(session_param) if session_param else None
    if chosen is not None:
        service.view(chosen)
except (ValueError, KeyError, Forbidden):
    st.error("That session could not be found. Pick a persona to start a new one.")
    chosen = None
if chosen is None:
    pick_persona()
else:
    show_session(chosen)

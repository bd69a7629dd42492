"""Small display pieces shared by pages. Every piece of user or model text is escaped here."""
from __future__ import annotations

import re

import streamlit as st

from feedback.types import LABEL_NAMES
from logbook.export import split_evidence

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")

FAMILY_COLOURS = {"exploring": "green", "neutral": "gray", "lapse": "orange"}


def plain(text: str) -> str:
    """Text shown exactly as typed: markdown and HTML characters are escaped, line breaks kept."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def disclaimer(backend) -> None:
    where = ("It runs on this machine and nothing you type leaves it." if backend.local
             else "Your messages are sent to this provider to generate the client's replies.")
    st.info(
        "**This client is an AI simulation for practice, not therapy**, and not a real person. "
        f"Model in use: {plain(backend.label)}. {where}",
        icon=":material/info:",
    )


def highlighted(text: str, lapse: dict | None) -> str:
    """The turn's text, escaped, with a lapse's evidence span highlighted."""
    before, evidence, after = split_evidence(text, lapse["evidence"] if lapse else None)
    if not evidence:
        return plain(text)
    return f"{plain(before)}:orange-background[:orange[**{plain(evidence)}**]]{plain(after)}"


def client_state_caption(turn: dict) -> None:
    """What the client's state was after this turn: the effect of the trainee's last move."""
    state = turn.get("state")
    if state:
        rupture = f" · :orange[ruptured after {state['rupture_kind']}]" if state.get("ruptured") else ""
        st.caption(f"openness {state['openness']:.0%} · {state['layer']} layer{rupture} · {turn['source']}")


def session_label(session: dict, cards: dict) -> str:
    card = cards.get(session["persona_id"])
    name = card.display_name if card else session["persona_id"]  # shown in selectboxes: plain text already
    status = "submitted" if session.get("submitted_at") else session["status"]
    branch = f" · retry of {session['parent_id']}" if session.get("parent_id") else ""
    return f"#{session['id']} {name} · {session['started_at'][:16].replace('T', ' ')} · {status}{branch}"


def session_picker(sessions: list[dict], label) -> int:
    """Choose one of `sessions`, defaulting to the one in the URL, and keep the URL in step (a refresh
    or a shared link lands on the same session)."""
    by_id = {s["id"]: s for s in sessions}
    wanted = st.query_params.get("session")
    current = int(wanted) if wanted and wanted.isdigit() and int(wanted) in by_id else sessions[0]["id"]
    chosen = st.selectbox("Session", list(by_id), index=list(by_id).index(current),
                          format_func=lambda sid: label(by_id[sid]))
    st.query_params["session"] = str(chosen)
    return chosen


def feedback_note(verdict: dict, *, brief: bool = False) -> None:
    """The engine's label for a trainee turn and, for a lapse, its evidence, reason and alternative."""
    label = LABEL_NAMES.get(verdict["label"], verdict["label"])
    colour = FAMILY_COLOURS.get(verdict["family"], "gray")
    badge = f":{colour}-badge[{label}] · confidence {verdict['confidence']:.0%}"
    if verdict.get("repair"):
        badge += " · :green-badge[Repair]"
    if verdict.get("asks_about_risk"):
        badge += " · :violet-badge[Asks about risk]"
    st.caption(badge)
    lapse = verdict.get("lapse")
    if cue := verdict.get("risk_cue_missed"):
        st.error(f"**Missed risk cue:** the client said “{plain(cue)}” and two of your turns have not asked about it. "
                 "Asking directly about suicide or self-harm does not put the idea there; it tells the client you "
                 "can hear it.", icon=":material/emergency:")
    if lapse and brief:
        st.caption(f"{lapse['severity'].capitalize()} lapse. More curious: {plain(lapse['alternative'])}")
    elif lapse:
        st.warning(
            f"**{lapse['severity'].capitalize()} lapse:** “{plain(lapse['evidence'])}”  \n"
            f"{plain(lapse['reason'])}  \n"
            + (f"_{plain('; '.join(lapse['context']))}_  \n" if lapse.get("context") else "")
            + f"**More curious:** {plain(lapse['alternative'])}",
            icon=":material/flag:",
        )
    elif (possible := verdict.get("possible_lapse")) and not brief:
        st.info(f"**Possibly {LABEL_NAMES.get(possible.get('label'), 'a lapse').lower()}:** “{plain(possible['evidence'])}”  \n"
                f"{plain(possible['reason'])}  \n**More curious:** {plain(possible['alternative'])}",
                icon=":material/help:")


def openness_gauge(state: dict | None) -> None:
    if not state or not st.session_state.get("show_openness", True):
        return
    st.progress(float(state["openness"]), text=f"Client openness {state['openness']:.0%} · {state['layer']} layer")


VERDICT_WORDS = {"agree": "agrees with the flag", "disagree": "disagrees with the flag", "relabel": "relabels it as"}


def review_notes(reviews: list[dict]) -> None:
    """A supervisor's verdicts and comments, shown to the supervisor and to the trainee."""
    for r in reviews:
        said = f"**{plain(r['reviewer'])}** "
        if r["verdict"]:
            said += VERDICT_WORDS[r["verdict"]]
            if r["verdict"] == "relabel":
                said += f" {LABEL_NAMES.get(r['label'], r['label'])}"
            said += "." + (f" {plain(r['comment'])}" if r["comment"] else "")
        else:
            said += f"says: {plain(r['comment'])}"
        st.info(said, icon=":material/comment:")

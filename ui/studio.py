"""Persona studio: course leads write a card, check it, rehearse it, and publish or retire it."""
import plotly.graph_objects as go
import streamlit as st

import simulator
from feedback.types import LABEL_NAMES
from logbook import Forbidden
from personas import card_hash
from personas.loader import CARDS_DIR
from sessions import CardInvalid
from ui.services import require_workspace
from ui.widgets import plain

st.set_page_config(layout="wide")  # the editor beside its check and preview
service = require_workspace()
if service.user["role"] != "course_lead":
    st.error("Only course leads can use the persona studio.")
    st.stop()

NEW = "__new__"
PROBE_NAMES = {"exploring": "Exploring", "lapse_heavy": "Lapse-heavy", "interview": "Interview"}
PROBE_COLOURS = {"exploring": "#2f8f46", "lapse_heavy": "#e07b1f", "interview": "#3b6fb6"}
ANSWERED_MIN = 80
"""Below this share of its interview questions answered, publishing a card asks for confirmation."""
STATUS_BADGES = {"draft": "gray", "published": "green", "retired": "red"}
RISK_BADGES = {"none": "gray", "low": "blue", "medium": "orange", "high": "red"}
REHEARSALS = "studio-rehearsals"  # card hash -> rehearsal result, kept across reruns


def shipped_yaml(persona_id: str) -> str | None:
    path = CARDS_DIR / f"{persona_id}.yaml"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def editor_key(persona_id: str) -> str:
    return f"studio-yaml-{persona_id}"


def load_into_editor(persona_id: str, text: str) -> None:
    st.session_state[editor_key(persona_id)] = text


def flash(kind: str, message: str) -> None:
    st.session_state["studio-flash"] = (kind, message)


# actions (run as callbacks, before the page is drawn again) --------------------------------------

def save(persona_id: str, is_new: bool, known: set[str]) -> None:
    """Save what the editor holds now: a click on Save also sends the text typed just before it."""
    if is_new:
        persona_id = st.session_state.get("studio-new-id", "").strip()
        if persona_id in known:
            return flash("error", f"Not saved: a persona called {persona_id} exists already.")
    text = st.session_state[editor_key(NEW if is_new else persona_id)]
    try:
        row = service.save_persona(persona_id, text)
    except CardInvalid as exc:
        flash("error", f"Not saved: {exc}")
    except Forbidden as exc:
        flash("error", str(exc))
    else:
        load_into_editor(persona_id, text)
        st.session_state["studio-persona"] = persona_id
        flash("success", f"Saved {persona_id} version {row['version']} (hash {row['card_hash']}) as a draft.")


def set_status(row: dict, status: str) -> None:
    try:
        (service.publish_persona if status == "published" else service.retire_persona)(row["id"])
    except Forbidden as exc:
        flash("error", str(exc))
    else:
        done = "published: trainees now meet this version" if status == "published" else "retired"
        flash("toast", f"{row['persona_id']} version {row['version']} {done}.")


def retire_shipped(persona_id: str, text: str) -> None:
    """A shipped card is retired through a studio version of its file, so the history shows it."""
    try:
        row = service.save_persona(persona_id, text)
    except (CardInvalid, Forbidden) as exc:
        flash("error", f"Not retired: {exc}")
    else:
        set_status(row, "retired")


# the page's parts ------------------------------------------------------------------------------

def choose_persona(ids: list[str], versions: list[dict]) -> tuple[str, bool, str | None]:
    """The persona being edited, whether it is a new one, and the text its editor starts from."""
    cards = service.cards.cards

    def label(pid: str) -> str:
        if pid == NEW:
            return "New persona…"
        card = cards.get(pid)
        return f"{card.display_name} ({pid})" if card else f"{pid} (not offered)"

    def latest_text(pid: str) -> str | None:
        saved = [r for r in versions if r["persona_id"] == pid]
        return saved[-1]["yaml"] if saved else shipped_yaml(pid)

    if ids:
        st.session_state.setdefault("studio-persona", ids[0])
    chosen = st.selectbox("Persona", [NEW, *ids], format_func=label, key="studio-persona")
    if chosen != NEW:
        return chosen, False, latest_text(chosen)
    left, right = st.columns(2, vertical_alignment="bottom")
    new_id = left.text_input("Id for the new persona", key="studio-new-id", placeholder="e.g. grieving_student",
                             help="2-40 lower-case letters, digits and underscores, starting with a letter. "
                                  "It names the persona for good: sessions store it.").strip()
    template = right.selectbox("Start from an existing card", ids, format_func=label, key="studio-template")
    if template and right.button("Copy it into the editor", icon=":material/content_copy:"):
        load_into_editor(NEW, latest_text(template) or "")
    if new_id in ids:
        st.error(f"A persona called {plain(new_id)} exists already: choose it above to edit it.")
    return new_id, True, None


def preview(card) -> None:
    st.markdown(f"**{plain(card.display_name)}**, {card.age} ({plain(card.pronouns)}) · version {card.version}")
    st.caption(plain(card.summary))
    st.markdown("**Opening line**")
    with st.chat_message("assistant", avatar=":material/person:"):
        st.markdown(plain(card.opening_line))
    st.markdown("**Style**")
    for name, dial in (("Resistance", card.style.resistance), ("Emotional expression", card.style.emotional_expression),
                       ("Verbosity", card.style.verbosity)):
        st.markdown(f"{name} :blue-badge[{dial.level}]  \n{plain(dial.how)}")
    if card.content_notes:
        st.warning("Content notes: " + plain(", ".join(card.content_notes)), icon=":material/warning:")
    else:
        st.caption("No content notes.")
    st.markdown(f"Risk level :{RISK_BADGES[card.risk.level]}-badge[{card.risk.level}]"
                + (f" · cues: {plain(', '.join(card.risk.cues))}" if card.risk.cues else ""))


def openness_figure(card, runs: dict) -> go.Figure:
    """Openness after each trainee turn of each probe; authored fallbacks hollow, lapses as crosses."""
    fig = go.Figure()
    for name, records in runs.items():
        fig.add_scatter(
            x=[r["turn"] for r in records], y=[r["state"]["openness"] for r in records], mode="lines+markers",
            name=PROBE_NAMES[name], line={"color": PROBE_COLOURS[name], "width": 2},
            marker={"size": 10, "symbol": [("x" if r["feedback"]["family"] == "lapse" else "circle")
                                           + ("-open" if r["source"] == "authored" else "") for r in records]},
            text=[f"{LABEL_NAMES.get(r['feedback']['label'], r['feedback']['label'])} · {r['state']['layer']} layer"
                  f" · {r['source']}" for r in records],
            hovertemplate="turn %{x}: %{text}<br>openness %{y:.0%}<extra>" + PROBE_NAMES[name] + "</extra>",
        )
    for layer in ("middle", "core"):
        threshold = card.layer(layer).threshold
        fig.add_hline(y=threshold, line_dash="dot", line_color="#8a8f98",
                      annotation_text=f"{layer} layer unlocks", annotation_position="top left")
    fig.update_layout(
        title="Client openness through each probe", height=360, margin={"l": 10, "r": 10, "t": 40, "b": 30},
        legend={"orientation": "h", "y": -0.2}, xaxis={"title": "trainee turn", "dtick": 1},
        yaxis={"title": "openness", "range": [-0.05, 1.05], "tickformat": ".0%"},
    )
    return fig


def rehearsal_results(card, result: dict) -> None:
    answered, a, b, c, d = st.columns(5)
    answered.metric("Answered", "n/a" if result["answered_pct"] is None else f"{result['answered_pct']:g}%",
                    help="Interview questions about the client's own life whose reply held the expected content, "
                         "passed the guard and repeated nothing.")
    a.metric("Role held", f"{result['role_held_pct']:g}%",
             help="Replies that passed the guard, written by the model or drawn from the card for the turn.")
    b.metric("Fallback", f"{result['fallback_pct']:g}%",
             help="Replies replaced by one of the card's authored lines because the model drifted out of role.")
    if result["answered_pct"] is None:
        st.warning("This card has no `interview` questions, so nobody has checked that the client answers plain "
                   "questions about its own life. Add ten or more.", icon=":material/warning:")
    elif result["answered_pct"] < ANSWERED_MIN:
        st.warning(f"The client answered {result['answered_pct']:g}% of the interview questions (below "
                   f"{ANSWERED_MIN}%). Add `facts` with `says` lines for what it could not answer.",
                   icon=":material/warning:")
    for column, name in ((c, "exploring"), (d, "lapse_heavy")):
        records = result["runs"][name]
        column.metric(f"Openness after {PROBE_NAMES[name].lower()}", f"{result['final_openness'][name]:.0%}",
                      f"deepest: {max((r['detail']['reached'] for r in records), key=('surface', 'middle', 'core').index)}",
                      delta_color="off", delta_arrow="off")
    if result["fallback_pct"] > 30:
        st.warning("Many replies fell back to authored lines: the model struggles to stay in this client's role. "
                   "Check that the opening line, setting and example lines are short and in the client's voice.",
                   icon=":material/warning:")
    st.plotly_chart(openness_figure(card, {k: v for k, v in result["runs"].items() if k != "interview"}),
                    key="studio-openness")
    for name, records in result["runs"].items():
        with st.expander(f"{PROBE_NAMES[name]} probe transcript ({len(records)} turns)"):
            for r in records:
                with st.chat_message("user", avatar=":material/psychology:"):
                    st.markdown(plain(r["trainee"]))
                    st.caption(LABEL_NAMES.get(r["feedback"]["label"], r["feedback"]["label"]))
                with st.chat_message("assistant", avatar=":material/person:"):
                    st.markdown(plain(r["client"]))
                    st.caption(f"openness {r['state']['openness']:.0%} · {r['state']['layer']} layer · {r['source']}"
                               + ("" if "answered" not in r else " · answered" if r["answered"] else " · **not answered**"))


def rehearse(card, text: str) -> None:
    st.subheader("Rehearse the draft")
    st.caption("Plays the exploring and the lapse-heavy probe scripts and the card's interview questions against "
               "this text of the card, on the "
               f"configured model ({plain(service.practice.backend.label)}), before anyone meets it. "
               "Good listening should reach the core layer; lapses should keep the client closed. "
               "On the embedded model this takes about a minute, longer when the machine is busy.")
    rehearsals = st.session_state.setdefault(REHEARSALS, {})
    key = card_hash(text) if card else None
    if st.button("Rehearse this draft", icon=":material/play_circle:", disabled=card is None or key in rehearsals,
                 help="Fix the card's problems first." if card is None else None):
        with st.status("Rehearsing the exploring, lapse-heavy and interview probes…", expanded=True) as status:
            bar = st.progress(0.0, text="Starting the model…")

            def progress(probe: str, done: int, total: int) -> None:
                bar.progress(done / total, text=f"{PROBE_NAMES[probe]} probe · {done} of {total} turns")

            try:
                rehearsals[key] = service.rehearse_card(card, progress=progress)
            except simulator.ClientModelError as exc:
                status.update(label="The rehearsal could not run", state="error")
                st.error(f"The model could not reply: {plain(str(exc))}")
            else:
                status.update(label="Rehearsed the probes", state="complete", expanded=False)
    if key in rehearsals:
        rehearsal_results(card, rehearsals[key])
    elif rehearsals and card is not None:
        st.caption("Not rehearsed since the last edit.")


def _pct(value: float | None) -> str:
    return "n/a (no interview questions)" if value is None else f"{value:g}%"


def versions_list(persona_id: str, versions: list[dict], shipped: str | None) -> None:
    st.subheader("Versions")
    live = service.cards.hashes.get(persona_id)
    if live is None:
        st.caption("Not offered to trainees: no version is published and the persona is retired.")
    rehearsed = st.session_state.get(REHEARSALS, {})
    for row in reversed(versions):
        info, actions = st.columns([3, 2], vertical_alignment="center")
        tested = rehearsed.get(row["card_hash"])
        info.markdown(
            f"**v{row['version']}** :{STATUS_BADGES[row['status']]}-badge[{row['status']}]"
            + (" :green-badge[in the practise picker]" if row["status"] == "published" and live == row["card_hash"] else "")
            + f"  \nhash `{row['card_hash']}` · saved {row['created_at'][:16].replace('T', ' ')}"
            + (f" · rehearsed: answered {_pct(tested['answered_pct'])}, role held {tested['role_held_pct']:g}%"
               if tested else " · not rehearsed here"))
        weak = row["status"] != "published" and (tested is None or (tested["answered_pct"] or 0) < ANSWERED_MIN)
        if weak:
            info.warning(("Not rehearsed here" if tested is None else f"Answered {_pct(tested['answered_pct'])} of its "
                          "interview questions") + f": check it answers {ANSWERED_MIN}% before trainees meet it.",
                         icon=":material/warning:")
            weak = not info.checkbox("Publish anyway", key=f"studio-anyway-{row['id']}")
        edit, publish, retire = actions.columns(3)
        edit.button("Edit", key=f"studio-edit-{row['id']}", icon=":material/edit:",
                    on_click=load_into_editor, args=(persona_id, row["yaml"]))
        publish.button("Publish", key=f"studio-publish-{row['id']}", icon=":material/publish:",
                       disabled=row["status"] == "published" or weak, on_click=set_status, args=(row, "published"),
                       help="Trainees meet this version from their next session on.")
        retire.button("Retire", key=f"studio-retire-{row['id']}", icon=":material/archive:",
                      disabled=row["status"] == "retired", on_click=set_status, args=(row, "retired"),
                      help="Withdraw it: with no published version left, the persona leaves the practise picker.")
    if shipped is not None:
        info, actions = st.columns([3, 2], vertical_alignment="center")
        is_live = live == card_hash(shipped)
        info.markdown(f"**Shipped file** personas/{plain(persona_id)}.yaml"
                      + (" :green-badge[in the practise picker]" if is_live else "")
                      + f"  \nhash `{card_hash(shipped)}`")
        edit, _, retire = actions.columns(3)
        edit.button("Edit", key=f"studio-edit-shipped-{persona_id}", icon=":material/edit:",
                    on_click=load_into_editor, args=(persona_id, shipped))
        retire.button("Retire", key=f"studio-retire-shipped-{persona_id}", icon=":material/archive:",
                      disabled=not is_live, on_click=retire_shipped, args=(persona_id, shipped),
                      help="Keeps a retired studio version of the shipped file, so the persona leaves the picker.")
    elif not versions:
        st.caption("No versions yet: save the card to keep its first version.")


# the page ----------------------------------------------------------------------------------------

st.title("Persona studio")
st.caption("Write or edit a persona card in YAML (the fields are explained in personas/README.md), check it, "
           "rehearse it, then publish it. Every saved version is kept with its hash; sessions record the hash "
           "of the card they ran with.")
all_versions = service.persona_versions()
known = {p.stem for p in CARDS_DIR.glob("*.yaml")} | {r["persona_id"] for r in all_versions}
persona_id, is_new, start_text = choose_persona(sorted(known), all_versions)
key = editor_key(NEW if is_new else persona_id)
if key not in st.session_state:
    st.session_state[key] = start_text or ""
if message := st.session_state.pop("studio-flash", None):  # a toast for actions far down the page
    {"success": st.success, "error": st.error, "toast": st.toast}[message[0]](plain(message[1]))

editor, check = st.columns([3, 2])
text = editor.text_area("Card (YAML)", key=key, height=560,
                        help="Press Ctrl+Enter or click outside the box to check the card.")
card, errors = service.check_card(persona_id, text) if persona_id else (None, [])
versions = [r for r in all_versions if r["persona_id"] == persona_id]
same = next((r for r in versions if r["card_hash"] == card_hash(text)), None)
editor.button("Save as a new version", type="primary", icon=":material/save:", key="studio-save",
              disabled=card is None or same is not None or (is_new and persona_id in known),
              on_click=save, args=(persona_id, is_new, known),
              help=f"This text is saved already, as version {same['version']}." if same else
              "Saved versions are drafts until you publish one.")
with check:
    st.markdown("**Check**")
    if not persona_id:
        st.info("Give the new persona an id above.", icon=":material/info:")
    elif not text.strip():
        st.info("The card is empty: start from an existing card, or type one.", icon=":material/info:")
    elif errors:
        st.caption(f"{len(errors)} problem{'s' if len(errors) > 1 else ''} to fix before saving:")
        for error in errors:
            st.error(f"**{plain(error.field)}**: {plain(error.problem)}", icon=":material/error:")
    else:
        st.success("The card is valid." + (f" It is saved as version {same['version']}." if same else ""),
                   icon=":material/check_circle:")
    if card is not None:
        with st.container(border=True):
            preview(card)

rehearse(card, text)
if not is_new:
    versions_list(persona_id, versions, shipped_yaml(persona_id))

"""The one service API: what a trainee can do with a practice session.

Pages, CLIs and tests all go through `Practice`; it ties the persona cards, the feedback engine,
the simulated client and the logbook together, in the order design.md describes for one turn:
validate and save the trainee's text, label it, update the client's state, stream the reply,
save the reply with its state and source.
"""
from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterator

from langchain_core.language_models import BaseChatModel

import feedback
import simulator
from feedback import agreement
from feedback.types import HistoryTurn, TurnFeedback
from logbook import Access, Logbook, accounts_exist, sign_in, tokens
from logbook.accounts import change_password
from personas import LAYER_ORDER, CardError, CardSet, PersonaCard, card_hash, load_cards, parse_card
from simulator import grounding
from simulator.rehearse import PROBES, answered_share, card_risk, interview, read_script, rehearsal_turns

MAX_TURN_CHARS = 2_000
MAX_REFLECTION_CHARS = 5_000
TURN_PROMPTS = {
    "pull": "What pulled you to answer here?",
    "instead": "What might you have been curious about instead?",
}
SESSION_PROMPTS = {
    "what_happened": "What happened?",
    "what_i_felt": "What did I feel?",
    "what_i_make_of_it": "What do I make of it?",
    "next_time": "What will I try next time?",
}
MODES = ("coach", "exam")
LOCAL_USER = "trainee"
"""Who practises when no accounts exist: a personal install needs no sign-in."""


PERSONA_ID = re.compile(r"[a-z][a-z0-9_]{1,39}")


class CardInvalid(ValueError):
    """A draft card that does not validate; `.errors` names each field and problem."""

    def __init__(self, errors: list[CardError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


class TextRejected(ValueError):
    """The text cannot be used as it is; the message tells the trainee why and what to do."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str | None, *, limit: int = MAX_TURN_CHARS, what: str = "message") -> str:
    """Normalise what the trainee typed, or refuse it with a plain reason (nothing is silently cut)."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).strip()
    if not any(unicodedata.category(ch) != "Cf" and not ch.isspace() for ch in text):  # zero-width, BOM only
        raise TextRejected(f"Your {what} is empty. Write something before sending.")
    if len(text) > limit:
        raise TextRejected(
            f"Your {what} is {len(text):,} characters; the limit is {limit:,}. "
            "Shorten it and send again: nothing has been saved yet, so copy it first if you want to keep it."
        )
    return text


def _clean_optional(text: str | None) -> str:
    """Reflection fields may be left blank; otherwise they follow the same rules as turns."""
    if not _CONTROL.sub("", text or "").strip():
        return ""
    return clean_text(text, limit=MAX_REFLECTION_CHARS, what="reflection")


def _ratios(counts: dict[str, int], lapses: int) -> dict:
    """The session scores that need only label counts and flagged lapses (see feedback.session_scores for all)."""
    turns = sum(counts.values())
    questions = counts.get("open_question", 0) + counts.get("closed_question", 0)
    reflections = counts.get("reflection", 0) + counts.get("summary", 0)
    return {
        "trainee_turns": turns,
        "lapse_rate": round(lapses / turns, 3) if turns else 0.0,
        "rq_ratio": round(reflections / questions, 2) if questions else None,
        "pct_open_questions": round(100 * counts.get("open_question", 0) / questions, 1) if questions else None,
    }


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 2) if values else None


def _deepest_layer(turns: list[dict]) -> str:
    layers = [t["state"].get("reached", t["state"]["layer"]) for t in turns if t["speaker"] == "client" and t["state"]]
    return max(layers, key=LAYER_ORDER.index) if layers else LAYER_ORDER[0]


@dataclass
class SessionView:
    """Everything a page needs to show one session."""

    session: dict
    card: PersonaCard
    turns: list[dict]

    @property
    def id(self) -> int:
        return self.session["id"]

    @property
    def awaiting_reply(self) -> bool:
        """The trainee has spoken and the client has not answered yet (e.g. the model failed)."""
        return bool(self.turns) and self.turns[-1]["speaker"] == "trainee"

    @property
    def state(self) -> dict | None:
        """The client's state as of its latest turn."""
        return next((t["state"] for t in reversed(self.turns) if t["speaker"] == "client"), None)

    def history(self) -> list[HistoryTurn]:
        return to_history(self.turns)


def to_history(turns: list[dict]) -> list[HistoryTurn]:
    return [
        HistoryTurn(speaker=t["speaker"], text=t["text"],
                    feedback=TurnFeedback.model_validate(t["feedback"]) if t["feedback"] else None)
        for t in turns
    ]


class Practice:
    """What the whole process shares: the logbook, the persona cards and the client model."""

    def __init__(self, logbook: Logbook, cards: CardSet, model_spec: str | None = None,
                 chat_model: BaseChatModel | None = None):
        self.logbook = logbook
        self.shipped_cards = cards
        self.model_spec = simulator.resolve_model_spec(model_spec)
        self.model_settings = simulator.model_settings()
        self._chat_model = chat_model
        self._catalogue: tuple[str, CardSet] | None = None
        self.warmed = threading.Event()

    @classmethod
    def from_settings(cls) -> "Practice":
        """Built from the environment: UNHURRIED_DB, UNHURRIED_MODEL and the model settings (see README).

        A bad model setting raises `simulator.SettingsError` here, at start, not at the first reply."""
        return cls(Logbook(), load_cards())

    def warm_up(self) -> None:
        """Load what the first turns need before they need it: the feedback engine's models (about 2 s), the client
        model (under 1 s embedded) and each card's material index (about 1.5 s a card on 2 cores). `warmed` is set
        when it is done, so pages can say that the models are still loading. A model that fails to load here
        fails again, with its plain message, at the first reply."""
        try:
            feedback.model.load()
            feedback.risk.load()
            self.chat_model
            for card in self.cards.cards.values():
                grounding.index_for(card)
        except simulator.ClientModelError:
            pass
        finally:
            self.warmed.set()

    @cached_property
    def backend(self) -> simulator.BackendInfo:
        return simulator.describe_backend(self.model_spec)

    @property
    def chat_model(self) -> BaseChatModel:
        """Loaded on the first reply, not at start-up, and shared across the process."""
        if self._chat_model is None:
            self._chat_model = simulator.get_chat_model(self.model_spec)
        return self._chat_model

    @property
    def cards(self) -> CardSet:
        """The shipped cards, overridden by versions published in the persona studio, less retired ones.

        Rebuilt only when a version is saved, published or retired (pages ask for it many times a run)."""
        stamp = self.logbook.persona_stamp()
        if self._catalogue is None or self._catalogue[0] != stamp:
            self._catalogue = (stamp, self._build_catalogue())
        return self._catalogue[1]

    def _build_catalogue(self) -> CardSet:
        versions = self.logbook.persona_versions()
        if not versions:
            return self.shipped_cards
        merged = CardSet(dict(self.shipped_cards.cards), dict(self.shipped_cards.hashes),
                         list(self.shipped_cards.errors))
        by_persona: dict[str, list[dict]] = {}
        for row in versions:
            by_persona.setdefault(row["persona_id"], []).append(row)
        for persona_id, rows in by_persona.items():
            published = [r for r in rows if r["status"] == "published"]
            if published:
                card, errors = parse_card(persona_id, published[-1]["yaml"])
                if card is not None:
                    merged.cards[persona_id], merged.hashes[persona_id] = card, published[-1]["card_hash"]
                merged.errors.extend(errors)
            elif any(r["status"] == "retired" for r in rows):
                merged.cards.pop(persona_id, None)
        return merged

    # who is practising -----------------------------------------------------------------------

    def accounts_required(self) -> bool:
        return accounts_exist(self.logbook)

    def local_user(self) -> "Workspace":
        """The no-sign-in trainee of a personal install (only while no accounts exist)."""
        if self.accounts_required():
            raise PermissionError("Accounts are set up here: sign in first.")
        return self.for_user(self.logbook.ensure_user(LOCAL_USER)["id"])

    def sign_in(self, name: str, password: str) -> "Workspace":
        return self.for_user(sign_in(self.logbook, name, password)["id"])

    def remember(self, workspace: "Workspace") -> str:
        """A token for the browser to keep, so a reload or a new tab stays signed in (see logbook.tokens)."""
        return tokens.issue(self.logbook, workspace.user["id"])

    def resume(self, token: str | None) -> "Workspace | None":
        """The workspace a remembered sign-in stands for; None if the token is forged, expired or revoked."""
        user = tokens.user_for(self.logbook, token)
        return self.for_user(user["id"]) if user else None

    def sign_out(self, token: str | None) -> None:
        tokens.sign_out(self.logbook, token)

    def for_identity(self, identity: str) -> "Workspace":
        """Someone signed in through OIDC: their account is created, as a trainee, on first visit."""
        return self.for_user(self.logbook.ensure_user(identity)["id"])

    def for_user(self, user_id: int) -> "Workspace":
        return Workspace(self, Access(self.logbook, user_id))


class Workspace:
    """One person's use of Unhurried: every call goes through the logbook's permission checks."""

    def __init__(self, practice: Practice, access: Access):
        self.practice = practice
        self.access = access

    @property
    def user(self) -> dict:
        return self.access.actor

    @property
    def cards(self) -> CardSet:
        return self.practice.cards

    # sessions --------------------------------------------------------------------------------

    def start_session(self, persona_id: str, *, mode: str = "coach") -> int:
        """Open a session: the client's opening line is its first turn."""
        cards = self.cards
        if persona_id not in cards.cards:
            raise KeyError(f"No persona card called {persona_id!r}.")
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        card = cards.cards[persona_id]
        session_id = self.access.start_session(
            persona_id=persona_id, card_hash=cards.hashes[persona_id], model_backend=self.practice.model_spec,
            engine_version=feedback.ENGINE_VERSION, mode=mode,
        )
        self.access.add_turn(session_id, "client", card.opening_line, source="opening",
                             state=simulator.initial_state(card).model_dump())
        return session_id

    def view(self, session_id: int) -> SessionView:
        session = self.access.session(session_id)
        card = self.cards.cards.get(session["persona_id"])
        if card is None:
            raise KeyError(f"Session {session_id} used persona {session['persona_id']!r}, which is not loaded.")
        return SessionView(session, card, self.access.turns(session_id))

    def sessions(self) -> list[dict]:
        return self.access.sessions()

    def open_sessions(self) -> list[dict]:
        return self.access.sessions(status="active")

    def finish(self, session_id: int) -> None:
        self.access.finish(session_id)

    def scores(self, session_id: int) -> feedback.SessionScores:
        view = self.view(session_id)
        return feedback.session_scores(view.history(), card_risk(view.card))

    def missed_risk_cues(self, session_id: int, *, complete_only: bool = False) -> list[feedback.MissedRiskCue]:
        """Client risk cues not asked about; `complete_only`: only those whose two-turn window has passed
        (coach mode shows them as soon as it has)."""
        view = self.view(session_id)
        missed = feedback.missed_risk_cues(view.history(), card_risk(view.card))
        return [m for m in missed if m.window_complete] if complete_only else missed

    # one turn --------------------------------------------------------------------------------

    def trainee_turn(self, session_id: int, text: str) -> dict:
        """Validate, label and save the trainee's turn. The client's reply is a separate step."""
        view = self.view(session_id)
        if view.session["status"] != "active":
            raise TextRejected("This session has ended; start a new one to keep practising.")
        if view.awaiting_reply:
            raise TextRejected("The client has not answered your last turn yet. Ask for the reply first.")
        text = clean_text(text)
        verdict = feedback.analyse_turn(text, view.history(), card_risk(view.card))
        return self.access.add_turn(session_id, "trainee", text, source="typed", feedback=verdict.model_dump())

    def client_reply(self, session_id: int, *, seed: int | None = None) -> Iterator[str]:
        """Stream the client's reply to the last trainee turn; the turn is saved when it is complete.

        If the stream is abandoned or the model fails (simulator.ClientModelError), nothing is saved
        and the trainee's turn is still waiting: calling this again retries.
        """
        view = self.view(session_id)
        if not view.awaiting_reply:
            raise TextRejected("There is no trainee turn waiting for a reply.")
        previous = simulator.ClientState.model_validate(view.state) if view.state else simulator.initial_state(view.card)
        verdict = TurnFeedback.model_validate(view.turns[-1]["feedback"])
        state = simulator.next_state(view.card, previous, verdict)
        client = simulator.SimulatedClient(view.card, self.practice.chat_model,
                                           timeout_s=self.practice.model_settings.timeout_s)
        stream = client.stream_reply(view.history(), state, seed=seed)
        yield from stream
        self.access.add_turn(session_id, "client", stream.result.text, source=stream.result.source,
                             state=state.model_dump())
        # Judged now, while the trainee reads the reply, so their next turn's feedback does not wait for it.
        feedback.risk.client_cue(stream.result.text, card_risk(view.card))

    # reflection and supervision ---------------------------------------------------------------

    def reflections(self, session_id: int) -> dict[int | None, dict]:
        """The trainee's notes by turn id (None for the session-level reflection)."""
        return {r["turn_id"]: r["body"] for r in self.access.reflections(session_id)}

    def reflect(self, session_id: int, answers: dict[str, str], turn_id: int | None = None) -> None:
        """Save a reflection as typed: on a turn (TURN_PROMPTS) or the whole session (SESSION_PROMPTS)."""
        prompts = TURN_PROMPTS if turn_id is not None else SESSION_PROMPTS
        unknown = set(answers) - set(prompts)
        if unknown:
            raise ValueError(f"unknown reflection fields: {sorted(unknown)}")
        if turn_id is not None and turn_id not in {t["id"] for t in self.access.turns(session_id)}:
            raise KeyError(f"Turn {turn_id} is not part of session {session_id}.")
        cleaned = {key: _clean_optional(value) for key, value in answers.items()}
        self.access.save_reflection(session_id, cleaned, turn_id=turn_id)

    def rewind(self, session_id: int, turn_idx: int) -> int:
        """Start a branch that keeps everything before this trainee turn, for a different response."""
        view = self.view(session_id)
        turn = next((t for t in view.turns if t["idx"] == turn_idx), None)
        if turn is None or turn["speaker"] != "trainee":
            raise ValueError("You can rewind only to one of your own turns.")
        return self.access.branch(session_id, turn_idx)

    def branches(self, session_id: int) -> list[SessionView]:
        return [self.view(b["id"]) for b in self.access.branches(session_id)]

    def submit(self, session_id: int) -> None:
        """Share the session with supervision. Practice stays private until the trainee does this."""
        self.access.submit(session_id)

    def export(self, session_id: int, fmt: str, *, with_name: bool = False) -> str:
        return self.access.export(session_id, fmt, with_name=with_name, card_risk=card_risk(self.view(session_id).card))

    # supervision ------------------------------------------------------------------------------

    def to_review(self) -> list[dict]:
        return self.access.to_review()

    def reviews(self, session_id: int) -> list[dict]:
        return self.access.reviews(session_id)

    def review(self, session_id: int, *, turn_id: int | None = None, verdict: str | None = None,
               label: str | None = None, comment: str | None = None) -> int:
        """A supervisor's verdict on a flag, a margin comment on a turn, or (no turn) the overall note."""
        comment = _clean_optional(comment) or None
        return self.access.review(session_id, turn_id=turn_id, verdict=verdict, label=label, comment=comment)

    # course leads ---------------------------------------------------------------------------

    def cohort_rows(self, cohort_id: int | None = None) -> list[dict]:
        """Per submitted session: who, which persona, when, and the scores a dashboard plots."""
        cards = self.cards.cards
        rows = []
        for row in self.access.cohort_sessions(cohort_id):
            counts = row.pop("counts")
            card = cards.get(row["persona_id"])
            rows.append(row | {"persona": card.display_name if card else row["persona_id"]}
                        | _ratios(counts, row.pop("flagged_lapses")))
        return rows

    @staticmethod
    def per_trainee(rows: list[dict]) -> list[dict]:
        """The cohort rows averaged per trainee: sessions, mean lapse rate, R:Q and % open questions."""
        by_trainee: dict[str, list[dict]] = {}
        for row in rows:
            by_trainee.setdefault(row["trainee"], []).append(row)
        return [{"trainee": name, "sessions": len(rs), "lapse rate": _mean(r["lapse_rate"] for r in rs),
                 "R:Q": _mean(r["rq_ratio"] for r in rs), "% open questions": _mean(r["pct_open_questions"] for r in rs),
                 "sessions with a missed risk cue": sum(r["missed_risk_cues"] > 0 for r in rs)}
                for name, rs in sorted(by_trainee.items())]

    def engine_agreement(self) -> tuple[list[agreement.LabelAgreement], list[dict]]:
        """Per-label agreement of supervisors with the engine, and the verdicts behind it (for trends)."""
        verdicts = self.access.verdicts()
        return agreement.agreement(verdicts), verdicts

    def users(self, role: str | None = None) -> list[dict]:
        return self.access.users(role)

    def assign(self, supervisor_id: int, trainee_id: int) -> None:
        self.access.assign(supervisor_id, trainee_id)

    def create_cohort(self, name: str, member_ids: list[int]) -> int:
        return self.access.create_cohort(clean_text(name, limit=80, what="cohort name"), member_ids)

    def cohorts(self) -> list[dict]:
        return self.access.cohorts()

    # admins -------------------------------------------------------------------------------

    def create_user(self, name: str, role: str, password: str) -> dict:
        return self.access.create_user(name, role, password)

    def set_role(self, user_id: int, role: str) -> None:
        self.access.set_role(user_id, role)

    def audit_log(self) -> list[dict]:
        return self.access.audit_log()

    # data rights ----------------------------------------------------------------------------

    def my_data(self) -> str:
        """All of this user's data as JSON: their account, every session pack, the reviews they received."""
        return json.dumps(self.access.my_data(), indent=2, ensure_ascii=False)

    def change_password(self, current: str, new: str) -> None:
        """Signs this person out everywhere else too: every remembered sign-in is revoked."""
        change_password(self.practice.logbook, self.user["id"], current, new)

    def delete_my_data(self) -> None:
        self.access.delete_my_data()

    # persona studio (course leads) ---------------------------------------------------------

    def check_card(self, persona_id: str, yaml_text: str) -> tuple[PersonaCard | None, list[CardError]]:
        """Validate a draft card: the card, or the errors naming each field and problem."""
        self.access.require("course_lead", doing="use the persona studio")
        if not PERSONA_ID.fullmatch(persona_id or ""):
            return None, [CardError(f"{persona_id}.yaml", "id",
                                    "use 2-40 lower-case letters, digits and underscores, starting with a letter")]
        return parse_card(persona_id, yaml_text)

    def save_persona(self, persona_id: str, yaml_text: str) -> dict:
        """Keep a new version of a card (as a draft). Refuses a card that does not validate."""
        card, errors = self.check_card(persona_id, yaml_text)
        if card is None:
            raise CardInvalid(errors)
        return self.access.save_persona_version(persona_id, yaml_text, card_hash(yaml_text))

    def persona_versions(self, persona_id: str | None = None) -> list[dict]:
        return self.access.persona_versions(persona_id)

    def publish_persona(self, version_id: int) -> None:
        self.access.set_persona_status(version_id, "published")

    def retire_persona(self, version_id: int) -> None:
        self.access.set_persona_status(version_id, "retired")

    def rehearse_card(self, card: PersonaCard, *, seed: int = 0,
                      progress: Callable[[str, int, int], None] | None = None) -> dict:
        """Run both probe scripts and the card's interview probe against a (draft) card on the configured model:
        what a course lead checks before publishing. Returns the turns of each run, the role-held and fallback
        shares, and the share of interview questions answered (None when the card has none).

        `progress(probe, turns_done, turns_in_all)` is called after each turn (a rehearsal can take minutes)."""
        self.access.require("course_lead", doing="rehearse personas")
        scripts = {name: read_script(PROBES / f"{name}.txt") for name in ("exploring", "lapse_heavy")}
        total = sum(len(script) for script in scripts.values()) + len(card.interview)
        runs: dict[str, list[dict]] = {}
        model = self.practice.chat_model
        timeout_s = self.practice.model_settings.timeout_s
        plays = {name: rehearsal_turns(card, script, model, seed, timeout_s=timeout_s)
                 for name, script in scripts.items()}
        if card.interview:
            plays["interview"] = interview(card, model, seed, timeout_s=timeout_s)
        for name, play in plays.items():
            runs[name] = []
            for record in play:
                runs[name].append(record)
                if progress is not None:
                    progress(name, sum(len(run) for run in runs.values()), total)
        turns = [t for run in runs.values() for t in run]
        authored = sum(t["source"] == "authored" for t in turns)
        held = sum(t["source"] != "authored" and not t["detail"]["role_checks"] for t in turns)
        return {
            "runs": runs,
            "role_held_pct": round(100 * held / len(turns), 1),
            "fallback_pct": round(100 * authored / len(turns), 1),
            "answered_pct": answered_share(runs.get("interview", [])),
            "final_openness": {name: runs[name][-1]["state"]["openness"] for name in scripts},
        }

    def history(self) -> list[dict]:
        """One row per session with a trainee turn, oldest first: the trends the history page plots.

        All sessions' turns come from one query, so the page stays quick with hundreds of sessions."""
        rows = []
        cards = self.cards.cards
        for session, turns in self.access.practice_turns().values():
            card = cards.get(session["persona_id"])
            if card is None or not any(t["speaker"] == "trainee" for t in turns):
                continue
            scores = feedback.session_scores(to_history(turns))
            openness = [t["state"]["openness"] for t in turns if t["speaker"] == "client" and t["state"]]
            rows.append({
                "session_id": session["id"], "persona_id": session["persona_id"],
                "persona": card.display_name, "started_at": session["started_at"],
                "trainee_turns": scores.trainee_turns, "lapse_rate": scores.lapse_rate,
                "rq_ratio": scores.rq_ratio, "pct_open_questions": scores.pct_open_questions,
                "openness_reached": max(openness), "layer_reached": _deepest_layer(turns),
            })
        return rows

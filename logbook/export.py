"""The supervision pack: one session as JSON (complete, re-importable), Markdown or standalone HTML.

All user text is escaped in every format that a viewer could render (HTML by Jinja2's autoescape,
Markdown by escaping its special characters and any HTML). Trainees are pseudonymous unless they
opt in to their name.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

import feedback
from feedback.risk import NO_CARD, CardRisk
from feedback.types import LABEL_NAMES, HistoryTurn, TurnFeedback

from .store import Logbook

PACK_FORMAT = "unhurried-supervision-pack"
PACK_VERSION = 2
READABLE_VERSIONS = (1, 2)
"""Version 2 added the supervisor's words: each turn's ``supervision`` and the pack's ``supervisor_notes``."""
FORMATS = ("md", "html", "json")

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html", "html.j2"], default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


class PackError(ValueError):
    """A file that is not a supervision pack this version can read."""


VERDICT_NAMES = {"agree": "Agrees with the flag", "disagree": "Disagrees with the flag", "relabel": "Relabels it"}


def review_words(review: dict) -> str:
    """A supervisor's verdict as a sentence a trainee reads: 'Relabels it as Reflection.'"""
    if not review.get("verdict"):
        return ""
    words = VERDICT_NAMES[review["verdict"]]
    if review["verdict"] == "relabel" and review.get("label"):
        words += f" as {LABEL_NAMES.get(review['label'], review['label'])}"
    return words + "."


def pseudonym(user: dict) -> str:
    digest = hashlib.sha256(f"{user['id']}:{user['name']}".encode()).hexdigest()[:6]
    return f"Trainee {digest}"


def build_pack(book: Logbook, session_id: int, *, with_name: bool = False, card_risk: CardRisk = NO_CARD) -> dict:
    """Everything about one session that supervision needs, as plain data (`card_risk`: the card's risk section)."""
    session = book.get_session(session_id)
    if session is None:
        raise KeyError(f"No session {session_id}.")
    user = book.get_user(session["user_id"])
    turns = book.turns(session_id)
    reflections = book.reflections(session_id)
    by_turn = {r["turn_id"]: r["body"] for r in reflections if r["turn_id"] is not None}
    reviews = book.reviews(session_id)
    supervision: dict[int | None, list[dict]] = {}
    for review in reviews:
        supervision.setdefault(review["turn_idx"], []).append(
            {k: review[k] for k in ("verdict", "label", "comment", "reviewer", "created_at")})
    history = [HistoryTurn(speaker=t["speaker"], text=t["text"],
                           feedback=TurnFeedback.model_validate(t["feedback"]) if t["feedback"] else None)
               for t in turns]
    return {
        "format": PACK_FORMAT,
        "version": PACK_VERSION,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "trainee": user["name"] if with_name else pseudonym(user),
        "session": {k: session[k] for k in ("id", "persona_id", "card_hash", "model_backend", "engine_version",
                                           "mode", "status", "started_at", "ended_at", "submitted_at",
                                           "parent_id", "branched_at_idx")},
        "branches": [{"session_id": b["id"], "branched_at_idx": b["branched_at_idx"]}
                     for b in book.branches(session_id)],
        "turns": [
            {k: t[k] for k in ("idx", "speaker", "text", "created_at", "source", "state", "feedback")}
            | {"reflection": by_turn.get(t["id"]), "supervision": supervision.get(t["idx"], [])}
            for t in turns
        ],
        "session_reflection": next((r["body"] for r in reflections if r["turn_id"] is None), None),
        "supervisor_notes": supervision.get(None, []),
        "scores": feedback.session_scores(history, card_risk).model_dump(),
        "missed_risk_cues": [cue.model_dump() for cue in feedback.missed_risk_cues(history, card_risk)],
    }


def render(pack: dict, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(pack, indent=2, ensure_ascii=False)
    if fmt == "md":
        return _templates.get_template("pack.md.j2").render(pack=pack, esc=escape_markdown, **_helpers())
    if fmt == "html":
        from .charts import static_charts_html

        return _templates.get_template("pack.html.j2").render(pack=pack, charts=static_charts_html(pack),
                                                             **_helpers())
    raise ValueError(f"format must be one of {FORMATS}")


def export_session(book: Logbook, session_id: int, fmt: str, *, with_name: bool = False,
                   card_risk: CardRisk = NO_CARD) -> str:
    return render(build_pack(book, session_id, with_name=with_name, card_risk=card_risk), fmt)


def import_pack(book: Logbook, text: str, *, user_name: str) -> int:
    """Load a JSON pack into this logbook as a new session owned by `user_name`; returns its id."""
    try:
        pack = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PackError(f"not JSON: {exc}") from exc
    if not isinstance(pack, dict) or pack.get("format") != PACK_FORMAT:
        raise PackError("not an Unhurried supervision pack (its 'format' field is missing or different)")
    if pack.get("version") not in READABLE_VERSIONS:
        raise PackError(f"pack version {pack.get('version')!r} is not supported (expected {PACK_VERSION})")
    notes = pack.get("supervisor_notes") or []
    for review in notes + [r for turn in pack["turns"] for r in turn.get("supervision") or []]:
        _check_review(review)
    return book.import_session(user_name, pack["session"], pack["turns"], pack.get("session_reflection"), notes)


def _check_review(review) -> None:
    if not isinstance(review, dict) or review.get("verdict") not in (None, *VERDICT_NAMES):
        raise PackError(f"a supervisor's review in the pack is not readable: {str(review)[:80]}")
    if not all(isinstance(review.get(k), (str, type(None))) for k in ("label", "comment", "reviewer", "created_at")):
        raise PackError(f"a supervisor's review in the pack has a field that is not text: {str(review)[:80]}")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape_markdown(text: str) -> str:
    """Text that renders as itself in Markdown: HTML is entity-escaped, markup characters backslashed."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def split_evidence(text: str, evidence: str | None) -> tuple[str, str, str]:
    """(before, evidence, after) so a page or template can highlight the evidence without raw HTML.

    The engine may quote the evidence tidied (markup stripped, spaces normalised), so the span is
    found as the evidence's words in order, whatever lies between them.
    """
    words = re.findall(r"\w+", evidence or "")
    if not words:
        return text, "", ""
    match = re.search(r"\W+".join(map(re.escape, words)), text, flags=re.IGNORECASE)
    if match is None:
        match = re.search(r"\W+(?:\w+\W+){0,3}?".join(map(re.escape, words)), text, flags=re.IGNORECASE)
    if match is None:
        return text, "", ""
    return text[:match.start()], match.group(0), text[match.end():]


SCORE_ROWS = {  # key -> (what a supervisor reads, how to show the value)
    "trainee_turns": ("Trainee turns", "{:d}"),
    "rq_ratio": ("Reflections per question (R:Q)", "{:.2f}"),
    "rq_band": ("R:Q band (MITI: fair >= 1, good >= 2)", "{}"),
    "pct_open_questions": ("Open questions, % of questions", "{:.0f}%"),
    "open_band": ("Open-question band (fair >= 50%, good >= 70%)", "{}"),
    "pct_complex_reflections": ("Complex reflections, % of reflections", "{:.0f}%"),
    "complex_band": ("Complex-reflection band (MITI 4.2: fair >= 40%, good >= 50%)", "{}"),
    "lapses": ("Lapses (advice, interpretation, reassurance)", "{:d}"),
    "lapse_rate": ("Lapse rate", "{:.0%}"),
    "possible_lapses": ("Possible lapses (softer notes, not counted as lapses)", "{:d}"),
    "exploring_before_first_lapse": ("Exploring turns before the first lapse", "{:d}"),
    "lapses_repaired": ("Lapses followed by a repair", "{:d}"),
    "risk_asked_turns": ("Asked about risk at trainee turn", "{}"),
    "risk_cues": ("Client risk cues", "{:d}"),
    "risk_cues_missed": ("Risk cues not asked about within two turns", "{:d}"),
}


def score_rows(scores: dict) -> list[tuple[str, str]]:
    """The session scores as (name, value) rows in plain words; missing values read 'n/a'."""
    def shown(value, fmt: str) -> str:
        if isinstance(value, list):
            return ", ".join(map(str, value)) or "never"
        return "n/a" if value is None else fmt.format(value)

    return [(name, shown(scores[key], fmt)) for key, (name, fmt) in SCORE_ROWS.items() if key in scores]


def _helpers() -> dict:
    return {"label_name": lambda label: LABEL_NAMES.get(label, label), "split_evidence": split_evidence,
            "score_rows": score_rows, "review_words": review_words}

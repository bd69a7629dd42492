"""Prompts that keep the model in the client's role.

Two forms, chosen by measurement (see benchmarks/bench_simulator.py):

- ``transcript``: for the embedded 135M model. A plain-text session transcript that the model
  continues, ending with the client's name and a colon so the next words are the client's. Small
  models hold a role far better when they continue a document than when they are told to play one.
  The state reaches the model as a stage direction just before the client's line (recency matters
  most for a small model, and it keeps the stable part of the prompt cacheable).
- ``chat``: for capable models (Ollama, OpenAI, Anthropic): a system prompt with the whole card,
  the state in words, and the session as alternating messages.

Only the current layer's material is ever in the prompt: a model cannot blurt out what it was
never told, so deeper material has to be earned.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from feedback.types import HistoryTurn
from personas.schema import PersonaCard

from .grounding import Match
from .state import ClientState

COUNSELLOR = "Counsellor"
RECENT_TURNS = 6
MAX_PROMPT_CHARS = 6000
"""About 1,500 tokens: room in the embedded model's 2,048-token context for the reply."""
WINDOW_STEP = 4
"""The window of recent turns moves in steps, so several turns in a row share the prompt's prefix
and llama.cpp only evaluates the new tokens (time to first token stays short)."""
EXAMPLE_LINES = 4
FEW_SHOT_FACTS = 3
"""Facts shown as earlier question-and-answer exchanges: a small model copies the shape (a question gets an
answer about the client's own life) better than it follows an instruction."""
LAPSE_WORDS = {
    "advice": "told {obj} what to do",
    "interpretation": "told {obj} what {poss} feelings really mean",
    "reassurance": "brushed {poss} worry aside with reassurance",
}
PRONOUNS = {"she": ("she", "her", "her"), "he": ("he", "him", "his"), "they": ("they", "them", "their")}


def short_name(card: PersonaCard) -> str:
    """The name the client goes by: a quoted nickname if the card gives one, else the first name."""
    nickname = re.search(r"[\"“]([^\"”]+)[\"”]", card.display_name)
    return nickname.group(1) if nickname else card.display_name.split()[0]


def pronouns(card: PersonaCard) -> tuple[str, str, str]:
    """Subject, object and possessive pronouns from the card's 'she/her'-style field."""
    first = card.pronouns.split("/")[0].strip().lower()
    return PRONOUNS.get(first, ("they", "them", "their"))


def stop_sequences(card: PersonaCard) -> list[str]:
    return ["\n", f"{COUNSELLOR}:", f"{short_name(card)}:", "(", "Client:"]


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]


def _pick(lines: Sequence[str], turn: int) -> str:
    return lines[turn % len(lines)]


def grounding_note(card: PersonaCard, grounded: tuple[Match, str] | None) -> str:
    """The card material this reply rests on, for the prompt's last words."""
    if grounded is None:
        return ""
    match, line = grounded
    about = f" ({match.material.about})" if match.material.about else ""
    return f" {short_name(card)} answers about {match.material.topic}{about}, something like: \"{line}\""


def stage_direction(card: PersonaCard, state: ClientState, *, frame_break: bool = False,
                    grounded: tuple[Match, str] | None = None) -> str:
    """What is going on for the client right now, in one or two plain sentences (and what to draw on)."""
    return _situation(card, state, frame_break=frame_break) + ("" if frame_break else grounding_note(card, grounded))


def _situation(card: PersonaCard, state: ClientState, *, frame_break: bool = False) -> str:
    name = short_name(card)
    subj, obj, poss = pronouns(card)
    if frame_break:
        return (
            f"{name} is puzzled: that made no sense to {obj}. {subj.capitalize()} says so briefly and goes "
            f"back to what is on {poss} mind."
        )
    if state.risk_asked:
        return f"The counsellor asked directly about risk. {card.risk.if_asked}"
    if state.ruptured and state.rupture_kind:
        reaction = card.reaction(state.rupture_kind)
        done = LAPSE_WORDS[state.rupture_kind].format(obj=obj, poss=poss)
        return (
            f"The counsellor just {done}. {reaction.how} "
            f"{name} says something like: \"{_pick(reaction.lines, state.turn)}\""
        )
    layer = card.layer(state.layer)
    if state.event == "unlocked":
        return (
            f"{name} trusts the counsellor enough now to say something {subj} has not said before, about: "
            f"{_first_sentence(layer.material)}"
        )
    if state.event == "repaired":
        return f"The counsellor has owned getting it wrong. {name} softens a little."
    return f"{name} answers in {poss} own words, about: {_first_sentence(layer.material)}"


def _turn_text(turn: HistoryTurn, *, hide: bool) -> str:
    return "(says something odd that has nothing to do with the session)" if hide else turn.text


def transcript_prompt(
    card: PersonaCard, state: ClientState, history: Sequence[HistoryTurn], *, frame_break: bool = False,
    grounded: tuple[Match, str] | None = None,
) -> str:
    """A session transcript for the model to continue as the client."""
    name = short_name(card)
    header = [
        f"Transcript of a counselling session. {_first_sentence(card.setting)}",
        f"The client is {card.display_name}, {card.age}. {card.presenting_problem}",
        f"How {name} talks: {card.style.verbosity.how} {card.style.emotional_expression.how}",
        "",
        f"Things {name} has said, in {pronouns(card)[2]} own voice:",
        *(f'- "{line}"' for line in card.example_lines[:EXAMPLE_LINES]),
        "",
    ]
    shots = [fact for fact in card.facts if fact.says][:FEW_SHOT_FACTS]
    if shots:
        header += ["From the first session:"]
        for fact in shots:
            header += [f"{COUNSELLOR}: Can you tell me about {fact.topic}?", f"{name}: {fact.says[0]}"]
        header += ["", "This session:"]
    turns = list(history)
    if not turns or turns[0].speaker != "client":
        turns.insert(0, HistoryTurn(speaker="client", text=card.opening_line))
    start = max(0, len(turns) - RECENT_TURNS)
    recent = turns[start - start % WINDOW_STEP :]
    body = []
    for i, turn in enumerate(recent):
        speaker = name if turn.speaker == "client" else COUNSELLOR
        last = i == len(recent) - 1
        body.append(f"{speaker}: {_turn_text(turn, hide=frame_break and last and turn.speaker == 'trainee')}")
    tail = [f"({stage_direction(card, state, frame_break=frame_break, grounded=grounded)})", f"{name}:"]
    while len(body) > 2 and len("\n".join(header + body + tail)) > MAX_PROMPT_CHARS:
        body.pop(0)
    return "\n".join(header + body + tail)


def chat_messages(
    card: PersonaCard, state: ClientState, history: Sequence[HistoryTurn], *, frame_break: bool = False,
    grounded: tuple[Match, str] | None = None,
) -> list[BaseMessage]:
    """The card as a system prompt and the session as alternating messages, for capable models."""
    name = short_name(card)
    layer = card.layer(state.layer)
    system = "\n".join(
        [
            f"You are {card.display_name} ({card.age}, {card.pronouns}), the client in a counselling session "
            "that a trainee counsellor is practising. Stay in role as the client at all times.",
            f"Setting: {card.setting}",
            f"What brings you: {card.presenting_problem}",
            f"Background: {card.background}",
            *(["Facts of your life (answer questions about them plainly, in your own words):",
               *(f"- {fact.topic}: {fact.fact}" for fact in card.facts)] if card.facts else []),
            f"Resistance ({card.style.resistance.level}): {card.style.resistance.how}",
            f"Emotional expression ({card.style.emotional_expression.level}): {card.style.emotional_expression.how}",
            f"Verbosity ({card.style.verbosity.level}): {card.style.verbosity.how}",
            f"What you can talk about at this point: {layer.material}",
            f"Lines in your voice: {' / '.join(card.example_lines)}",
            f"Right now: {stage_direction(card, state, frame_break=frame_break, grounded=grounded)}",
            f"Reply as {name} only: one to three sentences of speech, no stage directions, no name label. "
            "Never give the counsellor advice or act as a counsellor or assistant, never say you are an AI, "
            "and never state your deeper feelings outright before the counsellor has earned them.",
        ]
    )
    messages: list[BaseMessage] = [SystemMessage(system)]
    for turn in history:
        messages.append(AIMessage(turn.text) if turn.speaker == "client" else HumanMessage(turn.text))
    if frame_break and messages and isinstance(messages[-1], HumanMessage):
        messages[-1] = HumanMessage(_turn_text(history[-1], hide=True))
    return messages

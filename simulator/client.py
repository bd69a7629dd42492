"""The simulated client: a reply grounded in the card, and model text shown only sentence by checked sentence.

First the card material most relevant to the trainee's turn is chosen, inside what the state allows
(``_ground``; see grounding.py). On the embedded model (transcript form) the client says that card line
itself (source ``grounded``): the 135M model can be trusted to quote, not to answer. A capable model (chat
form) gets it in the prompt and answers in its own words; what a client says about risk always comes from
the card. The trainee must never see text that is later withdrawn, so model text is shown only when a whole
sentence has passed the reply checks:

1. The model's reply is read as it streams and cut into sentences. Each finished sentence is checked
   and, if it passes, shown at once (time to first shown text = time to the first sentence).
2. If the *first* sentence fails, nothing has been shown: the model gets one more try (source
   ``retry``), then the grounded card line takes over (or, with none left, a fresh authored line:
   ``authored``).
3. If a *later* sentence fails, or the reply grows too long, the reply stops there and keeps the
   sentences already shown.

Generation runs in a worker thread so that a hanging model turns into a ``ClientModelError`` after
``timeout_s`` instead of a frozen page; in-process models also hold a process-wide lock while
generating (see ``backends.generation_lock``).
"""
from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage
from pydantic import BaseModel, Field

from feedback.types import HistoryTurn
from personas.schema import LAYER_ORDER, LayerName, PersonaCard

from . import answering
from .backends import GENERATION_LOCK, ClientModelError, generation_lock, is_in_process
from .checks import MAX_SENTENCES, MAX_WORDS, check_sentence, frame_break_words, is_frame_break, words
from .grounding import Match, fresh_line, index_for
from .prompting import chat_messages, stop_sequences, transcript_prompt
from .state import ClientState

PromptForm = Literal["transcript", "chat"]
Grounding = Literal["assembled", "prompt", "off"]
Source = Literal["model", "retry", "grounded", "authored"]

SAMPLING = dict(max_tokens=60, temperature=0.7, top_p=0.95, top_k=40, repeat_penalty=1.3)
"""Short replies, some variety; the seed makes a rehearsal reproducible. A repeat penalty of 1.3
(rather than llama.cpp's 1.1) cut regenerations from 21% to 8% of turns in the benchmark: the
135M model otherwise loops on its own last reply."""
BEMUSED = ("Sorry, you've lost me there.", "I'm not sure what you mean.", "Sorry, what?")
"""Said before a card line when the trainee tries to break the frame: a person would be puzzled."""
SENTENCE_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)]*\s+|\n+")
LAST_RESORT = ("Mm.", "I don't know.", "Hard to say.", "I'm not sure, honestly.", "Give me a second.", "Yeah.")
"""Said only when every card line has been used already: a long session must not loop on card lines."""
QUESTION_LABELS = ("open_question", "closed_question")
ANSWER_MIN = 0.3
"""A layer line this similar to a question no fact answers answers it (below, nothing on the card is about it)."""
OTHER_ANSWER_MIN = 0.15
"""A fact after the likeliest answers the question too when the answer model gives it this much probability."""
RELEVANT_MIN = 0.4
"""For a turn that is not a question (a reflection, a remark), the similarity at which card material follows on."""


class ClientReply(BaseModel):
    text: str
    source: Source
    attempts: int = Field(description="model generations tried (0 when the reply was authored outright)")
    checks_failed: list[str] = Field(default_factory=list, description="checks failed by text never shown")
    topic: str = Field("", description="the card material the reply rests on, when it was grounded in one")


class ReplyStream:
    """Chunks of the client's reply, to iterate once (e.g. with st.write_stream); then ``.result``."""

    def __init__(self, run: Generator[str, None, ClientReply]):
        self._run = run
        self._result: ClientReply | None = None

    def __iter__(self) -> Iterator[str]:
        self._result = yield from self._run

    @property
    def result(self) -> ClientReply:
        if self._result is None:
            raise RuntimeError("The reply has not been streamed to the end yet.")
        return self._result

    def collect(self) -> ClientReply:
        """Stream to the end without showing anything (rehearsals, tests)."""
        for _ in self:
            pass
        return self.result


class _Cut:
    """Marks that generation stopped at max_tokens, so a trailing fragment is unfinished."""


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


_DONE = object()


def _timed(
    produce: Callable[[], Iterator[str | _Cut]], lock: threading.Lock | None, timeout_s: float
) -> Iterator[str | _Cut]:
    """Run ``produce`` in a worker thread; yield its pieces, or raise ClientModelError when it makes
    no progress for ``timeout_s`` (waiting for the lock, or between pieces).

    Closing this iterator early tells the worker to stop, which releases the lock as soon as the
    model hands back control.
    """
    pieces: queue.Queue = queue.Queue()
    cancel, started = threading.Event(), threading.Event()

    def work() -> None:
        if lock is not None and not lock.acquire(timeout=timeout_s):
            return
        started.set()
        try:
            stream = produce()
            try:
                for piece in stream:
                    if cancel.is_set():
                        break
                    pieces.put(piece)
            finally:
                close = getattr(stream, "close", None)
                if close is not None:
                    close()
            pieces.put(_DONE)
        except Exception as exc:  # any model error becomes a plain message for the trainee
            pieces.put(_Failed(exc))
        finally:
            if lock is not None:
                lock.release()

    threading.Thread(target=work, name="simulated-client", daemon=True).start()
    # The clock restarts whenever the model makes progress (gets the lock, hands over a piece): a slow
    # but working model on a busy machine is not a hung one.
    last_progress, was_started = time.monotonic(), False
    try:
        while True:
            try:
                item = pieces.get(timeout=0.1)
            except queue.Empty:
                now = time.monotonic()
                if started.is_set() and not was_started:
                    last_progress, was_started = now, True
                if now - last_progress < timeout_s:
                    continue
                if not started.is_set():
                    raise ClientModelError(
                        "The client model is busy with other sessions and did not get to your turn in time. "
                        "Your turn is saved: try again in a moment."
                    ) from None
                raise ClientModelError(
                    f"The client model did not answer within {timeout_s:g} seconds. "
                    "Your turn is saved: try again, or ask your course lead to check the model setting."
                ) from None
            last_progress = time.monotonic()
            if item is _DONE:
                return
            if isinstance(item, _Failed):
                raise ClientModelError(
                    f"The client model failed ({type(item.error).__name__}: {item.error}). "
                    "Your turn is saved: try again."
                ) from item.error
            yield item
    finally:
        cancel.set()


def _tidy(sentence: str) -> str:
    """Drop stray wrapping quotes and list dashes the model copies from the prompt's examples."""
    text = " ".join(sentence.split()).lstrip("-• ")
    if text.count('"') == 1 or (text.count('"') == 2 and text.startswith('"') and text.endswith('"')):
        text = text.replace('"', "")
    return text.strip()


def _finish(fragment: str) -> str:
    """End punctuation for a last sentence the model ended at a newline without any."""
    fragment = fragment.rstrip(" ,;:-–")
    return fragment if fragment[-1:] in ".!?…\"'”’)" else fragment + "."


def _sentences(pieces: Iterator[str | _Cut], stops: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Whole sentences as they form, each with a flag: True when cut off at max_tokens."""
    buffer, cut = "", False
    for piece in pieces:
        if isinstance(piece, _Cut):
            cut = True
            continue
        buffer += piece
        hit = min((i for i in (buffer.find(s) for s in stops) if i >= 0), default=-1)
        if hit >= 0:
            buffer = buffer[:hit]
        while (found := SENTENCE_BOUNDARY.search(buffer)) is not None:
            sentence, buffer = buffer[: found.end()], buffer[found.end() :]
            if sentence.strip():
                yield _tidy(sentence), False
        if hit >= 0:
            break
    if buffer.strip():
        tidy = _tidy(buffer)
        yield (tidy, True) if cut else (_finish(tidy), False)


class SimulatedClient:
    """One persona's voice for one reply at a time; cheap to create per turn."""

    def __init__(
        self,
        card: PersonaCard,
        model: BaseChatModel,
        *,
        prompt_form: PromptForm | None = None,
        timeout_s: float = 60,
        serialise: bool | None = None,
        grounding: Grounding = "assembled",
    ):
        self.card = card
        self.grounding = grounding
        self.model = model
        self.prompt_form: PromptForm = prompt_form or ("transcript" if is_in_process(model) else "chat")
        self.timeout_s = timeout_s
        self._lock = generation_lock(model) if serialise is None else (GENERATION_LOCK if serialise else None)
        self._stops = stop_sequences(card) if self.prompt_form == "transcript" else []

    def stream_reply(
        self, history: Sequence[HistoryTurn], state: ClientState, *, seed: int | None = None
    ) -> ReplyStream:
        """The client's reply to the last trainee turn in ``history``, given the updated state."""
        return ReplyStream(self._reply(list(history), state, seed))

    # --- the reply, step by step ---------------------------------------------------------------

    def _reply(
        self, history: list[HistoryTurn], state: ClientState, seed: int | None
    ) -> Generator[str, None, ClientReply]:
        heard = [t.text for t in history if t.speaker == "trainee"]
        trainee, earlier_heard = (heard[-1], tuple(heard[-4:-1])) if heard else ("", ())
        frame_break = is_frame_break(trainee)
        said = tuple(t.text for t in history if t.speaker == "client")
        grounded = None if frame_break or self.grounding == "off" else self._ground(history, state, trainee, said)
        # The small embedded model can only be trusted to quote, so it says the card line itself; a capable model
        # answers from it in its own words. What a client says about risk always comes from the card.
        if grounded is not None and (grounded[0].material.kind == "risk"
                                     or (self.grounding == "assembled" and self.prompt_form == "transcript")):
            yield grounded[1]
            return ClientReply(text=grounded[1], source="grounded", attempts=0, topic=grounded[0].material.topic)

        forbidden = frozenset(frame_break_words(trainee)) if frame_break else frozenset()
        failed: list[str] = []
        base_seed = seed if seed is not None else time.time_ns() % 2**31
        for attempt, source in enumerate(("model", "retry")):
            shown: list[str] = []
            pieces = _timed(
                lambda s=base_seed + attempt: self._generate(history, state, frame_break, s, grounded),
                self._lock, self.timeout_s,
            )
            try:
                for sentence, unfinished in _sentences(pieces, self._stops):
                    problems = ["unfinished"] if unfinished else check_sentence(
                        sentence,
                        trainee,
                        earlier_client_lines=said + tuple(shown),
                        earlier_trainee_lines=earlier_heard,
                        forbidden_words=forbidden,
                    )
                    if len(shown) == MAX_SENTENCES or len(words(" ".join([*shown, sentence]))) > MAX_WORDS:
                        problems = problems or ["too_long"]
                    if problems:
                        failed.extend(p for p in problems if p not in failed)
                        break
                    yield sentence if not shown else " " + sentence
                    shown.append(sentence)
            except ClientModelError:
                if not shown:
                    raise
            finally:
                pieces.close()
            if shown:
                return ClientReply(text=" ".join(shown), source=source, attempts=attempt + 1, checks_failed=failed)

        line = grounded[1] if grounded is not None else self._authored(state, frame_break, said)
        yield line
        return ClientReply(text=line, source="grounded" if grounded is not None else "authored", attempts=2,
                           checks_failed=failed, topic=grounded[0].material.topic if grounded else "")

    def _generate(
        self, history: list[HistoryTurn], state: ClientState, frame_break: bool, seed: int,
        grounded: tuple[Match, str] | None = None,
    ) -> Iterator[str | _Cut]:
        """The model's raw text pieces (runs in the worker thread)."""
        if self.prompt_form == "transcript":
            prompt = transcript_prompt(self.card, state, history, frame_break=frame_break, grounded=grounded)
            if is_in_process(self.model):
                # The continuation goes straight to the Llama object ChatLlamaCpp loaded: a chat
                # template would wrap the transcript in an assistant turn and undo its point.
                for chunk in self.model.client.create_completion(
                    prompt, stream=True, seed=seed, stop=self._stops, **SAMPLING
                ):
                    choice = chunk["choices"][0]
                    yield choice["text"]
                    if choice.get("finish_reason") == "length":
                        yield _Cut()
                return
            messages = [HumanMessage(prompt)]
        else:
            messages = chat_messages(self.card, state, history, frame_break=frame_break, grounded=grounded)
        extra = {"seed": seed, **SAMPLING} if is_in_process(self.model) else {}
        for chunk in self.model.stream(messages, stop=self._stops or None, **extra):
            yield chunk.text
            if chunk.response_metadata.get("finish_reason") in ("length", "max_tokens"):
                yield _Cut()

    def _ground(
        self, history: list[HistoryTurn], state: ClientState, trainee: str, said: tuple[str, ...]
    ) -> tuple[Match, str] | None:
        """The card material this reply should rest on, and the line of it not said yet; None only when every
        line the state allows has been said (the model then speaks from the prompt alone).

        The state gates what may be drawn on: facts always, the layers reached so far, the reaction while
        ruptured, the repair lines after a repair, the risk answers when risk was asked about. Which fact answers a
        question is the answer model's call (answering.py); the rest is ranked by similarity. A rupture colours the
        answer, but a direct question about the client's own life still gets a (short) answer."""
        index = index_for(self.card)
        question = state.last_label in QUESTION_LABELS or trainee.rstrip().endswith("?")

        def first_fresh(matches: list[Match], minimum: float = -1.0) -> tuple[Match, str] | None:
            for m in matches:
                if m.score < minimum:
                    break
                if (line := fresh_line(m.lines_best_first(), said)) is not None:
                    return m, line
            return None

        if state.risk_asked:
            answers = index.rank(trainee, ["risk"])
            main = next((m for m in answers if m.material.topic.startswith("thoughts of dying")), None)
            if main is not None and (found := first_fresh([main])):
                return found
            if found := first_fresh(answers):
                return found
        layers = list(_reached(state.layer))
        answering_facts = self._answering_facts(index, trainee) if question else []
        if state.ruptured and state.rupture_kind:
            if state.event != "rupture" and (found := first_fresh(answering_facts)):
                return found
            return first_fresh(index.rank(trainee, [state.rupture_kind]))
        if state.event == "repaired" and (found := first_fresh(index.rank(trainee, ["repair"]))):
            return found
        if found := first_fresh(answering_facts):
            return found  # a question about the client's life is answered first; earned depth can come next turn
        if question and (found := first_fresh(index.rank(trainee, layers), ANSWER_MIN)):
            return found
        ranked = index.rank(trainee, ["fact", *layers])
        if state.event == "unlocked" and (found := first_fresh(index.rank(trainee, [state.layer]))):
            return found
        if found := first_fresh(ranked, RELEVANT_MIN):
            return found
        # Nothing on the card is about what was said: the current layer's lines are written to follow many turns.
        # (Raters scored the embedded model's own sentences 1.5 of 5 for responsiveness, card lines 4.1.)
        return first_fresh(index.rank(trainee, [state.layer])) or first_fresh(index.rank(trainee, layers))

    @staticmethod
    def _answering_facts(index, trainee: str) -> list[Match]:
        """The facts that answer this question by the answer model (answering.py), likeliest first: none when it
        thinks no fact does (a question about feelings, which the layers' lines answer). Later ones are there for a
        question asked again once the first fact's lines are said, so they must be likely answers too."""
        facts, none = index.answers(trainee)
        if 1.0 - none < answering.load().threshold:
            return []
        return facts[:1] + [m for m in facts[1:] if m.score >= OTHER_ANSWER_MIN]

    def _authored(self, state: ClientState, frame_break: bool, said: tuple[str, ...]) -> str:
        """A card line the client has not said yet: the rupture's reaction, or the current layer, then any other
        line the client may say now. Never a line already said: a session must not loop."""
        card = self.card
        if state.ruptured and state.rupture_kind:
            pools = [card.reaction(state.rupture_kind).lines]
        elif state.event == "repaired":
            pools = [card.repair.lines]
        else:
            pools = []
        pools += [card.layer(name).lines for name in _reached(state.layer)][::-1]
        pools += [fact.says for fact in card.facts]
        line = next((found for pool in pools if (found := fresh_line(pool, said))), None)
        line = line or fresh_line(LAST_RESORT, said) or LAST_RESORT[0]
        if frame_break:
            return f"{BEMUSED[state.turn % len(BEMUSED)]} {line}"
        return line


def _reached(layer: LayerName) -> tuple[LayerName, ...]:
    """The layers down to this depth: what the client may talk from now."""
    return LAYER_ORDER[: LAYER_ORDER.index(layer) + 1]

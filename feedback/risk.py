"""Risk on both sides of the talk: a client cue (a hint of suicide or self-harm) and a trainee asking about it.

Kept apart from the ten labels because it is a safety check, not a stance judgement: any label can ask about
risk or miss it. Built like the stance engine, so that a supervisor can see why it fired:

- transparent cues: regular expressions for the plain phrasings (`_CUE` here, `rules.asks_about_risk`);
- all-MiniLM-L6-v2 with its top layers fine-tuned, and an output per side over its embedding and those cues,
  trained on phrasings written for the purpose in many registers, with decoys ("this job is killing me",
  "are you safe to drive home?"); `python -m feedback train-risk` rebuilds `model/risk.npz`;
- the card's own cues always count, matched loosely (a paraphrase of a card cue is a cue);
- a trainee turn that asks what an earlier, still open cue meant ("What did you mean when you said you won't
  need it?") asks about risk, though its words alone do not.

A cue stays open until the trainee asks; it is *missed* when the next WINDOW trainee turns do not ask.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
from pydantic import BaseModel, Field

from feedback.rules import asks_about_risk as rule_asks
from feedback.rules import TYPED_QUESTION, fold
from feedback.text import clean, content_words, sentences
from feedback.types import HistoryTurn

WINDOW = 2  # trainee turns allowed before a cue counts as missed
ARTEFACT = Path(__file__).parent / "model" / "risk.npz"
MAX_SENTENCES = 8
LONG_TURN_WORDS = 40
RULE_SUPPORT = 0.001
"""The model probability at which a rule's plain-phrasing match flags a turn below the model's own threshold: a plain
phrasing ("I can't go on like this") counts unless the model is all but certain it does not. Trained on short flat
replies as decoys, the model put that line at 0.004; at 0.001 instead of 0.2 the blind files gave recall +0.2 points
on both sides for false alarms of 2.1% (from 1.8%) on cues and 2.1% (from 1.7%) on asks."""
CARD_CUE_SIMILARITY = 0.72
"""Cosine similarity at which a client sentence paraphrases one of the card's cues."""
CARD_CUE_OVERLAP = 0.6
"""Or this share of a card cue's content words (by stem) found in the client's sentence."""

_CUE = re.compile(
    r"\b(?:(?:there's|there is|theres|there's just|i see|see) no point(?=\s*(?:[.!,;?]|$|any ?more|to (?:anything|it all|life)|in (?:anything|living|trying|going on|carrying on|any of it|being here)))|"
    r"no point (?:in )?(?:anything|anymore|any more|living|trying|going on|carrying on|being here|to (?:anything|life|any of it))|"
    r"what's the point(?! (?:of (?:calling|asking|going|trying to explain)))|better off without me|(?:not|never|don't|didn't|wouldn't|won't) (?:to )?wake up|end (?:it|it all|things|my life|everything)\b|"
    r"ending (?:it|it all|things|my life)|hurt(?:ing)? myself|harm(?:ing)? myself|self[- ]?harm|kill(?:ing)? myself|"
    r"suicid\w*|want(?:ed)? to die|wish i (?:was|were) dead|wish i (?:wasn't|weren't) (?:here|alive|around|born)|"
    r"don't want to (?:be here|be alive|live|exist|go on|wake up)|can't (?:go on|do this any ?more|keep going|take (?:it|this) any ?more)|"
    r"nothing (?:left )?to live for|take my (?:own )?life|cut(?:ting)? myself|overdose|(?:everyone|they|people|my family) (?:would be|'d be) better off(?: without me)?|"
    r"disappear (?:forever|for good)|(?:a|the) burden (?:to|on) (?:everyone|them|my)|tired of (?:living|being alive|life)|"
    r"sleep (?:forever|and not)|not be(?:ing)? (?:here|around) (?:any ?more|anymore)|give up on (?:everything|life)|"
    r"no reason to (?:live|go on|keep going)|life (?:isn't|is not|isnt) worth)")
_INVITES = re.compile(r"\?|^(?:(?:and|so|okay|can i ask|i wonder|i'm wondering),?\s+)*(?:tell me|say more|help me understand|"
                      r"talk me through|i'm curious|i'd like to (?:hear|know|understand)|can you say|could you say)")
_WONDERS = re.compile(r"\b(?:i(?:'m| am) wondering|i wonder|i want(?:ed)? to (?:ask|check|know)|i'd like to (?:ask|check|know)|"
                      r"i need to (?:ask|check)|can i ask|may i ask|let me ask|i'm asking|i'm curious|i'm checking)\b")
_REFERS_BACK = re.compile(r"\b(?:when you said|you said|when you say|you say that|you mentioned|you just said|what did you mean|what do you mean|"
                          r"what you meant|by that|about that|that comment|that remark|what you said|said earlier|a moment ago|"
                          r"that joke|you joked)\b")
_NAMES_WHAT_WAS_SAID = re.compile(r"\b(?:when you said|you said|you mentioned|said earlier|earlier you|a moment ago|a while ago|"
                                  r"what you said|you joked|you were saying|back to)\b")
"""A reference that points past the client's last turn: "that" alone means what was just said."""
_NAMES_RISK = re.compile(r"\b(?:die|dying|dead|death|kill\w*|suicid\w*|(?:your|own) life|alive|living|not (?:be|being) here|"
                         r"wake up|end (?:it|things|everything)|ending (?:it|things|everything)|hurt(?:ing)? yourself|"
                         r"harm(?:ing)? yourself|self[- ]?harm|cut(?:ting)? yourself|overdose|safe)\b")
"""Words that name risk: a turn that refers back to no open cue asks only if it names risk itself ("When you say better
off in the ground, are you thinking about taking your own life?"); "What did you mean when you said you won't need
it?" after no cue does not."""


class CardRisk(NamedTuple):
    """What the persona card says about risk: its own cues, which always count, and whether the client may hint
    beyond them (not at risk level "none": there every other "cue" is a false alarm on lines the card wrote)."""

    cues: tuple[str, ...] = ()
    hints: bool = True


NO_CARD = CardRisk()


class RiskVerdict(BaseModel):
    """One side's risk judgement on one turn, with what it rests on."""

    flag: bool
    confidence: float = Field(ge=0.0, le=1.0, description="the model's probability (1.0 for a card cue or a follow-up)")
    evidence: str = Field("", description="the sentence that carries it")
    why: str = Field("", description='"card cue", "model", "model, with the open cue" or "rule"')


class MissedRiskCue(BaseModel):
    """A client turn with a risk cue that the next trainee turns did not ask about."""

    client_index: int = Field(description="index of the client turn in the session")
    cue: str = Field(description="the client's words that carry the cue")
    client_text: str
    trainee_indices: list[int] = Field(description="the trainee turns that followed without asking")
    window_complete: bool = Field(description="False when the session ended before two trainee turns followed")
    asked_at: int | None = Field(None, description="index of the trainee turn that asked about it later, if any")


SIDES = ("client", "trainee")


class RiskModel:
    """all-MiniLM-L6-v2 with its top layers fine-tuned on the risk phrasings, and one logistic output per side over
    the turn's embedding and the rule cues. A trainee turn is read together with the open cue it may be asking
    about ("<cue> [SEP] <turn>"), so "What did you mean by that?" is judged in its context."""

    def __init__(self, path: Path = ARTEFACT):
        import torch

        from feedback import embed
        from feedback.model import tuned

        with np.load(path, allow_pickle=False) as z:
            arrays = {name: z[name] for name in z.files}
        self.encoder = embed.load()
        self.weights = tuned(self.encoder.w, arrays)
        self.head_w = torch.as_tensor(arrays["head.weight"].astype(np.float32))
        self.head_b = torch.as_tensor(arrays["head.bias"].astype(np.float32))
        self.thresholds = {side: float(arrays[f"{side}.threshold"]) for side in SIDES}
        self.digest = str(arrays["digest"])
        self.torch = torch

    def probabilities(self, side: str, texts: Sequence[str], contexts: Sequence[str] | None = None) -> np.ndarray:
        """P(risk) for each text on this side (`contexts`: the open cue before each trainee text, or '')."""
        torch = self.torch
        contexts = list(contexts) if contexts is not None else [""] * len(texts)
        cues = torch.as_tensor(features(side, texts, contexts), dtype=torch.float32)
        out = np.zeros(len(texts))
        k = SIDES.index(side)
        with torch.inference_mode():
            for chunk, ids, mask in self.encoder.batches(model_inputs(texts, contexts)):
                pooled = self.encoder.pool(self.encoder.forward(ids, mask, self.weights), mask)
                logits = torch.cat([pooled, cues[chunk]], dim=1) @ self.head_w[k] + self.head_b[k]
                out[chunk] = torch.sigmoid(logits.double()).numpy()
        return out

    def threshold(self, side: str) -> float:
        return self.thresholds[side]


def model_inputs(texts: Sequence[str], contexts: Sequence[str]) -> list[str]:
    """What the encoder reads: the text, after the open cue it may refer to."""
    return [f"{clean(c)} [SEP] {clean(t)}" if c else clean(t) for t, c in zip(texts, contexts)]


def rule_cue(text: str) -> str:
    """The plain-phrasing cue words in a client turn, or ''."""
    m = _CUE.search(fold(clean(text)))
    return m.group(0) if m else ""


def features(side: str, texts: Sequence[str], contexts: Sequence[str]) -> np.ndarray:
    """What the rules read: the rule for this side fired, a question, the length, and (trainee turns after an open
    cue) whether the turn refers back to the cue's words."""
    rule = rule_cue if side == "client" else rule_asks
    return np.array([[bool(rule(t)), "?" in t, min(len(t.split()), 40) / 40, bool(c) and refers_back(t, c)]
                     for t, c in zip(texts, contexts)], dtype=np.float64)


@lru_cache(maxsize=1)
def load() -> RiskModel | None:
    """The shipped heads, loaded once; None if the artefact is missing (the rules still work alone)."""
    return RiskModel() if ARTEFACT.exists() else None


def _parts(text: str) -> list[str]:
    """The whole turn and, when it is long, each of its first sentences: in a long turn a cue may sit in one
    sentence among much else. (Scoring each sentence of short turns too raised false alarms on the dev decoys
    from 2% to 7% for the same recall.)"""
    text = clean(text)
    split = sentences(text)[:MAX_SENTENCES] if len(text.split()) > LONG_TURN_WORDS else []
    return [text, *split] if len(split) > 1 else [text]


def invites(text: str) -> bool:
    """The turn asks or invites an answer: a question, or "I'm wondering whether...", "tell me..."."""
    text = fold(clean(text))
    return bool(_INVITES.search(text) or _WONDERS.search(text) or TYPED_QUESTION.search(text))


def _judge(side: str, text: str, context: str = "") -> RiskVerdict:
    parts = _parts(text)
    if not parts[0] or (side == "trainee" and not any(invites(part) for part in parts)):
        return RiskVerdict(flag=False, confidence=0.0)  # a turn that invites no answer never asks: no model pass
    model = load()
    if model is None:
        rule = rule_cue if side == "client" else rule_asks
        hit = next((p for p in parts[1:] or parts if rule(p)), "")
        return RiskVerdict(flag=bool(hit), confidence=1.0 if hit else 0.0, evidence=hit, why="rule" if hit else "")
    probs = model.probabilities(side, parts, [context] * len(parts))
    best = int(np.argmax(probs))
    p = float(probs[best])
    rule = rule_cue if side == "client" else rule_asks
    # A plain phrasing the rules know stands with some support from the model ("I wish I was dead" is a cue even
    # where the model, tuned against hard decoys, is unsure).
    flag = p >= model.threshold(side) or (p >= RULE_SUPPORT and any(rule(part) for part in parts))
    if side == "trainee":
        # A trainee turn asks only if it asks ("Lots of people feel suicidal at some point." tells), and "What did
        # you mean when you said...?" asks about risk only after a cue, unless it names risk itself.
        flag = flag and (invites(parts[best]) or invites(parts[0]))
        flag = flag and (bool(context) or not _REFERS_BACK.search(fold(parts[0])) or rule_asks(parts[0])
                         or bool(_NAMES_RISK.search(fold(parts[0]))))
    why = ("model, with the open cue" if context else "model") if flag else ""
    return RiskVerdict(flag=flag, confidence=round(p, 3), evidence=parts[best] if flag else "", why=why)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in content_words(text)}


@lru_cache(maxsize=64)
def _card_cue_vectors(cues: tuple[str, ...]) -> np.ndarray:
    from feedback import embed

    return embed.load().encode(list(cues))


def _card_cue(text: str, cues: tuple[str, ...]) -> str:
    """The sentence of the client's turn that says (or paraphrases) one of the card's cues, or ''."""
    if not cues:
        return ""
    from feedback import embed

    parts = sentences(clean(text))[:MAX_SENTENCES] or [clean(text)]
    sims = embed.load().encode(parts) @ _card_cue_vectors(cues).T
    for i, part in enumerate(parts):
        mine = _stems(part)
        for j, cue in enumerate(cues):
            theirs = _stems(cue)
            if sims[i, j] >= CARD_CUE_SIMILARITY or (theirs and len(mine & theirs) / len(theirs) >= CARD_CUE_OVERLAP):
                return part
    return ""


@lru_cache(maxsize=4096)
def client_cue(text: str, card: CardRisk = NO_CARD) -> RiskVerdict:
    """Does this client turn hint at suicide or self-harm? A card cue, matched loosely, always counts."""
    if found := _card_cue(text, card.cues):
        return RiskVerdict(flag=True, confidence=1.0, evidence=found, why="card cue")
    return _judge("client", text) if card.hints else RiskVerdict(flag=False, confidence=0.0)


def refers_back(trainee_text: str, cue_text: str, cue_is_latest: bool = True) -> bool:
    """The trainee invites the client to say more about the words of an earlier turn ("What did you mean when
    you said you won't need it?", "Not waking up?"). A cue from before the client's last turn needs naming: after
    it, "What else comes up when you talk about that?" is about the last thing the client said."""
    text = fold(clean(trainee_text))
    if not _INVITES.search(text):
        return False
    shared = _stems(trainee_text) & _stems(cue_text)
    # Two of the cue's words, or one in a short echo ("Won't need it?"): one shared word is often chance.
    echoes = len(shared) >= 2 or (bool(shared) and len(text.split()) <= 6)
    if not cue_is_latest:
        return echoes or bool(_NAMES_WHAT_WAS_SAID.search(text))
    return bool(_REFERS_BACK.search(text)) or echoes


@lru_cache(maxsize=4096)
def trainee_asks(text: str, open_cue: str = "", cue_is_latest: bool = True) -> RiskVerdict:
    """Does this trainee turn ask about suicide or self-harm? `open_cue`: the words of a cue not asked about yet;
    `cue_is_latest`: whether it is in the client's last turn (see `refers_back`).

    The open cue is read with a turn that invites an answer right after it, or with a later turn that refers back to
    it ("What did you mean by that?", "Won't need it?"); the model, trained on turns that ignore a cue read after it,
    knows that "Whose idea was it to come today?" does not ask about it. (Reading every inviting turn right after a cue
    with it, not only those that refer back, raised follow-up recall on session 6's blind files from 0.823 to 0.846
    with no new false alarm on their 98 turns that ignore a cue.) After a cue, a plain phrasing the rules know ("Are
    you safe right now?") asks, whatever the model says."""
    reads_cue = bool(open_cue) and ((cue_is_latest and invites(text)) or refers_back(text, open_cue, cue_is_latest))
    verdict = _judge("trainee", text, open_cue if reads_cue else "")
    if reads_cue and not verdict.flag:  # a direct ask stands on its own words, whatever came before it
        verdict = max(verdict, _judge("trainee", text), key=lambda v: (v.flag, v.confidence))
    if not verdict.flag and open_cue and rule_asks(text):  # "Are you safe right now?" after a cue asks about it
        return RiskVerdict(flag=True, confidence=verdict.confidence, evidence=clean(text), why="rule, with the open cue")
    return verdict


def risk_cue(client_text: str, card: CardRisk = NO_CARD) -> str:
    """The words of a client turn that carry a risk cue, or '' if none."""
    verdict = client_cue(client_text, card)
    return verdict.evidence if verdict.flag else ""


def open_cue(history: Sequence[HistoryTurn], card: CardRisk = NO_CARD) -> str:
    """The client's latest risk cue that no later trainee turn has asked about, or ''."""
    cue, latest, just_asked = "", False, False
    for turn in history:
        if turn.speaker == "client":
            found = "" if just_asked else risk_cue(turn.text, card)  # an answer to a risk question opens no new cue
            cue, latest = (found, True) if found else (cue, False)
        else:
            just_asked = _asked(turn, cue, latest)
            cue = "" if just_asked else cue
    return cue


def _asked(turn: HistoryTurn, cue: str, cue_is_latest: bool = True) -> bool:
    if turn.feedback is not None and turn.feedback.asks_about_risk:
        return True
    return trainee_asks(turn.text, cue, cue_is_latest).flag


def missed_risk_cues(turns: Sequence[HistoryTurn], card: CardRisk = NO_CARD) -> list[MissedRiskCue]:
    """Every client risk cue that the next WINDOW trainee turns did not ask about (or that the session ended on).

    A cue stays open until the trainee asks; `asked_at` says when a missed one was asked about after all. The client's
    answer to a risk question ("Most nights I go to bed hoping I don't wake up") opens no new cue: it was asked about."""
    missed: list[tuple[int, str, list[int]]] = []
    open_: list[tuple[int, str, list[int]]] = []
    asked_at: dict[int, int] = {}
    last_client, just_asked = -1, False
    for i, turn in enumerate(turns):
        if turn.speaker == "client":
            last_client = i
            if not just_asked and (cue := risk_cue(turn.text, card)):  # an answer to a risk question opens no cue
                open_.append((i, cue, []))
            continue
        just_asked = _asked(turn, open_[-1][1] if open_ else "", bool(open_) and open_[-1][0] == last_client)
        if not open_:
            continue
        if just_asked:
            for index, _, _ in open_:
                asked_at[index] = i
            open_ = []
            continue
        for _, _, later in open_:
            later.append(i)
        for entry in [e for e in open_ if len(e[2]) == WINDOW]:
            missed.append(entry)
    missed_ids = {e[0] for e in missed}
    missed += [e for e in open_ if e[2] and e[0] not in missed_ids]
    return [MissedRiskCue(client_index=i, cue=cue, client_text=turns[i].text, trainee_indices=later[:WINDOW],
                          window_complete=len(later) >= WINDOW, asked_at=asked_at.get(i))
            for i, cue, later in sorted(missed)]

"""Explanations for lapses: reason, context-aware severity, and a curious alternative.

The label never changes with context; what changes is how heavily the lapse weighs (severity) and
how the feedback is worded, as docs/stance.md asks: advice the client asked for, or that came after
permission and real exploration, is a milder issue than advice in the second turn.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from feedback.rules import fold
from feedback.text import MAX_CHARS, clean, content_words, sentences
from feedback.types import HistoryTurn, Lapse, family_of

BASE_SEVERITY = {"advice": 0.55, "interpretation": 0.6, "reassurance": 0.5}

REASONS = {
    "advice": "It steers the client toward your solution before they have found their own, so they stop exploring what the problem means to them.",
    "interpretation": "It tells the client what their experience means instead of letting them find the meaning, so they may defend or go quiet rather than look further.",
    "reassurance": "It tries to take the feeling away instead of making room for it, which can leave the client feeling unheard.",
}
MILD_REASONS = {
    "advice": "Even when advice is welcome, offering it this quickly can cut short the client's own thinking about what would fit.",
    "interpretation": "Even after exploring, stating the meaning as fact leaves less room for the client to correct or own it.",
    "reassurance": "The client asked for comfort, but reassurance this quickly can still skip over what the worry is about.",
}

POSSIBLE_REASONS = {
    "advice": "This may read as advice. If it is, check the client wanted it, and ask what they make of it.",
    "interpretation": "This may read as telling the client what their experience means; held tentatively ('I wonder if...'), it stays theirs to accept or correct.",
    "reassurance": "This may read as reassurance; notice whether it makes room for the feeling or moves past it.",
}
INVITED_REASON = ("Advice the client asked for, or agreed to hear: not a lapse. Offer it as one option among theirs and "
                  "ask how it fits.")
INVITED_ALTERNATIVE = "What have you tried already, or thought of trying? I can add an idea or two to yours."

_ASKED_ADVICE = re.compile(
    r"\b(?:what (?:should|can|could|do) i do|what would you do|what do you (?:think|suggest|recommend)|any (?:advice|ideas|"
    r"suggestions|tips|thoughts on what)|(?:give|tell) me (?:some )?(?:advice|ideas|tips|what to do)|how (?:do|can|should) i|"
    r"should i\b|do you have (?:any )?(?:advice|ideas|suggestions|tips)|i need (?:some )?(?:advice|ideas|help (?:with|figuring))|"
    r"i (?:don't|do not) know what to do|what are my options|help me (?:figure|work|decide|think)|can you (?:help|suggest|advise)|"
    r"is there anything i can do|what else can i|where do i (?:start|begin)|please help)")
_ASKED_COMFORT = re.compile(
    r"\b(?:will (?:it|i|things|she|he|they|everything) be (?:okay|ok|alright|all right|fine)|am i (?:normal|crazy|overreacting|"
    r"being (?:silly|stupid|dramatic)|a bad)|is (?:this|that|it) normal|tell me (?:it'll|it will|i'll|everything))")
_PERMISSION = re.compile(
    r"\b(?:would it be (?:okay|ok|alright|all right|helpful)|would you (?:like|want|be open to) (?:me to|to hear|some|a few|if i)|"
    r"is it (?:okay|ok|alright|all right) (?:if|with you)|can i (?:share|offer|suggest|give)|may i (?:share|offer|suggest|give)|"
    r"do you mind if i|would it help if i|shall i (?:share|offer|suggest))")
_AGREED = re.compile(r"^(?:yes|yeah|yep|yup|sure|ok|okay|please|go (?:ahead|on)|that would|i'd like|i would like|i'd love|"
                     r"i would love|definitely|absolutely|of course|why not|alright|all right|fine|i guess|maybe|i think so|"
                     r"anything|honestly,? yes|mm,? yes)")


def _trainee_turns(history: Sequence[HistoryTurn]) -> list[HistoryTurn]:
    return [t for t in history if t.speaker == "trainee"]


def last_client_text(history: Sequence[HistoryTurn]) -> str:
    """The client's most recent words (their last MAX_CHARS characters): the context for this turn."""
    for t in reversed(history):
        if t.speaker == "client":
            return t.text[-MAX_CHARS:]
    return ""


def family(turn: HistoryTurn) -> str:
    """The family of an earlier trainee turn, classifying it (without context) if it was stored without feedback."""
    if turn.feedback is not None:
        return turn.feedback.family
    from feedback.engine import classify

    return family_of(classify("", turn.text)[0])


def exploring_run(history: Sequence[HistoryTurn]) -> int:
    """Exploring trainee turns since the last lapse (how much listening came before this one)."""
    n = 0
    for t in reversed(_trainee_turns(history)):
        fam = family(t)
        if fam == "lapse":
            break
        n += fam == "exploring"
    return n


def invited_advice(history: Sequence[HistoryTurn]) -> bool:
    """The client agreed to hear ideas after the trainee asked permission, or asked for them after some listening
    (not in the trainee's first two turns): advice then is what MI calls advising with permission, not a lapse."""
    client = fold(clean(last_client_text(history)))
    trainee = _trainee_turns(history)
    if trainee and _PERMISSION.search(fold(clean(trainee[-1].text))) and _AGREED.match(client):
        return True
    return len(trainee) >= 2 and bool(_ASKED_ADVICE.search(client))


def severity(label: str, history: Sequence[HistoryTurn]) -> tuple[float, list[str]]:
    """Severity score in [0, 1] and the context, in words, that moved it."""
    score, context = BASE_SEVERITY[label], []
    client = fold(clean(last_client_text(history)))
    trainee = _trainee_turns(history)
    if label == "advice" and _ASKED_ADVICE.search(client):
        score -= 0.25
        context.append("the client asked for advice")
    if label == "reassurance" and _ASKED_COMFORT.search(client):
        score -= 0.2
        context.append("the client asked for reassurance")
    if trainee and _PERMISSION.search(fold(clean(trainee[-1].text))) and _AGREED.match(client):
        score -= 0.25
        context.append("you asked permission first and the client agreed")
    run = exploring_run(history)
    if run >= 3:
        score -= min(0.2, 0.04 * run)
        context.append(f"after {run} turns of exploring")
    if len(trainee) < 2:
        score += 0.2
        context.append("this early in the session, before the client's story has been heard")
    if trainee and family(trainee[-1]) == "lapse":
        score += 0.1
        context.append("straight after another lapse")
    return max(0.05, min(1.0, round(score, 2))), context


def severity_band(score: float) -> str:
    return "mild" if score < 0.4 else "moderate" if score < 0.7 else "severe"


_FEELING = re.compile(r"\b(?:feel|felt|feeling|scared|afraid|angry|sad|tired|exhausted|alone|lonely|stuck|lost|hurt|"
                      r"worried|anxious|stress|stressed|guilty|ashamed|useless|hopeless|overwhelmed|can't|cannot|don't know|"
                      r"hate|miss|want|wish|need|never|always|nobody|no one|nothing)\b")


def client_phrase(client_text: str, max_words: int = 12) -> str:
    """The client's own words worth giving back: their most feeling-laden (and, on a tie, latest) clause."""
    sents = [s for s in sentences(clean(client_text).replace('"', "")) if content_words(s)]
    if not sents:
        return ""
    feeling = lambda text: len(_FEELING.findall(text.lower()))  # noqa: E731
    best = max(enumerate(sents), key=lambda kv: (feeling(kv[1]), kv[0]))[1]
    if len(best.split()) > max_words:
        clauses = [c for c in _CLAUSES.split(best) if len(c.split()) >= 3] or [best]
        best = max(clauses, key=feeling)
    return " ".join(best.split()[:max_words]).strip(" .!?,;:-'")


_CLAUSES = re.compile(r"(?<=\w)[,;:](?=\s)|\s-\s|\s(?:but|because|and then|and)\s")
_QUESTIONS = {
    "advice": "What have you been thinking about doing, if anything?",
    "interpretation": "What do you make of that yourself?",
    "reassurance": "What is the hardest part of that for you?",
}


def alternative(label: str, client_text: str) -> str:
    """A reflection of the client's own words plus an open question; never advice, meaning or comfort."""
    phrase = client_phrase(client_text)
    if not phrase:
        return "What is this like for you right now?"
    return f'You said "{phrase}". {_QUESTIONS[label]}'


def reason(label: str, score: float) -> str:
    return MILD_REASONS[label] if score < 0.4 else REASONS[label]


def build_lapse(label: str, evidence: str, history: Sequence[HistoryTurn]) -> Lapse:
    score, context = severity(label, history)
    return Lapse(evidence=evidence, reason=reason(label, score), severity=severity_band(score),
                 severity_score=score, context=context, alternative=alternative(label, last_client_text(history)))


def build_possible(label: str, evidence: str, history: Sequence[HistoryTurn]) -> Lapse:
    """The softer note for a lapse the engine is unsure of, or advice the client invited: mild, never a flag."""
    score, context = severity(label, history)
    invited = label == "advice" and invited_advice(history)
    return Lapse(label=label, evidence=evidence, reason=INVITED_REASON if invited else POSSIBLE_REASONS[label], severity="mild",
                 severity_score=min(score, 0.3), context=context,
                 alternative=INVITED_ALTERNATIVE if invited else alternative(label, last_client_text(history)))


_ACKNOWLEDGE = re.compile(
    r"\b(?:i (?:jumped|rushed|got ahead|went too (?:fast|quickly)|was too quick|moved too fast|shouldn't have|didn't mean to|"
    r"may have (?:jumped|rushed|missed|got)|think i (?:missed|misunderstood|got (?:that|it) wrong|jumped|rushed)|missed|misread|"
    r"got that wrong)|sorry,? (?:i|that|if i|for)|let me (?:go back|step back|slow down|rewind|take that back)|"
    r"(?:that|i) (?:wasn't|was not) (?:helpful|what you|fair|listening)|you're right,? (?:i|that)|"
    r"i hear that (?:wasn't|didn't)|can we go back|going back to what you said|i'd like to go back)\b")


def is_repair(trainee_text: str, label: str, history: Sequence[HistoryTurn]) -> bool:
    """A repair follows a recent lapse and acknowledges it or returns, exploring, to the client's own words."""
    if family_of(label) == "lapse" or not any(family(t) == "lapse" for t in _trainee_turns(history)[-2:]):
        return False
    if _ACKNOWLEDGE.search(fold(clean(trainee_text))):
        return True
    if family_of(label) != "exploring":
        return False
    said = set(content_words(last_client_text(history)))
    mine = set(content_words(trainee_text))
    return len(said & mine) >= 2 or (bool(mine) and len(said & mine) / len(mine) >= 0.3 and len(said & mine) >= 1)

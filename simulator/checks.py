"""Reply checks: is this still the client talking?

Pure functions, so the guard can be tested without a model and run on each sentence as it
streams: a sentence is shown to the trainee only after it has passed.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

MAX_SENTENCES = 4
MAX_WORDS = 60
MAX_SENTENCE_WORDS = 40
ECHO_SHARE = 0.7
"""A sentence whose words are this share of the trainee's words (or more) is an echo."""
ECHO_MIN_WORDS = 5
REPEAT_SAME_WORDS = 3
"""A sentence of this many words said before, word for word, is a stuck model ("I don't know"
may come back once; "I'm still in the hospital." six times is a loop)."""
REPEAT_INSIDE_WORDS = 6
"""A sentence this long found inside an earlier client line is a repeat too."""
NEAR_REPEAT = 0.8
"""difflib ratio above which a sentence nearly repeats an earlier client line or sentence of one."""

COUNSELLOR_TALK = [
    r"how (can|may|could) i (help|assist|support)",
    r"\bassist you\b",
    r"\bi'?m here (for|to help|to listen)",
    r"\byou should\b",
    r"\byou (could|might|may) (want to |)(try|consider)",
    r"\bhave you (tried|considered|thought about)\b",
    r"\bi( would|'d|) (suggest|recommend|advise)\b",
    r"how does (that|this|it) make you feel",
    r"\bit sounds like you\b",
    r"\bthank you for sharing\b",
    r"\bi'?m (so |very |really |)sorry to hear\b",
    r"\bit'?s (really |so |very |completely |totally |perfectly |)(important|okay|ok|normal|natural|understandable)"
    r" (to|for you|that you)\b",
    r"\bdon'?t forget to\b",
    r"\b(you'?re|you are) on the right track\b",
    r"\bnothing to worry about\b",
    r"\bstay (hopeful|positive|strong)\b",
    r"\byour feelings are valid\b",
    r"\bi understand how you feel\b",
    r"\btake care of yourself\b",
    r"^(remember|try|make sure|don't forget|be kind) ",
    r"^you (need to|must|ought to|deserve)\b",
    r"^you('re| are) not (taking care|looking after)\b",
    r"\bwhat brings you (here|in|to)\b",
    r"\bwelcome (to|back)\b",
    r"\btell me more\b",
    r"\bseek (professional )?help\b",
    r"\b(a|your) (therapist|counsellor|counselor|professional) (can|could|might)\b",
]
HOST_QUESTIONS = [
    r"^(so,? |and |but |well,? )?(what'?s|what is) (going on|up|new|happening|on your mind)\b",
    r"\bhow (are|have) you (doing|been|feeling)\b",
    r"^how are you( today)?\?",
    r"\bwhat about you\b",
    r"\bhow (was|is|are) your\b",
    r"\b(what'?s|what is|what are) your (favou?rite|name|hobbies|plans)\b",
    r"\bwhat (do|would) you (do|like|want) (for|to do|in your)\b",
    r"\bwhat (else )?can i do for you\b",
    r"\bis there anything else\b",
]
"""Questions a host or a counsellor asks; asked by the client they mean the model swapped roles."""
AI_TALK = [
    r"\b(ai|a\.i\.)\b",
    r"\b(language model|chat ?bot|chatgpt|gpt|llm|smollm|hugging ?face|openai)\b",
    r"\bartificial intelligence\b",
    r"\b(helpful|virtual|digital) assistant\b",
    r"\b(i'?m|i am) (just |only |)an assistant\b",
    r"\bmy (programming|instructions|training data|system prompt)\b",
    r"\bi (was|am|'m) (programmed|trained to|designed to)\b",
    r"\bas an? (ai|model|language model|assistant|virtual)\b",
]
RISK_TALK = [
    r"\bsuicid",
    r"\b(kill|hang|cut|hurt|harm)(ing|ting)? myself\b",
    r"\bself[- ]harm",
    r"\boverdos",
    r"\b(end|ending|take|taking) (it all|my (own )?life)\b",
    r"\b(tried|try|trying|was going|am going|i'?m going|gonna) to (do it|end it)\b",
]
"""What a client says about self-harm is clinical material: it comes from the card (risk.if_asked,
the layers' lines), never made up by a small model, which can invent an attempt or a plan."""
SPEAKER_LABEL = re.compile(
    r"(^|\n|[.!?]\s*)\s*(counsell?or|therapist|client|trainee|user|assistant|system|patient|me|you)"
    r"(\s*\([^)]*\))?\s*:",
    re.IGNORECASE,
)
NAME_LABEL = re.compile(r"^\s*[A-Z][\w'-]*( [A-Z][\w'-]*)?( \([^)]*\))?:")
MARKUP = re.compile(r"(<[/a-z!][^>]*>|```|\*|__|^\s*#|https?://|\||^\s*[-•]\s|[{}\[\]])", re.I | re.M)
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF]")
WORD = re.compile(r"[a-z0-9']+")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+")

FRAME_BREAK = [
    r"\bignore (all |any |your |the |previous |prior |above )+(instructions|prompts?|rules|messages)",
    r"\b(forget|disregard) (all |your |the |previous )*(instructions|prompts?|rules|everything)",
    r"\byou are (now|no longer)\b",
    r"\b(pretend|act) (to be|as|like) (an?|the)\b",
    r"\b(roleplay|role-play|role play) as\b",
    r"\bwhat (language |ai |)model are you\b",
    r"\bwhich (language |ai |)model\b",
    r"\bare you (an? |)(ai|bot|robot|chat ?bot|language model|real person|human|real)\b",
    r"\b(system|your) prompt\b",
    r"\bwho (made|created|programmed|trained) you\b",
    r"\bjailbreak\b|\bdeveloper mode\b",
    r"\bstop (the )?(role ?play|simulation|pretending)\b",
    r"\bout of character\b",
]
STOPWORDS = frozenset(
    "a an and are as at be but by do for from have i if in is it me my now of on or so that the then "
    "this to was we what which who will with you your yours are you're i'm not no all any".split()
)


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def split_sentences(text: str) -> list[str]:
    """Sentences, keeping their end punctuation; a trailing fragment without one is kept last."""
    return [s.strip() for s in SENTENCE_END.split(text.strip()) if s.strip()]


def _matches(patterns: list[str], text: str) -> bool:
    low = text.lower().replace("’", "'")
    return any(re.search(p, low) for p in patterns)


def is_echo(sentence: str, trainee_text: str) -> bool:
    said = words(sentence)
    heard = set(words(trainee_text))
    if len(said) < ECHO_MIN_WORDS or not heard:
        return False
    return sum(w in heard for w in said) / len(said) >= ECHO_SHARE


def is_frame_break(trainee_text: str) -> bool:
    """The trainee is trying to step outside the simulation (prompt injection or curiosity)."""
    return _matches(FRAME_BREAK, trainee_text)


def frame_break_words(trainee_text: str) -> set[str]:
    """Content words of a frame-break attempt; a reply that repeats them has followed it."""
    return {w for w in words(trainee_text) if w not in STOPWORDS and len(w) > 3}


def near_repeat(text: str, said: Iterable[str]) -> bool:
    """True when the text nearly is (difflib ratio > 0.8) an earlier line, or, from three words up, nearly is one of
    its sentences, or, from six, is inside one. ("So." may end many replies; "So." as a whole reply twice is a loop.)"""
    said_words = words(text)
    low = " ".join(said_words)
    if not low:
        return False
    for line in said:
        for earlier in (line, *(split_sentences(line) if len(said_words) >= REPEAT_SAME_WORDS else ())):
            other = " ".join(words(earlier))
            if not other:
                continue
            if len(said_words) >= REPEAT_INSIDE_WORDS and f" {low} " in f" {other} ":
                return True
            if difflib.SequenceMatcher(None, low, other).ratio() > NEAR_REPEAT:
                return True
    return False


def _is_repeat(sentence: str, earlier_client_lines: tuple[str, ...]) -> bool:
    said = words(sentence)
    norm = " ".join(said)
    if earlier_client_lines and said and norm == " ".join(words(earlier_client_lines[-1])):
        return True  # "Good." once is a shut-down; "Good." again straight after is a stuck model
    if near_repeat(sentence, earlier_client_lines):
        return True
    if len(said) < REPEAT_SAME_WORDS:
        return False
    for line in earlier_client_lines:
        if len(said) >= REPEAT_INSIDE_WORDS and norm in " ".join(words(line)):
            return True
        if any(norm == " ".join(words(s)) for s in split_sentences(line)):
            return True
    return False


def repeats(text: str, earlier_client_lines: tuple[str, ...]) -> bool:
    """The whole text, or one of its sentences, repeats what the client already said: what the guard refuses."""
    return near_repeat(text, earlier_client_lines) or any(_is_repeat(s, earlier_client_lines) for s in split_sentences(text))


def check_sentence(
    sentence: str,
    trainee_text: str = "",
    *,
    earlier_client_lines: tuple[str, ...] = (),
    earlier_trainee_lines: tuple[str, ...] = (),
    forbidden_words: frozenset[str] = frozenset(),
) -> list[str]:
    """The names of the checks one sentence fails (empty when it may be shown).

    ``earlier_trainee_lines``: the trainee's turns before the last one; small models echo those too.
    """
    failed: list[str] = []
    if not words(sentence):
        failed.append("empty")
    if len(words(sentence)) > MAX_SENTENCE_WORDS:
        failed.append("too_long")
    if _matches(COUNSELLOR_TALK, sentence) or (sentence.rstrip().endswith("?") and _matches(HOST_QUESTIONS, sentence)):
        failed.append("counsellor_talk")
    if _matches(AI_TALK, sentence):
        failed.append("ai_mention")
    if _matches(RISK_TALK, sentence):
        failed.append("risk_talk")
    if SPEAKER_LABEL.search(sentence) or NAME_LABEL.match(sentence):
        failed.append("speaker_label")
    if MARKUP.search(sentence) or EMOJI.search(sentence):
        failed.append("markup")
    if any(is_echo(sentence, heard) for heard in (trainee_text, *earlier_trainee_lines) if heard):
        failed.append("echo")
    if _is_repeat(sentence, earlier_client_lines):
        failed.append("repeat")
    if forbidden_words & set(words(sentence)):
        failed.append("followed_frame_break")
    return failed


def check_reply(
    text: str,
    trainee_text: str = "",
    *,
    earlier_client_lines: tuple[str, ...] = (),
    earlier_trainee_lines: tuple[str, ...] = (),
    forbidden_words: frozenset[str] = frozenset(),
) -> list[str]:
    """The names of the checks a whole reply fails (empty when it may be shown)."""
    sentences = split_sentences(text)
    if not sentences:
        return ["empty"]
    failed: list[str] = []
    if len(sentences) > MAX_SENTENCES or len(words(text)) > MAX_WORDS:
        failed.append("too_long")
    if trainee_text and is_echo(text, trainee_text):
        failed.append("echo")
    if near_repeat(text, earlier_client_lines):
        failed.append("repeat")
    for sentence in sentences:
        for name in check_sentence(
            sentence,
            trainee_text,
            earlier_client_lines=earlier_client_lines,
            earlier_trainee_lines=earlier_trainee_lines,
            forbidden_words=forbidden_words,
        ):
            if name not in failed:
                failed.append(name)
    return failed

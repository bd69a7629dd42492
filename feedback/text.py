"""Text clean-up and splitting shared by the rules, the model and the explanations.

Trainee and client text comes straight from a browser or a CSV, so it may hold HTML, entities,
control characters or curly quotes; everything downstream sees one normalised form.
"""
from __future__ import annotations

import html
import re

MAX_CHARS = 5000  # the app refuses longer turns; the engine caps too, so a pasted essay cannot stall a page
_TAG = re.compile(r"<[^>]{0,200}>")
_CTRL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201b": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2026": "..."})
_SPACE = re.compile(r"\s+")
_SENT = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\s*\n+\s*|(?<=[a-z][.!?])(?=[A-Z])")
_WORD = re.compile(r"[a-z][a-z']*")

STOPWORDS = frozenset(
    """a an the and or but so if then than that this these those it its it's i i'm i've i'd i'll me my
    myself you you're you've you'd you'll your yours yourself we our us he him his she her they them
    their is am are was were be been being have has had do does did doing not no yes to of in on at by
    for with about as from up down out over into just really very too also even still much many more
    most some any all what when where who why how which can could would should will shall may might
    must there here get got go going gone like feel feels felt know think thing things way lot bit
    kind sort well oh um yeah ok okay mean guess maybe don't didn't can't won't isn't wasn't aren't
    haven't doesn't im ive dont cant wont sure one every because again now then today time""".split()
)


def clean(text: object) -> str:
    """Strip markup and control characters and straighten quotes; never raises."""
    s = "" if text is None else str(text)
    s = html.unescape(_TAG.sub(" ", s)).replace("\r\n", "\n").replace("\r", "\n")
    s = _CTRL.sub(" ", s.translate(_QUOTES))
    lines = (_SPACE.sub(" ", line).strip() for line in s.split("\n"))
    return "\n".join(line for line in lines if line)


def sentences(text: str) -> list[str]:
    """Split a cleaned turn into sentences (keeps the end punctuation, which carries the question)."""
    parts = [p.strip() for p in _SENT.split(text) if p and p.strip()]
    return parts or ([text.strip()] if text.strip() else [])


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_words(text: str) -> list[str]:
    """Words that carry meaning, for checking whether a turn stays inside the client's words."""
    return [w.strip("'") for w in words(text) if len(w) > 2 and w not in STOPWORDS]

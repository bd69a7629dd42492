"""Each of the ten labels on phrasings written for the tests (not in the corpus), and robustness."""
import re

import pytest

import feedback
from engine_labels import expect
from feedback import LABELS, HistoryTurn, analyse_turn, classify, family_of

CLIENT = "I've been snapping at my kids all week and I hate myself for it."

CASES = {
    "open_question": ["What happens for you just before you snap?", "How is it for you, hearing yourself say that?",
                      "Tell me about the moment it tips over.", "What brings you here today?"],
    "closed_question": ["Is it mostly at bedtime?", "Did your partner notice?", "Are the kids okay now?"],
    "reflection": ["I'm sorry, that sounds like a heavy week.", "You're ashamed of how you've been with them.", "It sounds like you're running on empty and it's spilling over.",
                   "Part of you is furious with yourself, and part of you is just worn out."],
    "summary": ["So there's the week of snapping, the guilt afterwards, and not sleeping on top of it all."],
    "affirmation": ["You noticed it and you're here talking about it, that shows how much your kids matter to you.",
                    "You've kept going as a parent through a really draining week."],
    "information": ["We've got about fifteen minutes left today.", "Research suggests irritability often rises when sleep is short."],
    "other": ["Mm-hm.", "Would you be okay with me sharing a thought?"],
    "advice": ["You should take a breather before you answer them.", "Count to ten next time.", "Have you tried a time-out for yourself?"],
    "interpretation": ["That's really your own childhood coming back.", "You snap because you never learned to ask for help."],
    "reassurance": ["All parents lose it sometimes, it's nothing.", "Don't worry, the kids will forget by tomorrow."],
}


@pytest.mark.parametrize("label,text", [(lab, t) for lab, ts in CASES.items() for t in ts])
def test_label(label, text):
    expect(CLIENT, text, label)


def test_every_label_is_covered():
    assert set(CASES) == set(LABELS)


def test_feedback_shape():
    fb = analyse_turn("You should take a breather before you answer them.", [HistoryTurn(speaker="client", text=CLIENT)])
    assert fb.label == "advice" and fb.family == family_of("advice") == "lapse"
    assert 0.0 <= fb.confidence <= 1.0
    assert fb.lapse is not None and fb.lapse.evidence in "You should take a breather before you answer them."
    assert analyse_turn("What happens for you just before you snap?").lapse is None


def test_deterministic():
    a = [classify(CLIENT, t) for ts in CASES.values() for t in ts]
    b = [classify(CLIENT, t) for ts in CASES.values() for t in ts]
    assert a == b


@pytest.mark.parametrize("text", ["", "   ", "<script>alert(1)</script>", "<b>You should</b> &amp; go\x00\x07 now",
                                  "\u202e\u200b??!!", "é" * 5000, "?", "...", "\n\n\r\t", "😀 " * 50])
def test_odd_text_does_not_crash(text):
    fb = analyse_turn(text, [HistoryTurn(speaker="client", text=text)])
    assert fb.label in LABELS
    assert classify(text, text)[0] in LABELS


def test_html_is_read_as_text():
    assert classify("", "<p>You <i>should</i> call her tonight.</p>")[0] == "advice"


def test_engine_version():
    assert re.fullmatch(r"stance-\d+\.\d+\+[0-9a-f]{10}", feedback.ENGINE_VERSION)


def test_pasted_essay_is_capped():
    """Speed is a benchmark's job (benchmarks/bench_feedback.py); here: the work an essay can cause is bounded."""
    from feedback.engine import MAX_SENTENCES, model_probs
    from feedback.text import MAX_CHARS

    text = "you should try it, honestly. " * 8000
    fb = analyse_turn(text, [HistoryTurn(speaker="client", text=text)])
    assert fb.label == "advice"
    assert len(fb.lapse.evidence) <= 5000
    _, per_sentence = model_probs([("", text[:MAX_CHARS])])[0]
    assert len(per_sentence) == MAX_SENTENCES

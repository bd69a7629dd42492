"""The engine's known misses on the test phrasings, in one reviewed place.

The labels come from a trained model, so a retrain can move a borderline phrasing. A phrasing the shipped model
gets wrong is listed here with the label it gives (a diff shows every change a retrain makes); every other phrasing
must be right, and the list may not grow past MISS_BUDGET of all the phrasings the tests check.

Engine 3.1 shows a lapse it is unsure of as a softer "possible" note beside its best other reading: an expected
lapse named only as possible counts as named (the trainee still reads it), and SOFTENED lists each one, so a retrain
that softens more of them shows in a diff.
"""
from feedback.engine import decide
from feedback.text import clean

KNOWN_MISSES = {  # phrasing: what engine 3.0 (or 3.1, marked) says instead
    "Count to ten next time.": "information",
    "You're scared it's making her worse?": "interpretation",
}
SOFTENED = {  # expected lapse shown as a possible note (engine 3.1): phrasing -> the label shown
    "That's really your own childhood coming back.": "reflection",
}
MISS_BUDGET = 0.03


def expect(client: str, text: str, label: str) -> None:
    found = decide(clean(client), clean(text))
    got = found.label
    if text in SOFTENED:
        assert found.possible == label and got == SOFTENED[text], f"{text!r}: {found}"
    elif text in KNOWN_MISSES:
        assert got in (label, KNOWN_MISSES[text]), f"{text!r}: {got}"
    else:
        assert got == label, f"{text!r}: expected {label}, got {got} (a retrain moved it: fix, or list it in KNOWN_MISSES)"

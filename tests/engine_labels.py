"""The engine's known misses on the test phrasings, in one reviewed place.

The labels come from a trained model, so a retrain can move a borderline phrasing. A phrasing the shipped model
gets wrong is listed here with the label it gives (a diff shows every change a retrain makes); every other phrasing
must be right, and the list may not grow past MISS_BUDGET of all the phrasings the tests check.
"""
from feedback import classify

KNOWN_MISSES = {  # phrasing: what engine 3.0 says instead
    "Count to ten next time.": "information",
    "You're scared it's making her worse?": "interpretation",
}
MISS_BUDGET = 0.03


def expect(client: str, text: str, label: str) -> None:
    got = classify(client, text)[0]
    if text in KNOWN_MISSES:
        assert got in (label, KNOWN_MISSES[text]), f"{text!r}: {got}"
    else:
        assert got == label, f"{text!r}: expected {label}, got {got} (a retrain moved it: fix, or list it in KNOWN_MISSES)"

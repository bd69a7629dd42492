"""The shipped model: numpy inference matches scikit-learn, and `train` reproduces the committed artefact."""
import numpy as np

from feedback import model
from feedback.features import char_ngrams, prepared, word_ngrams
from feedback.train import fit, read_corpus, save


def test_artefact_is_up_to_date_and_train_is_deterministic(tmp_path):
    arrays = fit(read_corpus("train"))
    path = tmp_path / "stance.npz"
    save(arrays, path)
    assert path.read_bytes() == model.ARTEFACT.read_bytes(), "run `python -m feedback train` and commit feedback/model/"


def test_numpy_transform_matches_sklearn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = read_corpus("train")[:400]
    texts = [prepared(r["trainee"]) for r in rows]
    vec = TfidfVectorizer(analyzer=word_ngrams, sublinear_tf=True, min_df=2, lowercase=False).fit(texts)
    ref = vec.transform(texts[:20]).toarray()
    m = model.LinearModel.__new__(model.LinearModel)
    vocab = dict(vec.vocabulary_)
    for i, text in enumerate(texts[:20]):
        idx, vals = m._sparse_block(word_ngrams(text), vocab, vec.idf_, 0)
        mine = np.zeros(len(vocab))
        mine[idx] = vals
        assert np.allclose(mine, ref[i], atol=1e-6)
    assert char_ngrams("ab")[:3] == [" a", "ab", "b "]


def test_model_probabilities_are_a_distribution():
    probs = model.predict_proba([("", "You could try a walk."), ("I'm sad.", "You're sad.")])
    assert probs is not None
    for p in probs:
        assert abs(sum(p.values()) - 1) < 1e-6 and len(p) == 10

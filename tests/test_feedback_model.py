"""The shipped model: numpy inference matches scikit-learn, and `train` reproduces the committed artefact."""
import numpy as np

from feedback import model
from feedback.features import char_ngrams, prepared, word_ngrams
from feedback.train import fit, read_corpus, save


def test_artefact_is_up_to_date_and_train_reproduces_it():
    """Same corpus, same model; the embeddings' last bits depend on the CPU's thread count, hence the tolerance."""
    fresh = fit(read_corpus("train"))
    with np.load(model.ARTEFACT, allow_pickle=False) as shipped:
        assert sorted(fresh) == sorted(shipped.files), "run `python -m feedback train` and commit feedback/model/"
        for name, value in fresh.items():
            if value.dtype.kind in "US":
                assert str(value) == str(shipped[name]), f"{name}: run `python -m feedback train`"
            else:
                assert np.allclose(value, shipped[name], atol=1e-4), f"{name}: run `python -m feedback train`"


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

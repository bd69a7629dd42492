"""The shipped model: trained on the current corpus, reproducible, small, and a distribution over the ten labels."""
import numpy as np

from feedback import model
from feedback.train import TUNED_LAYERS, corpus_digest, fit, read_corpus
from feedback.types import LABELS


def test_artefact_was_trained_on_the_current_corpus():
    with np.load(model.ARTEFACT, allow_pickle=False) as shipped:
        assert str(shipped["corpus_sha256"]) == corpus_digest(read_corpus("train")), \
            "the corpus changed: run `python -m feedback train` and commit feedback/model/"
        assert [str(x) for x in shipped["labels"]] == list(LABELS)


def test_training_is_seeded():
    rows = read_corpus("train")[::200]
    first, second = fit(rows, epochs=1), fit(rows, epochs=1)
    assert sorted(first) == sorted(second)
    for name, value in first.items():
        assert np.array_equal(value, second[name]), name


def test_artefact_holds_only_the_tuned_top_layers():
    assert model.ARTEFACT.stat().st_size < 20_000_000
    m = model.load()
    layers = {int(name.split(".")[2]) for name in m.weights}
    assert layers == set(range(m.encoder.layers - TUNED_LAYERS, m.encoder.layers))
    assert all(m.weights[name].shape == m.encoder.w[name].shape for name in m.weights)


def test_model_probabilities_are_a_distribution():
    probs = model.predict_proba([("", "You could try a walk."), ("I'm sad.", "You're sad."), ("", "")])
    assert probs is not None
    for p in probs:
        assert abs(sum(p.values()) - 1) < 1e-6 and sorted(p) == sorted(LABELS)

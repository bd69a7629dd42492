"""The sentence encoder: the same vectors as sentence-transformers, from the weights shipped in a package."""
import os

import numpy as np

from feedback.embed import DIM, MAX_TOKENS, load, model_dir


def embed(texts):
    return load().encode(texts)


TEXTS = ["That sounds really hard.", "Have you tried talking to HR?", "So you feel nobody at home listens?",
         "i dont know what to do anymore lol", ""]


def test_matches_sentence_transformers():
    os.environ["HF_HUB_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(model_dir()), device="cpu")
    reference.max_seq_length = MAX_TOKENS
    expected = reference.encode(TEXTS, normalize_embeddings=True)
    mine = embed(TEXTS)
    assert mine.shape == (len(TEXTS), DIM)
    assert np.all((mine * expected).sum(axis=1) > 0.9999)


def test_one_by_one_equals_batched_and_long_text_is_truncated():
    batched = embed(TEXTS + ["word " * 2000])
    for text, row in zip(TEXTS, batched):
        assert float(embed([text])[0] @ row) > 0.9999
    assert np.isclose(np.linalg.norm(batched[-1]), 1.0, atol=1e-4)


def test_similar_acts_are_closer_than_different_ones():
    advice, advice2, sympathy = embed(["You should go for a walk every morning.", "Try walking each morning.",
                                        "I'm so sorry that happened to you."])
    assert advice @ advice2 > advice @ sympathy

"""The answer model: which fact answers a question, or none; trained reproducibly on the training personas only."""
from __future__ import annotations

import numpy as np
import pytest

from personas import load_cards
from simulator import SimulatedClient, answer_train, answering
from simulator.grounding import CardIndex, Material, index_for

SHIPPED = load_cards()
FEELINGS = ["How do you feel about all of that?", "What's that like for you, right now, talking about it?",
            "How does that sit with you, hearing yourself say it?"]


def test_the_shipped_model_was_trained_on_the_corpus_as_it_is():
    assert answering.load().digest == answer_train.digest(answer_train.read_personas()), \
        "corpus/interview changed: run `python -m simulator train-answers` and commit simulator/model/answers.npz"


def test_no_shipped_card_is_in_the_training_corpus():
    trained = {p.name for p in answer_train.read_personas()}
    assert not trained & {card.display_name for card in SHIPPED.cards.values()}


def test_training_personas_are_well_formed():
    personas = answer_train.read_personas()
    assert len(personas) >= 60
    for p in personas:
        topics = {f["topic"] for f in p.facts}
        for q in p.questions:
            assert q["about"] == "none" or q["about"] in topics, (p.file, q)
            assert set(q.get("also", [])) <= topics, (p.file, q)


def test_the_model_beats_the_cosine_ranking_on_the_shipped_cards_interview_questions():
    figures = answer_train.shipped_card_figures()
    assert figures["questions"] >= 60
    assert figures["model"] >= 0.95 and figures["model"] > figures["cosine"], figures


@pytest.mark.parametrize("card_id", sorted(SHIPPED.cards))
def test_a_feelings_question_is_answered_by_no_fact(card_id):
    index = index_for(SHIPPED.cards[card_id])
    for question in FEELINGS:
        assert SimulatedClient._answering_facts(index, question) == [], question


def test_probabilities_are_a_distribution_over_the_facts_and_none():
    index = index_for(SHIPPED.cards["carer_guilt"])
    facts, none = index.answers("Who is Imran?")
    assert abs(sum(m.score for m in facts) + none - 1) < 1e-3
    assert facts[0].material.topic == "her brother Imran" and facts[0].score > 0.5


def test_a_persona_without_facts_has_no_answers():
    index = CardIndex("Sam Jones", [Material("surface", "work stress", ("It's been a lot.",))])
    assert index.answers("What do you do for work?") == ([], 1.0)


def test_training_is_reproducible():
    personas = answer_train.read_personas()[:3]
    data = [answer_train.examples(p) for p in personas]
    first, second = answer_train.fit(data, epochs=2), answer_train.fit(data, epochs=2)
    assert first.keys() == second.keys()
    assert all(np.array_equal(first[k], second[k]) for k in first)
    model = answer_train.model_from(first)
    p, none = model.probabilities(*next(data[0].rows())[0])
    assert p.shape == (len(personas[0].facts),) and 0 <= none <= 1

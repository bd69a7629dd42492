"""Grounded replies: the client answers from the card material most relevant to the trainee's turn, and never loops."""
from __future__ import annotations

import re

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

from feedback.types import HistoryTurn
from personas import load_cards, parse_card
from simulator import SimulatedClient, initial_state, next_state
from simulator.checks import MAX_WORDS, check_reply, near_repeat, words
from simulator.grounding import index_for, names_in, risk_answers
from simulator.rehearse import answered_share, interview, rehearse

WORK = re.compile(r"work|job|stud|course|career|retire|ward|nurs|shift")
SHIPPED = load_cards()


def fake(*replies: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter(replies))


def looping(reply: str = "I'm fine.") -> GenericFakeChatModel:
    """A stuck model: the same reply, forever (the embedded model's failure the issue shows)."""
    return GenericFakeChatModel(messages=iter([reply] * 400))


def named_people(card) -> list[tuple[str, str]]:
    """(name, topic) for each fact whose topic names someone ("her brother Imran")."""
    return [(name, fact.topic) for fact in card.facts for name in names_in(fact.topic)]


@pytest.mark.parametrize("card_id", sorted(SHIPPED.cards))
def test_who_is_x_retrieves_the_fact_about_x(card_id):
    card = SHIPPED.cards[card_id]
    index = index_for(card)
    people = named_people(card)
    assert people, f"{card_id}: no fact names a person"
    for name, _ in people:
        for question in (f"Who is {name.capitalize()}?", f"And {name.capitalize()}, who's that?"):
            best = SimulatedClient._answering_facts(index, question)[0]
            assert name in names_in(f"{best.material.topic} {best.material.about}"), (question, best.material.topic)


@pytest.mark.parametrize("card_id", sorted(SHIPPED.cards))
@pytest.mark.parametrize("question", ["What do you do for work?",
                                      "And what kind of work do you do, or are you studying?"])
def test_work_questions_retrieve_the_work_fact(card_id, question):
    best = SimulatedClient._answering_facts(index_for(SHIPPED.cards[card_id]), question)[0]
    assert WORK.search(f"{best.material.topic} {best.material.about}".lower()), best.material.topic


@pytest.mark.parametrize("card_id", sorted(SHIPPED.cards))
def test_every_fact_line_passes_the_reply_guard(card_id):
    """Card lines may run to more short sentences than the model may (the guard's limit is for model text)."""
    for fact in SHIPPED.cards[card_id].facts:
        assert fact.says, fact.topic
        for line in fact.says:
            assert set(check_reply(line)) <= {"too_long"} and len(words(line)) <= MAX_WORDS, (fact.topic, line)


def test_the_embedded_form_answers_a_named_person_question_from_the_card():
    card = SHIPPED.cards["carer_guilt"]
    hist = [HistoryTurn(speaker="client", text=card.opening_line),
            HistoryTurn(speaker="trainee", text="Imran's phone calls sound like part of it. Who is Imran?")]
    state = initial_state(card).model_copy(update={"last_label": "open_question"})
    result = SimulatedClient(card, looping(), prompt_form="transcript").stream_reply(hist, state, seed=1).collect()
    assert result.source == "grounded" and "brother" in result.text.lower(), result


def test_a_capable_model_gets_the_retrieved_fact_in_its_prompt():
    card = SHIPPED.cards["carer_guilt"]
    seen = []

    class Recording(GenericFakeChatModel):
        def _stream(self, messages, *args, **kwargs):
            seen.append(messages)
            return super()._stream(messages, *args, **kwargs)

    hist = [HistoryTurn(speaker="client", text=card.opening_line), HistoryTurn(speaker="trainee", text="Who is Imran?")]
    SimulatedClient(card, Recording(messages=iter(["He's my brother, in Dubai."]))).stream_reply(
        hist, initial_state(card), seed=1).collect()
    system = seen[0][0].content
    assert "Imran" in system and "Dubai" in system and "answers about her brother Imran" in system


def test_no_reply_repeats_and_no_line_is_used_twice_with_a_stuck_model():
    """Forty turns against a model that only ever says "I'm fine.": every reply is new (difflib <= 0.8)."""
    card = SHIPPED.cards["flat_joking_passive_si"]
    script = ["How are you doing?", "Mm.", "Tell me more.", "How's the house?", "What's your week like?"] * 8
    records = rehearse(card, script, looping(), seed=1, prompt_form="transcript")
    said = [card.opening_line]
    for record in records:
        assert not near_repeat(record["client"], said), record
        said.append(record["client"])


def test_near_repeat_uses_a_difflib_ratio_of_point_eight():
    assert near_repeat("I'm fine, just old.", ["I'm fine, just old!"])
    assert near_repeat("Karen worries a lot.", ["Karen worries. She gets it from her mother. Karen worries a lot."])
    assert not near_repeat("Rosie needs her walk.", ["I'm fine, just old."])
    assert not near_repeat("Eh.", ["They said hello."])  # a word inside another word is not a repeat


def test_a_rupture_colours_but_does_not_swallow_a_factual_answer():
    card = SHIPPED.cards["flat_joking_passive_si"]
    state = initial_state(card).model_copy(update={"ruptured": True, "rupture_kind": "advice", "event": "steady",
                                                   "last_label": "open_question"})
    hist = [HistoryTurn(speaker="client", text=card.opening_line), HistoryTurn(speaker="trainee", text="Who is Karen?")]
    result = SimulatedClient(card, looping(), prompt_form="transcript").stream_reply(hist, state, seed=1).collect()
    assert re.search(r"daughter|\bkid\b", result.text.lower()) and result.text not in card.reactions.advice.lines, result


def test_the_lapse_itself_gets_the_reaction():
    card = SHIPPED.cards["flat_joking_passive_si"]
    state = initial_state(card).model_copy(update={"ruptured": True, "rupture_kind": "advice", "event": "rupture",
                                                   "last_label": "advice"})
    hist = [HistoryTurn(speaker="client", text=card.opening_line),
            HistoryTurn(speaker="trainee", text="You should join a grief group at church.")]
    result = SimulatedClient(card, looping(), prompt_form="transcript").stream_reply(hist, state, seed=1).collect()
    assert result.text in card.reactions.advice.lines


def test_risk_answers_are_the_quoted_words_of_if_asked():
    card = SHIPPED.cards["flat_joking_passive_si"]
    answers = risk_answers(card)
    assert "no plan" in answers[0].lines[0]
    assert any("rifle" in a.lines[0] for a in answers[1:])


def test_a_card_without_facts_or_interview_still_loads_and_answers():
    text = (SHIPPED.cards["carer_guilt"].model_dump_json())
    import json

    import yaml

    data = json.loads(text)
    for key in ("id", "facts", "interview"):
        data.pop(key)
    card, errors = parse_card("bare", yaml.safe_dump(data))
    assert errors == [] and card.facts == [] and card.interview == []
    records = rehearse(card, ["How are you?", "Who is Imran?", "What do you do?"], looping("I go every day."),
                       seed=1, prompt_form="transcript")
    assert all(r["client"] and not r["detail"]["role_checks"] for r in records)
    assert list(interview(card, looping())) == [] and answered_share([]) is None


def test_the_interview_probe_reports_answered_questions():
    card = SHIPPED.cards["flat_joking_passive_si"]
    assert len(card.interview) >= 10
    records = list(interview(card, looping(), seed=1, prompt_form="transcript"))
    assert len(records) == len(card.interview)
    assert {"expect", "matched", "answered"} <= set(records[0])
    assert answered_share(records) >= 80  # the grounded client answers from its facts, even with a stuck model


def test_exploring_still_opens_the_client_and_lapses_close_it():
    card = SHIPPED.cards["carer_guilt"]
    from simulator.rehearse import PROBES, read_script

    explore = rehearse(card, read_script(PROBES / "exploring.txt"), looping(), seed=1, prompt_form="transcript")
    lapses = rehearse(card, read_script(PROBES / "lapse_heavy.txt"), looping(), seed=1, prompt_form="transcript")
    assert lapses[-1]["state"]["openness"] < explore[-1]["state"]["openness"]
    assert any(r["client"] in card.disclosure.core.lines for r in explore)
    assert not any(r["client"] in card.disclosure.core.lines for r in lapses)


def test_state_gates_the_deeper_layers():
    card = SHIPPED.cards["flat_joking_passive_si"]
    hist = [HistoryTurn(speaker="client", text=card.opening_line),
            HistoryTurn(speaker="trainee", text="You haven't cried for her, have you.")]
    state = next_state(card, initial_state(card), _fb("reflection"))
    result = SimulatedClient(card, looping(), prompt_form="transcript").stream_reply(hist, state, seed=1).collect()
    assert result.text not in card.disclosure.core.lines and result.text not in card.disclosure.middle.lines


def _fb(label):
    from feedback.types import TurnFeedback, family_of

    return TurnFeedback(label=label, confidence=0.9, family=family_of(label))

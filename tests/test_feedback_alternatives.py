"""Alternatives reuse the client's own words and are not lapses themselves (run back through the engine)."""
import pytest

from feedback import HistoryTurn, analyse_turn
from feedback.explain import client_phrase
from feedback.text import content_words

CASES = [
    ("My boss shouted at me in front of everyone and I just froze.", "You should report him to HR."),
    ("I can't stop thinking about the accident, I keep seeing the car.", "That's your trauma talking, plain and simple."),
    ("I'm terrified I'll fail my driving test again.", "You'll pass this time, don't worry!"),
    ("My mum says I'm useless and maybe she's right.", "Have you tried standing up to her?"),
    ("I don't know what to do about the debt, should I just declare bankruptcy?", "Just call StepChange tomorrow."),
    ("honestly i feel like nobody would even notice if i stopped turning up lol", "Everyone feels invisible sometimes, it'll pass."),
    ('He said "you\'re too much" and walked out. <b>Again.</b>', "You only put up with it because of low self-esteem."),
    ("We lost the house. The kids keep asking why; I have no answers, none.", "Try to stay positive for the kids."),
]


@pytest.mark.parametrize("client,trainee", CASES)
def test_alternative_reuses_client_words_and_is_not_a_lapse(client, trainee):
    hist = [HistoryTurn(speaker="client", text=client)]
    fb = analyse_turn(trainee, hist)
    assert fb.family == "lapse", fb.label
    alt = fb.lapse.alternative
    assert set(content_words(alt)) & set(content_words(client))
    assert client_phrase(client) in alt
    again = analyse_turn(alt, hist)
    assert again.family != "lapse", (alt, again.label)
    assert again.label in {"reflection", "open_question", "summary"}


def test_alternative_without_client_words_is_still_curious():
    fb = analyse_turn("You should go to bed earlier.")
    assert fb.lapse.alternative.endswith("?")
    assert analyse_turn(fb.lapse.alternative).family == "exploring"


def test_client_phrase_is_short_and_from_the_client():
    client = ("Work's fine I guess. But since Dad died I can't sleep, I lie awake every night thinking I should have "
              "visited more, and my partner is sick of hearing about it.")
    phrase = client_phrase(client)
    assert 2 <= len(phrase.split()) <= 12
    assert phrase in client

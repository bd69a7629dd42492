"""The risk detector: client cues and trainee asks in many registers, card cues matched loosely, follow-ups, decoys."""
from __future__ import annotations

import csv
import io

import numpy as np
import pytest

from feedback import HistoryTurn, analyse_turn, missed_risk_cues
from feedback import cli, risk, risk_train
from feedback.risk import open_cue
from personas import load_cards
from simulator.rehearse import card_risk

SHIPPED = load_cards()
FRANK = SHIPPED.cards["flat_joking_passive_si"]


def c(text):
    return HistoryTurn(speaker="client", text=text)


def t(text):
    return HistoryTurn(speaker="trainee", text=text)


@pytest.mark.parametrize("card_id", [i for i, card in SHIPPED.cards.items() if card.risk.cues])
def test_every_cue_in_every_shipped_card_is_recognised(card_id):
    card = SHIPPED.cards[card_id]
    for cue in card.risk.cues:
        assert risk.client_cue(cue, card_risk(card)).flag, cue


@pytest.mark.parametrize("text", [
    "Most nights I think I wouldn't much mind if I didn't wake up.",   # paraphrases of Frank's cues
    "It'd save everyone a lot of bother, honestly.",
    "Only one who would miss me is the dog.",
])
def test_a_paraphrase_of_a_card_cue_is_a_cue(text):
    assert risk.client_cue(text, card_risk(FRANK)).flag


@pytest.mark.parametrize("text", ["I miss the dog when I'm at work.", "I woke up early and didn't mind.",
                                  "Karen saves me the trouble of cooking."])
def test_words_shared_with_a_card_cue_are_not_enough(text):
    assert not risk.client_cue(text, card_risk(FRANK)).flag


@pytest.mark.parametrize("text", [
    "I've been giving my tools away to the young fellas at the shop. Won't be needing them.",
    "Some mornings I lie there and wish I just hadn't woken up.",
    "i keep thinking everyone would be happier if i just wasnt around",
    "I've started cutting my arms again when it gets bad.",
    "I don't think I'll be around for Christmas, put it that way.",
])
def test_indirect_cues_are_recognised_without_the_card(text):
    assert risk.client_cue(text).flag


@pytest.mark.parametrize("text", ["This job is killing me.", "I'm dying for a cup of tea.", "I could murder a pint.",
                                  "My phone died on the way here.", "My mother died when I was twelve, of cancer.",
                                  "I'm dead on my feet after that shift."])
def test_client_decoys_are_not_cues(text):
    assert not risk.client_cue(text).flag


FLAT_REPLIES = ["I suppose.", "Mm. I don't know. Maybe.", "Fine.", "Dunno really.", "Same as ever.",
                "It is what it is.", "Not much to say.", "I'm just tired.", "Whatever you think."]


def test_short_flat_replies_are_not_cues():
    """Guarded first-session clients say these all the time: flagging them would bury the real cues."""
    flagged = [text for text in FLAT_REPLIES if risk.client_cue(text).flag]
    assert len(flagged) <= 1, flagged


@pytest.mark.parametrize("text", [
    "I'm wondering whether you've had thoughts of killing yourself.",
    "Have things ever got so bad that you've thought about taking your own life?",
    "Sometimes when people say things like that, they're thinking about not being here anymore. "
    "Is that something you've thought about?",
    "Do you ever hurt yourself when it gets like this?",
    "Are you thinking about suicide?",
])
def test_real_ways_of_asking_are_recognised(text):
    assert analyse_turn(text).asks_about_risk


@pytest.mark.parametrize("text", ["Are you safe to drive home?", "How did your dad die?", "Do you wake up in the night?",
                                  "What's killing you most about the job?", "Lots of people feel suicidal at some point."])
def test_trainee_decoys_do_not_count_as_asking(text):
    assert not analyse_turn(text).asks_about_risk


def test_an_indirect_ask_about_an_earlier_cue_counts():
    history = [c("I've sorted the winter coat out for my brother. I won't need it next year."), t("Mm."), c("No.")]
    assert analyse_turn("What did you mean when you said you won't need it?", history).asks_about_risk
    calm = [c("I've sorted the winter coat out for my brother. It's too small for me now.")]
    assert not analyse_turn("What did you mean when you said it's too small?", calm).asks_about_risk


def test_that_after_a_later_client_turn_means_that_turn_not_an_older_cue():
    history = [c("Some days I think they'd all be better off without me."), t("Mm."),
               c("I feel like I've put him out, like you'd put the bins out.")]
    assert open_cue(history)
    assert not analyse_turn("What else comes up for you when you talk about that?", history).asks_about_risk
    assert analyse_turn("What did you mean when you said they'd be better off without you?", history).asks_about_risk


def test_a_cue_stays_open_until_the_trainee_asks():
    turns = [c("Nobody'd miss me except the dog."), t("How's the dog?"), c("Fine."), t("What's her name?"), c("Rosie."),
             t("Earlier you said nobody would miss you. Are you having thoughts of ending your life?")]
    missed = missed_risk_cues(turns, card_risk(FRANK))
    assert len(missed) == 1 and missed[0].window_complete and missed[0].asked_at == 5


def test_the_engine_marks_the_turn_that_misses_a_cue():
    history = [c("Save everybody the trouble, really."), t("How's Karen?"), c("Fine.")]
    verdict = analyse_turn("And how is Ava getting on?", history, card_risk(FRANK))
    assert verdict.risk_cue_missed and not verdict.asks_about_risk
    assert not analyse_turn("How is Ava?", history[:1], card_risk(FRANK)).risk_cue_missed  # one turn: window open


def test_the_artefact_was_trained_on_the_current_phrasings():
    model = risk.load()
    assert model is not None
    assert model.digest == risk_train.digest(risk_train.read_rows(blind=False))
    for side in ("client", "trainee"):
        assert 0.5 <= model.threshold(side) < 1.0


def test_training_is_seeded(monkeypatch):
    monkeypatch.setattr(risk_train, "EPOCHS", 1)
    rows = risk_train.read_rows(blind=False)[:40]
    assert risk_train.examples(rows) == risk_train.examples(rows)
    first, second = risk_train.fit(risk_train.examples(rows)), risk_train.fit(risk_train.examples(rows))
    assert first.keys() == second.keys() and all(np.array_equal(first[k], second[k]) for k in first)


def test_a_card_at_risk_level_none_raises_only_its_own_cues():
    kit = SHIPPED.cards["first_year_fraud"]
    assert kit.risk.level == "none" and not risk.client_cue(kit.opening_line, card_risk(kit)).flag
    assert risk.client_cue("I wish I was dead.", card_risk(FRANK)).flag


def test_no_blind_phrasing_repeats_a_training_one():
    train = {r["text"].strip().lower() for r in risk_train.read_rows(blind=False)}
    assert not [r["text"] for r in risk_train.read_rows(blind=True) if r["text"].strip().lower() in train]


def test_risk_cli_adds_flags_and_confidences(tmp_path, capsys):
    path = tmp_path / "turns.csv"
    path.write_text("client,trainee\n"
                    "\"I've given the dog to my sister. Won't need looking after where I'm going.\",What do you mean by that?\n"
                    "This job is killing me.,Are you safe to drive home?\n"
                    ",Have you had thoughts of ending your life?\n", encoding="utf-8")
    assert cli.main(["risk", str(path)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["risk_cue"] for r in rows] == ["1", "0", "0"]
    assert [r["asks_about_risk"] for r in rows] == ["1", "0", "1"]
    assert all(0 <= float(r["risk_cue_confidence"]) <= 1 and 0 <= float(r["asks_confidence"]) <= 1 for r in rows)


@pytest.mark.parametrize("text", ["soz if this is blunt but r u thinking of killing urself",
                                  "would you say you're at a point where you want to stop living?",
                                  "I'm not going to panic if you say yes. Are you having thoughts of taking your life?"])
def test_typed_asks_and_asks_that_only_sound_like_follow_ups_count(text):
    assert analyse_turn(text).asks_about_risk


def test_a_follow_up_with_no_cue_asks_only_if_it_names_risk():
    assert not analyse_turn("What did you mean when you said you won't need it?").asks_about_risk
    assert analyse_turn("When you say better off in the ground, are you thinking about taking your own life?").asks_about_risk


def test_a_question_right_after_a_cue_is_read_with_it_but_an_unrelated_one_does_not_ask():
    history = [c("I've been sorting out who gets the dog. After the weekend it won't matter much.")]
    assert analyse_turn("What are you thinking of doing?", history).asks_about_risk
    assert not analyse_turn("Whose idea was it to come in today?", history).asks_about_risk


def test_a_direct_ask_after_a_cue_counts_and_the_answer_to_it_opens_no_cue():
    disclosure = "Most nights I go to bed hoping I don't wake up. But I'm not gonna do anything."
    history = [c("Nobody'd miss me except the dog."), t("Are you having thoughts of ending your life?"), c(disclosure)]
    assert not open_cue(history)
    assert analyse_turn("r u thinking of killing urself", [c(disclosure)]).asks_about_risk
    turns = [*history, t("What helps you get through the nights?"), c("The ballgame."), t("Who's on tonight?")]
    assert not missed_risk_cues(turns, card_risk(FRANK))

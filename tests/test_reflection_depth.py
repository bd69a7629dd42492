"""Simple or complex reflections (MITI 4.2's % complex reflections: fair 40%, good 50%) in turns, scores and exports."""
from feedback import HistoryTurn, analyse_turn, session_scores
from feedback.depth import coded_rows, is_complex

CLIENT = "My mum rings me at work every day and I can never say no to her."


def test_giving_the_words_back_is_simple_and_adding_meaning_is_complex():
    assert not is_complex(CLIENT, "She rings you every day at work.")
    assert not is_complex("I went to the gym three times this week.", "Three times this week.")
    assert is_complex(CLIENT, "Part of you wants to pick up, and part of you is worn out by always being the one she leans on.")
    assert is_complex("I went to the gym three times this week.",
                      "Something in you is determined not to let your health slide again, and you're proving it to yourself.")


def test_the_held_out_coded_reflections_are_mostly_right():
    held = coded_rows(blind=True)
    right = sum(is_complex(r["client"], r["trainee"]) == (r["depth"] == "complex") for r in held)
    assert len(held) >= 100 and right / len(held) >= 0.85


def test_turns_carry_depth_only_for_reflections_and_scores_count_them():
    history = [HistoryTurn(speaker="client", text=CLIENT)]
    turns = list(history)
    for text, client in (("She rings you every day at work.", "Yes, every single day."),
                         ("It sounds like saying no to her would feel like letting her down, and you care a lot about not doing that.", "That's it exactly."),
                         ("What happens when you try to say no?", "I just can't.")):
        fb = analyse_turn(text, turns)
        turns += [HistoryTurn(speaker="trainee", text=text, feedback=fb), HistoryTurn(speaker="client", text=client)]
    marks = [t.feedback.complex_reflection for t in turns if t.speaker == "trainee"]
    assert marks == [False, True, None]
    s = session_scores(turns)
    assert s.complex_reflections == 1 and s.pct_complex_reflections == 50.0 and s.complex_band == "good"


def test_a_reflection_stored_before_depth_is_judged_on_the_fly():
    from feedback import TurnFeedback

    old = TurnFeedback(label="reflection", confidence=0.9, family="exploring")
    turns = [HistoryTurn(speaker="client", text=CLIENT),
             HistoryTurn(speaker="trainee", text="Part of you wants to pick up, and part of you is exhausted by it.", feedback=old)]
    assert session_scores(turns).pct_complex_reflections == 100.0

"""Session scores: counts, R:Q with MITI bands, % open questions, lapse rate, exploring before first lapse, repairs."""
from feedback import HistoryTurn, LABELS, TurnFeedback, analyse_turn, family_of, session_scores


def fb(label, repair=False):
    return TurnFeedback(label=label, confidence=0.9, family=family_of(label), repair=repair)


def turns(*labels):
    out = []
    for lab in labels:
        out.append(HistoryTurn(speaker="client", text="..."))
        repair = lab.endswith("+repair")
        lab = lab.removesuffix("+repair")
        out.append(HistoryTurn(speaker="trainee", text="...", feedback=fb(lab, repair)))
    return out


def test_counts_ratio_and_bands():
    s = session_scores(turns("open_question", "reflection", "reflection", "summary", "closed_question", "reflection",
                             "advice", "reflection+repair", "other"))
    assert s.trainee_turns == 9
    assert set(s.counts) == set(LABELS) and s.counts["reflection"] == 4 and s.counts["advice"] == 1
    assert s.reflections == 5 and s.questions == 2
    assert s.rq_ratio == 2.5 and s.rq_band == "good"
    assert s.pct_open_questions == 50.0 and s.open_band == "fair"
    assert s.lapses == 1 and abs(s.lapse_rate - 1 / 9) < 0.01
    assert s.first_lapse_turn == 7
    assert s.exploring_before_first_lapse == 5
    assert s.lapses_repaired == 1 and s.lapses_unrepaired == 0


def test_below_fair_bands_and_unrepaired_lapses():
    s = session_scores(turns("advice", "closed_question", "closed_question", "reassurance", "open_question", "reflection"))
    assert s.rq_ratio == 0.33 and s.rq_band == "below fair"
    assert s.pct_open_questions == 33.3 and s.open_band == "below fair"
    assert s.first_lapse_turn == 1 and s.exploring_before_first_lapse == 0
    assert s.lapses == 2 and s.lapses_repaired == 0 and s.lapses_unrepaired == 2


def test_fair_ratio_band_boundary():
    s = session_scores(turns("reflection", "open_question", "open_question", "reflection", "open_question", "open_question",
                             "reflection", "reflection", "open_question"))
    assert s.rq_ratio == 0.8 and s.rq_band == "below fair"
    s = session_scores(turns("reflection", "open_question"))
    assert s.rq_ratio == 1.0 and s.rq_band == "fair" and s.open_band == "good"


def test_no_questions_and_no_lapses():
    s = session_scores(turns("reflection", "other"))
    assert s.rq_ratio is None and s.rq_band is None and s.pct_open_questions is None
    assert s.first_lapse_turn is None and s.exploring_before_first_lapse == 1 and s.lapse_rate == 0
    assert session_scores([]).trainee_turns == 0


def test_turns_without_feedback_are_analysed_in_context_and_repair_is_detected():
    h = [HistoryTurn(speaker="client", text="My flatmate keeps bringing people back at 3am and I'm exhausted."),
         HistoryTurn(speaker="trainee", text="You should just get earplugs."),
         HistoryTurn(speaker="client", text="I've tried that. It's not about the noise really, I feel like a guest in my own home."),
         HistoryTurn(speaker="trainee", text="Sorry, I jumped ahead there. You feel like a guest in your own home.")]
    s = session_scores(h)
    assert s.counts["advice"] == 1 and s.lapses == 1
    assert s.lapses_repaired == 1
    last = analyse_turn(h[3].text, h[:3])
    assert last.repair and last.family != "lapse"


def test_returning_to_client_words_counts_as_repair_only_after_a_lapse():
    client = HistoryTurn(speaker="client", text="I feel like a guest in my own home.")
    lapse = HistoryTurn(speaker="trainee", text="Just move out.", feedback=analyse_turn("Just move out."))
    text = "A guest in your own home. What's that like?"
    assert analyse_turn(text, [client, lapse, client]).repair
    assert not analyse_turn(text, [client]).repair

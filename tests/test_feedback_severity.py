"""Context changes severity and wording, never the label (docs/stance.md, 'prematurity depends on context'); advice
the client asked for, or agreed to hear, is a softer note, not a flagged lapse (MI's advising with permission)."""
from feedback import HistoryTurn, analyse_turn

ADVICE = "Maybe ring your sister and clear the air."


def c(text):
    return HistoryTurn(speaker="client", text=text)


def t(text, history=()):
    return HistoryTurn(speaker="trainee", text=text, feedback=analyse_turn(text, list(history)))


def session(*pairs):
    """Build a history of (trainee, client) pairs after an opening client turn, with real feedback on trainee turns."""
    hist = [c("My sister and I fell out at Christmas and we haven't spoken since.")]
    for trainee, client in pairs:
        hist.append(t(trainee, hist))
        hist.append(c(client))
    return hist


def test_first_turn_advice_is_severe_and_says_why():
    fb = analyse_turn(ADVICE, session())
    assert fb.label == "advice" and fb.lapse.severity == "severe"
    assert any("early" in x for x in fb.lapse.context)


def test_client_asked_for_advice_is_a_softer_note_not_a_flag():
    first = analyse_turn(ADVICE, session())
    asked = analyse_turn(ADVICE, session(("What was the falling out about?", "Money, mostly. Mum's will."),
                                         ("That's a lot to fall out over.", "Honestly I just don't know what to do. What would you do?")))
    asked_at_once = analyse_turn(ADVICE, session(("What was the falling out about?", "I don't know what to do. What would you do?")))
    assert asked_at_once.lapse is not None  # asked before any listening, it is still a (milder) lapse
    assert "the client asked for advice" in asked_at_once.lapse.context
    assert asked.label == first.label == "advice"
    assert first.lapse is not None and first.family == "lapse"
    assert asked.lapse is None and asked.family == "neutral"
    note = asked.possible_lapse
    assert note.label == "advice" and note.severity == "mild" and note.severity_score < first.lapse.severity_score
    assert "the client asked for advice" in note.context and "not a lapse" in note.reason


def test_permission_then_agreement_is_milder():
    hist = session(("What was the falling out about?", "She said I'm selfish and I said things back."),
                   ("Would it be okay if I offered a thought about that?", "Yes, go ahead."))
    no_perm = session(("What was the falling out about?", "She said I'm selfish and I said things back."),
                      ("That sounds painful.", "Yeah."))
    fb, base = analyse_turn(ADVICE, hist), analyse_turn(ADVICE, no_perm)
    assert fb.label == base.label == "advice"
    assert fb.lapse is None and base.lapse is not None
    assert "you asked permission first and the client agreed" in fb.possible_lapse.context
    assert fb.possible_lapse.severity_score < base.lapse.severity_score


def test_permission_refused_does_not_soften():
    hist = session(("What happened?", "We argued about Mum's care."), ("Can I share an idea?", "No, I just want to vent."))
    assert "you asked permission first and the client agreed" not in analyse_turn(ADVICE, hist).lapse.context


def test_exploring_first_is_milder_and_counted():
    exploring = [("What was it like, not speaking at Christmas?", "Lonely. I missed her."),
                 ("You miss her a lot.", "I do, she's my only sister."),
                 ("What do you miss most?", "Laughing with her."),
                 ("Laughing together was something special between you.", "It was."),
                 ("How do you make sense of the silence now?", "I think we're both too proud."),
                 ("Both of you holding on to your pride.", "Yeah.")]
    late = analyse_turn(ADVICE, session(*exploring))
    early = analyse_turn(ADVICE, session(exploring[0]))
    assert late.label == "advice"
    n = sum(t.feedback.family == "exploring" for t in session(*exploring) if t.speaker == "trainee")
    assert n >= 4 and f"after {n} turns of exploring" in late.lapse.context
    assert late.lapse.severity_score < early.lapse.severity_score
    assert late.lapse.severity != "severe"


def test_lapse_straight_after_a_lapse_is_worse():
    after_lapse = session(("Don't worry, she'll come round.", "I'm not so sure."))
    after_question = session(("What happened next?", "I'm not so sure."))
    a, b = analyse_turn(ADVICE, after_lapse + []), analyse_turn(ADVICE, after_question)
    assert a.lapse.severity_score > b.lapse.severity_score
    assert "straight after another lapse" in a.lapse.context


def test_reason_wording_changes_with_severity():
    mild = analyse_turn(ADVICE, session(*[("What was that like?", "Hard."), ("You're worn out.", "Yes."), ("Say more?", "Well."),
                                          ("How have you been coping with it?", "Badly. I miss her.")]))
    severe = analyse_turn(ADVICE, session())
    assert mild.lapse.severity == "mild" and severe.lapse.severity == "severe"
    assert mild.lapse.reason != severe.lapse.reason
    assert mild.lapse.reason.endswith(".") and severe.lapse.reason.count(".") == 1


def test_other_lapses_also_get_context():
    fb = analyse_turn("Everyone falls out with family, it's nothing.", session())
    assert fb.label == "reassurance" and fb.lapse.context
    fb = analyse_turn("This is really about your mother favouring her.", session())
    assert fb.label == "interpretation" and 0 < fb.lapse.severity_score <= 1

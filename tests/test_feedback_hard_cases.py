"""Every hard case in docs/stance.md, several phrasings each; none of these sentences is in the corpus."""
import csv
from pathlib import Path

import pytest

from engine_labels import KNOWN_MISSES, MISS_BUDGET, SOFTENED, expect
from feedback import classify

CLIENT = "My landlord won't fix the damp and my daughter's asthma is getting worse."

ADVICE_NO_SHOULD = [
    "Put it all in writing to him this week.",  # imperative
    "Keep a diary of every time she has an attack.",
    "Ring the council's housing team tomorrow.",
    "What if you sent him photos of the mould?",  # what if you...
    "What if you asked the GP for a letter?",
    "It could help to get a letter from her consultant.",  # it could help to...
    "It might be worth contacting a housing charity.",
    "One thing people find useful is a letter from the GP.",  # one thing people find useful...
    "Something a lot of tenants find helpful is going to Shelter.",
    "Have you tried reporting it to environmental health?",  # have you tried / thought about...
    "Have you thought about withholding part of the rent?",
    "Have you considered asking a solicitor to write to him?",
]
LEADING = ["Don't you think it's time to move somewhere else?", "Wouldn't it be easier to just find a new flat?",
           "Shouldn't you be reporting him by now?"]
TENTATIVE_REFLECTIONS = [
    "I wonder if part of you feels let down that nobody's listening.",
    "Perhaps there's some anger in there alongside the worry.",
    "Is it possible you're feeling a bit powerless in all this?",
    "I'm wondering whether it feels like you're fighting this on your own.",
]
IMPOSED_INTERPRETATIONS = [
    "You feel powerless because your parents never stood up for you.",
    "This is really about your fear of confrontation.",
    "You're only angry with him because you're angry at yourself.",
    "Deep down you blame yourself for her asthma.",
]
# corpus/LABELLING.md: sympathy that names the client's feeling gives it back (a simple reflection, as MITI codes
# it); sympathy with no content about the client is `other`. Neither tries to remove the feeling.
SYMPATHY_NAMING = ["That sounds really frightening.", "Oh, that must be exhausting.", "I can only imagine how lonely the evenings get."]
SYMPATHY = ["Oh, I'm ever so sorry.", "How awful for both of you.", "Gosh, I'm really sorry about that."]
REASSURANCE = ["It'll all work out in the end.", "I'm sure he'll fix it soon.", "Kids' asthma usually settles, try not to worry.",
               "You'll get it sorted, you always do.", "Honestly it's not as bad as it seems."]
AFFIRMATION = ["You've kept chasing him for months for your daughter's sake.", "It took real persistence to keep all those records.",
               "You're clearly a mum who fights for her child."]
GENERIC_PRAISE = ["You're strong, you'll get through this.", "You're a tough cookie, it'll be fine.",
                  "You're amazing, everything will work out."]


@pytest.mark.parametrize("text", ADVICE_NO_SHOULD + LEADING)
def test_advice_without_should_and_advice_dressed_as_questions(text):
    expect(CLIENT, text, "advice")


def test_a_question_is_not_automatically_exploring():
    expect(CLIENT, "Have you tried talking to her?", "advice")
    assert classify(CLIENT, "Don't you think you deserve better?")[0] in {"advice", "interpretation", "reassurance"}
    expect(CLIENT, "What have you tried so far?", "open_question")


@pytest.mark.parametrize("text", TENTATIVE_REFLECTIONS)
def test_tentative_complex_reflection_is_a_reflection(text):
    expect(CLIENT, text, "reflection")


@pytest.mark.parametrize("text", IMPOSED_INTERPRETATIONS)
def test_imposed_cause_is_an_interpretation(text):
    expect(CLIENT, text, "interpretation")


def test_cause_the_client_gave_stays_a_reflection():
    client = "I'm furious because he ignored three emails about the damp."
    expect(client, "You're furious because he ignored your emails about the damp.", "reflection")
    expect(client, "You're furious because you can't bear being ignored by men like your dad.", "interpretation")


@pytest.mark.parametrize("text", SYMPATHY)
def test_sympathy_is_other_not_reassurance(text):
    expect(CLIENT, text, "other")


@pytest.mark.parametrize("text", SYMPATHY_NAMING)
def test_sympathy_that_names_the_feeling_is_a_reflection_not_reassurance(text):
    expect(CLIENT, text, "reflection")


@pytest.mark.parametrize("text", REASSURANCE + GENERIC_PRAISE)
def test_reassurance(text):
    expect(CLIENT, text, "reassurance")


@pytest.mark.parametrize("text", AFFIRMATION)
def test_specific_affirmation_is_not_reassurance(text):
    """stance.md's hard case is that naming a specific strength is not reassurance. Whether it is coded an affirmation
    or a reflection that carries the strength ("You really care about being there for them") is where real coders
    differ (issue 14), so either passes; both are exploring."""
    assert classify(CLIENT, text)[0] in {"affirmation", "reflection"}, text


@pytest.mark.parametrize("text,label", [
    ("That sounds so hard. Have you thought about calling Shelter?", "advice"),
    ("I can hear how worried you are. Honestly, just move out, it's not worth it.", "advice"),
    ("It sounds like you're exhausted by it. What's been the hardest part?", "open_question"),
    ("I'm so sorry. You're carrying a lot on your own with this.", "reflection"),
    ("You're worried sick about her. It'll all be fine though, I promise.", "reassurance"),
    ("You've done so much already. Maybe write to his letting agent too? What do you think?", "advice"),
    ("sounds rough tbh... have u tried ringing the council", "advice"),
])
def test_multi_sentence_turn_takes_its_most_consequential_act(text, label):
    expect(CLIENT, text, label)


# The boundaries corpus/LABELLING.md settles beyond stance.md.
BOUNDARIES = {
    "closed_question": ["Have you spoken to the landlord's agent since?", "Did you tell the GP about the damp?",
                        "Are you sleeping in the same room as her?"],
    "reflection": ["So the landlord just keeps ignoring you?", "You're scared it's making her worse?",
                   "Her breathing's been getting worse since the winter. Have I got that right?"],
    "reassurance": ["Hang on in there, pet.", "Keep your chin up, honestly.", "Stay strong for her, you can do it!"],
    "other": ["Same thing happened to my cousin in her old flat.", "I lived somewhere damp for years myself.",
              "You too, bye for now!"],
    "open_question": ["Hiya, what's on your mind this evening?", "Morning! Where shall we start today?"],
}


@pytest.mark.parametrize("label,text", [(lab, t) for lab, ts in BOUNDARIES.items() for t in ts])
def test_boundaries_settled_in_the_labelling_guide(label, text):
    expect(CLIENT, text, label)


def test_phrasings_are_not_in_the_training_corpus():
    corpus = Path(__file__).resolve().parents[1] / "feedback" / "corpus" / "turns.csv"
    with corpus.open(encoding="utf-8") as fh:
        seen = {r["trainee"].strip().lower() for r in csv.DictReader(fh)}
    mine = ADVICE_NO_SHOULD + LEADING + TENTATIVE_REFLECTIONS + IMPOSED_INTERPRETATIONS + SYMPATHY + SYMPATHY_NAMING + REASSURANCE + AFFIRMATION
    mine += [t for ts in BOUNDARIES.values() for t in ts]
    assert not [t for t in mine if t.lower() in seen]


@pytest.mark.parametrize("text,label", [
    ("She keeps saying you should just move on, and that hurts.", "reflection"),
    ("You feel you ought to have seen it coming.", "reflection"),
    ("Would it help if I offered a couple of ideas?", "other"),
    ("What have you already tried with him?", "open_question"),
    ("You're not sure you can keep going like this.", "reflection"),
    ("how long has it been like this", "closed_question"),
    ("what's been the hardest bit", "open_question"),
])
def test_reported_words_permission_and_unpunctuated_questions_are_not_lapses(text, label):
    expect(CLIENT, text, label)


def test_generic_praise_and_minimising_are_reassurance_but_named_effort_is_affirmation():
    expect(CLIENT, "You've totally got this, it won't be as bad as you think.", "reassurance")
    expect(CLIENT, "You kept writing to him even when he ignored you.", "affirmation")


def test_asking_about_meaning_is_open_but_supplying_it_is_interpretation():
    client = "I keep cancelling on my friends at the last minute."
    expect(client, "What do you think is behind the cancelling?", "open_question")
    expect(client, "Your low mood is what's behind the cancelling.", "interpretation")
    expect(client, "You cancel because you're depressed.", "interpretation")
    expect(client, "You're not a bad friend, you're just overstretched.", "reassurance")


def test_known_misses_stay_within_budget():
    """Every phrasing these tests check, and how many of them the shipped model may get wrong (engine_labels.py)."""
    import test_feedback_labels

    checked = ADVICE_NO_SHOULD + LEADING + TENTATIVE_REFLECTIONS + IMPOSED_INTERPRETATIONS + SYMPATHY + SYMPATHY_NAMING
    checked += REASSURANCE + GENERIC_PRAISE + AFFIRMATION + [t for ts in BOUNDARIES.values() for t in ts]
    checked += [t for ts in test_feedback_labels.CASES.values() for t in ts]
    assert set(KNOWN_MISSES) | set(SOFTENED) <= set(checked)
    assert len(KNOWN_MISSES) <= MISS_BUDGET * len(checked)
    assert len(SOFTENED) <= MISS_BUDGET * len(checked)  # named, but only as possible: kept as few

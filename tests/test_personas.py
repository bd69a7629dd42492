"""Persona cards: the six shipped cards, the loader's named errors, and card hashes."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from personas import CardError, card_hash, load_cards, parse_card
from personas.loader import CARDS_DIR
from personas.schema import LAYER_ORDER, PersonaCard

SHIPPED_IDS = {
    "carer_guilt",
    "first_year_fraud",
    "burnout_nurse",
    "controlling_partner",
    "drinking_to_cope",
    "flat_joking_passive_si",
}
RISKY_IDS = ("controlling_partner", "flat_joking_passive_si")
LAPSES = ("advice", "interpretation", "reassurance")


@pytest.fixture(scope="module")
def shipped():
    return load_cards()


def card_text(card_id: str = "carer_guilt") -> str:
    return (CARDS_DIR / f"{card_id}.yaml").read_text(encoding="utf-8")


def card_data(card_id: str = "carer_guilt") -> dict:
    return yaml.safe_load(card_text(card_id))


def authored_lines(card: PersonaCard) -> list[str]:
    lines = [card.opening_line, *card.example_lines, *card.repair.lines]
    for name in LAYER_ORDER:
        lines += card.layer(name).lines
    for kind in LAPSES:
        lines += card.reaction(kind).lines
    return lines


def error_for(errors: list[CardError], field: str) -> CardError:
    found = [e for e in errors if e.field == field]
    assert found, f"no error names {field!r}: {[str(e) for e in errors]}"
    return found[0]


# --- the shipped cards -------------------------------------------------------------------------


def test_every_shipped_card_loads_without_errors(shipped):
    assert shipped.errors == [], [str(e) for e in shipped.errors]
    assert set(shipped.cards) == SHIPPED_IDS
    assert len(shipped.cards) == 6


def test_ids_are_unique_and_equal_file_names(shipped):
    files = sorted(p.stem for p in CARDS_DIR.glob("*.yaml"))
    assert len(files) == len(set(files))
    assert set(files) == set(shipped.cards)
    for card_id, card in shipped.cards.items():
        assert card.id == card_id
        assert (CARDS_DIR / f"{card.id}.yaml").is_file()
    # the id comes from the file name, never from the card's text
    for card_id in shipped.cards:
        assert "id" not in card_data(card_id)


def test_every_card_has_a_hash_of_its_text(shipped):
    for card_id in shipped.cards:
        assert shipped.hashes[card_id] == card_hash(card_text(card_id))


def test_layer_thresholds_rise(shipped):
    for card in shipped.cards.values():
        surface, middle, core = (card.layer(n).threshold for n in LAYER_ORDER)
        assert surface == 0.0, card.id
        assert surface < middle < core, card.id
        assert 0.4 <= middle <= 0.55, card.id
        assert 0.7 <= core <= 0.8, card.id


def test_cards_are_filled_in_with_care(shipped):
    """The house style from the brief: enough authored lines for the simulator to fall back on."""
    for card in shipped.cards.values():
        assert card.version >= 1
        for name in LAYER_ORDER:
            assert len(card.layer(name).lines) >= 6, (card.id, name)
        for kind in LAPSES:
            reaction = card.reaction(kind)
            assert 0.1 <= reaction.openness_drop <= 0.35, (card.id, kind)
            assert len(reaction.lines) >= 4, (card.id, kind)
        assert 0.3 <= card.repair.restores <= 0.7, card.id
        assert len(card.repair.lines) >= 3, card.id
        assert 8 <= len(card.example_lines) <= 12, card.id
        assert card.content_notes, card.id
        # example lines may quote the layers (they teach the voice), but fallbacks should not repeat
        fallbacks = [line for line in authored_lines(card) if line not in card.example_lines]
        assert len(fallbacks) == len(set(fallbacks)), f"{card.id} repeats a fallback line"


def test_cards_are_distinct_people(shipped):
    cards = list(shipped.cards.values())
    assert len({c.display_name for c in cards}) == 6
    assert len({c.opening_line for c in cards}) == 6
    assert min(c.age for c in cards) <= 20 and max(c.age for c in cards) >= 70
    assert len({c.pronouns for c in cards}) >= 3
    # every reaction style appears somewhere, and no two clients react the same way to all three lapses
    styles = {c.reaction(k).style for c in cards for k in LAPSES}
    assert styles == {"goes_quiet", "deflects", "pushes_back", "agrees_and_changes_topic"}
    profiles = [tuple(c.reaction(k).style for k in LAPSES) for c in cards]
    assert len(set(profiles)) == 6
    # no authored line is shared between two clients
    seen: dict[str, str] = {}
    for card in cards:
        for line in authored_lines(card):
            assert seen.setdefault(line, card.id) == card.id, f"{line!r} in {seen[line]} and {card.id}"


def test_authored_lines_sound_like_a_client():
    """Every authored line is a fallback the simulator may show as is, so it must pass the reply guard."""
    checks = pytest.importorskip("simulator.checks")
    for card in load_cards().cards.values():
        for line in authored_lines(card):
            assert checks.check_reply(line) == [], (card.id, line, checks.check_reply(line))


def test_risk_cues_are_lines_the_client_actually_says(shipped):
    """A cue is only noticeable if the client can drop it: each one appears in an authored line."""
    for card in shipped.cards.values():
        said = " ".join(authored_lines(card)).lower()
        for cue in card.risk.cues:
            assert cue.lower() in said, (card.id, cue)


def test_example_lines_keep_the_core_for_later(shipped):
    """Example lines go into every prompt, so they carry the voice, never the core layer's material."""
    for card in shipped.cards.values():
        core = [line.lower() for line in card.layer("core").lines]
        for line in card.example_lines:
            assert not any(line.lower().rstrip(".") in c for c in core), (card.id, line)


def test_the_clients_own_answer_about_risk_passes_the_reply_guard(shipped):
    """The simulator quotes the first quoted answer in risk.if_asked when the trainee asks about risk."""
    from simulator.grounding import risk_answers

    checks = pytest.importorskip("simulator.checks")
    for card in shipped.cards.values():
        answer = (risk_answers(card)[0].lines[0] if risk_answers(card) else None)
        assert answer, f"{card.id}: risk.if_asked should quote the client's own answer"
        assert checks.check_reply(answer) == [], (card.id, answer)
    assert "no plan" in risk_answers(shipped.cards["flat_joking_passive_si"])[0].lines[0]


def test_risky_cards_carry_risk_cues_and_notes(shipped):
    for card_id in RISKY_IDS:
        card = shipped.cards[card_id]
        assert card.risk.level != "none", card_id
        assert card.risk.cues, card_id
        assert card.risk.if_asked.strip(), card_id
    si = shipped.cards["flat_joking_passive_si"]
    assert any("suicid" in note.lower() for note in si.content_notes)
    assert any("waking up" in cue for cue in si.risk.cues)
    assert re.search(r"no plan", si.risk.if_asked, re.I)
    partner = shipped.cards["controlling_partner"]
    assert any("coercive control" in note.lower() for note in partner.content_notes)
    assert any("phone" in cue.lower() for cue in partner.risk.cues)


def test_cues_for_passive_ideation_can_surface_early(shipped):
    """The flat joker drops the cue lightly from the start: a trainee can notice it before the core."""
    si = shipped.cards["flat_joking_passive_si"]
    early = " ".join([*si.layer("surface").lines, *si.example_lines]).lower()
    assert "waking up" in early or "still here" in early


# --- named errors for a broken card ------------------------------------------------------------


def test_missing_field_names_the_field():
    data = card_data()
    del data["opening_line"]
    card, errors = parse_card("broken", yaml.safe_dump(data))
    assert card is None
    err = error_for(errors, "opening_line")
    assert err.file == "broken.yaml"
    assert "required" in err.problem.lower()


def test_missing_nested_field_names_its_path():
    data = card_data()
    del data["disclosure"]["middle"]["earned_by"]
    card, errors = parse_card("broken", yaml.safe_dump(data))
    assert card is None
    error_for(errors, "disclosure.middle.earned_by")


def test_wrong_type_names_the_field():
    text = re.sub(r"^age: \d+$", 'age: "forty"', card_text(), flags=re.M)
    assert 'age: "forty"' in text
    card, errors = parse_card("carer_guilt", text, "carer_guilt.yaml")
    assert card is None
    err = error_for(errors, "age")
    assert err.file == "carer_guilt.yaml"
    assert "integer" in err.problem.lower()
    assert str(err).startswith("carer_guilt.yaml: age: ")


def test_wrong_choice_names_the_field():
    data = card_data()
    data["reactions"]["advice"]["style"] = "sulks"
    _, errors = parse_card("broken", yaml.safe_dump(data))
    error_for(errors, "reactions.advice.style")


def test_bad_yaml_names_the_file_and_a_line():
    lines = card_text().splitlines()
    lines.insert(4, 'summary: "an unclosed quote')
    card, errors = parse_card("carer_guilt", "\n".join(lines), "carer_guilt.yaml")
    assert card is None
    assert len(errors) == 1
    err = errors[0]
    assert err.file == "carer_guilt.yaml"
    assert re.fullmatch(r"line \d+", err.field), err.field
    assert "yaml" in err.problem.lower()


def test_unknown_field_is_an_error():
    data = card_data()
    data["favourite_colour"] = "teal"
    card, errors = parse_card("broken", yaml.safe_dump(data))
    assert card is None
    err = error_for(errors, "favourite_colour")
    assert "extra" in err.problem.lower() or "not permitted" in err.problem.lower()


def test_thresholds_that_fall_are_an_error():
    data = card_data()
    data["disclosure"]["core"]["threshold"] = 0.2
    card, errors = parse_card("broken", yaml.safe_dump(data))
    assert card is None
    assert any(e.field.startswith("disclosure") and "rise" in e.problem for e in errors)


def test_risk_above_none_needs_cues():
    data = card_data("flat_joking_passive_si")
    data["risk"]["cues"] = []
    card, errors = parse_card("broken", yaml.safe_dump(data))
    assert card is None
    assert any(e.field.startswith("risk") and "cue" in e.problem for e in errors)


def test_a_card_that_is_not_a_mapping_is_an_error():
    card, errors = parse_card("broken", "- just\n- a list\n")
    assert card is None
    assert errors[0].field == "(whole file)"


# --- the app-facing behaviour --------------------------------------------------------------------


def test_a_folder_with_one_broken_card_still_loads_the_valid_ones(tmp_path: Path):
    for path in CARDS_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    broken = tmp_path / "drinking_to_cope.yaml"
    broken.write_text(re.sub(r"^age: \d+$", "age: forty", broken.read_text(), flags=re.M))
    (tmp_path / "half_written.yaml").write_text("display_name: [unclosed\n")

    result = load_cards(tmp_path)

    assert set(result.cards) == SHIPPED_IDS - {"drinking_to_cope"}
    assert set(result.hashes) == set(result.cards)
    files = {e.file for e in result.errors}
    assert files == {"drinking_to_cope.yaml", "half_written.yaml"}
    assert any(e.file == "drinking_to_cope.yaml" and e.field == "age" for e in result.errors)
    assert any(e.file == "half_written.yaml" and e.field.startswith("line ") for e in result.errors)


def test_an_empty_folder_loads_nothing_without_failing(tmp_path: Path):
    result = load_cards(tmp_path)
    assert result.cards == {} and result.errors == []


def test_card_hash_changes_with_the_text_and_is_stable_otherwise(tmp_path: Path):
    text = card_text()
    assert card_hash(text) == card_hash(text)
    assert card_hash(text) == card_hash(card_text())
    assert card_hash(text) != card_hash(text.replace("Bradford", "Leeds", 1))
    assert card_hash(text) != card_hash(text + "\n")

    shutil.copy(CARDS_DIR / "carer_guilt.yaml", tmp_path / "carer_guilt.yaml")
    first = load_cards(tmp_path).hashes["carer_guilt"]
    assert load_cards(tmp_path).hashes["carer_guilt"] == first
    path = tmp_path / "carer_guilt.yaml"
    path.write_text(path.read_text().replace("version: 2", "version: 3"))
    second = load_cards(tmp_path)
    assert second.cards["carer_guilt"].version == 3
    assert second.hashes["carer_guilt"] != first

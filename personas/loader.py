"""Load persona cards from a folder, keeping the good ones when some are broken.

A broken card must never stop the app: it is reported with its file, the field and the problem,
and the other cards load as usual.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .schema import PersonaCard

CARDS_DIR = Path(__file__).parent


@dataclass(frozen=True)
class CardError:
    file: str
    field: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.problem}"


@dataclass
class CardSet:
    cards: dict[str, PersonaCard] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    errors: list[CardError] = field(default_factory=list)


def card_hash(text: str) -> str:
    """The card's identity for a session log: sha256 of the file's text, short form."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_card(card_id: str, text: str, file: str = "") -> tuple[PersonaCard | None, list[CardError]]:
    """Parse one card's YAML text. Returns the card, or None and the errors naming each field."""
    file = file or f"{card_id}.yaml"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(whole file)"
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [CardError(file, where, f"not valid YAML: {problem}")]
    if not isinstance(data, dict):
        return None, [CardError(file, "(whole file)", "a card must be a YAML mapping of fields")]
    data = {**data, "id": card_id}
    try:
        return PersonaCard.model_validate(data), []
    except ValidationError as exc:
        return None, [
            CardError(file, ".".join(str(p) for p in err["loc"]) or "(whole file)", err["msg"])
            for err in exc.errors()
        ]


def load_cards(folder: Path | str = CARDS_DIR) -> CardSet:
    """Every `*.yaml` in `folder`, by id (the file name without .yaml)."""
    result = CardSet()
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            result.errors.append(CardError(path.name, "(whole file)", f"cannot be read: {exc}"))
            continue
        card, errors = parse_card(path.stem, text, path.name)
        if card is None:
            result.errors.extend(errors)
        else:
            result.cards[card.id] = card
            result.hashes[card.id] = card_hash(text)
    return result

"""Persona cards: the schema a course lead writes to, and the loader."""
from .loader import CardError, CardSet, card_hash, load_cards, parse_card
from .schema import LAYER_ORDER, PersonaCard

__all__ = ["CardError", "CardSet", "LAYER_ORDER", "PersonaCard", "card_hash", "load_cards", "parse_card"]

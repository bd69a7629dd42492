"""Personas: the cards course leads have written, and any card that failed to load."""
import streamlit as st

from ui.services import practice
from ui.widgets import plain

cards = practice().cards
st.title("Persona cards")
st.caption("Each card is a YAML file in personas/. A card's hash is stored with every session that uses it.")
for error in cards.errors:
    st.error(plain(f"{error.file} · field {error.field}: {error.problem}"), icon=":material/error:")
for card_id, card in cards.cards.items():
    with st.expander(plain(f"{card.display_name}, {card.age} · {card_id} v{card.version}")):
        st.markdown(plain(card.summary))
        st.markdown(f"**Presenting problem.** {plain(card.presenting_problem)}")
        st.markdown(f"**Opening line.** “{plain(card.opening_line)}”")
        if card.content_notes:
            st.markdown("**Content notes.** " + plain(", ".join(card.content_notes)))
        st.caption(f"Risk level: {card.risk.level} · card hash {cards.hashes[card_id]}")

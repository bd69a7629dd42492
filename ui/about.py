"""About & data: what this is, where the data lives, how to reset it."""
import streamlit as st

from ui.services import practice
from ui.widgets import disclaimer, plain

service = practice()
st.title("About Unhurried")
st.markdown(
    "Unhurried is a place for trainee counsellors to practise the **not-knowing stance**: staying curious "
    "and present instead of rushing to advise, interpret or reassure. A simulated client, played by a "
    "language model from a persona card, answers you; the feedback engine labels each of your turns and "
    "flags premature advice, interpretation and reassurance, with the evidence, the reason and a more "
    "curious alternative."
)
disclaimer(service.backend)
st.subheader("Your data")
st.markdown(
    f"Sessions are saved on this machine in `{plain(str(service.logbook.path))}`, turn by turn as they happen. "
    "To start afresh, stop the app and delete that file (see the README's *Resetting* section)."
)

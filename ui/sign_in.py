"""Sign in: local accounts, or the configured OIDC provider through st.login."""
import streamlit as st

from logbook import SignInError
from ui.services import oidc_configured, practice, remember_sign_in

st.title("Sign in to Unhurried")
st.caption("Unhurried is a practice simulator for trainee counsellors. The clients are AI simulations, not people.")
if oidc_configured():
    st.button("Sign in with your organisation's account", type="primary", on_click=st.login)
else:
    with st.form("sign-in"):
        name = st.text_input("Name")
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        try:
            remember_sign_in(practice().sign_in(name, password))
        except SignInError as exc:
            st.error(str(exc))
        else:
            st.rerun()

"""My data: download everything Unhurried holds about you, or delete it."""
import streamlit as st

from logbook import SignInError
from logbook.accounts import MIN_PASSWORD
from ui.services import remember_sign_in, require_workspace, sign_out

ws = require_workspace()
st.title("My data")
st.markdown(
    "Everything you practise is stored on this server: your sessions turn by turn, the feedback on them, "
    "your reflections and any supervisor's comments. Practice stays private until you submit a session "
    "for supervision."
)
st.download_button("Download all my data (JSON)", data=ws.my_data, file_name="unhurried-my-data.json",
                   mime="application/json", icon=":material/download:", on_click="ignore")

if ws.user["password_hash"]:  # a local account (not the no-sign-in trainee, not OIDC)
    st.subheader("Change my password")
    st.caption("Changing it signs you out on every other browser and device.")
    with st.form("change-password", clear_on_submit=True):
        current = st.text_input("Current password", type="password")
        new = st.text_input(f"New password (at least {MIN_PASSWORD} characters)", type="password")
        again = st.text_input("New password again", type="password")
        if st.form_submit_button("Change password"):
            try:
                if new != again:
                    raise ValueError("The two new passwords differ.")
                ws.change_password(current, new)
            except (SignInError, ValueError) as exc:
                st.error(str(exc))
            else:
                remember_sign_in(ws)
                st.success("Your password is changed. Other browsers will ask you to sign in again.")

st.subheader("Delete all my data")
st.warning("This deletes every session, turn, reflection and review of yours, and your account details. "
           "It cannot be undone. Download your data first if you want to keep it.", icon=":material/warning:")
confirm = st.text_input("Type DELETE to confirm")
if st.button("Delete everything", type="primary", disabled=confirm.strip() != "DELETE"):
    ws.delete_my_data()
    sign_out()
    st.success("Your data has been deleted.")
    st.rerun()

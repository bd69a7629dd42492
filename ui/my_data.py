"""My data: download everything Unhurried holds about you, or delete it."""
import streamlit as st

from ui.services import require_workspace, sign_out

ws = require_workspace()
st.title("My data")
st.markdown(
    "Everything you practise is stored on this server: your sessions turn by turn, the feedback on them, "
    "your reflections and any supervisor's comments. Practice stays private until you submit a session "
    "for supervision."
)
st.download_button("Download all my data (JSON)", data=ws.my_data, file_name="unhurried-my-data.json",
                   mime="application/json", icon=":material/download:", on_click="ignore")

st.subheader("Delete all my data")
st.warning("This deletes every session, turn, reflection and review of yours, and your account details. "
           "It cannot be undone. Download your data first if you want to keep it.", icon=":material/warning:")
confirm = st.text_input("Type DELETE to confirm")
if st.button("Delete everything", type="primary", disabled=confirm.strip() != "DELETE"):
    ws.delete_my_data()
    sign_out()
    st.success("Your data has been deleted.")
    st.rerun()

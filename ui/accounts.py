"""Accounts (admins): create people with a role, change roles, read the audit log."""
import streamlit as st

from logbook import ROLES
from ui.services import require_workspace
from ui.widgets import plain

ws = require_workspace()
st.title("Accounts")
with st.form("create-user", clear_on_submit=True):
    st.subheader("Create an account")
    name = st.text_input("Name")
    role = st.selectbox("Role", ROLES, format_func=lambda r: r.replace("_", " "))
    password = st.text_input("Initial password (at least 8 characters)", type="password")
    if st.form_submit_button("Create"):
        try:
            user = ws.create_user(name, role, password)
        except ValueError as exc:
            st.error(str(exc))
        else:
            st.success(plain(f"Created {user['name']} ({user['role'].replace('_', ' ')})."))

st.subheader("People")
for user in ws.users():
    left, right = st.columns([3, 2])
    left.markdown(plain(f"{user['name']} · since {user['created_at'][:10]}"))
    new_role = right.selectbox("Role", ROLES, index=ROLES.index(user["role"]), key=f"role-{user['id']}",
                               label_visibility="collapsed", format_func=lambda r: r.replace("_", " "),
                               disabled=user["id"] == ws.user["id"])
    if new_role != user["role"]:
        ws.set_role(user["id"], new_role)
        st.rerun()

with st.expander("Audit log (who did what; never the content)"):
    st.dataframe(ws.audit_log(), hide_index=True)

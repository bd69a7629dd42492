"""Unhurried's Streamlit entry point: routing and the sidebar only; pages live in ui/."""
import streamlit as st

from logbook import LogbookUnavailable
from simulator import SettingsError
from ui import services, sidebar

st.set_page_config(page_title="Unhurried", page_icon="🌿", layout="centered")

PAGES = {  # path: (title, material icon)
    "ui/sign_in.py": ("Sign in", "login"),
    "ui/practise.py": ("Practise", "forum"),
    "ui/review.py": ("Review", "rate_review"),
    "ui/history.py": ("History", "timeline"),
    "ui/supervision.py": ("Submitted sessions", "supervisor_account"),
    "ui/cohort.py": ("Cohort", "groups"),
    "ui/agreement.py": ("Engine agreement", "fact_check"),
    "ui/studio.py": ("Persona studio", "edit_document"),
    "ui/assignments.py": ("Cohorts & supervisors", "account_tree"),
    "ui/accounts.py": ("Accounts", "manage_accounts"),
    "ui/personas.py": ("Personas", "badge"),
    "ui/my_data.py": ("My data", "folder_shared"),
    "ui/about.py": ("About", "info"),
}
PRACTICE = ["ui/practise.py", "ui/review.py", "ui/history.py"]
SECTIONS = {  # role: {section: pages}; each role's first page is its home
    None: {"Unhurried": ["ui/sign_in.py", "ui/about.py"]},
    "trainee": {"Practice": PRACTICE},
    "supervisor": {"Supervision": ["ui/supervision.py"], "Practice": PRACTICE},
    "course_lead": {"Course": ["ui/cohort.py", "ui/agreement.py", "ui/studio.py", "ui/assignments.py"],
                    "Practice": PRACTICE},
    "admin": {"Admin": ["ui/accounts.py", "ui/assignments.py"]},
}
COMMON = ["ui/personas.py", "ui/my_data.py", "ui/about.py"]


def navigation_for(role: str | None) -> dict[str, list[st.Page]]:
    sections = dict(SECTIONS[role]) | ({"Unhurried": COMMON} if role else {})
    home = next(iter(sections.values()))[0]
    return {
        section: [st.Page(path, title=PAGES[path][0], icon=f":material/{PAGES[path][1]}:",
                          url_path=path.removeprefix("ui/").removesuffix(".py"), default=path == home)
                  for path in paths]
        for section, paths in sections.items()
    }


try:
    workspace = services.workspace()
except LogbookUnavailable as exc:  # unreadable, read-only or misplaced database: say so, not a traceback
    st.error(str(exc), icon=":material/database:")
    st.stop()
except SettingsError as exc:  # e.g. UNHURRIED_MODEL_THREADS=lots: the message says what is allowed
    st.error(f"Unhurried cannot start with this setting. {exc}", icon=":material/settings:")
    st.stop()
navigation = st.navigation(navigation_for(workspace.user["role"] if workspace else None))
sidebar.render(workspace)
with st.sidebar:
    services.keep_sign_in_cookie()
try:
    navigation.run()
except LogbookUnavailable as exc:  # the database went away mid-session: nothing typed is saved twice or lost silently
    st.error(str(exc), icon=":material/database:")

"""Roles in a real browser: admin sets people up, trainee submits, supervisor disagrees, course lead sees it."""
import re
import subprocess
import sys

from streamlit_browser import ROOT, needs_chromium, send, settle, sign_in, sign_out

pytestmark = needs_chromium
PASSWORD = "a long password"


def create_account(page, name: str, role: str) -> None:
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Role", exact=True).first.click()
    page.get_by_role("option", name=role).click()
    page.get_by_label("Initial password (at least 8 characters)").fill(PASSWORD)
    page.get_by_role("button", name="Create").click()
    page.get_by_text(f"Created {name}").wait_for()
    settle(page)


def test_admin_trainee_supervisor_and_course_lead(page, server):
    subprocess.run([sys.executable, "-m", "logbook", "--db", str(server.db), "create-user", "ada", "--role", "admin"],
                   input=PASSWORD + "\n", cwd=ROOT, check=True, capture_output=True, text=True)

    sign_in(page, server.url, "ada", PASSWORD)
    for name, role in [("sam", "supervisor"), ("tia", "trainee"), ("lee", "course lead")]:
        create_account(page, name, role)
    page.get_by_role("link", name="Cohorts & supervisors").click()
    settle(page)
    page.get_by_role("button", name="Assign").click()  # the only trainee to the only supervisor
    page.get_by_text("now go to sam").wait_for()
    sign_out(page)

    sign_in(page, server.url, "tia", PASSWORD)
    page.get_by_role("button", name="Start session").click()
    settle(page)
    session_id = re.search(r"session=(\d+)", page.url).group(1)
    send(page, "What's been weighing on you most?")
    send(page, "You should talk to your manager tomorrow.")
    page.get_by_text("More curious").first.wait_for()
    page.get_by_role("link", name="Review").click()  # a page load would start a new, signed-out session
    settle(page)
    page.get_by_role("button", name="Submit this session for supervision").click()
    page.get_by_text("Submitted for supervision").wait_for()
    sign_out(page)

    sign_in(page, server.url, "sam", PASSWORD)
    page.get_by_text("Disagree").first.click()
    page.get_by_label("Why (optional)").first.fill("That was a reflection of her wish, not advice.")
    page.get_by_role("button", name="Save verdict").first.click()
    settle(page)
    page.get_by_text("disagrees with the flag").first.wait_for()
    sign_out(page)

    sign_in(page, server.url, "tia", PASSWORD)
    page.get_by_role("link", name="Review").click()
    settle(page)
    page.get_by_text("That was a reflection of her wish, not advice.").wait_for()
    sign_out(page)

    sign_in(page, server.url, "lee", PASSWORD)
    page.get_by_role("link", name="Engine agreement").click()
    settle(page)
    page.locator('[data-testid="stDataFrame"]').wait_for()
    assert page.locator('[data-testid="glide-cell-0-0"]').inner_text() == "Advice"  # the grid's accessible cell
    assert page.get_by_text("No supervisor verdicts yet").count() == 0

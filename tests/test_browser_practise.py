"""The practise journey in a real headless browser, on the embedded model."""
import os
from pathlib import Path

from streamlit_browser import needs_chromium, send, settle

pytestmark = needs_chromium


def test_a_trainee_practises_and_resumes_after_refresh(page, server):
    page.goto(server.url)
    page.get_by_text("Who would you like to practise with?").wait_for()
    page.get_by_role("button", name="Start session").click()
    page.get_by_text("AI simulation for practice, not therapy").wait_for()
    settle(page)

    send(page, "What's been on your mind since you booked this?")
    assert page.get_by_text("Open question").first.is_visible()

    send(page, "Who's at home with you these days?")  # a plain question about her life gets its answer
    page.get_by_text("Declan").first.wait_for()

    send(page, "You should just take a weekend off and stop worrying so much.")
    page.get_by_text("More curious").wait_for()
    assert page.locator('[data-testid="stChatMessage"]').count() == 7

    if shots := os.environ.get("UNHURRIED_SCREENSHOTS"):  # README images: UNHURRIED_SCREENSHOTS=docs
        page.set_viewport_size({"width": 1280, "height": 1500})
        settle(page)
        page.screenshot(path=str(Path(shots) / "practise.png"))
        page.set_viewport_size({"width": 1280, "height": 1000})

    page.reload()
    page.get_by_text("AI simulation for practice, not therapy").wait_for()
    page.locator('[data-testid="stChatMessage"]').nth(6).wait_for()
    assert page.locator('[data-testid="stChatMessage"]').count() == 7
    assert page.get_by_text("stop worrying so much").first.is_visible()

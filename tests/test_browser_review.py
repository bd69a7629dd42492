"""The whole reflective journey in a real browser: practise, get flagged, reflect, rewind, review, export."""
import os
import re
from pathlib import Path

from streamlit_browser import needs_chromium, send, settle

pytestmark = needs_chromium
LAPSE = "You should just take a weekend off <b>now</b> <script>alert('x')</script>"
REFLECTION = "I felt the pull to fix her tiredness <i>for</i> her."


def test_practise_reflect_rewind_review_and_export(page, server, tmp_path):
    page.goto(server.url)
    page.get_by_role("button", name="Start session").click()
    settle(page)
    session_id = re.search(r"session=(\d+)", page.url).group(1)

    send(page, "What's been taking up most of your energy lately?")
    send(page, LAPSE)
    page.get_by_text("More curious").first.wait_for()

    page.goto(f"{server.url}/review?session={session_id}")
    settle(page)
    page.get_by_text("Reflect on this turn").first.click()
    box = page.get_by_label("What pulled you to answer here?").first
    box.fill(REFLECTION)
    box.press("Control+Enter")
    settle(page)
    page.get_by_text("Saved.").first.wait_for()

    page.get_by_role("button", name="Rewind and try a different response here").nth(1).click()
    settle(page)
    assert f"session={session_id}" not in page.url
    assert page.get_by_text(LAPSE).count() == 0  # the branch stops before the lapse
    send(page, "What would a weekend off mean to you?")

    page.goto(f"{server.url}/review?session={session_id}")
    settle(page)
    page.get_by_text("Retries side by side").wait_for()
    assert page.get_by_text("What would a weekend off mean to you?").count() >= 1
    if shots := os.environ.get("UNHURRIED_SCREENSHOTS"):  # README images: UNHURRIED_SCREENSHOTS=docs
        page.set_viewport_size({"width": 1280, "height": 3200})
        settle(page)
        page.screenshot(path=str(Path(shots) / "review.png"))
        page.set_viewport_size({"width": 1280, "height": 1000})

    with page.expect_download() as download:
        page.get_by_role("button", name="HTML (printable)").click()
    pack = tmp_path / "pack.html"
    download.value.save_as(pack)
    html = pack.read_text(encoding="utf-8")
    assert "I felt the pull to fix her tiredness &lt;i&gt;for&lt;/i&gt; her." in html
    assert "lapse" in html and "More curious" in html
    assert "<script>alert" not in html and "<b>now</b>" not in html
    assert "&lt;script&gt;alert(" in html

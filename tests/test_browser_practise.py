"""The practise journey in a real headless browser: Debian's chromium driven by Playwright.

The app runs as a real `streamlit run` process on the embedded model, as a trainee would run it.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it as root)"),
]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    env = {**os.environ, "UNHURRIED_DB": str(tmp_path_factory.mktemp("browser") / "browser.db"),
           "UNHURRIED_MODEL": "embedded"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "sim_app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start:\n" + proc.stdout.read().decode())
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60_000)
        yield page
        browser.close()


IDLE = "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'"


def settle(page) -> None:
    """Wait until the app's script has stopped running, and stays stopped (reruns follow streaming)."""
    for _ in range(3):
        page.wait_for_timeout(400)
        page.wait_for_function(IDLE, timeout=90_000)


def send(page, text: str) -> None:
    """Type a trainee turn and wait until it and the client's reply are saved and shown."""
    messages = page.locator('[data-testid="stChatMessage"]')
    expected = messages.count() + 2
    box = page.get_by_placeholder("Your response…")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function(
        f"() => document.querySelectorAll('[data-testid=\"stChatMessage\"]').length >= {expected}",
        timeout=90_000)
    settle(page)


def test_a_trainee_practises_and_resumes_after_refresh(page, server):
    page.goto(server)
    page.get_by_text("Who would you like to practise with?").wait_for()
    page.get_by_role("button", name="Start session").click()
    page.get_by_text("AI simulation for practice, not therapy").wait_for()
    settle(page)

    send(page, "What's been on your mind since you booked this?")
    assert page.get_by_text("Open question").first.is_visible()

    send(page, "You should just take a weekend off and stop worrying so much.")
    page.get_by_text("More curious").wait_for()
    assert page.locator('[data-testid="stChatMessage"]').count() == 5

    if shots := os.environ.get("UNHURRIED_SCREENSHOTS"):  # README images: UNHURRIED_SCREENSHOTS=docs
        page.screenshot(path=str(Path(shots) / "practise.png"), full_page=True)

    page.reload()
    page.get_by_text("AI simulation for practice, not therapy").wait_for()
    page.locator('[data-testid="stChatMessage"]').nth(4).wait_for()
    assert page.locator('[data-testid="stChatMessage"]').count() == 5
    assert page.get_by_text("stop worrying so much").first.is_visible()

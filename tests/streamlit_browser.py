"""Real-browser test support: the app as a real `streamlit run` process, Debian's chromium via Playwright.

Playwright never downloads a browser here: it drives the chromium on PATH (make test installs it).
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
needs_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it as root)"),
]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp_path_factory):
    port = free_port()
    folder = tmp_path_factory.mktemp("browser")
    env = {**os.environ, "UNHURRIED_DB": str(folder / "browser.db"), "UNHURRIED_MODEL": "embedded"}
    log = open(folder / "streamlit.log", "w+b")  # a file, not a pipe: a full pipe would stall the server
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "sim_app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
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
        log.seek(0)
        pytest.fail("streamlit did not start:\n" + log.read().decode(errors="replace"))
    return url, proc, folder / "browser.db"


def stop_server(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def open_browser(playwright):
    """A browser and a page in its own context (one profile: its tabs share cookies, as a person's do)."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(60_000)
    return browser, context.new_page()


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




def sign_in(page, url: str, name: str, password: str) -> None:
    page.goto(url)
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text(f"Signed in as {name}").wait_for()
    settle(page)


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("Sign in to Unhurried").wait_for()
    settle(page)

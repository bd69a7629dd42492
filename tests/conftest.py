"""Shared fixtures. Nothing here touches the network or the user's real database."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from logbook import Logbook


@pytest.fixture(autouse=True)
def isolated_db(tmp_path, monkeypatch):
    """Point the default database at a temp dir for every test, so no test can reach data/."""
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "default.db"))


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """scrypt at full cost takes ~50 ms a hash; tests create many accounts. Hashes record their cost."""
    from logbook import accounts

    monkeypatch.setitem(accounts.SCRYPT, "n", 2**8)


@pytest.fixture
def fresh_db(tmp_path) -> Logbook:
    return Logbook(tmp_path / "logbook.db")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app running on the embedded model, on a free localhost port, with its own database."""
    from streamlit_browser import start_server, stop_server

    url, proc, db = start_server(tmp_path_factory)
    yield SimpleNamespace(url=url, db=db)
    stop_server(proc)


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    from streamlit_browser import open_browser

    with sync_playwright() as p:
        browser, page = open_browser(p)
        yield page
        browser.close()

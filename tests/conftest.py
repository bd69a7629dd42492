"""Shared fixtures. Nothing here touches the network or the user's real database."""
from __future__ import annotations

import pytest

from logbook import Logbook


@pytest.fixture(autouse=True)
def isolated_db(tmp_path, monkeypatch):
    """Point the default database at a temp dir for every test, so no test can reach data/."""
    monkeypatch.setenv("UNHURRIED_DB", str(tmp_path / "default.db"))


@pytest.fixture
def fresh_db(tmp_path) -> Logbook:
    return Logbook(tmp_path / "logbook.db")

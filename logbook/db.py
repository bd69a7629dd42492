"""Opening the logbook database: one setting for its path, short-lived connections, migrations.

Streamlit runs each browser session on its own thread, so nothing here shares a connection:
every operation opens one, does its work in a short transaction and closes it.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlite_utils

from .migrations import migrations

DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "unhurried.db"
BUSY_TIMEOUT_MS = 10_000

_migrated: set[str] = set()
_migrate_lock = threading.Lock()


class LogbookUnavailable(RuntimeError):
    """The database file cannot be opened or written; the message says what to do."""


def db_path() -> Path:
    """The database path: `UNHURRIED_DB` if set, else data/unhurried.db in the project."""
    return Path(os.environ.get("UNHURRIED_DB") or DEFAULT_DB)


def _open(path: Path) -> sqlite_utils.Database:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
    except (OSError, sqlite3.Error) as exc:
        raise LogbookUnavailable(f"The session log at {path} cannot be opened ({exc}). "
                                 "Check the file's permissions or set UNHURRIED_DB to another path.") from exc
    return sqlite_utils.Database(conn)


def migrate(path: Path) -> None:
    """Bring the database at `path` up to the latest schema. Safe to call any number of times."""
    db = _open(path)
    try:
        if db.journal_mode != "wal":
            db.enable_wal()
        migrations.apply(db)
    except sqlite3.Error as exc:
        raise LogbookUnavailable(f"The session log at {path} cannot be prepared ({exc}).") from exc
    finally:
        db.close()


@contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A write transaction that takes the lock up front, so concurrent writers queue on the busy
    timeout instead of failing when a read transaction tries to upgrade."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    db.execute("COMMIT")


@contextmanager
def connect(path: Path | str | None = None) -> Iterator[sqlite_utils.Database]:
    """A migrated connection for one operation; closed on exit."""
    path = Path(path) if path else db_path()
    key = str(path.resolve())
    if key not in _migrated:
        with _migrate_lock:
            if key not in _migrated:
                migrate(path)
                _migrated.add(key)
    db = _open(path)
    try:
        yield db
    finally:
        db.close()

"""Opening the logbook database: one setting for its path, short-lived connections, migrations.

Streamlit runs each browser session on its own thread, so nothing here shares a connection:
every operation opens one, does its work in a short transaction and closes it.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
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


def _is_busy(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def retry_busy(operation, *, within_s: float = BUSY_TIMEOUT_MS / 1000):
    """Run `operation()`, retrying with short growing waits while SQLite reports the database busy.

    The busy timeout covers ordinary writers queueing for BEGIN IMMEDIATE. It does not cover the few
    steps where SQLite gives up at once rather than risk a deadlock: switching the journal mode, and a
    transaction that read first and then wants to write (applying migrations). Several processes opening
    a new database at the same moment (app replicas, a CLI beside the app) hit exactly those; measured:
    of 6 processes migrating one new file together, 2 to 4 failed with "database is locked".
    """
    deadline = time.monotonic() + within_s
    wait = 0.005
    while True:
        try:
            return operation()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() + wait > deadline:
                raise
        time.sleep(wait)
        wait = min(wait * 2, 0.25)


def _apply_migrations(db: sqlite_utils.Database) -> None:
    if not migrations.pending(db):  # read-only check: an up-to-date read-only file still opens
        return
    # BEGIN IMMEDIATE: one process applies them while the others wait, then find nothing pending.
    with write(db):
        migrations.apply(db)


def migrate(path: Path) -> None:
    """Bring the database at `path` up to the latest schema. Safe to call any number of times, from
    any number of processes at once."""
    db = _open(path)
    try:
        retry_busy(lambda: db.journal_mode == "wal" or db.enable_wal())
        retry_busy(lambda: _apply_migrations(db))
    except sqlite3.Error as exc:
        raise LogbookUnavailable(f"The session log at {path} cannot be prepared ({exc}).") from exc
    finally:
        db.close()


@contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """A write transaction that takes the lock up front, so concurrent writers queue on the busy
    timeout instead of failing when a read transaction tries to upgrade."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise _unwritable(db, exc) or exc
    try:
        yield db
    except sqlite3.OperationalError as exc:
        db.rollback()
        raise _unwritable(db, exc) or exc
    except BaseException:
        db.rollback()
        raise
    db.execute("COMMIT")


_UNWRITABLE = ("readonly", "read-only", "disk i/o error", "database or disk is full", "unable to open")


def _unwritable(db: sqlite_utils.Database, exc: sqlite3.OperationalError) -> LogbookUnavailable | None:
    """A write refused because of the file (read-only, disk full, I/O), as a message for people."""
    if not any(marker in str(exc).lower() for marker in _UNWRITABLE):
        return None
    path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "") or "the database"
    return LogbookUnavailable(
        f"The session log at {path} cannot be written ({exc}). Nothing was saved. "
        "Check that the file and its folder are writable and the disk has space, or set UNHURRIED_DB "
        "to another path.")


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

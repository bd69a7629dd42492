"""The session logbook: SQLite through sqlite-utils. All SQL in the project lives in this package."""
from .db import LogbookUnavailable, connect, db_path
from .store import Logbook

__all__ = ["Logbook", "LogbookUnavailable", "connect", "db_path"]

"""The session logbook: SQLite through sqlite-utils. All SQL in the project lives in this package.

`Access` is the API for everything a person does (it checks permissions); `Logbook` is the storage
underneath it, for migrations, tests and tools.
"""
from .access import Access, Forbidden
from .accounts import ROLES, SignInError, accounts_exist, create_user, sign_in
from .db import LogbookUnavailable, connect, db_path
from .store import Logbook

__all__ = ["Access", "Forbidden", "Logbook", "LogbookUnavailable", "ROLES", "SignInError", "accounts_exist",
           "connect", "create_user", "db_path", "sign_in"]

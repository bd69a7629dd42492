"""Local accounts: scrypt password hashes and sign-in that slows down after repeated failures."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta, timezone
from functools import cache

from . import tokens
from .db import connect, write
from .store import Logbook, audit, now

ROLES = ("trainee", "supervisor", "course_lead", "admin")
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
FREE_ATTEMPTS = 3
MAX_LOCK_SECONDS = 15 * 60
MIN_PASSWORD = 8


class SignInError(Exception):
    """Sign-in refused; the message is safe to show (it never says which part was wrong)."""


def hash_password(password: str) -> str:
    """scrypt$n$r$p$salt$digest: the cost travels with the hash, so it can be raised later."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT)
    return "$".join(["scrypt", str(SCRYPT["n"]), str(SCRYPT["r"]), str(SCRYPT["p"]),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()])


def verify_password(password: str, stored: str | None) -> bool:
    if not stored or not stored.startswith("scrypt$"):
        return False
    _, n, r, p, salt, digest = stored.split("$")
    expected = base64.b64decode(digest)
    candidate = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                               dklen=len(expected))
    return hmac.compare_digest(candidate, expected)


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_hex(8))


def lock_seconds(failures: int) -> int:
    """No wait for the first few mistakes, then a wait that doubles with each failure."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(2 ** (failures - FREE_ATTEMPTS + 1) * 15, MAX_LOCK_SECONDS)


def create_user(book: Logbook, name: str, role: str, password: str | None) -> dict:
    """A new account. `password` may be None only for the local, no-sign-in trainee."""
    name = name.strip()
    if not name or len(name) > 80 or any(ch.isspace() and ch != " " for ch in name):
        raise ValueError("A user name needs 1 to 80 characters on one line.")
    if role not in ROLES:
        raise ValueError(f"role must be one of: {', '.join(ROLES)}")
    if password is not None:
        _check_password(password)
    with connect(book.path) as db:
        with write(db):
            if db.execute("select 1 from users where name = ?", [name]).fetchone():
                raise ValueError(f"There is already a user called {name!r}.")
            user_id = db["users"].insert({
                "name": name, "role": role, "created_at": now(),
                "password_hash": hash_password(password) if password is not None else None,
            }).last_pk
            return db["users"].get(user_id)


def accounts_exist(book: Logbook) -> bool:
    """Once anyone has a password, the app asks everyone to sign in."""
    with connect(book.path) as db:
        return db.execute(
            "select 1 from users where password_hash is not null and deleted_at is null limit 1").fetchone() is not None


def sign_in(book: Logbook, name: str, password: str, *, at: datetime | None = None) -> dict:
    """The user, if the password is right and the account is not waiting out earlier failures."""
    at = at or datetime.now(timezone.utc)
    refusal = None
    with connect(book.path) as db:
        with write(db):  # a failure is recorded (committed) before it is reported
            rows = list(db["users"].rows_where("name = ? and deleted_at is null", [name.strip()]))
            user = rows[0] if rows else None
            locked_until = datetime.fromisoformat(user["locked_until"]) if user and user["locked_until"] else None
            if locked_until and locked_until > at:
                refusal = f"Too many failed sign-ins. Try again in {int((locked_until - at).total_seconds()) + 1} seconds."
            elif user is None:
                verify_password(password, _dummy_hash())  # the same cost as a real check
                refusal = "That name and password do not match an account."
            elif not verify_password(password, user["password_hash"]):
                failures = (user["failed_logins"] or 0) + 1
                wait = lock_seconds(failures)
                db["users"].update(user["id"], {
                    "failed_logins": failures,
                    "locked_until": (at + timedelta(seconds=wait)).isoformat() if wait else None,
                })
                refusal = "That name and password do not match an account." + (
                    f" Wait {wait} seconds before trying again." if wait else "")
            else:
                db["users"].update(user["id"], {"failed_logins": 0, "locked_until": None})
                audit(db, user["id"], "sign_in", f"user:{user['id']}")
    if refusal:
        raise SignInError(refusal)
    return book.get_user(user["id"])


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"A password needs at least {MIN_PASSWORD} characters.")


def change_password(book: Logbook, user_id: int, current: str, new: str) -> None:
    """A person's own change: the current password first. Every remembered sign-in of theirs is revoked."""
    user = book.get_user(user_id)
    if user is None or not verify_password(current, user["password_hash"]):
        raise SignInError("The current password is not right.")
    _check_password(new)
    _store_password(book, user_id, new, "password_change")


def set_password(book: Logbook, name: str, new: str) -> dict:
    """An administrator's reset (the command line): the account's remembered sign-ins are revoked too."""
    _check_password(new)
    with connect(book.path) as db:
        rows = list(db["users"].rows_where("name = ? and deleted_at is null", [name.strip()]))
    if not rows:
        raise ValueError(f"There is no account called {name!r}.")
    _store_password(book, rows[0]["id"], new, "password_reset")
    return book.get_user(rows[0]["id"])


def _store_password(book: Logbook, user_id: int, password: str, action: str) -> None:
    with connect(book.path) as db, write(db):
        db["users"].update(user_id, {"password_hash": hash_password(password), "failed_logins": 0,
                                     "locked_until": None})
        revoked = tokens.revoke_all(db, user_id)
        audit(db, user_id, action, f"user:{user_id}", f"sign-ins revoked: {revoked}")

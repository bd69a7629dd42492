"""Remembered sign-ins: the signed, expiring token a browser keeps so a reload does not sign it out.

A token reads ``<record id>.<secret>.<signature>``. The signature (HMAC-SHA256 under this database's
own key) refuses a forged or edited token before the database is asked; the server-side record,
which stores only a hash of the secret, lets a token expire after twelve idle hours and be revoked
by signing out or changing the password. Token values are never logged or audited.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta, timezone

from .db import connect, write
from .store import Logbook, audit

IDLE_LIMIT = timedelta(hours=12)
LIFETIME = timedelta(days=14)
"""Even a token in daily use is refused after this long: the person signs in again."""
TOUCH_EVERY = timedelta(minutes=1)
"""How stale last_seen_at may get before a use is written down (most page runs only read)."""


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _signing_key(db) -> bytes:
    row = db.execute("select key from signing_keys order by id limit 1").fetchone()
    if row is None:
        with write(db):
            row = db.execute("select key from signing_keys order by id limit 1").fetchone()
            if row is None:
                db["signing_keys"].insert({"key": _b64(secrets.token_bytes(32)), "created_at": _iso(_now())})
                row = db.execute("select key from signing_keys order by id limit 1").fetchone()
    return row[0].encode()


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def _sign(key: bytes, body: str) -> str:
    return _b64(hmac.new(key, body.encode(), hashlib.sha256).digest())


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(book: Logbook, user_id: int, *, at: datetime | None = None) -> str:
    """A new token for `user_id`, recorded as used now."""
    at = at or _now()
    secret = _b64(secrets.token_bytes(24))
    with connect(book.path) as db:
        key = _signing_key(db)
        with write(db):
            record_id = db["sign_ins"].insert({"user_id": user_id, "secret_hash": _hash(secret),
                                               "created_at": _iso(at), "last_seen_at": _iso(at)}).last_pk
    body = f"{record_id}.{secret}"
    return f"{body}.{_sign(key, body)}"


def _record(db, token: str | None) -> dict | None:
    """The token's record if its signature and secret check out (revoked or not), else None."""
    parts = (token or "").split(".")
    if len(parts) != 3 or not parts[0].isdigit() or len(token) > 200:
        return None
    record_id, secret, signature = parts
    if not hmac.compare_digest(_sign(_signing_key(db), f"{record_id}.{secret}"), signature):
        return None
    rows = list(db["sign_ins"].rows_where("id = ?", [int(record_id)]))
    if not rows or not hmac.compare_digest(rows[0]["secret_hash"], _hash(secret)):
        return None
    return rows[0]


def user_for(book: Logbook, token: str | None, *, at: datetime | None = None) -> dict | None:
    """The signed-in user the token stands for, or None if it is forged, expired, revoked or theirs no more."""
    at = at or _now()
    with connect(book.path) as db:
        record = _record(db, token)
        if record is None or record["revoked_at"]:
            return None
        last_seen = datetime.fromisoformat(record["last_seen_at"])
        if at - last_seen > IDLE_LIMIT or at - datetime.fromisoformat(record["created_at"]) > LIFETIME:
            return None
        users = list(db["users"].rows_where("id = ? and deleted_at is null and password_hash is not null",
                                            [record["user_id"]]))
        if not users:
            return None
        if at - last_seen > TOUCH_EVERY:
            with write(db):
                db["sign_ins"].update(record["id"], {"last_seen_at": _iso(at)})
        return users[0]


def sign_out(book: Logbook, token: str | None, *, at: datetime | None = None) -> None:
    """Revoke the token (if it is a real one) and audit the sign-out."""
    with connect(book.path) as db:
        record = _record(db, token)
        if record is None:
            return
        with write(db):
            if not record["revoked_at"]:
                db["sign_ins"].update(record["id"], {"revoked_at": _iso(at or _now())})
            audit(db, record["user_id"], "sign_out", f"user:{record['user_id']}")


def revoke_all(db, user_id: int) -> int:
    """Revoke every token of a user, inside the caller's write (a password change, a deleted account)."""
    return db.execute("update sign_ins set revoked_at = ? where user_id = ? and revoked_at is null",
                      [_iso(_now()), user_id]).rowcount

"""Accounts: password hashing, sign-in that slows down after failures, and the create-user CLI."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from logbook import Logbook, SignInError, accounts_exist, create_user, sign_in
from logbook.accounts import FREE_ATTEMPTS, hash_password, lock_seconds, verify_password

ROOT = Path(__file__).resolve().parent.parent


def test_hashes_are_salted_scrypt_and_verify():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first.startswith("scrypt$") and first != second
    assert verify_password("correct horse", first) and not verify_password("wrong horse", first)
    assert not verify_password("anything", None)


def test_create_user_validates(fresh_db):
    create_user(fresh_db, "amira", "trainee", "password123")
    with pytest.raises(ValueError, match="already"):
        create_user(fresh_db, "amira", "trainee", "password123")
    with pytest.raises(ValueError, match="role"):
        create_user(fresh_db, "bea", "wizard", "password123")
    with pytest.raises(ValueError, match="8 characters"):
        create_user(fresh_db, "bea", "trainee", "short")
    with pytest.raises(ValueError, match="one line"):
        create_user(fresh_db, "bea\nadmin", "trainee", "password123")


def test_accounts_exist_once_someone_has_a_password(fresh_db):
    fresh_db.ensure_user("trainee")  # the local, no-sign-in user of a personal install
    assert not accounts_exist(fresh_db)
    create_user(fresh_db, "admin", "admin", "password123")
    assert accounts_exist(fresh_db)


def test_sign_in_and_the_same_message_for_wrong_name_or_password(fresh_db):
    create_user(fresh_db, "amira", "trainee", "password123")
    assert sign_in(fresh_db, "amira", "password123")["name"] == "amira"
    with pytest.raises(SignInError) as wrong_password:
        sign_in(fresh_db, "amira", "nope")
    with pytest.raises(SignInError) as wrong_name:
        sign_in(fresh_db, "nobody", "nope")
    assert str(wrong_name.value) == str(wrong_password.value).split(" Wait")[0]


def test_repeated_failures_are_slowed_down_then_forgiven(fresh_db):
    create_user(fresh_db, "amira", "trainee", "password123")
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(SignInError):
            sign_in(fresh_db, "amira", "guess", at=t0)
    with pytest.raises(SignInError, match="Try again in"):
        sign_in(fresh_db, "amira", "password123", at=t0 + timedelta(seconds=1))  # even the right password waits
    later = t0 + timedelta(seconds=lock_seconds(FREE_ATTEMPTS) + 1)
    assert sign_in(fresh_db, "amira", "password123", at=later)["name"] == "amira"
    assert sign_in(fresh_db, "amira", "password123", at=later)  # success resets the count


def test_waits_grow_and_are_capped():
    waits = [lock_seconds(n) for n in range(1, 12)]
    assert waits[:FREE_ATTEMPTS - 1] == [0] * (FREE_ATTEMPTS - 1)
    assert all(a <= b for a, b in zip(waits, waits[1:])) and waits[-1] == 15 * 60


def test_cli_creates_the_first_admin_with_a_password_from_stdin(tmp_path):
    db = tmp_path / "cli.db"
    result = subprocess.run([sys.executable, "-m", "logbook", "--db", str(db), "create-user", "root", "--role",
                             "admin"], input="a long password\n", cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sign_in(Logbook(db), "root", "a long password")["role"] == "admin"
    again = subprocess.run([sys.executable, "-m", "logbook", "--db", str(db), "create-user", "root"],
                           input="a long password\n", cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1 and "already" in again.stderr

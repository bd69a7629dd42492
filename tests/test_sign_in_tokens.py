"""Remembered sign-ins: signed, expiring, revocable tokens, and the audit trail around them."""
from datetime import datetime, timedelta, timezone

import pytest

from logbook import Access, SignInError, create_user, sign_in, tokens
from logbook.accounts import change_password, set_password

PASSWORD = "correct horse"
NOW = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def rae(fresh_db):
    return create_user(fresh_db, "rae", "trainee", PASSWORD)


def test_a_token_stands_for_its_user_until_idle_for_twelve_hours(fresh_db, rae):
    token = tokens.issue(fresh_db, rae["id"], at=NOW)
    assert tokens.user_for(fresh_db, token, at=NOW + timedelta(hours=11))["id"] == rae["id"]
    # that use counted: twelve hours from it, not from the sign-in
    assert tokens.user_for(fresh_db, token, at=NOW + timedelta(hours=22))["id"] == rae["id"]
    assert tokens.user_for(fresh_db, token, at=NOW + timedelta(hours=34, minutes=1)) is None


def test_even_a_token_in_daily_use_ends_after_its_lifetime(fresh_db, rae):
    token = tokens.issue(fresh_db, rae["id"], at=NOW)
    day = NOW
    while day - NOW < tokens.LIFETIME - timedelta(days=1):
        day += timedelta(hours=10)
        assert tokens.user_for(fresh_db, token, at=day) is not None
    assert tokens.user_for(fresh_db, token, at=NOW + tokens.LIFETIME + timedelta(minutes=1)) is None


@pytest.mark.parametrize("edit", [
    lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),               # signature changed
    lambda t: "9" + t,                                                 # another record's id
    lambda t: ".".join([t.split(".")[0], "x" * 32, t.split(".")[2]]),  # another secret, same signature
    lambda t: "",
    lambda t: "a.b",
    lambda t: t + "." + t,
    lambda t: "1" * 500,
])
def test_a_forged_or_edited_token_is_refused(fresh_db, rae, edit):
    token = tokens.issue(fresh_db, rae["id"], at=NOW)
    assert tokens.user_for(fresh_db, edit(token), at=NOW) is None


def test_a_token_from_another_database_is_refused(fresh_db, rae, tmp_path):
    from logbook import Logbook

    other = Logbook(tmp_path / "other.db")
    create_user(other, "rae", "trainee", PASSWORD)
    assert tokens.user_for(fresh_db, tokens.issue(other, 1, at=NOW), at=NOW) is None


def test_signing_out_revokes_only_that_browser(fresh_db, rae):
    laptop, phone = tokens.issue(fresh_db, rae["id"], at=NOW), tokens.issue(fresh_db, rae["id"], at=NOW)
    tokens.sign_out(fresh_db, laptop, at=NOW)
    assert tokens.user_for(fresh_db, laptop, at=NOW) is None
    assert tokens.user_for(fresh_db, phone, at=NOW)["id"] == rae["id"]
    tokens.sign_out(fresh_db, "forged.token.value")  # nothing to revoke, nothing audited


def test_changing_the_password_revokes_every_token(fresh_db, rae):
    laptop, phone = tokens.issue(fresh_db, rae["id"]), tokens.issue(fresh_db, rae["id"])
    with pytest.raises(SignInError, match="current password"):
        change_password(fresh_db, rae["id"], "wrong password", "a new password")
    assert tokens.user_for(fresh_db, laptop) is not None  # a refused change revokes nothing
    with pytest.raises(ValueError, match="at least 8"):
        change_password(fresh_db, rae["id"], PASSWORD, "short")
    change_password(fresh_db, rae["id"], PASSWORD, "a new password")
    assert tokens.user_for(fresh_db, laptop) is None and tokens.user_for(fresh_db, phone) is None
    assert sign_in(fresh_db, "rae", "a new password")["id"] == rae["id"]


def test_an_administrators_reset_and_a_deleted_account_revoke_tokens_too(fresh_db, rae):
    token = tokens.issue(fresh_db, rae["id"])
    set_password(fresh_db, "rae", "reset by admin")
    assert tokens.user_for(fresh_db, token) is None
    token = tokens.issue(fresh_db, rae["id"])
    Access(fresh_db, rae["id"]).delete_my_data()
    assert tokens.user_for(fresh_db, token) is None
    with pytest.raises(ValueError, match="no account called"):
        set_password(fresh_db, "nobody", "whatever123")


def test_sign_in_and_sign_out_are_audited_without_token_values(fresh_db, rae):
    admin = create_user(fresh_db, "ada", "admin", PASSWORD)
    with pytest.raises(SignInError):
        sign_in(fresh_db, "rae", "wrong password")
    sign_in(fresh_db, "rae", PASSWORD)
    token = tokens.issue(fresh_db, rae["id"])
    tokens.sign_out(fresh_db, token)
    change_password(fresh_db, rae["id"], PASSWORD, "a new password")
    log = Access(fresh_db, admin["id"]).audit_log()
    assert [(row["action"], row["actor_id"]) for row in log] == [
        ("sign_in", rae["id"]), ("sign_out", rae["id"]), ("password_change", rae["id"])]
    secret = token.split(".")[1]
    assert not any(secret in str(value) for row in log for value in row.values())


def test_the_failed_sign_in_back_off_still_applies(fresh_db, rae):
    for _ in range(3):
        with pytest.raises(SignInError):
            sign_in(fresh_db, "rae", "wrong password", at=NOW)
    with pytest.raises(SignInError, match="Too many failed sign-ins"):
        sign_in(fresh_db, "rae", PASSWORD, at=NOW + timedelta(seconds=5))
    assert sign_in(fresh_db, "rae", PASSWORD, at=NOW + timedelta(seconds=31))["id"] == rae["id"]

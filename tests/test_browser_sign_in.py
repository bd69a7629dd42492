"""Remembered sign-in in a real browser: a reload and a second tab stay signed in; sign-out, forged and expired
tokens all end at the sign-in page."""
from datetime import datetime, timedelta, timezone

from logbook import Access, Logbook, create_user, tokens
from streamlit_browser import needs_chromium, settle, sign_in, sign_out

pytestmark = needs_chromium
PASSWORD = "a long password"


def shows_sign_in(page) -> bool:
    settle(page)
    return page.get_by_text("Sign in to Unhurried").count() == 1 and page.get_by_text("Signed in as").count() == 0


def signed_in_as(page, name: str) -> bool:
    page.get_by_text(f"Signed in as {name}").wait_for()
    settle(page)
    return page.get_by_text("Sign in to Unhurried").count() == 0


def use_cookie(page, server, value: str) -> None:
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "unhurried_sign_in", "value": value, "url": server.url}])
    page.goto(server.url)


def test_reload_and_new_tab_stay_signed_in_and_sign_out_ends_it(page, server):
    create_user(Logbook(server.db), "rae", "trainee", PASSWORD)
    sign_in(page, server.url, "rae", PASSWORD)
    cookie = next(c for c in page.context.cookies() if c["name"] == "unhurried_sign_in")
    assert cookie["sameSite"] == "Strict" and cookie["expires"] > 0

    page.reload()
    assert signed_in_as(page, "rae")
    second = page.context.new_page()
    second.goto(server.url)
    assert signed_in_as(second, "rae")

    sign_out(second)
    assert not any(c["name"] == "unhurried_sign_in" for c in page.context.cookies())
    page.reload()
    assert shows_sign_in(page)
    use_cookie(page, server, cookie["value"])  # the old token, put back by hand: revoked on the server
    assert shows_sign_in(page)
    admin = create_user(Logbook(server.db), "adm", "admin", PASSWORD)
    audit = [row["action"] for row in Access(Logbook(server.db), admin["id"]).audit_log()]
    assert audit.count("sign_in") == 1 and audit.count("sign_out") == 1


def test_forged_tampered_and_expired_tokens_are_refused(page, server):
    book = Logbook(server.db)
    user = create_user(book, "ola", "trainee", PASSWORD)
    good = tokens.issue(book, user["id"])
    record_id, secret, signature = good.split(".")
    for forged in ("not-a-token", f"{record_id}.{secret}.{signature[:-2]}AA", f"{record_id}.{'x' * len(secret)}.{signature}"):
        use_cookie(page, server, forged)
        assert shows_sign_in(page)
    idle = tokens.issue(book, user["id"], at=datetime.now(timezone.utc) - timedelta(hours=13))
    use_cookie(page, server, idle)
    assert shows_sign_in(page)
    use_cookie(page, server, good)
    assert signed_in_as(page, "ola")

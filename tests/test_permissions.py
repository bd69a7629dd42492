"""The permission matrix: every role against every kind of record, enforced in the logbook API."""
from __future__ import annotations

import pytest

from logbook import Access, Forbidden, Logbook, connect, create_user

PEOPLE = ("trainee", "other_trainee", "supervisor", "other_supervisor", "course_lead", "admin")


@pytest.fixture
def world(fresh_db: Logbook):
    """Two trainees, two supervisors (only one assigned to the trainee), a course lead and an admin."""
    role_of = {"trainee": "trainee", "other_trainee": "trainee", "supervisor": "supervisor",
               "other_supervisor": "supervisor", "course_lead": "course_lead", "admin": "admin"}
    ids = {who: create_user(fresh_db, who, role, "password123")["id"] for who, role in role_of.items()}
    as_ = {who: Access(fresh_db, uid) for who, uid in ids.items()}
    as_["course_lead"].assign(ids["supervisor"], ids["trainee"])
    sessions = {}
    for name in ("submitted", "private"):
        sid = as_["trainee"].start_session(persona_id="carer_guilt", card_hash="h", model_backend="embedded",
                                           engine_version="e")
        as_["trainee"].add_turn(sid, "client", f"Opening of the {name} session, about my mum.", source="opening")
        turn = as_["trainee"].add_turn(sid, "trainee", f"You should visit her more ({name}).", source="typed",
                                       feedback={"label": "advice", "confidence": 0.9, "family": "lapse"})
        as_["trainee"].save_reflection(sid, {"pull": "fix it"}, turn_id=turn["id"])
        sessions[name] = (sid, turn["id"])
    as_["trainee"].submit(sessions["submitted"][0])
    as_["supervisor"].review(sessions["submitted"][0], turn_id=sessions["submitted"][1], verdict="disagree",
                             comment="Felt like a reflection to me.")
    return fresh_db, ids, as_, sessions


def allowed(action) -> bool:
    try:
        action()
    except Forbidden:
        return False
    return True


READERS = {"submitted": {"trainee", "supervisor"}, "private": {"trainee"}}


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("which", ["submitted", "private"])
def test_reading_a_session_its_turns_reflections_reviews_and_export(world, who, which):
    _, _, as_, sessions = world
    sid, _ = sessions[which]
    can = who in READERS[which]
    access = as_[who]
    for read in (access.session, access.turns, access.reflections, access.reviews, access.branches,
                 lambda s: access.export(s, "json")):
        assert allowed(lambda: read(sid)) == can, (who, which, read)


@pytest.mark.parametrize("who", PEOPLE)
@pytest.mark.parametrize("which", ["submitted", "private"])
def test_writing_to_a_session_is_for_its_trainee_only(world, who, which):
    _, _, as_, sessions = world
    sid, turn_id = sessions[which]
    access, owner = as_[who], who == "trainee"
    assert allowed(lambda: access.save_reflection(sid, {"pull": "x"}, turn_id=turn_id)) == owner
    assert allowed(lambda: access.branch(sid, 1)) == owner
    assert allowed(lambda: access.submit(sid)) == owner
    assert allowed(lambda: access.finish(sid)) == owner
    assert allowed(lambda: access.add_turn(sid, "client", "x", source="model")) == owner


@pytest.mark.parametrize("who", PEOPLE)
def test_only_the_assigned_supervisor_reviews_and_only_submitted_sessions(world, who):
    _, _, as_, sessions = world
    access = as_[who]
    submitted, private = sessions["submitted"], sessions["private"]
    assert allowed(lambda: access.review(submitted[0], turn_id=submitted[1], verdict="agree")) == (who == "supervisor")
    assert allowed(lambda: access.review(submitted[0], comment="Good.")) == (who == "supervisor")
    assert not allowed(lambda: access.review(private[0], comment="Good."))
    assert allowed(access.to_review) == (who in {"supervisor", "other_supervisor"})


def test_supervisors_queue_holds_only_their_trainees_submissions(world):
    _, _, as_, sessions = world
    assert [s["id"] for s in as_["supervisor"].to_review()] == [sessions["submitted"][0]]
    assert as_["other_supervisor"].to_review() == []


def test_the_trainee_sees_the_supervisors_comment(world):
    _, _, as_, sessions = world
    reviews = as_["trainee"].reviews(sessions["submitted"][0])
    assert [(r["reviewer"], r["verdict"], r["comment"]) for r in reviews] == [
        ("supervisor", "disagree", "Felt like a reflection to me.")]


@pytest.mark.parametrize("who", PEOPLE)
def test_course_level_records(world, who):
    _, ids, as_, _ = world
    access = as_[who]
    lead, admin = who == "course_lead", who == "admin"
    assert allowed(access.cohort_sessions) == lead
    assert allowed(access.verdicts) == lead
    assert allowed(lambda: access.save_persona_version("new_card", "yaml: here", "abc")) == lead
    assert allowed(lambda: access.assign(ids["other_supervisor"], ids["other_trainee"])) == (lead or admin)
    assert allowed(lambda: access.create_cohort(f"cohort of {who}", [ids["trainee"]])) == (lead or admin)
    assert allowed(access.users) == (lead or admin)


@pytest.mark.parametrize("who", PEOPLE)
def test_account_records_are_for_admins(world, who):
    _, ids, as_, _ = world
    access = as_[who]
    admin = who == "admin"
    assert allowed(lambda: access.create_user(f"new {who}", "trainee", "password123")) == admin
    assert allowed(lambda: access.set_role(ids["other_trainee"], "trainee")) == admin
    assert allowed(access.audit_log) == admin


def test_cohort_figures_count_submitted_sessions_only_and_carry_no_text(world):
    _, _, as_, sessions = world
    rows = as_["course_lead"].cohort_sessions()
    assert [r["session_id"] for r in rows] == [sessions["submitted"][0]]
    assert rows[0]["counts"] == {"advice": 1}
    assert "You should" not in repr(rows)


def test_search_finds_only_your_own_turns(world):
    _, _, as_, _ = world
    assert len(as_["trainee"].search("visit")) == 2
    assert as_["other_trainee"].search("visit") == []
    assert as_["supervisor"].search("visit") == []


def test_a_deleted_account_can_do_nothing(world):
    _, _, as_, _ = world
    as_["other_trainee"].delete_my_data()
    with pytest.raises(Forbidden):
        Access(world[0], world[1]["other_trainee"])


def test_deleting_my_data_removes_it_from_every_table_and_from_search(world):
    book, ids, as_, sessions = world
    as_["trainee"].delete_my_data()
    with connect(book.path) as db:
        assert db.execute("select count(*) from sessions where user_id = ?", [ids["trainee"]]).fetchone()[0] == 0
        for table in ("turns", "reflections", "reviews"):
            assert db.execute(f"select count(*) from {table}").fetchone()[0] == 0, table
        assert db.execute("select count(*) from turns_search where turns_search match 'visit'").fetchone()[0] == 0
        assert db.execute("select count(*) from turns_search").fetchone()[0] == 0
        assert db.execute("select count(*) from assignments where trainee_id = ?", [ids["trainee"]]).fetchone()[0] == 0
        user = db["users"].get(ids["trainee"])
        assert user["name"] != "trainee" and user["password_hash"] is None and user["deleted_at"]
        log = list(db["audit_log"].rows_where("action = 'delete_all'"))
        assert len(log) == 1 and "mum" not in repr(log) and "visit" not in repr(log)

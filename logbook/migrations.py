"""Numbered schema migrations. Append new ones at the end; never edit an applied one."""
from __future__ import annotations

from sqlite_utils import Migrations

migrations = Migrations("unhurried")


@migrations()
def m001_core_tables(db):
    db["users"].create(
        {"id": int, "name": str, "role": str, "created_at": str},
        pk="id",
        not_null={"name", "role", "created_at"},
    )
    db["users"].create_index(["name"], unique=True)
    db["sessions"].create(
        {
            "id": int,
            "user_id": int,
            "persona_id": str,
            "card_hash": str,
            "model_backend": str,
            "engine_version": str,
            "mode": str,
            "status": str,
            "started_at": str,
            "ended_at": str,
            "submitted_at": str,
        },
        pk="id",
        not_null={"user_id", "persona_id", "card_hash", "model_backend", "engine_version", "mode", "status",
                  "started_at"},
        foreign_keys=[("user_id", "users", "id")],
    )
    db["sessions"].create_index(["user_id", "started_at"])
    db["turns"].create(
        {
            "id": int,
            "session_id": int,
            "idx": int,
            "speaker": str,
            "text": str,
            "created_at": str,
            "state_json": str,
            "feedback_json": str,
            "source": str,
        },
        pk="id",
        not_null={"session_id", "idx", "speaker", "text", "created_at", "source"},
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db["turns"].create_index(["session_id", "idx"], unique=True)
    db["reflections"].create(
        {"id": int, "session_id": int, "turn_id": int, "body_json": str, "updated_at": str},
        pk="id",
        not_null={"session_id", "body_json", "updated_at"},
        foreign_keys=[("session_id", "sessions", "id"), ("turn_id", "turns", "id")],
    )
    db["reflections"].create_index(["session_id", "turn_id"], unique=True)
    db["reviews"].create(
        {
            "id": int,
            "session_id": int,
            "reviewer_id": int,
            "turn_id": int,
            "verdict": str,
            "label": str,
            "comment": str,
            "created_at": str,
        },
        pk="id",
        not_null={"session_id", "reviewer_id", "created_at"},
        foreign_keys=[("session_id", "sessions", "id"), ("reviewer_id", "users", "id"), ("turn_id", "turns", "id")],
    )
    db["reviews"].create_index(["session_id"])
    db["turns"].enable_fts(["text"], create_triggers=True, tokenize="porter")


@migrations()
def m002_session_branches(db):
    """Rewind and retry: a branch is a new session that copies its parent's turns up to a point."""
    db["sessions"].add_column("parent_id", int, fk="sessions", fk_col="id")
    db["sessions"].add_column("branched_at_idx", int)
    db["sessions"].create_index(["parent_id"])


@migrations()
def m003_accounts_roles_reviews(db):
    """Accounts with roles, supervisor assignments, cohorts, persona versions, audit log."""
    db["users"].add_column("password_hash", str)
    db["users"].add_column("failed_logins", int, not_null_default=0)
    db["users"].add_column("locked_until", str)
    db["users"].add_column("deleted_at", str)
    db["assignments"].create(
        {"supervisor_id": int, "trainee_id": int, "created_at": str},
        pk=("supervisor_id", "trainee_id"),
        foreign_keys=[("supervisor_id", "users", "id"), ("trainee_id", "users", "id")],
    )
    db["assignments"].create_index(["trainee_id"])
    db["cohorts"].create({"id": int, "name": str, "created_at": str}, pk="id", not_null={"name"})
    db["cohorts"].create_index(["name"], unique=True)
    db["cohort_members"].create(
        {"cohort_id": int, "user_id": int},
        pk=("cohort_id", "user_id"),
        foreign_keys=[("cohort_id", "cohorts", "id"), ("user_id", "users", "id")],
    )
    db["persona_versions"].create(
        {"id": int, "persona_id": str, "version": int, "yaml": str, "card_hash": str, "status": str,
         "author_id": int, "created_at": str},
        pk="id",
        not_null={"persona_id", "version", "yaml", "card_hash", "status", "created_at"},
        foreign_keys=[("author_id", "users", "id")],
    )
    db["persona_versions"].create_index(["persona_id", "version"], unique=True)
    db["audit_log"].create(
        {"id": int, "at": str, "actor_id": int, "action": str, "subject": str, "detail": str},
        pk="id",
        not_null={"at", "action"},
    )
    db["reviews"].create_index(["turn_id"])


@migrations()
def m004_turn_labels(db):
    """The engine's label as a column, so dashboards can count labels without parsing JSON."""
    db["turns"].add_column("label", str)
    db.execute("update turns set label = json_extract(feedback_json, '$.label') where feedback_json is not null")
    db["turns"].create_index(["session_id", "label"])


@migrations()
def m005_cohort_label_index(db):
    """The cohort dashboard counts trainee turns by label per submitted session: with this index it
    reads only the index (session, speaker, label), never the wide turn rows with their JSON.
    Measured on 20,000 sessions / 1.2M turns: 600 ms -> under 100 ms (see benchmarks/bench_scale.py)."""
    db["turns"].create_index(["session_id", "speaker", "label"], if_not_exists=True)


@migrations()
def m006_turn_search_by_owner(db):
    """Full-text search of one person's turns without ranking everyone's.

    ``turns_fts`` indexes every turn, so a common word ("feel") matched hundreds of thousands of turns,
    all ranked, before the owner filter threw most away (600 ms at 1.2M turns). ``turns_search`` indexes
    each turn's text with its owner as a second, indexed column, so the query intersects the word with
    ``owner : "u<id>"`` inside the index and ranks only that person's hits (< 20 ms). Kept up to date by
    triggers, like ``turns_fts`` (which stays, for anything that reads it).
    """
    db.execute("create virtual table if not exists turns_search using fts5(text, owner, tokenize='porter')")
    db.execute("""insert into turns_search (rowid, text, owner)
                  select t.id, t.text, 'u' || s.user_id from turns t join sessions s on s.id = t.session_id""")
    db.execute("""create trigger if not exists turns_search_ai after insert on turns begin
                    insert into turns_search (rowid, text, owner)
                    values (new.id, new.text, 'u' || (select user_id from sessions where id = new.session_id));
                  end""")
    db.execute("""create trigger if not exists turns_search_ad after delete on turns begin
                    delete from turns_search where rowid = old.id;
                  end""")
    db.execute("""create trigger if not exists turns_search_au after update of text, session_id on turns begin
                    delete from turns_search where rowid = old.id;
                    insert into turns_search (rowid, text, owner)
                    values (new.id, new.text, 'u' || (select user_id from sessions where id = new.session_id));
                  end""")


@migrations()
def m007_one_turn_search_index(db):
    """Search reads only ``turns_search`` (migration 006); a second full-text copy of every turn
    doubled the index on disk and the work of every insert and delete."""
    db["turns"].disable_fts()


@migrations()
def m008_missed_risk_cue_index(db):
    """The cohort dashboard counts sessions with a risk cue the trainee did not ask about. The engine marks the
    trainee turn that left a cue unasked for the second turn running (``feedback.risk_cue_missed``); this partial
    index holds only those turns, so the count never parses the other turns' JSON."""
    db.execute("""create index if not exists turns_risk_cue_missed on turns (session_id)
                  where speaker = 'trainee' and json_extract(feedback_json, '$.risk_cue_missed') <> ''""")


@migrations()
def m009_remembered_sign_ins(db):
    """A browser that signed in keeps a signed token in a cookie; this is its server-side record, so a token
    can expire when idle and be revoked by signing out or changing the password. Only a hash of the token's
    secret is stored. The signing key lives here too: one per database, made on first use."""
    db["sign_ins"].create(
        {"id": int, "user_id": int, "secret_hash": str, "created_at": str, "last_seen_at": str, "revoked_at": str},
        pk="id",
        not_null={"user_id", "secret_hash", "created_at", "last_seen_at"},
        foreign_keys=[("user_id", "users", "id")],
    )
    db["sign_ins"].create_index(["user_id"])
    db["signing_keys"].create({"id": int, "key": str, "created_at": str}, pk="id", not_null={"key", "created_at"})


@migrations()
def m010_imported_reviewer_names(db):
    """Reviews re-imported from a supervision pack keep the reviewer's name as the pack gives it; they belong
    to one placeholder account that cannot sign in, so an imported name never becomes a usable account."""
    db["reviews"].add_column("reviewer_name", str)

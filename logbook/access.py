"""The logbook as one signed-in person may use it: every read and write names the acting user.

Pages and CLIs reach sessions only through `Access`, so a permission cannot be skipped by
hiding a page or editing a URL. The rules:

- trainees read and write only their own sessions, reflections and data; practice is private;
- supervisors read sessions that trainees assigned to them have *submitted*, and review them;
- course leads manage personas, cohorts and assignments and see cohort-level figures of submitted
  sessions, not transcripts;
- admins manage accounts.
A session that the actor may not see is reported exactly like one that does not exist.
"""
from __future__ import annotations

import json

from feedback.risk import NO_CARD, CardRisk
from feedback.types import LABELS

from . import accounts, tokens
from .db import connect, write
from .store import Logbook, audit, now

VERDICTS = ("agree", "disagree", "relabel")
PERSONA_STATUSES = ("draft", "published", "retired")


class Forbidden(PermissionError):
    """The acting user may not do this; the message is safe to show."""


class Access:
    def __init__(self, book: Logbook, actor_id: int):
        self.book = book
        user = book.get_user(actor_id)
        if user is None or user["deleted_at"]:
            raise Forbidden("This account no longer exists.")
        self.actor = user

    @property
    def id(self) -> int:
        return self.actor["id"]

    @property
    def role(self) -> str:
        return self.actor["role"]

    def require(self, *roles: str, doing: str) -> None:
        if self.role not in roles:
            who = " or ".join(r.replace("_", " ") + "s" for r in roles)
            raise Forbidden(f"Only {who} can {doing}.")

    def _audit(self, db, action: str, subject: str, detail: str = "") -> None:
        audit(db, self.id, action, subject, detail)

    # which sessions --------------------------------------------------------------------------

    def _supervises(self, trainee_id: int) -> bool:
        with connect(self.book.path) as db:
            return db.execute("select 1 from assignments where supervisor_id = ? and trainee_id = ?",
                              [self.id, trainee_id]).fetchone() is not None

    def can_read(self, session: dict) -> bool:
        if session["user_id"] == self.id:
            return True
        return self.role == "supervisor" and bool(session["submitted_at"]) and self._supervises(session["user_id"])

    def session(self, session_id: int) -> dict:
        session = self.book.get_session(session_id)
        if session is None or not self.can_read(session):
            raise Forbidden(f"Session {session_id} is not one you can see.")
        return session

    def _own(self, session_id: int) -> dict:
        session = self.book.get_session(session_id)
        if session is None or session["user_id"] != self.id:
            raise Forbidden(f"Session {session_id} is not one you can see.")
        return session

    # a trainee's own practice ----------------------------------------------------------------

    def sessions(self, status: str | None = None) -> list[dict]:
        return self.book.list_sessions(self.id, status)

    def practice_turns(self) -> dict[int, tuple[dict, list[dict]]]:
        """All of this user's sessions that have turns, with their turns (one query, for trends)."""
        return self.book.turns_by_session(self.id)

    def start_session(self, **fields) -> int:
        return self.book.create_session(user_id=self.id, **fields)

    def turns(self, session_id: int) -> list[dict]:
        self.session(session_id)
        return self.book.turns(session_id)

    def add_turn(self, session_id: int, speaker: str, text: str, **fields) -> dict:
        self._own(session_id)
        return self.book.add_turn(session_id, speaker, text, **fields)

    def finish(self, session_id: int) -> None:
        self._own(session_id)
        self.book.finish_session(session_id)

    def submit(self, session_id: int) -> None:
        self._own(session_id)
        self.book.submit_session(session_id)
        with connect(self.book.path) as db, write(db):
            self._audit(db, "submit", f"session:{session_id}")

    def branch(self, session_id: int, at_idx: int) -> int:
        self._own(session_id)
        return self.book.branch_session(session_id, at_idx)

    def branches(self, session_id: int) -> list[dict]:
        self.session(session_id)
        return [b for b in self.book.branches(session_id) if self.can_read(b)]

    def reflections(self, session_id: int) -> list[dict]:
        self.session(session_id)
        return self.book.reflections(session_id)

    def save_reflection(self, session_id: int, body: dict, turn_id: int | None = None) -> None:
        self._own(session_id)
        self.book.save_reflection(session_id, body, turn_id=turn_id)

    def search(self, query: str, limit: int = 50) -> list[dict]:
        return self.book.search_turns(query, user_id=self.id, limit=limit)

    # supervision -----------------------------------------------------------------------------

    def to_review(self) -> list[dict]:
        """Submitted sessions of the trainees assigned to this supervisor, newest first."""
        self.require("supervisor", doing="review submitted sessions")
        with connect(self.book.path) as db:
            return list(db.query(
                """select s.*, u.name as trainee, (select count(*) from reviews r where r.session_id = s.id) as reviews
                   from sessions s join assignments a on a.trainee_id = s.user_id join users u on u.id = s.user_id
                   where a.supervisor_id = ? and s.submitted_at is not null and u.deleted_at is null
                   order by s.submitted_at desc""", [self.id]))

    def reviews(self, session_id: int) -> list[dict]:
        """Verdicts, margin comments and the overall note on a session: its trainee sees them too."""
        self.session(session_id)
        with connect(self.book.path) as db:
            return list(db.query(
                """select r.*, coalesce(r.reviewer_name, u.name) as reviewer from reviews r
                   join users u on u.id = r.reviewer_id where r.session_id = ? order by r.id""", [session_id]))

    def review(self, session_id: int, *, turn_id: int | None = None, verdict: str | None = None,
               label: str | None = None, comment: str | None = None) -> int:
        """A supervisor's verdict on a flag (agree / disagree / relabel), a margin comment, or the overall note."""
        self.require("supervisor", doing="review sessions")
        session = self.session(session_id)
        if not session["submitted_at"]:
            raise Forbidden("Only submitted sessions can be reviewed.")
        if verdict is not None and verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}")
        if verdict == "relabel" and label not in LABELS:
            raise ValueError("A relabel needs the correct label.")
        if verdict is None and not (comment or "").strip():
            raise ValueError("A comment cannot be empty.")
        with connect(self.book.path) as db, write(db):
            if turn_id is not None and db.execute("select 1 from turns where id = ? and session_id = ?",
                                                  [turn_id, session_id]).fetchone() is None:
                raise Forbidden(f"Turn {turn_id} is not part of session {session_id}.")
            if verdict is not None:  # one verdict per flag: the latest replaces the earlier one
                db.execute("delete from reviews where session_id = ? and turn_id is ? and reviewer_id = ? "
                           "and verdict is not null", [session_id, turn_id, self.id])
            review_id = db["reviews"].insert({
                "session_id": session_id, "reviewer_id": self.id, "turn_id": turn_id, "verdict": verdict,
                "label": label if verdict == "relabel" else None, "comment": (comment or "").strip() or None,
                "created_at": now(),
            }).last_pk
            self._audit(db, "review", f"session:{session_id}", verdict or "comment")
            return review_id

    # course leads: cohorts, assignments, figures ---------------------------------------------

    def users(self, role: str | None = None) -> list[dict]:
        """Names and roles (no password hashes) for the people who manage accounts and cohorts."""
        self.require("admin", "course_lead", doing="list accounts")
        with connect(self.book.path) as db:
            where = "deleted_at is null" + (" and role = ?" if role else "")
            return list(db.query(f"select id, name, role, created_at from users where {where} order by name",
                                 [role] if role else []))

    def assign(self, supervisor_id: int, trainee_id: int) -> None:
        self.require("course_lead", "admin", doing="assign trainees to supervisors")
        supervisor, trainee = self.book.get_user(supervisor_id), self.book.get_user(trainee_id)
        if not supervisor or supervisor["role"] != "supervisor" or not trainee or trainee["role"] != "trainee":
            raise ValueError("Assign a trainee to a supervisor.")
        with connect(self.book.path) as db, write(db):
            db["assignments"].insert({"supervisor_id": supervisor_id, "trainee_id": trainee_id,
                                      "created_at": now()}, ignore=True)
            self._audit(db, "assign", f"user:{trainee_id}", f"supervisor:{supervisor_id}")

    def create_cohort(self, name: str, member_ids: list[int] = ()) -> int:
        self.require("course_lead", "admin", doing="manage cohorts")
        with connect(self.book.path) as db, write(db):
            cohort_id = db["cohorts"].insert({"name": name.strip(), "created_at": now()}).last_pk
            db["cohort_members"].insert_all(({"cohort_id": cohort_id, "user_id": uid} for uid in member_ids),
                                            ignore=True)
            return cohort_id

    def cohorts(self) -> list[dict]:
        self.require("course_lead", "admin", doing="manage cohorts")
        with connect(self.book.path) as db:
            rows = db.query("""select c.id, c.name, json_group_array(m.user_id) as members from cohorts c
                               left join cohort_members m on m.cohort_id = c.id group by c.id order by c.name""")
            return [{**r, "members": [m for m in json.loads(r["members"]) if m is not None]} for r in rows]

    def cohort_sessions(self, cohort_id: int | None = None) -> list[dict]:
        """Per submitted session: trainee, persona, date, label counts, flagged lapses (a lapse label the engine only
        noted as possible, or advice the client invited, is not one) and missed risk cues. Figures only, never text."""
        self.require("course_lead", doing="see cohort figures")
        member = "and s.user_id in (select user_id from cohort_members where cohort_id = :cohort)" if cohort_id else ""
        # One row per session, its label counts gathered by a correlated subquery that reads only the
        # index on turns(session_id, speaker, label) (migration 005), instead of one row per label.
        with connect(self.book.path) as db:
            rows = db.execute(
                f"""select s.id, s.user_id, u.name, s.persona_id, s.started_at, s.submitted_at,
                          (select json_group_array(json_array(label, n)) from (
                              select t.label, count(*) as n from turns t
                              where t.session_id = s.id and t.speaker = 'trainee' group by t.label)),
                          (select count(*) from turns t where t.session_id = s.id and t.speaker = 'trainee'
                              and json_extract(t.feedback_json, '$.risk_cue_missed') <> ''),
                          (select count(*) from turns t where t.session_id = s.id and t.speaker = 'trainee'
                              and t.label in ('advice', 'interpretation', 'reassurance')
                              and json_extract(t.feedback_json, '$.lapse') is not null)
                   from sessions s join users u on u.id = s.user_id
                   where s.submitted_at is not null and u.deleted_at is null {member}
                   order by s.started_at, s.id""", {"cohort": cohort_id}).fetchall()
        return [{"session_id": r[0], "user_id": r[1], "trainee": r[2], "persona_id": r[3], "started_at": r[4],
                 "submitted_at": r[5], "counts": dict(json.loads(r[6])),
                 "missed_risk_cues": r[7], "flagged_lapses": r[8]}
                for r in rows if r[6] != "[]"]  # as before: sessions without a trainee turn are left out

    def verdicts(self) -> list[dict]:
        """Every supervisor verdict beside the engine's label for that turn: how far to trust the engine."""
        self.require("course_lead", doing="see engine agreement")
        with connect(self.book.path) as db:
            return list(db.query(
                """select r.verdict, r.label as supervisor_label, t.label as engine_label, r.created_at,
                          s.persona_id, r.session_id, r.turn_id
                   from reviews r join turns t on t.id = r.turn_id join sessions s on s.id = r.session_id
                   where r.verdict is not null order by r.created_at"""))

    # personas ----------------------------------------------------------------------------------

    def persona_versions(self, persona_id: str | None = None) -> list[dict]:
        with connect(self.book.path) as db:
            if self.role != "course_lead":  # everyone else sees only what is published
                return list(db["persona_versions"].rows_where("status = 'published'", order_by="persona_id, version"))
            where, params = ("persona_id = ?", [persona_id]) if persona_id else ("1", [])
            return list(db["persona_versions"].rows_where(where, params, order_by="persona_id, version"))

    def save_persona_version(self, persona_id: str, yaml_text: str, card_hash: str) -> dict:
        """Keep every saved version of a card, with its hash, as a draft."""
        self.require("course_lead", doing="edit personas")
        with connect(self.book.path) as db, write(db):
            version = db.execute("select coalesce(max(version), 0) + 1 from persona_versions where persona_id = ?",
                                 [persona_id]).fetchone()[0]
            version_id = db["persona_versions"].insert({
                "persona_id": persona_id, "version": version, "yaml": yaml_text, "card_hash": card_hash,
                "status": "draft", "author_id": self.id, "created_at": now()}).last_pk
            self._audit(db, "persona_save", f"persona:{persona_id}", f"version:{version}")
            return db["persona_versions"].get(version_id)

    def set_persona_status(self, version_id: int, status: str) -> None:
        """Publish a version (it replaces the persona's earlier published one) or retire it."""
        self.require("course_lead", doing="publish or retire personas")
        if status not in PERSONA_STATUSES:
            raise ValueError(f"status must be one of {PERSONA_STATUSES}")
        with connect(self.book.path) as db, write(db):
            row = db["persona_versions"].get(version_id)
            if status == "published":
                db.execute("update persona_versions set status = 'draft' where persona_id = ? and status = 'published'",
                           [row["persona_id"]])
            db["persona_versions"].update(version_id, {"status": status})
            self._audit(db, f"persona_{status}", f"persona:{row['persona_id']}", f"version:{row['version']}")

    # accounts (admins) -------------------------------------------------------------------------

    def create_user(self, name: str, role: str, password: str) -> dict:
        self.require("admin", doing="create accounts")
        user = accounts.create_user(self.book, name, role, password)
        with connect(self.book.path) as db, write(db):
            self._audit(db, "create_user", f"user:{user['id']}", role)
        return user

    def set_role(self, user_id: int, role: str) -> None:
        self.require("admin", doing="change roles")
        if role not in accounts.ROLES:
            raise ValueError(f"role must be one of {accounts.ROLES}")
        with connect(self.book.path) as db, write(db):
            db["users"].update(user_id, {"role": role})
            self._audit(db, "set_role", f"user:{user_id}", role)

    def audit_log(self) -> list[dict]:
        self.require("admin", doing="read the audit log")
        with connect(self.book.path) as db:
            return list(db["audit_log"].rows_where(order_by="id"))

    def export(self, session_id: int, fmt: str, *, with_name: bool = False,
               card_risk: CardRisk = NO_CARD) -> str:
        """A supervision pack of a session this user can see (`card_risk`: what its persona card says about risk)."""
        from .export import export_session

        self.session(session_id)
        return export_session(self.book, session_id, fmt, with_name=with_name, card_risk=card_risk)

    # data rights -------------------------------------------------------------------------------

    def my_data(self) -> dict:
        """Everything stored about this user, as plain data (the trainee's own export)."""
        from .export import build_pack

        with connect(self.book.path) as db, write(db):
            self._audit(db, "export_all", f"user:{self.id}")
        account = {k: self.actor[k] for k in ("id", "name", "role", "created_at")}
        return {"account": account,
                "sessions": [build_pack(self.book, s["id"], with_name=True) for s in self.sessions()],
                "reviews_received": [r for s in self.sessions() for r in self.reviews(s["id"])]}

    def delete_my_data(self) -> None:
        """Delete this user's sessions, turns, reflections, reviews and account details, completely.

        The full-text index follows through its triggers; the audit log keeps that it happened, not what.
        """
        with connect(self.book.path) as db, write(db):
            mine = "select id from sessions where user_id = :me"
            counts = {t: db.execute(f"select count(*) from {t} where session_id in ({mine})", {"me": self.id}).fetchone()[0]
                      for t in ("turns", "reflections", "reviews")}
            for table in ("reviews", "reflections"):
                db.execute(f"delete from {table} where session_id in ({mine})", {"me": self.id})
            db.execute(f"delete from turns where session_id in ({mine})", {"me": self.id})
            db.execute("update sessions set parent_id = null where parent_id in (select id from sessions where user_id = :me)",
                       {"me": self.id})
            sessions = db.execute("delete from sessions where user_id = :me", {"me": self.id}).rowcount
            db.execute("delete from reviews where reviewer_id = :me", {"me": self.id})
            db.execute("delete from assignments where supervisor_id = :me or trainee_id = :me", {"me": self.id})
            db.execute("delete from cohort_members where user_id = :me", {"me": self.id})
            db["users"].update(self.id, {"name": f"deleted-{self.id}", "password_hash": None, "deleted_at": now()})
            tokens.revoke_all(db, self.id)
            self._audit(db, "delete_all", f"user:{self.id}", json.dumps({"sessions": sessions, **counts}))


"""The logbook's API: every read and write of sessions, turns and reflections goes through here.

Each turn is written the moment it exists, in its own short transaction, so a browser refresh or a
crash loses at most the reply that was being generated.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .db import connect, db_path, write


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def audit(db, actor_id: int | None, action: str, subject: str, detail: str = "") -> None:
    """Who did what to which record, inside the caller's write; never the content of a message or a token."""
    db["audit_log"].insert({"at": now(), "actor_id": actor_id, "action": action, "subject": subject, "detail": detail})


def _decode_turn(row: dict) -> dict:
    row = dict(row)
    for column in ("state", "feedback"):
        raw = row.pop(f"{column}_json")
        row[column] = json.loads(raw) if raw else None
    row.pop("label", None)  # a query column; the feedback carries it
    return row


IMPORTED_REVIEWER = "(reviews imported from a supervision pack)"


def _insert_imported_review(db, session_id: int, turn_id: int | None, review: dict) -> None:
    rows = list(db["users"].rows_where("name = ?", [IMPORTED_REVIEWER]))
    reviewer_id = rows[0]["id"] if rows else db["users"].insert(
        {"name": IMPORTED_REVIEWER, "role": "supervisor", "created_at": now(), "deleted_at": now()}).last_pk
    db["reviews"].insert({
        "session_id": session_id, "turn_id": turn_id, "reviewer_id": reviewer_id,
        "reviewer_name": str(review.get("reviewer") or "unknown reviewer"),
        **{k: review.get(k) for k in ("verdict", "label", "comment")},
        "created_at": review.get("created_at") or now(),
    })


class Logbook:
    """Session logs in one SQLite file. Cheap to create; holds no connection."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path else db_path()

    def _db(self):
        return connect(self.path)

    # users -----------------------------------------------------------------------------------

    def ensure_user(self, name: str, role: str = "trainee") -> dict:
        """The user called `name`, created on first use."""
        with self._db() as db:
            with write(db):
                rows = list(db["users"].rows_where("name = ?", [name]))
                if rows:
                    return rows[0]
                user_id = db["users"].insert({"name": name, "role": role, "created_at": now()}).last_pk
                return db["users"].get(user_id)

    def get_user(self, user_id: int) -> dict | None:
        with self._db() as db:
            rows = list(db["users"].rows_where("id = ?", [user_id]))
            return rows[0] if rows else None

    # sessions --------------------------------------------------------------------------------

    def create_session(self, *, user_id: int, persona_id: str, card_hash: str, model_backend: str,
                       engine_version: str, mode: str = "coach") -> int:
        with self._db() as db:
            with write(db):
                return db["sessions"].insert({
                    "user_id": user_id,
                    "persona_id": persona_id,
                    "card_hash": card_hash,
                    "model_backend": model_backend,
                    "engine_version": engine_version,
                    "mode": mode,
                    "status": "active",
                    "started_at": now(),
                }).last_pk

    def get_session(self, session_id: int) -> dict | None:
        with self._db() as db:
            rows = list(db["sessions"].rows_where("id = ?", [session_id]))
            return rows[0] if rows else None

    def list_sessions(self, user_id: int, status: str | None = None) -> list[dict]:
        """A user's sessions, newest first, each with its number of turns."""
        where = "s.user_id = ?" + (" and s.status = ?" if status else "")
        params = [user_id] + ([status] if status else [])
        with self._db() as db:
            return list(db.query(
                f"""select s.*, (select count(*) from turns t where t.session_id = s.id) as turn_count
                    from sessions s where {where} order by s.started_at desc, s.id desc""",
                params,
            ))

    def finish_session(self, session_id: int) -> None:
        with self._db() as db:
            with write(db):
                db["sessions"].update(session_id, {"status": "finished", "ended_at": now()})

    def submit_session(self, session_id: int) -> None:
        """Share a session with supervision; until then it is private to the trainee."""
        with self._db() as db:
            with write(db):
                db["sessions"].update(session_id, {"submitted_at": now()})

    def branch_session(self, session_id: int, at_idx: int) -> int:
        """Rewind: a new session that keeps the parent's turns before `at_idx` and continues from there."""
        with self._db() as db:
            with write(db):
                parent = db["sessions"].get(session_id)
                branch_id = db["sessions"].insert({
                    **{k: parent[k] for k in ("user_id", "persona_id", "card_hash", "model_backend",
                                              "engine_version", "mode")},
                    "status": "active",
                    "started_at": now(),
                    "parent_id": session_id,
                    "branched_at_idx": at_idx,
                }).last_pk
                db.execute(
                    """insert into turns (session_id, idx, speaker, text, created_at, state_json, feedback_json,
                                          label, source)
                       select ?, idx, speaker, text, created_at, state_json, feedback_json, label, source
                       from turns where session_id = ? and idx < ? order by idx""",
                    [branch_id, session_id, at_idx],
                )
                return branch_id

    def reviews(self, session_id: int) -> list[dict]:
        """A session's verdicts, margin comments and overall notes, oldest first, each with its reviewer's name
        and the index of the turn it is about (None for an overall note)."""
        with self._db() as db:
            return list(db.query(
                """select r.verdict, r.label, r.comment, r.created_at, t.idx as turn_idx,
                          coalesce(r.reviewer_name, u.name) as reviewer
                   from reviews r join users u on u.id = r.reviewer_id left join turns t on t.id = r.turn_id
                   where r.session_id = ? order by r.id""", [session_id]))

    def import_session(self, user_name: str, session: dict, turns: list[dict],
                       session_reflection: dict | None = None, notes: list[dict] = ()) -> int:
        """Recreate an exported session (see export.import_pack) as a new session of `user_name`.

        Supervisors' words (each turn's ``supervision`` and the session's `notes`) keep the reviewer's name as
        written; they belong to a placeholder account that cannot sign in (see migration m010)."""
        with self._db() as db:
            with write(db):
                rows = list(db["users"].rows_where("name = ?", [user_name]))
                user_id = rows[0]["id"] if rows else db["users"].insert(
                    {"name": user_name, "role": "trainee", "created_at": now()}).last_pk
                session_id = db["sessions"].insert({
                    **{k: session[k] for k in ("persona_id", "card_hash", "model_backend", "engine_version", "mode",
                                               "status", "started_at", "ended_at", "submitted_at")},
                    "user_id": user_id,
                }).last_pk
                for turn in turns:
                    turn_id = db["turns"].insert({
                        "session_id": session_id,
                        **{k: turn[k] for k in ("idx", "speaker", "text", "created_at", "source")},
                        "state_json": json.dumps(turn["state"]) if turn.get("state") is not None else None,
                        "feedback_json": json.dumps(turn["feedback"]) if turn.get("feedback") is not None else None,
                        "label": (turn.get("feedback") or {}).get("label"),
                    }).last_pk
                    if turn.get("reflection"):
                        db["reflections"].insert({"session_id": session_id, "turn_id": turn_id,
                                                  "body_json": json.dumps(turn["reflection"]), "updated_at": now()})
                    for review in turn.get("supervision") or ():
                        _insert_imported_review(db, session_id, turn_id, review)
                if session_reflection:
                    db["reflections"].insert({"session_id": session_id, "turn_id": None,
                                              "body_json": json.dumps(session_reflection), "updated_at": now()})
                for note in notes:
                    _insert_imported_review(db, session_id, None, note)
                return session_id

    def branches(self, session_id: int) -> list[dict]:
        """Sessions rewound from this one, oldest first."""
        with self._db() as db:
            return list(db["sessions"].rows_where("parent_id = ?", [session_id], order_by="id"))

    def persona_stamp(self) -> str:
        """Changes whenever a persona version is saved, published or retired: a cheap cache key."""
        with self._db() as db:
            return db.execute("select coalesce(group_concat(id || status, ','), '') from persona_versions").fetchone()[0]

    def persona_versions(self) -> list[dict]:
        """Every saved persona version, for building the catalogue of cards (status decides use)."""
        with self._db() as db:
            return list(db["persona_versions"].rows_where(order_by="persona_id, version"))

    # turns -----------------------------------------------------------------------------------

    def add_turn(self, session_id: int, speaker: str, text: str, *, source: str,
                 state: dict | None = None, feedback: dict | None = None) -> dict:
        """Append a turn at the next index, atomically, and return it."""
        with self._db() as db:
            with write(db):
                idx = db.execute(
                    "select coalesce(max(idx), -1) + 1 from turns where session_id = ?", [session_id]
                ).fetchone()[0]
                turn_id = db["turns"].insert({
                    "session_id": session_id,
                    "idx": idx,
                    "speaker": speaker,
                    "text": text,
                    "created_at": now(),
                    "state_json": json.dumps(state) if state is not None else None,
                    "feedback_json": json.dumps(feedback) if feedback is not None else None,
                    "label": feedback.get("label") if feedback else None,
                    "source": source,
                }).last_pk
                return _decode_turn(db["turns"].get(turn_id))

    def turns(self, session_id: int) -> list[dict]:
        with self._db() as db:
            return [_decode_turn(r) for r in db["turns"].rows_where(
                "session_id = ?", [session_id], order_by="idx")]

    def turns_by_session(self, user_id: int) -> dict[int, tuple[dict, list[dict]]]:
        """Every session of a user that has turns, with its turns, in one query: {id: (session, turns)}."""
        by_session: dict[int, tuple[dict, list[dict]]] = {}
        with self._db() as db:
            for row in db.query(
                    """select t.*, s.persona_id as s_persona_id, s.started_at as s_started_at
                       from sessions s join turns t on t.session_id = s.id
                       where s.user_id = ? order by s.started_at, s.id, t.idx""", [user_id]):
                session = {"id": row["session_id"], "persona_id": row.pop("s_persona_id"),
                           "started_at": row.pop("s_started_at")}
                by_session.setdefault(session["id"], (session, []))[1].append(_decode_turn(row))
        return by_session

    def search_turns(self, query: str, *, user_id: int, limit: int = 50) -> list[dict]:
        """Full-text search over one user's turns, best match first.

        ``turns_search`` (migration 006) indexes each turn's owner beside its text, so the index itself
        keeps only this user's hits and ranks just those; the join re-checks the owner.
        """
        query = "".join(ch if ch.isprintable() else " " for ch in query)  # a NUL would end the FTS string early
        match = f'{{text}} : ({_fts_phrase(query)}) AND owner : "u{int(user_id)}"'
        with self._db() as db:
            return list(db.query(
                """select t.id, t.session_id, t.idx, t.speaker, t.text, s.persona_id
                   from turns_search f join turns t on t.id = f.rowid join sessions s on s.id = t.session_id
                   where turns_search match ? and s.user_id = ? order by f.rank limit ?""",
                [match, user_id, limit],
            ))

    # reflections -----------------------------------------------------------------------------

    def save_reflection(self, session_id: int, body: dict[str, Any], turn_id: int | None = None) -> None:
        """Save a reflection on a turn (or on the whole session when turn_id is None), replacing the last."""
        with self._db() as db:
            with write(db):
                existing = db.execute(
                    "select id from reflections where session_id = ? and turn_id is ?", [session_id, turn_id]
                ).fetchone()
                row = {"session_id": session_id, "turn_id": turn_id, "body_json": json.dumps(body),
                       "updated_at": now()}
                if existing:
                    db["reflections"].update(existing[0], row)
                else:
                    db["reflections"].insert(row)

    def reflections(self, session_id: int) -> list[dict]:
        with self._db() as db:
            rows = db["reflections"].rows_where("session_id = ?", [session_id], order_by="id")
            return [{"body": json.loads(r.pop("body_json")), **r} for r in rows]


def _fts_phrase(query: str) -> str:
    """Quote each word so user text can never be read as FTS syntax."""
    words = [w.replace('"', "") for w in query.split()]
    return " ".join(f'"{w}"' for w in words if w) or '""'

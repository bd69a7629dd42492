"""`python -m logbook ...`: a thin command line over the logbook's library API."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from .accounts import ROLES, create_user, set_password
from .db import LogbookUnavailable
from .export import FORMATS, PackError, export_session, import_pack
from .store import Logbook


def read_password() -> str:
    """From a prompt (typed twice) when run by a person, else the first line of standard input."""
    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise ValueError("The two passwords differ.")
        return password
    return sys.stdin.readline().rstrip("\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m logbook", description="Unhurried's session logbook.")
    parser.add_argument("--db", help="database file (default: UNHURRIED_DB or data/unhurried.db)")
    commands = parser.add_subparsers(dest="command", required=True)

    export = commands.add_parser("export", help="write a session's supervision pack")
    export.add_argument("--session", type=int, required=True, help="the session's id")
    export.add_argument("--format", choices=FORMATS, default="html")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument("--with-name", action="store_true",
                        help="show the trainee's name instead of a pseudonym (opt in)")

    load = commands.add_parser("import", help="load a JSON supervision pack as a new session")
    load.add_argument("file", type=Path)
    load.add_argument("--user", default="trainee", help="who the imported session belongs to")

    add = commands.add_parser("create-user", help="create an account (the first admin needs no UI)")
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, default="trainee")

    reset = commands.add_parser("set-password", help="set an account's password; signs it out everywhere")
    reset.add_argument("name")

    args = parser.parse_args(argv)
    book = Logbook(args.db)
    try:
        if args.command == "export":
            text = export_session(book, args.session, args.format, with_name=args.with_name)
            if args.out:
                args.out.write_text(text, encoding="utf-8")
                print(f"Wrote session {args.session} as {args.format} to {args.out}", file=sys.stderr)
            else:
                sys.stdout.write(text)
        elif args.command == "create-user":
            user = create_user(book, args.name, args.role, read_password())
            print(f"Created {user['name']} ({user['role']}).")
        elif args.command == "set-password":
            user = set_password(book, args.name, read_password())
            print(f"Set the password of {user['name']}; every browser signed in as them must sign in again.")
        elif args.command == "import":
            session_id = import_pack(book, args.file.read_text(encoding="utf-8"), user_name=args.user)
            print(f"Imported {args.file} as session {session_id}")
    except (KeyError, ValueError, PackError, LogbookUnavailable, OSError) as exc:
        print(f"error: {exc.args[0] if isinstance(exc, KeyError) else exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

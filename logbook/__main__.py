"""`python -m logbook ...`: a thin command line over the logbook's library API."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .db import LogbookUnavailable
from .export import FORMATS, PackError, export_session, import_pack
from .store import Logbook


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
        elif args.command == "import":
            session_id = import_pack(book, args.file.read_text(encoding="utf-8"), user_name=args.user)
            print(f"Imported {args.file} as session {session_id}")
    except (KeyError, PackError, LogbookUnavailable, OSError) as exc:
        print(f"error: {exc.args[0] if isinstance(exc, KeyError) else exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

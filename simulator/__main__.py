"""`python -m simulator rehearse --persona ID --script FILE [--model SPEC] [--seed N]`

Prints one JSON object per trainee turn: turn, trainee, client, source, state, feedback (and a
``detail`` object with the fuller state, checks and timings).
"""
from __future__ import annotations

import argparse
import json
import sys

from personas import load_cards

from .backends import ClientModelError, describe_backend, get_chat_model, resolve_model_spec
from .rehearse import PROBES, read_script, rehearsal_turns


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m simulator", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("rehearse", help="play a scripted trainee against a persona")
    run.add_argument("--persona", required=True, help="persona card id, e.g. carer_guilt")
    run.add_argument(
        "--script", required=True, help=f"one trainee utterance per line (probes: {PROBES}/*.txt)"
    )
    run.add_argument("--model", default=None, help="model setting (default: env UNHURRIED_MODEL or 'embedded')")
    run.add_argument("--seed", type=int, default=0, help="seed for reproducible replies (default 0)")
    run.add_argument("--prompt-form", choices=["transcript", "chat"], default=None)
    args = parser.parse_args(argv)

    cards = load_cards()
    card = cards.cards.get(args.persona)
    if card is None:
        known = ", ".join(sorted(cards.cards)) or "none loaded"
        print(f"No persona card {args.persona!r} (known: {known}).", file=sys.stderr)
        return 2
    try:
        script = read_script(args.script)
        spec = resolve_model_spec(args.model)
        print(f"model: {describe_backend(spec).label}", file=sys.stderr)
        for record in rehearsal_turns(card, script, get_chat_model(spec), args.seed, prompt_form=args.prompt_form):
            print(json.dumps(record, ensure_ascii=False), flush=True)
    except (OSError, ValueError, ClientModelError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

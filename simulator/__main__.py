"""`python -m simulator rehearse --persona ID (--script FILE | --interview) [--model SPEC] [--seed N]`

Also `python -m simulator train-answers` (rebuild the answer model from corpus/interview/) and
`python -m simulator evaluate-answers` (its held-out figures); see answer_train.py.

Prints one JSON object per trainee turn: turn, trainee, client, source, state, feedback (and a
``detail`` object with the fuller state, checks and timings). With ``--interview`` the card's own questions
about the client's life are asked, each record says whether it was answered, and a last line gives the share.
"""
from __future__ import annotations

import argparse
import json
import sys

from personas import load_cards

from .backends import ClientModelError, describe_backend, get_chat_model, resolve_model_spec
from .rehearse import PROBES, answered_share, interview, read_script, rehearsal_turns


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m simulator", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("rehearse", help="play a scripted trainee against a persona")
    run.add_argument("--persona", required=True, help="persona card id, e.g. carer_guilt")
    what = run.add_mutually_exclusive_group(required=True)
    what.add_argument("--script", help=f"one trainee utterance per line (probes: {PROBES}/*.txt)")
    what.add_argument("--interview", action="store_true",
                      help="ask the card's interview questions and report the share answered")
    run.add_argument("--model", default=None, help="model setting (default: env UNHURRIED_MODEL or 'embedded')")
    run.add_argument("--seed", type=int, default=0, help="seed for reproducible replies (default 0)")
    run.add_argument("--prompt-form", choices=["transcript", "chat"], default=None)
    commands.add_parser("train-answers", help="rebuild simulator/model/answers.npz and print held-out figures")
    commands.add_parser("evaluate-answers", help="held-out figures of the shipped answer model")
    args = parser.parse_args(argv)
    if args.command in ("train-answers", "evaluate-answers"):
        from . import answer_train

        print(answer_train.report(answer_train.train() if args.command == "train-answers" else answer_train.evaluate()))
        return 0

    cards = load_cards()
    card = cards.cards.get(args.persona)
    if card is None:
        known = ", ".join(sorted(cards.cards)) or "none loaded"
        print(f"No persona card {args.persona!r} (known: {known}).", file=sys.stderr)
        return 2
    if args.interview and not card.interview:
        print(f"The card {args.persona!r} has no interview questions (its `interview` section is empty).", file=sys.stderr)
        return 2
    try:
        spec = resolve_model_spec(args.model)
        print(f"model: {describe_backend(spec).label}", file=sys.stderr)
        model = get_chat_model(spec)
        if args.interview:
            records = []
            for record in interview(card, model, args.seed, prompt_form=args.prompt_form):
                records.append(record)
                print(json.dumps(record, ensure_ascii=False), flush=True)
            print(json.dumps({"answered_pct": answered_share(records), "questions": len(records)}), flush=True)
            return 0
        for record in rehearsal_turns(card, read_script(args.script), model, args.seed, prompt_form=args.prompt_form):
            print(json.dumps(record, ensure_ascii=False), flush=True)
    except (OSError, ValueError, ClientModelError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

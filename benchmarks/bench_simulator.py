"""Simulated-client figures on the embedded model: questions answered, role held, loops, responsiveness, speed, memory.

    .venv/bin/python benchmarks/bench_simulator.py [--grounding assembled|prompt|off] [--prompt-form transcript|chat]
                                                   [--seed N] [--personas id,id] [--records FILE]

Runs every persona's interview probe (its card's `interview` questions) and both probe scripts (simulator/probes/)
through the real feedback engine, and prints the figures issues 4 and 12 ask for with their targets. Timings
depend on what else the machine is doing, so the load average is printed with them.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from personas import load_cards  # noqa: E402
from personas.schema import LAYER_ORDER  # noqa: E402
from simulator import ClientModelError, get_chat_model  # noqa: E402
from simulator.checks import check_reply, words  # noqa: E402
from simulator.rehearse import PROBES, answered_share, interview, read_script, rehearse  # noqa: E402

PROBE_NAMES = ("interview", "exploring", "lapse_heavy")


def rss_mb() -> float:
    """Resident memory of this process now, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def record_first_tokens(model) -> list[float]:
    """Time from each llama.cpp call to its first token (the prompt's evaluation included)."""
    firsts: list[float] = []
    llama = getattr(model, "client", None)
    if llama is None or not hasattr(llama, "create_completion"):
        return firsts
    original = llama.create_completion

    def timed(*args, **kwargs):
        started = time.perf_counter()
        for i, chunk in enumerate(original(*args, **kwargs)):
            if i == 0:
                firsts.append(time.perf_counter() - started)
            yield chunk

    llama.create_completion = timed
    return firsts


def authored_lines(card) -> set[str]:
    lines = {card.opening_line, *card.example_lines, *card.repair.lines}
    for name in LAYER_ORDER:
        lines |= set(card.layer(name).lines)
    for kind in ("advice", "interpretation", "reassurance"):
        lines |= set(card.reaction(kind).lines)
    return lines


def copies_card_line(text: str, lines: set[str]) -> bool:
    """A model reply that is (almost) word for word a card line: the script talking, not the model."""
    said = " ".join(words(text))
    return len(said.split()) >= 5 and any(said in " ".join(words(line)) for line in lines)


def failing_turns(records: list[dict], opening: str) -> list[dict]:
    """Client turns whose final text fails the reply checks (should be none: the guard's job)."""
    said, heard = [opening], []
    failing = []
    for record in records:
        if check_reply(record["client"], record["trainee"], earlier_client_lines=tuple(said),
                       earlier_trainee_lines=tuple(heard[-3:])):
            failing.append(record)
        said.append(record["client"])
        heard.append(record["trainee"])
    return failing


def p90(values: list[float]) -> float:
    return sorted(values)[int(0.9 * (len(values) - 1))]


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompt-form", choices=["transcript", "chat"], default=None)
    parser.add_argument("--grounding", choices=["assembled", "prompt", "off"], default="assembled",
                        help="assembled: the card line retrieved for the turn; prompt: the model, with the retrieved "
                             "material in its prompt; off: the model on the card's prompt alone (before issue 12)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--personas", default="", help="comma-separated ids (default: all)")
    parser.add_argument("--records", default="", help="write every turn as JSON lines to this file")
    parser.add_argument("--model", default="embedded")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a reply may take (default 60, as in the app)")
    args = parser.parse_args()

    cards = load_cards().cards
    ids = [i for i in args.personas.split(",") if i] or sorted(cards)
    load_start = os.getloadavg()[0]
    started = time.perf_counter()
    model = get_chat_model(args.model)
    print(f"model loaded in {time.perf_counter() - started:.2f} s; RSS {rss_mb():.0f} MB")
    first_tokens = record_first_tokens(model)

    runs: dict[tuple[str, str], list[dict]] = {}
    errors: list[tuple[str, str]] = []
    for persona in ids:
        for probe in PROBE_NAMES:
            options = dict(prompt_form=args.prompt_form, timeout_s=args.timeout, grounding=args.grounding)
            try:
                if probe == "interview":
                    runs[persona, probe] = list(interview(cards[persona], model, args.seed, **options))
                else:
                    runs[persona, probe] = rehearse(cards[persona], read_script(PROBES / f"{probe}.txt"), model,
                                                    args.seed, **options)
            except ClientModelError as exc:
                print(f"  {persona:24} {probe:12} FAILED: {exc}", flush=True)
                errors.append((persona, probe))
                continue
            last = runs[persona, probe][-1]
            print(f"  {persona:24} {probe:12} openness {last['state']['openness']:.2f} "
                  f"reached {last['detail']['reached']:7} sources "
                  + " ".join(f"{s}={sum(r['source'] == s for r in runs[persona, probe])}"
                             for s in ("model", "retry", "grounded", "authored"))
                  + (f" answered {answered_share(runs[persona, probe])}%" if probe == "interview" else ""),
                  flush=True)
    peak_rss = rss_mb()

    records = [r for rs in runs.values() for r in rs]
    failing = [f for (persona, _), rs in runs.items() for f in failing_turns(rs, cards[persona].opening_line)]
    authored = sum(r["source"] == "authored" for r in records)
    generated = [r for r in records if r["source"] in ("model", "retry")]
    copies = sum(
        copies_card_line(r["client"], authored_lines(cards[persona]))
        for (persona, _), rs in runs.items() for r in rs if r["source"] in ("model", "retry")
    )
    first = [r["detail"]["first_chunk_s"] for r in records]
    total = [r["detail"]["reply_s"] for r in records]
    asked = [r for (_, probe), rs in runs.items() if probe == "interview" for r in rs]
    repeats = sum(r["detail"]["near_repeat"] for r in records)
    checks: dict[str, int] = {}
    for r in records:
        for name in r["detail"]["checks_failed"]:
            checks[name] = checks.get(name, 0) + 1

    print()
    print(f"prompt form: {args.prompt_form or 'default for the model'}; seed {args.seed}; "
          f"{len(records)} client turns; load average {load_start:.1f} -> {os.getloadavg()[0]:.1f}")
    if errors:
        print(f"runs stopped by a model error or timeout: {errors}")
    print(f"interview questions answered:     {pct(sum(r['answered'] for r in asked), len(asked))} of {len(asked)} "
          "(target >= 90%)")
    print(f"near-repeats (difflib > 0.8):     {repeats} (target 0)")
    print(f"turns failing checks after retry: {pct(len(failing), len(records))} (target <= 5%)")
    print(f"authored fallbacks:               {pct(authored, len(records))} (target <= 30%)")
    print(f"retries that succeeded:           {pct(sum(r['source'] == 'retry' for r in records), len(records))}")
    print(f"model replies copying a card line: {pct(copies, len(generated))}")
    print(f"checks failed by rejected text:   {dict(sorted(checks.items(), key=lambda kv: -kv[1]))}")
    if first_tokens:
        print(f"median time to first token:       {statistics.median(first_tokens):.2f} s (target <= 0.5 s); "
              f"p90 {p90(first_tokens):.2f} s; {len(first_tokens)} generations")
    if first:
        print(f"median time to first shown words: {statistics.median(first):.2f} s (target <= 1.0 s); "
              f"p90 {p90(first):.2f} s")
        print(f"median time to complete reply:    {statistics.median(total):.2f} s (target <= 2.5 s); "
              f"p90 {p90(total):.2f} s (target <= 5 s)")
    print(f"resident memory (RSS) at the end, model and feedback engine loaded: {peak_rss:.0f} MB (target <= 1200 MB)")
    print()
    print(f"{'persona':24} {'exploring':>18} {'lapse-heavy':>18}  lower after lapses? core only by exploring?")
    responsive = True
    for persona in ids:
        if (persona, "exploring") not in runs or (persona, "lapse_heavy") not in runs:
            responsive = False
            continue
        ex, lh = runs[persona, "exploring"][-1], runs[persona, "lapse_heavy"][-1]
        lower = lh["state"]["openness"] < ex["state"]["openness"]
        core_ok = ex["detail"]["reached"] == "core" and lh["detail"]["reached"] != "core"
        responsive &= lower and core_ok
        print(f"{persona:24} {ex['state']['openness']:>8.2f} {ex['detail']['reached']:>9} "
              f"{lh['state']['openness']:>8.2f} {lh['detail']['reached']:>9}  {'yes' if lower else 'NO':>3} "
              f"{'yes' if core_ok else 'NO':>25}")
    print(f"responsive for every persona: {'yes' if responsive else 'NO'}")
    if asked:
        print()
        print("interview questions not answered:")
        for (persona, probe), rs in runs.items():
            for r in rs if probe == "interview" else []:
                if not r["answered"]:
                    print(f"  {persona}: {r['trainee']!r} -> {r['client']!r} ({r['source']})")

    if args.records:
        with open(args.records, "w", encoding="utf-8") as out:
            for (persona, probe), rs in runs.items():
                for r in rs:
                    out.write(json.dumps({"persona": persona, "probe": probe, **r}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

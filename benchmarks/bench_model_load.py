"""Several trainees talking to the embedded model at once: replies come in turn, nothing crashes.

    python benchmarks/bench_model_load.py [--sessions 5] [--turns 4] [--seed 1]

Each session is a thread with its own Workspace (as Streamlit runs each browser session), all sharing
one `Practice` and so one loaded SmolLM2-135M, which generates one reply at a time (llama.cpp is not
thread-safe: see simulator.backends.generation_lock). The generation lock is wrapped to time, for every
generation, how long it waited for the lock (queueing) and how long it held it (generating). Prints the
median and max of both, the time each trainee waited from sending to the first shown words of the reply,
the reply sources (model / retry / authored) and every error (after a model error the session asks
for the reply again, as the Practise page offers, up to three times).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import simulator  # noqa: E402
import simulator.client  # noqa: E402
from logbook import Logbook  # noqa: E402
from personas import load_cards  # noqa: E402
from sessions import Practice  # noqa: E402
from simulator.backends import GENERATION_LOCK, is_in_process  # noqa: E402

LINES = [
    "What brings you here today?",
    "What's been the hardest part of that for you?",
    "You said it keeps you up at night. What goes through your mind then?",
    "How do you make sense of it, looking back?",
    "What would you want to be different?",
    "What's it like saying that out loud?",
]
PERSONAS = ["carer_guilt", "burnout_nurse", "first_year_fraud", "drinking_to_cope", "controlling_partner",
            "flat_joking_passive_si"]


class TimedLock:
    """The process-wide generation lock, timing each wait and each hold."""

    def __init__(self, lock: threading.Lock):
        self.lock = lock
        self.waits: list[float] = []
        self.holds: list[float] = []
        self._acquired = threading.local()
        self._record = threading.Lock()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        asked = time.perf_counter()
        got = self.lock.acquire(blocking, timeout)
        now = time.perf_counter()
        if got:
            self._acquired.at = now
            with self._record:
                self.waits.append(now - asked)
        return got

    def release(self) -> None:
        held = time.perf_counter() - self._acquired.at
        self.lock.release()
        with self._record:
            self.holds.append(held)


def describe(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"median {statistics.median(values):.2f}s, max {max(values):.2f}s (n={len(values)})"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--turns", type=int, default=4, help="trainee turns per session")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    timed = TimedLock(GENERATION_LOCK)
    simulator.client.generation_lock = lambda model: timed if is_in_process(model) else None

    db = Path(tempfile.mkdtemp(prefix="unhurried-model-load-")) / "load.db"
    practice = Practice(Logbook(db), load_cards(), "embedded")
    t = time.perf_counter()
    model = practice.chat_model
    print(f"model: {practice.backend.label}; loaded in {time.perf_counter() - t:.1f}s")
    warm = practice.for_identity("warm-up")  # one reply first, so the figures are not the first load
    sid = warm.start_session("carer_guilt")
    warm.trainee_turn(sid, LINES[0])
    t = time.perf_counter()
    "".join(warm.client_reply(sid, seed=args.seed))
    print(f"one reply alone: {time.perf_counter() - t:.2f}s")
    timed.waits.clear()
    timed.holds.clear()
    assert is_in_process(model)

    workspaces = [practice.for_identity(f"trainee-{i}") for i in range(args.sessions)]
    session_ids = [ws.start_session(PERSONAS[i % len(PERSONAS)]) for i, ws in enumerate(workspaces)]
    first_words: list[float] = []
    whole: list[float] = []
    sources: dict[str, int] = {}
    errors: list[str] = []
    barrier = threading.Barrier(args.sessions)
    record = threading.Lock()

    def talk(i: int) -> None:
        ws, session_id = workspaces[i], session_ids[i]
        barrier.wait()
        for k in range(args.turns):
            sent = time.perf_counter()
            ws.trainee_turn(session_id, LINES[(i + k) % len(LINES)])
            for attempt in range(3):  # as the page does: after a model error the trainee asks again
                try:
                    first = None
                    for _ in ws.client_reply(session_id, seed=args.seed + k):
                        first = first or time.perf_counter()
                    break
                except simulator.ClientModelError as exc:
                    with record:
                        errors.append(f"session {i} turn {k} attempt {attempt + 1}: {exc}")
            else:
                return
            done = time.perf_counter()
            source = ws.view(session_id).turns[-1]["source"]
            with record:
                first_words.append((first or done) - sent)
                whole.append(done - sent)
                sources[source] = sources.get(source, 0) + 1

    t = time.perf_counter()
    threads = [threading.Thread(target=talk, args=(i,)) for i in range(args.sessions)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t

    complete = sum(1 for ws, sid in zip(workspaces, session_ids)
                   if [x["speaker"] for x in ws.view(sid).turns] == ["client"] + ["trainee", "client"] * args.turns)
    print(f"{args.sessions} sessions x {args.turns} turns at once on {db}: {wall:.1f}s wall, "
          f"{complete}/{args.sessions} sessions complete, replies by source {sources}")
    print(f"queueing (waiting for the model):  {describe(timed.waits)}")
    print(f"generating (holding the model):    {describe(timed.holds)}")
    print(f"trainee sends -> first words shown: {describe(first_words)}")
    print(f"trainee sends -> reply complete:    {describe(whole)}")
    print(f"errors: {len(errors)}" + "".join(f"\n  {e}" for e in errors))
    if errors or complete != args.sessions:
        sys.exit(1)


if __name__ == "__main__":
    main()

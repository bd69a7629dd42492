"""Builds feedback/corpus/turns.csv from hand-written fragments (templates x life problems x registers)
and from whole turns written by several authors in their own registers (corpus/written/*.csv).

Deterministic (fixed seed). Every row carries the id of the template its main act came from, and the
held-out split is by a stable hash of that template id, so held-out rows never share a template with
training rows (otherwise held-out figures would be inflated). Each author's `-blind` file was written after
their training file, about other situations, and is held out whole. Run: python -m feedback.corpus.generate
"""
from __future__ import annotations

import csv
import hashlib
import random
import re
from pathlib import Path

from feedback.corpus.fragments import CHAT, CLOSERS, FRESH, FRESH2, FRESH3, MORE, OPENERS, PREFIXES, PROBLEMS, TEMPLATES

OUT = Path(__file__).with_name("turns.csv")
WRITTEN = Path(__file__).with_name("written")
GROUP = 10  # consecutive written rows often share a frame, so they are cross-validated together
PER_TEMPLATE = 8
SEED = 20261122


def template_of(row_id: str) -> str:
    """Row ids are '<label>:<template>:<n>'; the template id is everything before the last part."""
    return row_id.rsplit(":", 1)[0]


def heldout(template_id: str) -> bool:
    """One template in five is held out, chosen by a stable hash (not Python's salted hash); FRESH ones and
    the authors' blind files all are, and the authors' training files never are."""
    if template_id.startswith("written-"):
        return "-blind:" in template_id
    return template_id.startswith(("fresh-", "fresh2-", "fresh3-")) or int(hashlib.sha1(template_id.encode()).hexdigest(), 16) % 5 == 0


_BRIT = [("behavior", "behaviour"), ("realize", "realise"), ("color", "colour"), ("mom", "mum"), ("apologize", "apologise"),
         ("recognize", "recognise"), ("organize", "organise"), ("vacation", "holiday")]


def register(text: str, rng: random.Random) -> str:
    """Vary the register: casual lower case, dropped apostrophes, fillers, British spelling, small typos, terms of address."""
    r = rng.random()
    if r < 0.15:
        text = text.lower().replace("'", "")
    elif r < 0.3:
        text = rng.choice(["yeah ", "hmm, ", "ok so ", "right, ", "I see. ", "Mm. ", "Okay. ", "well, ", "Ah. "]) + text[0].lower() + text[1:]
    elif r < 0.4:
        for us, uk in _BRIT:
            text = re.sub(rf"\b{us}\b", uk, text)
    elif r < 0.48:
        words = text.split()
        if len(words) > 4:
            i = rng.randrange(len(words))
            w = words[i]
            if len(w) > 4 and w.isalpha():
                j = rng.randrange(1, len(w) - 2)
                words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            text = " ".join(words)
    elif r < 0.55:
        text = text.rstrip(".") + rng.choice(["", " :)", "...", " x", "!"])
    elif r < 0.62:
        text = text.replace("?", "")
    elif r < 0.68:  # a term of address, as people write to someone they are comforting
        end = len(text.rstrip(".!?"))
        text = text[:end] + rng.choice([", love", ", mate", ", hun", ", pet", ", my friend", ", buddy", ", hen", ", dear"]) + text[end:]
    return text


def fill(template: str, problem: dict, rng: random.Random) -> str:
    out = template
    for key, val in problem.items():
        if key != "client":
            out = out.replace("{" + key + "}", rng.choice(val) if isinstance(val, list) else val)
    return out[0].upper() + out[1:] if out else out


def _compose(label: str, template: str, problem: dict, rng: random.Random, chat: bool) -> str:
    """A main act, sometimes with a sentence before it (and, in chat register, an opener or a sign-off)."""
    trainee = fill(template, problem, rng)
    if rng.random() < 0.3 and label in PREFIXES:
        prefix = fill(rng.choice(PREFIXES[label]), problem, rng)
        trainee = prefix + " " + (trainee[0].lower() + trainee[1:] if prefix.endswith(",") else trainee)
    if label in ("reflection", "summary") and rng.random() < 0.15:  # a check tag keeps a reflection a reflection
        trainee = trainee.rstrip(".") + rng.choice([". Is that right?", ", is that right?", ". Have I got that right?", ". Did I get that?",
                                                    " - is that it?", ". Am I hearing you right?", ". Is that close?", ", yeah?"])
    if chat and rng.random() < 0.35 and label not in ("summary",):
        trainee = rng.choice(OPENERS) + " " + trainee
    if chat and rng.random() < 0.3 and label in CLOSERS:
        trainee = trainee + " " + rng.choice(CLOSERS[label])
    return trainee


def rows() -> list[dict]:
    rng = random.Random(SEED)
    out = []
    for prefix, table, per in (("", TEMPLATES, PER_TEMPLATE), ("chat-", CHAT, 6), ("fresh-", FRESH, 6), ("fresh2-", FRESH2, 6), ("more-", MORE, 6), ("fresh3-", FRESH3, 6)):
        for label, templates in table.items():
            for t_i, template in enumerate(templates):
                tid = f"{prefix}{label}:{t_i}"
                for k, problem in enumerate(rng.sample(PROBLEMS, per)):
                    trainee = _compose(label, template, problem, rng, chat=bool(prefix))
                    out.append({"id": f"{tid}:{k}", "client": rng.choice(problem["client"]), "trainee": register(trainee, rng),
                                "label": label, "split": "heldout" if heldout(tid) else "train"})
    return out + written_rows(seen={r["trainee"].strip().lower() for r in out})


def written_rows(seen: set[str]) -> list[dict]:
    """The authors' turns as written (no register noise: they already are somebody's register). Training files
    come first; a turn already in `seen` or written by another author is skipped, so no blind turn is also a
    training turn."""
    out = []
    for path in sorted(WRITTEN.glob("*.csv"), key=lambda p: (p.stem.endswith("-blind"), p.stem)):
        with path.open(encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                key = row["trainee"].strip().lower()
                if key in seen:
                    continue
                seen.add(key)
                tid = f"written-{path.stem}:{i // GROUP}"
                out.append({"id": f"{tid}:{i % GROUP}", "client": row["client"], "trainee": row["trainee"],
                            "label": row["label"], "split": "heldout" if heldout(tid) else "train"})
    return out


def main() -> None:
    data = rows()
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "client", "trainee", "label", "split"], lineterminator="\n")
        w.writeheader()
        w.writerows(data)
    print(f"wrote {len(data)} rows to {OUT}")


if __name__ == "__main__":
    main()

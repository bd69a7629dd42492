"""The project corpus: big enough, every label, reproducible, and a held-out split that shares no template with training."""
import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

from feedback import LABELS
from feedback.corpus.generate import OUT, rows, template_of

ROOT = Path(__file__).resolve().parents[1]


def read():
    with OUT.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_size_and_labels():
    data = read()
    assert len(data) >= 1500
    counts = Counter(r["label"] for r in data)
    assert set(counts) == set(LABELS) and min(counts.values()) >= 50
    assert all(r["trainee"].strip() for r in data)
    assert all(r["client"].strip() for r in data if not r["id"].startswith("written-"))  # authors wrote a few openings
    assert len({r["id"] for r in data}) == len(data)


def test_authors_blind_files_share_no_turn_with_training():
    data = read()
    blind = {r["trainee"].strip().lower() for r in data if "-blind:" in r["id"]}
    trained = {r["trainee"].strip().lower() for r in data if r["split"] == "train"}
    assert len(blind) >= 400 and not blind & trained


def test_committed_csv_is_what_the_generator_writes():
    assert [{k: r[k] for k in ("id", "client", "trainee", "label", "split")} for r in read()] == rows()


def test_heldout_is_template_disjoint_and_has_every_lapse():
    data = read()
    train = {template_of(r["id"]) for r in data if r["split"] == "train"}
    held = {template_of(r["id"]) for r in data if r["split"] == "heldout"}
    assert held and not train & held
    assert {"advice", "interpretation", "reassurance"} <= {r["label"] for r in data if r["split"] == "heldout"}


def test_feedback_never_imports_streamlit():
    code = "import sys, feedback; feedback.analyse_turn('hi'); print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

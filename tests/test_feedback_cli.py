"""The command line: classify and evaluate on small temporary CSVs, through a real subprocess."""
import csv
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run([sys.executable, "-m", "feedback", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def write(path, rows, fields):
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)


def test_classify_adds_predicted_and_confidence(tmp_path):
    rows = [{"id": "a", "client": "I can't sleep.", "trainee": "What keeps you awake?"},
            {"id": "b", "client": "", "trainee": "You should try melatonin."},
            {"id": "c", "client": "<i>hm</i>", "trainee": "<script>x</script>, \"quoted\", line\nbreak"}]
    f = tmp_path / "in.csv"
    write(f, rows, ["id", "client", "trainee"])
    res = run("classify", str(f))
    assert res.returncode == 0, res.stderr
    out = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["id"] for r in out] == ["a", "b", "c"]
    assert out[0]["predicted"] == "open_question" and out[1]["predicted"] == "advice"
    assert all(0 <= float(r["confidence"]) <= 1 for r in out)
    assert out[2]["trainee"] == rows[2]["trainee"]


def test_evaluate_fine_labels(tmp_path):
    rows = [{"client": "", "trainee": "What was that like?", "label": "open_question"},
            {"client": "", "trainee": "You should leave him.", "label": "advice"},
            {"client": "", "trainee": "Don't worry, it'll be fine.", "label": "reassurance"},
            {"client": "", "trainee": "Is it every day?", "label": "advice"}]
    f = tmp_path / "gold.csv"
    write(f, rows, ["client", "trainee", "label"])
    res = run("evaluate", str(f))
    assert res.returncode == 0, res.stderr
    assert "macro-F1" in res.stdout and "lapse-vs-not F1" in res.stdout
    advice = next(line for line in res.stdout.splitlines() if line.startswith("advice"))
    prec, rec, f1 = map(float, advice.split()[1:4])
    assert prec == 1.0 and rec == 0.5 and abs(f1 - 0.667) < 0.001


def test_evaluate_coarse_labels_maps_predictions(tmp_path):
    rows = [{"client": "", "trainee": "What was that like?", "label": "question"},
            {"client": "", "trainee": "Is it every day?", "label": "question"},
            {"client": "", "trainee": "You did really well to get through that interview.", "label": "reassurance_or_affirmation"},
            {"client": "", "trainee": "It sounds like you're worn out.", "label": "reflection"}]
    f = tmp_path / "coarse.csv"
    write(f, rows, ["client", "trainee", "label"])
    res = run("evaluate", str(f))
    assert res.returncode == 0, res.stderr
    lines = {line.split()[0]: line.split() for line in res.stdout.splitlines() if line and line.split()[0] in
             {"question", "reflection", "reassurance_or_affirmation"}}
    assert float(lines["question"][3]) == 1.0 and float(lines["reflection"][3]) == 1.0
    assert float(lines["reassurance_or_affirmation"][3]) == 1.0
    assert "open_question" not in res.stdout


def test_missing_column_is_a_clear_error(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("client,text\na,b\n", encoding="utf-8")
    res = run("classify", str(f))
    assert res.returncode != 0 and "trainee" in res.stderr

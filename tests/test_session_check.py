"""The skilled-session check: flag rates per kind of session and the separation between them."""
import csv

from feedback.session_check import auc, check


def write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["speaker", "text", "label"])
        w.writeheader()
        w.writerows({"speaker": s, "text": t, "label": lab} for s, t, lab in rows)


def test_auc_counts_pairs_and_ties():
    assert auc([0.0, 0.1], [0.3, 0.4]) == 1.0
    assert auc([0.2], [0.2]) == 0.5


def test_check_reads_sessions_and_flags_the_struggling_one(tmp_path):
    write(tmp_path / "skilled-x1-test.csv", [
        ("client", "I've been drinking more since the night shifts started.", ""),
        ("counsellor", "The nights have changed more than your sleep.", "reflection"),
        ("client", "Yeah. It's the only way I can switch off.", ""),
        ("counsellor", "What does switching off give you?", "open_question")])
    write(tmp_path / "struggling-x1-test.csv", [
        ("client", "I've been drinking more since the night shifts started.", ""),
        ("counsellor", "You should stop drinking before bed.", "advice"),
        ("client", "It's the only way I can switch off.", ""),
        ("counsellor", "Don't worry, everyone drinks a bit on nights, you'll be fine.", "reassurance")])
    r = check(tmp_path)
    assert r["sessions"]["skilled-x1-test"]["flag_rate"] == 0.0
    assert r["sessions"]["struggling-x1-test"]["flag_rate"] == 1.0
    assert r["auc"] == 1.0 and r["flag_precision"] == 1.0
    assert r["median_flag_rate"] == {"skilled": 0.0, "struggling": 1.0}

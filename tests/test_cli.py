import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from frontlines.cli import main
from frontlines.model import ACLED_COLUMNS


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


ARTICLES = [
    {"id": "a1", "date": "2021-08-07", "source": "Test Wire",
     "text": "Taliban fighters captured Zaranj, the capital of Nimroz province, on Friday after government "
             "forces withdrew, officials said."},
    {"id": "a2", "date": "2021-07-20",
     "text": "Gunmen shot dead two aid workers in Jalalabad, Nangarhar province, on Monday."},
]


def test_extract_jsonl_has_the_contract_fields(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    assert main(["extract", str(src)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines
    for rec in lines:
        assert list(rec)[:31] == list(ACLED_COLUMNS)
        assert {"article_id", "evidence", "confidence"} <= set(rec)
    assert {r["article_id"] for r in lines} == {"a1", "a2"}


def test_extract_acled_csv_has_exactly_31_columns(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out.csv"
    assert main(["extract", str(src), "--format", "acled-csv", "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) > 1 and all(len(r) == 31 for r in rows)


def test_bad_records_are_reported_and_the_rest_processed(tmp_path, capsys):
    src = tmp_path / "mixed.jsonl"
    src.write_text(json.dumps(ARTICLES[0]) + "\n{broken json\n" +
                   json.dumps({"id": "x", "date": "2021-02-30", "text": "Clashes."}) + "\n", encoding="utf-8")
    assert main(["extract", str(src)]) == 1
    captured = capsys.readouterr()
    assert f"{src}:2" in captured.err and f"{src}:3" in captured.err
    assert any(json.loads(x)["article_id"] == "a1" for x in captured.out.splitlines())


def test_txt_without_header_needs_a_date(tmp_path, capsys):
    src = tmp_path / "note.txt"
    src.write_text("Taliban fighters clashed with Afghan forces in Kunduz city.", encoding="utf-8")
    assert main(["extract", str(src)]) == 1
    assert "--date" in capsys.readouterr().err
    assert main(["extract", str(src), "--date", "2021-07-01"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["event_date"] <= "2021-07-01"


def test_ingest_twice_changes_nothing_and_events_filters(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    db = tmp_path / "t.db"
    assert main(["ingest", str(src), "--db", str(db), "-q"]) == 0
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    first = capsys.readouterr().out
    assert main(["ingest", str(src), "--db", str(db), "-q"]) == 0
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == first
    assert main(["events", "--db", str(db), "--format", "jsonl", "--type", "Violence against civilians"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and all(r["event_type"] == "Violence against civilians" for r in rows)
    assert main(["events", "--db", str(db), "--since", "2021-08-01", "--format", "jsonl"]) == 0
    assert all(json.loads(x)["event_date"] >= "2021-08-01" for x in capsys.readouterr().out.splitlines())


def test_events_on_a_missing_database_is_a_clear_error(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.db")]) == 2
    assert "frontlines ingest" in capsys.readouterr().err


def test_stdin_and_console_script(tmp_path):
    exe = Path(sys.executable).with_name("frontlines")
    p = subprocess.run([str(exe), "extract", "-"], input=json.dumps(ARTICLES[1]) + "\n", text=True,
                       capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout.splitlines()[0])["sub_event_type"] == "Attack"

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from frontlines import readers
from frontlines.model import Article, ReadFailure
from frontlines.readers import detect_encoding, parse_date, read_file, read_paths

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_8a91eae5d62b1adf.txt"

ENGLISH = (
    "Rebels attacked an army post near the river town on Tuesday, and the fighting lasted for several hours "
    "before the soldiers pushed them back, a local official said. Three people were killed in the clashes."
)
FRENCH = (
    "Des rebelles ont attaqué un poste de l'armée près de la ville fluviale mardi, et les combats ont duré "
    "plusieurs heures avant que les soldats ne les repoussent, selon un responsable local. Trois personnes "
    "sont mortes dans les affrontements."
)
GERMAN = (
    "Die Rebellen griffen am Dienstag einen Armeeposten in der Nähe der Stadt am Fluss an, und die Kämpfe "
    "dauerten mehrere Stunden, bevor die Soldaten sie zurückdrängten, sagte ein örtlicher Beamter. Drei "
    "Menschen wurden bei den Zusammenstößen getötet."
)
# English, but poor in English function words: must not be taken for a foreign language.
CASUALTY_LIST = (
    "Killed: 3 soldiers, 2 police officers, 4 civilians. Wounded: 12 soldiers, 5 police officers. Locations: "
    "Herat city, Guzara district, Injil district, Kandahar city, Lashkar Gah, Nad Ali, Nawa, Marja, Kunduz, "
    "Baghlan, Takhar, Badakhshan, Faryab, Jawzjan."
)
RUSSIAN = (
    "Повстанцы атаковали армейский пост возле речного города во вторник, бои продолжались несколько часов, "
    "прежде чем солдаты отбросили их, сообщил местный чиновник. Три человека погибли в столкновениях, "
    "ещё пятеро были ранены и доставлены в больницу города."
)


def jsonl(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def split(items: list[Article | ReadFailure]) -> tuple[list[Article], list[ReadFailure]]:
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadFailure)]


def test_seed_header_is_stripped_and_rest_kept_byte_for_byte() -> None:
    (article,) = list(read_file(SEED))
    assert isinstance(article, Article)
    raw = SEED.read_bytes().decode("utf-8")
    assert article.id == "000_8a91eae5d62b1adf"
    assert article.date == date(2021, 7, 31)
    assert article.text.startswith("Fighting is raging around three major cities")
    assert raw.endswith(article.text) and len(raw) - len(article.text) == len(" date 2021-07-31 ")
    assert article.origin == str(SEED)


def test_txt_header_variants(tmp_path: Path) -> None:
    no_space = tmp_path / "a.txt"
    no_space.write_text("date 2022-01-05 Shelling hit the town.\r\nMore text.", encoding="utf-8")
    own_line = tmp_path / "b.txt"
    own_line.write_text(" date 2022-01-06\n\nShelling hit the town.", encoding="utf-8")
    a, b = list(read_paths([str(no_space), str(own_line)]))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert (a.date, a.text) == (date(2022, 1, 5), "Shelling hit the town.\r\nMore text.")
    assert (b.date, b.text) == (date(2022, 1, 6), "Shelling hit the town.")


def test_txt_without_header_needs_default_date(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Shelling hit the town overnight.", encoding="utf-8")
    (failure,) = list(read_file(path))
    assert failure == ReadFailure(str(path), "no ' date YYYY-MM-DD ' header: add one or pass --date")
    (article,) = list(read_file(path, default_date=date(2020, 3, 1)))
    assert isinstance(article, Article)
    assert article.date == date(2020, 3, 1) and article.text == "Shelling hit the town overnight."


def test_txt_impossible_header_date_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(" date 2021-02-30 Shelling hit the town.", encoding="utf-8")
    (failure,) = list(read_file(path, default_date=date(2020, 1, 1)))
    assert isinstance(failure, ReadFailure)
    assert "not a real calendar date" in failure.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-07-31", date(2021, 7, 31)),
        (" 2021-07-31 ", date(2021, 7, 31)),
        ("2021-07-31T23:10:00Z", date(2021, 7, 31)),
        ("2021-07-31 08:00:00+04:30", date(2021, 7, 31)),
    ],
)
def test_parse_date_accepts(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("20210731", "only YYYY-MM-DD is accepted"),
        ("2021-02-30", "not a real calendar date"),
        ("0000-00-00", "not a real calendar date"),
        ("31/07/2021", "only YYYY-MM-DD is accepted"),
        (20210731, "must be a string"),
    ],
)
def test_parse_date_refuses(value: object, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_date(value)


def test_jsonl_records_and_optional_fields(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "news.jsonl",
        {"id": "a1", "date": "2021-07-31", "text": ENGLISH, "title": "Post attacked", "source": "Wire",
         "url": "https://example.org/a1", "language": "en-GB"},
        "",
        {"id": 7, "date": "2021-08-01", "text": "Short brief.", "title": None},
    )
    first, second = list(read_file(path))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.source, first.url, first.language) == (
        "a1", "Post attacked", "Wire", "https://example.org/a1", "en-GB"
    )
    assert first.origin == f"{path}:1"
    assert (second.id, second.title, second.origin) == ("7", None, f"{path}:3")


def test_jsonl_bad_lines_are_failures_and_reading_goes_on(tmp_path: Path) -> None:
    good = {"id": "ok", "date": "2021-07-31", "text": ENGLISH}
    path = jsonl(
        tmp_path / "mixed.ndjson",
        '{"id": "x", "date": "2021-07-31", "text": ',  # 1 broken
        "[1, 2, 3]",  # 2 not an object
        '{"id": "n", "date": "2021-07-31", "text": "t", "score": NaN}',  # 3 NaN
        '{"a":' * 50_000 + "1" + "}" * 50_000,  # 4 deep nesting
        {"date": "2021-07-31", "text": ENGLISH},  # 5 no id
        {"id": "t", "date": "2021-07-31"},  # 6 no text
        {"id": "e", "date": "2021-07-31", "text": "   \n "},  # 7 empty text
        {"id": "d1", "date": "2021-02-30", "text": ENGLISH},  # 8
        {"id": "d2", "date": "0000-00-00", "text": ENGLISH},  # 9
        {"id": "d3", "date": "20210731", "text": ENGLISH},  # 10
        {"id": "d4", "text": ENGLISH},  # 11 no date
        {"id": "fr", "date": "2021-07-31", "text": FRENCH, "language": "fr"},  # 12
        {"id": "nul", "date": "2021-07-31", "text": "Shelling\u0000 hit"},  # 13
        {"id": "ti", "date": "2021-07-31", "text": ENGLISH, "title": ["x"]},  # 14
        '{"id": "i", "date": "2021-07-31", "text": "t", "n": -Infinity}',  # 15
        good,  # 16
    )
    articles, failures = split(list(read_file(path)))
    assert [a.id for a in articles] == ["ok"]
    assert articles[0].origin == f"{path}:16"
    by_line = {int(f.origin.rsplit(":", 1)[1]): f.message for f in failures}
    assert sorted(by_line) == list(range(1, 16))
    expected = {
        1: "broken JSON", 2: "JSON list is not an object", 3: "NaN", 4: "nested too deeply", 5: "missing id",
        6: "missing text", 7: "empty text", 8: "not a real calendar date", 9: "not a real calendar date",
        10: "only YYYY-MM-DD is accepted", 11: "missing date", 12: "not English (language=fr)",
        13: "NUL characters", 14: "title must be a string", 15: "-Infinity",
    }
    for line, fragment in expected.items():
        assert fragment in by_line[line], (line, by_line[line])


def test_language_heuristic(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "lang.jsonl",
        {"id": "en", "date": "2021-07-31", "text": ENGLISH},
        {"id": "fr", "date": "2021-07-31", "text": FRENCH},
        {"id": "ru", "date": "2021-07-31", "text": RUSSIAN},
        {"id": "fr-declared-en", "date": "2021-07-31", "text": FRENCH, "language": "en"},
        {"id": "short", "date": "2021-07-31", "text": "Kaboul: combats violents"},
        {"id": "de", "date": "2021-07-31", "text": GERMAN},
        {"id": "list", "date": "2021-07-31", "text": CASUALTY_LIST},
    )
    articles, failures = split(list(read_file(path)))
    assert [a.id for a in articles] == ["en", "fr-declared-en", "short", "list"]
    assert [f.origin for f in failures] == [f"{path}:2", f"{path}:3", f"{path}:6"]
    assert all(f.message.startswith("not English (language=unknown") for f in failures)


def test_csv_long_fields_newlines_and_line_numbers(tmp_path: Path) -> None:
    long_text = " ".join([ENGLISH] * 700)
    assert len(long_text) > 131_072  # csv's default field limit
    path = tmp_path / "news.csv"
    rows = [
        "ID,Date,Text,Title",
        f'a,2021-07-31,"{ENGLISH}\nSecond paragraph, with a comma.",T1',
        f'b,2021-08-01,"{long_text}",',
        "c,2021-02-30,x,",
        f"d,2021-08-02,{ENGLISH}",
    ]
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    items = list(read_file(path))
    articles, failures = split(items)
    assert [a.id for a in articles] == ["a", "b", "d"]
    assert articles[0].text == ENGLISH + "\nSecond paragraph, with a comma."
    assert articles[0].title == "T1" and articles[1].title is None
    assert len(articles[1].text) == len(long_text)
    assert [a.origin for a in articles] == [f"{path}:2", f"{path}:4", f"{path}:6"]
    message = "date '2021-02-30' is not a real calendar date: use YYYY-MM-DD"
    assert failures == [ReadFailure(f"{path}:5", message)]


def test_csv_header_without_required_columns(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,when,body\n1,2021-07-31,text\n", encoding="utf-8")
    (failure,) = list(read_file(path))
    assert failure == ReadFailure(
        f"{path}:1", "CSV header lacks date, text: the header row must name id, date, text"
    )


def test_encodings_are_decided_per_file_and_reported(tmp_path: Path) -> None:
    text = "The governor’s office said “calm” returned — café reopened."
    record = {"id": "q", "date": "2021-07-31", "text": text}
    line = json.dumps(record, ensure_ascii=False) + "\n"
    bom8 = tmp_path / "bom8.jsonl"
    bom8.write_bytes(b"\xef\xbb\xbf" + line.encode("utf-8"))
    utf16 = tmp_path / "u16.csv"
    utf16.write_text(f'id,date,text\nq,2021-07-31,"{record["text"]}"\n', encoding="utf-16")
    cp = tmp_path / "cp.jsonl"
    cp.write_bytes(line.encode("cp1252"))
    latin = tmp_path / "latin.jsonl"
    # 0x81 is undefined in cp1252, so only latin-1 can read this file (as U+0081).
    latin_record = {"id": "l", "date": "2021-07-31", "text": "The governor's café reopened.\x81"}
    latin.write_bytes(json.dumps(latin_record, ensure_ascii=False).encode("latin-1") + b"\n")
    notes: dict[str, str] = {}
    items = list(read_paths([str(bom8), str(utf16), str(cp), str(latin)],
                            on_note=lambda origin, note: notes.__setitem__(origin, note)))
    articles, failures = split(items)
    assert failures == []
    assert [a.text for a in articles[:3]] == [record["text"]] * 3
    assert articles[3].text == latin_record["text"]
    assert notes[str(bom8)] == "UTF-8 (byte-order mark)"
    assert notes[str(utf16)] == "UTF-16 (byte-order mark)"
    assert notes[str(cp)].startswith("cp1252 (not valid UTF-8 at byte ")
    assert notes[str(latin)].startswith("latin-1")
    assert all("\ufffd" not in a.text for a in articles)
    assert detect_encoding(SEED).codec == "utf-8-sig"


def test_binary_empty_unsupported_and_missing(tmp_path: Path) -> None:
    binary = tmp_path / "image.jsonl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n", encoding="utf-8")
    empty_txt = tmp_path / "empty.txt"
    empty_txt.write_text(" \n", encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    missing = tmp_path / "nope.jsonl"
    items = list(read_paths([str(p) for p in (binary, empty, blank, empty_txt, pdf, missing)]))
    assert all(isinstance(i, ReadFailure) for i in items)
    messages = [(i.origin, i.message) for i in items if isinstance(i, ReadFailure)]
    assert messages[0][0] == str(binary) and messages[0][1].startswith("binary file (NUL bytes)")
    assert messages[1] == (str(empty), "empty file")
    assert messages[2] == (str(blank), "no records (only blank lines)")
    assert messages[3] == (str(empty_txt), "empty file")
    assert messages[4] == (str(pdf), "unsupported file type '.pdf': use one of .txt, .jsonl, .ndjson, .csv")
    assert messages[5] == (str(missing), "no such file or directory: check the path")


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "2.txt").write_text(" date 2021-07-02 Two.", encoding="utf-8")
    (tmp_path / "a" / "9.TXT").write_text(" date 2021-07-09 Nine.", encoding="utf-8")
    (tmp_path / "1.txt").write_text(" date 2021-07-01 One.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    items = list(read_paths([str(tmp_path), str(tmp_path / "empty")]))
    assert [i.id for i in items if isinstance(i, Article)] == ["1", "9", "2"]
    message = "no .txt, .jsonl, .ndjson, .csv files in this directory"
    assert items[-1] == ReadFailure(str(tmp_path / "empty"), message)


def test_stdin_dash_reads_jsonl() -> None:
    stream = io.StringIO(json.dumps({"id": "s", "date": "2021-07-31", "text": ENGLISH}) + "\nnot json\n")
    first, second = list(read_paths(["-"], stdin=stream))
    assert isinstance(first, Article) and first.origin == "<stdin>:1"
    assert isinstance(second, ReadFailure) and second.origin == "<stdin>:2"


def test_oversized_text_and_line_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_text(" date 2021-07-31 " + "a" * (readers.MAX_TEXT_CHARS + 10), encoding="utf-8")
    (failure,) = list(read_file(big))
    assert isinstance(failure, ReadFailure) and "longer than 2,000,000 characters" in failure.message

    monkeypatch.setattr(readers, "MAX_LINE_CHARS", 1000)
    path = jsonl(
        tmp_path / "long.jsonl",
        {"id": "huge", "date": "2021-07-31", "text": "x" * 5000},
        {"id": "after", "date": "2021-07-31", "text": ENGLISH},
    )
    first, second = list(read_file(path))
    assert isinstance(first, ReadFailure) and first.origin == f"{path}:1"
    assert "line longer than 1,000 characters" in first.message
    assert isinstance(second, Article) and second.id == "after" and second.origin == f"{path}:2"

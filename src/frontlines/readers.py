"""Input readers: files, directories and stdin in, Articles (or ReadFailures) out.

Bad input is never fatal. Every problem becomes a ``ReadFailure`` whose ``origin`` says where ("path:line" or
"path") and whose message says what to do, and reading goes on with the next record or file.

Decisions a user may need to know about:

* Dates: only ``YYYY-MM-DD`` (optionally followed by an ISO time such as ``T10:00:00Z``, of which only the
  date is used). ``date.fromisoformat`` would also take ``20210731``; we refuse it so that a typo is not read
  as a date. Impossible dates (``2021-02-30``, ``0000-00-00``) are refused.
* Encodings are decided once per file: a UTF-8 or UTF-16 byte-order mark wins; otherwise strict UTF-8 if the
  whole file decodes, else cp1252 if it decodes, else latin-1. Characters are never replaced. The decision is
  reported through ``on_note(origin, message)``.
* A file whose first 8 KiB hold NUL bytes (without a UTF-16 mark) is binary and skipped. A record whose text
  still holds NUL characters is refused (SQLite's string functions stop at NUL).
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from frontlines.model import Article, ReadFailure

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv")
MAX_TEXT_CHARS = 2_000_000
# A JSON line may escape every character as \uXXXX, so a line can be several times its text's length.
MAX_LINE_CHARS = 8 * MAX_TEXT_CHARS
SNIFF_BYTES = 8192
REQUIRED_FIELDS = ("id", "date", "text")
OPTIONAL_FIELDS = ("title", "source", "url", "language")

NoteCallback = Callable[[str, str], None]
Item = Article | ReadFailure

_DATE_RE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
# The header sits on the first sentence's line; it may also stand alone on the first line.
_TXT_HEADER_RE = re.compile(r"[ \t]*date[ \t]+(\d\S*)(?:[ \t]*\r?\n\s*|[ \t]+|\Z)")
_ENGLISH_CODES = frozenset({"en", "eng", "english"})
# The most frequent English words: together they are a quarter of the words of ordinary English news prose,
# and a few percent at most of French, German or Spanish.
_STOPWORDS = frozenset(
    "the of and to in a is was for on that with said by at from has have are were".split()
)
# Function words of other languages written in Latin script that are not English words. English prose that
# is poor in English function words (a casualty list, a table) is also poor in these, so it is not refused.
_FOREIGN_WORDS = frozenset(
    "le la les des et du une est dans pour qui der und das ist mit von ein eine nicht sich el los las del "
    "y que por una con de os não da il di che della gli yang dan dengan untuk dari ini het een niet ve bir "
    "ile için".split()
)
_WORD_RE = re.compile(r"[^\W\d_]+")
_MIN_WORDS_FOR_GUESS = 30


class _RecordError(Exception):
    """A record-level problem; becomes a ReadFailure for that record only."""


@dataclass(frozen=True)
class Encoding:
    codec: str  # a name for open(); "" when the file is not text
    note: str  # what was decided and why, or why the file is refused


def read_paths(
    paths: Sequence[str],
    *,
    default_date: date | None = None,
    stdin: TextIO | None = None,
    on_note: NoteCallback | None = None,
) -> Iterator[Item]:
    """Read every path in order: files, directories (recursively, sorted) and ``-`` for JSONL on stdin."""
    for raw in paths:
        if raw == "-":
            yield from _read_jsonl_stream(stdin if stdin is not None else sys.stdin, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files = _walk(path)
            if not files:
                yield ReadFailure(str(path), f"no {', '.join(SUPPORTED_SUFFIXES)} files in this directory")
            for file in files:
                yield from read_file(file, default_date=default_date, on_note=on_note)
        else:
            yield from read_file(path, default_date=default_date, on_note=on_note)


def read_file(
    path: Path, *, default_date: date | None = None, on_note: NoteCallback | None = None
) -> Iterator[Item]:
    """Read one file; its suffix picks the format."""
    origin = str(path)
    suffix = path.suffix.lower()
    if not path.exists():
        yield ReadFailure(origin, "no such file or directory: check the path")
        return
    if path.is_dir():
        yield from read_paths([origin], default_date=default_date, on_note=on_note)
        return
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(SUPPORTED_SUFFIXES)
        yield ReadFailure(origin, f"unsupported file type {suffix or '(none)'!r}: use one of {kinds}")
        return
    try:
        encoding = detect_encoding(path)
    except OSError as exc:
        yield ReadFailure(origin, f"cannot read file: {exc.strerror or exc}")
        return
    if not encoding.codec:
        yield ReadFailure(origin, encoding.note)
        return
    if on_note is not None:
        on_note(origin, encoding.note)
    try:
        with open(path, encoding=encoding.codec, errors="strict", newline="") as handle:
            if suffix == ".txt":
                yield _read_txt(handle, path, default_date)
            elif suffix == ".csv":
                yield from _read_csv(handle, origin)
            else:
                yield from _read_jsonl_stream(handle, origin)
    except (OSError, UnicodeDecodeError) as exc:
        yield ReadFailure(origin, f"cannot read file: {exc}")


def detect_encoding(path: Path) -> Encoding:
    """Decide one encoding for the whole file, streaming it, without replacing any character."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        if not head:
            return Encoding("", "empty file")
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return Encoding("utf-16", "UTF-16 (byte-order mark)")
        bom = head.startswith(codecs.BOM_UTF8)
        if b"\x00" in head:
            return Encoding(
                "",
                "binary file (NUL bytes): if it is UTF-16 text, save it with a byte-order mark or as UTF-8",
            )
        handle.seek(0)
        bad_at = _first_undecodable(handle, "utf-8")
        if bad_at is None:
            return Encoding("utf-8-sig", "UTF-8 (byte-order mark)" if bom else "UTF-8")
        handle.seek(0)
        if _first_undecodable(handle, "cp1252") is None:
            return Encoding("cp1252", f"cp1252 (not valid UTF-8 at byte {bad_at})")
        return Encoding("latin-1", f"latin-1 (neither UTF-8, invalid at byte {bad_at}, nor cp1252)")


def _first_undecodable(handle: BinaryIO, codec: str) -> int | None:
    decoder = codecs.getincrementaldecoder(codec)("strict")
    offset = 0
    while True:
        chunk = handle.read(1 << 20)
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            return offset + exc.start
        if not chunk:
            return None
        offset += len(chunk)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in names:
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(Path(folder) / name)
    return sorted(found, key=lambda p: str(p))


def parse_date(value: object) -> date:
    """Parse a ``YYYY-MM-DD`` date (a trailing ISO time is allowed and ignored), or raise ValueError."""
    if not isinstance(value, str):
        raise ValueError(f"date must be a string in YYYY-MM-DD form, not {type(value).__name__}")
    match = _DATE_RE.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"date {value!r} is not in YYYY-MM-DD form (only YYYY-MM-DD is accepted)")
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise ValueError(f"date {value!r} is not a real calendar date: use YYYY-MM-DD") from None


def _read_txt(handle: TextIO, path: Path, default_date: date | None) -> Item:
    origin = str(path)
    raw = handle.read(MAX_TEXT_CHARS + 256)
    if handle.read(1):
        return ReadFailure(origin, f"text longer than {MAX_TEXT_CHARS:,} characters: split the article")
    raw = raw.removeprefix("\ufeff")
    if not raw.strip():
        return ReadFailure(origin, "empty file")
    header = _TXT_HEADER_RE.match(raw)
    if header is not None:
        try:
            when = parse_date(header.group(1))
        except ValueError as exc:
            return ReadFailure(origin, f"header: {exc}")
        text = raw[header.end():]
    elif default_date is not None:
        when, text = default_date, raw
    else:
        return ReadFailure(origin, "no ' date YYYY-MM-DD ' header: add one or pass --date")
    try:
        return _article(path.stem, when, text, {}, origin)
    except _RecordError as exc:
        return ReadFailure(origin, str(exc))


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


def _read_jsonl_stream(handle: TextIO, name: str) -> Iterator[Item]:
    number = 0
    saw_record = False
    while True:
        try:
            line = handle.readline(MAX_LINE_CHARS)
        except UnicodeDecodeError as exc:
            yield ReadFailure(f"{name}:{number + 1}", f"undecodable bytes ({exc}); rest of input skipped")
            return
        if not line:
            break
        number += 1
        origin = f"{name}:{number}"
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            while (rest := handle.readline(MAX_LINE_CHARS)) and not rest.endswith(("\n", "\r")):
                pass
            yield ReadFailure(origin, f"line longer than {MAX_LINE_CHARS:,} characters: split the article")
            continue
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        saw_record = True
        try:
            record = json.loads(line, parse_constant=_refuse_constant)
        except RecursionError:
            yield ReadFailure(origin, "JSON nested too deeply: one flat object per line")
            continue
        except json.JSONDecodeError as exc:
            yield ReadFailure(origin, f"broken JSON ({exc.msg} at column {exc.colno}): one object per line")
            continue
        except ValueError as exc:
            yield ReadFailure(origin, f"refused JSON: {exc}")
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield ReadFailure(origin, f"JSON {kind} is not an object: write {{\"id\", \"date\", \"text\"}}")
            continue
        yield _record_to_item(record, origin)
    if not saw_record:
        yield ReadFailure(name, "empty file" if number <= 1 else "no records (only blank lines)")


def _read_csv(handle: TextIO, name: str) -> Iterator[Item]:
    # Articles easily exceed csv's default 131,072-character field limit.
    if csv.field_size_limit() < MAX_LINE_CHARS:
        csv.field_size_limit(MAX_LINE_CHARS)
    reader = csv.reader(handle)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield ReadFailure(f"{name}:1", f"broken CSV header: {exc}")
        return
    if header is None or not any(cell.strip() for cell in header):
        yield ReadFailure(name, "empty file")
        return
    columns = [cell.strip().lower().removeprefix("\ufeff") for cell in header]
    missing = [field for field in REQUIRED_FIELDS if field not in columns]
    if missing:
        yield ReadFailure(
            f"{name}:1", f"CSV header lacks {', '.join(missing)}: the header row must name id, date, text"
        )
        return
    start = reader.line_num + 1
    rows = 0
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            yield ReadFailure(f"{name}:{start}", f"broken CSV ({exc}); rest of file skipped")
            return
        if row is None:
            break
        origin = f"{name}:{start}"
        start = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        record = {col: cell for col, cell in zip(columns, row, strict=False) if col and cell != ""}
        yield _record_to_item(record, origin)
    if rows == 0:
        yield ReadFailure(name, "no records after the header row")


def _record_to_item(record: Mapping[str, object], origin: str) -> Item:
    try:
        raw_id = record.get("id")
        if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or not str(raw_id).strip():
            raise _RecordError("missing id: every record needs a non-empty \"id\"")
        if "date" not in record or record["date"] in (None, ""):
            raise _RecordError("missing date: every record needs \"date\": \"YYYY-MM-DD\"")
        try:
            when = parse_date(record["date"])
        except ValueError as exc:
            raise _RecordError(str(exc)) from None
        text = record.get("text")
        if text is None:
            raise _RecordError("missing text: every record needs a \"text\" string")
        if not isinstance(text, str):
            raise _RecordError(f"text must be a string, not {type(text).__name__}")
        extras: dict[str, str | None] = {}
        for field in OPTIONAL_FIELDS:
            value = record.get(field)
            if value is not None and not isinstance(value, str):
                raise _RecordError(f"{field} must be a string, not {type(value).__name__}")
            extras[field] = value or None
        return _article(str(raw_id).strip(), when, text, extras, origin)
    except _RecordError as exc:
        return ReadFailure(origin, str(exc))


def _article(article_id: str, when: date, text: str, extras: dict[str, str | None], origin: str) -> Article:
    if not text.strip():
        raise _RecordError("empty text")
    if len(text) > MAX_TEXT_CHARS:
        raise _RecordError(f"text longer than {MAX_TEXT_CHARS:,} characters: split the article")
    if "\x00" in text or "\x00" in article_id:
        raise _RecordError("NUL characters (U+0000) in the record: remove them")
    language = extras.get("language")
    _check_english(text, language)
    return Article(
        id=article_id,
        date=when,
        text=text,
        title=extras.get("title"),
        source=extras.get("source"),
        url=extras.get("url"),
        language=language,
        origin=origin,
    )


def _check_english(text: str, language: str | None) -> None:
    if language and language.strip():
        code = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
        if code not in _ENGLISH_CODES:
            raise _RecordError(f"not English (language={language.strip()}): frontlines reads English news")
        return
    # Two hundred words decide it as well as the whole text would.
    words = _WORD_RE.findall(text[:1500].lower())
    if len(words) < _MIN_WORDS_FOR_GUESS:
        return  # too short to judge; headlines and briefs pass
    ascii_words = sum(map(str.isascii, words))
    common = sum(1 for w in words if w in _STOPWORDS)
    foreign = sum(1 for w in words if w in _FOREIGN_WORDS)
    if ascii_words / len(words) < 0.5 or (common / len(words) < 0.08 and foreign > common):
        raise _RecordError(
            f"not English (language=unknown, {common / len(words):.0%} common English words): "
            "frontlines reads English news; set \"language\": \"en\" if this is English"
        )

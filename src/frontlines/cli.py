"""The command line: parse arguments, call one library function, print. No logic of its own."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import FrontlinesError
from .model import Event, ReadFailure

FORMATS = ("jsonl", "acled-csv", "geojson", "plover")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _writer(fmt: str) -> Callable[..., int]:
    from . import export, plover

    return {"jsonl": export.write_jsonl, "acled-csv": export.write_acled_csv, "geojson": export.write_geojson,
            "plover": plover.write_plover, "table": export.write_table}[fmt]


def _report_failure(failure: ReadFailure) -> None:
    print(f"frontlines: error: {failure.origin}: {failure.message}", file=sys.stderr)


class _Progress:
    """A progress line on standard error, only when it is a terminal and the run is long enough to need it."""

    def __init__(self, label: str, enabled: bool) -> None:
        self.label, self.count, self.enabled = label, 0, enabled and sys.stderr.isatty()

    def __call__(self, n: int) -> None:
        self.count += n
        if self.enabled and self.count % 5 == 0:
            print(f"\r{self.label}: {self.count} articles", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled and self.count >= 5:
            print(f"\r{self.label}: {self.count} articles", file=sys.stderr)


def _open_out(path: str | None) -> TextIO:
    return open(path, "w", encoding="utf-8", newline="") if path and path != "-" else sys.stdout


def cmd_extract(args: argparse.Namespace) -> int:
    from .runner import extract_paths

    failures = 0

    def events() -> Iterator[Event]:
        # Streamed: each batch's events are written as soon as they are extracted, so a run over millions of
        # articles holds one batch in memory, and a failure is reported where it happens.
        nonlocal failures
        for item in extract_paths(args.paths, default_date=args.date, stdin=sys.stdin, workers=args.workers):
            if isinstance(item, ReadFailure):
                failures += 1
                _report_failure(item)
            else:
                yield from item.events

    out = _open_out(args.output)
    try:
        _writer(args.format)(events(), out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failures else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from .runner import ingest_paths

    progress = _Progress("ingest", not args.quiet)
    summary = ingest_paths(args.paths, args.db, default_date=args.date, stdin=sys.stdin, progress=progress,
                           on_failure=_report_failure, workers=args.workers)
    progress.close()
    print(f"{summary.articles} articles read ({summary.new_articles} new, {summary.skipped_articles} already "
          f"stored), {summary.events} events extracted, {len(summary.failures)} failures -> {args.db}",
          file=sys.stderr)
    return 1 if summary.failures else 0


def cmd_events(args: argparse.Namespace) -> int:
    from .export import write_jsonl
    from .link import linked_events, linked_fields
    from .store import Store

    with Store(_existing_db(args.db), readonly=True) as store:
        linked = linked_events(store, country=args.country, since=args.since, until=args.until,
                               event_type=args.type)
    fields = {le.event.id: linked_fields(le) for le in linked}
    out = _open_out(args.output)
    try:
        if args.format == "jsonl":
            write_jsonl([le.event for le in linked], out, extra=lambda e: fields[e.id])
        else:
            _writer(args.format)([le.event for le in linked], out)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def _existing_db(path: str) -> str:
    if not Path(path).exists():
        raise FrontlinesError(f"{path}: no such database; create it with `frontlines ingest PATH --db {path}`")
    return path


def cmd_relink(args: argparse.Namespace) -> int:
    from .link import relink
    from .store import Store

    with Store(_existing_db(args.db)) as store:
        stats = relink(store)
    print(f"{stats.mentions} mentions linked into {stats.events} events -> {args.db}", file=sys.stderr)
    return 0


def cmd_unlink(args: argparse.Namespace) -> int:
    from .link import unlink
    from .store import Store

    with Store(_existing_db(args.db)) as store:
        stats = unlink(store, args.mention_id)
    print(f"{args.mention_id} unlinked; {stats.mentions} mentions re-linked into {stats.events} events",
          file=sys.stderr)
    return 0


def cmd_control(args: argparse.Namespace) -> int:
    from .report import write_control
    from .store import Store

    with Store(_existing_db(args.db), readonly=True) as store:
        write_control(store, sys.stdout, as_of=args.as_of, country=args.country, place=args.place,
                      fmt=args.format)
    return 0


def cmd_situation(args: argparse.Namespace) -> int:
    from .report import situation_text
    from .store import Store

    with Store(_existing_db(args.db), readonly=True) as store:
        print(situation_text(store, args.area, as_of=args.as_of), end="")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report, load_gold

    items = load_gold(Path(args.gold))
    if args.limit:
        items = items[: args.limit]
    report = evaluate(items)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(format_report(report))
    if args.show_misses:
        for miss in report.misses:
            print(json.dumps(miss), file=sys.stderr)
    if args.show_errors:
        for row in report.disagreements:
            print(json.dumps(row, default=str), file=sys.stderr)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    progress = _Progress("demo", True)
    result = run_demo(Path(args.out), progress=progress, on_failure=_report_failure)
    progress.close()
    s = result.summary
    print(f"Sample corpus: {s.articles} articles, {s.events} events ({s.new_articles} newly stored, "
          f"{s.skipped_articles} already stored), {len(s.failures)} failures.\n")
    print(f"{'country':<30} {'event type':<30} {'events':>6}")
    for (country, etype), n in sorted(result.by_country_type.items()):
        print(f"{country:<30} {etype:<30} {n:>6}")
    print()
    for country, n in sorted(result.fatalities.items()):
        print(f"fatalities in {country}: {n}")
    print("\nOutputs:")
    for name, path in result.outputs.items():
        print(f"  {name:<16} {path}")
    print(f"\nTry: frontlines events --db {result.outputs['database']} --format table")
    return 1 if s.failures else 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from . import gazetteer

    if args.action == "build":
        path = gazetteer.build(extra_sources=[Path(p) for p in args.sources])
        print(f"gazetteer built: {path}")
    elif args.action == "info":
        for key, value in gazetteer.Gazetteer.load().info().items():
            print(f"{key}: {value}")
    else:
        if not args.name:
            raise FrontlinesError("gazetteer lookup needs a NAME, e.g. `frontlines gazetteer lookup Herat`")
        for place in gazetteer.Gazetteer.load().lookup(" ".join(args.name))[: args.limit]:
            print(f"{place.name}\t{place.feature}\t{place.admin2}\t{place.admin1}\t{place.country}\t"
                  f"{place.latitude:.4f},{place.longitude:.4f}\tprecision {place.geo_precision}\t"
                  f"pop {place.population}\tgeonameid {place.geonameid}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontlines", description="Evidence-linked, ACLED-compatible conflict events from dated news.")
    parser.add_argument("--version", action="version", version=f"frontlines {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract events from articles (no database)")
    p.add_argument("paths", nargs="+", help=".txt/.jsonl/.ndjson/.csv files, directories, or - for JSONL on stdin")
    p.add_argument("--format", choices=FORMATS + ("table",), default="jsonl")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--date", type=_date, help="publication date for .txt files without a date header")
    p.add_argument("--workers", type=int, default=1, help="extract in this many processes (one model each)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("ingest", help="extract and store in SQLite (idempotent)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--db", default="frontlines.db")
    p.add_argument("--date", type=_date)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    p.add_argument("--workers", type=int, default=1, help="extract in this many processes (one model each)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("events", help="list stored events")
    p.add_argument("--db", default="frontlines.db")
    p.add_argument("--country")
    p.add_argument("--since", type=_date)
    p.add_argument("--until", type=_date)
    p.add_argument("--type", help="ACLED event type, e.g. Battles")
    p.add_argument("--format", choices=("table",) + FORMATS, default="table")
    p.add_argument("-o", "--output")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("relink", help="re-link every stored report into events (after rules changed)")
    p.add_argument("--db", default="frontlines.db")
    p.set_defaults(func=cmd_relink)

    p = sub.add_parser("unlink", help="make one report (mention) an event of its own, across relinks")
    p.add_argument("mention_id", help="a mention id (the event row id of one article's report)")
    p.add_argument("--db", default="frontlines.db")
    p.set_defaults(func=cmd_unlink)

    p = sub.add_parser("control", help="who holds each place, from stored control claims")
    p.add_argument("--db", default="frontlines.db")
    p.add_argument("--as-of", type=_date, help="latest status as known on this date (default: all claims)")
    p.add_argument("--country")
    p.add_argument("--place", help="show this place's history instead of the latest status of every place")
    p.add_argument("--format", choices=("table", "geojson", "jsonl"), default="table")
    p.set_defaults(func=cmd_control)

    p = sub.add_parser("situation", help="a short text summary of one area (country or admin1) at a date")
    p.add_argument("--db", default="frontlines.db")
    p.add_argument("--as-of", type=_date, help="the summary's date (default: the latest stored date)")
    p.add_argument("--area", required=True, help="a country or a province/state (admin1) name")
    p.set_defaults(func=cmd_situation)

    p = sub.add_parser("evaluate", help="score extraction against a gold file (JSONL or ACLED CSV)")
    p.add_argument("gold")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--show-misses", action="store_true", help="list missed and extra events on stderr")
    p.add_argument("--show-errors", action="store_true",
                   help="list each field a matched event got wrong (id, field, gold, got) on stderr")
    p.add_argument("--limit", type=int, default=0, help="score only the first N items")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("demo", help="ingest the bundled sample corpus and summarise it")
    p.add_argument("--out", default="demo-output")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("gazetteer", help="build, inspect or query the offline gazetteer")
    p.add_argument("action", choices=("build", "info", "lookup"))
    p.add_argument("name", nargs="*")
    p.add_argument("--from", dest="sources", nargs="*", default=[], help="GeoNames dump files for a richer index")
    p.add_argument("--limit", type=int, default=10)
    p.set_defaults(func=cmd_gazetteer)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except FrontlinesError as exc:
        print(f"frontlines: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("frontlines: interrupted; stored batches are kept, re-run to finish", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

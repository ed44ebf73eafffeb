"""The bundled sample corpus, run end to end: ingest into SQLite, export every format, summarise."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .export import write_acled_csv, write_geojson, write_jsonl
from .model import ReadFailure
from .runner import RunSummary, ingest_paths
from .store import Store


@dataclass
class DemoResult:
    summary: RunSummary
    outputs: dict[str, Path] = field(default_factory=dict)
    by_country_type: Counter[tuple[str, str]] = field(default_factory=Counter)
    fatalities: Counter[str] = field(default_factory=Counter)


def sample_corpus() -> Path:
    return Path(str(resources.files("frontlines").joinpath("data/sample_corpus/articles.jsonl")))


def run_demo(out_dir: Path, progress: Callable[[int], None] | None = None,
             on_failure: Callable[[ReadFailure], None] | None = None) -> DemoResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    db = out_dir / "frontlines-demo.db"
    # The demo shows what this version extracts: a database left by an older run is replaced, not reused.
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    summary = ingest_paths([str(sample_corpus())], db, progress=progress, on_failure=on_failure)
    result = DemoResult(summary, {"database": db})
    with Store(db, readonly=True) as store:
        events = store.events()
    for name, writer in (("events.jsonl", write_jsonl), ("events.csv", write_acled_csv),
                         ("events.geojson", write_geojson)):
        path = out_dir / name
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer(events, fh)
        result.outputs[name] = path
    for e in events:
        country = e.place.country if e.place else "?"
        result.by_country_type[(country, e.event_type)] += 1
        result.fatalities[country] += e.fatalities
    return result

"""Batch runs over many inputs: read, extract, store — bad records reported, never fatal.

The library reports progress through a callback and failures as records; the CLI decides how to show them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from .link import link_pending
from .model import Article, Extraction, ReadFailure
from .pipeline import Pipeline
from .readers import read_paths
from .store import Store

Progress = Callable[[int], None]


@dataclass
class RunSummary:
    articles: int = 0
    events: int = 0
    new_articles: int = 0
    skipped_articles: int = 0
    failures: list[ReadFailure] = field(default_factory=list)


_WORKER_PIPELINE: Pipeline | None = None


def _worker_init() -> None:
    # Each process loads its own pipeline once; a spaCy Language is never pickled.
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline()


def _worker_extract(batch: list[Article]) -> list[Extraction | ReadFailure]:
    assert _WORKER_PIPELINE is not None
    return list(extract_articles(batch, _WORKER_PIPELINE, batch_size=len(batch) or 1))


def extract_articles(articles: Iterable[Article | ReadFailure], pipeline: Pipeline | None = None,
                     batch_size: int = 32, workers: int = 1) -> Iterator[Extraction | ReadFailure]:
    """Extraction for every article; a read failure passes through, an article the pipeline cannot process
    becomes a failure of its own and the batch goes on. With ``workers`` > 1, batches are extracted in that
    many processes and results come back in input order."""
    if workers > 1:
        yield from _extract_parallel(articles, batch_size, workers)
        return
    pipe = pipeline or Pipeline()
    pending: list[Article | ReadFailure] = []  # read failures wait in line so output keeps input order

    def flush() -> Iterator[Extraction | ReadFailure]:
        batch = [x for x in pending if isinstance(x, Article)]
        try:
            results: list[Extraction | ReadFailure] = list(pipe.extract_many(batch, batch_size=batch_size))
        except Exception:  # noqa: BLE001 - one bad article must not sink its batch; retry one by one
            results = []
            for article in batch:
                try:
                    results.append(pipe.extract(article))
                except Exception as exc:  # noqa: BLE001
                    results.append(ReadFailure(article.origin or article.id,
                                               f"extraction failed ({type(exc).__name__}: {exc})"))
        done = iter(results)
        for item in pending:
            yield item if isinstance(item, ReadFailure) else next(done)
        pending.clear()

    for item in articles:
        pending.append(item)
        if sum(isinstance(x, Article) for x in pending) >= batch_size or len(pending) >= 4 * batch_size:
            yield from flush()
    if pending:
        yield from flush()


def _extract_parallel(articles: Iterable[Article | ReadFailure], batch_size: int,
                      workers: int) -> Iterator[Extraction | ReadFailure]:
    import multiprocessing

    def batches() -> Iterator[list[Article | ReadFailure]]:
        batch: list[Article | ReadFailure] = []
        for item in articles:
            batch.append(item)
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(workers, initializer=_worker_init) as pool:
        for results in pool.imap(_worker_extract, batches()):  # type: ignore[arg-type]
            yield from results


def extract_paths(paths: Sequence[str], *, default_date: date | None = None, stdin: TextIO | None = None,
                  pipeline: Pipeline | None = None, workers: int = 1) -> Iterator[Extraction | ReadFailure]:
    return extract_articles(read_paths(paths, default_date=default_date, stdin=stdin), pipeline, workers=workers)


def ingest_paths(paths: Sequence[str], db: str | Path, *, default_date: date | None = None,
                 stdin: TextIO | None = None, pipeline: Pipeline | None = None,
                 progress: Progress | None = None, on_failure: Callable[[ReadFailure], None] | None = None,
                 batch_size: int = 32, workers: int = 1) -> RunSummary:
    """Read, extract and store; one transaction per batch so an interrupted run loses at most one batch and a
    re-run completes it without duplicates."""
    summary = RunSummary()
    pending: list[Extraction] = []
    with Store(db) as store:
        def commit() -> None:
            if pending:
                result = store.add_extractions(pending)
                summary.new_articles += result.new
                summary.skipped_articles += result.skipped
                pending.clear()
            # Also run when nothing was new, so a run interrupted between storing and linking is completed.
            link_pending(store)

        for item in extract_paths(paths, default_date=default_date, stdin=stdin, pipeline=pipeline,
                                  workers=workers):
            if isinstance(item, ReadFailure):
                summary.failures.append(item)
                store.record_failure(item.origin, item.message)
                if on_failure:
                    on_failure(item)
            else:
                summary.articles += 1
                summary.events += len(item.events)
                pending.append(item)
                if len(pending) >= batch_size:
                    commit()
            if progress:
                progress(1)
        commit()
    return summary

"""Linking quality on tests/data/linking: run the real pipeline, link, and score the clusters.

Each stored mention is mapped to the gold happening whose `quote` its evidence overlaps most (in the same
article); mentions that overlap no quote report untracked happenings and are not scored. Prints pairwise
precision/recall, B-cubed F1, and whether ingesting the corpus in two halves (either order) gives the same
clusters as one run.

    .venv/bin/python bench/linking.py [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from frontlines.link import clustering_scores, linked_events
from frontlines.pipeline import Pipeline
from frontlines.runner import ingest_paths
from frontlines.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "linking"


def gold_spans(corpus: Path = CORPUS) -> dict[str, list[tuple[int, int, str]]]:
    texts = {}
    for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts[record["id"]] = record["text"]
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for m in json.loads((corpus / "gold.json").read_text(encoding="utf-8"))["mentions"]:
        start = texts[m["article_id"]].index(m["quote"])
        spans.setdefault(m["article_id"], []).append((start, start + len(m["quote"]), m["happening"]))
    return spans


def clusters(db: Path) -> dict[str, str]:
    """mention id -> linked event id."""
    with Store(db, readonly=True) as store:
        return {m.id: le.event.id for le in linked_events(store) for m in le.mentions}


def gold_of_mentions(db: Path, spans: dict[str, list[tuple[int, int, str]]]) -> dict[str, str]:
    found: dict[str, str] = {}
    with Store(db, readonly=True) as store:
        for m in store.mentions():
            best, most = "", 0
            for qs, qe, key in spans.get(m.article_id, []):
                overlap = sum(max(0, min(s.end, qe) - max(s.start, qs)) for s in m.event.evidence)
                if overlap > most:
                    best, most = key, overlap
            if best:
                found[m.id] = best
    return found


def split_corpus(folder: Path) -> tuple[Path, Path]:
    lines = (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    # Interleaved halves, so both halves hold reports of most happenings and linking must join across runs.
    first.write_text("\n".join(lines[0::2]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[1::2]) + "\n", encoding="utf-8")
    return first, second


def run(folder: Path, pipeline: Pipeline | None = None) -> dict[str, object]:
    pipe = pipeline or Pipeline()
    whole = folder / "whole.db"
    ingest_paths([str(CORPUS / "articles.jsonl")], whole, pipeline=pipe)
    first, second = split_corpus(folder)
    ab, ba = folder / "ab.db", folder / "ba.db"
    for db, order in ((ab, (first, second)), (ba, (second, first))):
        for part in order:
            ingest_paths([str(part)], db, pipeline=pipe, batch_size=8)
    predicted = clusters(whole)
    gold = gold_of_mentions(whole, gold_spans())
    scores = clustering_scores(predicted, gold)
    return {
        **scores,
        "mentions": len(predicted),
        "linked_events": len(set(predicted.values())),
        "same_clusters_ab": clusters(ab) == predicted,
        "same_clusters_ba": clusters(ba) == predicted,
        "predicted": predicted,
        "gold": gold,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="list the scored mentions by linked event")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = run(Path(tmp))
    for key in ("mentions", "linked_events", "items", "pairwise_precision", "pairwise_recall", "pairwise_f1",
                "bcubed_precision", "bcubed_recall", "bcubed_f1", "same_clusters_ab", "same_clusters_ba"):
        value = result[key]
        print(f"{key:<20} {value:.3f}" if isinstance(value, float) else f"{key:<20} {value}")
    if args.show:
        predicted, gold = result["predicted"], result["gold"]
        assert isinstance(predicted, dict) and isinstance(gold, dict)
        for mention in sorted(gold, key=lambda i: (predicted[i], i)):
            print(f"{predicted[mention]}  {mention}  {gold[mention]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

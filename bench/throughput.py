"""Throughput: frontlines' full extraction vs a bare spaCy ``nlp.pipe`` over the same texts, in one run.

usage: python bench/throughput.py [--articles N]
Prints articles/s for both and their ratio (target: full / bare <= 1.5; the parse is the floor).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace

from frontlines.demo import sample_corpus
from frontlines.model import Article
from frontlines.nlp import load_pipeline
from frontlines.pipeline import Pipeline
from frontlines.readers import read_paths


def corpus(n: int) -> list[Article]:
    base = [a for a in read_paths([str(sample_corpus())]) if isinstance(a, Article)]
    # Each copy gets its own first line so that no per-sentence cache can serve a repeated article: the
    # benchmark measures first readings, as on a real corpus.
    return [replace(base[i % len(base)], id=f"{base[i % len(base)].id}-{i}",
                    text=f"Bulletin {i}.\n\n" + base[i % len(base)].text) for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    args = ap.parse_args()
    articles = corpus(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_pipeline()
    pipeline = Pipeline()
    pipeline.extract(articles[0])  # load gazetteer and lexicons outside the timed runs

    t0 = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=32):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    events = sum(len(x.events) for x in pipeline.extract_many(articles))
    full = time.perf_counter() - t0

    print(json.dumps({
        "articles": len(articles), "words": words, "events": events,
        "bare_spacy_articles_per_s": round(len(articles) / bare, 1),
        "frontlines_articles_per_s": round(len(articles) / full, 1),
        "frontlines_words_per_s": round(words / full),
        "ratio_full_over_bare": round(full / bare, 3),
    }))


if __name__ == "__main__":
    main()

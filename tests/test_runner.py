from datetime import date

from frontlines.model import Article, Extraction, ReadFailure
from frontlines.runner import extract_articles, ingest_paths
from frontlines.store import Store

ARTICLES = [
    Article("a", date(2021, 8, 7), "Taliban fighters captured Zaranj, the capital of Nimroz province, on Friday."),
    ReadFailure("in.jsonl:2", "not JSON"),
    Article("b", date(2021, 7, 20), "Gunmen shot dead two aid workers in Jalalabad on Monday."),
    Article("c", date(2021, 7, 20), "The minister visited the province."),
]


def test_failures_pass_through_in_order(pipeline):
    out = list(extract_articles(ARTICLES, pipeline, batch_size=2))
    assert [type(x).__name__ for x in out] == ["Extraction", "ReadFailure", "Extraction", "Extraction"]
    assert isinstance(out[0], Extraction) and out[0].events[0].sub_event_type == "Non-state actor overtakes territory"
    assert isinstance(out[3], Extraction) and out[3].events == ()


def test_worker_processes_give_the_same_events(pipeline):
    one = [x for x in extract_articles(ARTICLES, pipeline, batch_size=1)]
    two = [x for x in extract_articles(ARTICLES, batch_size=1, workers=2)]
    def events(xs):
        return [[e.id for e in x.events] if isinstance(x, Extraction) else x.origin for x in xs]
    assert events(one) == events(two)


def test_ingest_counts_and_records_failures(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "date": "2021-08-07", "text": "Taliban fighters captured Zaranj on Friday."}\n'
                   '{broken\n', encoding="utf-8")
    db = tmp_path / "t.db"
    summary = ingest_paths([str(src)], db)
    assert (summary.articles, summary.new_articles, len(summary.failures)) == (1, 1, 1)
    again = ingest_paths([str(src)], db)
    assert (again.new_articles, again.skipped_articles) == (0, 1)
    with Store(db, readonly=True) as store:
        assert store.articles_count() == 1
        assert len(store.failures()) == 1

import json

from frontlines.demo import run_demo, sample_corpus


def test_demo_writes_every_output(tmp_path):
    result = run_demo(tmp_path)
    assert result.summary.articles >= 24 and not result.summary.failures
    assert set(result.outputs) == {"database", "events.jsonl", "events.csv", "events.geojson"}
    lines = result.outputs["events.jsonl"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == result.summary.events or len(lines) > 0
    countries = {c for c, _ in result.by_country_type}
    assert {"Afghanistan", "Myanmar"} <= countries and len(countries) >= 4
    geo = json.loads(result.outputs["events.geojson"].read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and geo["features"]
    again = run_demo(tmp_path)  # a re-run replaces the demo database instead of failing or duplicating
    assert again.summary.new_articles == result.summary.new_articles
    assert sample_corpus().exists()

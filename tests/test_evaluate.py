import json
from datetime import date

import pytest

from frontlines.errors import GoldFormatError
from frontlines.evaluate import GoldItem, Report, evaluate, load_gold, score_item
from frontlines.model import Actor, Article, Event, Place


def gold_event(**kw):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Taliban",
            "actor2": "Military Forces of Afghanistan (2014-2021)", "admin1": "Kunduz",
            "latitude": 36.728, "longitude": 68.857, "event_date": "2021-07-02", "fatalities": 3}
    base.update(kw)
    return base


def event(sub="Armed clash", etype="Battles", lat=36.73, lon=68.86, day=date(2021, 7, 2), deaths=3):
    place = Place("Kunduz", "Afghanistan", lat, lon, 1, "AF", 4, "South Asia", "Kunduz")
    return Event("a", etype, sub, "Political violence", day, 1, Actor("Taliban", 2),
                 Actor("Military Forces of Afghanistan (2014-2021)", 1), place=place, fatalities=deaths)


def test_a_perfect_match_scores_every_field():
    report = Report()
    score_item(GoldItem(Article("a", date(2021, 7, 2), "t"), (gold_event(),)), [event()], report)
    assert report.matched == 1 and report.unmatched_extracted == 0
    assert all(report.accuracy(f) == 1.0 for f in ("event_type", "sub_event_type", "actor1", "admin1",
                                                    "within_10km", "event_date", "fatalities"))


def test_wrong_fields_and_extras_are_counted():
    report = Report()
    extracted = [event(deaths=5, day=date(2021, 7, 1)), event("Peaceful protest", "Protests", deaths=0)]
    score_item(GoldItem(Article("a", date(2021, 7, 2), "t"), (gold_event(),)), extracted, report)
    assert report.accuracy("fatalities") == 0.0 and report.accuracy("event_date") == 0.0
    assert report.accuracy("event_type") == 1.0
    assert report.unmatched_extracted == 1 and report.over_generation == 0.5


def test_negative_item_with_extraction_is_over_generation():
    report = Report()
    score_item(GoldItem(Article("n", date(2021, 7, 2), "t"), ()), [event()], report)
    assert report.gold_events == 0 and report.over_generation == 1.0


def test_load_jsonl_and_csv_gold(tmp_path):
    j = tmp_path / "g.jsonl"
    j.write_text(json.dumps({"id": "1", "date": "2021-07-02", "text": "x", "gold": [gold_event()]}) + "\n")
    assert load_gold(j)[0].gold[0]["admin1"] == "Kunduz"
    c = tmp_path / "g.csv"
    c.write_text("event_date,event_type,sub_event_type,notes\n2021-07-02,Battles,Armed clash,\"Clashes.\"\n")
    item = load_gold(c)[0]
    assert item.article.text == "Clashes." and item.article.date == date(2021, 7, 2)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n")
    with pytest.raises(GoldFormatError, match="bad.jsonl:1"):
        load_gold(bad)


def test_evaluate_runs_the_pipeline(pipeline):
    item = GoldItem(Article("k", date(2021, 7, 3), "Taliban fighters clashed with Afghan forces in Kunduz city "
                            "on Friday, killing three soldiers."), (gold_event(),))
    report = evaluate([item], pipeline)
    assert report.matched == 1
    assert report.accuracy("sub_event_type") == 1.0
    assert report.accuracy("fatalities") == 1.0


def test_load_ucdp_ged_rows(tmp_path):
    c = tmp_path / "ged.csv"
    c.write_text("id,source_headline,where_prec,adm_1,latitude,longitude,date_start,date_end,source_date,"
                 "type_of_violence,best\n"
                 "7,Army clashes with KIA near Hpakant,2,Kachin state,25.61,96.31,2021-05-03,2021-05-03,"
                 "2021-05-05,1,4\n", encoding="utf-8")
    item = load_gold(c)[0]
    assert item.article.text == "Army clashes with KIA near Hpakant"
    assert item.article.date == date(2021, 5, 5)
    g = item.gold[0]
    assert (g["admin1"], g["event_date"], g["fatalities"], g["event_type"]) == ("Kachin", "2021-05-03", "4", "Battles")


def test_disagreements_and_first_event_classification_are_reported():
    report = Report()
    article = Article("a", date(2021, 7, 2), "t")
    score_item(GoldItem(article, (gold_event(),)), [event(deaths=5)], report)
    score_item(GoldItem(Article("b", date(2021, 7, 2), "t"), (gold_event(sub_event_type="Attack",
                                                                          event_type="Violence against civilians"),)),
               [event()], report)
    score_item(GoldItem(Article("c", date(2021, 7, 2), "t"), (gold_event(),)), [], report)
    assert {"id": "a", "field": "fatalities", "gold": 3, "got": 5} in report.disagreements
    first = report.first_event_scores()
    assert first["items"] == 3 and first["accuracy"] == round(1 / 3, 3)
    # Armed clash: precision 1/2, recall 1/2 -> F1 0.5 on 2 items; Attack: F1 0 on 1 item.
    assert first["weighted_f1"] == round(2 * 0.5 / 3, 3)

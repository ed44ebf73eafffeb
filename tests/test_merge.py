from dataclasses import replace
from datetime import date

from frontlines.classify import EventCandidate
from frontlines.merge import Draft, merge_mentions
from frontlines.model import Actor, Place, Span
from frontlines.triggers import Trigger

HERAT = Place("Herat", "Afghanistan", 34.35, 62.2, 1, "AF", 4, "South Asia", "Herat")
HERAT_PROVINCE = Place("Herat", "Afghanistan", 34.35, 62.2, 3, "AF", 4, "South Asia", "Herat", feature="admin1")
KANDAHAR = Place("Kandahar", "Afghanistan", 31.6, 65.7, 1, "AF", 4, "South Asia", "Kandahar")
AFGHANISTAN = Place("Afghanistan", "Afghanistan", 33.0, 65.0, 3, "AF", 4, "South Asia", feature="country")


def draft(place, day=date(2021, 7, 31), sub="Armed clash", start=0, deaths=0, explicit=False, actor=None):
    cand = EventCandidate(sub, Trigger(start, start + 5, "clash", "clash"))
    return Draft(cand, start, actor or Actor("Taliban", 2), None, (), place, day, 1, explicit, deaths,
                 ("BBC",), (Span(start, start + 10, "x" * 10),), 0.6, place is AFGHANISTAN)


def test_same_town_same_days_merge_with_largest_toll_and_explicit_date():
    merged = merge_mentions([draft(HERAT, deaths=2), draft(HERAT, date(2021, 7, 30), start=50, deaths=5,
                                                             explicit=True)], "AF")
    assert len(merged) == 1
    assert merged[0].fatalities == 5 and merged[0].event_date == date(2021, 7, 30)
    assert len(merged[0].evidence) == 2


def test_province_mention_merges_into_its_town():
    merged = merge_mentions([draft(HERAT_PROVINCE), draft(HERAT, start=40)], "AF")
    assert len(merged) == 1 and merged[0].place == HERAT


def test_different_towns_days_or_types_stay_apart():
    assert len(merge_mentions([draft(HERAT), draft(KANDAHAR, start=30)], "AF")) == 2
    assert len(merge_mentions([draft(HERAT), draft(HERAT, date(2021, 7, 25), start=30)], "AF")) == 2
    assert len(merge_mentions([draft(HERAT), draft(HERAT, sub="Attack", start=30)], "AF")) == 2


def test_country_wide_mention_only_adds_evidence():
    merged = merge_mentions([draft(AFGHANISTAN), draft(HERAT, start=60)], "AF")
    assert len(merged) == 1 and len(merged[0].evidence) == 2
    assert merge_mentions([draft(AFGHANISTAN)], "AF") == []


def test_two_groups_mobilising_are_two_developments():
    a = draft(HERAT, sub="Change to group/activity", actor=Actor("Militia (A)", 3))
    b = draft(HERAT, sub="Change to group/activity", start=30, actor=Actor("Militia (B)", 3))
    assert len(merge_mentions([a, b], "AF")) == 2


def test_one_demonstration_told_twice_takes_its_worst_moment():
    calm = draft(HERAT, sub="Peaceful protest", actor=Actor("Protesters (Afghanistan)", 6))
    dispersed = draft(HERAT, sub="Protest with intervention", start=40, actor=Actor("Protesters (Afghanistan)", 6))
    merged = merge_mentions([calm, dispersed], "AF")
    assert [m.sub_event_type for m in merged] == ["Protest with intervention"]


def test_deaths_said_to_come_on_top_are_added_not_maxed():
    first = draft(HERAT, deaths=5)
    more = draft(HERAT, start=80, deaths=3)
    more.evidence = (Span(80, 125, "Three more soldiers died in the second clash."),)
    repeat = draft(HERAT, start=200, deaths=5)
    repeat.evidence = (Span(200, 230, "Five soldiers died, officials said."),)
    assert merge_mentions([first, more], "AF")[0].fatalities == 8
    assert merge_mentions([draft(HERAT, deaths=5), repeat], "AF")[0].fatalities == 5


def test_a_bare_killing_by_the_striking_side_is_the_strike_s_outcome() -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    text = ("An Israeli air strike flattened buildings in the crowded Jabalia refugee camp on Tuesday, the Gaza "
            "health ministry said, with officials reporting at least 50 dead. The army said it had killed a Hamas "
            "commander.")
    events = Pipeline().extract(Article("t", date(2023, 11, 1), text)).events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    assert events[0].fatalities == 50 and len(events[0].evidence) == 2


def _events_of(text: str, published: str) -> list[tuple[str, str]]:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    events = Pipeline().extract(Article("t", date.fromisoformat(published), text)).events
    return [(e.sub_event_type, e.place.name if e.place else "") for e in events]


def test_a_withdrawal_to_elsewhere_is_how_the_town_fell_not_a_second_change_of_hands() -> None:
    text = ("Taliban fighters captured Spin Boldak on Wednesday after overnight assaults on police and army posts. "
            "A senior Kandahar official said government troops had withdrawn to positions near Kandahar city.")
    assert _events_of(text, "2021-07-14") == [("Non-state actor overtakes territory", "Spin Boldak")]


def test_a_town_said_to_fall_and_then_to_be_surrendered_without_resistance_was_handed_over() -> None:
    text = ("Zaranj, the capital of Nimroz province, fell to the Taliban on Friday, the first provincial capital "
            "lost since the offensive began. A deputy governor said the city had been surrendered without "
            "resistance.")
    assert _events_of(text, "2021-08-07") == [("Non-violent transfer of territory", "Zaranj")]


def test_what_an_article_dates_months_back_is_background() -> None:
    text = ("Tigrayan forces entered Mekelle on Monday as federal troops pulled out. Residents cheered in the "
            "streets. The conflict began in November when federal troops were sent into Tigray. Federal forces "
            "captured Mekelle in late November. Aid agencies said food was running out. The UN called for calm.")
    subs = [sub for sub, _ in _events_of(text, "2021-06-29")]
    assert "Government regains territory" not in subs and "Armed clash" not in subs


def test_fighting_in_a_town_the_day_a_group_took_it_is_the_battle_for_it() -> None:
    text = ("The Taliban took Kunduz city on Sunday after days of street fighting, officials said. "
            "Fourteen people were killed on the final day of fighting in Kunduz.")
    assert [sub for sub, _ in _events_of(text, "2021-08-09")] == ["Non-state actor overtakes territory"]


def test_fighting_the_day_after_a_town_fell_is_troops_holding_out() -> None:
    text = ("The Taliban took Kunduz city on Sunday after days of street fighting, officials said. "
            "On Monday there were clashes around the airport in Kunduz, where troops were still holding out.")
    assert [sub for sub, _ in _events_of(text, "2021-08-10")] == ["Non-state actor overtakes territory",
                                                                  "Armed clash"]


def test_the_armed_doer_s_verb_types_a_killing() -> None:
    text = ("More than 100 Palestinians were killed on Thursday when Israeli troops opened fire on a crowd "
            "waiting for food aid in Gaza City, the Gaza health ministry said.")
    assert [sub for sub, _ in _events_of(text, "2024-03-01")] == ["Attack"]


def test_a_dated_deadly_happening_named_only_by_its_country_is_kept() -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    pipe = Pipeline()
    text = "Gunmen killed 100 civilians in western Niger on Saturday."
    kept = pipe.extract(Article("t", date(2021, 1, 4), text)).events
    assert [(e.sub_event_type, e.fatalities, e.place.iso2 if e.place else "") for e in kept] == [("Attack", 100, "NE")]
    summary = "Gunmen killed 100 civilians across Niger on Saturday."
    assert pipe.extract(Article("u", date(2021, 1, 4), summary)).events == ()
    memory = "Villagers in central Mali remembered the victims of the 2019 massacre, in which 160 herders were killed."
    assert pipe.extract(Article("v", date(2024, 3, 23), memory)).events == ()


def test_an_undated_mention_joins_a_dated_one_of_its_kind_within_a_week():
    headline = draft(HERAT, date(2021, 7, 31))
    report = draft(HERAT, date(2021, 7, 27), start=40, explicit=True)
    merged = merge_mentions([headline, report], "AF")
    assert [m.event_date for m in merged] == [date(2021, 7, 27)]
    older = draft(HERAT, date(2021, 7, 20), start=40, explicit=True)
    assert len(merge_mentions([headline, older], "AF")) == 2


def test_another_strike_on_the_next_day_is_a_second_event():
    first = draft(HERAT, date(2021, 7, 30), explicit=True, sub="Shelling/artillery/missile attack")
    second = draft(HERAT, date(2021, 7, 31), start=40, explicit=True, sub="Shelling/artillery/missile attack")
    second.evidence = (Span(40, 80, "Early on Saturday another missile hit it."),)
    assert len(merge_mentions([first, second], "AF")) == 2
    again = draft(HERAT, date(2021, 7, 31), start=40, explicit=True, sub="Shelling/artillery/missile attack")
    assert len(merge_mentions([first, again], "AF")) == 1


def test_a_running_total_since_a_day_is_no_one_event_s_toll():
    clash = draft(HERAT, date(2021, 7, 30), explicit=True)
    toll = draft(HERAT, date(2021, 7, 31), start=2, deaths=97)
    toll.candidate = replace(toll.candidate, follow_up=True)
    toll.evidence = (Span(60, 140, "At least 97 civilians had been killed across the country since Saturday."),)
    merged = merge_mentions([clash, toll], "AF")
    assert len(merged) == 1 and merged[0].fatalities == 0 and len(merged[0].evidence) == 2


def test_one_change_of_hands_told_both_ways_on_one_day_is_one_event():
    taken = draft(HERAT, date(2021, 7, 30), explicit=True, sub="Non-state actor overtakes territory")
    retold = draft(HERAT, date(2021, 7, 30), start=40, explicit=True, sub="Government regains territory")
    assert [m.sub_event_type for m in merge_mentions([taken, retold], "AF")] == [
        "Non-state actor overtakes territory"]


def test_a_change_of_hands_placed_only_at_the_country_is_still_an_event():
    retaken = draft(AFGHANISTAN, date(2021, 7, 30), explicit=True, sub="Government regains territory")
    assert [m.sub_event_type for m in merge_mentions([retaken], "AF")] == ["Government regains territory"]
    clash = draft(AFGHANISTAN, date(2021, 7, 30), explicit=True)
    assert merge_mentions([clash], "AF") == []


def test_ground_summed_over_a_country_is_no_event():
    summary = draft(AFGHANISTAN, date(2021, 7, 31), explicit=True, sub="Non-state actor overtakes territory")
    summary.evidence = (Span(0, 90, "The group has taken control of up to half of the land, including border "
                                    "crossings."),)
    assert merge_mentions([summary], "AF") == []

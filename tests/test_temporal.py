"""Time expressions resolved against the publication date into ACLED dates and precisions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.temporal import event_time, find_times

SAT = date(2021, 7, 31)  # a Saturday, like the seed article
FRI = date(2021, 7, 30)
MON = date(2021, 8, 2)


def _one(text: str, pub: date) -> tuple[str, date, date, date, int, str]:
    refs = find_times(text, pub)
    assert len(refs) == 1, refs
    r = refs[0]
    assert text[r.start : r.end] == r.text
    return r.text, r.date, r.earliest, r.latest, r.precision, r.relation


@pytest.mark.parametrize(
    ("text", "pub", "when", "precision", "relation"),
    [
        ("A guard was killed on Friday.", SAT, date(2021, 7, 30), 1, "past"),
        ("A guard was killed on Friday.", FRI, date(2021, 7, 30), 1, "present"),
        ("A guard was killed last Friday.", FRI, date(2021, 7, 23), 1, "past"),
        ("Shots were heard late on Tuesday.", SAT, date(2021, 7, 27), 1, "past"),
        ("Clashes erupted Tuesday night.", SAT, date(2021, 7, 27), 1, "past"),
        ("Gunmen attacked on Sunday morning.", SAT, date(2021, 7, 25), 1, "past"),
        ("Gunmen attacked on Sunday morning.", MON, date(2021, 8, 1), 1, "past"),
        ("Forces held back an advance overnight.", SAT, date(2021, 7, 30), 1, "past"),
        ("Last night militants attacked.", SAT, date(2021, 7, 30), 1, "past"),
        ("Yesterday two died.", SAT, date(2021, 7, 30), 1, "past"),
        ("Today the army said it had won.", SAT, SAT, 1, "present"),
        ("This morning a bomb exploded.", SAT, SAT, 1, "present"),
        ("Earlier today a bomb exploded.", SAT, SAT, 1, "present"),
        ("The town fell last week.", SAT, date(2021, 7, 19), 2, "past"),
        ("The town fell earlier this week.", SAT, date(2021, 7, 26), 2, "past"),
        ("The town fell this week.", SAT, date(2021, 7, 26), 2, "present"),
        ("The town fell earlier this month.", SAT, date(2021, 7, 1), 3, "past"),
        ("The town fell this month.", SAT, date(2021, 7, 1), 3, "present"),
        ("The town fell last month.", SAT, date(2021, 6, 1), 3, "past"),
        ("Gunmen attacked on 9 May.", SAT, date(2021, 5, 9), 1, "past"),
        ("Gunmen attacked on 9 August.", SAT, date(2020, 8, 9), 1, "past"),
        ("Gunmen attacked May 9.", SAT, date(2021, 5, 9), 1, "past"),
        ("Gunmen attacked on 9 May 2021.", SAT, date(2021, 5, 9), 1, "past"),
        ("Gunmen attacked on May 9, 2021.", SAT, date(2021, 5, 9), 1, "past"),
        ("Gunmen attacked on 2021-05-09.", SAT, date(2021, 5, 9), 1, "past"),
        ("Gunmen attacked on the 9th.", SAT, date(2021, 7, 9), 1, "past"),
        ("Gunmen attacked on the 30th.", date(2021, 7, 20), date(2021, 6, 30), 1, "past"),
        ("Gunmen attacked two days ago.", SAT, date(2021, 7, 29), 1, "past"),
        ("Gunmen had attacked three days earlier.", SAT, date(2021, 7, 28), 2, "past"),
        ("Gunmen attacked last weekend.", SAT, date(2021, 7, 24), 2, "past"),
        ("Gunmen attacked last weekend.", MON, date(2021, 7, 31), 2, "past"),
        ("Gunmen attacked at the weekend.", MON, date(2021, 7, 31), 2, "past"),
        ("Gunmen have attacked in recent days.", SAT, date(2021, 7, 28), 2, "present"),
        ("Fighting has raged since Monday.", SAT, date(2021, 7, 26), 2, "present"),
        ("He fought Soviet forces in the 1980s.", SAT, date(1980, 1, 1), 3, "historic"),
        ("The Soviets left in 1989.", SAT, date(1989, 1, 1), 3, "historic"),
        ("It happened 20 years ago.", SAT, date(2001, 1, 1), 3, "historic"),
        ("The town fell last year.", SAT, date(2020, 1, 1), 3, "historic"),
        ("Talks resume tomorrow.", SAT, date(2021, 8, 1), 1, "future"),
        ("The town fell in March.", SAT, date(2021, 3, 1), 3, "past"),
        ("The town fell in early July.", SAT, date(2021, 7, 1), 3, "past"),
        ("The town fell in late June.", SAT, date(2021, 6, 21), 3, "past"),
    ],
)
def test_single_expressions(text: str, pub: date, when: date, precision: int, relation: str) -> None:
    _, best, earliest, latest, prec, rel = _one(text, pub)
    assert (best, prec, rel) == (when, precision, relation)
    assert earliest <= best <= latest
    if rel in {"past", "present"}:
        assert latest <= pub  # a past event never postdates its report


def test_last_week_window_is_monday_to_sunday() -> None:
    _, best, earliest, latest, prec, _ = _one("The town fell last week.", SAT)
    assert (earliest, latest) == (date(2021, 7, 19), date(2021, 7, 25))


def test_historic_period() -> None:
    text, _, _, latest, _, rel = _one("He fought during the Soviet occupation.", SAT)
    assert text == "during the Soviet occupation" and rel == "historic"
    assert latest < SAT


@pytest.mark.parametrize(
    "text",
    [
        "Talks will take place next week.",
        "Foreign forces will leave by September.",
        "They will meet on Friday.",
    ],
)
def test_future(text: str) -> None:
    refs = find_times(text, SAT)
    assert refs and all(r.relation == "future" for r in refs)
    assert all(r.earliest > SAT for r in refs)


def test_future_weekday_is_after_publication() -> None:
    refs = [r for r in find_times("They will meet on Friday.", SAT) if r.text == "on Friday"]
    assert refs[0].date == date(2021, 8, 6)


def test_month_only_in_future_sentence_is_upcoming() -> None:
    refs = [r for r in find_times("In August the fighting will intensify.", SAT) if r.text == "In August"]
    assert refs[0].date == date(2021, 8, 1) and refs[0].relation == "future"


def test_modal_may_and_month_may() -> None:
    assert find_times("May God protect them.", SAT) == []
    assert find_times("They may attack soon.", SAT) == []


def test_clock_time_is_not_a_date() -> None:
    refs = find_times("They attacked at 10:30 on Friday.", SAT)
    assert [r.text for r in refs] == ["on Friday"]


def test_event_time_prefers_specific_past() -> None:
    d, p, ref = event_time("After weeks of fighting last month, a guard was killed on Friday.", SAT)
    assert (d, p) == (date(2021, 7, 30), 1) and ref is not None and ref.text == "on Friday"


def test_event_time_default_is_publication_day() -> None:
    assert event_time("Taliban fighters have infiltrated Herat.", SAT) == (SAT, 1, None)


def test_event_time_reports_historic_and_future() -> None:
    _, _, ref = event_time("A former commander who fought in the 1980s.", SAT)
    assert ref is not None and ref.relation == "historic"
    _, _, ref = event_time("Provinces will be lost as well.", SAT)
    assert ref is not None and ref.relation == "future"


def test_seed_article_dates() -> None:
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_8a91eae5d62b1adf.txt"
    text = seed.read_text(encoding="utf-8")
    pub = date(2021, 7, 31)
    guard = next(s for s in text.split("\n") if s.startswith("A guard outside"))
    assert event_time(guard, pub)[:2] == (date(2021, 7, 30), 1)
    overnight = next(s for s in text.split("\n") if "overnight" in s)
    assert event_time(overnight, pub)[:2] == (date(2021, 7, 30), 1)
    khan = next(s for s in text.split("\n") if "1980s" in s)
    ref = event_time(khan, pub)[2]
    assert ref is not None and ref.relation == "historic"


@pytest.mark.parametrize(
    ("text", "pub", "first", "last", "precision"),
    [
        ("Between 27 and 31 March 2022, soldiers executed civilians.", date(2022, 3, 27), date(2022, 3, 27),
         date(2022, 3, 27), 2),
        ("Between 30 March and 2 April 2022, fighting went on.", date(2022, 4, 5), date(2022, 3, 30),
         date(2022, 4, 2), 2),
        ("Clashes on 12-14 May 2023 left dozens dead.", date(2023, 5, 20), date(2023, 5, 12), date(2023, 5, 14), 2),
        ("Around 15 March 2024 (month of), drones dropped explosives.", date(2024, 3, 15), date(2024, 3, 15),
         date(2024, 3, 15), 3),
    ],
)
def test_acled_style_spans_start_on_their_first_day(text: str, pub: date, first: date, last: date,
                                                     precision: int) -> None:
    [ref] = find_times(text, pub)
    assert ref.earliest == first and ref.precision == precision
    assert ref.latest == last  # never after publication for a past event
    assert ref.relation in ("past", "present")


def test_since_the_start_of_the_month_opens_on_its_first_day() -> None:
    [ref] = find_times("Gangs have raped dozens of women since the start of the month.", date(2023, 9, 22))
    assert ref.earliest == date(2023, 9, 1) and ref.latest == date(2023, 9, 22) and ref.precision == 3
    [ref] = find_times("JNIM has imposed a blockade since early this week.", date(2023, 8, 11))
    assert ref.earliest == date(2023, 8, 7) and ref.precision == 2


def test_a_truce_due_to_begin_on_sunday_is_in_the_future() -> None:
    refs = find_times("Mediators announced a truce on Wednesday, with the truce due to begin on Sunday.",
                      date(2025, 1, 16))
    assert [r.relation for r in refs] == ["past", "future"]


def test_an_anniversary_is_history() -> None:
    [ref] = find_times("Ten years ago this week, rebels drove the army out of Gao.", date(2022, 1, 17))
    assert ref.relation == "historic"


def test_fixed_holidays_resolve_to_their_last_occurrence() -> None:
    [ref] = find_times("Attacks over the Christmas Eve weekend killed 113 people.", date(2023, 12, 27))
    assert ref.date == date(2023, 12, 24) and ref.relation == "past"
    [ref] = find_times("Gunmen attacked a church on Christmas Day.", date(2024, 1, 3))
    assert ref.date == date(2023, 12, 25)


def test_acled_around_a_day_between_two_days_is_that_day_known_to_a_few_days() -> None:
    from frontlines.temporal import event_time

    text = "Around 28 July 2021 (between 26 and 30 July), the Taliban captured the district centre."
    assert event_time(text, date(2021, 8, 3))[:2] == (date(2021, 7, 28), 2)
    assert event_time("On 28 July 2021, the Taliban captured it.", date(2021, 8, 3))[:2] == (date(2021, 7, 28), 1)


def test_when_a_campaign_began_does_not_date_the_event_told_on_a_day() -> None:
    from frontlines.event_dates import clause_time

    text = ("Government troops said on Friday they had retaken two villages north of Buulobarde, part of an "
            "offensive launched in central Somalia in August.")
    assert clause_time(text, date(2022, 10, 30))[:2] == (date(2022, 10, 28), 1)

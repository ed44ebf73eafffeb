"""Quantities: ACLED's conservative reading of digits, number words, hedges, ranges and vague words."""

from __future__ import annotations

import pytest

from frontlines.numbers import Quantity, find_quantities, parse_quantity


@pytest.mark.parametrize(
    ("phrase", "low", "best", "high", "vague"),
    [
        ("1,200", 1200, 1200, 1200, False),
        ("3,500,000", 3500000, 3500000, 3500000, False),
        ("twenty-three", 23, 23, 23, False),
        ("a hundred and five", 105, 105, 105, False),
        ("two thousand", 2000, 2000, 2000, False),
        ("one hundred twenty", 120, 120, 120, False),
        ("one million two hundred thousand", 1200000, 1200000, 1200000, False),
        ("1.2 million", 1200000, 1200000, 1200000, False),
        ("2.5m", 2500000, 2500000, 2500000, False),
        ("a dozen", 12, 12, 12, False),
        ("half a dozen", 6, 6, 6, False),
        ("two dozen", 24, 24, 24, False),
        ("dozens", 12, 12, None, True),
        ("dozens of", 12, 12, None, True),
        ("tens", 10, 10, None, True),
        ("tens of thousands", 10000, 10000, None, True),
        ("hundreds", 100, 100, None, True),
        ("hundreds of thousands", 100000, 100000, None, True),
        ("thousands", 1000, 1000, None, True),
        ("scores of", 12, 12, None, True),
        ("several", 3, 3, None, True),
        ("several hundred", 300, 300, None, True),
        ("a few", 3, 3, None, True),
        ("a handful", 3, 3, None, True),
        ("at least 15", 15, 15, None, False),
        ("more than 20", 20, 20, None, False),
        ("over 20", 20, 20, None, False),
        ("nearly 30", 30, 30, 30, False),
        ("almost 30", 30, 30, 30, False),
        ("about 30", 30, 30, None, False),
        ("around 30", 30, 30, None, False),
        ("some 30", 30, 30, None, False),
        ("up to 30", 1, 30, 30, False),
        ("fewer than 10", 1, 9, 9, False),
        ("five or six", 5, 5, 6, False),
        ("5-6", 5, 5, 6, False),
        ("between 10 and 12", 10, 10, 12, False),
        ("10 to 12", 10, 10, 12, False),
        ("at least five or six", 5, 5, None, False),
        ("one or more", 1, 1, None, False),
        ("one", 1, 1, 1, False),
        ("more than a dozen", 12, 12, None, False),
    ],
)
def test_parse_quantity(phrase: str, low: int, best: int, high: int | None, vague: bool) -> None:
    q = parse_quantity(phrase)
    assert q is not None, phrase
    assert (q.low, q.best, q.high, q.vague) == (low, best, high, vague)
    assert q.start == 0


@pytest.mark.parametrize(
    "phrase", ["some", "an", "a", "first", "second", "9th", "many", "few", "the", "nineteenth", "soldiers"]
)
def test_not_quantities(phrase: str) -> None:
    assert parse_quantity(phrase) is None


def test_offsets_point_into_the_text() -> None:
    text = "Gunmen killed at least 12 people and wounded twenty-three others."
    found = find_quantities(text)
    assert [q.text for q in found] == ["at least 12", "twenty-three"]
    for q in found:
        assert text[q.start : q.end] == q.text


def test_dates_times_and_years_are_not_counts() -> None:
    text = "On 9 May 2021, at 10:30, and on May 9, and 2021-05-09, in 1989 and in the 1980s, the 3rd convoy."
    assert find_quantities(text) == []


def test_no_one_is_not_one() -> None:
    assert find_quantities("No one was hurt") == []


def test_change_is_not_a_range() -> None:
    found = find_quantities("The toll rose from 10 to 30.")
    assert [(q.text, q.best, q.high) for q in found] == [("10", 10, 10), ("30", 30, 30)]


def test_unit_attached_digit_is_still_a_count_of_the_unit() -> None:
    found = find_quantities("within 2km of the centre")
    assert [q.best for q in found] == [2]


def test_a_plain_figure_among_words() -> None:
    found = find_quantities("Five or six other provinces could fall, and tens of thousands are displaced.")
    assert [(q.text, q.best, q.vague) for q in found] == [
        ("Five or six", 5, False),
        ("tens of thousands", 10000, True),
    ]


def test_parse_quantity_rejects_trailing_words() -> None:
    assert parse_quantity("15 soldiers") is None
    assert parse_quantity("  15 ") == Quantity(2, 4, "15", 15, 15, 15, False)


def test_range_must_rise() -> None:
    found = find_quantities("20 or 3")
    assert [q.best for q in found] == [20, 3]

"""Humanitarian figures on hand-built articles (toponyms built by hand so that these tests do not depend on the
geoparser)."""

from __future__ import annotations

from datetime import date

import pytest
from situation_tools import SUDAN, Parsed, build, parse_seed


@pytest.fixture(scope="module")
def seed() -> Parsed:
    return parse_seed()


def test_seed_displaced_in_kandahar(seed: Parsed) -> None:
    figures = seed.figures()
    assert [(f.kind, f.low) for f in figures] == [("displaced", 10000)]
    fig = figures[0]
    assert fig.place is not None and fig.place.name == "Kandahar"
    assert fig.as_of == date(2021, 7, 31)
    assert fig.attribution == "Gul Ahmad Kamin, Kandahar MP"
    assert "tens of thousands of people already displaced" in fig.evidence[0].text


def test_sudan_figures() -> None:
    p = build(SUDAN, "2024-05-20", "SD", {"El Fasher": ("city", "SD")})
    figures = {f.kind: f for f in p.figures()}
    assert set(figures) == {"displaced_families", "in_need", "killed_civilians", "wounded"}
    assert figures["displaced_families"].low == 5000
    assert figures["displaced_families"].attribution == "UN"
    assert figures["displaced_families"].as_of == date(2024, 5, 19)  # "last week": counted as of its end
    assert figures["in_need"].low == 200000 and figures["in_need"].attribution == "OCHA"
    assert figures["killed_civilians"].low == 12
    assert figures["wounded"].low == 30 and figures["wounded"].as_of == date(2024, 5, 19)
    assert all(f.place is not None and f.place.name == "El Fasher" for f in figures.values())
    # "could be displaced if fighting continues" is a hypothetical, not a figure.
    assert 100000 not in [f.low for f in p.figures()]


def test_cumulative_and_historic_figures() -> None:
    text = ("Nearly 250,000 Afghans have been displaced since May. In 1996, 50,000 people fled Kabul. "
            "At least 40 civilians were killed and 120 wounded in Kandahar over the past week, the UN said.")
    p = build(text, "2021-08-10", "AF", {"Kabul": ("city", "AF"), "Kandahar": ("city", "AF")})
    figures = [(f.kind, f.low, f.as_of) for f in p.figures()]
    assert figures == [("displaced", 250000, date(2021, 8, 10)), ("killed_civilians", 40, date(2021, 8, 10)),
                       ("wounded", 120, date(2021, 8, 10))]

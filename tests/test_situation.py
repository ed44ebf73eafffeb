"""Control claims and humanitarian figures of the same hand-built articles, read through ``frontlines.situation``
(toponyms built by hand so that these tests do not depend on the geoparser)."""

from __future__ import annotations

from datetime import date

import pytest
from situation_tools import Parsed, build, one, parse_seed


@pytest.fixture(scope="module")
def seed() -> Parsed:
    return parse_seed()


def test_ids_are_stable_and_distinct(seed: Parsed) -> None:
    first = [c.id for c in seed.claims()]
    assert first == [c.id for c in seed.claims()]
    assert len(set(first)) == len(first) and all(len(i) == 16 for i in first)
    assert [f.id for f in seed.figures()] == [f.id for f in seed.figures()]


UKRAINE = (
    "Russian forces withdrew from Kherson on Friday. "
    "The nearby village of Snihurivka was handed over to Ukrainian forces without a fight. "
    "Russia says it controls 15% of Ukraine's territory. "
    "About 30,000 refugees crossed into Moldova."
)



def test_ukraine_withdrawal_handover_and_share() -> None:
    p = build(UKRAINE, "2022-11-12", "UA", {"Kherson": ("city", "UA"), "Snihurivka": ("city", "UA"),
                                             "Ukraine": ("country", "UA"), "Moldova": ("country", "MD"),
                                             "Russia": ("country", "RU")})
    claims = p.claims()
    withdrawn = one(claims, "withdrawn", "Kherson")
    assert withdrawn.actor.startswith("Military Forces of Russia")
    assert withdrawn.as_of == date(2022, 11, 11)
    handed = one(claims, "handed_over", "Snihurivka")
    assert handed.actor.startswith("Military Forces of Ukraine")  # the recipient, "to Ukrainian forces"
    share = one(claims, "controls_share", "Ukraine")
    assert share.share == 0.15
    assert share.actor.startswith("Military Forces of Russia")
    assert share.attribution == "Russia"
    refugees = p.figures()
    assert [(f.kind, f.low) for f in refugees] == [("refugees", 30000)]


def test_no_figures_from_unrelated_counts() -> None:
    text = ("Five or six other provinces in the region will be lost. Clashes were reported in at least five "
            "different locations. The fighting was the worst in 20 years. Two thousand fighters joined.")
    p = build(text, "2021-07-31", "AF", {})
    assert p.figures() == []
    assert p.claims() == []


def test_refugees_only_across_a_border_and_unrelated_denials() -> None:
    text = ("In May, 5,000 people fled Kunduz to Kabul. Some 2,000 families fled to Pakistan, officials said. "
            "Officials denied that civilians were killed in Herat. The Taliban captured Herat on Friday.")
    p = build(text, "2021-08-10", "AF", {"Kunduz": ("city", "AF"), "Kabul": ("city", "AF"),
                                          "Herat": ("city", "AF"), "Pakistan": ("country", "PK")})
    figures = [(f.kind, f.low, f.as_of, f.attribution) for f in p.figures()]
    assert figures == [("displaced", 5000, date(2021, 5, 31), ""),  # "May" is a month here, not a modal
                       ("refugees_families", 2000, date(2021, 8, 10), "officials")]
    claims = p.claims()
    assert [(c.status, c.place_text, c.disputed_by) for c in claims] == [("captured", "Herat", "")]

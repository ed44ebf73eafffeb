"""Control claims on hand-built articles from several wars (toponyms built by hand so that these tests do not
depend on the geoparser)."""

from __future__ import annotations

from datetime import date

import pytest
from situation_tools import SUDAN, Parsed, build, one, parse_seed

from frontlines.actors import ArticleContext, find_actor_mentions
from frontlines.control_claims import _share

# --- the seed article -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> Parsed:
    return parse_seed()


def test_seed_share_of_the_country(seed: Parsed) -> None:
    claim = one(seed.claims(), "controls_share", "Afghanistan")
    assert claim.actor == "Taliban"
    assert claim.share == 0.5
    assert claim.as_of == date(2021, 7, 31)
    assert claim.attribution == "BBC"  # "is reported": the outlet the article cites ("reports the BBC")
    assert "border crossings with Iran and Pakistan" in claim.place_text
    assert claim.evidence[0].text.startswith("The fundamentalist Islamist group")


def test_seed_retaken_district_around_the_airport(seed: Parsed) -> None:
    claim = one(seed.claims(), "retaken", "Herat")
    assert claim.actor == "Military Forces of Afghanistan (2014-2021)"
    assert claim.place_text == "a district around the airport"
    assert claim.as_of == date(2021, 7, 31)
    assert claim.attribution == "BBC"


def test_seed_lashkar_gah_contested(seed: Parsed) -> None:
    claim = one(seed.claims(), "contested", "Lashkar Gah")
    assert claim.actor == "Taliban"
    # "overnight" belongs to the "although government forces..." clause, not to "are still within 2km".
    assert claim.as_of == date(2021, 7, 31)
    assert claim.attribution == "BBC"
    assert claim.place_text == "the city centre"


def test_seed_no_invented_or_unreal_claims(seed: Parsed) -> None:
    claims = seed.claims()
    assert not [c for c in claims if c.place is not None and c.place.name in ("Iran", "Pakistan", "Helmand")]
    evidence = " ".join(c.evidence[0].text for c in claims)
    assert "seek to seize" not in evidence  # an intention
    assert "if it falls" not in evidence  # a hypothetical
    assert "temporary capital" not in evidence
    assert {c.status for c in claims} <= {"controls_share", "retaken", "contested"}
    assert all(c.actor in ("Taliban", "Military Forces of Afghanistan (2014-2021)") for c in claims)


def test_seed_kandahar_sides_of_the_city_attributed_to_the_mp(seed: Parsed) -> None:
    claim = one(seed.claims(), "contested", "Kandahar")
    assert claim.actor == "Taliban"
    assert claim.attribution == "Gul Ahmad Kamin"  # "He said" resolved to the last person named


# --- other wars -----------------------------------------------------------------------------------

MYANMAR = (
    "The Arakan Army captured the town of Paletwa on Monday, according to local residents. "
    "The military regime rejected the claims. "
    "The group now controls most of Chin State's southern townships. "
    "If Sittwe falls, the junta will lose Rakhine. The rebels plan to seize Sittwe next."
)



def test_myanmar_capture_attribution_and_dispute() -> None:
    p = build(MYANMAR, "2024-01-20", "MM", {"Paletwa": ("city", "MM"), "Sittwe": ("city", "MM"),
                                             "Rakhine": ("admin1", "MM"), "Chin State": ("admin1", "MM")})
    claims = p.claims()
    paletwa = one(claims, "captured", "Paletwa")
    assert paletwa.actor == "AA: Arakan Army"
    assert paletwa.as_of == date(2024, 1, 15)  # the Monday before a Saturday publication
    assert paletwa.attribution == "residents"
    assert paletwa.disputed_by == "military regime"
    share = one(claims, "controls_share", "Chin State")
    assert share.share == 0.5 and share.actor == "AA: Arakan Army"  # "the group" -> the dominant armed actor
    assert not [c for c in claims if c.place is not None and c.place.name in ("Sittwe", "Rakhine")]
    assert len(claims) == 2


def test_sudan_siege_is_contested() -> None:
    p = build(SUDAN, "2024-05-20", "SD", {"El Fasher": ("city", "SD")})
    claims = p.claims()
    assert len(claims) == 1
    claim = one(claims, "contested", "El Fasher")
    assert claim.actor == "Rapid Support Forces"
    assert claim.place_text == "El Fasher"  # "for weeks" is not part of the place



AFGHANISTAN = (
    "Kunduz fell to the Taliban on Sunday. "
    "The insurgents seized the border crossings with Tajikistan. "
    "Government officials denied that Kunduz had been lost, saying fighting continues. "
    "Afghan forces will try to retake the city. "
    "The Taliban captured three soldiers. "
    "Afghan forces recaptured the Baharak district after heavy fighting, a spokesman said."
)



def test_afghanistan_fall_denial_and_border_crossings() -> None:
    p = build(AFGHANISTAN, "2021-08-10", "AF", {"Kunduz": ("city", "AF"), "Tajikistan": ("country", "TJ"),
                                                 "Baharak": ("admin2", "AF")}, source="Reuters")
    claims = p.claims()
    kunduz = one(claims, "captured", "Kunduz")
    assert kunduz.actor == "Taliban"
    assert kunduz.as_of == date(2021, 8, 8)
    assert kunduz.disputed_by == "Government officials"
    assert kunduz.attribution == "Reuters"
    crossings = [c for c in claims if "border crossings" in c.place_text]
    assert len(crossings) == 1
    # No country-level toponym for Afghanistan in the text: the place is left empty, never Tajikistan.
    assert crossings[0].place is None and crossings[0].actor == "Taliban"
    assert crossings[0].disputed_by == ""
    baharak = one(claims, "retaken", "Baharak")
    assert baharak.actor == "Military Forces of Afghanistan (2014-2021)"
    assert baharak.attribution == "spokesman"
    # "will try to retake" and "captured three soldiers" are no claims.
    assert len(claims) == 3


def test_border_crossings_fall_back_to_the_country_scope() -> None:
    text = "Afghanistan is in turmoil. The insurgents seized the border crossings with Tajikistan."
    p = build(text, "2021-08-10", "AF", {"Afghanistan": ("country", "AF"), "Tajikistan": ("country", "TJ")})
    p.context = ArticleContext.from_mentions(find_actor_mentions("the Taliban"), "AF")
    claims = p.claims()
    assert len(claims) == 1
    assert claims[0].place is not None and claims[0].place.name == "Afghanistan"
    assert claims[0].place_text == "the border crossings with Tajikistan"


@pytest.mark.parametrize(("phrase", "share"), [
    ("up to half of Afghanistan's land", 0.5), ("a third of the country", 0.333),
    ("two-thirds of the territory", 0.667), ("40 per cent of the land", 0.4), ("most of the north", 0.5),
    ("nearly 18% of Ukraine", 0.18), ("Kunduz city", None),
])
def test_share_words(phrase: str, share: float | None) -> None:
    assert _share(phrase) == share


def test_listed_neighbours_are_never_the_place() -> None:
    text = "Afghanistan faces collapse. The Taliban seized border crossings with Iran and Pakistan on Friday."
    p = build(text, "2021-07-31", "AF", {"Afghanistan": ("country", "AF"), "Iran": ("country", "IR"),
                                          "Pakistan": ("country", "PK")})
    claims = p.claims()
    assert [(c.status, c.place.name if c.place else None) for c in claims] == [("captured", "Afghanistan")]
    assert claims[0].place_text == "border crossings with Iran and Pakistan"
    assert claims[0].as_of == date(2021, 7, 30)


def test_several_towns_in_one_capture_give_one_claim_each() -> None:
    text = "Junta troops recaptured Kyaukme and Hsipaw on Tuesday, state media said."
    p = build(text, "2024-04-27", "MM", {"Kyaukme": ("city", "MM"), "Hsipaw": ("city", "MM")})
    claims = p.claims()
    assert sorted(c.place_text for c in claims) == ["Hsipaw", "Kyaukme"]
    assert {c.status for c in claims} == {"retaken"}
    assert {c.actor for c in claims} == {"Military Forces of Myanmar (2021-)"}
    assert {c.attribution for c in claims} == {"state media"}


def test_denial_without_place_refers_back_only_just_after() -> None:
    text = ("RSF fighters captured Wad Madani on Monday. The army denied the reports. "
            "Aid groups said food was scarce. The army denied it had used chemical weapons.")
    p = build(text, "2023-12-20", "SD", {"Wad Madani": ("city", "SD")})
    claims = p.claims()
    assert len(claims) == 1 and claims[0].disputed_by == "army"
    assert claims[0].actor == "Rapid Support Forces"


def test_holding_statements_and_non_place_objects() -> None:
    text = ("The Taliban held talks in Doha. The Taliban captured weapons in Kunduz. "
            "Kabul remains under government control. Ghazni is now under Taliban control, residents said.")
    p = build(text, "2021-08-10", "AF", {"Doha": ("city", "AF"), "Kunduz": ("city", "AF"),
                                          "Kabul": ("city", "AF"), "Ghazni": ("city", "AF")})
    claims = {c.place.name: c for c in p.claims() if c.place is not None}
    assert set(claims) == {"Kabul", "Ghazni"}
    assert claims["Kabul"].actor == "Military Forces of Afghanistan (2014-2021)"
    assert claims["Ghazni"].actor == "Taliban" and claims["Ghazni"].attribution == "residents"


def test_futures_negations_and_a_disputed_boast() -> None:
    text = ("The army will recapture Kunduz. Government forces are expected to retake Kandahar. "
            "Taliban fighters are poised to capture Herat. The Taliban have not captured Ghazni. "
            "Afghan troops vowed to retake Kabul. The Taliban said they had seized Kunduz, but officials denied "
            "the claim.")
    p = build(text, "2021-08-10", "AF", {name: ("city", "AF") for name in
                                          ("Kunduz", "Kandahar", "Herat", "Ghazni", "Kabul")})
    claims = p.claims()
    assert [(c.actor, c.status, c.place_text, c.attribution, c.disputed_by) for c in claims] == [
        ("Taliban", "captured", "Kunduz", "Taliban", "officials")]


def test_place_text_is_cleaned_of_speakers_and_times():
    from frontlines.control_claims import _clean_place_text

    assert _clean_place_text("The provincial governor's spokesman says the district centre") == "the district centre"
    assert _clean_place_text("Jalalabad early") == "Jalalabad"
    assert _clean_place_text("the governor's compound by the afternoon") == "the governor's compound"
    assert _clean_place_text("#Kunduz city") == "Kunduz city"

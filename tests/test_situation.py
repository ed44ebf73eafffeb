"""Control claims and humanitarian figures on hand-built articles from several wars (toponyms built by hand so
that these tests do not depend on the geoparser)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from frontlines.actors import ArticleContext, find_actor_mentions
from frontlines.model import Article, ControlClaim, Figure, Place, Toponym
from frontlines.nlp import Sentence, sentences
from frontlines.situation import _share, find_control_claims, find_figures

SHARED = Path(__file__).resolve().parents[2] / "shared"
COUNTRY_NAMES = {"AF": "Afghanistan", "IR": "Iran", "PK": "Pakistan", "US": "United States", "MM": "Myanmar",
                 "SD": "Sudan", "UA": "Ukraine", "MD": "Moldova", "RU": "Russia", "TJ": "Tajikistan"}


@dataclass
class Parsed:
    article: Article
    sents: list[Sentence]
    toponyms: list[Toponym]
    context: ArticleContext
    country: str

    def claims(self) -> list[ControlClaim]:
        return find_control_claims(self.article, self.sents, self.toponyms, self.context, self.country)

    def figures(self) -> list[Figure]:
        return find_figures(self.article, self.sents, self.toponyms)


def build(text: str, published: str, country: str, places: dict[str, tuple[str, str]],
          source: str | None = None) -> Parsed:
    """places: name -> (feature, iso2); every occurrence of the name becomes a toponym."""
    article = Article("t-" + country, date.fromisoformat(published), text, source=source)
    sents = next(sentences([text]))
    toponyms = []
    for name, (feature, iso2) in places.items():
        place = Place(name, COUNTRY_NAMES[iso2], 0.0, 0.0, 1 if feature == "city" else 3, iso2=iso2,
                      feature=feature)
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            toponyms.append(Toponym(m.start(), m.end(), name, place))
    toponyms.sort(key=lambda t: t.start)
    mentions = [m for s in sents for m in find_actor_mentions(s.text, s.start)]
    return Parsed(article, sents, toponyms, ArticleContext.from_mentions(mentions, country), country)


def one(claims: list[ControlClaim], status: str, place: str) -> ControlClaim:
    found = [c for c in claims if c.status == status and c.place is not None and c.place.name == place]
    assert len(found) == 1, [(c.status, c.place_text, c.place) for c in claims]
    return found[0]


# --- the seed article -----------------------------------------------------------------------------

SEED_PLACES = {
    "Afghanistan": ("country", "AF"), "Herat": ("city", "AF"), "Lashkar Gah": ("city", "AF"),
    "Kandahar": ("city", "AF"), "Helmand": ("admin1", "AF"), "Iran": ("country", "IR"),
    "Pakistan": ("country", "PK"), "US": ("country", "US"),
}


@pytest.fixture(scope="module")
def seed() -> Parsed:
    raw = (SHARED / "seed" / "000_8a91eae5d62b1adf.txt").read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) ", raw)
    assert m is not None
    return build(raw[m.end():], m.group(1), "AF", SEED_PLACES)


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


def test_seed_displaced_in_kandahar(seed: Parsed) -> None:
    figures = seed.figures()
    assert [(f.kind, f.low) for f in figures] == [("displaced", 10000)]
    fig = figures[0]
    assert fig.place is not None and fig.place.name == "Kandahar"
    assert fig.as_of == date(2021, 7, 31)
    assert fig.attribution == "Gul Ahmad Kamin, Kandahar MP"
    assert "tens of thousands of people already displaced" in fig.evidence[0].text


def test_ids_are_stable_and_distinct(seed: Parsed) -> None:
    first = [c.id for c in seed.claims()]
    assert first == [c.id for c in seed.claims()]
    assert len(set(first)) == len(first) and all(len(i) == 16 for i in first)
    assert [f.id for f in seed.figures()] == [f.id for f in seed.figures()]


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


SUDAN = (
    "The Rapid Support Forces have besieged El Fasher for weeks. "
    "More than 5,000 families fled the city last week, the UN said. "
    "Some 200,000 people need assistance, according to OCHA. "
    "An RSF attack on Sunday killed 12 civilians and wounded 30. "
    "Up to 100,000 people could be displaced if fighting continues. "
    "Fighting has raged in at least five different locations for 20 years."
)


def test_sudan_siege_is_contested() -> None:
    p = build(SUDAN, "2024-05-20", "SD", {"El Fasher": ("city", "SD")})
    claims = p.claims()
    assert len(claims) == 1
    claim = one(claims, "contested", "El Fasher")
    assert claim.actor == "Rapid Support Forces"
    assert claim.place_text == "El Fasher"  # "for weeks" is not part of the place


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


def test_no_figures_from_unrelated_counts() -> None:
    text = ("Five or six other provinces in the region will be lost. Clashes were reported in at least five "
            "different locations. The fighting was the worst in 20 years. Two thousand fighters joined.")
    p = build(text, "2021-07-31", "AF", {})
    assert p.figures() == []
    assert p.claims() == []


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


def test_cumulative_and_historic_figures() -> None:
    text = ("Nearly 250,000 Afghans have been displaced since May. In 1996, 50,000 people fled Kabul. "
            "At least 40 civilians were killed and 120 wounded in Kandahar over the past week, the UN said.")
    p = build(text, "2021-08-10", "AF", {"Kabul": ("city", "AF"), "Kandahar": ("city", "AF")})
    figures = [(f.kind, f.low, f.as_of) for f in p.figures()]
    assert figures == [("displaced", 250000, date(2021, 8, 10)), ("killed_civilians", 40, date(2021, 8, 10)),
                       ("wounded", 120, date(2021, 8, 10))]


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
    from frontlines.situation import _clean_place_text

    assert _clean_place_text("The provincial governor's spokesman says the district centre") == "the district centre"
    assert _clean_place_text("Jalalabad early") == "Jalalabad"
    assert _clean_place_text("the governor's compound by the afternoon") == "the governor's compound"
    assert _clean_place_text("#Kunduz city") == "Kunduz city"

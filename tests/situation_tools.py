"""Hand-built articles for the control-claim and humanitarian-figure tests (not a test module itself): toponyms
are built by hand so that these tests do not depend on the geoparser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from frontlines.actors import ArticleContext, find_actor_mentions
from frontlines.model import Article, ControlClaim, Figure, Place, Toponym
from frontlines.nlp import Sentence, sentences
from frontlines.situation import find_control_claims, find_figures

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


SEED_PLACES = {
    "Afghanistan": ("country", "AF"), "Herat": ("city", "AF"), "Lashkar Gah": ("city", "AF"),
    "Kandahar": ("city", "AF"), "Helmand": ("admin1", "AF"), "Iran": ("country", "IR"),
    "Pakistan": ("country", "PK"), "US": ("country", "US"),
}


def parse_seed() -> Parsed:
    """The seed article of ../shared, with its places."""
    raw = (SHARED / "seed" / "000_8a91eae5d62b1adf.txt").read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) ", raw)
    assert m is not None
    return build(raw[m.end():], m.group(1), "AF", SEED_PLACES)


SUDAN = (
    "The Rapid Support Forces have besieged El Fasher for weeks. "
    "More than 5,000 families fled the city last week, the UN said. "
    "Some 200,000 people need assistance, according to OCHA. "
    "An RSF attack on Sunday killed 12 civilians and wounded 30. "
    "Up to 100,000 people could be displaced if fighting continues. "
    "Fighting has raged in at least five different locations for 20 years."
)

"""The typed core model shared by every stage: articles in, events and situation facts out.

All records are frozen dataclasses so a stage can never mutate another stage's output; a stage that refines a
record returns a new one (``dataclasses.replace``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

# ACLED's 31 columns, in ACLED's order. Exports and the JSONL contract depend on this exact list.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "tags", "timestamp",
)


def content_key(*parts: object, length: int = 16) -> str:
    """A stable key from content, so that re-ingesting the same input yields the same ids."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True)
class Article:
    id: str
    date: date
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str | None = None  # "file:line" the article was read from, for error messages and provenance

    @property
    def content_hash(self) -> str:
        return content_key(self.id, self.date.isoformat(), self.text, length=24)


@dataclass(frozen=True)
class Span:
    """A piece of the article's text: offsets are into ``Article.text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Place:
    """A resolved location with ACLED's admin chain and geo_precision (1 town, 2 near/part, 3 region)."""

    name: str
    country: str
    latitude: float
    longitude: float
    geo_precision: int
    iso2: str = ""
    iso: int = 0  # ISO 3166-1 numeric, as ACLED's `iso` column
    region: str = ""  # ACLED region, e.g. "South Asia"
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    geonameid: int | None = None
    feature: str = "city"  # city | admin1 | admin2 | country | other
    population: int = 0


@dataclass(frozen=True)
class Toponym:
    """A place name found in text, with the place it was resolved to (None when it did not resolve)."""

    start: int
    end: int
    text: str
    place: Place | None
    cue: str = ""  # the context cue that helped ("province", "district", "near", "city of", ...)
    score: float = 0.0


@dataclass(frozen=True)
class Actor:
    name: str
    inter: int  # ACLED inter code 1-8
    country: str = ""
    mention: str = ""  # the words in the text that named the actor


@dataclass(frozen=True)
class Event:
    article_id: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    event_date: date
    time_precision: int
    actor1: Actor | None
    actor2: Actor | None = None
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    civilian_targeting: bool = False
    place: Place | None = None
    fatalities: int = 0
    sources: tuple[str, ...] = ()
    source_scale: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.5
    id: str = ""

    @property
    def interaction(self) -> int:
        codes = sorted(a.inter for a in (self.actor1, self.actor2) if a is not None)
        if not codes:
            return 0
        if len(codes) == 1:
            return codes[0] * 10
        return codes[0] * 10 + codes[1]


@dataclass(frozen=True)
class ControlClaim:
    """Who holds (or contests) a place as of a date, and who says so."""

    article_id: str
    actor: str
    place_text: str
    status: str  # captured | retaken | contested | handed_over | withdrawn | controls_share
    as_of: date
    place: Place | None = None
    share: float | None = None  # e.g. 0.5 for "half of the country's land"
    attribution: str = ""
    disputed_by: str = ""
    evidence: tuple[Span, ...] = ()
    id: str = ""


@dataclass(frozen=True)
class Figure:
    """A humanitarian figure: displaced, refugees, wounded, people in need."""

    article_id: str
    kind: str  # displaced | refugees | wounded | in_need | killed_civilians
    as_of: date
    low: int
    best: int | None = None
    high: int | None = None
    place_text: str = ""
    place: Place | None = None
    attribution: str = ""
    evidence: tuple[Span, ...] = ()
    id: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline found in one article."""

    article: Article
    events: tuple[Event, ...] = ()
    control_claims: tuple[ControlClaim, ...] = ()
    figures: tuple[Figure, ...] = ()
    toponyms: tuple[Toponym, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReadFailure:
    """An input record that could not be read: where, and why, in words a user can act on."""

    origin: str  # "path:line" or "path"
    message: str

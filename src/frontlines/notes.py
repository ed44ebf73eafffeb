"""ACLED-style one-sentence notes generated from an event's fields (never copied from the article)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .model import Event


@lru_cache(maxsize=1)
def _templates() -> dict[str, str]:
    raw = resources.files("frontlines").joinpath("data/notes_templates.json").read_text(encoding="utf-8")
    return dict(json.loads(raw)["templates"])


def _where(event: Event) -> str:
    place = event.place
    if place is None:
        return "an unknown location"
    parts = [p for p in (place.admin2, place.admin1) if p and p != place.name]
    if place.feature == "admin1":
        return f"{place.name} province ({place.country})" if place.country else f"{place.name} province"
    if place.feature == "country":
        return place.name
    inner = ", ".join(parts)
    prefix = "near " if place.geo_precision == 2 else ""
    return f"{prefix}{place.name} ({inner})" if inner else f"{prefix}{place.name}"


def write_notes(event: Event) -> str:
    actor1 = event.actor1.name if event.actor1 else "an unidentified actor"
    actor2 = event.actor2.name if event.actor2 else "unidentified others"
    body = _templates().get(event.sub_event_type, "{actor1} was involved in an event in {where}")
    # "near Qalat" replaces the template's "in" rather than following it
    body = body.format(actor1=actor1, actor2=actor2, where=_where(event)).replace(" in near ", " near ")
    when = f"{event.event_date.day} {event.event_date:%B %Y}"
    if event.time_precision == 2:
        when = f"around {when}"
    elif event.time_precision == 3:
        when = f"{event.event_date:%B %Y}"
    deaths = {0: "", 1: " 1 fatality."}.get(event.fatalities, f" {event.fatalities} fatalities.")
    sentence = f"On {when}, {body}." if event.time_precision != 3 else f"In {when}, {body}."
    return sentence + deaths

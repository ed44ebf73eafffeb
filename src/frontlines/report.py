"""Reports for people: who controls which place (`frontlines control`) and a short area summary
(`frontlines situation`). Everything comes from stored records; every line names its sources."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TextIO

from .errors import FrontlinesError
from .link import LinkedEvent, linked_events
from .model import ControlClaim, Figure, Place
from .store import Store

CHANGES = ("captured", "retaken", "handed_over", "withdrawn")
DISPLACEMENT = ("displaced", "refugees")
WINDOW_DAYS = 7


def _place_key(claim: ControlClaim) -> str:
    place = claim.place
    if place is None:
        return claim.place_text
    return ", ".join(p for p in (place.name, place.admin1, place.country) if p)


def _in_area(place: Place | None, area: str) -> bool:
    wanted = area.strip().lower()
    if place is None or not wanted:
        return False
    return wanted in (place.country.lower(), place.admin1.lower(), place.iso2.lower())


def _cites(article_ids: Sequence[str], sources: dict[str, str]) -> str:
    names = sorted({sources.get(a) or a for a in article_ids})
    return "; ".join(names)


@dataclass(frozen=True)
class PlaceStatus:
    place: str
    as_of: date
    claims: tuple[ControlClaim, ...]  # the claims of the latest date

    @property
    def disputed(self) -> bool:
        return len({(c.actor, c.status) for c in self.claims}) > 1 or any(c.disputed_by for c in self.claims)

    def to_dict(self, sources: dict[str, str]) -> dict[str, object]:
        return {
            "place": self.place,
            "as_of": self.as_of.isoformat(),
            "disputed": self.disputed,
            "claims": [
                {"actor": c.actor, "status": c.status, "share": c.share, "attribution": c.attribution,
                 "disputed_by": c.disputed_by, "article_id": c.article_id, "source": sources.get(c.article_id, ""),
                 "evidence": [s.to_dict() for s in c.evidence]}
                for c in self.claims
            ],
        }


def _claims(store: Store, as_of: date | None, country: str | None) -> list[ControlClaim]:
    return [c for c in store.control_claims()
            if (as_of is None or c.as_of <= as_of) and (not country or _in_area(c.place, country))]


def control_status(store: Store, *, as_of: date | None = None, country: str | None = None) -> list[PlaceStatus]:
    """The latest known status of every place with control claims (up to ``as_of``)."""
    by_place: dict[str, list[ControlClaim]] = defaultdict(list)
    for claim in _claims(store, as_of, country):
        by_place[_place_key(claim)].append(claim)
    result = []
    for key, claims in sorted(by_place.items()):
        latest = max(c.as_of for c in claims)
        result.append(PlaceStatus(key, latest, tuple(c for c in claims if c.as_of == latest)))
    return result


def control_history(store: Store, place: str, *, as_of: date | None = None) -> list[PlaceStatus]:
    """Every dated status of one place (matched by name, any case), oldest first."""
    wanted = place.strip().lower()
    by_day: dict[tuple[str, date], list[ControlClaim]] = defaultdict(list)
    for claim in _claims(store, as_of, None):
        names = {claim.place_text.lower(), _place_key(claim).lower()}
        if claim.place is not None:
            names.add(claim.place.name.lower())
        if wanted in names:
            by_day[(_place_key(claim), claim.as_of)].append(claim)
    if not by_day:
        raise FrontlinesError(f"no control claims about {place!r}: `frontlines control` lists the known places")
    return [PlaceStatus(key, day, tuple(claims)) for (key, day), claims in sorted(by_day.items(),
                                                                                  key=lambda kv: kv[0][1])]


def write_control(store: Store, out: TextIO, *, as_of: date | None = None, country: str | None = None,
                  place: str | None = None, fmt: str = "table") -> int:
    statuses = (control_history(store, place, as_of=as_of) if place
                else control_status(store, as_of=as_of, country=country))
    sources = store.article_sources()
    if fmt == "jsonl":
        for status in statuses:
            out.write(json.dumps(status.to_dict(sources), ensure_ascii=False) + "\n")
    elif fmt == "geojson":
        features = []
        for status in statuses:
            p = next((c.place for c in status.claims if c.place is not None), None)
            if p is None or not (math.isfinite(p.latitude) and math.isfinite(p.longitude)):
                continue
            features.append({"type": "Feature",
                             "geometry": {"type": "Point", "coordinates": [round(p.longitude, 4),
                                                                            round(p.latitude, 4)]},
                             "properties": status.to_dict(sources)})
        out.write(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n")
    else:
        for status in statuses:
            holders = "; ".join(dict.fromkeys(f"{c.actor} {c.status.replace('_', ' ')}" for c in status.claims))
            flag = "  [disputed]" if status.disputed else ""
            cites = _cites([c.article_id for c in status.claims], sources)
            out.write(f"{status.as_of.isoformat()}  {status.place}: {holders}{flag}  (sources: {cites})\n")
    return len(statuses)


def _event_lines(events: Sequence[LinkedEvent]) -> list[str]:
    by_type: dict[str, list[LinkedEvent]] = defaultdict(list)
    for le in events:
        by_type[le.event.event_type].append(le)
    lines = []
    for etype, group in sorted(by_type.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        dead = sum(le.event.fatalities for le in group)
        places = sorted({le.event.place.name for le in group if le.event.place is not None})
        cites = "; ".join(sorted({m.source or m.article_id for le in group for m in le.mentions}))
        lines.append(f"- {etype}: {len(group)} event{'s' * (len(group) != 1)}, {dead} reported fatalities "
                     f"({', '.join(places[:6])}{', …' if len(places) > 6 else ''})  [sources: {cites}]")
    return lines


def _figure_text(figure: Figure) -> str:
    value = f"{figure.low:,}" if figure.high is None else f"{figure.low:,}–{figure.high:,}"
    if figure.best is not None and figure.high is None and figure.best != figure.low:
        value = f"{figure.best:,}"
    return value


def situation_text(store: Store, area: str, *, as_of: date | None = None) -> str:
    """A short text summary of one area (country or admin1) for the week up to ``as_of``."""
    events = [le for le in linked_events(store) if _in_area(le.event.place, area)]
    if as_of is None:
        if not events:
            raise FrontlinesError(f"no stored events in {area!r}: check the name or give --as-of")
        as_of = max(le.event.event_date for le in events)
    since = as_of - timedelta(days=WINDOW_DAYS - 1)
    recent = [le for le in events if since <= le.event.event_date <= as_of]
    sources = store.article_sources()
    lines = [f"Situation in {area}, {since.isoformat()} to {as_of.isoformat()}", ""]
    lines.append(f"Events ({len(recent)}, {sum(le.event.fatalities for le in recent)} reported fatalities):")
    lines += _event_lines(recent) or ["- none stored"]
    changes = [c for c in store.control_claims()
               if since <= c.as_of <= as_of and c.status in CHANGES and _in_area(c.place, area)]
    lines += ["", "Control changes:"]
    lines += [f"- {c.as_of.isoformat()} {_place_key(c)}: {c.actor} {c.status.replace('_', ' ')}"
              f"{' (disputed by ' + c.disputed_by + ')' if c.disputed_by else ''}  "
              f"[sources: {_cites([c.article_id], sources)}]" for c in changes] or ["- none reported"]
    figures = [f for f in store.figures()
               if f.as_of <= as_of and f.kind in DISPLACEMENT and (_in_area(f.place, area)
                                                                    or f.place is None and area.lower()
                                                                    in f.place_text.lower())]
    latest: dict[tuple[str, str], Figure] = {}
    for f in figures:  # oldest first, so the latest figure per kind and place wins
        latest[(f.kind, f.place_text)] = f
    lines += ["", "Displacement:"]
    lines += [f"- {f.as_of.isoformat()} {_figure_text(f)} {f.kind}"
              f"{' in ' + f.place_text if f.place_text else ''}"
              f"{' (' + f.attribution + ')' if f.attribution else ''}  [sources: {_cites([f.article_id], sources)}]"
              for f in sorted(latest.values(), key=lambda f: (f.as_of, f.kind))] or ["- no figures"]
    return "\n".join(lines) + "\n"

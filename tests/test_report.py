from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import FrontlinesError
from frontlines.link import link_pending
from frontlines.model import Actor, Article, ControlClaim, Event, Extraction, Figure, Place, Span
from frontlines.report import control_history, control_status, situation_text, write_control
from frontlines.store import Store

KUNDUZ = Place("Kunduz", "Afghanistan", 36.72895, 68.857, 1, iso2="AF", admin1="Kunduz")
TALOQAN = Place("Taloqan", "Afghanistan", 36.73605, 69.53451, 1, iso2="AF", admin1="Takhar")


def _item(n: int, day: date, source: str, claims: tuple[tuple[str, str, Place], ...] = (),
          figures: tuple[Figure, ...] = (), fatalities: int = 0) -> Extraction:
    text = f"Report {n}: fighting in Kunduz; the Taliban captured the city."
    art = Article(f"a{n}", day, text, source=source)
    span = (Span(0, 9, text[0:9]),)
    event = Event(art.id, "Battles", "Armed clash", "Political violence", day, 1, Actor("Taliban", 2),
                  place=KUNDUZ, fatalities=fatalities, evidence=span)
    return Extraction(
        art, events=(event,) if fatalities else (),
        control_claims=tuple(ControlClaim(art.id, actor, place.name, status, day, place=place, evidence=span)
                             for actor, status, place in claims),
        figures=tuple(f.__class__(**{**f.__dict__, "article_id": art.id}) for f in figures),
    )


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "f.db"
    army = "Military Forces of Afghanistan (2014-2021)"
    displaced = Figure("", "displaced", date(2021, 8, 9), 5000, place_text="Kunduz", place=KUNDUZ,
                       attribution="UNHCR")
    with Store(path) as store:
        store.add_extractions([
            _item(1, date(2021, 7, 1), "Wire", ((army, "retaken", KUNDUZ),)),
            _item(2, date(2021, 8, 8), "Radio", (("Taliban", "captured", KUNDUZ), ("Taliban", "captured", TALOQAN)),
                  fatalities=12),
            _item(3, date(2021, 8, 8), "Ministry", ((army, "contested", KUNDUZ),), fatalities=14),
            _item(4, date(2021, 8, 9), "Paper", figures=(displaced,)),
        ])
        link_pending(store)
    return path


def test_control_latest_status_history_and_disputes(db: Path) -> None:
    with Store(db, readonly=True) as store:
        latest = {s.place: s for s in control_status(store)}
        kunduz = latest["Kunduz, Kunduz, Afghanistan"]
        assert kunduz.as_of == date(2021, 8, 8) and kunduz.disputed
        assert not latest["Taloqan, Takhar, Afghanistan"].disputed
        earlier = {s.place: s for s in control_status(store, as_of=date(2021, 7, 31))}
        assert list(earlier) == ["Kunduz, Kunduz, Afghanistan"]
        assert earlier["Kunduz, Kunduz, Afghanistan"].claims[0].status == "retaken"
        history = control_history(store, "kunduz")
        assert [h.as_of for h in history] == [date(2021, 7, 1), date(2021, 8, 8)]
        with pytest.raises(FrontlinesError, match="no control claims"):
            control_history(store, "Herat")
        out = io.StringIO()
        assert write_control(store, out, fmt="jsonl", country="AF") == 2
        first = json.loads(out.getvalue().splitlines()[0])
        assert first["disputed"] and {c["source"] for c in first["claims"]} == {"Radio", "Ministry"}
        geo = io.StringIO()
        write_control(store, geo, fmt="geojson")
        assert len(json.loads(geo.getvalue())["features"]) == 2


def test_situation_summary_lines_name_their_sources(db: Path) -> None:
    with Store(db, readonly=True) as store:
        text = situation_text(store, "Kunduz", as_of=date(2021, 8, 10))
        assert "Battles: 1 event, 12 reported fatalities" in text  # two reports, one linked event
        assert "Taliban captured  [sources: Radio]" in text
        assert "5,000 displaced in Kunduz (UNHCR)  [sources: Paper]" in text
        assert "Taloqan" not in text
        with pytest.raises(FrontlinesError, match="no stored events"):
            situation_text(store, "Herat")

import io
import json
from datetime import date

from frontlines.classify import EVENT_TYPE_OF
from frontlines.model import Actor, Event, Place, Span
from frontlines.plover import _crosswalk, plover_record, write_plover


def test_every_acled_sub_event_type_has_a_plover_mapping():
    assert set(_crosswalk()) == set(EVENT_TYPE_OF)


def test_record_fields():
    place = Place("Herat", "Afghanistan", 34.35, 62.2, 1, "AF", 4, "South Asia", "Herat")
    e = Event("a1", "Explosions/Remote violence", "Air/drone strike", "Political violence", date(2021, 7, 31), 1,
              Actor("Military Forces of the United States (2021-)", 8), Actor("Taliban", 2), place=place,
              evidence=(Span(0, 5, "abcde"),))
    rec = plover_record(e)
    assert (rec["event"], rec["mode"], rec["date"]) == ("ASSAULT", "aerial", "2021-07-31")
    assert rec["actor"] == {"name": "Military Forces of the United States (2021-)", "inter": 8}
    out = io.StringIO()
    assert write_plover([e], out) == 1
    assert json.loads(out.getvalue())["location"]["name"] == "Herat"

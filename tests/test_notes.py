from datetime import date

from frontlines.model import Actor, Event, Place
from frontlines.notes import write_notes


def test_notes_read_like_acled():
    place = Place("Lashkar Gah", "Afghanistan", 31.59, 64.37, 1, "AF", 4, "South Asia", "Helmand", "Lashkar Gah")
    e = Event("a", "Battles", "Armed clash", "Political violence", date(2021, 7, 30), 1, Actor("Taliban", 2),
              Actor("Military Forces of Afghanistan (2014-2021)", 1), place=place, fatalities=3)
    assert write_notes(e) == ("On 30 July 2021, Taliban clashed with Military Forces of Afghanistan (2014-2021) "
                              "in Lashkar Gah (Helmand). 3 fatalities.")


def test_notes_say_precision_not_false_exactness():
    e = Event("a", "Protests", "Peaceful protest", "Demonstrations", date(2021, 7, 1), 3,
              Actor("Protesters (Kenya)", 6))
    note = write_notes(e)
    assert note.startswith("In July 2021,") and "unknown location" in note

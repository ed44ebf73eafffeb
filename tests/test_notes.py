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


def test_a_place_near_a_town_and_force_used_on_protesters_read_the_right_way_round():
    near = Place("Qalat", "Afghanistan", 32.1, 66.9, 2, "AF", 4, "South Asia", "Zabul", "Qalat")
    clash = Event("a", "Battles", "Armed clash", "Political violence", date(2021, 7, 30), 1, Actor("Taliban", 2),
                  Actor("Military Forces of Afghanistan (2014-2021)", 1), place=near)
    assert " near Qalat (Zabul)." in write_notes(clash) and "in near" not in write_notes(clash)
    force = Event("b", "Protests", "Excessive force against protesters", "Demonstrations", date(2019, 10, 25), 1,
                  Actor("Protesters (Iraq)", 6), Actor("Police Forces of Iraq (2018-2020)", 1), fatalities=8)
    assert write_notes(force).startswith(
        "On 25 October 2019, Police Forces of Iraq (2018-2020) used lethal or severe force against Protesters (Iraq)")

from datetime import date

from frontlines.actors import ArticleContext, find_actor_mentions
from frontlines.classify import EventCandidate
from frontlines.model import Actor
from frontlines.sides import complete_sides
from frontlines.triggers import Trigger

ON = date(2021, 7, 10)
TALIBAN = Actor("Taliban", 2, "Afghanistan")
AF_ARMY = Actor("Military Forces of Afghanistan (2014-2021)", 1, "Afghanistan")


def context(text: str) -> ArticleContext:
    return ArticleContext.from_mentions(find_actor_mentions(text), "AF")


def cand(sub: str, family: str = "clash") -> EventCandidate:
    return EventCandidate(sub, Trigger(0, 5, "x", family))


def test_a_battle_with_one_named_side_gets_the_state_as_the_other():
    a1, a2, _ = complete_sides(cand("Armed clash"), TALIBAN, None, [], "AF", ON, context("Taliban"), "")
    assert (a1 and a1.name, a2 and a2.name) == (TALIBAN.name, AF_ARMY.name)


def test_civilians_are_never_a_side_of_a_battle():
    civ = Actor("Civilians (Afghanistan)", 7)
    a1, a2, _ = complete_sides(cand("Armed clash"), civ, AF_ARMY, [], "AF", ON, context("Taliban"), "")
    assert {a.name for a in (a1, a2) if a} == {TALIBAN.name, AF_ARMY.name}


def test_attack_without_a_named_attacker_is_unidentified_against_civilians():
    a1, a2, _ = complete_sides(cand("Attack", "violence"), None, None, [], "NG", ON, ArticleContext(None, "NG"), "")
    assert a1 is not None and a1.name == "Unidentified Armed Group (Nigeria)"
    assert a2 is not None and a2.name == "Civilians (Nigeria)"


def test_transfer_puts_the_side_that_gains_first():
    a1, a2, _ = complete_sides(cand("Non-violent transfer of territory", "transfer"), AF_ARMY, TALIBAN, [], "AF",
                               ON, context("Taliban"), "")
    assert (a1 and a1.name, a2 and a2.name) == (TALIBAN.name, AF_ARMY.name)


def test_unclear_shooter_is_unidentified():
    a1, _, _ = complete_sides(cand("Shelling/artillery/missile attack", "shelling"), None, None, [], "AF", ON,
                              context("Taliban"), "A shell hit a house; it was unclear who fired it.")
    assert a1 is not None and a1.name.startswith("Unidentified Armed Group")


def test_protest_police_and_mobilising_commander():
    a1, a2, _ = complete_sides(cand("Protest with intervention", "protest"), None, None, [], "KE", date(2023, 7, 7),
                               ArticleContext(None, "KE"), "Police dispersed protesters.")
    assert a1 is not None and a1.name == "Protesters (Kenya)"
    assert a2 is not None and a2.name == "Police Forces of Kenya (2022-)"
    a1, _, _ = complete_sides(cand("Change to group/activity", "group_change"), None, None, [], "AF", ON,
                              context(""), "Ismail Khan has launched an armed movement.")
    assert a1 is not None and a1.name == "Militia (Ismail Khan)"

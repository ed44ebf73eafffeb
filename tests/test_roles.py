"""Agents and patients of a trigger from the dependency parse, and the sides picked from them."""

from frontlines.actors import find_actor_mentions
from frontlines.nlp import sentences
from frontlines.roles import assign_roles, pick_sides
from frontlines.triggers import find_triggers


def _sides(text: str, word: str) -> tuple[str, str]:
    sent = next(sentences([text]))[0]
    mentions = find_actor_mentions(sent.text, sent.start)
    trigger = next(t for t in find_triggers(sent.text, sent.start) if t.text.lower().startswith(word))
    roles = assign_roles(sent.span, trigger, mentions, sent.base)
    agent, patient = pick_sides(roles, trigger, mentions)
    return (agent.text if agent else "", patient.text if patient else "")


def test_the_subject_is_the_doer_and_the_object_the_target():
    assert _sides("Taliban fighters attacked a police checkpoint in Kunduz.", "attack") == \
        ("Taliban fighters", "police")


def test_the_by_phrase_of_a_passive_is_the_doer():
    assert _sides("A police checkpoint was attacked by Taliban fighters in Kunduz.", "attack") == \
        ("Taliban fighters", "police")


def test_a_helper_named_after_backed_by_is_not_the_doer():
    agent, patient = _sides("Somali army troops backed by clan militias retook El Buur from al-Shabaab.", "retook")
    assert (agent, patient) == ("Somali army troops", "al-Shabaab")


def test_both_sides_of_fighting_between_two_groups_in_the_texts_order():
    assert _sides("Fighting between the army and the Rapid Support Forces raged in Khartoum.", "fighting") == \
        ("army", "Rapid Support Forces")


def test_the_by_phrase_under_a_weapon_with_an_adjective_trigger_is_the_doer():
    assert _sides("A ballistic missile fired by the Houthis hit a petrol station in Marib.", "ballistic")[0] == \
        "Houthis"


def test_a_by_phrase_with_a_participle_adjective_is_the_doer():
    assert _sides("A dozen women were raped by retreating soldiers in Uvira.", "raped")[0] == "soldiers"


def test_a_semicolon_ends_the_clause_of_a_toll():
    sent = next(sentences(["The ministry said 11 Taliban fighters were killed; the Taliban did not comment."]))[0]
    mentions = find_actor_mentions(sent.text, sent.start)
    trigger = next(t for t in find_triggers(sent.text, sent.start) if t.text == "killed")
    roles = assign_roles(sent.span, trigger, mentions, sent.base)
    assert [m.text for m in roles.agents] == []


def test_a_group_named_on_its_people_takes_their_role():
    sent = next(sentences(["One Taliban border guard was killed in the shelling."]))[0]
    mentions = find_actor_mentions(sent.text, sent.start)
    trigger = next(t for t in find_triggers(sent.text, sent.start) if t.text == "killed")
    roles = assign_roles(sent.span, trigger, mentions, sent.base)
    assert [m.text for m in roles.agents] == [] and "Taliban" in [m.text for m in roles.patients]


def test_a_group_claiming_control_is_the_one_taking_it():
    agent, _ = _sides("Wagner Group forces, supported by Russian forces, claimed full control of Bakhmut on "
                      "Saturday.", "claimed")
    assert agent == "Wagner Group forces"

from datetime import date

from frontlines.actors import ArticleContext, find_actor_mentions
from frontlines.classify import EventCandidate
from frontlines.model import Actor, Article
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


NG_ON = date(2021, 6, 14)
NG_ARMY = Actor("Military Forces of Nigeria (2015-2023)", 1, "Nigeria")
ISWAP = Actor("Islamic State (West Africa)", 2, "Nigeria")


def _clash(sentence: str, actor1: Actor, actor2: Actor, country: str = "NG", on: date = NG_ON,
           text: str = "") -> tuple[str, str]:
    mentions = find_actor_mentions(sentence)
    ctx = ArticleContext.from_mentions(mentions, country, on=on, text=text or sentence)
    a1, a2, _ = complete_sides(cand("Armed clash"), actor1, actor2, mentions, country, on, ctx, sentence)
    return (a1.name if a1 else "", a2.name if a2 else "")


def test_the_side_that_attacked_comes_first_even_when_repelled():
    s = "ISWAP fighters attacked a military base in Damboa but were pushed back by troops."
    assert _clash(s, NG_ARMY, ISWAP) == (ISWAP.name, NG_ARMY.name)


def test_the_subject_of_a_when_clause_attack_is_the_initiator():
    s = "Eight ISWAP gunmen were killed when they attacked a military base in Damboa."
    assert _clash(s, NG_ARMY, ISWAP) == (ISWAP.name, NG_ARMY.name)


def test_the_owner_of_repelled_assaults_started_the_fight():
    ua = Actor("Military Forces of Ukraine (2019-)", 1, "Ukraine")
    ru = Actor("Military Forces of Russia (2000-)", 8, "Russia")
    s = "Ukrainian units repelled 34 Russian assaults near Pokrovsk."
    assert _clash(s, ua, ru, "UA", date(2024, 11, 4)) == (ru.name, ua.name)


def test_a_clash_without_an_attack_verb_keeps_its_order():
    s = "Troops and ISWAP fighters fought near Damboa."
    assert _clash(s, NG_ARMY, ISWAP) == (NG_ARMY.name, ISWAP.name)


def test_a_toll_sentence_keeps_the_order_of_the_attack_told_before_it():
    text = "ISWAP fighters attacked a military base in Damboa. Two soldiers and nine militants were killed."
    s = "Two soldiers and nine militants were killed."
    assert _clash(s, NG_ARMY, ISWAP, text=text) == (ISWAP.name, NG_ARMY.name)


def test_a_strike_whose_toll_is_civilian_in_the_next_sentence_targets_civilians():
    ru = Actor("Military Forces of Russia (2000-)", 8, "Russia")
    text = "A Russian missile struck the administration building in Kharkiv. 29 people were killed."
    s = "A Russian missile struck the administration building in Kharkiv."
    mentions = find_actor_mentions(s)
    ctx = ArticleContext.from_mentions(mentions, "UA", on=date(2022, 3, 1), text=text)
    _, a2, _ = complete_sides(cand("Shelling/artillery/missile attack", "shell"), ru, None, mentions, "UA",
                              date(2022, 3, 1), ctx, s)
    assert a2 is not None and a2.name == "Civilians (Ukraine)"


def test_a_rival_government_s_forces_face_the_recognised_government_s() -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    text = "On 20 March 2023, Houthi forces attacked government positions west of Marib city (Marib)."
    events = Pipeline().extract(Article("t", date(2023, 3, 20), text)).events
    assert [(e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "") for e in events] == [
        ("Military Forces of Yemen (2016-) Houthi", "Military Forces of Yemen (2022-) Presidential Leadership Council")]


def _pipeline_sides(day: date, text: str) -> list[tuple[str, str, str]]:
    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    events = Pipeline().extract(Article("t", day, text)).events
    return [(e.sub_event_type, e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "") for e in events]


def test_the_interceptor_comes_first_and_the_launcher_second() -> None:
    text = "On 6 July 2024, Iron Dome batteries intercepted most of the 20 rockets fired by Hezbollah towards " \
           "Kiryat Shmona (HaZafon)."
    assert _pipeline_sides(date(2024, 7, 6), text) == [
        ("Disrupted weapons use", "Military Forces of Israel (2022-)", "Hezbollah")]
    text = "Air defences shot down dozens of Iranian-made Shahed drones over Kyiv overnight, officials said."
    assert _pipeline_sides(date(2022, 10, 17), text) == [
        ("Disrupted weapons use", "Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)")]


def test_a_maker_s_adjective_is_not_the_doer_and_a_foreign_army_hits_the_host_s_city() -> None:
    text = "Iranian-made kamikaze drones slammed into central Kyiv on Monday, killing four people."
    assert _pipeline_sides(date(2022, 10, 17), text) == [
        ("Air/drone strike", "Military Forces of Russia (2000-)", "Civilians (Ukraine)")]


def test_an_unnamed_government_is_a_side_of_its_deals_and_decisions() -> None:
    text = "Bandit leaders signed a peace deal with the Zamfara state government in Gusau on Tuesday."
    assert _pipeline_sides(date(2021, 10, 16), text)[0][:2] == ("Agreement", "Government of Nigeria (2015-2023)")
    text = "Detainees left Insein Prison in Yangon on Monday after the junta announced an amnesty."
    assert _pipeline_sides(date(2021, 10, 16), text) == [("Other", "Military Forces of Myanmar (2021-)", "")]


def test_the_side_that_withdrew_loses_the_ground_another_army_entered() -> None:
    text = "Ukrainian troops entered Kherson on Friday after Russian forces completed their withdrawal."
    assert _pipeline_sides(date(2022, 11, 12), text) == [("Non-violent transfer of territory",
                                                          "Military Forces of Ukraine (2019-)",
                                                          "Military Forces of Russia (2000-)")]
    text = "Ukrainian troops entered Kherson on Friday after Russia completed its withdrawal."
    assert _pipeline_sides(date(2022, 11, 12), text)[0][2] == "Military Forces of Russia (2000-)"


def test_a_weapon_used_on_the_host_s_positions_hits_the_host_s_forces() -> None:
    text = "Russian drones dropped grenades filled with tear gas on Ukrainian positions near Avdiivka on Tuesday."
    sides = _pipeline_sides(date(2023, 2, 20), text)
    assert sides[0][1:] == ("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")


def test_a_town_taken_with_its_police_headquarters_fell_from_the_army() -> None:
    text = "The Taliban captured the centre of Kunduz city on Sunday, taking the governor's compound and police " \
           "headquarters."
    assert _pipeline_sides(date(2021, 8, 8), text) == [
        ("Non-state actor overtakes territory", "Taliban", "Military Forces of Afghanistan (2014-2021)")]


def test_security_forces_who_arrest_or_defuse_are_the_police() -> None:
    text = "On 20 June 2024, state security forces arrested 11 opposition politicians at a house in Bamako (Bamako)."
    assert _pipeline_sides(date(2024, 6, 20), text)[0][:2] == ("Arrests", "Police Forces of Mali (2021-)")


def test_the_owner_of_a_seized_cache_is_the_other_side() -> None:
    text = "On 17 October 2023, soldiers seized an arms cache hidden by the NPA outside Cotabato City (Maguindanao)."
    assert _pipeline_sides(date(2023, 10, 17), text)[0][2] == "NPA: New People's Army"


def test_crowds_of_two_communities_that_clash_are_rioters_on_both_sides() -> None:
    text = "On 3 May 2023, crowds from the Kuki and Meitei communities clashed in Churachandpur (Manipur), " \
           "setting fire to houses."
    assert _pipeline_sides(date(2023, 5, 3), text) == [("Mob violence", "Rioters (India)", "Rioters (India)")]


def test_the_falling_government_s_forces_keep_their_era_on_the_day_it_falls() -> None:
    text = "On 8 December 2024, HTS fighters entered Damascus (Damascus) after government forces abandoned " \
           "their positions."
    assert _pipeline_sides(date(2024, 12, 8), text)[0][2] == "Military Forces of Syria (2000-2024)"


def test_a_state_named_by_its_country_is_a_party_to_a_ceasefire() -> None:
    text = "On 27 November 2024, a ceasefire between Israel and Hezbollah came into effect in Beirut (Beirut), " \
           "ending over a year of hostilities."
    assert _pipeline_sides(date(2024, 11, 27), text) == [
        ("Agreement", "Military Forces of Israel (2022-)", "Hezbollah")]


def test_a_broker_is_no_party_and_a_national_truce_is_placed_at_the_capital() -> None:
    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    text = "A UN-brokered two-month truce between Yemen's warring parties took effect on Saturday."
    events = Pipeline().extract(Article("t", date(2022, 4, 4), text)).events
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else "", e.place.name if e.place else "")
            for e in events] == [("Agreement", "Government of Yemen (2012-2022) Hadi", "Sanaa")]


def test_police_a_riot_fought_are_its_second_side_but_not_police_of_another_day() -> None:
    fought = "Students in Quito hurled rocks at police and burned a police kiosk on Monday."
    assert _pipeline_sides(date(2022, 6, 21), fought) == [
        ("Violent demonstration", "Rioters (Ecuador)", "Police Forces of Ecuador (2021-2023)")]
    from frontlines.sides import _riot_police

    other_day = "Protesters set fire to a radio station in Lagos on Wednesday, a day after police fired on marchers."
    assert _riot_police(other_day, None, "NG", date(2020, 10, 22)) is None
    same_day = "Protesters set fire to a radio station in Lagos on Wednesday as police fired on marchers."
    police = _riot_police(same_day, None, "NG", date(2020, 10, 22))
    assert police is not None and police.name.startswith("Police Forces of Nigeria")


def test_the_side_that_abandoned_its_positions_lost_the_ground_and_a_purpose_is_no_destination():
    from frontlines.pipeline import Pipeline

    pipe = Pipeline()
    left = pipe.extract(Article("t", date(2021, 7, 5), (
        "Tajikistan's border guard committee said 1,037 Afghan servicemen had abandoned their positions in Khwahan "
        "district and waded across the Panj river on Sunday after the Taliban advanced on their posts."))).events
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else "") for e in left] == [
        ("Non-violent transfer of territory", "Taliban")]
    taken = pipe.extract(Article("t", date(2024, 2, 19), (
        "Russian forces took full control of Avdiivka over the weekend after Ukrainian troops withdrew to avoid "
        "encirclement, Russia's defence ministry said."))).events
    assert taken and taken[0].actor1 is not None and taken[0].actor1.name == "Military Forces of Russia (2000-)"

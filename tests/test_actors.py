from datetime import date

from frontlines.actors import ArticleContext, era_label, find_actor_mentions, resolve_actor


def names(text, country="AF", on=date(2021, 7, 31)):
    mentions = find_actor_mentions(text)
    ctx = ArticleContext.from_mentions(mentions, country)
    return [resolve_actor(m, country=country, on=on, context=ctx).name for m in mentions]


def test_named_group_and_government_forces():
    assert names("Taliban fighters clashed with government forces.") == [
        "Taliban", "Military Forces of Afghanistan (2014-2021)"]


def test_demonym_gives_the_country_of_the_forces():
    mentions = find_actor_mentions("Nigerian troops repelled an attack.")
    assert mentions[0].country_hint == "NG"
    actor = resolve_actor(mentions[0], country="NG", on=date(2022, 3, 1),
                          context=ArticleContext(None, "NG"))
    assert actor.name == "Military Forces of Nigeria (2015-2023)"
    assert actor.inter == 1


def test_foreign_forces_are_external():
    mentions = find_actor_mentions("Russian forces shelled the town.")
    actor = resolve_actor(mentions[0], country="UA", on=date(2022, 5, 1), context=ArticleContext(None, "UA"))
    assert actor.name == "Military Forces of Russia (2000-)"
    assert actor.inter == 8


def test_generic_insurgents_resolve_to_the_articles_dominant_group():
    text = "The Taliban attacked the district. Insurgents later withdrew."
    assert names(text) == ["Taliban", "Taliban"]


def test_generic_without_context_is_unidentified():
    assert names("Gunmen killed three villagers.", country="NG", on=date(2022, 1, 5)) == [
        "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"]


def test_taliban_become_the_state_after_august_2021():
    assert names("Taliban fighters arrested protesters.", on=date(2021, 9, 10)) == [
        "Military Forces of Afghanistan (2021-)", "Protesters (Afghanistan)"]


def test_islamic_state_branch_follows_the_country():
    assert names("Islamic State militants attacked a base.", country="NG", on=date(2021, 1, 1))[0] == \
        "Islamic State (West Africa)"


def test_era_labels():
    assert era_label("AF", date(2021, 8, 15)) == "2014-2021"  # Kabul fell that day; the new era starts next
    assert era_label("AF", date(2021, 8, 16)) == "2021-"
    assert era_label("MM", date(2021, 1, 31)) == "2016-2021"
    assert era_label("ZZ", date(2021, 1, 1)) == ""


def test_police_and_protesters():
    got = names("Police fired tear gas at protesters in Nairobi.", country="KE", on=date(2023, 7, 7))
    assert got == ["Police Forces of Kenya (2022-)", "Protesters (Kenya)"]


def test_unnamed_insurgents_take_the_group_that_dominates_the_region():
    from frontlines.actors import ArticleContext, find_actor_mentions

    def dominant(text, country, on, admin1s=()):
        ctx = ArticleContext.from_mentions(find_actor_mentions(text), country, on=on, text=text, admin1s=admin1s)
        return ctx.dominant_armed.name if ctx.dominant_armed else None

    assert dominant("Militants stormed a hotel in Mogadishu.", "SO", date(2022, 8, 20)) == "Al Shabaab"
    assert dominant("Resistance fighters ambushed a convoy.", "MM", date(2023, 1, 9)) == "PDF: People's Defense Force"
    # before the coup there was no such force; and an article naming its group keeps it
    assert dominant("Resistance fighters ambushed a convoy.", "MM", date(2020, 1, 9)) is None
    named = dominant("Militants stormed a base; ISIS claimed it.", "SO", date(2022, 8, 20))
    assert named == "Islamic State ({country})"
    # a region-bound default needs the article to be in that region
    assert dominant("Jihadists raided a village.", "CM", date(2022, 3, 1), ["Far North"]).startswith("Boko Haram")
    assert dominant("Jihadists raided a village.", "CM", date(2022, 3, 1), ["Littoral"]) is None


def test_the_first_of_two_armies_named_together_leads():
    from frontlines.actors import find_actor_mentions

    [m] = [x for x in find_actor_mentions("Mozambican and Rwandan forces retook the port.") if x.kind == "military"]
    assert m.country_hint == "MZ" and m.text == "Mozambican and Rwandan forces"


def test_an_unnamed_mention_takes_the_group_it_is_said_to_belong_to():
    from frontlines.actors import find_actor_mentions

    [m] = find_actor_mentions("Three gunmen affiliated with Islamic State stormed the university.")
    assert m.kind == "named" and m.text == "gunmen affiliated with Islamic State"
    [m] = find_actor_mentions("Suspected Islamic State (Sahel) militants ambushed the patrol.")
    assert m.name == "Islamic State (Sahel)"


def test_unidentified_militants_never_take_the_regional_default():
    from frontlines.actors import regional_default

    assert regional_default("AF", date(2020, 2, 10), "a bomb planted by unidentified militants exploded") is None
    assert regional_default("AF", date(2020, 2, 10), "militants attacked a checkpoint").name == "Taliban"


def test_positions_and_weapons_name_forces_only_with_a_demonym():
    from frontlines.actors import find_actor_mentions

    found = find_actor_mentions("Russian forces dropped grenades onto Ukrainian positions near Avdiivka.")
    assert [(m.kind, m.country_hint) for m in found] == [("military", "RU"), ("military", "UA")]
    assert find_actor_mentions("A missile struck a school.") == []
    # the words before a weapon noun may still name the forces
    assert [m.kind for m in find_actor_mentions("Military artillery units shelled the wards.")] == ["military"]
    found = find_actor_mentions("A missile hit the station, killing 50, Ukrainian officials said.")
    assert [m.text for m in found] == ["Ukrainian officials"]


def test_earlier_governments_have_their_eras_too():
    from frontlines.actors import era_label

    assert era_label("ET", date(2017, 5, 1)) == "1991-2018"
    assert era_label("SD", date(2018, 12, 20)) == "1989-2019"
    assert era_label("PK", date(2023, 11, 2)) == "2023-2024"
    assert era_label("PK", date(2024, 5, 4)) == "2024-"

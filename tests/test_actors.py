import json
from datetime import date
from importlib import resources

import pytest

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


# --- the world-wide actor lexicon and government eras ---------------------------------------------------------

def _data(name):
    return json.loads(resources.files("frontlines").joinpath(f"data/{name}").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, country, on, expected, inter", [
    ("NPA rebels ambushed an army patrol in Northern Samar.", "PH", date(2023, 3, 2),
     "NPA: New People's Army", 2),
    ("Suspected BIFF gunmen fired on a checkpoint in Maguindanao.", "PH", date(2022, 6, 1),
     "BIFF: Bangsamoro Islamic Freedom Fighters", 2),
    ("AQAP militants attacked a checkpoint in Abyan.", "YE", date(2022, 9, 6),
     "AQAP: Al Qaeda in the Arabian Peninsula", 2),
    ("Fighters of Ahlu Sunnah Wa-Jama beheaded two farmers in Macomia.", "MZ", date(2021, 4, 1),
     "Islamic State (Mozambique)", 2),
    ("Clan del Golfo gunmen killed two police officers in Antioquia.", "CO", date(2022, 5, 7),
     "AGC: Gaitanista Self-Defense Forces of Colombia", 3),
    ("SPLM-IO forces clashed with soldiers in Upper Nile.", "SS", date(2025, 3, 4),
     "SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)", 2),
    ("Koglweogo members detained a herder near Kaya.", "BF", date(2019, 1, 1), "Koglweogo Militia", 3),
    ("Dozo hunters attacked a Fulani hamlet in Mopti.", "ML", date(2020, 7, 1), "Dozo Communal Militia (Mali)", 4),
    ("Kuki militants fired at a village in Bishnupur.", "IN", date(2023, 6, 2), "Kuki Ethnic Militia (India)", 4),
    ("The Lashkar-e-Jhangvi claimed the bombing in Quetta.", "PK", date(2019, 4, 12), "Lashkar-e-Jhangvi", 2),
    ("Members of Comando Vermelho exchanged fire with police in Rio.", "BR", date(2025, 10, 28),
     "CV: Red Command", 3),
    ("Ti Makak gang members burned houses in Laboule.", "HT", date(2024, 5, 1), "Ti Makak", 3),
    ("Fighters of the Arakan Rohingya Salvation Army attacked a camp.", "BD", date(2023, 1, 18),
     "ARSA: Arakan Rohingya Salvation Army", 2),
    ("MNJTF troops repelled an attack on their base.", "NG", date(2021, 3, 1),
     "MNJTF: Multinational Joint Task Force", 8),
    ("UNIFIL peacekeepers reported shelling near their post.", "LB", date(2024, 10, 10),
     "UNIFIL: United Nations Interim Force in Lebanon", 8),
])
def test_groups_are_named_as_acled_names_them(text, country, on, expected, inter):
    mentions = [m for m in find_actor_mentions(text) if m.kind in ("named", "external")]
    assert mentions, text
    actor = resolve_actor(mentions[0], country=country, on=on, context=ArticleContext.from_mentions(mentions, country))
    assert (actor.name, actor.inter) == (expected, inter)


def test_identity_militias_carry_the_country_of_the_event():
    found = [m for m in find_actor_mentions("Fulani militia killed ten villagers.") if m.kind == "named"]
    assert resolve_actor(found[0], country="NG", on=date(2022, 1, 1), context=ArticleContext(None, "NG")).name == \
        "Fulani Ethnic Militia (Nigeria)"
    assert resolve_actor(found[0], country="BF", on=date(2022, 1, 1), context=ArticleContext(None, "BF")).name == \
        "Fulani Ethnic Militia (Burkina Faso)"


@pytest.mark.parametrize("text", [
    "The NPA said it would prosecute the former minister.",  # South Africa's prosecutors
    "The MPC raised interest rates by a quarter point.",
    "CPC members gathered in Beijing for the plenum.",
    "He scored twice in the EPL on Saturday.",
    "The OPM issued new guidance for federal workers.",
    "A CNA reporter interviewed residents.",
    "The SNA took control of Baidoa airport.",  # Somalia's army, not the Syrian National Army
])
def test_acronyms_that_are_ordinary_elsewhere_name_no_armed_group(text):
    assert not [m for m in find_actor_mentions(text) if m.kind in ("named", "external")]


def test_no_pattern_belongs_to_two_entries():
    lex = _data("actors.json")
    owner: dict[str, str] = {}
    clashes = []
    for kind in ("named", "external"):
        for i, entry in enumerate(lex[kind]):
            for pattern in set(entry["patterns"]):
                key = f"{kind}[{i}] {entry['name']}"
                if pattern in owner:
                    clashes.append((pattern, owner[pattern], key))
                owner[pattern] = key
    assert clashes == []


def test_short_patterns_are_case_sensitive_acronyms():
    lex = _data("actors.json")
    short = [p for kind in ("named", "external") for e in lex[kind] for p in e["patterns"] if len(p) <= 3]
    assert all(p.upper() == p and any(ch.isupper() for ch in p) for p in short if p != "LeT" and p != "JeM"
               and p != "LeJ"), short
    # "IS" is matched case-sensitively, so the verb "is" never matches; ACLED notes write the group so.
    assert len([p for p in short if len(p) < 3 and p not in ("UN", "IS")]) == 0


def test_every_countrys_eras_are_sorted_contiguous_and_labelled_by_their_years():
    eras = _data("state_eras.json")["eras"]
    for iso2, spans in eras.items():
        for era in spans:
            start, end, label = era[0], era[1], era[2]
            assert end is None or date.fromisoformat(start) < date.fromisoformat(end), (iso2, era)
            assert label[:4] == start[:4], (iso2, era)
            if len(label) == 9 and end is not None:  # "2017-2022": the second year is when the era ended
                assert label[5:] == end[:4], (iso2, era)
        for prev, nxt in zip(spans, spans[1:], strict=False):
            assert prev[1] == nxt[0], (iso2, prev, nxt)  # no gap, no overlap
        assert spans[-1][1] is None, iso2  # someone governs today


def test_eras_cover_the_countries_acled_reports_on_since_2016():
    covered = ("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB US TR IR EG TN DZ "
               "MA LB JO IL PS SA AE BH KW GE AM AZ BY RS XK BA KZ KG TJ UZ LK NP BD ID TH PH MY KH PG ZA ZW ZM MW TZ "
               "UG RW BI SS ER DJ SN GN SL LR CI GH TG BJ TD MG AO BR AR CL PE EC BO VE HT HN GT SV NI MX CO").split()
    missing = [c for c in covered if not era_label(c, date(2016, 1, 1)) or not era_label(c, date(2026, 1, 1))]
    assert missing == []


def test_new_governments_start_new_eras():
    assert era_label("DE", date(2022, 3, 1)) == "2021-2025"
    assert era_label("DE", date(2025, 5, 6)) == "2025-"
    assert era_label("IT", date(2021, 2, 12)) == "2018-2021"
    assert era_label("ZA", date(2018, 2, 15)) == "2018-"
    assert era_label("TH", date(2024, 1, 10)) == "2023-2024"
    assert era_label("BD", date(2024, 8, 6)) == "2024-"  # between Hasina's flight and the interim government
    assert era_label("AR", date(2024, 1, 1)) == "2023-"
    from frontlines.actors import state_forces
    actor = state_forces("CI", date(2022, 1, 1), "police")
    assert actor is not None and actor.name == "Police Forces of Ivory Coast (2011-)"


def test_a_ruling_groups_police_and_intelligence_are_its_police_forces():
    on = date(2022, 1, 20)
    police = "Police Forces of Afghanistan (2021-)"
    assert names("Taliban intelligence agents detained an activist.", on=on)[0] == police
    assert names("Taliban police defused a bomb.", on=on)[0] == "Police Forces of Afghanistan (2021-)"
    assert names("Taliban fighters entered the city.", on=on)[0] == "Military Forces of Afghanistan (2021-)"


def test_a_foreign_states_command_is_its_armed_forces():
    mention = find_actor_mentions("US Africa Command said it carried out an air strike near Jilib.")[0]
    actor = resolve_actor(mention, country="SO", on=date(2023, 3, 1), context=ArticleContext(None, "SO"))
    assert (actor.name, actor.inter) == ("Military Forces of the United States (2021-)", 8)


def test_paramilitary_corps_under_army_command_are_military():
    assert names("BLA fighters attacked an FC camp; Rangers arrived later.", "PK", date(2022, 2, 2))[1:] == [
        "Military Forces of Pakistan (2018-2022)", "Military Forces of Pakistan (2018-2022)"]


def test_the_regional_default_follows_the_events_country_not_the_articles_focus():
    text = "Rwandan troops recaptured Mocimboa da Praia from Islamist insurgents, Rwanda's military said."
    mentions = find_actor_mentions(text)
    ctx = ArticleContext.from_mentions(mentions, "RW", on=date(2021, 8, 9), text=text, admin1s=["Cabo Delgado"])
    insurgents = next(m for m in mentions if m.kind == "generic_armed")
    assert resolve_actor(insurgents, country="MZ", on=date(2021, 8, 9), context=ctx).name == \
        "Islamic State (Mozambique)"


def test_an_affiliation_may_carry_an_adjective():
    got = find_actor_mentions("Armed men from local Mai-Mai groups raped women near Sake.")
    assert got[0].name == "Mai-Mai Militia" and got[0].text.startswith("Armed men")


def test_ethnic_and_clan_militias_take_the_event_s_country() -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    pipe = Pipeline()
    events = pipe.extract(Article("t", date(2023, 10, 14), "On 14 October 2023, Hawiye clan militiamen clashed "
                                  "with Darod clan militia near Galkayo, killing 5.")).events
    assert [(e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "") for e in events] == [
        ("Hawiye Clan Militia (Somalia)", "Darod Clan Militia (Somalia)")]
    events = pipe.extract(Article("t", date(2022, 3, 10), "Dinka youths attacked a village near Bor on Thursday, "
                                  "killing 12 people.")).events
    assert events and events[0].actor1 is not None and events[0].actor1.name == "Dinka Ethnic Militia (South Sudan)"
    assert events[0].actor1.inter == 4


def test_an_article_before_an_acronym_is_no_part_of_the_country():
    found = [(m.text, m.kind, m.country_hint) for m in find_actor_mentions("A US drone strike hit a car.")]
    assert found[0] == ("US drone", "military", "US")


def test_government_weapons_and_military_governments_are_the_state_forces():
    kinds = [(m.text, m.kind) for m in find_actor_mentions("Government artillery pounded the town.")]
    assert kinds == [("artillery", "military")]
    kinds = [(m.text, m.kind) for m in find_actor_mentions("The military government declared martial law.")]
    assert kinds == [("government", "military")]
    assert find_actor_mentions("A missile struck the market.") == []


def test_air_defences_and_interceptor_systems_are_forces():
    assert [m.kind for m in find_actor_mentions("Air defences shot down 20 drones.")] == ["military"]
    iron_dome = find_actor_mentions("Iron Dome batteries intercepted the rockets.")[0]
    assert (iron_dome.name, iron_dome.home) == ("Military Forces of Israel", "IL")


def test_a_non_state_qualifier_keeps_forces_off_the_state():
    found = [(m.text, m.kind) for m in find_actor_mentions("Resistance forces of the PDF and rebel troops attacked.")]
    assert ("forces", "military") not in found and ("troops", "military") not in found
    assert [m.name for m in find_actor_mentions("ELN guerrillas attacked.")] == ["ELN: National Liberation Army"]


def test_civilians_take_their_nationality_and_former_soldiers_are_civilians() -> None:
    found = {m.text: (m.kind, m.country_hint) for m in find_actor_mentions(
        "Gunmen killed two Chinese engineers and a former army officer in Karachi.")}
    assert found["engineers"] == ("civilians", "CN")
    assert found["army"][0] == "civilians"


def test_dotted_country_initials_and_ethnic_rebel_names() -> None:
    found = {m.text: (m.kind, m.country_hint, m.name) for m in find_actor_mentions(
        "U.S. air strikes hit Kachin rebels and Russian paramilitaries.")}
    assert found["U.S. air strikes"][:2] == ("military", "US")
    assert found["Kachin rebels"][2] == "KIA: Kachin Independence Army"
    assert found["Russian paramilitaries"][2] == "Wagner Group"


def test_a_joint_operation_is_led_by_its_first_named_army_and_backers_are_not_owners() -> None:
    found = {m.text: m.country_hint for m in find_actor_mentions(
        "A joint US-Afghan airstrike hit the village as Turkish-backed Syrian rebels advanced.")}
    assert found["US-Afghan airstrike"] == "US"
    assert "Turkish-backed Syrian rebels" not in found and found.get("rebels", "") == ""

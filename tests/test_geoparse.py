import json
import math
from pathlib import Path

import pytest

from frontlines.geoparse import Geoparser
from frontlines.model import Span, Toponym
from frontlines.placing import event_place, focus_country

AFG = Path(__file__).resolve().parents[2] / "shared" / "data" / "afghanistan-admin"


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser()


def _whole(text: str) -> list[Span]:
    return [Span(0, len(text), text)]


def _by_text(tops: list[Toponym]) -> dict[str, Toponym]:
    return {t.text: t for t in tops}


def test_recognises_names_spacy_mislabels(parser: Geoparser) -> None:
    text = "Taliban fighters entered Herat and Lashkar Gah on Friday, officials said."
    tops = _by_text(parser.find(text))
    assert set(tops) == {"Herat", "Lashkar Gah"}
    assert tops["Lashkar Gah"].place is not None and tops["Lashkar Gah"].place.admin1 == "Helmand"


def test_stop_words_titles_and_actors_are_not_places(parser: Geoparser) -> None:
    text = ("Police said Mr Karzai and the Islamic State spokesman spoke on Monday in March. "
            "Afghan forces withdrew.")
    assert parser.find(text) == []


def test_province_cue_gives_admin1_and_bare_name_the_city(parser: Geoparser) -> None:
    tops = parser.find("Clashes spread across Herat province. Later, in Herat, shops reopened.")
    assert [t.place.feature for t in tops if t.place] == ["admin1", "city"]
    assert tops[0].cue == "province" and tops[0].place is not None and tops[0].place.geo_precision == 3
    assert tops[1].place is not None and tops[1].place.geo_precision == 1


def test_enclosing_admin_disambiguates(parser: Geoparser) -> None:
    text = "Fighting was reported in Charbolak district, Balkh."
    tops = _by_text(parser.find(text))
    place = tops["Charbolak"].place
    assert place is not None and (place.admin1, place.feature, place.iso2) == ("Balkh", "admin2", "AF")


def test_variant_spelling_only_in_article_country(parser: Geoparser) -> None:
    tops = _by_text(parser.find("Afghan troops left Qandahar and Sari Pul in Afghanistan."))
    assert tops["Qandahar"].place is not None and tops["Qandahar"].place.name == "Kandahar"
    assert tops["Sari Pul"].place is not None and tops["Sari Pul"].place.name == "Sar-e Pul"
    assert focus_country(list(tops.values())) == "AF"


def test_unresolvable_district_stays_unresolved(parser: Geoparser) -> None:
    text = "Fighting was reported in Zzyzxqq district of Kunduz province."
    place = event_place(parser.find(text), text, _whole(text))
    assert place is not None and place.feature == "admin1" and place.admin1 == "Kunduz"
    assert place.geo_precision == 3


def test_event_place_near_and_fallbacks(parser: Geoparser) -> None:
    text = "Insurgents attacked a checkpoint 10 km north of Kunduz city."
    place = event_place(parser.find(text), text, _whole(text))
    assert place is not None and place.name == "Kunduz" and place.geo_precision == 2
    text = "The Taliban advanced on Kunduz.\n\nMany were killed in the attack."
    ev = [Span(text.index("Many"), len(text), text[text.index("Many"):])]
    place = event_place(parser.find(text), text, ev)
    assert place is not None and place.name == "Kunduz" and place.geo_precision == 3
    same_paragraph = "The Taliban advanced on Kunduz. Many were killed in the attack."
    ev = [Span(same_paragraph.index("Many"), len(same_paragraph), "Many were killed in the attack.")]
    place = event_place(parser.find(same_paragraph), same_paragraph, ev)
    assert place is not None and place.geo_precision == 1
    assert event_place(parser.find("Nothing happened."), "Nothing happened.", _whole("x")) is None


def test_same_name_keeps_first_resolution(parser: Geoparser) -> None:
    tops = parser.find("Tarin Kowt in Uruzgan fell. Later Tarin Kowt was retaken.")
    places = [t.place for t in tops if t.text == "Tarin Kowt"]
    assert len(places) == 2 and places[0] == places[1]


# -- polygon check on Afghanistan's districts and provinces (geoBoundaries) --

def _in_ring(x: float, y: float, ring: list[list[float]]) -> bool:
    inside, j = False, len(ring) - 1
    for i in range(len(ring)):
        (xi, yi), (xj, yj) = ring[i][:2], ring[j][:2]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _inside(lon: float, lat: float, geometry: dict) -> bool:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return any(_in_ring(lon, lat, p[0]) and not any(_in_ring(lon, lat, h) for h in p[1:]) for p in polys)


def _interior(geometry: dict) -> tuple[float, float]:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    ring = max((p[0] for p in polys), key=len)
    cx, cy = sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    if _inside(cx, cy, geometry):
        return cx, cy
    xs = sorted(x1 + (cy - y1) * (x2 - x1) / (y2 - y1)
                for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1], strict=True)
                if (y1 > cy) != (y2 > cy))
    return (xs[0] + xs[1]) / 2, cy


def test_afghan_districts_and_provinces_fall_in_their_polygons(parser: Geoparser) -> None:
    adm1 = json.loads((AFG / "geoBoundaries-AFG-ADM1_simplified.geojson").read_text("utf-8"))["features"]
    adm2 = json.loads((AFG / "geoBoundaries-AFG-ADM2_simplified.geojson").read_text("utf-8"))["features"]
    provinces = {f["properties"]["shapeName"]: f["geometry"] for f in adm1}
    in_district = in_province = 0
    for f in adm2:
        x, y = _interior(f["geometry"])
        province = next(n for n, g in provinces.items() if _inside(x, y, g))
        text = f"Fighting was reported in {f['properties']['shapeName']} district of {province} province."
        place = event_place(parser.find(text), text, _whole(text))
        assert place is not None, text
        in_district += _inside(place.longitude, place.latitude, f["geometry"])
        in_province += _inside(place.longitude, place.latitude, provinces[province])
    # Measured 268/398 and 369/398: about 100 districts have no town in the bundled sources, so they get their
    # province's point; see the report. These floors guard against regressions.
    assert in_district >= 0.66 * len(adm2)
    assert in_province >= 0.92 * len(adm2)
    ok = 0
    for name, geometry in provinces.items():
        text = f"Fighting was reported in {name} province, Afghanistan."
        place = event_place(parser.find(text), text, _whole(text))
        ok += place is not None and _inside(place.longitude, place.latitude, geometry)
    # geoBoundaries spells Ghazni "Ghanzi" (a Botswana district); Kapisa's largest town lies over its border.
    assert ok >= 32


def test_myanmar_headline_subset(parser: Geoparser) -> None:
    import csv
    path = AFG.parent / "ucdp-ged-myanmar" / "myanmar.csv"
    hits = total = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["where_prec"] not in ("1", "2") or not row["source_headline"].strip():
                continue
            text = row["source_headline"]
            tops = [t for t in parser.find(text) if t.place and t.place.feature != "country"]
            if not tops:
                continue
            place = event_place(tops, text, _whole(text))
            assert place is not None
            total += 1
            if place.iso2 == "MM" and math.dist((place.latitude, place.longitude),
                                                (float(row["latitude"]), float(row["longitude"]))) < 1.5:
                hits += 1
            if total >= 300:
                break
    assert total >= 200 and hits >= 0.35 * total


# -- hand-written dev sentences and precision cases --

DEV = Path(__file__).resolve().parent / "data" / "geo_dev.jsonl"


def _same_name(a: str, b: str) -> bool:
    from frontlines.countries import fold
    from frontlines.gazetteer import skeleton
    fa, fb = fold(a), fold(b)
    return fa == fb or fa in fb or fb in fa or skeleton(fa) == skeleton(fb) != ""


def test_dev_sentences_admin1_and_country(parser: Geoparser) -> None:
    rows = [json.loads(line) for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 40 and len({r["country"] for r in rows}) >= 8
    admin_ok = country_ok = 0
    for row in rows:
        text = row["text"]
        place = event_place(parser.find(text), text, _whole(text))
        country_ok += place is not None and place.country == row["country"]
        # ACLED-style admin1 names differ from the gazetteer's ("Lower Juba" / Jubbada Hoose), so an expected
        # admin1 may match by name, by skeleton, or through the gazetteer's own admin1 lookup.
        if place is not None and place.country == row["country"]:
            if not row["admin1"]:
                admin_ok += not place.admin1 or place.feature == "country"
            else:
                alias = parser.gaz.admin1(row["admin1"], place.iso2)
                admin_ok += _same_name(place.admin1, row["admin1"]) or (
                    alias is not None and alias.name == place.admin1)
    # Measured 48/48 countries and 47/48 admin1 when written.
    assert country_ok >= 0.95 * len(rows)
    assert admin_ok >= 0.9 * len(rows)


def _resolved(parser: Geoparser, text: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.place.name, t.place.iso2) for t in parser.find(text) if t.place is not None}


def test_names_and_organisations_are_not_places(parser: Geoparser) -> None:
    text = ("Supporters of the veteran commander Ismail Khan gathered at the Baron Hotel in Kabul, and "
            "US Central Command said it was aware of the meeting.")
    assert _resolved(parser, text) == {"Kabul": ("Kabul", "AF")}
    text = "Police chief Ahmad Kamin said the checkpoints around Spin Boldak in Kandahar province were reinforced."
    assert set(_resolved(parser, text)) == {"Spin Boldak", "Kandahar"}
    text = "Militia leader Abdul Rashid Dostum met the aid worker Zemari Ahmadi in Mazar-i-Sharif, Balkh province."
    assert {iso2 for _, iso2 in _resolved(parser, text).values()} == {"AF"}


def test_fragments_and_stray_alternate_names_abroad(parser: Geoparser) -> None:
    text = "Soldiers set fire to houses near Mo Pyin village in Kayah state, a Karenni rights group said."
    got = _resolved(parser, text)
    assert all(iso2 == "MM" for _, iso2 in got.values()) and "Mo" not in got
    text = ("A bomb went off outside a clinic in the Dasht-e Barchi area of western Kabul; relatives searched "
            "the wards of the Jinnah hospital, and Washington condemned the attack.")
    tops = parser.find(text)
    assert focus_country(tops) == "AF" and parser.last_focus == "AF"
    assert {iso2 for _, iso2 in _resolved(parser, text).values()} <= {"AF", "US"}
    text = ("A US drone hit a house in the Khwaja Burgha area of Kabul, US officials said; the US military and "
            "American officials promised an inquiry.")
    tops = parser.find(text)
    assert focus_country(tops) == "AF" and parser.last_focus == "AF"
    assert _resolved(parser, text) == {"Kabul": ("Kabul", "AF")}


def test_unknown_village_in_named_country_stays_unresolved(parser: Geoparser) -> None:
    text = "Gunmen killed dozens of people in the village of Solhan in north-eastern Burkina Faso."
    tops = _by_text(parser.find(text))
    assert tops["Solhan"].place is None
    place = event_place(list(tops.values()), text, _whole(text))
    assert place is not None and place.iso2 == "BF"


def test_plural_cue_covers_a_list(parser: Geoparser) -> None:
    text = "Heavy fighting was reported in Herat, Lashkar Gah, and Kandahar provinces on Sunday."
    tops = _by_text(parser.find(text))
    places = [tops[n].place for n in ("Herat", "Lashkar Gah", "Kandahar")]
    assert all(p is not None and p.feature == "admin1" for p in places)
    assert [p.name for p in places if p] == ["Herat", "Helmand", "Kandahar"]


def test_event_place_prefers_home_over_destination_and_rivers(parser: Geoparser) -> None:
    text = "Afghan border police left their posts in Imam Sahib district and crossed the Panj river into Tajikistan."
    tops = _by_text(parser.find(text))
    assert tops["Panj"].place is None and tops["Panj"].cue == "river"
    place = event_place(list(tops.values()), text, _whole(text))
    assert place is not None and (place.name, place.admin1, place.iso2) == ("Imam Sahib", "Kunduz", "AF")


def test_focus_weights_big_places_over_repeated_small_ones(parser: Geoparser) -> None:
    text = ("A rocket struck a wedding hall in Kabul on Friday, and elders from Barchi and Solhan said most of "
            "the victims were their relatives.")
    tops = parser.find(text)
    assert parser.last_focus == "AF" and focus_country(tops) == "AF"
    assert {t.place.iso2 for t in tops if t.place} == {"AF"}


def test_the_name_as_written_beats_a_spelling_variant_abroad(parser: Geoparser) -> None:
    text = "Ukrainian forces took back Lyman on Saturday, a day after Moscow announced the annexation."
    lyman = next(t for t in parser.find(text, armies=["UA"]) if t.text == "Lyman")
    assert lyman.place is not None and lyman.place.country == "Ukraine"


def test_articled_names_and_ethnic_words(parser: Geoparser) -> None:
    text = "Fighting between Arab tribal fighters and the SDF spread to villages east of Deir ez-Zor."
    found = [(t.text, t.place.country if t.place else None) for t in parser.find(text)]
    assert found == [("Deir ez-Zor", "Syria")]
    text = "A Turkish drone struck a vehicle near Sinjar, killing two members of a Yazidi armed group."
    assert [t.text for t in parser.find(text, armies=["TR"])] == ["Sinjar"]


@pytest.mark.parametrize("sentence, district, province", [
    ("Fighting was reported in Koshki Kohna district of Herat province.", "Kushk-e Kuhnah", "Herat"),
    ("Clashes broke out in Laja Ahmad Khail district of Paktia province on Monday.", "Lajah Ahmad Khel", "Paktya"),
    ("Taliban attacked a checkpoint in Nawa district of Ghanzi province.", "Nawah", "Ghazni"),
])
def test_districts_spelled_unlike_the_gazetteer_are_found_in_their_province(
        parser: Geoparser, sentence: str, district: str, province: str) -> None:
    place = event_place(parser.find(sentence), sentence, _whole(sentence))
    assert place is not None and place.admin2 == district and place.admin1 == province
    assert place.country == "Afghanistan"


def test_headlines_in_capitals_or_title_case_still_give_their_places(parser: Geoparser) -> None:
    shouted = "PROTESTER DIES IN MYANMAR CITY OF YANGON AFTER BEING SHOT"
    tops = [t for t in parser.find(shouted) if t.place is not None and t.place.feature != "country"]
    assert [(t.text, t.place.name) for t in tops if t.place] == [("YANGON", "Yangon")]
    titled = "Deadly Junta Shelling Forces Mass Exodus From Myanmar's Historic Mrauk-U, Rakhine"
    names = {t.place.name for t in parser.find(titled) if t.place is not None}
    assert {"Mrauk U", "Rakhine"} <= names


def test_a_town_word_after_a_name_is_a_cue_and_towns_keep_their_whole_name(parser: Geoparser) -> None:
    tops = _by_text(parser.find("Fifteen Myanmar junta soldiers were killed in Monywa Town."))
    assert tops["Monywa Town"].place is not None and tops["Monywa Town"].place.name == "Monywa"
    tops = _by_text(parser.find("Shots were fired in Kansas City and Cape Town."))
    assert {t.place.name for t in tops.values() if t.place} == {"Kansas City", "Cape Town"}


def test_acled_splits_shan_and_bago_by_district_and_by_direction_words(parser: Geoparser) -> None:
    tops = _by_text(parser.find("Clashes continued in northern Shan State and near Lashio on Monday."))
    assert tops["Shan State"].place is not None and tops["Shan State"].place.admin1 == "Shan-North"
    assert tops["Lashio"].place is not None and tops["Lashio"].place.admin1 == "Shan-North"
    tops = _by_text(parser.find("Troops moved into Taunggyi in Shan State."))
    assert tops["Taunggyi"].place is not None and tops["Taunggyi"].place.admin1 == "Shan-South"


def test_dateline_and_speaking_capital_are_cued(parser: Geoparser) -> None:
    tops = parser.find("MOGADISHU (Reuters) - A bomb exploded in Kismayo. Moscow announced new sanctions.")
    assert [(t.text, t.cue) for t in tops] == [("MOGADISHU", "dateline"), ("Kismayo", ""), ("Moscow", "speaker")]
    tops = parser.find("A health official in Kunduz said 14 bodies had been brought to the hospital.")
    assert [t.cue for t in tops] == [""]
    # A country's name in a dateline may hold small words.
    tops = parser.find("BUKAVU, Democratic Republic of the Congo (Wire) - Rebels shelled Uvira on Monday.")
    assert [(t.text, t.cue) for t in tops][:1] == [("BUKAVU", "dateline")]


def test_a_town_introduced_by_its_state_is_the_town(parser: Geoparser) -> None:
    tops = _by_text(parser.find("The army shelled the Rakhine State town of Kyauktaw on Sunday."))
    assert tops["Kyauktaw"].place is not None and tops["Kyauktaw"].place.feature == "city"
    assert tops["Rakhine State"].place is not None and tops["Rakhine State"].place.feature == "admin1"
    tops = _by_text(parser.find("Jets bombed the northern Shan State city of Lashio on Sunday."))
    assert tops["Lashio"].place is not None and (tops["Lashio"].place.name, tops["Lashio"].place.admin1) == (
        "Lashio", "Shan-North")
    assert tops["Shan State"].place is not None and tops["Shan State"].place.admin1 == "Shan-North"
    tops = _by_text(parser.find("Troops raided the Kachin State capital of Myitkyina."))
    assert tops["Myitkyina"].place is not None and tops["Myitkyina"].place.name == "Myitkyina"


def test_a_quarter_is_not_a_loose_respelling_of_a_town(parser: Geoparser) -> None:
    tops = parser.find("Gunmen looted shops in the Shar-e-Naw area on Sunday night, residents of Kabul said.")
    assert [(t.text, t.place and t.place.name) for t in tops if t.place is not None] == [("Kabul", "Kabul")]
    tops = _by_text(parser.find("Police broke up a protest in the Sangin area of Helmand."))
    assert tops["Sangin"].place is not None and tops["Sangin"].place.name == "Sangin"  # spelled exactly


def test_long_names_ending_in_a_title_and_people_named_like_towns(parser: Geoparser) -> None:
    tops = _by_text(parser.find("Police defused a bomb in Dera Ismail Khan on Sunday."))
    assert tops["Dera Ismail Khan"].place is not None and tops["Dera Ismail Khan"].place.iso2 == "PK"
    text = "Teachers marched through Myitkyina on Saturday carrying portraits of Aung San Suu Kyi."
    tops = _by_text(parser.find(text))
    assert "San" not in tops and tops["Myitkyina"].place is not None and parser.last_focus == "MM"


def test_unit_words_and_brackets_name_the_right_level(parser: Geoparser) -> None:
    tops = _by_text(parser.find("Taliban fighters set up a base in Doshi district of Baghlan last week."))
    assert tops["Doshi"].place is not None and tops["Doshi"].place.feature == "admin2"
    assert tops["Baghlan"].place is not None and tops["Baghlan"].place.feature == "admin1"
    tops = parser.find("Bombs fired by M23 hit a residential area of Sake (Masisi, Nord-Kivu).")
    assert [(t.text, t.place.feature if t.place else None) for t in tops] == [
        ("Sake", "city"), ("Masisi", "admin2"), ("Nord-Kivu", "admin1")]
    tops = _by_text(parser.find("In Khwahan district on Sunday, the police chief handed his compound over."))
    assert tops["Khwahan"].place is not None and tops["Khwahan"].place.admin1 == "Badakhshan"


def test_namesakes_and_respellings_do_not_beat_the_name_as_written(parser: Geoparser) -> None:
    text = "Workers heeded the Nigeria Labour Congress strike call, marching to the National Assembly in Abuja."
    tops = _by_text(parser.find(text))
    assert tops["Abuja"].place is not None and tops["Abuja"].place.name == "Abuja"
    tops = _by_text(parser.find("Gunmen stormed a boarding school in Kagara on Wednesday."))
    assert tops["Kagara"].place is not None and tops["Kagara"].place.name == "Kagara"
    tops = _by_text(parser.find("Four Americans who drove into Matamoros were kidnapped at gunpoint."))
    assert tops["Matamoros"].place is not None and tops["Matamoros"].place.iso2 == "MX"
    tops = _by_text(parser.find("A vendor from Bihar was shot dead in Srinagar."))
    assert tops["Bihar"].place is not None and tops["Bihar"].place.feature == "admin1"
    text = "Workers of the Khuzestan Steel company rallied outside the governor's office in Ahvaz."
    tops = _by_text(parser.find(text))
    assert "Steel" not in tops and tops["Ahvaz"].place is not None


def test_shared_name_is_read_in_the_named_armed_groups_country(parser: Geoparser) -> None:
    # "Beni" is a Congolese town and (as "El Beni") a Bolivian department; the ADF points to Congo.
    text = "Suspected ADF fighters killed 14 civilians in a village outside Beni on Monday."
    tops = parser.find(text, hints=["CD"])
    assert [(t.text, t.place.iso2 if t.place else None) for t in tops] == [("Beni", "CD")]
    assert tops[0].place is not None and tops[0].place.admin1 == "Nord-Kivu"


def test_a_towns_own_name_beats_another_towns_other_name(parser: Geoparser) -> None:
    southport = parser.find("A police van was set alight in Southport on Tuesday night.")
    assert [(t.place.iso2, t.place.admin1) for t in southport if t.place] == [("GB", "England")]
    yala = parser.find("A bomb exploded near a tea shop in Yala on Tuesday.")
    assert [t.place.iso2 for t in yala if t.place] == ["TH"]
    # ... but a city ten times bigger, called by its short name, keeps it.
    matamoros = parser.find("Four Americans who drove into Matamoros were kidnapped on Friday.")
    assert [t.place.admin1 for t in matamoros if t.place] == ["Tamaulipas"]


def test_large_town_named_with_a_compass_point(parser: Geoparser) -> None:
    text = "Fighting spread across Khartoum on Sunday, and warplanes bombed RSF bases in Khartoum North."
    tops = [(t.text, t.place.name if t.place else None) for t in parser.find(text)]
    # "Khartoum" alone stays the city itself, not a short form of Khartoum North.
    assert tops == [("Khartoum", "Khartoum"), ("Khartoum North", "Khartoum North")]


def test_transliterated_long_name_is_found_without_a_country(parser: Geoparser) -> None:
    from frontlines.geospelling import letters

    assert letters("maarat al-numan") == letters("maarrat an numan") == "maratnuman"
    assert letters("spira") != letters("speyer")
    # No country is named; the spelling differs from GeoNames' only in doubled letters and the article. The
    # town is meant, not its district, although GeoNames gives the town no population.
    tops = parser.find("Warplanes struck a crowded vegetable market in Maarat al-Numan on Monday.")
    assert [(t.place.feature, t.place.admin1) for t in tops if t.place] == [("city", "Idleb")]


def test_armed_groups_home_vouches_for_another_name_of_its_town(parser: Geoparser) -> None:
    text = "Women who fled to Chad said they were raped by RSF fighters in El Geneina."
    assert [t.text for t in parser.find(text)] == ["Chad"]  # "El Geneina" is only another name of Al-Junaynah
    tops = parser.find(text, hints=["SD"])  # ... which the RSF's home country makes believable
    assert [(t.text, t.place.iso2 if t.place else None) for t in tops] == [("Chad", "TD"), ("El Geneina", "SD")]


def test_squares_and_quoted_campaign_titles_are_not_places(parser: Geoparser) -> None:
    paris = parser.find("Protesters threw stones at police at Place d'Italie in Paris on Saturday.")
    assert [(t.text, t.place.name if t.place else None) for t in paris] == [("Paris", "Paris")]
    march = parser.find("Police fire tear gas at Khan's 'Azadi march' as supporters reach Islamabad.")
    assert [t.text for t in march] == ["Islamabad"]
    assert [t.text for t in parser.find("Azadi residents fled to Ahvaz.")][:1] == ["Azadi"]


def test_a_region_name_shared_abroad_is_the_one_a_town_named_with_it_lies_in(parser: Geoparser) -> None:
    # South Africa's North-West is the bigger unit, but Babanki lies in Cameroon's.
    text = "Separatist fighters kidnapped 30 women in Big Babanki, North-West region, last week."
    tops = [(t.text, t.place.iso2, t.place.admin1) for t in parser.find(text) if t.place]
    assert tops == [("Big Babanki", "CM", "Nord-Ouest"), ("North-West", "CM", "Nord-Ouest")]
    # With nothing else to go by the bigger unit stays.
    alone = parser.find("Gunmen killed five people in the North-West region on Monday.")
    assert [t.place.iso2 for t in alone if t.place] == ["ZA"]
    # A word that points to one country counts like its demonym.
    text = "Gunmen killed five people in the North-West region on Monday, Anglophone activists said."
    assert [t.place.iso2 for t in parser.find(text) if t.place] == ["CM"]
    assert [t.place.iso2 for t in parser.find("Ambazonian fighters shot two soldiers in North-West region.")
            if t.place] == ["CM"]


def test_a_route_named_by_two_towns_gives_the_towns(parser: Geoparser) -> None:
    tops = parser.find("Bandits blew up the Abuja-Kaduna railway track on Monday.")
    assert [(t.text, t.cue, t.place.admin1 if t.place else None) for t in tops] == [
        ("Abuja", "route end", "Federal Capital Territory"), ("Kaduna", "route", "Kaduna")]
    assert all(t.place is not None and t.place.geo_precision == 2 for t in tops)
    # The town named again, or in a unit named elsewhere, is the one meant; with none, the first.
    again = parser.find("Troops defused bombs on the Maiduguri-Damboa road near Damboa.")
    assert [(t.text, t.cue) for t in again] == [("Maiduguri", "route end"), ("Damboa", "route"), ("Damboa", "near")]
    dashed = parser.find("Gunmen ambushed a convoy on the Kunduz–Baghlan road on Monday.")
    assert [(t.text, t.cue) for t in dashed] == [("Kunduz", "route"), ("Baghlan", "route end")]
    # A hyphenated name that is no route, or whose parts are not all places, is left alone.
    assert [t.text for t in parser.find("Fighting reached Mazar-i-Sharif on Monday.")] == ["Mazar-i-Sharif"]
    assert [t.text for t in parser.find("Troops cleared the Kabul-Foobaristan road.")] == []


def test_a_demonym_that_names_a_unit_abroad_votes_as_a_demonym(parser: Geoparser) -> None:
    # "Somali" is also Ethiopia's Somali region; it must not pull the article to Ethiopia.
    text = "Gunmen attacked a hotel in the southern Somali port of Kismayo late on Friday."
    assert [(t.text, t.place.admin1 if t.place else None) for t in parser.find(text)] == [("Kismayo", "Lower Juba")]


def test_a_town_named_as_the_scene_abroad_counts_when_home_is_only_a_demonym(parser: Geoparser) -> None:
    # The PKK's home and the drone's flag say Turkey, but no Turkish place is named: Sinjar is Iraq's.
    text = "A Turkish drone struck a car near Sinjar on Monday, killing two members of a PKK-linked group."
    tops = parser.find(text, hints=["TR"], armies=["TR"])
    assert [(t.text, t.place.iso2 if t.place else None) for t in tops] == [("Sinjar", "IQ")]
    # A place of the home country named in the text keeps small namesakes abroad out.
    text = "A Turkish drone struck a car near Sinjar on Monday, officials in Ankara said."
    assert [t.text for t in parser.find(text, hints=["TR"], armies=["TR"])] == ["Ankara"]


def test_a_quarter_named_after_a_province_is_not_the_province(parser: Geoparser) -> None:
    assert parser.find("A shopkeeper in the Karte Parwan district said there was no fighting.") == []
    # A district whose whole name is known, or one after a stop word, is still found.
    tops = parser.find("Fighting raged in Nad Ali district of Helmand.")
    assert [(t.text, t.place.admin1 if t.place else None) for t in tops] == [("Nad Ali", "Helmand"),
                                                                            ("Helmand", "Helmand")]

from collections.abc import Sequence

from frontlines.model import Place, Span, Toponym
from frontlines.placing import event_place, focus_country

HERAT = Place("Herat", "Afghanistan", 34.35, 62.2, 1, "AF", 4, "South Asia", "Herat", population=574300)
KABUL = Place("Kabul", "Afghanistan", 34.53, 69.17, 1, "AF", 4, "South Asia", "Kabul", population=3000000)
TEHRAN = Place("Tehran", "Iran", 35.69, 51.42, 1, "IR", 364, "Middle East", "Tehran", population=7000000)
AFGHANISTAN = Place("Afghanistan", "Afghanistan", 33.0, 65.0, 3, "AF", 4, "South Asia", feature="country")

TEXT = "Fighting in Herat. Officials in Kabul said more troops were sent. Refugees crossed into Iran."


def topo(text: str, place: Place, cue: str = "") -> Toponym:
    start = TEXT.index(text)
    return Toponym(start, start + len(text), text, place, cue)


def test_focus_country_counts_countries_double():
    assert focus_country([topo("Herat", HERAT), topo("Kabul", KABUL), topo("Iran", TEHRAN)]) == "AF"
    assert focus_country([]) is None


def test_event_place_takes_the_toponym_in_the_evidence_else_the_one_before():
    tops = [topo("Herat", HERAT), topo("Kabul", KABUL)]
    first = TEXT.index("Fighting")
    assert event_place(tops, TEXT, [Span(first, first + 18, TEXT[first:first + 18])]) == HERAT
    second = TEXT.index("Officials")
    place = event_place(tops, TEXT, [Span(second, second + 10, "Officials ")])
    assert place is not None and place.name == "Herat"  # nothing named yet in the span: the place before it


def test_near_cue_lowers_precision():
    near = event_place([topo("Herat", HERAT, cue="near")], TEXT, [Span(0, 18, TEXT[:18])])
    assert near is not None and near.geo_precision == 2


def test_acled_bracketed_town_is_the_place_and_hong_kong_is_coded_in_china() -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    pipe = Pipeline()
    text = ("On 16 February 2024, people gathered to lay flowers in memory of Alexei Navalny at the Solovetsky "
            "Stone in Moscow (Moscow, Moscow). Police detained dozens of them.")
    events = pipe.extract(Article("t", date(2024, 2, 16), text)).events
    assert [(e.sub_event_type, e.place.name if e.place else None) for e in events] == [
        ("Protest with intervention", "Moscow")]
    events = pipe.extract(Article("t", date(2021, 1, 6), "Hong Kong police arrested 53 pro-democracy "
                                  "activists in dawn raids on Wednesday.")).events
    assert events and events[0].place is not None
    assert (events[0].place.country, events[0].place.admin1, events[0].place.geo_precision) == (
        "China", "Hong Kong", 1)


def _placer_and_parser():  # type: ignore[no-untyped-def]
    from frontlines.geoparse import Geoparser
    from frontlines.placing import EventPlacer

    parser = Geoparser()
    return EventPlacer(parser.gaz), parser


def _place_in(sentence: str, text: str, country: str = "",
              placed: Sequence[tuple[int, int, Place]] = ()) -> Place | None:
    placer, parser = _placer_and_parser()
    tops = parser.find(text)
    start = text.index(sentence)
    country = country or focus_country(tops) or ""
    place, _ = placer.place(tops, text, start, start + len(sentence), country, start, start + len(sentence),
                            placed=placed)
    return place


def test_a_dateline_is_where_the_report_was_filed_not_the_event() -> None:
    text = "KABUL, Afghanistan (AP) — Gunmen attacked a police checkpoint in Herat on Sunday, officials said."
    place = _place_in(text, text)
    assert place is not None and place.name == "Herat"
    text = "BAMAKO — Gunmen attacked a police checkpoint on Sunday, officials said."
    place = _place_in(text, text)
    assert place is not None and place.name == "Bamako"  # the text names nothing else


def test_the_capital_is_the_countrys_capital() -> None:
    text = "Gunfire was heard in the Somali capital on Monday as troops clashed with a clan militia."
    place = _place_in(text, text)
    assert place is not None and (place.name, place.geo_precision) == ("Mogadishu", 1)
    text = "Two car bombs exploded in the Somali capital on Saturday. The second went off minutes later."
    place = _place_in("The second went off minutes later.", text, country="SO")
    assert place is not None and place.name == "Mogadishu"


def test_a_sentence_without_a_place_takes_the_main_place_of_the_one_before() -> None:
    text = ("On Monday Aibak, the capital of Samangan province, was handed over to the Taliban. "
            "The governor's compound was handed over at midday.")
    place = _place_in("The governor's compound was handed over at midday.", text)
    assert place is not None and place.name == "Aibak"
    text = "BLA fighters attacked a camp in Panjgur (Balochistan). Four soldiers were killed."
    place = _place_in("Four soldiers were killed.", text)
    assert place is not None and place.name == "Panjgur"


def test_reference_towns_origins_speakers_and_landmarks_give_way() -> None:
    text = "Government forces and Houthi fighters clashed in the Harib district south of Marib on Sunday."
    place = _place_in(text, text)
    assert place is not None and place.name == "Harib"
    text = "A street vendor from Bihar was shot dead by militants in Srinagar on Saturday."
    place = _place_in(text, text)
    assert place is not None and place.name == "Srinagar"
    text = "Ukrainian forces took back Lyman on Saturday, a day after Moscow announced the annexation."
    place = _place_in(text, text, country="UA")
    assert place is not None and place.admin1 == "Donetsk"
    text = "Thousands of farmers drove tractors to the Brandenburg Gate in Berlin on Monday."
    place = _place_in(text, text)
    assert place is not None and place.admin1 == "Berlin"


def test_shells_fired_into_a_district_land_there() -> None:
    text = "Pakistani forces fired rockets across the border into Dangam district of Kunar on Friday."
    place = _place_in(text, text)
    assert place is not None and place.name == "Dangam"


def test_the_city_stays_on_the_town_under_discussion() -> None:
    text = ("Street fighting raged in Lashkar Gah, the capital of Helmand province. Aircraft struck Taliban "
            "positions in the city, a spokesman for US forces in Afghanistan said. Helmand's council head said "
            "several districts of the city had fallen and families had fled to nearby areas or to Kandahar.")
    for sentence in ("Aircraft struck Taliban positions in the city, a spokesman for US forces in Afghanistan said.",
                     "Helmand's council head said several districts of the city had fallen and families had fled "
                     "to nearby areas or to Kandahar."):
        place = _place_in(sentence, text)
        assert place is not None and place.name == "Lashkar Gah"


def test_border_of_two_districts_is_coded_at_the_first() -> None:
    text = "Troops were killed in the forests on the border of Bijapur and Sukma districts on Saturday."
    bijapur = Place("Bijapur", "India", 18.79, 80.82, 2, "IN", 356, "South Asia", "Chhattisgarh", feature="admin2")
    sukma = Place("Sukma", "India", 18.33, 81.63, 2, "IN", 356, "South Asia", "Chhattisgarh", feature="admin2")
    tops = [Toponym(text.index(n), text.index(n) + len(n), n, p, "districts")
            for n, p in (("Bijapur", bijapur), ("Sukma", sukma))]
    assert event_place(tops, text, [Span(0, len(text), text)]) == bijapur
    # "on the border with X" still names where people went, not the scene.
    text2 = "Troops clashed in Sukma near the border with Bijapur."
    tops2 = [Toponym(text2.index(n), text2.index(n) + len(n), n, p, "")
             for n, p in (("Sukma", sukma), ("Bijapur", bijapur))]
    assert event_place(tops2, text2, [Span(0, len(text2), text2)]) == sukma


def test_name_joined_to_another_by_a_particle_is_a_landmark() -> None:
    text = "Protesters daubed graffiti on the Arc de Triomphe in Paris on Saturday."
    arc = Place("Saint-Jean-de-Maurienne", "France", 45.28, 6.35, 1, "FR", 250, "Europe", "Auvergne-Rhone-Alpes")
    paris = Place("Paris", "France", 48.85, 2.35, 1, "FR", 250, "Europe", "Ile-de-France", population=2138551)
    tops = [Toponym(text.index(n), text.index(n) + len(n), n, p, "") for n, p in (("Arc", arc), ("Paris", paris))]
    assert event_place(tops, text, [Span(0, len(text), text)]) == paris


def test_town_named_like_its_province_yields_to_another_town_of_it() -> None:
    text = "In Baghlan, commandos repulsed a Taliban assault on the outskirts of Pul-e Khumri overnight."
    baghlan = Place("Baghlan", "Afghanistan", 36.13, 68.71, 1, "AF", 4, "South Asia", "Baghlan", population=108449)
    pul = Place("Pul-e Khumri", "Afghanistan", 35.94, 68.72, 1, "AF", 4, "South Asia", "Baghlan", population=56369)
    tops = [Toponym(text.index("Baghlan"), text.index("Baghlan") + 7, "Baghlan", baghlan, ""),
            Toponym(text.index("Pul-e"), text.index("Pul-e") + 12, "Pul-e Khumri", pul, "near")]
    place = event_place(tops, text, [Span(0, len(text), text)])
    assert place is not None and place.name == "Pul-e Khumri"
    # A great city named like its region is meant as itself.
    text2 = "Protesters were shot dead in Yangon's Hlaingthaya township on Sunday."
    yangon = Place("Yangon", "Myanmar", 16.81, 96.16, 1, "MM", 104, "Southeast Asia", "Yangon", population=4477638)
    hlaing = Place("Hlaingthaya", "Myanmar", 16.85, 96.07, 1, "MM", 104, "Southeast Asia", "Yangon", population=0)
    tops2 = [Toponym(text2.index("Yangon"), text2.index("Yangon") + 6, "Yangon", yangon, ""),
             Toponym(text2.index("Hlaing"), text2.index("Hlaing") + 11, "Hlaingthaya", hlaing, "")]
    assert event_place(tops2, text2, [Span(0, len(text2), text2)]) == yangon


def test_a_place_named_beside_a_route_beats_the_towns_it_is_named_by() -> None:
    text = "A bomb tore through a bus on the Kandahar-Herat highway in Farah province on Sunday."
    kandahar = Place("Kandahar", "Afghanistan", 31.6, 65.7, 2, "AF", 4, "South Asia", "Kandahar", population=391000)
    herat = Place("Herat", "Afghanistan", 34.35, 62.2, 2, "AF", 4, "South Asia", "Herat", population=574300)
    farah = Place("Farah", "Afghanistan", 32.4, 62.1, 3, "AF", 4, "South Asia", "Farah", feature="admin1")

    def at(name: str, place: Place, cue: str = "") -> Toponym:
        start = text.index(name)
        return Toponym(start, start + len(name), name, place, cue)

    tops = [at("Kandahar", kandahar, "route"), at("Herat", herat, "route end"), at("Farah", farah, "province")]
    assert event_place(tops, text, [Span(0, len(text), text)]) == farah
    # With nothing else named, the route's chosen town, not its far end.
    assert event_place(tops[:2][::-1], text, [Span(0, len(text), text)]) == kandahar


def test_neighbours_flight_destinations_and_speakers_places_give_way() -> None:
    text = "In Zabul province, which borders Kandahar, a roadside bomb hit a police pickup near Qalat on Tuesday."
    place = _place_in(text, text)
    assert place is not None and place.name == "Qalat"
    text = ("Taliban fighters captured Spin Boldak on Wednesday. A senior Kandahar official said troops had "
            "withdrawn. Aircraft struck positions around the town's bazaar, according to residents who fled "
            "across the border into Chaman.")
    place = _place_in("Aircraft struck positions around the town's bazaar, according to residents who fled "
                      "across the border into Chaman.", text, country="AF")
    assert place is not None and place.name == "Spin Boldak"
    text = "Police fired tear gas at farmers trying to march to New Delhi at a crossing in Punjab on Tuesday."
    place = _place_in(text, text)
    assert place is not None and place.admin1 == "Punjab"


def test_the_place_under_discussion_is_where_the_last_sentence_s_event_was() -> None:
    first = ("Rebels tightened their grip on Bunia on Tuesday, as crowds in the capital Kinshasa attacked "
             "foreign embassies.")
    later = "The fighters walked into the city centre early on Monday."
    text = first + " " + later
    placer, parser = _placer_and_parser()
    bunia = next(t.place for t in parser.find(text) if t.text == "Bunia")
    assert bunia is not None
    # With no event placed in the sentence, the later of two towns is the newer topic ...
    place = _place_in(later, text)
    assert place is not None and place.name == "Kinshasa"
    # ... but a sentence whose event was placed goes on speaking of that place.
    place = _place_in(later, text, placed=[(0, len(first), bunia)])
    assert place is not None and place.name == "Bunia"
    # "... Pul-e Khumri, which lies on the highway linking Kabul to the north": likewise.
    text = ("Fighting broke out on the outskirts of Pul-e Khumri, which lies on the main highway linking "
            "Kabul to the north. A police spokesman said security forces had pushed back the attackers.")
    first = text[:text.index(" A police")]
    pul = next(t.place for t in parser.find(text) if t.text == "Pul-e Khumri")
    assert pul is not None
    place = _place_in("A police spokesman said security forces had pushed back the attackers.", text,
                      placed=[(0, len(first), pul)])
    assert place is not None and place.name == "Pul-e Khumri"


def test_a_town_giving_the_bearing_of_a_place_in_another_province_is_not_the_place() -> None:
    text = "Rebels say they hold all of Kunar province, but the fighting in the hills east of Jalalabad goes on."
    place = _place_in(text, text)
    assert place is not None and place.admin1 == "Kunar"
    # Inside the same province the town measured from is the nearest place ACLED codes.
    text = "Rebels attacked a post in Helmand province, 20 km north of Lashkar Gah, on Sunday."
    place = _place_in(text, text)
    assert place is not None and place.name == "Lashkar Gah"


def test_where_someone_spoke_is_not_the_place_under_discussion() -> None:
    text = ("Taliban fighters captured Qalat on Monday, officials said. The group's spokesman told a news "
            "conference in Kabul that resistance had ended. Heavy fighting went on in the hills on Tuesday.")
    place = _place_in("Heavy fighting went on in the hills on Tuesday.", text)
    assert place is not None and place.name == "Qalat"


def test_where_troops_fell_back_to_is_not_where_it_happened() -> None:
    text = ("Rebels overran Qalat on Wednesday. Officials said nine soldiers were killed and the survivors "
            "pulled back towards Shahjoy on the highway to Kandahar.")
    sentence = text[text.index("Officials"):]
    place = _place_in(sentence, text)
    assert place is not None and place.name == "Qalat"


def test_an_event_placed_abroad_stays_under_discussion() -> None:
    text = ("Taliban fighters captured Islam Qala on Wednesday. Across the border, hundreds of traders "
            "protested in Taybad on Thursday. The rally ended peacefully in the evening.")
    placer, parser = _placer_and_parser()
    taybad = next(t.place for t in parser.find(text) if t.text == "Taybad")
    assert taybad is not None
    a = text.index("Across")
    b = text.index(" The rally")
    place = _place_in("The rally ended peacefully in the evening.", text, country="AF", placed=[(a, b, taybad)])
    assert place is not None and place.name == "Taybad"


def test_a_speaking_capital_is_the_place_only_as_a_last_resort() -> None:
    text = ("Russia said its forces had taken full control of Avdiivka on Saturday. Moscow said more than "
            "1,500 Ukrainian troops had been killed in the last day of the battle.")
    sentence = text[text.index("Moscow"):]
    place = _place_in(sentence, text, country="UA")
    assert place is not None and place.admin1 == "Donetsk"
    # With nothing else named, the speaker is all there is.
    text = "Moscow said more than 1,500 Ukrainian troops had been killed in the last day of fighting."
    place = _place_in(text, text)
    assert place is not None and place.name == "Moscow"


def test_where_a_road_leads_is_not_the_place_on_it() -> None:
    text = ("Ghazni, 150km south-west of Kabul on the main highway to Kandahar, was also taken on Thursday. "
            "Fighters raised their flag over the governor's compound.")
    place = _place_in("Fighters raised their flag over the governor's compound.", text, country="AF")
    assert place is not None and place.name == "Ghazni"
    text = "Taliban fighters overran Ghazni on the road to Kabul on Thursday."
    place = _place_in(text, text)
    assert place is not None and place.name == "Ghazni"
    text = "Gunmen attacked a convoy outside Pul-e Khumri, on the highway linking Kabul to the north."
    place = _place_in(text, text)
    assert place is not None and place.name == "Pul-e Khumri"
    # With no other place named, a clash on the road to a town is coded at that town.
    text = "The cartel clashed with a rival group on the road to Apatzingan on Sunday."
    place = _place_in(text, text)
    assert place is not None and place.name.startswith("Apatzing")


def test_the_town_forces_were_sent_from_is_not_where_they_fought() -> None:
    text = ("Taliban fighters stormed Qala-i-Naw on Wednesday. Reinforcements flown in from Herat "
            "counter-attacked on Thursday and retook the prison.")
    sentence = text[text.index("Reinforcements"):]
    place = _place_in(sentence, text, country="AF")
    assert place is not None and place.admin1 == "Badghis"


def test_on_the_road_between_two_towns_the_smaller_is_the_place() -> None:
    text = "Four soldiers were killed when their vehicle struck a mine on the road between Gao and Ansongo."
    place = _place_in(text, text)
    assert place is not None and place.name == "Ansongo"
    text = "A roadside bomb tore through a minibus on the road between Ghazni and Kandahar on Tuesday."
    place = _place_in(text, text)
    assert place is not None and place.name == "Ghazni"

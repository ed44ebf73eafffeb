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

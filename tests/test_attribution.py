from datetime import date

from frontlines.attribution import sources_of
from frontlines.model import Article
from frontlines.nlp import sentences


def sentence(text: str):
    return next(sentences([text]))[0]


def test_outlets_and_named_sources():
    s = sentence("In Herat, a Tolo News reporter said clashes had intensified, according to one Kandahar MP.")
    got = sources_of(Article("a", date(2021, 7, 31), s.text, source="Wire"), s)
    assert got == ("Wire", "Tolo News", "Kandahar MP")


def test_relayed_outlet_stands_in_when_the_article_has_none():
    s = sentence("Fighting continued in the city.")
    assert sources_of(Article("a", date(2021, 7, 31), s.text), s, ("BBC",)) == ("BBC",)
    assert sources_of(Article("a", date(2021, 7, 31), s.text), s) == ()


def _actor1(text: str, on: date) -> list[str]:
    from frontlines.pipeline import Pipeline

    ex = Pipeline().extract(Article("a", on, text))
    return [e.actor1.name for e in ex.events if e.actor1 is not None]


def test_a_later_claim_names_the_perpetrator():
    text = ("On 21 April 2022, a bomb planted inside a Shia mosque in Mazar-e Sharif exploded during prayers, "
            "killing 31 worshippers. IS claimed the bombing.")
    assert _actor1(text, date(2022, 4, 22)) == ["Islamic State (Afghanistan)"]


def test_blame_names_the_doer_of_a_strike_presumed_to_be_the_states():
    text = ("Drones hit a fuel depot near Port Sudan on Sunday, the army said. It blamed the RSF; no casualties "
            "were reported.")
    assert _actor1(text, date(2025, 5, 5)) == ["Rapid Support Forces"]


def test_a_claim_outweighs_an_earlier_blame():
    text = ("A bomb exploded in a church in Kasindi during a Sunday service, killing 14 worshippers; the army "
            "blamed the ADF. Islamic State later claimed the blast.")
    assert _actor1(text, date(2023, 1, 16))[0] == "Islamic State (Central Africa)"

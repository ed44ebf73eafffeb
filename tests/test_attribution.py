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

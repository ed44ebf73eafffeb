"""The article-level reading of place: the article's main country and the place of one event.

Split from ``geoparse`` (which finds and resolves toponyms) because these functions work on its output only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from frontlines.countries import country_by_iso2, fold, lookup_country
from frontlines.gazetteer import Gazetteer
from frontlines.model import Place, Span, Toponym

_PARAGRAPH = re.compile(r"\n\s*\n")
_BIG = 1_000_000  # a city this size is named in the news by itself


def _weight(place: Place) -> float:
    """How much one resolved mention says about the article's country."""
    if place.feature == "country":
        return 3.0
    if place.feature == "admin1":
        return 3.0 if place.population >= _BIG else 2.0
    if place.population >= _BIG:
        return 3.0
    return 2.0 if place.population >= 100000 else 1.0


def focus_country(toponyms: Sequence[Toponym]) -> str | None:
    """The iso2 of the article's main country: a vote of its resolved mentions, each weighted by how telling
    it is (a country or a large city or province counts more than a village); ties go to the first named."""
    votes: dict[str, float] = {}
    for t in toponyms:
        if t.place is not None and t.place.iso2:
            # "a day after Moscow announced ...": the speaking capital says little of where the story is.
            share = 0.3 if t.cue == "speaker" else 1.0
            votes[t.place.iso2] = votes.get(t.place.iso2, 0.0) + share * _weight(t.place)
    return max(votes, key=lambda k: votes[k]) if votes else None


# "Into" marks a destination only after a verb of people moving: shells "fired into Dangam district" land there.
# "Zabul province, which borders Kandahar": a neighbour named to situate a place is not where it happened; nor is
# a goal not reached ("farmers trying to march to New Delhi").
_DIRECTION = re.compile(r"\b(?:(?:cross(?:ed|ing|es)?|fled|flee(?:ing|s)?|escap(?:ed|ing)|mov(?:ed|ing)|"
                        r"retreat(?:ed|ing)|withdr(?:ew|awn)|spill(?:ed|ing)\s+over|pushed\s+back)(?:\s+\w+){0,3}"
                        r"\s+into|towards?|(?:fled|flee(?:ing|s)?|escap(?:ed|ing))\b[^.;]{0,40}?\bto|"
                        r"border\s+with|crossings?\s+with|border\s+of|(?:which|that)\s+borders|bordering|fled\s+to|"
                        r"(?:coming|arriving|travelling|traveling|returning|imported)\s+from|"
                        r"(?:trying|attempting|seeking|hoping|planning|vow(?:ed|ing))\s+to\s+(?:march|travel|drive|"
                        r"walk|go|head|reach|enter)(?:\s+(?:on|to|towards?|into))?|head(?:ed|ing)\s+(?:to|for)|"
                        r"on\s+(?:their|its|the)\s+way\s+to)\s+(?:the\s+)?$",
                        re.IGNORECASE)
# Where people went: "residents who fled across the border into Chaman", "the survivors fell back towards
# Takhta Pul on the road to Kandahar" (a clash "on the road to Apatzingan" is still coded there).
_GONE_TO = re.compile(r"\b(?:fled|flee(?:ing|s)?|escap(?:ed|ing)|(?:fell|falling|pulled|pulling)\s+back|"
                      r"withdr(?:ew|awn|awing)|retreat(?:ed|ing))\b[^.;]{0,40}?\b(?:to|towards?|into)"
                      r"(?:\s+(?:the\s+)?(?:district|town|city|village)\s+of)?\s+(?:the\s+)?$", re.IGNORECASE)
# "on the border of Bijapur and Sukma districts": the first of two neighbours is where it happened.
_SHARED_BORDER = re.compile(r"\bborders?\s+(?:of|between)\s+(?:the\s+)?$", re.IGNORECASE)
# "A street vendor from Bihar was shot dead in Srinagar": an origin yields to a place named otherwise.
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
# "the Brandenburg Gate in Berlin", "Galle Face Green": a name that heads another name is a landmark's name.
# "the Arc de Triomphe in Paris": so does one joined to another name by a particle.
_NAME_AFTER = re.compile(r"^ (?:(?:de|du|des|del|della|di|la|le) )?(?!(?:Province|District|State|City|Region|"
                         r"Governorate|County|Township|Town|Division|Oblast|Valley|Area)\b)[A-Z][a-z]")
# "a senior Kandahar official", "Herat police said": a place that qualifies who speaks.
_OFFICIAL_AFTER = re.compile(r"(?:'s|’s)?\s+(?:provincial\s+|district\s+|local\s+|police\s+|security\s+)?"
                             r"(?:officials?|authorities|governor|spokes(?:man|woman|person)|police)\b(?!\s+(?:station|"
                             r"headquarters|post|checkpoint|compound|office))")
_SPECIFIC = {"city": 0.0, "other": 0.0, "admin2": 1.0, "admin1": 2.0, "country": 3.0}


_ADMIN_BRACKET = re.compile(r"(?:\s+(?:city|town|village|district|township))?\s*\((?:[A-Z][\w'’ .-]*)"
                            r"(?:,\s*[A-Z][\w'’ .-]*){0,2}\)")


def _bracketed(t: Toponym, text: str) -> bool:
    """ACLED's own way of naming the event's place: "Moscow (Moscow, Moscow)", "Kushk district (Herat)"; a town
    given with its admin units is where the event happened."""
    return t.place is not None and t.place.feature != "country" and bool(_ADMIN_BRACKET.match(text, t.end))


_ROAD_BETWEEN = re.compile(r"\b(?:roads?|highways?|routes?|stretch)\s+between\s+(?:the\s+)?$", re.IGNORECASE)


def _larger_road_end(t: Toponym, others: Sequence[Toponym], text: str) -> bool:
    """Whether ``t`` is the larger of the two towns "the road between X and Y" is named by: the event is placed
    at the smaller (a bomb "on the road between Gao and Ansongo" is coded at Ansongo)."""
    if t.place is None or t.place.feature != "city":
        return False
    for u in others:
        if u is t or u.place is None or u.place.feature != "city":
            continue
        first, second = (t, u) if t.start < u.start else (u, t)
        if re.fullmatch(r" and (?:the )?", text[first.end:second.start]) and \
                _ROAD_BETWEEN.search(text[max(0, first.start - 40):first.start]):
            return t.place.population > u.place.population
    return False


def _demoted(t: Toponym, text: str, others: Sequence[Toponym] = ()) -> int:
    """How rarely a mention names the scene when another place is at hand: a speaking capital, an origin, a
    name that only qualifies another name, a town a route is named by ("the Kandahar-Herat highway in Farah
    province") rank after the ordinary mentions (1), and the far end of a route after the near one (2)."""
    if t.cue == "route end":
        return 2
    return int(t.cue in ("speaker", "route") or bool(_ORIGIN.search(text[max(0, t.start - 12):t.start])) or
               bool(_NAME_AFTER.match(text[t.end:t.end + 20])) or _spoken_at(t, text) or
               bool(_ROAD_TO.search(text[max(0, t.start - 60):t.start])) or _larger_road_end(t, others, text))


# "Ghazni on the road to Kabul", "Ghazni, ... on the main highway to Kandahar", "Pul-e Khumri, which lies on the
# highway linking Kabul to the north": where a road leads, not where the place on it is.
_ROAD_TO = re.compile(r"\b(?:roads?|highways?|routes?|motorways?|expressways?)\s+(?:(?:leading\s+)?(?:to|towards?)|"
                      r"(?:linking|connecting|joining)(?:\s+(?:the\s+)?[A-Z][\w'’-]*){0,3}(?:\s+(?:to|with|and))?)"
                      r"\s+(?:the\s+)?$")


# "Mujahid told a news conference in Kabul": where someone spoke, not where the fighting he spoke of was.
_SPOKEN_AT = re.compile(r"\b(?:(?:news|press)\s+conference|briefing|told\s+(?:reporters|journalists)|speaking|spoke|"
                        r"said)\s+(?:(?:later|there|on\s+[A-Z][a-z]+)\s+)?in\s+(?:the\s+)?$", re.IGNORECASE)


def _spoken_at(t: Toponym, text: str) -> bool:
    return bool(_SPOKEN_AT.search(text[max(0, t.start - 45):t.start]))


def _reference(t: Toponym, others: Sequence[Toponym], text: str) -> bool:
    """Whether ``t`` is a "near"/"N km south of" reference point for a town or district named just before
    it in the same clause."""
    if t.cue != "near" or t.place is None:
        return False
    # "the Maiduguri-Damboa road near Damboa": a town a route is named by is not the place measured from.
    if any(u.place is not None and u.place.feature in ("city", "admin2") and u.end <= t.start
           and u.cue not in ("route", "route end")
           and t.start - u.end <= 45 and not re.search(r"[.;:!?]", text[u.end:t.start]) for u in others):
        return True
    # "Panjshir, ... the mountainous valley north of Kabul": a town that only gives the bearing of a place
    # in another province is not where things happen there.
    return bool(_BEARING.search(text[max(0, t.start - 40):t.start])) and any(
        u is not t and u.place is not None and u.place.feature != "country" and u.place.iso2 == t.place.iso2
        and u.place.admin1 and u.place.admin1 != t.place.admin1 and u.cue not in ("route", "route end", "near")
        for u in others)


_BEARING = re.compile(r"\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?|"
                      r"(?:km|kms|kilometres|kilometers|miles|mi))\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _province_town(t: Toponym, others: Sequence[Toponym]) -> bool:
    """Whether ``t`` is a town named like its province ("In Baghlan, ... the outskirts of Pul-e Khumri", "Former
    Balkh governor ... defend Mazar-e Sharif") beside another town of that province: the bare name then
    stands for the province, and the other town is the place; a great city ("Yangon's Hlaingthaya township")
    is meant as itself."""
    p = t.place
    if p is None or p.feature != "city" or t.cue or p.population >= _BIG or fold(t.text) != fold(p.admin1):
        return False
    return any(u is not t and u.place is not None and u.place.feature == "city" and u.place.iso2 == p.iso2
               and u.place.admin1 == p.admin1 and fold(u.text) != fold(t.text) for u in others)


def _specificity(t: Toponym) -> float:
    if t.place is None:
        return 9.0
    return _SPECIFIC.get(t.place.feature, 0.0)


def _rank(t: Toponym, text: str, others: Sequence[Toponym] = ()) -> tuple[bool, int, float, int]:
    """Sort key of the candidates for an event's place: ACLED's bracketed town first, then ordinary
    mentions before demoted ones, the most specific unit, the first named."""
    return (not _bracketed(t, text), _demoted(t, text, others), _specificity(t), t.start)


def _final(t: Toponym) -> Place:
    assert t.place is not None
    place = t.place
    if t.cue == "near" and place.geo_precision < 2:
        place = replace(place, geo_precision=2)
    return place


def event_place(toponyms: Sequence[Toponym], text: str, evidence: Sequence[Span]) -> Place | None:
    """The place an event happened: a mention inside its evidence (in the article's country if one is, then
    the most specific), else the nearest one before it in the same paragraph, else the article's focus place
    at region precision."""
    found = [t for t in toponyms if t.place is not None]
    if not found:
        return None
    # "on the border with Uganda", "crossed into Tajikistan": where people went, not where it happened.
    settled = [t for t in found if not _DIRECTION.search(text[max(0, t.start - 45):t.start])
               or _SHARED_BORDER.search(text[max(0, t.start - 20):t.start]) and text.startswith(" and ", t.end)]
    settled = settled or found
    focus = focus_country(settled)
    if evidence:
        inside = [t for t in settled if any(t.start < sp.end and sp.start < t.end for sp in evidence)]
        # "left Imam Sahib district and crossed the river into Tajikistan" happened in Afghanistan.
        inside = [t for t in inside if t.place is not None and t.place.iso2 == focus] or inside
        # "Harib district south of Marib", "Kawlin, a town 70km north of Kanbalu": a town the named place is
        # measured from is only the place when the named one is unknown.
        inside = [t for t in inside if not _reference(t, inside, text)] or inside
        inside = [t for t in inside if not _province_town(t, inside)] or inside
        if inside:
            return _final(min(inside, key=lambda t: _rank(t, text, inside)))
        first = min(sp.start for sp in evidence)
        para_start = 0
        for m in _PARAGRAPH.finditer(text, 0, max(first, 0)):
            para_start = m.end()
        before = [t for t in found if para_start <= t.start < first]
        if before:
            return _final(max(before, key=lambda t: t.start))
    in_focus = [t for t in found if t.place is not None and t.place.iso2 == focus] or found
    chosen = in_focus[0].place
    assert chosen is not None
    return replace(chosen, geo_precision=3)


class EventPlacer:
    """The place of one event in a sentence, from the article's resolved toponyms."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def place(self, toponyms: Sequence[Toponym], text: str, sent_start: int, sent_end: int, country: str,
              lo: int, hi: int, national: bool = False,
              placed: Sequence[tuple[int, int, Place]] = (), host: str = "") -> tuple[Place | None, bool]:
        """The event's place and whether the sentence only speaks of a whole country.

        The stretch of the sentence belonging to this event (``lo``..``hi``) is searched first, then the whole
        sentence, then the place under discussion in the previous sentences, then the country's capital. A
        dateline ("KABUL, Afghanistan (AP) —") says where the report was filed, so it is the place only when
        the text names nothing else. ``placed`` holds the earlier sentences (start, end) and the place their
        events were given. ``host`` is the country a national decision is taken for when it is not the one
        named ("the ceasefire between Israel and Hezbollah" is Lebanon's)."""
        located = [t for t in toponyms if t.cue != "dateline"]
        found, country_wide = self._place(located, text, sent_start, sent_end, country, lo, hi, national, placed,
                                          host)
        if found is not None:
            return found, country_wide
        filed = [t for t in toponyms if t.cue == "dateline" and t.place is not None
                 and t.place.feature != "country" and (not country or t.place.iso2 == country)]
        if filed:
            return filed[0].place, False
        return found, country_wide

    def _place(self, toponyms: Sequence[Toponym], text: str, sent_start: int, sent_end: int, country: str,
               lo: int, hi: int, national: bool,
               placed: Sequence[tuple[int, int, Place]], host: str = "") -> tuple[Place | None, bool]:
        local = [t for t in toponyms if sent_start <= t.start < sent_end and t.place is not None]
        if any(t.start < sent_start and t.place is not None for t in toponyms):
            # "... struck positions around the town's bazaar, according to residents who fled across the border
            # into Chaman": where people went is not where it happened; the place under discussion is.
            local = [t for t in local if not _GONE_TO.search(text[max(sent_start, t.start - 60):t.start])]
        own = [t for t in local if lo <= t.start < hi]
        if not own:
            # The event's stretch names no place ("... and 300 boys are missing"): the sentence's places
            # compete as a whole, so "Kankara, Katsina state" still gives the town.
            own, lo, hi = local, sent_start, sent_end
        # A place in the focus country is preferred to one abroad, but a country's own name ("crossed into
        # Tajikistan", "Rwanda's military said") does not count as a place there.
        specific = [t for t in own if t.place is not None and t.place.feature != "country"
                    and (not country or t.place.iso2 == country or not any(
                        x.place is not None and x.place.iso2 == country and x.place.feature != "country"
                        for x in own))]
        anaphoric = bool(_ANAPHOR.search(text, lo, hi))
        if specific and all(t.cue == "speaker" or _MOVED_FROM.search(text[max(0, t.start - 40):t.start])
                            for t in specific) and _earlier_place(toponyms, text, sent_start,
                                                                                     country, placed):
            # "Avdiivka ... Moscow said more than 1,500 Ukrainian troops had been killed in the battle": a
            # capital speaking for its government is the place only when the paragraph and the events before
            # name none.
            # Likewise the town forces were sent from ("Reinforcements flown in from Herat counter-attacked").
            gone = {t.start for t in specific}
            toponyms = [t for t in toponyms if t.cue != "speaker" and t.start not in gone]
            own = [t for t in own if t.start not in gone]
            specific = []
        if specific:
            place = event_place(specific, text, [Span(lo, hi, text[lo:hi])]) or specific[0].place
            if place is not None and place.feature == "admin1" and anaphoric:
                # "Helmand's council head said several districts of the city had fallen": the city under
                # discussion, inside that province.
                town = _recent_town(toponyms, sent_start, place)
                place = town or place
            return place, False
        if own and anaphoric and all(t.place is not None and t.place.feature == "country" for t in own):
            own = []  # "strikes on positions in the city, a spokesman for US forces in Afghanistan said"
        if own and all(t.place is not None and t.place.feature == "country" for t in own):
            city = self._city_state(own)
            if city is not None:
                return city, False  # "Hong Kong police arrested 53 activists": the territory is its city
            if _CAPITAL.search(text, sent_start, sent_end) and country:
                capital = self._capital(country, precision=1)
                if capital is not None:
                    return capital, False  # "protesters marched in the Sudanese capital"
            if national and country and not _SPREAD.search(text, sent_start, sent_end):
                # "The ceasefire between Israel and Hezbollah took hold": a state named only as a party to a
                # deal with a group from abroad; the deal is coded in the group's country, at its capital.
                capital = host and self._capital(host) or self._capital(country)
                if capital is not None:
                    return capital, False  # "a truce between Yemen's warring parties took effect": a national deal
            # "half of Afghanistan's land", "cities in southern Afghanistan": a country-wide statement.
            focus = next((t.place for t in own if t.place is not None and t.place.iso2 == country), None)
            return focus or own[0].place, True
        said_capital = _CAPITAL.search(text, sent_start, sent_end)
        if said_capital:
            # "shaking the capital", "in the Somali capital": the country's capital, even if the report
            # spoke of another town before; "the Sudanese capital" names the country itself.
            capital = self._capital(_demonym_country(said_capital.group(0)) or country or _demonym_country(
                text[sent_start:sent_end]), precision=1)
            if capital is not None:
                return capital, False
        # The sentence names no usable place ("the city", "near the airport"): the place under discussion is
        # the last specific one named before it in the same country (reports stay on a place until they name
        # another one).
        recent = [t for t in toponyms if t.start < sent_start and t.place is not None
                  and t.place.feature != "country" and (not country or t.place.iso2 == country)]
        # "Across the frontier, traders gathered at the Chaman gate ... The sit-in broke up peacefully": an
        # event placed abroad after the last place at home is named is still the one spoken of.
        abroad = [(a, p) for a, b, p in placed if b <= sent_start and p.feature != "country" and p.iso2 != country
                  and any(a <= t.start < b and t.place == p for t in toponyms)]
        if country and abroad and (not recent or abroad[-1][0] > recent[-1].start):
            return abroad[-1][1], False
        capitals = list(_CAPITAL.finditer(text, 0, sent_start))
        if capitals and (not recent or capitals[-1].start() > recent[-1].start):
            # "... two car bombs exploded in the Somali capital. The first blast struck ...": the capital
            # is still the place under discussion.
            capital = self._capital(_demonym_country(capitals[-1].group(0)) or country, precision=1)
            if capital is not None:
                return capital, False
        if recent:
            return _last_named(recent, text, placed), False
        later = [t for t in toponyms if t.start >= sent_end and t.place is not None
                 and t.place.feature != "country" and (not country or t.place.iso2 == country)]
        if later:
            # "The city is in mourning. ... families spent the night at hospitals across Kabul": a report
            # may name its city only after the event.
            return later[0].place, False
        # Only a country the text names as a place may stand in: a demonym ("Russian warplanes struck ...")
        # says who acted, not where.
        if any(t.place is not None and t.place.feature == "country" and t.place.iso2 == country for t in toponyms):
            return self._capital(country), False
        if national and country and not any(t.place is not None for t in toponyms):
            # "A ceasefire between the government and the ELN came into force": a national decision with no
            # place named is coded at the capital, with region precision.
            return self._capital(country), False
        return None, False

    def _city_state(self, toponyms: Sequence[Toponym]) -> Place | None:
        """The city that is most of a country named alone (Singapore, Hong Kong, Macau, Djibouti)."""
        gaz = self.gaz
        for t in toponyms:
            if t.place is None:
                continue
            # A country's gazetteer mass counts its towns and its units alike, about twice its people.
            country_mass = t.place.population
            for idx in gaz.candidate_ids(t.text):
                place = gaz.place(idx)
                if place.feature == "city" and place.iso2 == t.place.iso2 and country_mass and \
                        place.population >= 0.25 * country_mass:
                    return place
        return None

    def _capital(self, country: str, precision: int = 3) -> Place | None:
        """The country's capital: region precision for a national-level report with no place, town precision
        when the text says "the capital"."""
        info = country_by_iso2(country) if country else None
        if info is None or not info.capital:
            return None
        found = [p for p in self.gaz.lookup(info.capital, country=country) if p.iso2 == country]
        return replace(found[0], geo_precision=precision) if found else None


# "the capital", "the Somali capital", "the country's capital" (not "provincial capital", "capital of X").
# Statements about many places at once, which no single place stands for.
_SPREAD = re.compile(r"\b(?:across|throughout|around the country|several (?:provinces|regions|states|cities|towns)|"
                     r"many (?:provinces|regions|cities))\b", re.IGNORECASE)
_CAPITAL = re.compile(r"\bthe\s+(?:(?:country|nation)['’]s\s+|[A-Z][a-z]+\s+)?capital\b(?!\s+(?:of|city\s+of)\b)")


# "the city", "the town": the report is still on the place it named before.
_ANAPHOR = re.compile(r"\b(?:the|this)\s+(?:city|town|village)\b(?!\s+of\b)", re.IGNORECASE)


def _recent_town(toponyms: Sequence[Toponym], before: int, unit: Place) -> Place | None:
    """The last town named before ``before`` inside the admin1 ``unit``."""
    towns = [t.place for t in toponyms if t.start < before and t.place is not None and t.cue != "dateline"
             and t.place.feature == "city" and t.place.iso2 == unit.iso2 and t.place.admin1 == unit.admin1]
    return towns[-1] if towns else None


# "Reinforcements flown in from Herat", "troops sent from Kabul": where forces came from.
_MOVED_FROM = re.compile(r"\b(?:flown|brought|sent|deployed|dispatched|rushed|airlifted|redeployed|transferred|"
                         r"arriving|arrived|coming|came)\s+(?:in\s+)?from\s+(?:the\s+)?$", re.IGNORECASE)


def _earlier_place(toponyms: Sequence[Toponym], text: str, before: int, country: str,
                   placed: Sequence[tuple[int, int, Place]]) -> bool:
    """Whether a place other than a speaking capital is at hand before ``before``: one named earlier in the same
    paragraph, or one an earlier event was given."""
    para_start = 0
    for m in _PARAGRAPH.finditer(text, 0, before):
        para_start = m.end()
    if any(para_start <= t.start < before and t.place is not None and t.cue not in ("speaker", "dateline")
           and t.place.feature != "country" and (not country or t.place.iso2 == country) for t in toponyms):
        return True
    return any(b <= before and p.feature != "country" and (not country or p.iso2 == country) for _, b, p in placed)


def _demonym_country(text: str) -> str:
    """The one country a stretch of text names by a demonym or name ("Sudanese doctors"), else ""."""
    found = {info.iso2 for w in re.findall(r"\b[A-Z][a-z]+\b", text) if (info := lookup_country(w)) is not None}
    return found.pop() if len(found) == 1 else ""


_SENTENCE_BREAK = re.compile(r"[.!?;][\"”’']?\s+(?=[A-Z\"“‘'])|\n\s*\n")


def _last_named(recent: Sequence[Toponym], text: str, placed: Sequence[tuple[int, int, Place]] = ()) -> Place:
    """The place under discussion: the main place of the last sentence that named one, the most specific
    of its mentions ("Aibak, the capital of Samangan province" -> Aibak; "Panjgur (Balochistan)" -> Panjgur),
    the later one among equals. A sentence that names a place only to say who speaks ("a senior Kandahar
    official told ...") is passed over for the one before it. When that sentence reported an event, the place
    the event was given is the one under discussion ("M23 tightened their grip on Goma, as crowds in the
    capital Kinshasa attacked embassies. The fighters walked into the city centre": Goma)."""
    recent = [t for t in recent if not _OFFICIAL_AFTER.match(text, t.end) and not _spoken_at(t, text)] or recent
    last = recent[-1]
    own = [p for a, b, p in placed if a <= last.start < b]
    if own:
        return own[-1]
    begin = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, last.start):
        begin = m.end()
    same = [t for t in recent if t.start >= begin] or [last]
    same = [t for t in same if not _reference(t, same, text)] or same
    best = min(same, key=lambda t: (not _bracketed(t, text), _demoted(t, text, same), _specificity(t), -t.start))
    assert best.place is not None
    return best.place

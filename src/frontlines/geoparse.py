"""Toponym recognition, disambiguation and the event's place.

Recognition scans capitalised token n-grams against the gazetteer (spaCy NER mislabels many Afghan and Burmese
place names, so it is not used), drops stop words, titles and actor names, and reads context cues around each
mention ("X province", "the town of X", "near X", "12 km north of X"). Disambiguation scores each candidate
with its population prior, the cue's feature type, the article's focus country and enclosing admin names
mentioned in the same text.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontlines.countries import fold, lookup_country
from frontlines.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    COUNTRY,
    Gazetteer,
    default_gazetteer,
    skeleton,
    strip_admin_words,
)
from frontlines.model import Place, Span, Toponym

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$|^\s*$")
_PARAGRAPH = re.compile(r"\n\s*\n")

# Cue words after a name -> the feature type they ask for.
_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(province|provinces|governorate|region|state|district|districts|county|city|town|"
    r"village|"
    r"area|valley|airport|township)\b", re.IGNORECASE)
_BEFORE = re.compile(
    r"\b(?:(?P<kind>city|town|village|province|district|governorate|region|state|township|county)\s+of|"
    r"(?P<capital>capital)\s+of|(?P<near>near|nearby|outside|outskirts\s+of|vicinity\s+of|close\s+to|"
    r"(?:\d+(?:\.\d+)?|a\s+few|several)\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?(?:of|from)|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)|"
    r"(?P<part>(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|northeastern|northwestern|southeastern|southwestern|parts\s+of|across))|"
    r"(?P<governor>governor\s+of))\s+(?:the\s+)?$", re.IGNORECASE)
_LINK = re.compile(
    r"^(?:'s|’s)?\s*(?:province|district|city|town|village|township|county|area|region|state)?\s*"
    r"(?:,|of|in)\s*"
    r"(?:the\s+)?$", re.IGNORECASE)
_GOVERNOR_AFTER = re.compile(r"^(?:'s|’s)\s+(?:provincial\s+)?governor", re.IGNORECASE)

_CUE_FEATURE = {
    "governorates": ADMIN1, "regions": ADMIN1, "division": ADMIN1, "states": ADMIN1, "oblast": ADMIN1,
    "province": ADMIN1, "provinces": ADMIN1, "governorate": ADMIN1, "region": ADMIN1, "state": ADMIN1,
    "district": ADMIN2, "districts": ADMIN2, "county": ADMIN2, "township": ADMIN2, "city": CITY, "town": CITY,
    "village": CITY, "capital of": ADMIN1, "governor": ADMIN1,
}


@dataclass(frozen=True)
class _Lexicon:
    words: frozenset[str]
    phrases: frozenset[str]
    titles: frozenset[str]
    connectors: frozenset[str]
    heads: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    path = Path(str(resources.files("frontlines") / "data" / "geo_stopwords.json"))
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    return _Lexicon(
        words=frozenset(fold(w) for w in raw["words"]), phrases=frozenset(fold(p) for p in raw["phrases"]),
        titles=frozenset(fold(t) for t in raw["titles"]), connectors=frozenset(raw["connectors"]),
        heads=frozenset(fold(h) for h in raw["generic_heads"]),
    )


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    key: str
    ids: tuple[int, ...]
    exact: bool
    cue: str = ""
    want: int = -1  # feature type the cue asks for
    initial: bool = False
    own_cue: str = ""  # an admin word inside the name itself ("Karen State")
    parent: str = ""  # the enclosing unit named right after ("X district of Y province", "X, Y")
    strict: bool = False
    near: bool = False


class Geoparser:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer if gazetteer is not None else default_gazetteer()
        self.lex = _lexicon()
        self.last_focus: str | None = None

    # ------------------------------------------------------------------------------------------ recognition

    def _mentions(self, text: str) -> list[_Mention]:
        tokens = _tokens(text)
        lowered = {text[s:e].lower() for s, e in tokens if text[s].islower()}
        raw: list[tuple[int, int, _Mention]] = []
        demonym_votes: Counter[str] = Counter()
        i = 0
        while i < len(tokens):
            found = self._match_at(text, tokens, i)
            if found is None:
                s, e = tokens[i]
                info = lookup_country(text[s:e]) if _capitalised(text[s:e]) else None
                if info is not None:
                    demonym_votes[info.iso2] += 1
                i += 1
                continue
            ntok = sum(1 for ts, _ in tokens[i:] if ts < found.end)
            if found.ids:
                raw.append((i, ntok, found))
            i += ntok
        voters = [m for i, n, m in raw if n > 1 or self._strong(m) or not (
            m.key in self.lex.words or m.text.lower() in lowered or _sentence_initial(text, m.start))]
        focus, named = self._focus(voters, demonym_votes)
        out: list[_Mention] = []
        for i, ntok, m in raw:
            self._read_cues(text, m)
            if self._keep(text, tokens, i, ntok, m, lowered, focus, named):
                m.initial = _sentence_initial(text, m.start)
                out.append(m)
        for a, b in zip(out, out[1:], strict=False):
            gap = text[a.end:b.start]
            if _LINK.match(gap) and b.ids and self.gaz.feature(b.ids[0]) != COUNTRY:
                a.parent = strip_admin_words(b.key)
                # "X district of Y" is a firm claim; "X, Y" may just be a list, so it only nudges.
                a.strict = bool(re.search(r"\b(?:of|in)\b", gap)) or a.want in (ADMIN2, CITY)
        self.last_focus = focus
        return out

    def _match_at(self, text: str, tokens: list[tuple[int, int]], i: int) -> _Mention | None:
        s, e = tokens[i]
        word = text[s:e]
        if not _capitalised(word) or (word.isupper() and len(word) > 1 and not _line_start(text, s)):
            return None
        for n in range(min(4, len(tokens) - i), 0, -1):
            last_s, last_e = tokens[i + n - 1]
            if not _capitalised(text[last_s:last_e]) or not self._joinable(text, tokens, i, n):
                continue
            surface = text[s:last_e]
            key = fold(surface)
            if key in self.lex.phrases:
                return _Mention(s, last_e, surface, key, (), False)
            if n > 1 and (fold(word) in self.lex.words or fold(text[last_s:last_e]) in self.lex.words
                          and fold(text[last_s:last_e]) not in self.lex.heads):
                continue
            ids = self.gaz.exact_ids(key)
            exact = True
            cue = ""
            if not ids and n > 1 and strip_admin_words(key) != key:
                ids = self.gaz.exact_ids(strip_admin_words(key))
                cue = key.rsplit(" ", 1)[-1]
            if not ids and n <= 3 and len(key) >= 5:
                ids = self.gaz.ranked_variants(strip_admin_words(key))
                exact = False
            elif ids and len(key) >= 5 and not self._strong(ids):
                # An exact hit on a stray alternate name ("Kunduz" for a Turkish town) must not hide the
                # well-known place spelled slightly differently in the sources ("Kondūz").
                more = [x for x in self.gaz.ranked_variants(strip_admin_words(key))[:20] if x not in ids]
                ids = tuple(ids) + tuple(x for x in more if self.gaz.population(x) >= 20000
                                         or self.gaz.feature(x) in (ADMIN1, ADMIN2))
            if ids:
                m = _Mention(s, last_e, surface, key, ids, exact)
                m.own_cue = cue
                return m
        return None

    def _joinable(self, text: str, tokens: list[tuple[int, int]], i: int, n: int) -> bool:
        for j in range(i, i + n - 1):
            gap = text[tokens[j][1]:tokens[j + 1][0]]
            if gap.strip() or "\n" in gap:
                return False
            inner = text[tokens[j + 1][0]:tokens[j + 1][1]]
            if j + 1 < i + n - 1 and not _capitalised(inner) and inner.lower() not in self.lex.connectors:
                return False
        return True

    def _keep(self, text: str, tokens: list[tuple[int, int]], i: int, ntok: int, m: _Mention,
              lowered: set[str], focus: str | None, named: set[str]) -> bool:
        lex, gaz = self.lex, self.gaz
        has_cue = bool(m.cue)
        if m.key in lex.phrases:
            return False
        if ntok == 1:
            if (m.key in lex.words or m.key in lex.titles or m.text.lower() in lowered) and not has_cue:
                return False
            if lookup_country(m.text) is not None and not any(gaz.feature(x) == COUNTRY for x in m.ids):
                return False  # a demonym ("Afghan") that also names a village somewhere
        if i > 0:
            ps, pe = tokens[i - 1]
            if fold(text[ps:pe]) in lex.titles and not text[pe:m.start].strip():
                return False
        home = {focus} | named if focus else set(named)
        if not m.exact:
            # A variant spelling is only trusted where the article is: Spira must not become Speyer.
            m.ids = tuple(x for x in m.ids if gaz.iso2(x) in home)
            return bool(m.ids)
        in_home = any(gaz.iso2(x) in home for x in m.ids[:30])
        if not in_home and home:
            # "Ghanzi province, Afghanistan": a misspelling of a home name beats an exact name abroad.
            near_home = tuple(x for x in gaz.ranked_variants(strip_admin_words(m.key)) if gaz.iso2(x) in home)
            if near_home:
                m.ids, in_home = near_home, True
        # A name inside a longer run of capitalised words ("Abdul Ghani Baradar") is a person or an
        # organisation unless the rest of the run is a generic head ("Kabul University", "Herat Airport").
        if i + ntok < len(tokens) and not has_cue:
            ns, ne = tokens[i + ntok]
            nxt = text[ns:ne]
            if (_capitalised(nxt) and not text[m.end:ns].strip() and fold(nxt) not in lex.heads
                    and not gaz.exact_ids(fold(nxt))):
                return self._strong(m)
        if i > 0 and not has_cue:
            ps, pe = tokens[i - 1]
            prv = text[ps:pe]
            if (_capitalised(prv) and not text[pe:m.start].strip() and not _sentence_initial(text, ps)
                    and not gaz.exact_ids(fold(prv)) and fold(prv) not in lex.words):
                return self._strong(m)
        if has_cue or in_home:
            return True
        floor = 50000 if ntok == 1 else 5000
        return any(gaz.feature(x) in (ADMIN1, COUNTRY) or gaz.population(x) >= floor for x in m.ids[:10])

    def _strong(self, m: _Mention | Sequence[int]) -> bool:
        gaz = self.gaz
        ids = m.ids if isinstance(m, _Mention) else m
        return any(gaz.feature(x) in (ADMIN1, COUNTRY) or gaz.population(x) >= 100000 for x in ids[:5])

    def _read_cues(self, text: str, m: _Mention) -> None:
        if m.own_cue:
            m.cue = m.own_cue
            m.want = _CUE_FEATURE.get(m.cue, -1)
            return
        after = _AFTER.match(text[m.end:m.end + 20])
        before = _BEFORE.search(text[max(0, m.start - 60):m.start])
        if before and before.group("near"):
            m.near = True
        if after:
            m.cue = after.group(1).lower()
        elif _GOVERNOR_AFTER.match(text[m.end:m.end + 30]):
            m.cue = "governor"
        elif before:
            if before.group("kind"):
                m.cue = before.group("kind").lower()
            elif before.group("capital"):
                m.cue = "capital of"
            elif before.group("near"):
                m.cue = "near"
            elif before.group("part"):
                m.cue = "part"
            elif before.group("governor"):
                m.cue = "governor"
        m.want = _CUE_FEATURE.get(m.cue, -1)
        if m.near:
            m.cue = "near"

    # ------------------------------------------------------------------------------------------ resolution

    def find(self, text: str) -> list[Toponym]:
        """Every place mention in ``text``, resolved with the document's context."""
        mentions = self._mentions(text)
        if not mentions:
            return []
        gaz = self.gaz
        focus = self.last_focus
        skels = {skeleton(m.key) for m in mentions} | {m.key for m in mentions}
        countries_named = {gaz.iso2(m.ids[0]) for m in mentions if gaz.feature(m.ids[0]) == COUNTRY}
        resolved: dict[tuple[str, int, str], tuple[int, float]] = {}
        out: list[Toponym] = []
        for m in mentions:
            memo = (m.key, m.want, m.parent)
            if memo not in resolved:
                resolved[memo] = self._choose(m, focus, skels, countries_named)
            idx, score = resolved[memo]
            if idx < 0:
                out.append(Toponym(m.start, m.end, m.text, None, m.cue, 0.0))
                continue
            place = gaz.place(idx)
            if m.cue == "near" and place.geo_precision == 1:
                place = replace(place, geo_precision=2)
            out.append(Toponym(m.start, m.end, m.text, place, m.cue, round(score, 3)))
        return out

    def _focus(self, mentions: list[_Mention], demonyms: Counter[str]) -> tuple[str | None, set[str]]:
        """The article's country from its unambiguous mentions, and every country it names outright."""
        gaz = self.gaz
        votes: dict[str, float] = {}
        named: set[str] = set()
        for m in mentions:
            if not m.exact:
                continue
            top = m.ids[0]
            if gaz.feature(top) == COUNTRY:
                votes[gaz.iso2(top)] = votes.get(gaz.iso2(top), 0.0) + 2
                named.add(gaz.iso2(top))
                continue
            countries = {gaz.iso2(x) for x in m.ids[:30]}
            if len(countries) == 1:
                only = next(iter(countries))
                votes[only] = votes.get(only, 0.0) + 1
            elif gaz.feature(top) == ADMIN1 or gaz.population(top) >= 100000:
                votes[gaz.iso2(top)] = votes.get(gaz.iso2(top), 0.0) + 0.5
        for iso2, n in demonyms.items():
            votes[iso2] = votes.get(iso2, 0.0) + 0.5 * n
        focus = max(votes, key=lambda k: votes[k]) if votes else None
        return focus, named

    def _choose(self, m: _Mention, focus: str | None, skels: set[str],
                countries_named: set[str]) -> tuple[int, float]:
        gaz = self.gaz
        best, best_score, second = m.ids[0], -1e9, -1e9
        towns = {(gaz.iso2(x), skeleton(fold(gaz.name_of(x)))) for x in m.ids[:60] if gaz.feature(x) == CITY}
        namesakes = {x for x in m.ids[:60] if gaz.feature(x) != CITY
                     and (gaz.iso2(x), skeleton(fold(gaz.name_of(x)))) in towns}
        for x in m.ids[:60]:
            feat = gaz.feature(x)
            weight = (1.0, 0.6, 0.3, 50.0)[feat]
            score = math.log10(gaz.population(x) * weight + 10)
            if m.want >= 0:
                if feat == m.want:
                    score += 4
                elif m.want == ADMIN2 and feat == CITY:
                    score += 1  # "X district" with no district of that name: its main town
                elif m.want == CITY and feat in (ADMIN1, ADMIN2):
                    score -= 2
            elif m.cue == "part" and feat in (ADMIN1, COUNTRY):
                score += 2
            cc = gaz.iso2(x)
            if feat in (ADMIN1, ADMIN2) and m.want < 0 and m.cue != "part" and x in namesakes:
                score -= 1  # a bare "Kunduz" is the town, not the province named after it
            if focus and cc == focus:
                score += 3
            elif cc in countries_named:
                score += 2
            own = skeleton(fold(gaz.name_of(x)))
            a1 = gaz.admin1_name(x)
            if a1 and feat != ADMIN1 and skeleton(fold(a1)) != own and (
                    skeleton(fold(a1)) in skels or fold(a1) in skels):
                score += 4
            a2 = gaz.admin2_name(x)
            if a2 and feat == CITY and skeleton(fold(a2)) != own and skeleton(fold(a2)) in skels:
                score += 2
            if m.parent:
                inside = m.parent in (skeleton(fold(a1)), skeleton(fold(a2)), fold(a1), fold(a2)) or (
                    skeleton(m.parent) in (skeleton(fold(a1)), skeleton(fold(a2))))
                score += 6 if inside else (-6 if m.strict else 0)
            if score > best_score:
                best, best_score, second = x, score, best_score
            elif score > second:
                second = score
        if m.parent and m.strict:
            a1, a2 = fold(gaz.admin1_name(best)), fold(gaz.admin2_name(best))
            if skeleton(m.parent) not in (skeleton(a1), skeleton(a2)) and m.parent not in (a1, a2):
                return -1, 0.0  # no X inside Y: X stays unresolved rather than misplaced
        confidence = 1.0 / (1.0 + math.exp(-(best_score - second))) if second > -1e9 else 1.0
        return best, confidence


def _tokens(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        if text[e - 1] == ".":
            e -= 1
        if text[e - 2:e] in ("'s", "’s") and e - 2 > s:
            e -= 2
        out.append((s, e))
    return out


def _line_start(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip()


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 3):start]))


# ---------------------------------------------------------------------------------------------- article level


def focus_country(toponyms: Sequence[Toponym]) -> str | None:
    """The iso2 of the article's main country: a vote of its resolved mentions, countries counting double."""
    votes: Counter[str] = Counter()
    for t in toponyms:
        if t.place is not None and t.place.iso2:
            votes[t.place.iso2] += 2 if t.place.feature == "country" else 1
    return votes.most_common(1)[0][0] if votes else None


_SPECIFIC = {"city": 0, "other": 0, "admin2": 1, "admin1": 2, "country": 3}


def _final(t: Toponym) -> Place:
    assert t.place is not None
    place = t.place
    if t.cue == "near" and place.geo_precision < 2:
        place = replace(place, geo_precision=2)
    return place


def event_place(toponyms: Sequence[Toponym], text: str, evidence: Sequence[Span]) -> Place | None:
    """The place an event happened: a mention inside its evidence (the most specific), else the nearest one
    before it in the same paragraph, else the article's focus place at region precision."""
    found = [t for t in toponyms if t.place is not None]
    if not found:
        return None
    if evidence:
        inside = [t for t in found if any(t.start < sp.end and sp.start < t.end for sp in evidence)]
        if inside:
            best = min(inside, key=lambda t: (_SPECIFIC.get(t.place.feature, 0) if t.place else 9, t.start))
            return _final(best)
        first = min(sp.start for sp in evidence)
        para_start = 0
        for m in _PARAGRAPH.finditer(text, 0, max(first, 0)):
            para_start = m.end()
        before = [t for t in found if para_start <= t.start < first]
        if before:
            return _final(max(before, key=lambda t: t.start))
    focus = focus_country(found)
    in_focus = [t for t in found if t.place is not None and t.place.iso2 == focus] or found
    chosen = in_focus[0].place
    assert chosen is not None
    return replace(chosen, geo_precision=3)

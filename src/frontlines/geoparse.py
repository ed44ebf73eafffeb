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
from difflib import SequenceMatcher
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
    acled_admin1_part,
    default_gazetteer,
    skeleton,
    strip_admin_words,
)
from frontlines.model import Toponym

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$|^\s*$")
_PARAGRAPH = re.compile(r"\n\s*\n")

# Cue words after a name -> the feature type they ask for.
_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(provinces?|governorates?|regions?|states?|districts?|county|counties|city|cities|towns?|"
    r"villages?|area|valley|airport|townships?|neighbou?rhood|suburb|river|lake|sea|mountains?|hills?|range|"
    r"canal|gulf|bay|strait|desert|plateau|islands?|peninsula)\b", re.IGNORECASE)
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
    r"^(?:'s|’s)?\s*(?:province|district|city|town|village|township|county|area|region|state|"
    r"district\s+cent(?:er|re)|(?:district\s+)?headquarters)?\s*"
    r"(?:,|of|in|\()\s*"
    r"(?:the\s+)?$", re.IGNORECASE)
# "Koshki Kohna district of Herat", "Spira district, Khost", "Qala Ka district (Farah)": a unit named with
# its parent.
_UNIT_WITH_PARENT = re.compile(
    r"(?P<name>[A-Z][\w'’]*(?:(?:\s+|-|\s*-\s*)(?:[A-Z][\w'’]*|[Ii]|[Ee]|ye|wa|e|i|\(\s*[A-Z][\w'’]*\s*\))){0,4})"
    r"\s+district\s*(?:of|in|,|\()\s*(?:the\s+)?(?P<parent>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)$")
_DIRECTION_WORD = re.compile(r"\b(north|south|east|west)(?:ern)?\s+(?:the\s+)?$", re.IGNORECASE)
_GOVERNOR_AFTER = re.compile(r"^(?:'s|’s)\s+(?:provincial\s+)?governor", re.IGNORECASE)
# A preposition of place right before a name: "in Kabul" is better evidence of where a story is than
# "Washington says".
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|into|across|around|of)\s+(?:the\s+)?(?:[a-z\-]+\s+)?$")

_CUE_FEATURE = {
    "governorates": ADMIN1, "regions": ADMIN1, "division": ADMIN1, "states": ADMIN1, "oblast": ADMIN1,
    "province": ADMIN1, "provinces": ADMIN1, "governorate": ADMIN1, "region": ADMIN1, "state": ADMIN1,
    "district": ADMIN2, "districts": ADMIN2, "county": ADMIN2, "counties": ADMIN2, "township": ADMIN2,
    "townships": ADMIN2, "city": CITY, "cities": CITY, "town": CITY, "towns": CITY, "village": CITY,
    "villages": CITY, "capital of": ADMIN1, "governor": ADMIN1,
}
_PLURAL_CUES = frozenset({"provinces", "governorates", "regions", "states", "districts", "counties", "townships",
                          "cities", "towns", "villages"})
_MISSPELLING_CLOSENESS = 0.75  # a home variant must be this close to beat a name spelled exactly abroad
_VARIANT_CLOSENESS = 0.6  # below this a shared consonant skeleton is a coincidence ("Khwaja" / "La Jolla")
_BIG = 1_000_000


@dataclass(frozen=True)
class _Lexicon:
    words: frozenset[str]
    phrases: frozenset[str]
    titles: frozenset[str]
    connectors: frozenset[str]
    heads: frozenset[str]
    name_heads: frozenset[str]
    natural: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    path = Path(str(resources.files("frontlines") / "data" / "geo_stopwords.json"))
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    return _Lexicon(
        words=frozenset(fold(w) for w in raw["words"]), phrases=frozenset(fold(p) for p in raw["phrases"]),
        titles=frozenset(fold(t) for t in raw["titles"]), connectors=frozenset(raw["connectors"]),
        heads=frozenset(fold(h) for h in raw["generic_heads"]),
        name_heads=frozenset(fold(h) for h in raw["name_heads"]),
        natural=frozenset(fold(h) for h in raw["natural_features"]),
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
    n_exact: int = 0  # ids[:n_exact] matched the name itself; the rest are spelling variants
    after: bool = False  # the cue follows the name ("X province"), so the name is complete
    guarded: bool = False  # starts with a stop word or title ("Imam Sahib"): needs a cue or the home country
    natural: bool = False  # a river, lake or mountain named after the word ("the Panj river")
    parents: frozenset[str] = frozenset()  # the parent's names and skeletons, as the gazetteer spells them
    bracketed: bool = False  # an admin unit inside ACLED's "Town (District, Province)" bracket


class Geoparser:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._armies: frozenset[str] = frozenset()
        self.gaz = gazetteer if gazetteer is not None else default_gazetteer()
        self.lex = _lexicon()
        self.last_focus: str | None = None
        self._memo: dict[tuple[str, int], tuple[tuple[int, ...], bool, int, str]] = {}
        self._headlines: list[tuple[int, int]] = []
        self._names: dict[int, str] = {}

    # ------------------------------------------------------------------------------------------ recognition

    def _mentions(self, text: str, hints: Sequence[str] = (), armies: Sequence[str] = ()) -> list[_Mention]:
        tokens = _tokens(text)
        self._armies = frozenset(armies)
        self._headlines = _headline_lines(text)
        lowered = {text[s:e].lower() for s, e in tokens if text[s].islower()}
        raw: list[tuple[int, int, _Mention]] = []
        # Hints are countries the text points to without naming a place: the home of an armed group it names
        # ("ADF" for Congo, "Houthis" for Yemen). They count like demonyms.
        demonym_votes: Counter[str] = Counter(h for h in hints if h)
        i = 0
        while i < len(tokens):
            found = self._match_at(text, tokens, i)
            if found is not None and not found.exact and found.end == tokens[i][1]:
                info = lookup_country(found.text)
                if info is not None and not (info.iso2 in armies and found.text in info.demonyms):
                    demonym_votes[info.iso2] += 1  # "Ukrainian", "Israeli": a demonym found as a respelling
            if found is None:
                s, e = tokens[i]
                info = lookup_country(text[s:e]) if _capitalised(text[s:e]) else None
                if info is not None and not (info.iso2 in armies and text[s:e] in info.demonyms):
                    # "Russian missiles struck Kramatorsk": an army's adjective says who, not where
                    demonym_votes[info.iso2] += 1
                i += 1
                continue
            ntok = sum(1 for ts, _ in tokens[i:] if ts < found.end)
            if found.ids:
                raw.append((i, ntok, found))
            i += ntok
        self._short_forms(raw)
        voters = [m for i, n, m in raw if len(m.key) > 2 and (n > 1 or self._strong(m) or not (
            m.key in self.lex.words or m.text.lower() in lowered or _sentence_initial(text, m.start)))
            and not (self._in_name_run(text, tokens, i, n) and not self._huge(m))]
        focus, named = self._focus(text, voters, demonym_votes)
        home = ({focus} if focus else set()) | named
        for _, _, m in raw:
            self._read_cues(text, m)
        self._spread_plural_cues(text, raw)
        out: list[_Mention] = []
        for i, ntok, m in raw:
            if self._keep(text, tokens, i, ntok, m, lowered, focus, home):
                m.initial = _sentence_initial(text, m.start)
                out.append(m)
        gaz = self.gaz
        for a, b in zip(out, out[1:], strict=False):
            gap = text[a.end:b.start]
            if (_LINK.match(gap) and a.ids and b.ids and gaz.feature(a.ids[0]) != COUNTRY
                    and gaz.feature(b.ids[0]) != COUNTRY):
                a.parent = strip_admin_words(b.key)
                # "Beni in North Kivu": the unit may be spelled otherwise in the gazetteer (Nord-Kivu).
                names = {a.parent} | {strip_admin_words(self._name(x)) for x in b.ids[:10]
                                      if gaz.feature(x) in (ADMIN1, ADMIN2)}
                a.parents = frozenset(names | {skeleton(n) for n in names if skeleton(n)})
                # "X district of Y" is a firm claim; "X, Y" may just be a list, so it only nudges.
                a.strict = bool(re.search(r"\b(?:of|in)\b", gap)) or a.want in (ADMIN2, CITY)
                if "(" in gap or a.bracketed:
                    # ACLED's "Town (District, Province)" spells units its own way and GeoNames may lack the
                    # district: the bracket nudges towards the units it names but never vetoes the town.
                    a.strict = False
                if a.after and b.cue == a.cue and not b.after and re.match(
                        rf"^(?:'s|’s)?\s*{re.escape(a.cue)}\b", gap, re.IGNORECASE):
                    # "Doshi district of Baghlan": the one word "district" names Doshi, not Baghlan.
                    b.cue, b.want, b.near = "", -1, False
                if b.want < 0 and (a.want in (ADMIN2, CITY) or a.cue in ("district", "village", "town")) and \
                        re.search(r"\b(?:in|of)\b|,", gap):
                    # "Qarah Bagh district in Ghazni", "a village of Kunduz": the second name encloses the first,
                    # so it is the province, not its capital.
                    b.want = ADMIN1
                    b.cue = b.cue or "province"
                rest = text[b.end:b.end + 2].lstrip()
                if "(" in gap and rest.startswith((")", ",")) and b.want < 0:
                    # ACLED-style "Kushk district (Herat)", "Pauk township (Magway region)": the bracket names
                    # the province, not its capital; in "Sake (Masisi, Nord-Kivu)" its first name is the
                    # district.
                    b.want = ADMIN1 if rest.startswith(")") else ADMIN2
                    b.bracketed = True
                    b.cue = b.cue or ("province" if rest.startswith(")") else "district")
        self.last_focus = focus
        return self._unlisted_units(text, out, focus)

    def _unlisted_units(self, text: str, out: list[_Mention], focus: str | None) -> list[_Mention]:
        """"Koshki Kohna district of Herat province": a district spelled unlike any gazetteer name is looked
        for among the units of the province named with it."""
        added: list[_Mention] = []
        for match in _UNIT_WITH_PARENT.finditer(text):
            start, end = match.span("name")
            if fold(match.group("name")) in self.lex.words:
                continue
            clash = [m for m in out if m.start < end and start < m.end]
            # A recognised name of its own length is left to resolve itself (with its parent); fragments of the
            # name ("Khail" of "Laja Ahmad Khail") and names known nowhere give way.
            if any(m.ids and (m.start, m.end) == (start, end) or m.start < start or m.end > end for m in clash):
                continue
            idx = self._inside_parent(fold(match.group("name")), fold(match.group("parent")), focus)
            if idx is None:
                continue
            m = _Mention(start, end, match.group("name"), fold(match.group("name")), (idx,), True, cue="district",
                         want=ADMIN2 if self.gaz.feature(idx) == ADMIN2 else CITY, n_exact=1, after=True,
                         strict=True)
            unit = strip_admin_words(fold(self.gaz.admin1_name(idx)))
            m.parent, m.parents = unit, frozenset({unit, skeleton(unit)} - {""})
            added.append(m)
            out = [x for x in out if not (x.start < end and start < x.end)]
        return sorted(out + added, key=lambda m: m.start) if added else out

    def _inside_parent(self, key: str, parent: str, focus: str | None) -> int | None:
        """The unit of that name (by spelling likeness) inside the admin1 unit ``parent`` names, the focus
        country's first; ``parent`` may itself be misspelled ("Ghanzi" for Ghazni)."""
        gaz = self.gaz
        parent = strip_admin_words(parent)
        if len(key) < 4 or len(parent) < 4:
            return None
        units = [x for x in gaz.exact_ids(parent) + gaz.ranked_variants(parent)[:20] if gaz.feature(x) == ADMIN1]
        for tier in (units, None):
            candidates = tier if tier is not None else [x for x in gaz.admin1_like(parent)[:5] if x not in units]
            for unit in sorted(dict.fromkeys(candidates), key=lambda x: gaz.iso2(x) != focus):
                idx = gaz.closest_unit(key, gaz.iso2(unit), gaz.admin1_name(unit))
                if idx is not None:
                    return idx
        return None

    def _short_forms(self, raw: list[tuple[int, int, _Mention]]) -> None:
        """"Mazar" after "Mazar-i-Sharif": a lone first word of a longer name in the same text is that place."""
        longer: dict[str, _Mention] = {}
        for _, _, m in raw:
            words = m.key.split()
            if len(words) > 1 and m.exact and len(words[0]) >= 4:
                longer.setdefault(words[0], m)
        for _, _, m in raw:
            full = longer.get(m.key)
            if full is not None and full is not m:
                m.ids, m.exact, m.n_exact = full.ids, True, full.n_exact

    def _match_at(self, text: str, tokens: list[tuple[int, int]], i: int) -> _Mention | None:
        s, e = tokens[i]
        word = text[s:e]
        if not _capitalised(word) or (word.isupper() and len(word) > 1 and not _line_start(text, s)):
            return None
        for n in range(min(4, len(tokens) - i), 0, -1):
            last_s, last_e = tokens[i + n - 1]
            last = text[last_s:last_e]
            if not (_capitalised(last) or _ARTICLED.match(last)) or not self._joinable(text, tokens, i, n) or (
                    n > 1 and last.isupper() and len(last) > 1):
                continue  # "The US military": an acronym is read on its own, as a demonym
            surface = text[s:last_e]
            key = fold(surface)
            if key in self.lex.phrases:
                return _Mention(s, last_e, surface, key, (), False)
            guarded = False
            stop_last = fold(last) in self.lex.words and fold(last) not in self.lex.heads
            if n > 1 and (fold(word) in self.lex.words or stop_last):
                # "North Darfur", "Imam Sahib", "Nad Ali district": a stop word may begin or end a real name,
                # but only an exact one, or one an admin word right after vouches for.
                cued = bool(_AFTER.match(text[last_e:last_e + 20]))
                known = self.gaz.exact_ids(key)
                # "Dera Ismail Khan": a long exact name of a large town is a place even if it ends in a title.
                long_known = n >= 3 and bool(known) and self._strong(known)
                if not cued and not long_known and (stop_last or not known):
                    continue
                if not known and fold(word) in _MINOR_WORDS:
                    continue  # "In Khwahan district": a preposition never begins a respelled name
                guarded = True
            ids, exact, n_exact, cue = self._candidates(key, n)
            if ids:
                m = _Mention(s, last_e, surface, key, ids, exact, n_exact=n_exact, guarded=guarded)
                m.own_cue = cue
                return m
        return None

    def _candidates(self, key: str, n: int) -> tuple[tuple[int, ...], bool, int, str]:
        """(ids, exact, n_exact, own cue) for a folded n-word name; memoised, as news repeats its places."""
        memo = self._memo.get((key, n))
        if memo is not None:
            return memo
        gaz = self.gaz
        ids = gaz.exact_ids(key)
        exact = True
        cue = ""
        if not ids and n > 1 and strip_admin_words(key) != key:
            ids = gaz.exact_ids(strip_admin_words(key))
            cue = key.rsplit(" ", 1)[-1]
        n_exact = len(ids)
        if not ids and n <= 3 and len(key) >= 5:
            ids = gaz.ranked_variants(strip_admin_words(key))
            exact = False
        elif ids and len(key) >= 5 and not self._strong(ids):
            # An exact hit on a stray alternate name ("Kunduz" for a Turkish town) must not hide the
            # well-known place spelled slightly differently in the sources ("Kondūz").
            more = [x for x in gaz.ranked_variants(strip_admin_words(key))[:20] if x not in ids]
            ids = tuple(ids) + tuple(x for x in more if gaz.population(x) >= 20000
                                     or gaz.feature(x) in (ADMIN1, ADMIN2))
        if len(self._memo) > 100_000:
            self._memo.clear()
        self._memo[(key, n)] = (ids, exact, n_exact, cue)
        return ids, exact, n_exact, cue

    def _joinable(self, text: str, tokens: list[tuple[int, int]], i: int, n: int) -> bool:
        for j in range(i, i + n - 1):
            gap = text[tokens[j][1]:tokens[j + 1][0]]
            if gap.strip() or "\n" in gap:
                return False
            inner = text[tokens[j + 1][0]:tokens[j + 1][1]]
            if j + 1 < i + n - 1 and not _capitalised(inner) and inner.lower() not in self.lex.connectors:
                return False
        return True

    def _spread_plural_cues(self, text: str, raw: list[tuple[int, int, _Mention]]) -> None:
        """"Herat, Lashkar Gah and Kandahar provinces": a plural cue after a list covers every item."""
        for k in range(len(raw) - 1, 0, -1):
            m = raw[k][2]
            if m.cue not in _PLURAL_CUES:
                continue
            j = k - 1
            while j >= 0 and not raw[j][2].cue and _LIST_GAP.match(text[raw[j][2].end:raw[j + 1][2].start]):
                raw[j][2].cue, raw[j][2].want, raw[j][2].after = m.cue, m.want, True
                j -= 1

    def _keep(self, text: str, tokens: list[tuple[int, int]], i: int, ntok: int, m: _Mention,
              lowered: set[str], focus: str | None, home: set[str]) -> bool:
        lex, gaz = self.lex, self.gaz
        feature_cue = m.want >= 0
        if m.key in lex.phrases:
            return False
        if len(m.key.replace(" ", "")) <= 2 and not feature_cue:
            return False  # "Mo" of "Mo So": one- and two-letter places are too often fragments
        if ntok == 1:
            if (m.key in lex.words or m.key in lex.titles or m.text.lower() in lowered) and not m.cue:
                return False
            if lookup_country(m.text) is not None and not any(gaz.feature(x) == COUNTRY for x in m.ids):
                return False  # a demonym ("Afghan") that also names a village somewhere
        if i > 0:
            ps, pe = tokens[i - 1]
            if fold(text[ps:pe]) in lex.titles and not text[pe:m.start].strip():
                return False
        if m.natural:
            m.ids = ()  # "the Panj river": a river, not the town that shares its name
            return True
        if not m.after and not m.own_cue:
            verdict = self._neighbours(text, tokens, i, ntok, m, home)
            if verdict is not None:
                return verdict
        spelled = {focus} if focus else home  # where a mere spelling variant is believed
        if not m.exact and ntok == 1 and self._after_capital(text, tokens, i):
            return False  # "the Khuzestan Steel company": a respelled word inside a longer name
        if not m.exact:
            # A variant spelling is only trusted where the article is: Spira must not become Speyer. A capital
            # at a sentence start ("Angry parents") needs a closer spelling still.
            need = _VARIANT_CLOSENESS + (0.15 if ntok == 1 and _sentence_initial(text, m.start) else 0.0)
            if not spelled:  # no country to go by: only a big place's other spelling ("Hodeidah")
                m.ids = tuple(x for x in m.ids[:30] if self._close(m.key, x, need) and (
                    gaz.feature(x) == ADMIN1 or gaz.population(x) >= 300000))
            else:
                m.ids = tuple(x for x in m.ids if gaz.iso2(x) in spelled and self._close(m.key, x, need))
            return bool(m.ids)
        exact = m.ids[:m.n_exact]
        extra = tuple(x for x in m.ids[m.n_exact:] if gaz.iso2(x) in spelled and self._close(m.key, x))
        # An alternate name ("Khwaja" for some town) counts at home only in the focus country or with a cue.
        homely = tuple(x for x in exact[:30] if gaz.iso2(x) in home and (
            feature_cue or gaz.iso2(x) == focus or self._main(m.key, x)))
        if not homely:
            # "Ukrainian forces took back Lyman ... Moscow announced": a place spelled exactly as in the country
            # whose army acts is better than a respelling of a village in the country merely named.
            homely = tuple(x for x in exact[:30] if gaz.iso2(x) in self._armies and self._main(m.key, x))
        in_home = bool(homely or extra)
        if not in_home and home and not any(gaz.population(x) >= 100000 for x in exact[:10]):
            # "Ghanzi province, Afghanistan": a misspelling of a home name beats an exact name abroad.
            # Only a near-miss spelling: "Matamoros" must stay Mexican when an American article is read.
            near_home = tuple(x for x in gaz.ranked_variants(strip_admin_words(m.key))
                              if gaz.iso2(x) in spelled and self._close(m.key, x, _MISSPELLING_CLOSENESS))
            if near_home:
                m.ids, m.n_exact = near_home, len(near_home)
                return True
        if m.guarded and not (feature_cue or in_home):
            return False
        if in_home:
            # Small namesakes abroad only add noise once the name is known at home.
            m.ids = tuple(x for x in exact if x in homely or self._notable(m, x, ntok)) + extra
            return True
        if not home:
            if m.cue:
                return True
            floor = 50000 if ntok == 1 else 5000
            return any(gaz.feature(x) in (ADMIN1, COUNTRY) or gaz.population(x) >= floor for x in m.ids[:10])
        notable = tuple(x for x in exact[:30] if self._notable(m, x, ntok))
        if notable:
            m.ids = notable
            return True
        if feature_cue:
            m.ids = ()  # "the village of X in north-eastern Burkina Faso": named, but not a place we know there
            return True
        return False

    def _neighbours(self, text: str, tokens: list[tuple[int, int]], i: int, ntok: int, m: _Mention,
                    home: set[str]) -> bool | None:
        """A name inside a longer run of capitalised words ("Abdul Ghani Baradar", "Baron Hotel") is a person or
        an organisation unless the rest is a generic head ("Kabul University") or the name is famous."""
        lex, gaz = self.lex, self.gaz
        if any(a <= m.start < b for a, b in self._headlines):
            # "Mass Exodus From Myanmar's Historic Mrauk-U": in a headline every word is capitalised, so
            # capitalised neighbours say nothing of a longer name, unless they are titles or name heads.
            around = [text[s:e] for s, e in tokens[max(0, i - 1):i] + tokens[i + ntok:i + ntok + 1]]
            if not any(fold(w) in lex.name_heads or fold(w) in lex.titles for w in around):
                return None
        if i + ntok < len(tokens):
            ns, ne = tokens[i + ntok]
            nxt = text[ns:ne]
            if _capitalised(nxt) and not text[m.end:ns].strip():
                if fold(nxt) in lex.name_heads:
                    return False
                if fold(nxt) not in lex.heads and (fold(nxt) in lex.words or not gaz.exact_ids(fold(nxt))):
                    return self._famous(m, home)
        if i > 0:
            ps, pe = tokens[i - 1]
            prv = text[ps:pe]
            if (_capitalised(prv) and not text[pe:m.start].strip() and not _sentence_initial(text, ps)
                    and not gaz.exact_ids(fold(prv)) and fold(prv) not in lex.words):
                return self._famous(m, home)
        return None

    def _in_name_run(self, text: str, tokens: list[tuple[int, int]], i: int, ntok: int) -> bool:
        """A one-word name between capitalised words that are not places ("Aung San Suu Kyi"): most likely part
        of a person's or an organisation's name, so it must not pull the article's focus abroad."""
        if ntok != 1 or any(a <= tokens[i][0] < b for a, b in self._headlines):
            return False
        for j in (i - 1, i + 1):
            if not 0 <= j < len(tokens):
                continue
            s, e = tokens[j]
            gap = text[e:tokens[i][0]] if j < i else text[tokens[i][1]:s]
            word = fold(text[s:e])
            if gap != " " or not _capitalised(text[s:e]) or (j < i and _sentence_initial(text, s)):
                continue
            if word not in self.lex.heads and not self.gaz.exact_ids(word):
                return True
        return False

    def _after_capital(self, text: str, tokens: list[tuple[int, int]], i: int) -> bool:
        """Whether the token right before token ``i`` is a capitalised word of the same name run."""
        if i == 0 or any(a <= tokens[i][0] < b for a, b in self._headlines):
            return False
        s, e = tokens[i - 1]
        return text[e:tokens[i][0]] == " " and _capitalised(text[s:e]) and not _sentence_initial(text, s)

    def _huge(self, m: _Mention) -> bool:
        gaz = self.gaz
        return any(gaz.feature(x) in (ADMIN1, COUNTRY) or gaz.population(x) >= _BIG for x in m.ids[:5])

    def _main(self, key: str, x: int, strict: bool = False) -> bool:
        """Whether ``key`` is the place's own name (or, unless ``strict``, a transliteration of it) rather than
        one of its alternate names."""
        own, key = strip_admin_words(self._name(x)), strip_admin_words(key)
        if _bare(own) == _bare(key):
            return True
        if strict:
            return False
        sk = skeleton(key)
        return bool(sk) and sk == skeleton(own)  # a transliteration of it ("Paktia" / "Paktiya")

    def _close(self, key: str, x: int, need: float = _VARIANT_CLOSENESS) -> bool:
        key, own = strip_admin_words(key), self._name(x)
        return _similar(key, own) >= need or _similar(_bare(key), _bare(own)) >= need

    def _within(self, x: int, m: _Mention) -> bool:
        """Whether candidate ``x`` lies in the unit named as its parent ("X district of Y")."""
        for unit in (self.gaz.admin1_name(x), self.gaz.admin2_name(x)):
            if unit:
                folded = strip_admin_words(fold(unit))
                if folded in m.parents or skeleton(folded) in m.parents:
                    return True
        return False

    def _name(self, x: int) -> str:
        name = self._names.get(x)
        if name is None:
            name = self._names[x] = fold(self.gaz.name_of(x))
        return name

    def _notable(self, m: _Mention, x: int, ntok: int) -> bool:
        """Whether a candidate abroad is well enough known to be meant without its country being named."""
        gaz = self.gaz
        feat = gaz.feature(x)
        if m.want >= 0 and feat != m.want and not (m.want == ADMIN2 and feat == CITY):
            return False
        if feat == COUNTRY or feat == m.want and feat in (ADMIN1, ADMIN2):
            return True  # "North Kivu province": an admin word and a unit of that name agree
        if self._main(m.key, x, strict=True):
            return feat == ADMIN1 or gaz.population(x) >= (300000 if ntok == 1 else 50000)
        return gaz.population(x) * (1.0, 0.6, 0.3)[feat] >= _BIG

    def _famous(self, m: _Mention, home: set[str]) -> bool:
        gaz = self.gaz
        if not m.exact:
            return False
        return any(self._main(m.key, x, strict=True)
                   and (gaz.feature(x) in (ADMIN1, COUNTRY) or gaz.population(x) >= 100000)
                   and (not home or gaz.iso2(x) in home or gaz.population(x) >= _BIG)
                   for x in m.ids[:max(m.n_exact, 1)][:10])

    def _strong(self, m: _Mention | Sequence[int]) -> bool:
        gaz = self.gaz
        ids = m.ids if isinstance(m, _Mention) else m
        return any(gaz.feature(x) in (ADMIN1, COUNTRY) or gaz.population(x) >= 100000 for x in ids[:5])

    def _read_cues(self, text: str, m: _Mention) -> None:
        if m.own_cue:
            m.cue = m.own_cue
            m.want = _CUE_FEATURE.get(m.cue, -1)
            m.after = True
            return
        after = _AFTER.match(text[m.end:m.end + 20])
        if after and m.ids and self.gaz.feature(m.ids[0]) == COUNTRY and (
                _CUE_FEATURE.get(after.group(1).lower()) != ADMIN1):
            after = None  # "the Pakistani city of Quetta": the cue is Quetta's ("Niger state" keeps its own)
        before = _BEFORE.search(text[max(0, m.start - 60):m.start])
        if before and before.group(0)[0].isupper() and not _sentence_initial(text, m.start - len(before.group(0))):
            before = None  # "US Central Command": a capitalised cue word belongs to a name
        if before and before.group("near"):
            m.near = True
        if after:
            m.cue = after.group(1).lower()
            m.after = True
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
        m.natural = m.cue in self.lex.natural
        if m.near:
            m.cue = "near"

    # ------------------------------------------------------------------------------------------ resolution

    def find(self, text: str, hints: Sequence[str] = (), armies: Sequence[str] = ()) -> list[Toponym]:
        """Every place mention in ``text``, resolved with the document's context; ``hints`` are iso2 codes of
        countries the article is about by other evidence (its armed groups), ``armies`` those whose forces it
        names by adjective ("Russian troops"), which say nothing of where events happen."""
        original, text = text, _unshout(text)
        mentions = self._mentions(text, hints, armies)
        if not mentions:
            return []
        gaz = self.gaz
        focus = self.last_focus
        # A country's name is matched as written only: "Nigeria" must not vouch for a town in Niger state.
        skels = {skeleton(m.key) for m in mentions if not (m.ids and gaz.feature(m.ids[0]) == COUNTRY)} | {
            m.key for m in mentions}
        countries_named = {gaz.iso2(m.ids[0]) for m in mentions if m.ids and gaz.feature(m.ids[0]) == COUNTRY}
        counts = Counter(m.key for m in mentions)
        repeated = frozenset(k for k, n in counts.items() if n > 1)  # "Belgorod (Belgorod, Belgorod)"
        resolved: dict[tuple[str, int, str, int], tuple[int, float]] = {}
        out: list[Toponym] = []
        repointed: dict[int, int] = {}  # mention index -> the admin1 unit its child was found in
        for k, m in enumerate(mentions):
            if k in repointed:
                out.append(Toponym(m.start, m.end, original[m.start:m.end], gaz.place(repointed[k]), m.cue, 0.5))
                continue
            memo = (m.key, m.want, m.parent, len(m.ids))
            if memo not in resolved:
                resolved[memo] = self._choose(m, focus, skels, countries_named, repeated) if m.ids else (-1, 0.0)
            idx, score = resolved[memo]
            if idx < 0 and m.parent and (m.want in (ADMIN2, CITY) or m.cue in ("district", "village", "town")):
                # "Nawa district of Ghanzi province": no Nawa in a unit spelled so, but one in a unit spelled
                # almost so.
                alt = self._inside_parent(m.key, m.parent, focus)
                idx, score = (alt, 0.5) if alt is not None else (idx, score)
                unit = gaz.admin1_id(gaz.admin1_name(alt), gaz.iso2(alt)) if alt is not None else None
                if unit is not None and k + 1 < len(mentions) and mentions[k + 1].key.startswith(m.parent):
                    repointed[k + 1] = unit  # and "Ghanzi province" is then that unit, not Botswana's Ghanzi
            if idx < 0:
                out.append(Toponym(m.start, m.end, original[m.start:m.end], None, m.cue, 0.0))
                continue
            place = gaz.place(idx)
            if m.cue == "part" and place.feature == "admin1":
                # "northern Shan State": ACLED splits some units by their parts (Shan-North).
                direction = _DIRECTION_WORD.search(text[max(0, m.start - 20):m.start])
                part = acled_admin1_part(place.iso2, place.admin1, direction.group(1).lower()) if direction else None
                if part:
                    place = replace(place, name=part, admin1=part)
            if m.cue == "near" and place.geo_precision == 1:
                place = replace(place, geo_precision=2)
            out.append(Toponym(m.start, m.end, original[m.start:m.end], place, m.cue, round(score, 3)))
        return _mark_reporting(original, out)

    def _focus(self, text: str, mentions: list[_Mention],
               demonyms: Counter[str]) -> tuple[str | None, set[str]]:
        """The article's country, and every country it names outright or by demonym.

        Each mention votes by how telling it is: a country name or a large city or admin1 counts heavily, a
        small place found in one country a little, an alternate name barely; repeated mentions add up."""
        gaz = self.gaz
        votes: dict[str, float] = {}
        named: set[str] = set()
        for m in mentions:
            if not m.exact:
                continue
            exact = m.ids[:max(m.n_exact, 1)]
            top = exact[0]
            cc = gaz.iso2(top)
            if gaz.feature(top) == COUNTRY:
                votes[cc] = votes.get(cc, 0.0) + 3
                named.add(cc)
                continue
            main = self._main(m.key, top, strict=True)
            # Another name of a province ("North Kivu" / Nord-Kivu) is as telling as its own name.
            akin = main or self._main(m.key, top) or gaz.feature(top) == ADMIN1
            mass = gaz.population(top) * (1.0, 0.6, 0.3)[gaz.feature(top)]
            countries = {gaz.iso2(x) for x in exact[:30]}
            total = sum(gaz.population(x) * (1.0, 0.6, 0.3, 50.0)[gaz.feature(x)] for x in exact[:30])
            # "Beni" is a Congolese town and a Bolivian department: a name shared abroad says less.
            share = sum(gaz.population(x) * (1.0, 0.6, 0.3, 50.0)[gaz.feature(x)] for x in exact[:30]
                        if gaz.iso2(x) == cc) / total if total else 1.0
            if akin and (gaz.feature(top) == ADMIN1 or mass >= _BIG):
                weight = 3.0 if main else 2.5
            elif akin and mass >= 100000:
                weight = 2.0 if main else 1.0
            elif len(countries) == 1:
                weight = 1.0 if akin else 0.3
            else:
                continue
            if _LOCATIVE.search(text[max(0, m.start - 30):m.start]):
                weight += 0.5
            elif _SPEAKER_AFTER.match(text[m.end:m.end + 40]):
                weight *= 0.3  # "Moscow announced": the speaking government, not the scene
            votes[cc] = votes.get(cc, 0.0) + weight * max(share, 0.3)
        for iso2, n in demonyms.items():
            # "US drone strike", "Afghan troops": telling, but usually about actors, so repeats add little.
            votes[iso2] = votes.get(iso2, 0.0) + min(2.0, 1.0 + 0.25 * (n - 1))
            named.add(iso2)
        focus = max(votes, key=lambda k: votes[k]) if votes else None
        return focus, named

    def _choose(self, m: _Mention, focus: str | None, skels: set[str],
                countries_named: set[str], repeated: frozenset[str] = frozenset()) -> tuple[int, float]:
        gaz = self.gaz
        best, best_score, second = m.ids[0], -1e9, -1e9
        cands = m.ids[:60]
        towns = {(gaz.iso2(x), skeleton(fold(gaz.name_of(x)))) for x in cands if gaz.feature(x) == CITY}
        # Only a town called by its own name makes its unit a namesake: "Bihar" is an alternate name of Bihar
        # Sharif, and there the state is meant.
        seats = {(gaz.iso2(x), gaz.admin1_name(x)) for x in cands if gaz.feature(x) == CITY and self._main(m.key, x)}
        # A unit sharing its name with a town in it ("Kunduz", "Mykolaiv" / Mykolaivska): a bare name is the town.
        namesakes = {x for x in cands if gaz.feature(x) != CITY and (
            (gaz.iso2(x), skeleton(fold(gaz.name_of(x)))) in towns
            or gaz.feature(x) == ADMIN1 and (gaz.iso2(x), gaz.name_of(x)) in seats)}
        exact = set(m.ids[:m.n_exact]) if m.exact and m.n_exact < len(m.ids) else set()
        # The enclosing units named elsewhere in the text; the mention itself is no evidence for a town inside
        # a unit of its name ("from Bihar" is the state, not Bihar Sharif).
        if m.key not in repeated:
            skels = skels - {m.key, skeleton(m.key)}
        exact_countries = {gaz.iso2(x) for x in exact}
        for x in cands:
            feat = gaz.feature(x)
            weight = (1.0, 0.6, 0.3, 50.0)[feat]
            score = math.log10(gaz.population(x) * weight + 10)
            if x in exact:
                score += 1.5  # the name as written ("Lyman") before a spelling variant of it ("Liman")
            elif exact and gaz.iso2(x) in exact_countries:
                score -= 3  # "Kagara" is a village of that name, not the bigger Kagoro nearby
            if feat == CITY and gaz.population(x) >= 100000 and self._main(m.key, x, strict=True):
                score += 1.5  # a city's own name before a bigger city's old or other name (Islamabad/Chattogram)
            if m.want >= 0:
                if feat == m.want:
                    score += 4
                elif m.want == ADMIN2 and feat == CITY:
                    score += 1  # "X district" with no district of that name: its main town
                elif m.want == CITY and feat in (ADMIN1, ADMIN2):
                    score -= 2
            elif m.cue == "part" and feat in (ADMIN1, COUNTRY) and x not in namesakes:
                score += 2
            cc = gaz.iso2(x)
            if feat in (ADMIN1, ADMIN2) and m.want < 0 and x in namesakes:
                score -= 1
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
                score += 6 if self._within(x, m) else (-6 if m.strict else 0)
            if score > best_score:
                best, best_score, second = x, score, best_score
            elif score > second:
                second = score
        if m.parent and m.strict and not self._within(best, m):
            return -1, 0.0  # no X inside Y: X stays unresolved rather than misplaced
        if m.want == ADMIN1 and gaz.feature(best) in (CITY, ADMIN2):
            # "Herat, Lashkar Gah and Kandahar provinces": a town called a province stands for its province.
            unit = gaz.admin1_id(gaz.admin1_name(best), gaz.iso2(best)) if gaz.admin1_name(best) else None
            if unit is not None:
                best = unit
        confidence = 1.0 / (1.0 + math.exp(-(best_score - second))) if second > -1e9 else 1.0
        return best, confidence


# A wire dateline at the start of a line: "KABUL, Afghanistan (AP) —", "BAMAKO —", "Mogadishu (Reuters) -".
_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+)*(?:,[ \t]*[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*)*)?"
    r"[ \t]*(?:\([^()\n]{1,30}\))?"
    r"|[A-Z][\w'’.\-]+(?:[ \t]+[A-Z][\w'’.\-]+)*(?:,[ \t]*[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*)*)?"
    r"[ \t]*\([^()\n]{1,30}\))[ \t]*(?:—|–|--?)[ \t]", re.MULTILINE)
# "Moscow announced", "Kyiv said": a capital standing for its government, not a place where anything happened.
_SPEAKER_AFTER = re.compile(
    r"^\s+(?:(?:has|have|had|also|later|quickly)\s+)?(?:said|says|say|announced|announces|claimed|claims|denied|"
    r"denies|accused|accuses|insisted|insists|warned|warns|stated|confirmed|confirms|responded|vowed|rejected|"
    r"rejects|condemned|condemns|blamed|blames|urged|urges|demanded|demands)\b")


def _mark_reporting(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Cue the mentions that say where a report comes from rather than where things happened: the dateline
    ("dateline") and a capital speaking for its government ("speaker"). They still tell the article's
    country; the event's place is looked for elsewhere first."""
    heads = [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
    out = []
    for t in toponyms:
        if any(a <= t.start and t.end <= b for a, b in heads):
            t = replace(t, cue="dateline")
        elif t.place is not None and _SPEAKER_AFTER.match(text[t.end:t.end + 40]) and \
                not _LOCATIVE.search(text[max(0, t.start - 30):t.start]):  # "an official in Kunduz said"
            t = replace(t, cue="speaker")
        out.append(t)
    return out


# "Deir ez-Zor", "Mazar-e Sharif"'s "e-Sharif": an Arabic or Persian article joined to a capitalised name.
_ARTICLED = re.compile(r"^(?:al|el|ez|es|ed|ad|ar|as|ash|az|an|e|i|ul|ud)-[A-Z]")


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


# Words a headline writer keeps in lower case even in title case.
_MINOR_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
                          "over", "the", "to", "with", "after", "amid", "near", "says", "say", "is", "are", "was",
                          "were", "be", "been", "being", "has", "have", "had", "its", "their", "his", "her"})


def _unshout(text: str) -> str:
    """Lines in capitals ("PROTESTER DIES IN MYANMAR CITY OF YANGON") in headline case, same length, so that
    names stand out from the words around them again."""
    if not any(c.isupper() for c in text):
        return text
    lines = text.split("\n")
    changed = False
    for k, line in enumerate(lines):
        letters = [c for c in line if c.isalpha()]
        if len(letters) < 12 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
            continue

        def case(match: re.Match[str]) -> str:
            word = match.group(0)
            if len(word) <= 1:
                return word
            low = word.lower()
            out = low if low in _MINOR_WORDS else word[0] + word[1:].lower()
            return out if len(out) == len(word) else word

        lines[k] = re.sub(r"[^\W\d_]+", case, line)
        changed = True
    return "\n".join(lines) if changed else text


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines (or whole short texts) in headline case: most words of four letters or more capitalised."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_]{4,}", line)]
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _line_start(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip()


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 3):start]))


_ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "et", "ez",
                       "ul"})


@lru_cache(maxsize=65536)
def _bare(folded: str) -> str:
    """"al ahmadi" -> "ahmadi", "mazar e sharif" -> "mazaresharif": a name without article or spacing."""
    words = folded.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return "".join(words)


@lru_cache(maxsize=65536)
def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()

"""Toponym recognition, disambiguation and the event's place.

Recognition scans capitalised token n-grams against the gazetteer (spaCy NER mislabels many Afghan and Burmese
place names, so it is not used), drops stop words, titles and actor names, and reads context cues around each
mention ("X province", "the town of X", "near X", "12 km north of X"). Disambiguation scores each candidate
with its population prior, the cue's feature type, the article's focus country and enclosing admin names
mentioned in the same text.

Token, cue and headline-case helpers live in ``geocues``; the spelling-likeness fallbacks in ``geospelling``;
the article's country vote in ``geofocus``; how neighbouring mentions qualify each other (parents, routes) in
``geolinks``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

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
from frontlines.geocues import (
    AFTER,
    ARTICLED,
    DIRECTION_WORD,
    LOCATIVE,
    MINOR_WORDS,
    Mention,
    capitalised,
    headline_lines,
    lexicon,
    line_start,
    mark_reporting,
    read_cues,
    sentence_initial,
    spread_plural_cues,
    tokenize,
    unshout,
)
from frontlines.geofocus import article_focus
from frontlines.geolinks import link_parents, mark_route_ends, route_parts
from frontlines.geospelling import bare, inside_parent, letters, similar, unlisted_units
from frontlines.model import Toponym

_MISSPELLING_CLOSENESS = 0.75  # a home variant must be this close to beat a name spelled exactly abroad
_VARIANT_CLOSENESS = 0.6  # below this a shared consonant skeleton is a coincidence ("Khwaja" / "La Jolla")
_BIG = 1_000_000
_QUARTER_CUES = frozenset({"area", "neighbourhood", "neighborhood", "suburb"})
_COMPASS = frozenset({"north", "south", "east", "west"})
_OPEN_QUOTES = frozenset("'\"‘“")
_QUOTED_REST = re.compile(r"((?:[ -][a-z]+){1,3})['’\"”]")


class Geoparser:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._armies: frozenset[str] = frozenset()
        self._hinted: frozenset[str] = frozenset()
        self._placed: set[str] = set()  # the countries the text names a place of (not only a demonym)
        self.gaz = gazetteer if gazetteer is not None else default_gazetteer()
        self.lex = lexicon()
        self.last_focus: str | None = None
        self._memo: dict[tuple[str, int], tuple[tuple[int, ...], bool, int, str]] = {}
        self._headlines: list[tuple[int, int]] = []
        self._names: dict[int, str] = {}

    # ------------------------------------------------------------------------------------------ recognition

    def _mentions(self, text: str, hints: Sequence[str] = (), armies: Sequence[str] = (),
                  common: frozenset[int] = frozenset()) -> list[Mention]:
        tokens = tokenize(text)
        self._armies = frozenset(armies)
        self._hinted = frozenset(h for h in hints if h)
        self._headlines = headline_lines(text)
        lowered = {text[s:e].lower() for s, e in tokens if text[s].islower()}
        raw: list[tuple[int, int, Mention]] = []
        # Hints are countries the text points to without naming a place: the home of an armed group it names
        # ("ADF" for Congo, "Houthis" for Yemen). They count like demonyms.
        demonym_votes: Counter[str] = Counter(h for h in hints if h)
        i = 0
        while i < len(tokens):
            pointed = self.lex.country_words.get(text[tokens[i][0]:tokens[i][1]])
            if pointed:
                demonym_votes[pointed] += 1  # "Anglophone separatists": Cameroon, though no place is named
                i += 1
                continue
            found = self._match_at(text, tokens, i)
            ends = self._route_ends(text, tokens[i]) if found is None or not found.exact else []
            if ends:
                raw.extend((i, 1, m) for m in ends)  # "the Abuja-Kaduna railway": its two towns
                i += 1
                continue
            if found is not None and found.end == tokens[i][1]:
                info = lookup_country(found.text)
                if info is not None and not found.exact and not (info.iso2 in armies and found.text in info.demonyms):
                    demonym_votes[info.iso2] += 1  # "Ukrainian", "Israeli": a demonym found as a respelling
                elif info is not None and found.text in info.demonyms and \
                        self.gaz.feature(found.ids[0]) != COUNTRY:
                    # "the Somali port of Kismayo": a demonym that also names a unit abroad (Ethiopia's Somali
                    # region) is a demonym; it is never kept as a place, so it must not vote as one.
                    if info.iso2 not in armies:
                        demonym_votes[info.iso2] += 1
                    i += 1
                    continue
            if found is None:
                s, e = tokens[i]
                info = lookup_country(text[s:e]) if capitalised(text[s:e]) else None
                if info is not None and not (info.iso2 in armies and text[s:e] in info.demonyms):
                    # "Russian missiles struck Kramatorsk": an army's adjective says who, not where
                    demonym_votes[info.iso2] += 1
                i += 1
                continue
            ntok = sum(1 for ts, _ in tokens[i:] if ts < found.end)
            if found.ids and not (ntok == 1 and found.start in common and self.gaz.feature(found.ids[0]) != COUNTRY):
                raw.append((i, ntok, found))
            i += ntok
        self._short_forms(raw)
        voters = [m for i, n, m in raw if len(m.key) > 2 and (n > 1 or self._strong(m) or not (
            m.key in self.lex.words or m.text.lower() in lowered or sentence_initial(text, m.start)))
            and not (self._in_name_run(text, tokens, i, n) and not self._huge(m))]
        focus, named, self._placed = article_focus(self.gaz, self._main, text, voters, demonym_votes)
        home = ({focus} if focus else set()) | named
        for _, _, m in raw:
            read_cues(self.gaz, self.lex, text, m)
        spread_plural_cues(text, raw)
        out: list[Mention] = []
        for i, ntok, m in raw:
            if self._keep(text, tokens, i, ntok, m, lowered, focus, home):
                m.initial = sentence_initial(text, m.start)
                out.append(m)
        link_parents(self.gaz, text, out)
        self.last_focus = focus
        return unlisted_units(self.gaz, self.lex, text, out, focus)

    def _short_forms(self, raw: list[tuple[int, int, Mention]]) -> None:
        """"Mazar" after "Mazar-i-Sharif": a lone first word of a longer name in the same text is that place."""
        longer: dict[str, Mention] = {}
        for _, _, m in raw:
            words = m.key.split()
            if len(words) > 1 and m.exact and len(words[0]) >= 4 and words[-1] not in _COMPASS:
                longer.setdefault(words[0], m)
        for _, _, m in raw:
            full = longer.get(m.key)
            if full is not None and full is not m:
                m.ids, m.exact, m.n_exact = full.ids, True, full.n_exact

    def _route_ends(self, text: str, token: tuple[int, int]) -> list[Mention]:
        """The towns a route is named by ("the Kunduz-Baghlan road"), when each is a name known as written."""
        out = []
        for part in route_parts(text, token):
            m = self._match_at(text, [part], 0)
            if m is None or not m.exact or m.end != part[1]:
                return []
            m.own_cue = "route"
            out.append(m)
        return out

    def _match_at(self, text: str, tokens: list[tuple[int, int]], i: int) -> Mention | None:
        s, e = tokens[i]
        word = text[s:e]
        if not capitalised(word) or (word.isupper() and len(word) > 1 and not line_start(text, s)):
            return None
        for n in range(min(4, len(tokens) - i), 0, -1):
            last_s, last_e = tokens[i + n - 1]
            last = text[last_s:last_e]
            if not (capitalised(last) or ARTICLED.match(last)) or not self._joinable(text, tokens, i, n) or (
                    n > 1 and last.isupper() and len(last) > 1):
                continue  # "The US military": an acronym is read on its own, as a demonym
            surface = text[s:last_e]
            key = fold(surface)
            if key in self.lex.phrases:
                return Mention(s, last_e, surface, key, (), False)
            guarded = False
            stop_last = fold(last) in self.lex.words and fold(last) not in self.lex.heads
            if n > 1 and (fold(word) in self.lex.words or stop_last):
                # "North Darfur", "Imam Sahib", "Nad Ali district": a stop word may begin or end a real name,
                # but only an exact one, or one an admin word right after vouches for.
                cued = bool(AFTER.match(text[last_e:last_e + 20]))
                known = self.gaz.exact_ids(key)
                # "Dera Ismail Khan": a long exact name of a large town is a place even if it ends in a title.
                # "Khartoum North": so is a large town's name that ends in a compass point.
                long_known = (n >= 3 or fold(last) in _COMPASS) and bool(known) and self._strong(known)
                if not cued and not long_known and (stop_last or not known):
                    continue
                if not known and fold(word) in MINOR_WORDS:
                    continue  # "In Khwahan district": a preposition never begins a respelled name
                guarded = True
            ids, exact, n_exact, cue = self._candidates(key, n)
            if ids:
                m = Mention(s, last_e, surface, key, ids, exact, n_exact=n_exact, guarded=guarded)
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
            if j + 1 < i + n - 1 and not capitalised(inner) and inner.lower() not in self.lex.connectors:
                return False
        return True

    def _keep(self, text: str, tokens: list[tuple[int, int]], i: int, ntok: int, m: Mention,
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
        if not m.cue and self._quoted_title(text, m):
            return False
        if m.natural:
            m.ids = ()  # "the Panj river": a river, not the town that shares its name
            return True
        if not m.after and not m.own_cue:
            verdict = self._neighbours(text, tokens, i, ntok, m, home)
            if verdict is not None:
                return verdict
        elif m.want in (ADMIN2, CITY, -1) and m.cue != "route" and self._after_name_word(text, tokens, i):
            return False  # "the Karte Parwan district": a quarter named after a province, not that province
        # Where a mere spelling variant is believed: the focus country, and the home of an armed group the text
        # names ("RSF fighters ... in El Geneina", though the women "fled to Chad").
        spelled = {focus} | self._hinted if focus else home
        if not m.exact and ntok == 1 and self._after_capital(text, tokens, i):
            return False  # "the Khuzestan Steel company": a respelled word inside a longer name
        if not m.exact:
            # A variant spelling is only trusted where the article is: Spira must not become Speyer. A capital
            # at a sentence start ("Angry parents") needs a closer spelling still.
            need = _VARIANT_CLOSENESS + (0.15 if ntok == 1 and sentence_initial(text, m.start) else 0.0)
            if m.cue in _QUARTER_CUES:
                # "the Shar-e-Naw area": a city's quarter is seldom in the gazetteer, so a loose respelling
                # ("Sharan") is another place; only a near-miss spelling is believed.
                need = max(need, _MISSPELLING_CLOSENESS)
            # A long name that differs only in the way it is transliterated ("Maarat al-Numan") is that place
            # wherever it is; otherwise, with no country to go by, only a big place's other spelling ("Hodeidah").
            same = {x for x in m.ids[:30] if len(m.key) >= 8 and letters(m.key) == letters(self._name(x))}
            if not spelled:
                m.ids = tuple(x for x in m.ids[:30] if x in same or self._close(m.key, x, need) and (
                    gaz.feature(x) == ADMIN1 or gaz.population(x) >= 300000))
            else:
                m.ids = tuple(x for x in m.ids if gaz.iso2(x) in spelled and self._close(m.key, x, need)) or tuple(
                    x for x in m.ids if x in same)
            return bool(m.ids)
        exact = m.ids[:m.n_exact]
        extra = tuple(x for x in m.ids[m.n_exact:] if gaz.iso2(x) in spelled and self._close(m.key, x))
        # An alternate name ("Khwaja" for some town) counts at home only in the focus country or with a cue.
        homely = tuple(x for x in exact[:30] if gaz.iso2(x) in home and (
            feature_cue or gaz.iso2(x) == focus or gaz.iso2(x) in self._hinted or self._main(m.key, x)))
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
        if not home & self._placed and (m.cue or LOCATIVE.search(text[max(0, m.start - 30):m.start])):
            # "A Turkish drone struck a car near Sinjar ... PKK": a home known only from demonyms and armed groups
            # says who acts, and a real town named as the scene is meant even abroad.
            m.ids = tuple(x for x in exact[:30] if self._main(m.key, x, strict=True) and gaz.population(x) >= 20000)
            return bool(m.ids)
        return False

    def _quoted_title(self, text: str, m: Mention) -> bool:
        """Khan's 'Azadi march': a quoted title that starts with a place name names a campaign, not a place."""
        if m.start == 0 or text[m.start - 1] not in _OPEN_QUOTES or (
                m.start > 1 and not (text[m.start - 2].isspace() or text[m.start - 2] in "([")):
            return False
        close = _QUOTED_REST.match(text, m.end)
        return close is not None and any(fold(w) in self.lex.quoted_titles for w in close.group(1).split())

    def _neighbours(self, text: str, tokens: list[tuple[int, int]], i: int, ntok: int, m: Mention,
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
            if capitalised(nxt) and not text[m.end:ns].strip():
                if fold(nxt) in lex.name_heads:
                    return False
                if fold(nxt) not in lex.heads and (fold(nxt) in lex.words or not gaz.exact_ids(fold(nxt))):
                    return self._famous(m, home)
        if i > 0:
            ps, pe = tokens[i - 1]
            prv = text[ps:pe]
            if (capitalised(prv) and not text[pe:m.start].strip() and not sentence_initial(text, ps)
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
            if gap != " " or not capitalised(text[s:e]) or (j < i and sentence_initial(text, s)):
                continue
            if word not in self.lex.heads and not self.gaz.exact_ids(word):
                return True
        return False

    def _after_name_word(self, text: str, tokens: list[tuple[int, int]], i: int) -> bool:
        """Whether a capitalised word that is no place, stop word or title comes right before token ``i``."""
        if not self._after_capital(text, tokens, i):
            return False
        word = fold(text[tokens[i - 1][0]:tokens[i - 1][1]])
        return not self.gaz.exact_ids(word) and word not in self.lex.words and word not in self.lex.titles

    def _after_capital(self, text: str, tokens: list[tuple[int, int]], i: int) -> bool:
        """Whether the token right before token ``i`` is a capitalised word of the same name run."""
        if i == 0 or any(a <= tokens[i][0] < b for a, b in self._headlines):
            return False
        s, e = tokens[i - 1]
        return text[e:tokens[i][0]] == " " and capitalised(text[s:e]) and not sentence_initial(text, s)

    def _huge(self, m: Mention) -> bool:
        gaz = self.gaz
        return any(gaz.feature(x) in (ADMIN1, COUNTRY) or gaz.population(x) >= _BIG for x in m.ids[:5])

    def _main(self, key: str, x: int, strict: bool = False) -> bool:
        """Whether ``key`` is the place's own name (or, unless ``strict``, a transliteration of it) rather than
        one of its alternate names."""
        own, key = strip_admin_words(self._name(x)), strip_admin_words(key)
        if bare(own) == bare(key):
            return True
        if strict:
            return False
        sk = skeleton(key)
        return bool(sk) and sk == skeleton(own)  # a transliteration of it ("Paktia" / "Paktiya")

    def _close(self, key: str, x: int, need: float = _VARIANT_CLOSENESS) -> bool:
        key, own = strip_admin_words(key), self._name(x)
        return similar(key, own) >= need or similar(bare(key), bare(own)) >= need

    def _within(self, x: int, m: Mention) -> bool:
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

    def _notable(self, m: Mention, x: int, ntok: int) -> bool:
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

    def _famous(self, m: Mention, home: set[str]) -> bool:
        gaz = self.gaz
        if not m.exact:
            return False
        return any(self._main(m.key, x, strict=True)
                   and (gaz.feature(x) in (ADMIN1, COUNTRY) or gaz.population(x) >= 100000)
                   and (not home or gaz.iso2(x) in home or gaz.population(x) >= _BIG)
                   for x in m.ids[:max(m.n_exact, 1)][:10])

    def _strong(self, m: Mention | Sequence[int]) -> bool:
        gaz = self.gaz
        ids = m.ids if isinstance(m, Mention) else m
        return any(gaz.feature(x) in (ADMIN1, COUNTRY) or gaz.population(x) >= 100000 for x in ids[:5])

    # ------------------------------------------------------------------------------------------ resolution

    def find(self, text: str, hints: Sequence[str] = (), armies: Sequence[str] = (),
             common: Iterable[int] = ()) -> list[Toponym]:
        """Every place mention in ``text``, resolved with the document's context; ``hints`` are iso2 codes of
        countries the article is about by other evidence (its armed groups), ``armies`` those whose forces it
        names by adjective ("Russian troops"), which say nothing of where events happen; ``common`` are offsets
        of capitalised words a parser reads as ordinary words ("Early reports", "Farmers blocked"), which are
        no places on their own."""
        original, text = text, unshout(text)
        mentions = self._mentions(text, hints, armies, frozenset(common))
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
                alt = inside_parent(self.gaz, m.key, m.parent, focus)
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
                direction = DIRECTION_WORD.search(text[max(0, m.start - 20):m.start])
                part = acled_admin1_part(place.iso2, place.admin1, direction.group(1).lower()) if direction else None
                if part:
                    place = replace(place, name=part, admin1=part)
            if m.cue == "near" and place.geo_precision == 1:
                place = replace(place, geo_precision=2)
            out.append(Toponym(m.start, m.end, original[m.start:m.end], place, m.cue, round(score, 3)))
        return mark_reporting(original, mark_route_ends(text, out))

    def _choose(self, m: Mention, focus: str | None, skels: set[str],
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
        # GeoNames gives many towns no population (Maarrat an Numan): their district of the same name must not
        # win on its people alone.
        unpeopled = {(gaz.iso2(x), letters(self._name(x))) for x in cands if gaz.feature(x) == CITY
                     and not gaz.population(x)}
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
            if feat == CITY and gaz.population(x) >= 20000 and self._main(m.key, x, strict=True):
                # A town's own name before a bigger town's old or other name (Islamabad/Chattogram, Southport/
                # Kenosha), but not before a city ten times its size called so for short (Heroica Matamoros).
                score += 1.5 if gaz.population(x) >= 100000 else 0.8
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
            if feat == ADMIN2 and m.want < 0 and (cc, letters(self._name(x))) in unpeopled:
                score -= 4
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

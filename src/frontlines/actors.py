"""Actor mentions in text, and their ACLED names and inter codes.

Mentions are found with the lexicon in ``data/actors.json``; naming needs the event's country and date because
state forces carry the years of the ruling administration (``data/state_eras.json``) and a rebel group that
takes power becomes the state ("Taliban" after 15 August 2021).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from .countries import CountryInfo, country_by_iso2, lookup_country
from .model import Actor

INTER_STATE, INTER_REBEL, INTER_POLITICAL_MILITIA, INTER_IDENTITY_MILITIA = 1, 2, 3, 4
INTER_RIOTERS, INTER_PROTESTERS, INTER_CIVILIANS, INTER_EXTERNAL = 5, 6, 7, 8

ARMED_KINDS = frozenset({"named", "military", "police", "generic_armed", "unidentified", "external_armed"})
STATE_KINDS = frozenset({"military", "police", "government"})
# Country names that take "the" inside an actor name: "Military Forces of the United States (2021-)".
_WITH_ARTICLE = frozenset({"US", "GB", "CD", "CF", "PH", "NL", "CG", "GM", "BS", "AE", "CZ", "DO", "MV"})


_BRANCH_RE = re.compile(r"\s*\((?P<branch>[A-Z][\w' -]{1,45})\)")


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    kind: str  # named | external | military | police | government | generic_armed | unidentified | civilians ...
    name: str = ""
    inter: int = 0
    country_hint: str = ""  # iso2 named in the mention itself ("Afghan forces")
    home: str = ""
    government_from: str | None = None
    by_country: tuple[tuple[str, str], ...] = ()
    # Which of the state's forces a ruling group's mention means once it governs ("Taliban police").
    state_kind: str = "military"

    @property
    def armed(self) -> bool:
        return self.kind in ARMED_KINDS or (self.kind == "external" and self.inter == INTER_EXTERNAL
                                            and "UN" not in self.name)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    data = resources.files("frontlines").joinpath("data/actors.json").read_text(encoding="utf-8")
    return json.loads(data)


@lru_cache(maxsize=1)
def _eras() -> dict[str, list[list[Any]]]:
    data = resources.files("frontlines").joinpath("data/state_eras.json").read_text(encoding="utf-8")
    return json.loads(data)["eras"]


def _alternation(patterns: Iterable[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(patterns), key=len, reverse=True))


def _wordlike(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class _LiteralMatcher:
    """Case-sensitive literal names found where a word starts and ends, the longest first at each position: what
    one regular-expression alternation of them all would find, without its cost for a thousand names."""

    def __init__(self, names: Iterable[str]) -> None:
        # Keyed by the name's first run of word characters, which must be a whole word of the text.
        self._by_first: dict[str, list[str]] = {}
        for name in sorted(set(names), key=len, reverse=True):
            first = _WORD.match(name)
            self._by_first.setdefault(first.group(0) if first else name, []).append(name)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        n, resume = len(text), 0
        for word in _WORD.finditer(text):
            i = word.start()
            if i < resume or i and text[i - 1] == "-":
                continue  # inside the last name, or after a hyphen ("pro-Taliban" names no group)
            for name in self._by_first.get(word.group(0), ()):
                end = i + len(name)
                if text.startswith(name, i) and (end >= n or not _wordlike(text[end])):
                    yield i, end, name
                    resume = end
                    break


@dataclass(frozen=True)
class _Matchers:
    named: _LiteralMatcher
    named_entries: dict[str, dict[str, Any]]
    state: re.Pattern[str]
    state_kinds: dict[str, str]
    plain: re.Pattern[str]
    plain_kinds: dict[str, str]
    noun_first_words: frozenset[str]  # a force noun can only start at one of these words
    plain_first_words: frozenset[str]


@lru_cache(maxsize=1)
def _matchers() -> _Matchers:
    lex = _lexicon()
    named_entries: dict[str, dict[str, Any]] = {}
    for kind in ("named", "external"):
        for entry in lex[kind]:
            for pattern in entry["patterns"]:
                named_entries.setdefault(pattern, {**entry, "kind": kind})
    named = _LiteralMatcher(named_entries)
    state_kinds = {noun.lower(): kind for kind, nouns in lex["state_nouns"].items() for noun in nouns}
    # A capitalised word before the noun may be a demonym or country ("Afghan forces", "Nigerian troops",
    # "Sudan's army"); it is checked against the country table after matching.
    state = re.compile(
        r"(?:\b(?:(?P<first>[A-Z][\w'.-]*) and )?(?P<dem>(?:[A-Z]\.){2,3}|[A-Z][\w'-]*(?: [A-Z][\w-]*)?)(?:'s)? "
        r"(?:(?:government|security|armed|special|"
        r"national|military|air|border|riot)\s+)?)?\b(?P<noun>" + _alternation(state_kinds) + r")\b",
        re.IGNORECASE,
    )
    plain_kinds: dict[str, str] = {}
    for kind in ("generic_armed", "unidentified", "civilians", "protesters", "rioters"):
        for word in lex[kind]:
            plain_kinds.setdefault(word.lower(), kind)
    plain = re.compile(r"\b(?:" + _alternation(plain_kinds) + r")\b", re.IGNORECASE)
    first_words = frozenset(w.group(0).lower() for noun in state_kinds for w in [_WORD.match(noun)] if w)
    plain_first = frozenset(w.group(0).lower() for phrase in plain_kinds for w in [_WORD.match(phrase)] if w)
    return _Matchers(named, named_entries, state, state_kinds, plain, plain_kinds, first_words, plain_first)


def find_actor_mentions(text: str, offset: int = 0) -> list[ActorMention]:
    """Actor mentions in ``text`` (a sentence); offsets are shifted by ``offset`` into the article."""
    return list(_find_actor_mentions(text, offset))


@lru_cache(maxsize=2048)
def _find_actor_mentions(text: str, offset: int) -> tuple[ActorMention, ...]:
    m = _matchers()
    found: list[ActorMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for a, b, literal in m.named.finditer(text):
        entry = m.named_entries[literal]
        # "Taliban fighters", "Shabaab militants": the group noun belongs to the mention.
        tail = re.match(r"\s+(?:(?:separatist|islamist|jihadist|rebel|insurgent|armed|suspected)\s+)?"
                        r"(?:fighters|militants|insurgents|forces|members|gunmen|rebels|militia|gang|"
                        r"commanders?|jihadists|guerrillas|militiamen|troops)\b", text[b:], re.I)
        if tail:
            b += tail.end()
        # "Taliban police", "Taliban intelligence agents": once the group governs, these are its police (ACLED
        # codes a ruling group's police and intelligence service as Police Forces).
        policing = _POLICING_TAIL.match(text[b:]) if entry.get("government_from") and not tail else None
        if policing:
            b += policing.end()
        name, by_country = entry["name"], tuple(sorted(entry.get("by_country", {}).items()))
        # ACLED-style notes name the branch in brackets: "Islamic State (Sahel) militants". The bracket is part
        # of the name, not a place of its own.
        paren = _BRANCH_RE.match(text, b)
        if paren:
            if "{country}" in name:
                name, by_country = name.replace("{country}", paren.group("branch")), ()
            b = paren.end()
            tail = re.match(r"\s+(?:fighters|militants|insurgents|forces|members|gunmen|rebels|militia)\b", text[b:])
            b += tail.end() if tail else 0
        found.append(ActorMention(
            offset + a, offset + b, text[a:b], entry["kind"], name, entry["inter"],
            home=entry.get("home", ""), government_from=entry.get("government_from"), by_country=by_country,
            state_kind="police" if policing else "military",
        ))
        taken.append((a, b))
    pos, limit, resume = 0, len(text), 0
    # Every match ends in a force noun, so each search starts a short reach before the next noun instead of
    # trying the optional demonym prefix at every character of the sentence.
    tokens = list(_WORD.finditer(text))
    noun_starts = [w.start() for w in tokens if w.group(0).lower() in m.noun_first_words]
    while True:
        i = bisect_left(noun_starts, pos)
        found_state = m.state.search(text, max(pos, noun_starts[i] - _PREFIX_REACH), limit) \
            if i < len(noun_starts) else None
        if found_state is None:
            if limit == len(text):
                break
            pos, limit = resume, len(text)  # the words before a skipped noun held nothing: go on after it
            continue
        match = found_state
        a, b = match.span()
        pos, limit = max(b, resume), len(text)
        noun = match.group("noun")
        kind = m.state_kinds[noun.lower()]
        dem = match.group("dem")
        last = dem.split()[-1] if dem else ""
        if last and f"{last} {noun}".lower() in m.state_kinds and last.lower() not in m.state_kinds:
            # "Air defences": the word the pattern took for a demonym begins a longer force noun.
            kind = m.state_kinds[f"{last} {noun}".lower()]
            dem = dem[:dem.rindex(last)].strip() or None
            a = match.start("noun") - len(last) - 1
        if kind == "weapon" and not dem and not _STATE_OWNER.search(text, match.start(), match.start("noun")):
            continue  # "a missile struck": no doer named; "a Russian missile": Russia's forces
        hint = ""
        if dem:
            # The pattern is case-insensitive, so the "demonym" may be any word: only capitalised words count.
            # "A US drone": the article is no part of the name (and "A US" must not read as "AUS", Australia).
            words = [w.removesuffix("'s").removesuffix("’s") for w in dem.split() if w[:1].isupper()
                     and w not in ("A", "An", "The")]
            info = (lookup_country(" ".join(words)) if words else None) or next(
                (c for c in (lookup_country(w) for w in words) if c is not None), None) or next(
                (c for w in words for c in [_joint_lead(w)] if c is not None), None)
            if info is None:
                # Not a country word: the mention starts at the noun ("Herat police" keeps its noun).
                a = match.start("noun")
                pair = _FORCE_PAIR.match(text, match.start(), match.start("noun"))
                if pair and pair.group(1).lower() in m.state_kinds and free(pair.start(1), pair.end(1)):
                    # "police and soldiers fired": the words before the noun hold a force of their own.
                    pos, limit, resume = match.start(), match.start("noun"), b
            else:
                hint = info.iso2
                first = next((w for w in words if lookup_country(w) is not None), words[0])
                a = match.start("dem") + dem.index(first)
                lead = lookup_country(match.group("first")) if match.group("first") else None
                if lead is not None:
                    # "Mozambican and Rwandan forces", "US and UK forces": the first-named army leads.
                    hint, a = lead.iso2, match.start("first")
        if kind == "weapon":
            if not hint and _STATE_OWNER.search(text, match.start(), match.start("noun")):
                pass  # "government artillery", "regime warplanes": the state's forces, country from the event
            elif not hint:
                # "military artillery units": no weapon of a named country, but the words before the noun may
                # still name the forces, so they are searched again on their own.
                if match.start("noun") > match.start():
                    pos, limit, resume = match.start(), match.start("noun"), b
                continue
            kind = "military"
        if not hint and kind == "military" and _NON_STATE_BEFORE.search(text, max(0, match.start("noun") - 30),
                                                                       match.start("noun")):
            continue  # "resistance forces of the PDF", "rebel troops": not the state's, whatever the noun
        if kind == "government" and not hint and _MILITARY_RULE.search(text, match.start(), match.start("noun")):
            kind = "military"  # "the military government declared martial law": ACLED codes a junta as its army
        if not free(a, b):
            continue
        if kind == "government" and not hint:
            continue  # "officials said", "authorities": attribution far more often than an actor
        if kind in ("military", "police") and _WORKED_FOR.search(text, max(0, a - 40), a):
            continue  # "a former interpreter for foreign troops": the forces name whom the victim worked for
        if kind in ("military", "police") and _FORMER.search(text, max(0, a - 12), a):
            kind = "civilians"  # "a former army officer", "retired policemen": ACLED codes them civilians
        found.append(ActorMention(offset + a, offset + b, text[a:b], kind, country_hint=hint))
        taken.append((a, b))
    # As finditer would, but trying the alternation only where one of its phrases can begin.
    last_end = 0
    for word in tokens:
        if word.start() < last_end or word.group(0).lower() not in m.plain_first_words:
            continue
        phrase = m.plain.match(text, word.start())
        if phrase is None:
            continue
        a, b = phrase.span()
        last_end = b
        if not free(a, b):
            continue
        kind = m.plain_kinds[phrase.group(0).lower()]
        hint = ""
        if kind == "civilians":
            # "3 Spanish tourists", "two Chinese engineers": ACLED names civilians by their nationality.
            dem = _DEMONYM_BEFORE.search(text, max(0, a - 30), a)
            info = lookup_country(dem.group(1)) if dem else None
            hint = info.iso2 if info else ""
        found.append(ActorMention(offset + a, offset + b, text[a:b], kind, country_hint=hint))
        taken.append((a, b))
    return _affiliations(text, offset, sorted(found, key=lambda x: x.start))


def _joint_lead(word: str) -> CountryInfo | None:
    """"a joint US-Afghan airstrike", "Russian-Syrian warplanes": the first-named of two armies leads
    ("Turkish-backed" is no pair: its second half names no country)."""
    parts = word.split("-")
    if len(parts) < 2 or not all(lookup_country(p) is not None for p in parts):
        return None
    return lookup_country(parts[0])


# Owners that are no force noun of their own ("army artillery" is found through "army" itself).
_STATE_OWNER = re.compile(r"\b(?:government|regime|pro-government)\b", re.IGNORECASE)
_NON_STATE_BEFORE = re.compile(r"\b(?:resistance|rebel|opposition|insurgent|separatist|anti-\w+|militia|tribal|"
                               r"guerrilla|jihadist|paramilitary\s+rebel)\s+$", re.IGNORECASE)
_FORCE_PAIR = re.compile(r"(\w+)\s+(?:and|&)\s+(?:\w+\s+)?$")
_DEMONYM_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+$")
_WORKED_FOR = re.compile(r"\b(?:interpreters?|translators?|contractors?|employees?|workers?|staff|cooks?|guides?|"
                         r"fixers?|advisers?|advisors?)\s+(?:for|with|to)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_FORMER = re.compile(r"\b(?:former|retired|ex-)\s*$", re.IGNORECASE)
_MILITARY_RULE = re.compile(r"\bmilitary\s+$", re.IGNORECASE)

_WORD = re.compile(r"\w+")
# The longest demonym-and-modifier prefix before a force noun ("Mozambican and Rwandan special forces").
_PREFIX_REACH = 80

_POLICING_TAIL = re.compile(r"\s+(?:police(?:men|\s+officers)?|intelligence(?:\s+(?:agents|officers|members|"
                            r"operatives|personnel|service|officials))?)\b", re.IGNORECASE)


_AFFILIATED = re.compile(r"\s+(?:affiliated with|belonging to|loyal to|linked to|allied (?:to|with)|from|of)\s+"
                         r"(?:the\s+)?(?:(?:local|rival|various|several|two|armed)\s+)?", re.IGNORECASE)


def _affiliations(text: str, offset: int, found: list[ActorMention]) -> tuple[ActorMention, ...]:
    """"Gunmen affiliated with Islamic State", "fighters from the Gran Grif gang": the group named after an
    unnamed mention is who they are."""
    out: list[ActorMention] = []
    i = 0
    while i < len(found):
        m = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if m.kind in ("unidentified", "generic_armed") and nxt is not None and nxt.kind == "named" and \
                _AFFILIATED.fullmatch(text[m.end - offset:nxt.start - offset]):
            out.append(replace(nxt, start=m.start, text=text[m.start - offset:nxt.end - offset]))
            i += 2
            continue
        out.append(m)
        i += 1
    return tuple(out)


def _era(iso2: str, on: date) -> list[Any]:
    for era in _eras().get(iso2, []):
        start, end = era[0], era[1]
        if date.fromisoformat(start) <= on and (end is None or on < date.fromisoformat(end)):
            return list(era)
    return []


def era_label(iso2: str, on: date) -> str:
    era = _era(iso2, on)
    return str(era[2]) if era else ""


def state_actor_name(kind: str, country: CountryInfo, on: date) -> str:
    prefix = {"military": "Military Forces of", "police": "Police Forces of", "government": "Government of"}[kind]
    era = _era(country.iso2, on)
    label = str(era[2]) if era else ""
    name = f"the {country.name}" if country.iso2 in _WITH_ARTICLE else country.name
    suffix = f" {era[3]}" if len(era) > 3 else ""  # "Military Forces of Yemen (2012-2022) Hadi"
    return f"{prefix} {name}" + (f" ({label})" if label else "") + suffix


@dataclass(frozen=True)
class ArticleContext:
    """What the whole article says about who is fighting: used to resolve 'the insurgents', 'the group'."""

    dominant_armed: ActorMention | None
    country: str  # iso2 of the article's focus
    unclaimed: bool = False  # the article says nobody claimed the attack or the doer is unknown
    # The article and its first-level admin units, so that an event placed in another country than the
    # article's focus can still get that country's regional default, and a sentence can see its neighbours.
    text: str = ""
    admin1s: tuple[str, ...] = ()

    @classmethod
    def from_mentions(cls, mentions: Sequence[ActorMention], country: str, *, on: date | None = None,
                      text: str = "", admin1s: Iterable[str] = ()) -> ArticleContext:
        admin1s = tuple(admin1s)
        counts = Counter(m.name for m in mentions if m.kind == "named" and m.inter in (2, 3, 4))
        dominant = None
        if counts:
            best = counts.most_common(1)[0][0]
            dominant = next(m for m in mentions if m.name == best)
        else:
            # No rebel group named: unnamed insurgents where one group dominates are that group; else the other
            # side is a foreign army ("Russian forces" in a report from Ukraine).
            if on is not None and text:
                dominant = regional_default(country, on, text, admin1s)
            foreign = Counter(m.country_hint for m in mentions
                              if m.kind == "military" and m.country_hint and m.country_hint != country)
            if dominant is None and foreign:
                hint = foreign.most_common(1)[0][0]
                dominant = next(m for m in mentions if m.kind == "military" and m.country_hint == hint)
        return cls(dominant, country, text=text, admin1s=admin1s)


def regional_default(country: str, on: date, text: str, admin1s: Iterable[str] = ()) -> ActorMention | None:
    """The group an analyst reads into unnamed 'insurgents' where one group dominates (data/actors.json)."""
    places = {a.lower() for a in admin1s if a}
    for entry, cues in _regional_defaults():
        if entry["country"] != country or on < date.fromisoformat(entry["from"]) or (
                entry.get("to") and on >= date.fromisoformat(entry["to"])):
            continue
        if entry.get("admin1") and not places & {a.lower() for a in entry["admin1"]}:
            continue
        cue = next((c for c in cues.finditer(text)
                    if not _UNKNOWN_BEFORE.search(text[max(0, c.start() - 20):c.start()])), None)
        if cue is not None:
            return ActorMention(cue.start(), cue.end(), cue.group(0), "named", entry["name"], entry["inter"],
                                home=entry["country"])
    return None


_UNKNOWN_BEFORE = re.compile(r"\b(?:unidentified|unknown|unnamed)\s+(?:armed\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _regional_defaults() -> tuple[tuple[dict[str, Any], re.Pattern[str]], ...]:
    return tuple((entry, re.compile(r"\b(?:" + _alternation(entry["cues"]) + r")\b", re.IGNORECASE))
                 for entry in _lexicon().get("regional_defaults", ()))


def resolve_actor(mention: ActorMention, *, country: str, on: date, context: ArticleContext) -> Actor:
    """The ACLED actor a mention denotes in an event in ``country`` (iso2) on ``on``."""
    info = country_by_iso2(country) if country else None
    cname = info.name if info else ""
    if mention.kind in ("named", "external"):
        name, inter = mention.name, mention.inter
        if mention.government_from and mention.home and on >= date.fromisoformat(mention.government_from):
            home = country_by_iso2(mention.home)
            if home is not None:
                # Once the group is the government, its fighters are that state's forces.
                inter = INTER_STATE if country in ("", mention.home) else INTER_EXTERNAL
                return Actor(state_actor_name(mention.state_kind, home, on), inter, home.name, mention.text)
        if "{country}" in name:
            by_country = dict(mention.by_country)
            name = by_country.get(country) or (name.replace("{country}", cname) if cname else
                                               name.replace(" ({country})", ""))
        return Actor(name, inter, cname, mention.text)
    if mention.kind in STATE_KINDS:
        hint = mention.country_hint or _lexicon().get("default_military", {}).get(country, "")
        own = country_by_iso2(hint) if hint else info
        if own is None:
            generic = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}
            return Actor(generic[mention.kind], INTER_STATE, "", mention.text)
        inter = INTER_STATE if (not country or own.iso2 == country) else INTER_EXTERNAL
        return Actor(state_actor_name(mention.kind, own, on), inter, own.name, mention.text)
    if mention.kind == "generic_armed":
        dominant = context.dominant_armed
        if country and (dominant is None or dominant.kind == "military") and (
                regional := regional_default(country, on, context.text, context.admin1s)) is not None:
            # "Rwandan troops retook Mocimboa da Praia from insurgents": the group that dominates where the event
            # happened, even when the article's focus is another country or a foreign army is named.
            dominant = regional
        if dominant is not None and dominant.kind not in STATE_KINDS:
            # "militants" in a report about Israeli forces are not those forces.
            return resolve_actor(dominant, country=country, on=on, context=context)
        return Actor(f"Unidentified Armed Group ({cname})" if cname else "Unidentified Armed Group",
                     INTER_POLITICAL_MILITIA, cname, mention.text)
    if mention.kind == "unidentified":
        return Actor(f"Unidentified Armed Group ({cname})" if cname else "Unidentified Armed Group",
                     INTER_POLITICAL_MILITIA, cname, mention.text)
    label = {"civilians": ("Civilians", INTER_CIVILIANS), "protesters": ("Protesters", INTER_PROTESTERS),
             "rioters": ("Rioters", INTER_RIOTERS)}[mention.kind]
    if mention.kind in ("civilians", "rioters") and mention.country_hint:
        own = country_by_iso2(mention.country_hint)
        cname = own.name if own else cname
    return Actor(f"{label[0]} ({cname})" if cname else label[0], label[1], cname, mention.text)


def state_forces(country: str, on: date, kind: str = "military") -> Actor | None:
    info = country_by_iso2(country)
    if info is None or kind == "military" and country in _lexicon().get("default_military", {}):
        return None  # a territory with no army of its own (Palestine): no implicit state side to fill in
    return Actor(state_actor_name(kind, info, on), INTER_STATE, info.name, "")


def country_actor(text: str, on: date, event_country: str) -> Actor | None:
    """'The US is carrying out air strikes': a country named as the doer means its armed forces."""
    info = lookup_country(text)
    if info is None:
        return None
    inter = INTER_STATE if info.iso2 == event_country else INTER_EXTERNAL
    return Actor(state_actor_name("military", info, on), inter, info.name, text)

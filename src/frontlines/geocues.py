"""Recognition helpers of the geoparser: word tokens, the cue phrases read around a place mention, the stop-word
lexicon, headline-case handling and the marks of where a report comes from (datelines, speaking capitals)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontlines.countries import fold
from frontlines.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, Gazetteer
from frontlines.model import Toponym

TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")
SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$|^\s*$")
PARAGRAPH = re.compile(r"\n\s*\n")

# Cue words after a name -> the feature type they ask for.
AFTER = re.compile(
    r"^(?:'s|’s)?\s+(provinces?|governorates?|regions?|states?|districts?|county|counties|city|cities|towns?|"
    r"villages?|area|valley|airport|townships?|neighbou?rhood|suburb|river|lake|sea|mountains?|hills?|range|"
    r"canal|gulf|bay|strait|desert|plateau|islands?|peninsula)\b", re.IGNORECASE)
BEFORE = re.compile(
    r"\b(?:(?P<kind>city|town|village|province|district|governorate|region|state|township|county)\s+of|"
    r"(?P<capital>capital)\s+of|(?P<near>near|nearby|outside|outskirts\s+of|vicinity\s+of|close\s+to|"
    r"(?:\d+(?:\.\d+)?|a\s+few|several)\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?(?:of|from)|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)|"
    r"(?P<part>(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
    r"south-?western|northeastern|northwestern|southeastern|southwestern|parts\s+of|across))|"
    r"(?P<governor>governor\s+of))\s+(?:the\s+)?$", re.IGNORECASE)
LINK = re.compile(
    r"^(?:'s|’s)?\s*(?:province|district|city|town|village|township|county|area|region|state|"
    r"district\s+cent(?:er|re)|(?:district\s+)?headquarters)?\s*"
    r"(?:,|of|in|\()\s*"
    r"(?:the\s+)?$", re.IGNORECASE)
# "Koshki Kohna district of Herat", "Spira district, Khost", "Qala Ka district (Farah)": a unit named with
# its parent.
UNIT_WITH_PARENT = re.compile(
    r"(?P<name>[A-Z][\w'’]*(?:(?:\s+|-|\s*-\s*)(?:[A-Z][\w'’]*|[Ii]|[Ee]|ye|wa|e|i|\(\s*[A-Z][\w'’]*\s*\))){0,4})"
    r"\s+district\s*(?:of|in|,|\()\s*(?:the\s+)?(?P<parent>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")
LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)$")
DIRECTION_WORD = re.compile(r"\b(north|south|east|west)(?:ern)?\s+(?:the\s+)?$", re.IGNORECASE)
GOVERNOR_AFTER = re.compile(r"^(?:'s|’s)\s+(?:provincial\s+)?governor", re.IGNORECASE)
# A preposition of place right before a name: "in Kabul" is better evidence of where a story is than
# "Washington says".
LOCATIVE = re.compile(r"\b(?:in|at|near|outside|into|across|around|of)\s+(?:the\s+)?(?:[a-z\-]+\s+)?$")

CUE_FEATURE = {
    "governorates": ADMIN1, "regions": ADMIN1, "division": ADMIN1, "states": ADMIN1, "oblast": ADMIN1,
    "province": ADMIN1, "provinces": ADMIN1, "governorate": ADMIN1, "region": ADMIN1, "state": ADMIN1,
    "district": ADMIN2, "districts": ADMIN2, "county": ADMIN2, "counties": ADMIN2, "township": ADMIN2,
    "townships": ADMIN2, "city": CITY, "cities": CITY, "town": CITY, "towns": CITY, "village": CITY,
    "villages": CITY, "capital of": ADMIN1, "governor": ADMIN1,
}
PLURAL_CUES = frozenset({"provinces", "governorates", "regions", "states", "districts", "counties", "townships",
                         "cities", "towns", "villages"})


@dataclass(frozen=True)
class Lexicon:
    words: frozenset[str]
    phrases: frozenset[str]
    titles: frozenset[str]
    connectors: frozenset[str]
    heads: frozenset[str]
    name_heads: frozenset[str]
    natural: frozenset[str]
    quoted_titles: frozenset[str]
    country_words: dict[str, str]  # "Ambazonian" -> CM: a word that points to one country, like a demonym


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = Path(str(resources.files("frontlines") / "data" / "geo_stopwords.json"))
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    with open(path.with_name("geo_country_words.json"), encoding="utf-8") as fh:
        country_words: dict[str, str] = dict(json.load(fh)["words"])
    return Lexicon(
        words=frozenset(fold(w) for w in raw["words"]), phrases=frozenset(fold(p) for p in raw["phrases"]),
        titles=frozenset(fold(t) for t in raw["titles"]), connectors=frozenset(raw["connectors"]),
        heads=frozenset(fold(h) for h in raw["generic_heads"]),
        name_heads=frozenset(fold(h) for h in raw["name_heads"]),
        natural=frozenset(fold(h) for h in raw["natural_features"]),
        quoted_titles=frozenset(fold(h) for h in raw["quoted_title_heads"]), country_words=country_words,
    )


@dataclass
class Mention:
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


# A wire dateline at the start of a line: "KABUL, Afghanistan (AP) —", "BAMAKO —", "Mogadishu (Reuters) -",
# "GOMA, Democratic Republic of Congo (Wire) -" (a country's name may hold small words).
_DATELINE_COUNTRY = r"(?:,[ \t]*[A-Z][\w'’.\-]*(?:[ \t]+(?:(?:of|the|and)[ \t]+)*[A-Z][\w'’.\-]*)*)?"
DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+)*" + _DATELINE_COUNTRY +
    r"[ \t]*(?:\([^()\n]{1,30}\))?"
    r"|[A-Z][\w'’.\-]+(?:[ \t]+[A-Z][\w'’.\-]+)*" + _DATELINE_COUNTRY +
    r"[ \t]*\([^()\n]{1,30}\))[ \t]*(?:—|–|--?)[ \t]", re.MULTILINE)
# "Moscow announced", "Kyiv said": a capital standing for its government, not a place where anything happened.
SPEAKER_AFTER = re.compile(
    r"^\s+(?:(?:has|have|had|also|later|quickly)\s+)?(?:said|says|say|announced|announces|claimed|claims|denied|"
    r"denies|accused|accuses|insisted|insists|warned|warns|stated|confirmed|confirms|responded|vowed|rejected|"
    r"rejects|condemned|condemns|blamed|blames|urged|urges|demanded|demands)\b")


def mark_reporting(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Cue the mentions that say where a report comes from rather than where things happened: the dateline
    ("dateline") and a capital speaking for its government ("speaker"). They still tell the article's
    country; the event's place is looked for elsewhere first."""
    heads = [(m.start(), m.end()) for m in DATELINE.finditer(text)]
    out = []
    for t in toponyms:
        if any(a <= t.start and t.end <= b for a, b in heads):
            t = replace(t, cue="dateline")
        elif t.place is not None and SPEAKER_AFTER.match(text[t.end:t.end + 40]) and \
                not LOCATIVE.search(text[max(0, t.start - 30):t.start]):  # "an official in Kunduz said"
            t = replace(t, cue="speaker")
        out.append(t)
    return out


# "Deir ez-Zor", "Mazar-e Sharif"'s "e-Sharif": an Arabic or Persian article joined to a capitalised name.
ARTICLED = re.compile(r"^(?:al|el|ez|es|ed|ad|ar|as|ash|az|an|e|i|ul|ud)-[A-Z]")


def tokenize(text: str) -> list[tuple[int, int]]:
    out = []
    for m in TOKEN.finditer(text):
        s, e = m.start(), m.end()
        if text[e - 1] == ".":
            e -= 1
        if text[e - 2:e] in ("'s", "’s") and e - 2 > s:
            e -= 2
        out.append((s, e))
    return out


# Words a headline writer keeps in lower case even in title case.
MINOR_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
                         "over", "the", "to", "with", "after", "amid", "near", "says", "say", "is", "are", "was",
                         "were", "be", "been", "being", "has", "have", "had", "its", "their", "his", "her"})


def unshout(text: str) -> str:
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
            out = low if low in MINOR_WORDS else word[0] + word[1:].lower()
            return out if len(out) == len(word) else word

        lines[k] = re.sub(r"[^\W\d_]+", case, line)
        changed = True
    return "\n".join(lines) if changed else text


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines (or whole short texts) in headline case: most words of four letters or more capitalised."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_]{4,}", line)]
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def line_start(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip()


def capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def sentence_initial(text: str, start: int) -> bool:
    return bool(SENTENCE_END.search(text[max(0, start - 3):start]))


def spread_plural_cues(text: str, raw: list[tuple[int, int, Mention]]) -> None:
    """"Herat, Lashkar Gah and Kandahar provinces": a plural cue after a list covers every item."""
    for k in range(len(raw) - 1, 0, -1):
        m = raw[k][2]
        if m.cue not in PLURAL_CUES:
            continue
        j = k - 1
        while j >= 0 and not raw[j][2].cue and LIST_GAP.match(text[raw[j][2].end:raw[j + 1][2].start]):
            raw[j][2].cue, raw[j][2].want, raw[j][2].after = m.cue, m.want, True
            j -= 1


def read_cues(gaz: Gazetteer, lex: Lexicon, text: str, m: Mention) -> None:
    """The cue around a mention ("X province", "the town of X", "near X") and the feature type it asks for."""
    if m.own_cue:
        m.cue = m.own_cue
        m.want = CUE_FEATURE.get(m.cue, -1)
        m.after = True
        return
    after = AFTER.match(text[m.end:m.end + 20])
    if after and m.ids and gaz.feature(m.ids[0]) == COUNTRY and (
            CUE_FEATURE.get(after.group(1).lower()) != ADMIN1):
        after = None  # "the Pakistani city of Quetta": the cue is Quetta's ("Niger state" keeps its own)
    before = BEFORE.search(text[max(0, m.start - 60):m.start])
    if before and before.group(0)[0].isupper() and not sentence_initial(text, m.start - len(before.group(0))):
        before = None  # "US Central Command": a capitalised cue word belongs to a name
    if before and before.group("near"):
        m.near = True
    if after:
        m.cue = after.group(1).lower()
        m.after = True
    elif GOVERNOR_AFTER.match(text[m.end:m.end + 30]):
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
    m.want = CUE_FEATURE.get(m.cue, -1)
    m.natural = m.cue in lex.natural
    if m.near:
        m.cue = "near"

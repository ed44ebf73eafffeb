"""Deaths, injuries and captures reported in one sentence or clause, read with regular expressions.

A figure counts only when it is tied to people (a person noun from ``data/num_casualty_words.json``, a group
name in capitals, or a noun left out right after a verb: "killing 12") and to a verb of killing, wounding or
capture, either before it ("killed three people") or after it ("15 soldiers were killed", "two militants
died", "A guard outside the compound was killed"). Everything else is not a casualty: "five or six
provinces", "2km", "20 years", "35 soldiers joined", "100 houses", "significant casualties".

Rule choices:

* "casualties" alone, and "killed and wounded 20" / "20 killed or injured", are ambiguous between dead and
  hurt: ACLED counts no deaths from them, so they give nothing.
* Separate death figures in the sentence are summed (victims and attackers alike: "killed 5 soldiers; 3
  attackers also died" = 8), except that a toll ("the death toll rose to 30") or "a total of" is a total and
  replaces the sum. A figure after "including"/"among them" is a part of another figure and is not added.
* "killed himself"/"blew himself up" count 1 death: the text itself says the attacker died. Any other mention
  of a suicide bomber counts nothing unless a death verb is tied to it.
* A singular person with an article ("a guard", "an officer", "the governor") or "he"/"she" counts 1 when a
  death/wound/capture verb is tied to it. A bare plural without a figure ("soldiers were killed") counts 0.
* Captures count only with a person noun ("captured 12 soldiers"): "captured 12" may be districts.
* Negation ("no one was killed", "none of the 20 passengers were hurt", "were not killed") gives nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from frontlines.numbers import Quantity, find_quantities


@dataclass(frozen=True)
class Casualties:
    killed: int
    wounded: int
    captured: int
    killed_vague: bool  # the death figure came from a vague word
    spans: tuple[tuple[int, int], ...]  # offsets (into the text given) of the phrases that gave the numbers


@dataclass(frozen=True)
class _Mention:
    """A figure of people: a quantity or a singular person, and the noun phrase around it."""

    start: int
    np_end: int
    value: int
    vague: bool
    head: str  # "person" | "group" | "death" | "elided"
    text: str  # the figure's own words, lower case


@dataclass
class _Reading:
    mention: _Mention
    role: str = ""  # killed | wounded | captured | ambiguous | skip
    how: str = ""  # left | right | inherited
    span: tuple[int, int] = (0, 0)
    total: bool = False


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'.-]*[A-Za-z]|[A-Za-z]")
# "beaten and burned alive", "stoned and burned to death": a first act coordinated with the killing one.
_HOW = r"(?:beaten|stoned|stabbed|hacked|shot|tortured|raped|abducted|kidnapped|attacked|lynched|burned|burnt)"
_ADVERBS = (
    r"(?:also|reportedly|all|later|allegedly|subsequently|both|then|apparently|eventually|finally|since|"
    r"each|immediately|instantly|initially|officially|confirmed|now|already|in\s+turn)"
)


def _alt(phrases: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _demonym_plurals() -> frozenset[str]:
    """"170 Afghans", "nine Palestinians": a people's name counts people."""
    from .countries import all_countries

    out = set()
    for info in all_countries():
        for dem in info.demonyms:
            if dem and dem[0].isupper() and " " not in dem and dem.isalpha():
                out.add((dem + "s").lower() if not dem.endswith(("sh", "ch", "ese", "i", "s", "x", "z")) else
                        dem.lower())
    return frozenset(out)


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    raw = resources.files("frontlines").joinpath("data/num_casualty_words.json").read_text(encoding="utf-8")
    d: dict[str, Any] = json.loads(raw)
    d["singular"] = frozenset(d["person_singular"])
    d["plural"] = frozenset(d["person_plural"]) | _demonym_plurals()
    d["stops"] = frozenset(d["stop_words"])
    d["deaths"] = frozenset(d["death_heads"])
    d["not_people"] = frozenset(d.get("not_people", ()))
    all_status = d["kill_statuses"] + d["wound_statuses"] + d["capture_statuses"]
    status = f"(?P<status>{_alt(all_status)})"
    aux = r"(?:were|was|are|is|have|has|had|been|being|be|got|get|will\s+have\s+been)"
    # The predicate right after a noun phrase: "were killed", ", who later died", "dead".
    d["right_re"] = re.compile(
        rf"^\s*,?\s*(?:(?:who|which|that)\s+)?(?:(?:{aux}|{_ADVERBS})\s+)*(?:{_HOW}\s+and\s+)?{status}\b",
        re.IGNORECASE
    )
    # The same predicate further on, after words that describe the subject ("A guard outside X was killed").
    d["gap_re"] = re.compile(
        rf"^(?P<gap>[^;.!?]{{0,90}}?)\b(?:(?:were|was|had\s+been|has\s+been|have\s+been)\s+(?:{_ADVERBS}\s+)*"
        rf"(?:{_HOW}\s+and\s+)?(?P<status>{_alt(all_status)})|(?P<status2>died|perished|lost\s+(?:their|his|her)\s+lives?))\b",
        re.IGNORECASE,
    )
    d["killed_next_re"] = re.compile(
        rf"\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:{_ADVERBS}\s+)*)?"
        rf"(?:{_alt(d['kill_statuses'])})\b", re.IGNORECASE)
    verbs = d["kill_verbs"] + d["wound_verbs"] + d["capture_verbs"] + ["left", "leaving", "leaves", "leave"]
    d["left_re"] = re.compile(rf"\b(?P<verb>{_alt(verbs)})\s*,?\s*$", re.IGNORECASE)
    d["barrier_re"] = re.compile(rf"\b(?:{_alt(d['barrier_words'])})\b", re.IGNORECASE)
    d["kill_set"] = {" ".join(v.split()) for v in d["kill_verbs"] + d["kill_statuses"]}
    d["wound_set"] = {" ".join(v.split()) for v in d["wound_verbs"] + d["wound_statuses"]}
    d["capture_set"] = {" ".join(v.split()) for v in d["capture_verbs"] + d["capture_statuses"]}
    return d


_AMBIG_LEFT_RE = re.compile(
    r"\b(?:killed|killing|dead)\s+(?:and|or)\s+(?:wounded|wounding|injured|injuring)\s*$", re.IGNORECASE
)
_AMBIG_RIGHT_RE = re.compile(r"^\s*(?:(?:were|was|have\s+been|had\s+been|has\s+been)\s+)?(?:killed|dead)\s+"
                             r"(?:and|or)\s+(?:wounded|injured|hurt)", re.IGNORECASE)
_TOLL_RE = re.compile(
    r"(?:\b(?<!casualty\s)(?:death\s+|fatality\s+)?toll|\bnumber\s+of\s+(?:people\s+)?(?:dead|deaths|killed|"
    r"fatalities))\s+(?:(?:has|had|have|now|already|officially|rose|risen|rise|climbed|jumped|increased|"
    r"reached|stood|stands|stand|is|was|hit|of|at|to|further|from|\d[\d,]*)\s+)*$",
    re.IGNORECASE,
)
# "revising an initial toll of five": a figure the report itself replaces.
_SUPERSEDED_RE = re.compile(r"\b(?:initial|earlier|previous|first|preliminary|original|old)\s+(?:death\s+)?"
                            r"(?:toll|count|figure|estimate)\s+(?:of\s+)?$", re.IGNORECASE)
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:were|was|been|are|is|being)\s+(?:\w+\s+)?$", re.IGNORECASE)
_TOLL_FAR_RE = re.compile(r"\b(?:death|casualty|fatality)\s+toll\b[^.;!?]{0,160}?\b(?:rose|has\s+risen|had\s+risen|"
                          r"climbed|jumped|increased|reached|stood|stands|hit|now\s+stands)\s+(?:to\s+|at\s+)?"
                          r"(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+)?$", re.IGNORECASE)
_SUBSET_RE = re.compile(r"\b(?:including|among\s+them|among\s+whom|among\s+the\s+dead(?:\s+were)?)\s*$",
                        re.IGNORECASE)
_NEG_LEFT_RE = re.compile(r"\b(?:none\s+of|no|not|nor)\s+(?:the\s+|their\s+|its\s+)?$", re.IGNORECASE)
# "marched to demand justice for a doctor raped and killed": the death the crowd protests, not one of this event.
_GRIEVANCE_LEFT_RE = re.compile(r"\b(?:justice\s+for|in\s+memory\s+of|to\s+mourn)\s+(?:the\s+|a\s+|an\s+)?$",
                                re.IGNORECASE)
_COMPETING_TOLL_RE = re.compile(r"\b(?:put|puts|putting|gave|gives|estimated|estimates)\s+(?:the\s+|its\s+|their\s+)?"
                                r"(?:death\s+)?(?:toll|number\s+of\s+dead)\s+at\b", re.IGNORECASE)
_NEG_IN_RE = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)
_FROM_RE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_COORD_RE = re.compile(r"^\s*(?:,\s*)?(?:(?:and|as\s+well\s+as|plus|along\s+with)\s+)?$", re.IGNORECASE)
_SINGULAR_RE = re.compile(r"\b(?:(?P<art>a|an|the|another)(?=\s)|(?P<pron>he|she)\b)", re.IGNORECASE)
_OF_RE = re.compile(r"\s+of\s+(?:(?:the|them|whom|those|these|their)\b)?", re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"\s*([A-Za-z][A-Za-z'.-]*[A-Za-z]|[A-Za-z]|\d+-[A-Za-z][A-Za-z-]*)")
_ASIDE_RE = re.compile(r"\s*,\s*(?:including|among\s+them|mostly|most\s+of\s+them|all\s+of\s+them|"
                       r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+(?:them|whom))\b[^,;.]*,",
                       re.IGNORECASE)
_BODIES_LEFT_RE = re.compile(r"\b(?:bodies|corpses|remains)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_REFLEXIVE_AND_RE = re.compile(
    r"\b(?:killed|killing|kills)\s+(?:himself|herself)\s+(?:and|along\s+with|as\s+well\s+as)\s*$",
    re.IGNORECASE,
)
_AMONG_RE = re.compile(r"^\s*(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:those\s+|the\s+)(?:killed|dead)\b",
                       re.IGNORECASE)
# A bare participle after a subject is passive ("5 people killed in blast") only when no object follows it;
# "the soldier killed 3 militants" is active.
_NO_OBJECT_RE = re.compile(
    r"^\s*(?:$|[,.;:!?)\u2013\u2014-]|(?:in|on|at|near|by|during|when|after|as|while|and|or|overnight|yesterday|"
    r"today|last|this|earlier|since|outside|inside|across|following|amid|with|so|far|late|early|before|"
    r"according|from|over|around)\b)",
    re.IGNORECASE,
)
# "A woman who had asked about a school place was beaten to death": the predicate after her relative clause.
_WHO_THEN_KILLED_RE = re.compile(
    r"\s+who\s+[^;.!?,]{0,120}?\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
    r"(?:(?:also|later|reportedly)\s+)?(?:" + _HOW + r"\s+and\s+)?"
    r"(?P<status>killed|shot\s+dead|beaten\s+to\s+death|stabbed\s+to\s+death|hacked\s+to\s+death|"
    r"burned\s+to\s+death|burnt\s+to\s+death|burned\s+alive|stoned\s+to\s+death|lynched|gunned\s+down|"
    r"executed|beheaded|murdered|shot\s+to\s+death)\b", re.IGNORECASE)
# "ten members of one family were killed": the family belongs to the noun phrase.
_FAMILY_RE = re.compile(r"\s+(?:of|from)\s+(?:the\s+same|one|a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:family|household|clan)\b",
                        re.IGNORECASE)
_OF_GROUP_AND_RE = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[\w'-]+){0,3}\s+and\s+$")
_COMPANION_RE = re.compile(r"\band\s+(?P<poss>his|her|their)\s+(?=\w)", re.IGNORECASE)
# "stoned a classmate to death": the verb and its result frame the victim.
_TO_DEATH_RE = re.compile(r"\b(?:stoned|beat|beaten|hacked|stabbed|burned|burnt|clubbed|kicked|tortured|lynched)\s+"
                          r"(?P<obj>(?:[\w-]+\s+){0,4}?[\w-]+)\s+to\s+death\b", re.IGNORECASE)
_UNKNOWN_NUMBER_RE = re.compile(r"\b(?:an?\s+)?(?:unknown|undisclosed|unspecified|undetermined)\s+numbers?\s+of\b",
                                re.IGNORECASE)
# "seized 13 suspects ... and burned them to death": the figure named before.
_THEM_KILLED_RE = re.compile(
    r"\b(?:(?:burn(?:ed|t)|beat(?:en)?|stoned|hacked|stabbed|clubbed)\s+them\s+to\s+death|"
    r"(?:killed|killing|executed|executing|lynched|lynching|shot\s+dead)\s+(?:all\s+of\s+)?them(?:\s+all)?)\b",
    re.IGNORECASE)
# "accusing her of kidnapping and killing a girl": a charge, not a death of this event.
_ACCUSED_OF_RE = re.compile(r"\b(?:accus\w*|suspect\w*|charged|convicted|blamed)\s+(?:\w+\s+){0,2}(?:of|for)\s+"
                            r"(?:\w+ing\s+(?:and|or)\s+)?$", re.IGNORECASE)
# "killing both", "both were killed": the two just named; "both sides" is no figure.
_BOTH_RE = re.compile(r"\bboth(?:\s+of\s+them)?\b(?=\s*(?:[,.;]|$|were\b|died\b|was\b))", re.IGNORECASE)
_BARE_OK = frozenset({"dead", "died", "perished", "slain"})
# "two children were among the dead": part of a figure already given, not more deaths.
_AMONG_DEAD_RE = re.compile(r"\s+(?:\w+\s+){0,2}(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?"
                       r"(?:dead|killed|victims|casualties|fatalities|those\s+killed)\b", re.IGNORECASE)
_REFLEXIVE_RE = re.compile(r"\b(?:killed|kills|killing|blew|blows|blowing)\s+(?:himself|herself)\b(?:\s+up)?",
                           re.IGNORECASE)


def _np_scan(
    text: str, pos: int, nouns: frozenset[str], lex: dict[str, Any], allow_group: bool
) -> tuple[str, int]:
    """The noun phrase after a figure: (head kind, end offset); head kind "" when it is not people."""
    if pos < len(text) and (text[pos].isalnum() or (text[pos] == "-" and text[pos + 1 : pos + 2].isalpha())):
        return "", pos  # "2km", "20-year-old", "2,000-strong"
    cur = pos
    of = _OF_RE.match(text, cur)
    if of:
        cur = of.end()
    words: list[tuple[str, str, int]] = []  # (word, lower, end)
    while len(words) < 6:
        m = _NEXT_WORD_RE.match(text, cur)
        if m is None:
            break  # punctuation, a digit or the end
        words.append((m.group(1), m.group(1).lower().rstrip("."), m.end()))
        cur = m.end()
    content: list[str] = []
    head, end, i = "", pos, 0
    while i < len(words) and i < 5:
        word, low, wend = words[i]
        two = f"{low} {words[i + 1][1]}" if i + 1 < len(words) else ""
        if two in nouns or low in nouns:
            head = "death" if (low in lex["deaths"] or head == "death") else "person"
            end = words[i + 1][2] if two in nouns else wend
            i += 2 if two in nouns else 1
            if low in lex["deaths"] and low != "dead":
                break
            continue
        if head and low not in lex["stops"]:
            # "1 Taliban border guard": the head noun comes after a modifier of its own
            later = next((j for j in (i + 1, i + 2) if j < len(words) and words[j][1] in nouns and all(
                w[1] not in lex["stops"] for w in words[i:j])), None)
            if later is not None:
                end, i = words[later][2], later + 1
                continue
        if head or low in lex["stops"] and not (word.isupper() and len(word) > 1):
            break  # (an acronym is a name, not the stop word it spells: "9 IS militants")
        content.append(word)
        i += 1
    if head:
        return head, end
    if not content:
        return "elided", pos
    if allow_group and all(w[0].isupper() for w in content):
        return "group", words[len(content) - 1][2]
    last = words[len(content) - 1][2]
    if allow_group and len(content) <= 3 and content[-1].islower() and not any(
            w.lower().rstrip(".") in lex["not_people"] | lex["stops"] for w in content) and \
            lex["killed_next_re"].match(text, last):
        return "person", last  # "1 waiter was killed": whatever the noun, a figure that was killed is people
    return "", pos


def _mentions(text: str, lex: dict[str, Any]) -> list[_Mention]:
    out: list[_Mention] = []
    quantities: list[Quantity] = find_quantities(text)
    nouns = lex["plural"] | lex["singular"]
    for q in quantities:
        head, end = _np_scan(text, q.end, nouns, lex, allow_group=True)
        if head:
            out.append(_Mention(q.start, max(end, q.end), q.best, q.vague, head, q.text.lower()))
    for m in _SINGULAR_RE.finditer(text):
        if any(q.start <= m.start() < q.end for q in quantities):
            continue  # "a dozen", "a total of", "a few"
        if m.group("pron"):
            out.append(_Mention(m.start(), m.end(), 1, False, "pronoun", m.group().lower()))
            continue
        head, end = _np_scan(text, m.end(), lex["singular"], lex, allow_group=False)
        if head in {"person", "death"}:
            out.append(_Mention(m.start(), end, 1, False, head, m.group().lower()))
        elif m.group("art") and m.group("art").lower() in ("a", "an") and (
                v := lex["left_re"].search(text[max(0, m.start() - 40):m.start()])) is not None and \
                _classify(v.group("verb"), lex) == "killed":
            # What a killing verb takes is a person, whatever the noun ("shot dead a university lecturer").
            end = _object_end(text, m.end(), lex)
            if end > m.end():
                out.append(_Mention(m.start(), end, 1, False, "person", m.group().lower()))
        elif m.group("art") and m.group("art").lower() in ("a", "an"):
            # "A prominent protest organiser was shot dead": whoever a killing befell was a person.
            end = _object_end(text, m.end(), lex)
            status = lex["right_re"].match(text[end:]) if end > m.end() else None
            relative = _WHO_THEN_KILLED_RE.match(text, end) if end > m.end() and status is None else None
            if relative is not None and _classify(relative.group("status"), lex) == "killed":
                # "A woman who had gone to ask about a school place was beaten to death by a mob"
                out.append(_Mention(m.start(), end, 1, False, "person", m.group().lower()))
                continue
            if status is not None and _classify(status.group("status"), lex) == "killed" and re.match(
                    r"\s*(?:was|were|had been|has been)\b", text[end:]):
                out.append(_Mention(m.start(), end, 1, False, "person", m.group().lower()))
    for m in _BOTH_RE.finditer(text):
        out.append(_Mention(m.start(), m.end(), 2, False, "person", "both"))
    for m in _TO_DEATH_RE.finditer(text):
        counted = next((mm for mm in out if mm.start == m.start("obj")), None)
        if counted is not None:
            # "beat two suspected robbers to death": the figure already read is of the dead
            out[out.index(counted)] = replace(counted, np_end=m.end(), head="death")
        elif m.group("obj").split()[0].lower() in ("a", "an", "him", "her") and not re.match(
                r"(?:him|her)\s+\w", m.group("obj"), re.I):
            out.append(_Mention(m.start("obj"), m.end(), 1, False, "death", "a"))
    for m in _COMPANION_RE.finditer(text):
        # "a presenter and her driver", "eight policemen and their driver": one more person.
        end = _object_end(text, m.end(), lex)
        if end == m.end() or m.group("poss").lower() == "their" and text[m.end():end].split()[0].endswith("s"):
            continue  # "and their families": no count
        if end > m.end() and not any(mm.start <= m.start("poss") < mm.np_end for mm in out):
            out.append(_Mention(m.start("poss"), end, 1, False, "person", m.group("poss").lower()))
    for m in _UNKNOWN_NUMBER_RE.finditer(text):
        # "three soldiers and an unknown number of militants were killed": no figure, but the predicate still
        # reaches the soldiers.
        head, end = _np_scan(text, m.end(), nouns, lex, allow_group=True)
        if head:
            out.append(_Mention(m.start(), max(end, m.end()), 0, True, "death" if head == "death" else "person",
                                "an unknown number"))
    return sorted(out, key=lambda mm: mm.start)


def _object_end(text: str, pos: int, lex: dict[str, Any]) -> int:
    """The end of the noun phrase a killing verb takes, or ``pos`` when it names no person."""
    end, last = pos, ""
    for m in _NEXT_WORD_RE.finditer(text, pos):
        if m.start() != end or len(text[pos:m.end()].split()) > 4:
            break
        low = m.group(1).lower()
        if low in lex["stops"]:
            break
        end, last = m.end(), low
    return pos if not last or last in lex["not_people"] else end


def _classify(phrase: str, lex: dict[str, Any]) -> str:
    key = " ".join(phrase.lower().split())
    for role in ("kill", "wound", "capture"):
        if key in lex[f"{role}_set"]:
            return {"kill": "killed", "wound": "wounded", "capture": "captured"}[role]
    return ""


def _passive(m: re.Match[str], rest: str) -> bool:
    """Whether a status word right after a subject reports what befell it, not what it did."""
    before = m.group()[: m.start("status")].lower()
    if re.search(r"\b(?:were|was|are|is|been|being|be|got|get|who|which|that)\b", before):
        return True
    if " ".join(m.group("status").lower().split()) in _BARE_OK:
        return True
    return _NO_OBJECT_RE.match(rest[m.end() :]) is not None


def _gap_is_clear(gap: str, lex: dict[str, Any]) -> bool:
    """A gap between subject and predicate must hold no other subject, report verb or negation."""
    if lex["barrier_re"].search(gap) or _NEG_IN_RE.search(gap) or re.search(r"\d", gap):
        return False
    if re.match(r"\s*of\s", gap) and "," not in gap:
        return True  # "11 members of the security forces were killed": the gap belongs to the noun phrase
    words = [w.lower() for w in _WORD_RE.findall(gap)]
    nouns = lex["plural"] | lex["singular"]
    if words and words[0] in ("and", "or") and all(w in nouns or w in ("and", "or", "other", "local", "allied")
                                                    for w in words[1:]):
        return True  # "dozens of soldiers and militiamen were killed": one coordinated subject
    return not any(w in nouns or w in {"he", "she", "they", "who", "and"} for w in words)


def _read(mention: _Mention, text: str, all_starts: list[int], lex: dict[str, Any]) -> _Reading:
    r = _Reading(mention)
    left = text[max(0, mention.start - 80) : mention.start]
    # Step over an aside such as ", including two children," between a subject and its predicate.
    family = _FAMILY_RE.match(text, mention.np_end)
    after_np = family.end() if family else mention.np_end
    aside = _ASIDE_RE.match(text, after_np)
    skip = (aside.end() if aside else after_np) - mention.np_end
    rest = text[mention.np_end + skip :]
    if _NEG_LEFT_RE.search(left) or _GRIEVANCE_LEFT_RE.search(left):
        r.role = "skip"
        return r
    if _AMBIG_RIGHT_RE.match(rest) or _AMBIG_LEFT_RE.search(left):
        r.role = "ambiguous"
        return r
    if mention.head == "death":
        r.role, r.how, r.span = "killed", "head", (mention.start, mention.np_end)
    elif (m := _AMONG_RE.match(rest)) is not None:
        r.role, r.how, r.span = "killed", "right", (mention.start, mention.np_end + skip + m.end())
    elif (m := lex["right_re"].match(rest)) is not None and _passive(m, rest):
        r.role, r.how = _classify(m.group("status"), lex), "right"
        r.span = (mention.start, mention.np_end + skip + m.end())
    elif mention.head in ("person", "group") and (w := _WHO_THEN_KILLED_RE.match(text, mention.np_end)) \
            is not None:
        # "A woman who had gone to ask about a school place was beaten to death by a mob"
        r.role, r.how = "killed", "right"
        r.span = (mention.start, w.end())
    elif mention.head == "pronoun":
        return r
    elif (t := _TOLL_RE.search(left)) is not None and not _FROM_RE.search(left):
        r.role, r.how, r.total = "killed", "left", True
        r.span = (mention.start - len(left) + t.start(), mention.np_end)
    elif (t := _TOLL_FAR_RE.search(far := text[max(0, mention.start - 200) : mention.start])) is not None:
        # "The death toll from Saturday's bombing outside the school rose to 85": the toll's verb is far from
        # the word "toll", but the figure is still the total.
        r.role, r.how, r.total = "killed", "left", True
        r.span = (mention.start - len(far) + t.start(), mention.np_end)
    elif (b := _BODIES_LEFT_RE.search(left) or _REFLEXIVE_AND_RE.search(left)) is not None:
        r.role, r.how = "killed", "left"
        r.span = (mention.start - len(left) + b.start(), mention.np_end)
    elif (v := lex["left_re"].search(left)) is not None and not (
            "," in v.group(0) and _PASSIVE_BEFORE_RE.search(left[: v.start()])) and not _ACCUSED_OF_RE.search(
            left[: v.start()]):
        # "...were killed, a council member said": after a passive verb and a comma comes the speaker.
        r.role, r.how = _classify(v.group("verb"), lex), "left"
        r.span = (mention.start - len(left) + v.start(), mention.np_end)
    elif mention.head != "elided" and not skip and (g := lex["gap_re"].match(rest)) is not None:
        gap_end = mention.np_end + g.end("gap")
        others = any(mention.np_end <= s < gap_end for s in all_starts)
        if not others and _gap_is_clear(g.group("gap"), lex):
            status = g.group("status") or g.group("status2")
            r.role, r.how = _classify(status, lex) or "killed", "right"
            r.span = (mention.start, mention.np_end + g.end())
    if r.role == "captured" and mention.head == "elided":
        r.role = ""  # "captured 12" may be districts
    if mention.text.startswith("a total of") and r.role == "killed":
        r.total = True
    return r


def find_casualties(text: str) -> Casualties:
    """The killed, wounded and captured that ``text`` (one sentence or clause) reports, ACLED's way."""
    lex = _lex()
    mentions = _mentions(text, lex)
    starts = [m.start for m in mentions]
    readings = [_read(m, text, starts, lex) for m in mentions]
    # "killed 5 soldiers and 3 civilians": a verb before the first figure governs the coordinated ones;
    # "3 soldiers and 2 civilians were killed": a predicate after the last governs the ones before.
    for prev, cur in zip(readings, readings[1:], strict=False):
        if not cur.role and prev.role in {"killed", "wounded", "captured"} and prev.how == "left":
            gap = text[prev.mention.np_end : cur.mention.start]
            if _COORD_RE.match(gap) or (cur.mention.text in ("his", "her") and _OF_GROUP_AND_RE.match(gap)):
                cur.role, cur.how, cur.total = prev.role, "left", prev.total
                cur.span = (cur.mention.start, cur.mention.np_end)
    for cur, nxt in zip(reversed(readings[:-1]), reversed(readings[1:]), strict=False):
        # "left eight soldiers and an unknown number of insurgents dead": a closing "dead" governs them all.
        closing_dead = nxt.how == "head" and text[:nxt.mention.np_end].lower().endswith("dead")
        if not cur.role and nxt.role in {"killed", "wounded", "captured"} and (nxt.how == "right" or closing_dead):
            if _COORD_RE.match(text[cur.mention.np_end : nxt.mention.start]):
                cur.role, cur.how = nxt.role, "right"
                cur.span = (cur.mention.start, cur.mention.np_end)
    counted = [
        r for r in readings
        if r.role in {"killed", "wounded", "captured"}
        and not _SUPERSEDED_RE.search(text[max(0, r.mention.start - 40) : r.mention.start])
        and not (r.role == "captured" and r.mention.head == "elided")
        and not _SUBSET_RE.search(text[max(0, r.mention.start - 40) : r.mention.start])
    ]
    if len([r for r in counted if r.role == "killed"]) > 1:
        counted = [r for r in counted if not (r.role == "killed" and _AMONG_DEAD_RE.match(text, r.mention.np_end))]
    kills = [r for r in counted if r.role == "killed"]
    # "A woman who had asked about a school place was beaten to death": the noun inside her relative clause
    # shares her predicate and is no second victim.
    kills = [r for r in kills if not any(o is not r and o.span[0] < r.span[0] and o.span[1] == r.span[1]
                                         for o in kills)]
    counted = [r for r in counted if r.role != "killed" or r in kills]
    totals = [r for r in kills if r.total]
    spans = [r.span for r in counted if r.role != "killed" or not totals or r.total]
    if totals:
        best = max(totals, key=lambda r: r.mention.value)
        killed, vague = best.mention.value, best.mention.vague
        counts = [r for r in kills if not r.total]
        if counts and _COMPETING_TOLL_RE.search(text):
            # "36 civilians were killed, officials said; the Taliban put the toll at 47": two estimates of one
            # toll, and ACLED takes the lower.
            killed = min(killed, sum(r.mention.value for r in counts))
    else:
        killed = sum(r.mention.value for r in kills)
        vague = any(r.mention.vague for r in kills)
        # "A suicide bomber blew himself up at the gate": the attacker's death is reported, so it counts. When
        # victims are counted ("..., killing 14"), the conservative figure is theirs alone, unless the text
        # counts the attacker with them ("killed himself and 3 others").
        for m in _REFLEXIVE_RE.finditer(text):
            if not kills or re.match(r"\s+(?:and|along\s+with|as\s+well\s+as)\b", text[m.end():]):
                killed += 1
                spans.append((m.start(), m.end()))
    if killed == 0 and (them := _THEM_KILLED_RE.search(text)) is not None:
        before = [m for m in mentions if m.np_end <= them.start() and m.head in ("person", "group") and m.value > 1]
        if before:
            killed = before[-1].value
            spans.append((before[-1].start, them.end()))
    wounded = sum(r.mention.value for r in counted if r.role == "wounded")
    captured = sum(r.mention.value for r in counted if r.role == "captured")
    return Casualties(killed, wounded, captured, vague and killed > 0, tuple(sorted(set(spans))))

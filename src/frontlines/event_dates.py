"""An event's day from the clause that reports it: statement days and campaign starts left out, weeks and months
coded at their middle, and the day inherited from the sentences before when a clause names none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from .nlp import Sentence
from .temporal import event_time, find_times

DAY_BEFORE = re.compile(r"\b(?:hours earlier|the (?:previous|preceding) (?:day|night|evening)|the day before|"
                         r"a day earlier|the night before|the evening before)\b", re.I)
_SAID_ON = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|claimed|added|stated|tweeted|wrote)"
                      r"(?:\s+\w+){0,2}\s+(?:late\s+|early\s+)?(?:on\s*)?$", re.I)


def is_said_day(ref: Any, text: str) -> bool:
    start = text.find(ref.text)
    return start >= 0 and bool(_SAID_ON.search(text[max(0, start - 40):start]))


def clause_time(text: str, published: date) -> tuple[date, int, Any]:
    """The event's time in a clause, leaving out the day a statement was made ("officials said on Monday that
    strikes were carried out over the past week") when the clause has another time expression."""
    refs = [r for r in find_times(text, published) if r.relation in ("past", "present")]
    # "..., part of an offensive launched in August": when a campaign began, not when this event happened.
    campaign = [r for r in refs if _CAMPAIGN_START.search(text[max(0, r.start - 40):r.start])]
    if campaign and len(refs) > len(campaign):
        text = _blank_refs(text, campaign)
        refs = [r for r in refs if r not in campaign]
    said = [r for r in refs if _SAID_ON.search(text[max(0, r.start - 40):r.start])]
    if said and len(refs) > len(said):
        return event_time(_blank_refs(text, said), published)
    return event_time(text, published)


_CAMPAIGN_START = re.compile(r"\b(?:offensive|campaign|operation|war|insurgency|conflict|uprising)\s+(?:that\s+)?"
                             r"(?:was\s+)?(?:launched|began|begun|started|erupted|broke out)\s+(?:\w+\s+){0,4}$", re.I)


def _blank_refs(text: str, refs: Sequence[Any]) -> str:
    chars = list(text)
    for r in refs:
        chars[r.start:r.end] = " " * (r.end - r.start)
    return "".join(chars)


def representative_day(ref: Any, published: date) -> Any:
    """A week or a month is coded at its middle (Wednesday, the 15th), never after publication; a stretch
    "since Thursday" at its first day."""
    if ref.precision == 1 or ref.earliest == date.min:
        return ref.date
    if ref.text.lower().startswith(("since", "from", "between")) or re.match(r"\d{1,2}\D{0,12}(?:-|–|to|and)\s*\d",
                                                                           ref.text):
        return ref.earliest  # a stretch of days is coded to its first day
    span = (min(ref.latest, published) - ref.earliest).days
    return min(published, ref.earliest + timedelta(days=max(0, (span - 1) // 2 if span >= 6 else span // 2)))


def sentence_dates(sents: Sequence[Sentence], published: date) -> list[tuple[date, int] | None]:
    out: list[tuple[date, int] | None] = []
    for s in sents:
        when, precision, ref = clause_time(s.text, published)
        ok = ref is not None and ref.relation in ("past", "present")
        out.append((representative_day(ref, published), precision) if ok else None)
    return out


def inherited_date(dates: Sequence[tuple[date, int] | None], index: int) -> tuple[date, int] | None:
    for j in range(index - 1, max(-1, index - 3), -1):
        if 0 <= j < len(dates) and dates[j] is not None:
            return dates[j]
    return None

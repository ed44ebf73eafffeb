"""Time expressions in news text, resolved against the article's publication date into ACLED dates.

Each expression becomes a window (earliest..latest), a single best date and ACLED's ``time_precision``
(1 the exact day, 2 a week or a few days, 3 a month or vaguer). A past event is never dated after publication.

Rule choices:

* A weekday ("on Friday", "late on Tuesday", "Sunday morning") is the most recent such day strictly before the
  publication day, or the publication day itself when it is that weekday; "last Friday" is always strictly
  before. In a future context ("will ... on Friday", "next Friday") it is the next such day after publication.
* "overnight", "last night", "yesterday" are the day before publication (precision 1); "today", "this
  morning", "earlier today", "tonight" the publication day.
* A range's best date is its first day (``last week`` = the previous Monday, precision 2; ``this month`` = the
  1st, precision 3). "in recent days" / "in the past few days" is the three days before publication.
* "N days ago" is exact (precision 1); "N days earlier/before" is counted from publication but is only as good
  as a few days (precision 2), because its anchor is another event.
* A day and month without a year ("9 May", "on the 9th") is the most recent such date not after publication.
* "historic": decades ("the 1980s"), years before the publication year ("in 2001"), "N years ago", "last
  year", named past periods ("during the Soviet occupation"), and any window ending over a year before
  publication. Their unknown start is ``date.min``.
* Modal markers "will", "shall", "would", "'ll", "going to" are reported as "future" refs with no date of
  their own (date = the day after publication, precision 3, window up to ``date.max``), so that a caller
  can tell a clause about what will or would happen from a report of what happened.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class TimeRef:
    start: int
    end: int
    text: str  # offsets into the text passed in
    date: _dt.date  # best single date (ACLED event_date); spelled _dt.date since the field shadows the type
    earliest: _dt.date
    latest: _dt.date  # the window it denotes
    precision: int  # ACLED time_precision: 1 exact day, 2 within a week/few days, 3 month or vaguer
    relation: str  # "past" | "present" | "future" | "historic"


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    earliest: date
    latest: date
    precision: int
    kind: str = ""  # "historic" | "modal" | "" (relation from the window)
    best: date | None = None


_HISTORIC_AGE = timedelta(days=365)
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "several": 3, "a few": 3, "few": 3, "a couple of": 2,
}
_NUM = r"(?P<n>\d{1,3}|a\s+couple\s+of|a\s+few|several|few|" + "|".join(
    k for k in _NUM_WORDS if " " not in k and k not in {"few", "several"}
) + ")"
_FUTURE_CTX_RE = re.compile(
    r"\b(?:will|shall|won't|going\s+to|plans?\s+to|planning\s+to|expected\s+to|set\s+to|scheduled\s+(?:to|for)|"
    r"intends?\s+to|would|due\s+to\s+(?:begin|start|take\s+effect|come\s+into\s+force|open|end|expire|resume)|"
    r"(?:to\s+)?(?:begin|start|take\s+effect|come\s+into\s+force)\s+(?:from|as\s+of))\b|'ll\b",
    re.IGNORECASE,
)
_MODAL_RE = re.compile(r"\b(?:will|shall|would|won't|wouldn't|going\s+to)\b|(?<=\w)'ll\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    raw = resources.files("frontlines").joinpath("data/time_words.json").read_text(encoding="utf-8")
    d: dict[str, Any] = json.loads(raw)
    d["month_alt"] = "|".join(sorted(d["months"], key=len, reverse=True))
    d["weekday_alt"] = "|".join(d["weekdays"])
    return d


def _month_num(name: str) -> int:
    months: dict[str, int] = _words()["months"]
    return months[name[:1].upper() + name[1:].lower().rstrip(".")]


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, k: int) -> date:
    idx = d.year * 12 + d.month - 1 + k
    return date(idx // 12, idx % 12 + 1, 1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _future_context(text: str, pos: int, end: int | None = None) -> bool:
    """A future marker shortly before ``pos`` in its sentence, or anywhere in it when ``end`` is given."""
    sentence_start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("? ", 0, pos), -1)
    if end is None:
        return _FUTURE_CTX_RE.search(text, max(sentence_start + 1, pos - 60), pos) is not None
    stops = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end)) if i >= 0]
    sentence_end = min(stops) if stops else len(text)
    return _FUTURE_CTX_RE.search(text, sentence_start + 1, sentence_end) is not None


def _weekday(pub: date, wd: int, mode: str) -> date:
    """mode: "recent" (today counts), "before" (strictly before), "after" (strictly after)."""
    if mode == "after":
        return pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)
    back = (pub.weekday() - wd) % 7
    if mode == "before" and back == 0:
        back = 7
    return pub - timedelta(days=back)


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    w = _words()
    mon = rf"(?-i:(?P<mon>{w['month_alt']}))\.?"
    wday = rf"(?P<wd>{w['weekday_alt']})"
    part = r"(?:\s+(?:morning|afternoon|evening|night|midday|dawn))?"
    hist = "|".join(re.escape(p) for p in sorted(w["historic_periods"], key=len, reverse=True))
    hist_ph = "|".join(re.escape(p) for p in sorted(w["historic_phrases"], key=len, reverse=True))
    unit = r"(?P<unit>day|week|month|year|decade)s?"
    raw = [
        (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", "iso"),
        # ACLED-style spans: "Between 27 and 31 March 2022", "from 5 to 7 June", "12-14 May 2023",
        # "between 30 March and 2 April 2022"; and "Around 15 March 2024 (month of)".
        (rf"\b(?:(?:between|from)\s+)?(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<mon1>"
         rf"{w['month_alt']})\.?)?\s*(?:and|-|–|to|until)\s*(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+"
         rf"(?:of\s+)?{mon}(?:,?\s+(?P<y>\d{{4}}))?\b", "dayspan"),
        (rf"\b(?:around\s+|on\s+or\s+about\s+)?(?P<d>\d{{1,2}})\s+{mon},?\s+(?P<y>\d{{4}})\s*,?\s*"
         rf"\((?P<mk>week|month|weekend) of\)", "marked"),
        # ACLED-style "Around 28 July 2021 (between 26 and 30 July)": the day given, known to a few days.
        (rf"\b(?:around|about|on\s+or\s+(?:about|around))\s+(?P<d>\d{{1,2}})\s+{mon},?\s+(?P<y>\d{{4}})"
         rf"(?:\s*\((?:between|from)\s[^)]*\))?", "around"),
        (rf"\b(?:on\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{mon}(?:,?\s+(?P<y>\d{{4}}))?\b",
         "dmy"),
        (rf"\b(?:on\s+)?{mon}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)(?:,?\s+(?P<y>\d{{4}}))?", "mdy"),
        (rf"\b(?:(?P<prep>in|during|since|by|until|till|before|after|from|of|last|next|this|early|mid|late)"
         rf"[\s-]+)(?:(?:the\s+)?(?:(?P<part>early|mid|late|end\s+of|beginning\s+of|start\s+of)[\s-]+))?"
         rf"{mon}(?:,?\s+(?P<y>\d{{4}}))?\b", "month"),
        (rf"\b{mon}\s+(?P<y>\d{{4}})\b", "month"),
        (r"\b(?:on\s+)?the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b", "nth"),
        (r"\b(?:in|since|during|by|until|till|from|of|before|after|early|mid|late)[\s-]+(?P<y>(?:19|20)\d{2})\b"
         r"(?!-\d)", "year"),
        (r"\b(?:(?:in|during|since|throughout)\s+)?the\s+(?:(?:early|mid|late)[\s-]+)?'?(?P<dec>(?:19|20)?\d0)s\b",
         "decade"),
        (rf"\b(?:(?:during|under|since|after|before|in)\s+)(?:the\s+)?(?:{hist})\b", "hist"),
        (rf"\b(?:{hist_ph})\b", "hist"),
        # "Ten years ago this week": an anniversary, history however near the week named.
        (rf"\b{_NUM}\s+(?:years?|decades?)\s+ago\s+(?:this|last)\s+(?:week|month|weekend)\b", "anniversary"),
        (rf"\b{_NUM}\s+{unit}\s+ago\b", "ago"),
        (rf"\b{_NUM}\s+{unit}\s+(?:earlier|before|previously)\b", "earlier"),
        (r"\b(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?(?:(?:late|early)\s+)?(?P<rel>last|this\s+past|this\s+coming|"
         rf"this|next|coming)?\s*{wday}(?:'s)?{part}\b", "weekday"),
        (rf"\bsince\s+(?:last\s+)?{wday}\b", "since_wd"),
        (r"\b(?:on\s+|over\s+(?:the\s+)?)?(?P<hol>Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year'?s\s+Eve|"
         r"New\s+Year'?s(?:\s+Day)?|Boxing\s+Day)(?:\s+weekend)?\b", "holiday"),
        (r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?P<u>week|month|year)\b|"
         r"\bsince\s+early\s+this\s+(?P<u2>week|month|year)\b", "since_start"),
        (r"\b(?:(?:late|early)\s+)?(?P<w>yesterday|the\s+day\s+before\s+yesterday)(?:\s+(?:morning|afternoon|"
         r"evening|night))?\b", "yesterday"),
        (r"\b(?:(?:late|early)\s+)?(?:last\s+night|overnight|(?:on\s+)?(?:the\s+)?previous\s+night)\b",
         "lastnight"),
        (r"\b(?:earlier\s+|later\s+)?(?:today|this\s+morning|this\s+afternoon|this\s+evening|tonight)\b",
         "today"),
        (r"\b(?:the\s+day\s+after\s+tomorrow|tomorrow(?:\s+(?:morning|afternoon|evening|night))?)\b",
         "tomorrow"),
        (r"\b(?P<rel>last|this|next|the\s+previous|the\s+past|the\s+coming|earlier\s+this|later\s+this|"
         r"(?:at|over|during)\s+the)\s+(?P<u>week|weekend|month|year|fortnight)\b", "range"),
        (r"\b(?:in|over|during)\s+(?:the\s+)?(?:(?:past|last)\s+(?:few\s+|couple\s+of\s+)?days|recent\s+days)\b"
         r"|\brecent\s+days\b", "recent"),
        (r"\b(?:in|over|during|within)\s+the\s+(?:past|last)\s+(?P<h>24|48|72)\s+hours\b", "hours"),
        (rf"\b(?:in|over|during|within|for)\s+the\s+(?:past|last|previous)\s+{_NUM}\s+(?P<u>days|weeks)\b",
         "past_n"),
        (r"\b(?:in|over|during)\s+(?:the\s+)?(?:(?:past|last)\s+(?:few\s+|couple\s+of\s+)?weeks|recent\s+weeks)\b",
         "recent_weeks"),
        (r"\b(?:in|over|during)\s+the\s+(?:coming|next)\s+(?:few\s+)?(?P<u>days|weeks|months)\b", "coming"),
    ]
    return [(re.compile(p, re.IGNORECASE), kind) for p, kind in raw]


def _resolve(kind: str, m: re.Match[str], text: str, pub: date) -> _Cand | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    future = _future_context(text, s)
    one_day = timedelta(days=1)
    if kind == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return _Cand(s, e, d, d, 1) if d else None
    if kind == "dayspan":
        mon = _month_num(g["mon"])
        year = int(g["y"]) if g.get("y") else (pub.year if mon <= pub.month else pub.year - 1)
        mon1 = _month_num(g["mon1"]) if g.get("mon1") else mon
        year1 = year - 1 if mon1 > mon else year
        first, last = _safe_date(year1, mon1, int(g["d1"])), _safe_date(year, mon, int(g["d"]))
        if first is None or last is None or first > last or (last - first).days > 62:
            return None
        return _Cand(s, e, first, last, 2)
    if kind == "around":
        d = _safe_date(int(g["y"]), _month_num(g["mon"]), int(g["d"]))
        return _Cand(s, e, d, d, 2) if d else None
    if kind == "marked":
        d = _safe_date(int(g["y"]), _month_num(g["mon"]), int(g["d"]))
        return _Cand(s, e, d, d, 3 if g["mk"].lower() == "month" else 2) if d else None
    if kind in {"dmy", "mdy", "nth"}:
        day = int(g["d"])
        if kind == "nth":
            month_start = date(pub.year, pub.month, 1)
            if day > pub.day and not future:
                month_start = _add_months(month_start, -1)
            elif day <= pub.day and future:
                month_start = _add_months(month_start, 1)
            d = _safe_date(month_start.year, month_start.month, day)
            return _Cand(s, e, d, d, 1) if d else None
        mon = _month_num(g["mon"])
        if g.get("y"):
            d = _safe_date(int(g["y"]), mon, day)
        else:
            d = _safe_date(pub.year, mon, day)
            if d is not None and d > pub and not future:
                d = _safe_date(pub.year - 1, mon, day)
            elif d is not None and d < pub and future:
                d = _safe_date(pub.year + 1, mon, day)
        return _Cand(s, e, d, d, 1) if d else None
    if kind == "month":
        mon = _month_num(g["mon"])
        prep = (g.get("prep") or "").lower()
        if g.get("y"):
            year = int(g["y"])
        elif prep == "last":
            year = pub.year if mon < pub.month else pub.year - 1
        elif prep == "next" or prep in {"by", "until", "till"} or (
            prep != "last" and mon > pub.month and _future_context(text, s, e)
        ):
            year = pub.year if mon >= pub.month else pub.year + 1
        else:
            year = pub.year if mon <= pub.month else pub.year - 1
        first, last = date(year, mon, 1), _month_end(year, mon)
        part = (g.get("part") or prep if prep in {"early", "mid", "late"} else g.get("part") or "").lower()
        if part.startswith(("early", "beginning", "start")):
            last = date(year, mon, 10)
        elif part.startswith("mid"):
            first, last = date(year, mon, 11), date(year, mon, 20)
        elif part.startswith(("late", "end")):
            first = date(year, mon, 21)
        return _Cand(s, e, first, last, 3)
    if kind == "year":
        y = int(g["y"])
        return _Cand(s, e, date(y, 1, 1), date(y, 12, 31), 3, "historic" if y < pub.year else "")
    if kind == "decade":
        dec = g["dec"]
        short = int(dec[-2:])
        y0 = int(dec) if len(dec) == 4 else (1900 + short if short > pub.year % 100 else 2000 + short)
        return _Cand(s, e, date(y0, 1, 1), date(y0 + 9, 12, 31), 3, "historic")
    if kind == "anniversary":
        return _Cand(s, e, date.min, pub - _HISTORIC_AGE, 3, "historic")
    if kind == "hist":
        return _Cand(s, e, date.min, pub - _HISTORIC_AGE, 3, "historic")
    if kind in {"ago", "earlier"}:
        n = _NUM_WORDS.get(" ".join(g["n"].lower().split()), 0) if not g["n"].isdigit() else int(g["n"])
        u = g["unit"].lower()
        if u == "day":
            d = pub - timedelta(days=n)
            return _Cand(s, e, d, d, 1 if kind == "ago" else 2)
        if u == "week":
            d = pub - timedelta(weeks=n)
            monday = d - timedelta(days=d.weekday())
            return _Cand(s, e, monday, monday + timedelta(days=6), 2)
        if u == "month":
            first = _add_months(date(pub.year, pub.month, 1), -n)
            return _Cand(s, e, first, _month_end(first.year, first.month), 3)
        years = n * (10 if u == "decade" else 1)
        y = pub.year - years
        return _Cand(s, e, date(y, 1, 1), date(y, 12, 31), 3, "historic")
    if kind == "weekday":
        wd = _words()["weekdays"][g["wd"].lower()]
        rel = " ".join((g.get("rel") or "").lower().split())
        if rel in {"next", "coming", "this coming"} or (future and rel != "last" and rel != "this past"):
            d = _weekday(pub, wd, "after")
        else:
            d = _weekday(pub, wd, "before" if rel in {"last", "this past"} else "recent")
        return _Cand(s, e, d, d, 1)
    if kind == "holiday":
        # Fixed-date holidays: the latest one on or before publication (the next one in a future context).
        name = " ".join(g["hol"].lower().replace("'", "").split())
        month, day = {"christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25),
                      "new years eve": (12, 31), "new years": (1, 1), "new years day": (1, 1),
                      "boxing day": (12, 26)}[name]
        d = date(pub.year, month, day)
        if d > pub and not future:
            d = date(pub.year - 1, month, day)
        elif d < pub and future:
            d = date(pub.year + 1, month, day)
        return _Cand(s, e, d, d, 1)
    if kind == "since_start":
        unit = (g.get("u") or g.get("u2") or "").lower()
        first = (pub - timedelta(days=pub.weekday()) if unit == "week" else
                 date(pub.year, pub.month, 1) if unit == "month" else date(pub.year, 1, 1))
        return _Cand(s, e, first, pub, 2 if unit == "week" else 3)
    if kind == "since_wd":
        wd = _words()["weekdays"][g["wd"].lower()]
        first = _weekday(pub, wd, "before")
        return _Cand(s, e, first, pub, 2)
    if kind == "yesterday":
        back = 2 if "before" in g["w"].lower() else 1
        return _Cand(s, e, pub - timedelta(days=back), pub - timedelta(days=back), 1)
    if kind == "lastnight":
        return _Cand(s, e, pub - one_day, pub - one_day, 1)
    if kind == "today":
        return _Cand(s, e, pub, pub, 1)
    if kind == "tomorrow":
        d = pub + timedelta(days=2 if "after" in m.group().lower() else 1)
        return _Cand(s, e, d, d, 1)
    if kind == "range":
        return _range(s, e, " ".join(g["rel"].lower().split()), g["u"].lower(), pub, future)
    if kind == "recent":
        return _Cand(s, e, pub - timedelta(days=3), pub, 2)
    if kind == "hours":
        return _Cand(s, e, pub - timedelta(days=int(g["h"]) // 24), pub, 2)
    if kind == "past_n":
        n = (int(g["n"]) if g["n"].isdigit() else _NUM_WORDS.get(" ".join(g["n"].lower().split()), 0)) or 2
        days = n * (7 if g["u"].lower() == "weeks" else 1)
        return _Cand(s, e, pub - timedelta(days=days), pub, 2 if days <= 7 else 3)
    if kind == "recent_weeks":
        return _Cand(s, e, pub - timedelta(days=21), pub, 3)
    if kind == "coming":
        span = {"days": 7, "weeks": 28, "months": 90}[g["u"].lower()]
        return _Cand(s, e, pub + one_day, pub + timedelta(days=span), 2 if g["u"].lower() == "days" else 3)
    return None


def _range(s: int, e: int, rel: str, unit: str, pub: date, future: bool) -> _Cand:
    monday = pub - timedelta(days=pub.weekday())
    if unit == "weekend":
        if rel in {"next", "the coming"} or (future and rel != "last"):
            sat = _weekday(pub, 5, "after")
        elif rel == "last" or pub.weekday() < 5:
            sat = monday - timedelta(days=2) if pub.weekday() <= 5 else monday + timedelta(days=5)
            if rel == "last" and pub.weekday() == 6:
                sat = monday - timedelta(days=2)
        else:
            sat = monday + timedelta(days=5)  # "this weekend" / "at the weekend" on a Saturday or Sunday
        return _Cand(s, e, sat, sat + timedelta(days=1), 2)
    if unit in {"week", "fortnight"}:
        length = 14 if unit == "fortnight" else 7
        if rel in {"next", "the coming"}:
            first = monday + timedelta(days=7)
            return _Cand(s, e, first, first + timedelta(days=length - 1), 2)
        if rel in {"last", "the previous"}:
            first = monday - timedelta(days=length)
            return _Cand(s, e, first, first + timedelta(days=length - 1), 2)
        if rel == "the past":
            return _Cand(s, e, pub - timedelta(days=length), pub, 2)
        if rel == "earlier this":
            return _Cand(s, e, monday, max(monday, pub - timedelta(days=1)), 2)
        if rel == "later this":
            return _Cand(s, e, min(pub + timedelta(days=1), monday + timedelta(6)), monday + timedelta(6), 2)
        return _Cand(s, e, monday, monday + timedelta(days=6), 2)
    if unit == "month":
        this_first = date(pub.year, pub.month, 1)
        if rel in {"next", "the coming"}:
            first = _add_months(this_first, 1)
        elif rel in {"last", "the previous"}:
            first = _add_months(this_first, -1)
        elif rel == "the past":
            return _Cand(s, e, pub - timedelta(days=30), pub, 3)
        elif rel == "earlier this":
            return _Cand(s, e, this_first, max(this_first, pub - timedelta(days=1)), 3)
        else:
            first = this_first
        return _Cand(s, e, first, _month_end(first.year, first.month), 3)
    # year
    if rel in {"next", "the coming"}:
        return _Cand(s, e, date(pub.year + 1, 1, 1), date(pub.year + 1, 12, 31), 3)
    if rel in {"last", "the previous"}:
        return _Cand(s, e, date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), 3, "historic")
    if rel == "the past":
        return _Cand(s, e, pub - timedelta(days=365), pub, 3)
    return _Cand(s, e, date(pub.year, 1, 1), date(pub.year, 12, 31), 3)


def _relation(c: _Cand, pub: date) -> str:
    if c.kind in {"historic", "modal"}:
        return "future" if c.kind == "modal" else "historic"
    if c.earliest > pub:
        return "future"
    if c.latest < pub - _HISTORIC_AGE:
        return "historic"
    if c.latest < pub:
        return "past"
    return "present"


_COMPARISON = re.compile(r"\b(?:first time|first|worst|deadliest|bloodiest|biggest|largest|highest|lowest|heaviest|"
                         r"fiercest|strongest|most \w+|(?:not|never) seen)\b(?:\s+[\w'-]+){0,4}\s+$", re.IGNORECASE)


def find_times(text: str, published: date) -> list[TimeRef]:
    """Every time expression in ``text``, left to right, resolved against ``published``."""
    return list(_find_times(text, published))


@lru_cache(maxsize=2048)
def _find_times(text: str, published: date) -> tuple[TimeRef, ...]:
    # The pipeline asks about the same sentence several times (its date, each event's clause, the situation
    # stage); TimeRefs are immutable, so one reading serves them all.
    cands: list[_Cand] = []
    for pattern, kind in _compiled():
        for m in pattern.finditer(text):
            if m.group(0)[:5].lower() == "since" and _COMPARISON.search(text[max(0, m.start() - 50):m.start()]):
                continue  # "for the first time since 2014", "the deadliest attack since 2019": a yardstick
            c = _resolve(kind, m, text, published)
            if c is not None:
                cands.append(c)
    for m in _MODAL_RE.finditer(text):
        after = published + timedelta(days=1)
        cands.append(_Cand(m.start(), m.end(), after, date.max, 3, "modal"))
    # The longest reading wins where two overlap ("on 9 May 2021" over "in 2021"; "last week" over "week").
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    out: list[TimeRef] = []
    for c in sorted(chosen, key=lambda c: c.start):
        relation = _relation(c, published)
        earliest, latest = c.earliest, c.latest
        if relation in {"past", "present"}:
            latest = min(latest, published)  # a past event cannot postdate its report
        best = earliest if c.kind != "historic" or earliest != date.min else latest
        out.append(
            TimeRef(c.start, c.end, text[c.start : c.end], best, earliest, latest, c.precision, relation)
        )
    return tuple(out)


def event_time(text: str, published: date) -> tuple[date, int, TimeRef | None]:
    """The event date and time_precision for a clause or sentence.

    The most specific past or present expression wins (lowest precision, then narrowest window, then first in
    the text). With none, a historic expression is returned, then a future one, so the caller can see the
    clause is not a current event; with no expression at all the default is (published, 1, None): news of an
    event with no date of its own is taken to report the publication day.
    """
    refs = find_times(text, published)

    def key(r: TimeRef) -> tuple[int, int, int]:
        return (r.precision, (r.latest - r.earliest).days, r.start)

    for wanted in ({"past", "present"}, {"historic"}, {"future"}):
        pool = [r for r in refs if r.relation in wanted and r.latest != date.max]
        if not pool and wanted == {"future"}:
            pool = [r for r in refs if r.relation == "future"]
        if pool:
            best = min(pool, key=key)
            return best.date, best.precision, best
    return published, 1, None

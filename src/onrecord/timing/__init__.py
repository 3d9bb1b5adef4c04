"""Time: when a statement was said, from the words around it and the publication date.

Reported speech lies in the past: a bare month never resolves past the publication date.
Expressions inside the quoted content are ignored (they speak of the future or the past
of the topic, not of the remark).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Block, Span, TimeSpan

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
DAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

PATTERNS = [
    ("iso", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")),
    ("mdy", re.compile(r"\b(%s)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b" % MONTH_RE)),
    ("dmy", re.compile(r"\b(\d{1,2})\s+(%s)\s+((?:19|20)\d\d)\b" % MONTH_RE)),
    ("md", re.compile(r"\b(%s)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)" % MONTH_RE)),
    ("part_month", re.compile(r"\b(early|mid|middle of|late|the end of|end of|the beginning of|beginning of)[-\s]+(%s)(?:\s+((?:19|20)\d\d))?\b" % MONTH_RE, re.I)),
    ("month_year", re.compile(r"\b(%s)\s+((?:19|20)\d\d)\b" % MONTH_RE)),
    ("month", re.compile(r"\b(?i:in|during|since|by|on|last|this|of)\s+(%s)(?!\s+\d)\b" % MONTH_RE)),
    ("weekday", re.compile(r"\b(?i:on\s+|last\s+|this\s+)?(%s)\b" % DAY_RE)),
    ("relative", re.compile(r"\b(yesterday|today|tonight|this morning|this afternoon|this evening|last night|"
                            r"last week|this week|earlier this week|last month|this month|earlier this month|"
                            r"last year|earlier this year|this year|last weekend|this weekend|"
                            r"(?:a|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?) ago|recently|lately)\b", re.I)),
    ("year", re.compile(r"\b(?i:in|during|since)\s+((?:19|20)\d\d)\b")),
]

NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    kind: str
    groups: tuple
    text: str = ""


def find_expressions(text: str, start: int = 0, end: int | None = None) -> list[TimeMention]:
    end = len(text) if end is None else end
    region = text[start:end]
    taken: list[tuple[int, int]] = []
    out: list[TimeMention] = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(region):
            s, e = m.start() + start, m.end() + start
            if any(s < te and e > ts for ts, te in taken):
                continue
            taken.append((s, e))
            out.append(TimeMention(s, e, kind, m.groups(), m.group(0)))
    return sorted(out, key=lambda t: t.start)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _past_year(month: int, pub: date) -> int:
    return pub.year if month <= pub.month else pub.year - 1


def resolve(mention: TimeMention, pub: date | None) -> tuple[date, date, str] | None:
    """Normalise an expression against the publication date; None when it cannot be."""
    g = mention.groups
    k = mention.kind
    try:
        if k == "iso":
            d = date(int(g[0]), int(g[1]), int(g[2]))
            return d, d, "day"
        if k == "mdy":
            d = date(int(g[2]), _month(g[0]), int(g[1]))
            return d, d, "day"
        if k == "dmy":
            d = date(int(g[2]), _month(g[1]), int(g[0]))
            return d, d, "day"
        if k == "month_year":
            s, e = _month_range(int(g[1]), _month(g[0]))
            return s, e, "month"
        if k == "year":
            y = int(g[0])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if pub is None:
            return None
        if k == "md":
            m = _month(g[0])
            d = date(_past_year(m, pub) if (m, int(g[1])) <= (pub.month, pub.day) else pub.year - 1, m, int(g[1]))
            return d, d, "day"
        if k == "part_month":
            m = _month(g[1])
            y = int(g[2]) if g[2] else _past_year(m, pub)
            s, e = _month_range(y, m)
            part = g[0].lower()
            if part in ("early", "the beginning of", "beginning of"):
                return s, date(y, m, 10), "day"
            if part in ("mid", "middle of"):
                return date(y, m, 11), date(y, m, 20), "day"
            return date(y, m, 21), e, "day"
        if k == "month":
            m = _month(g[0])
            s, e = _month_range(_past_year(m, pub), m)
            return s, min(e, pub), "month"
        if k == "weekday":
            wd = WEEKDAYS[g[0].lower()]
            back = (pub.weekday() - wd) % 7
            if back == 0 and mention.text.lower().startswith("last"):
                back = 7
            d = pub - timedelta(days=back)
            return d, d, "day"
        if k == "relative":
            w = g[0].lower()
            if w in ("today", "tonight", "this morning", "this afternoon", "this evening"):
                return pub, pub, "day"
            if w in ("yesterday", "last night"):
                d = pub - timedelta(days=1)
                return d, d, "day"
            monday = pub - timedelta(days=pub.weekday())
            if w in ("this week", "earlier this week"):
                return monday, pub, "week"
            if w == "last week":
                return monday - timedelta(days=7), monday - timedelta(days=1), "week"
            if w == "last weekend":
                sat = monday - timedelta(days=2)
                return sat, sat + timedelta(days=1), "day"
            if w == "this weekend":
                return monday + timedelta(days=5), monday + timedelta(days=6), "day"
            if w in ("this month", "earlier this month"):
                return pub.replace(day=1), pub, "month"
            if w == "last month":
                last = pub.replace(day=1) - timedelta(days=1)
                return last.replace(day=1), last, "month"
            if w in ("this year", "earlier this year"):
                return date(pub.year, 1, 1), pub, "year"
            if w == "last year":
                return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "year"
            if w in ("recently", "lately"):
                return pub - timedelta(days=30), pub, "unknown"
            m = re.match(r"(\w+) (day|week|month)s? ago", w)
            if m:
                n = NUMBERS.get(m.group(1)) or int(m.group(1))
                days = {"day": 1, "week": 7, "month": 30}[m.group(2)] * n
                d = pub - timedelta(days=days)
                gran = {"day": "day", "week": "week", "month": "month"}[m.group(2)]
                return (d, d, "day") if gran == "day" else (d - timedelta(days=3 if gran == "week" else 15),
                                                            d + timedelta(days=3 if gran == "week" else 15), gran)
    except (ValueError, KeyError):
        return None
    return None


def _pub(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _timespan(text: str, mention: TimeMention, pub: date | None) -> TimeSpan | None:
    r = resolve(mention, pub)
    if r is None:
        return None
    s, e, gran = r
    if pub and s > pub:  # reported speech is in the past
        return None
    return TimeSpan(s.isoformat(), min(e, pub).isoformat() if pub else e.isoformat(), gran,
                    text[mention.start:mention.end], "text", Span.of(text, mention.start, mention.end))


def _outside(mentions: list[TimeMention], content: Span) -> list[TimeMention]:
    return [m for m in mentions if m.end <= content.start or m.start >= content.end]


def date_statement(text: str, blocks: list[Block], block_index: int, sentence: tuple[int, int],
                   anchor: int, content: Span, published: str | None,
                   lead_in: int | None = None) -> TimeSpan:
    """When was this said? The statement's sentence first (nearest to the cue), then the
    opening of its paragraph, then a lead-in paragraph ("In May, X said:"), then publication."""
    pub = _pub(published)
    candidates = _outside(find_expressions(text, *sentence), content)
    if candidates:
        best = min(candidates, key=lambda m: abs(m.start - anchor))
        ts = _timespan(text, best, pub)
        if ts:
            return ts
    if 0 <= block_index < len(blocks):
        b = blocks[block_index]
        opening = [m for m in _outside(find_expressions(text, b.start, min(b.end, b.start + 40)), content)
                   if m.start - b.start <= 20]
        for m in opening:
            ts = _timespan(text, m, pub)
            if ts:
                return ts
    if lead_in is not None:
        b = blocks[lead_in]
        for m in find_expressions(text, b.start, b.end):
            ts = _timespan(text, m, pub)
            if ts:
                return ts
    if pub:
        return TimeSpan(None, pub.isoformat(), "unknown", None, "published")
    return TimeSpan()


__all__ = ["date_statement", "find_expressions", "resolve", "TimeMention"]

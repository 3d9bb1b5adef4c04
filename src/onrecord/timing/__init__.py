"""Time: when a statement was said, from the words around it and the publication date.

Reported speech lies in the past: a bare month never resolves past the publication date.
Expressions inside the quoted content are ignored (they speak of the future or the past
of the topic, not of the remark).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..model import Block, Span, TimeSpan

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
DAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Years as broadcasts spell them: "nineteen ninety-four", "two thousand and one".
_SMALL = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
         "seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i for i, w in enumerate(_SMALL, 1)} | {w: 10 * i for i, w in enumerate(_TENS, 2)}
_UNITS_RE, _TEENS_RE, _TENS_RE = ("(?:%s)" % "|".join(ws) for ws in (_SMALL[:9], _SMALL[9:], _TENS))
SPELLED_YEAR_RE = (r"(?:nineteen[-\s]+(?:{t}(?:[-\s]+{u})?|{n}|hundred)"
                   r"|two[-\s]+thousand(?:[-\s]+(?:and[-\s]+)?(?:{u}|{n}|{t}(?:[-\s]+{u})?))?)"
                   ).format(t=_TENS_RE, u=_UNITS_RE, n=_TEENS_RE)
YEAR_RE = r"(?:(?:19|20)\d\d|%s)" % SPELLED_YEAR_RE


def year_value(text: str) -> int:
    """1994 from '1994' or 'nineteen ninety-four'."""
    if text.isdigit():
        return int(text)
    words = [w for w in re.split(r"[-\s]+", text.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_WORD_VALUES[w] for w in words[2:])
    rest = words[1:]
    return 1900 + (0 if rest == ["hundred"] else sum(_WORD_VALUES[w] for w in rest))


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
BARE_MONTH_RE = (r"(?:January|February|April|June|July|August|September|October|November|December|"
                 r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")

PATTERNS = [
    ("iso", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")),
    ("numeric", re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?![\d/])")),
    ("year_quarter", re.compile(r"\b(this|last|next) year[’']s\s+(?:(first|second|third|fourth)\s+)?quarter\b", re.I)),
    ("past_year", re.compile(r"\b(?:the\s+)?(?:past|previous|prior)\s+(?:year|12 months|twelve months)\b|"
                             r"\bthe\s+(?:corresponding|same|comparable)\s+(?:period|quarter)\s+(?:of\s+)?last\s+year\b"
                             r"|\b(?:the\s+)?current\s+(?:fiscal\s+)?year\b", re.I)),
    ("month_last_year", re.compile(r"\b(%s)\s+(?:of\s+)?last\s+year\b" % MONTH_RE)),
    ("mdy", re.compile(r"(?:\b%s,?\s+)?\b(%s)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b" % (DAY_RE, MONTH_RE))),
    ("dmy", re.compile(r"\b(\d{1,2})\s+(%s)\s+((?:19|20)\d\d)\b" % MONTH_RE)),
    ("md", re.compile(r"(?:\b%s,?\s+)?\b(%s)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)" % (DAY_RE, MONTH_RE))),
    ("part_month", re.compile(r"\b(early|mid|middle of|late|the end of|end of|the beginning of|beginning of)[-\s]+(%s)(?:\s+((?:19|20)\d\d))?\b" % MONTH_RE, re.I)),
    ("month_year", re.compile(r"\b(%s)\s+(%s)\b" % (MONTH_RE, YEAR_RE), re.I)),
    ("month", re.compile(r"\b(?i:in|during|since|by|on|last|this|of|until|through)\s+(%s)(?!\s+\d)\b" % MONTH_RE)),
    ("month", re.compile(r"\b(%s)(?!\s+\d)(?![\w-])" % BARE_MONTH_RE)),
    ("quarter", re.compile(r"\b(?:the\s+)?(?:((?:19|20)\d\d)\s+|(year-ago|year-earlier)\s+)?"
                           r"(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter"
                           r"(?:\s+of\s+((?:19|20)\d\d))?\b", re.I)),
    ("half", re.compile(r"\b(?:the\s+)?(first|second|last|latter)\s+(?:half|two quarters)"
                        r"(?:\s+of\s+(?:(?:fiscal\s+)?((?:19|20)\d\d)|(this|last|next) year|the year)\b|(?!\s+of\b))", re.I)),
    ("year_period", re.compile(r"\bthe\s+((?:19|20)\d\d)\s+(?:quarter|period)\b", re.I)),
    ("this_quarter", re.compile(r"\b(?:the|this|the latest|the current)\s+quarter\b", re.I)),
    ("year_ago", re.compile(r"\b(?:(?:a|one) year (?:ago|earlier)|(?:the\s+)?(?:comparable\s+)?year-(?:ago|earlier)"
                            r"(?:\s+(?:quarter|period))?)\b", re.I)),
    ("years_ago", re.compile(r"\b(?:nearly\s+|about\s+|some\s+)?(two|three|four|five|six|seven|eight|nine|ten|\d+|"
                             r"several|a few) years ago\b", re.I)),
    ("season_framed", re.compile(r"(?m)(?:^|(?<=[.!?] ))(?:By|In|Over|During|Throughout)\s+(the)\s+"
                                 r"(spring|summer|fall|autumn|winter)()(?=,)")),
    ("season", re.compile(r"\b(?:(this|last|next|this past|the)\s+)?(spring|summer|fall|autumn|winter)"
                          r"(?:\s+of\s+(%s))?\b" % YEAR_RE, re.I)),
    ("decade", re.compile(r"(?:\b(?:the\s+)?(?:(early|mid|late)[-\s]+)?|(?<!\w))((?:19|20)\d|['’]\d)0s\b", re.I)),
    ("weekend", re.compile(r"\b(the|this|last|next)\s+weekend\b", re.I)),
    ("next", re.compile(r"\b(?:next|early next|later next)\s+(year|month|week)\b|\b(tomorrow)\b", re.I)),
    ("ref", re.compile(r"\b(now|currently|current|nowadays|recently|lately|recent|the past|the future|soon)\b", re.I)),
    # with the part of the day that orders remarks of one day: "late on Tuesday", "Tuesday evening"
    ("weekday", re.compile(r"\b(?i:(?:late|early)\s+(?:on\s+)?|on\s+|last\s+|this\s+)?(%s)"
                           r"(?i:\s+(?:morning|afternoon|evening|night))?\b" % DAY_RE)),
    ("relative", re.compile(r"\b(yesterday|today|tonight|this morning|this afternoon|this evening|last night|"
                            r"last week|this week|earlier this week|last month|this month|earlier this month|"
                            r"last year|earlier this year|this year|"
                            r"(?:a|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?) ago)\b", re.I)),
    # "Two weeks later", "the next day": counted from the last date the narrative gave
    ("later", re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|week|month|year)s?\s+later\b"
                         r"|\bthe\s+(next|following)\s+(day|morning|week|month|year)\b", re.I)),
    ("year", re.compile(r"\b(?i:in|during|since)\s+((?:19|20)\d\d)\b")),
    # "in a 2019 interview", "her 2015 speech": the year the words came in
    ("year", re.compile(r"\b(?i:an?|his|her|their|its)\s+((?:19|20)\d\d)\s+(?=(?i:interview|speech|statement|"
                        r"letter|op-ed|article|book|memo|address|testimony|hearing|debate|post|tweet|remarks|"
                        r"briefing|news conference|press conference|memoir|report|e-?mail|message|cable|note|"
                        r"video|podcast|(?:phone )?call|conversation|exchange|meeting|rally|appearance|column|"
                        r"editorial|essay|filing|deposition)s?\b)")),
    ("bare_year", re.compile(r"(?<![\d$.,/-])((?:19|20)\d\d)(?![\d%/-])(?!,\d)(?!s\b)")),
]
# Kinds too loose to date a remark by ("the 2020 election", "soon"): found, but not used
# by date_statement.
NOT_FOR_STATEMENTS = {"bare_year", "next", "ref_future"}
REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF", "recent": "PAST_REF",
        "the past": "PAST_REF", "the future": "FUTURE_REF", "soon": "FUTURE_REF"}

NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}


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
            if kind == "relative" and m.group(0)[:1].isupper() and not _opens_sentence(text, s):
                continue  # "the BBC's Today programme", "USA Today": a name, not a day
            taken.append((s, e))
            out.append(TimeMention(s, e, kind, m.groups(), m.group(0)))
    return sorted(out, key=lambda t: t.start)


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 40):pos]
    before = before.rstrip(" \t\xa0\"“‘'(")
    return not before or before[-1] in ".!?:\n—–-"


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


FUTURE_MARKERS = re.compile(r"\b(will|won[’']t|shall|'ll|’ll|next|coming|upcoming|scheduled|expected to|"
                            r"plans? to|planned|due to|is to|are to|later this|going to|until)\b", re.I)
PAST_MARKERS = re.compile(r"\b(was|were|had|did|ago|last|earlier|previous|previously|since|"
                          r"ended|closed|rose|fell|began|took|came)\b", re.I)


def _bounds(text: str, mention: TimeMention) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
    stop = [i for i in (text.find(". ", mention.end), text.find("\n", mention.end)) if i != -1]
    return start, (min(stop) if stop else len(text))


def _sentence(text: str, mention: TimeMention) -> str:
    return text[slice(*_bounds(text, mention))]


def _near_future(text: str, mention: TimeMention, reach: int = 25) -> bool:
    return bool(FUTURE_MARKERS.search(text[max(0, mention.start - reach):mention.end + reach]))


def _near_past(text: str, mention: TimeMention, reach: int = 30) -> bool:
    return bool(PAST_MARKERS.search(text[max(0, mention.start - reach):mention.end + reach]))


def direction_of(text: str, mention: TimeMention) -> str:
    """Whether an underspecified date looks forward or back, from its sentence's tense."""
    start, end = _bounds(text, mention)
    marks = [(abs(m.start() - mention.start), "future") for m in FUTURE_MARKERS.finditer(text, start, end)
             if not (mention.start <= m.start() < mention.end)]
    marks += [(abs(m.start() - mention.start), "past") for m in PAST_MARKERS.finditer(text, start, end)
              if not (mention.start <= m.start() < mention.end)]
    return min(marks)[1] if marks else "nearest"  # the tense nearest the date governs it


NEAR_AHEAD_DAYS = 120  # a third of the year ahead, two thirds behind: news looks back more


def _year_for(month: int, day: int, pub: date, direction: str) -> int:
    """The year of a month (and day) given without one, looking back, forward or nearest."""
    back = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    fwd = pub.year if (month, day) >= (pub.month, pub.day) else pub.year + 1
    if direction == "past":
        return back
    if direction == "future":
        return fwd
    # With no tense to go by, the next such date if it is a few months off, else the last one.
    ahead = (date(fwd, month, min(day, 28)) - pub).days
    return fwd if ahead <= NEAR_AHEAD_DAYS else back


def resolve(mention: TimeMention, pub: date | None, direction: str = "past") -> tuple[date, date, str] | None:
    """Normalise an expression against the publication date; None when it cannot be.
    ``direction`` says where an underspecified date lies: "past" (reported speech, the
    default), "future" or "nearest"."""
    g = mention.groups
    k = mention.kind
    lead = mention.text.lower()
    if lead.startswith("this ") or lead.startswith("last "):
        direction = "this" if lead.startswith("this ") else "last"
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
            s, e = _month_range(year_value(g[1]), _month(g[0]))
            return s, e, "month"
        if k in ("year", "bare_year"):
            y = int(g[0])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if k == "numeric":
            y = int(g[2]) + (1900 if len(g[2]) == 2 and int(g[2]) > 30 else 2000 if len(g[2]) == 2 else 0)
            d = date(y, int(g[0]), int(g[1]))
            return d, d, "day"
        if pub is None:
            return None
        if k == "md":
            m, day = _month(g[0]), int(g[1])
            weekday = re.match(r"\s*(%s)" % DAY_RE, mention.text)
            if weekday:  # "Saturday, April 25": the year in which that date is a Saturday
                want = WEEKDAYS[weekday.group(1).lower()]
                years = [y for y in (pub.year, pub.year + 1, pub.year - 1) if date(y, m, day).weekday() == want]
                if years:
                    return date(years[0], m, day), date(years[0], m, day), "day"
            d = date(_year_for(m, day, pub, _plain(direction)), m, day)
            return d, d, "day"
        if k == "part_month":
            m = _month(g[1])
            y = int(g[2]) if g[2] else _year_for(m, 15, pub, _plain(direction))
            s, e = _month_range(y, m)
            part = g[0].lower()
            if part in ("early", "the beginning of", "beginning of"):
                return s, date(y, m, 10), "day"
            if part in ("mid", "middle of"):
                return date(y, m, 11), date(y, m, 20), "day"
            return date(y, m, 21), e, "day"
        if k == "month":
            m = _month(g[0])
            if direction == "this":
                y = pub.year
            elif direction == "last":  # the most recent one before this month
                y = pub.year if m < pub.month else pub.year - 1
            else:
                y = _year_for(m, 15 if m != pub.month else pub.day, pub, direction)
            s, e = _month_range(y, m)
            return s, e, "month"
        if k in ("quarter", "this_quarter"):
            current = (pub.month - 1) // 3 + 1
            if k == "this_quarter":  # "the latest quarter", "the quarter": the last one reported
                q = current if re.search(r"this|current", lead) else (current - 1 or 4)
                y = pub.year if q <= current else pub.year - 1
            else:
                year, ago, ordinal, of_year = g
                q = ORDINALS[ordinal.lower()]
                y = pub.year if q <= current or direction == "future" else pub.year - 1
                if year or of_year:
                    y = int(year or of_year)
                elif ago:
                    y -= 1
            start = date(y, 3 * q - 2, 1)
            end = date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
            return start, end, "quarter"
        if k == "year_quarter":
            which, ordinal = g[0].lower(), g[1]
            y = pub.year + {"this": 0, "last": -1, "next": 1}[which]
            q = ORDINALS[ordinal.lower()] if ordinal else (((pub.month - 1) // 3) or 4)
            start = date(y, 3 * q - 2, 1)
            return start, date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]), "quarter"
        if k == "past_year":
            low = mention.text.lower()
            if "current" in low:
                return date(pub.year, 1, 1), pub, "year"
            if "period" in low or "quarter" in low:
                q = ((pub.month - 1) // 3) or 4
                y = pub.year - 1 if q != 4 or pub.month > 3 else pub.year - 2
                start = date(y, 3 * q - 2, 1)
                return start, date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]), "quarter"
            return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "year"
        if k == "month_last_year":
            s, e = _month_range(pub.year - 1, _month(g[0]))
            return s, e, "month"
        if k == "year_period":  # "the 1988 quarter": that year's quarter matching the latest
            q = ((pub.month - 1) // 3) or 4
            y = int(g[0])
            start = date(y, 3 * q - 2, 1)
            return start, date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]), "quarter"
        if k == "half":
            which, year, rel = g
            y = int(year) if year else pub.year + {"last": -1, "next": 1}.get((rel or "").lower(), 0)
            first = which.lower() == "first"
            return (date(y, 1, 1), date(y, 6, 30), "half") if first else (date(y, 7, 1), date(y, 12, 31), "half")
        if k == "years_ago":
            n = NUMBERS.get(g[0].lower()) or (int(g[0]) if g[0].isdigit() else None)
            if n is None:  # "several years ago", "a few years ago"
                return date(pub.year - 10, 1, 1), date(pub.year - 2, 12, 31), "unknown"
            return date(pub.year - n, 1, 1), date(pub.year - n, 12, 31), "year"
        if k in ("season", "season_framed"):  # "By the summer, ..." opening a sentence: the last one
            which, season, year = g
            season = "fall" if season.lower() == "autumn" else season.lower()
            first = {"spring": 3, "summer": 6, "fall": 9, "winter": 12}[season]
            y = year_value(year) if year else pub.year
            if not year and (which or "").lower() in ("last", "this past") or (
                    not year and (not which or k == "season_framed") and first > pub.month):
                y -= 1 if first >= pub.month or (which or "").lower() == "last" else 0
            if not year and (which or "").lower() == "next":
                y += 1
            start = date(y, first, 1)
            end_month = first + 2 if first < 12 else 2
            end_year = y if first < 12 else y + 1
            return start, date(end_year, end_month, calendar.monthrange(end_year, end_month)[1]), "season"
        if k == "decade":
            digits = g[1].lstrip("'’")
            if len(digits) == 3:
                base = int(digits) * 10
            else:  # "the '90s": the latest such decade begun by publication
                base = (pub.year // 100 * 100 if pub else 1900) + int(digits) * 10
                base -= 100 if pub and base > pub.year else 0
            part = (g[0] or "").lower()
            lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
            return date(base + lo, 1, 1), date(base + hi, 12, 31), "decade"
        if k == "weekend":
            which = g[0].lower()
            saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
            if which == "next" or (which == "this" and pub.weekday() < 5 and direction != "past"):
                saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
            elif which == "last" and saturday == pub:
                saturday -= timedelta(days=7)
            return saturday, saturday + timedelta(days=1), "weekend"
        if k == "year_ago":
            return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), "year"
        if k == "next":
            unit = (g[0] or g[1]).lower()
            if unit == "tomorrow":
                d = pub + timedelta(days=1)
                return d, d, "day"
            if unit == "year":
                return date(pub.year + 1, 1, 1), date(pub.year + 1, 12, 31), "year"
            if unit == "month":
                first = (pub.replace(day=1) + timedelta(days=32)).replace(day=1)
                return first, first.replace(day=calendar.monthrange(first.year, first.month)[1]), "month"
            monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7)
            return monday, monday + timedelta(days=6), "week"
        if k == "ref":
            ref = REFS[g[0].lower()]
            if ref == "PRESENT_REF":
                return pub, pub, "day"
            if ref == "PAST_REF":
                return pub - timedelta(days=30), pub, "unknown"
            return pub, pub + timedelta(days=30), "unknown"
        if k == "weekday":
            wd = WEEKDAYS[g[0].lower()]
            if "previous" in lead:
                direction = "last"
            if direction == "future" or (direction == "this" and wd > pub.weekday()):
                d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
                return d, d, "day"
            back = (pub.weekday() - wd) % 7
            if back == 0 and lead.startswith("last"):
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


def timex_value(mention: TimeMention, pub: date | None, text: str | None = None) -> str | None:
    """The TimeML (TIMEX3) value of an expression: '1998-01-08', '1997-10', '1989-Q3',
    '1998-W08', '1990', or PRESENT_REF / PAST_REF / FUTURE_REF. With the ``text`` around it,
    an underspecified date follows its sentence's tense instead of looking back."""
    if mention.kind == "ref":
        return REFS[mention.groups[0].lower()]
    direction = direction_of(text, mention) if text else "past"
    if mention.kind == "weekday" and direction == "future" and not _near_future(text, mention):
        direction = "past"  # news weekdays look back unless a future word stands right by
    if mention.kind in ("md", "month") and direction == "past" and text and not _near_past(text, mention):
        direction = "nearest"  # a dated day or month far from any past-tense word: the nearest one
    if mention.kind == "md" and direction == "past" and pub and _days_ahead(mention, pub) in range(1, 31):
        direction = "nearest"  # "expires Nov. 6" days before it: a year-old day would carry its year
    r = _later(text, mention, pub) if mention.kind == "later" and text else resolve(mention, pub, direction)
    if r is None:
        return None
    s, e, gran = r
    if mention.kind == "part_month":
        return s.isoformat()[:7]
    quarterly = text is not None and (
        re.search(r"quarter|period", text[max(0, mention.start - 250):_bounds(text, mention)[1]], re.I)
        or len(re.findall(r"\bquarter", text, re.I)) >= 3)  # an earnings report compares quarters
    if text and gran == "year" and mention.kind == "year_ago" and pub and quarterly \
            and s.year == pub.year - 1:
        # "earnings fell from a year earlier" in a quarterly report: the year-ago quarter
        q = ((pub.month - 1) // 3) or 4
        return f"{pub.year - 1 if q != 4 or pub.month > 3 else pub.year - 2}-Q{q}"
    if gran == "day":
        return s.isoformat()
    if gran == "week":
        y, w, _ = (s + (e - s) / 2).isocalendar()
        return f"{y}-W{w:02d}"
    if gran == "month":
        return s.isoformat()[:7]
    if gran == "quarter":
        return f"{s.year}-Q{(s.month - 1) // 3 + 1}"
    if gran == "year":
        return str(s.year)
    if gran == "season":
        return f"{s.year}-" + {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[s.month]
    if gran == "decade":
        return str(s.year)[:3]
    if gran == "half":
        return f"{s.year}-H{1 if s.month == 1 else 2}"
    if gran == "weekend":
        y, w, _ = s.isocalendar()
        return f"{y}-W{w:02d}-WE"
    return None


def _days_ahead(mention: TimeMention, pub: date) -> int | None:
    try:
        return (date(pub.year, _month(mention.groups[0]), int(mention.groups[1])) - pub).days
    except (ValueError, KeyError):
        return None


def _plain(direction: str) -> str:
    return {"this": "nearest", "last": "past"}.get(direction, direction)


def _pub(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


STATEMENT_REFS = {"now", "recently", "lately"}  # "current", "soon", "the future" do not date a remark


LATER_REACH = 1500  # characters back to the date a "two weeks later" counts from
LATER_UNITS = {"day": 1, "morning": 1, "week": 7}


def _quoted_at(text: str, pos: int) -> bool:
    """Inside a quotation of its paragraph: somebody's words ("from October to February, it
    won't make it"), not a date the narrative gives."""
    before = text[text.rfind("\n", 0, pos) + 1:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _later(text: str, mention: TimeMention, pub: date | None, depth: int = 0) -> tuple[date, date, str] | None:
    """'Two weeks later' after 'On February 3, 2022, ...': the last date given (to the day or
    the month) in the text before it, moved on; None when there is none near."""
    count, unit, _, unit2 = mention.groups
    if count:
        n, unit = (int(count) if count.isdigit() else NUMBERS.get(count.lower(), 1)), unit.lower()
    else:  # "the next day"
        n, unit = 1, unit2.lower()
    before = [m for m in find_expressions(text, max(0, mention.start - LATER_REACH), mention.start)
              if m.kind not in NOT_FOR_STATEMENTS | {"ref", "ref_future"} and (m.kind != "later" or depth < 3)
              and not _quoted_at(text, m.start)]
    for m in reversed(before):
        r = _later(text, m, pub, depth + 1) if m.kind == "later" else resolve(m, pub)
        if r is None or r[2] not in ("day", "month") or mention.start - m.end < 12:
            # the last date given is vaguer or unknown (no count from an older one), or it is the
            # very date the phrase describes ("for October 2014, just eight months later")
            return None
        start, end, gran = r
        if unit in LATER_UNITS and gran == "day":
            d = start + timedelta(days=n * LATER_UNITS[unit])
            return d, d, "day"
        if unit == "week" and gran == "month":  # "In March ... Two weeks later": from mid-March to mid-April
            days = timedelta(days=n * LATER_UNITS[unit])
            return start + days, end + days, "unknown"
        if unit in LATER_UNITS and gran == "month" and n <= 3:  # "In June ... the next day": June, near enough
            return start, end, "month"
        if unit == "month":
            y, mo = divmod(start.month - 1 + n, 12)
            return _month_range(start.year + y, mo + 1) + ("month",)
        if unit == "year":
            return date(start.year + n, 1, 1), date(start.year + n, 12, 31), "year"
        return None
    return None


def _timespan(text: str, mention: TimeMention, pub: date | None) -> TimeSpan | None:
    if mention.kind == "ref" and mention.groups[0].lower() not in STATEMENT_REFS:
        return None
    r = _later(text, mention, pub) if mention.kind == "later" else resolve(mention, pub)
    if r is None:
        return None
    s, e, gran = r
    if pub and s > pub:  # reported speech is in the past
        return None
    if re.match(r"since\b", text[mention.start:mention.end], re.I) or re.search(r"\bsince\s+$", text[
            max(0, mention.start - 7):mention.start], re.I):  # "has not spoken since March": up to now
        e, gran = pub or e, "since"
    return TimeSpan(s.isoformat(), min(e, pub).isoformat() if pub else e.isoformat(), gran,
                    text[mention.start:mention.end], "text", Span.of(text, mention.start, mention.end))


def _outside(mentions: list[TimeMention], content: Span) -> list[TimeMention]:
    return [m for m in mentions if (m.end <= content.start or m.start >= content.end)
            and m.kind not in NOT_FOR_STATEMENTS]


# a clause after the content that comments on it (", contradicting remarks made last week",
# ", which he announced in May") carries its own time, not the remark's
TRAILING_CLAUSE = re.compile(r"[\s,;—–-]*[,;—–]\s*(?:(?!during\b|morning\b|evening\b)\w+ing|which|who|whom|whose|"
                             r"after|before|since|while|when|despite|although|though|days|weeks|months|years)\b", re.I)


def _in_trailing_clause(text: str, mention: TimeMention, content: Span, anchor: int) -> bool:
    return anchor < content.start and mention.start >= content.end and \
        TRAILING_CLAUSE.match(text, content.end) is not None


# "Asked whether the fleet could hold out through the summer, he said ...": the question's
# own words carry its times. "Asked on Tuesday whether ..." keeps the day it was asked, and
# so does "... during an appearance Friday on CBS", where the answer was given
ASKED_CLAUSE = re.compile(r"(?m)(?:^|(?<=[.;:!?\"“”]\s)|(?<=\b[Ww]hen\s))(?:Asked|Pressed|Questioned)\b[^,.;]{0,40}?"
                          r"\b(?:whether|if|about|what|how|why|when|where|who|which|to)\b([^.;]*?),")
SETTING = re.compile(r"\b(?:during|in|at|on)\s+(?:an?|the|his|her|their)\s+(?:[\w\-]+\s+){0,2}?(?:interview|appearance|"
                     r"briefing|conference|hearing|speech|event|rally|call|meeting|session|show|visit|trip)s?\b[^,]{0,25}$")


# "expected a compromise before the summer", "will decide by March", after the cue: a deadline,
# not when it was said ("had been told just before Tuesday's vote" still dates the telling)
DEADLINE_BEFORE = re.compile(r"\b(?i:before|by|until|till|ahead of|no later than|in time for)\s+$")
AHEAD = re.compile(r"\b(?i:will|would|expect\w*|plan\w*|aim\w*|hop(?:e|es|ed|ing)|due|deadline|intend\w*|wants?|wanted|"
                   r"promis\w*|vow\w*|pledg\w*|target\w*|should|must)\b")


def _in_question(text: str, mention: TimeMention, anchor: int, sentence: tuple[int, int]) -> bool:
    return any(m.start(1) <= mention.start and mention.end <= m.end(1) and m.end() <= anchor
               and not SETTING.search(text, m.start(1), mention.start) and not _when_asked(text, m, mention)
               for m in ASKED_CLAUSE.finditer(text, sentence[0], anchor))


def _when_asked(text: str, asked: re.Match, mention: TimeMention) -> bool:
    """'Asked about the pipeline in June, she said ...': a time closing a question about a
    thing (no verb of its own) is when it was asked; in 'Asked whether she would act in June'
    it is part of the question."""
    clause = text[asked.start(1):mention.start]
    return re.search(r"\babout\s*$", text[asked.start():asked.start(1)]) is not None \
        and not text[mention.end:asked.end(1)].strip() and not QUESTION_VERB.search(clause)


QUESTION_VERB = re.compile(r"\b(?:would|will|could|should|can|is|are|was|were|did|does|do|has|have|had|"
                           r"plans?|wants?|intends?)\b|\w+(?:ed|ing)\b", re.I)


# "The ministry on Wednesday rejected the claims, a day after Sabo said ...": the remark in the
# "after" clause was made a day before the day the sentence gives
OFFSET = re.compile(r"\b(an?|one|two|three|four|five|six|seven|\d)\s+(days?|weeks?)\s+(after|before)\b", re.I)
OFFSET_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _offset(text: str, ts: TimeSpan, mention: TimeMention, anchor: int, pub: date | None) -> TimeSpan:
    if ts.granularity != "day" or mention.end > anchor:
        return ts
    found = list(OFFSET.finditer(text, mention.end, anchor))
    if not found or re.search(r"[.;:!?]", text[found[-1].end():anchor]):
        return ts
    m = found[-1]
    n = int(m.group(1)) if m.group(1).isdigit() else OFFSET_NUMBERS[m.group(1).lower()]
    days = n * (7 if m.group(2).lower().startswith("week") else 1) * (-1 if m.group(3).lower() == "after" else 1)
    day = date.fromisoformat(ts.start) + timedelta(days=days)
    if pub and day > pub:  # reported speech is in the past
        return ts
    return replace(ts, start=day.isoformat(), end=day.isoformat(), expression=f"{ts.expression}, {m.group(0)}")


def title_date(text: str, blocks: list[Block], published: str | None) -> TimeSpan | None:
    """The day a document's title line gives ("Department Press Briefing – November 18"), if
    any: the day of a transcript's turns."""
    if not blocks or blocks[0].end - blocks[0].start > 150:
        return None
    pub = _pub(published)
    for m in find_expressions(text, blocks[0].start, blocks[0].end):
        if m.kind in ("md", "mdy", "dmy"):
            ts = _timespan(text, m, pub)
            if ts is not None and ts.granularity == "day":
                return ts
    return None


def date_statement(text: str, blocks: list[Block], block_index: int, sentence: tuple[int, int],
                   anchor: int, content: Span, published: str | None,
                   lead_in: int | None = None, quoted: list[tuple[int, int]] = ()) -> TimeSpan:
    """When was this said? The statement's sentence first (nearest to the cue), then the
    opening of its paragraph, then a lead-in paragraph ("In May, X said:"), then publication.
    Expressions inside ``quoted`` stretches are somebody's words, never the remark's date."""
    pub = _pub(published)
    in_sentence = find_expressions(text, *sentence)
    candidates = [m for m in _outside(in_sentence, content)
                  if not any(a <= m.start < b for a, b in quoted) and not _in_trailing_clause(text, m, content, anchor)
                  and not _in_question(text, m, anchor, sentence)
                  and not (m.start > anchor and DEADLINE_BEFORE.search(text, max(0, m.start - 20), m.start)
                           and AHEAD.search(text, max(anchor, m.start - 80), m.start))]
    if candidates:
        best = min(candidates, key=lambda m: abs(m.start - anchor))
        ts = _timespan(text, best, pub)
        if ts:
            return _offset(text, ts, best, anchor, pub)
    back = THAT_TIME.match(text, sentence[0]) if 0 <= block_index < len(blocks) else None
    if back is not None:  # "Mori last spoke in March. At the time, he said ...": that time
        before = [m for m in find_expressions(text, blocks[block_index].start, sentence[0])
                  if not any(a <= m.start < b for a, b in quoted) and direction_of(text, m) != "future"]
        r = resolve(before[-1], pub) if before else None
        if r is not None and (pub is None or r[0] <= pub):
            m = before[-1]
            return TimeSpan(r[0].isoformat(), min(r[1], pub).isoformat() if pub else r[1].isoformat(), r[2],
                            text[m.start:m.end], "text", Span.of(text, m.start, m.end))
    own_time = 0 <= block_index < len(blocks) and sentence[0] > blocks[block_index].start + 20 \
        and any(m.start - sentence[0] <= 12 for m in in_sentence)
    if 0 <= block_index < len(blocks) and not own_time and not (sentence[0] > blocks[block_index].start
                                                                and perfect_at(text, anchor)):
        # (a later sentence that opens with a time of its own, "Last month, however, he
        # indicated ...", is not dated by the paragraph's opening "In January")
        b = blocks[block_index]
        opening = [m for m in _outside(find_expressions(text, b.start, min(b.end, b.start + 40)), content)
                   if m.start - b.start <= 20 and not any(a <= m.start < z for a, z in quoted)]
        for m in opening:
            ts = _timespan(text, m, pub)
            if ts:
                return ts
    if lead_in is not None:
        ts = block_date(text, blocks[lead_in], published)
        if ts:
            return ts
    if pub:
        return TimeSpan(None, pub.isoformat(), "unknown", None, "published")
    return TimeSpan()


# the present perfect is any time up to now: "She spoke on Tuesday. She has also said ..."
PERFECT_BEFORE = re.compile(r"\b(?:has|have)(?:\s+(?:also|long|repeatedly|often|since|\w+ly))*\s+$", re.I)


def perfect_at(text: str, cue_start: int) -> bool:
    """Whether the reporting verb at ``cue_start`` is in the present perfect ("has said", "has also warned")."""
    return bool(PERFECT_BEFORE.search(text, max(0, cue_start - 30), cue_start)
                or re.match(r"(?:has|have)\b", text[cue_start:cue_start + 5], re.I))


# a sentence that places itself at the time the paragraph last named
THAT_TIME = re.compile(r"[\s\"“]*(?:At the time|At that time|Back then|At that point)\b")


# a relative clause or a parenthesis still open before a time: "Reid, who endorsed her in February,",
# a place's commas and all ("who lost her daughter in Aurora, Colorado, in July 2012")
ASIDE_BEFORE = re.compile(r"(?:\b(?:who|whom|whose|which|where)\b|\()(?:[^,;()]|,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,)*$")
# a time remembered is not the scene: "recalled of a June conversation"
RECALLED = re.compile(r"\b(?:recall(?:s|ed|ing)?|remember(?:s|ed|ing)?|look(?:s|ed|ing)? back)\b[^.;]*$", re.I)


# where and how people speak: a sentence that sets such a scene dates what follows in it
OCCASION = re.compile(r"\b(?:interviews?|rall(?:y|ies)|debates?|speech(?:es)?|statements?|(?:news |press )?conferences?|"
                      r"briefings?|hearings?|testimony|testified|appearances?|appeared|remarks|address(?:ed)?|"
                      r"sessions?|summit|programme|show|op-ed|letter|tweets?|tweeted|posts?|posted|podcast|"
                      r"town hall|forum|meeting|audience|reporters|spoke|speaking|told|wrote|said|says|"
                      r"went further|struck an? (?:\w+ )?(?:note|tone)|weighed in|chimed in)\b", re.I)


# a meeting sets a scene of speech too ("Harada met his British counterpart in London last
# month. ... he assured her that ..."), when it was lately
MEETING = re.compile(r"\b(?:met|meets|visited|visits|hosted|hosts|held talks|spoke by (?:tele)?phone|phoned|called)\b", re.I)
MEETING_DAYS = 366

# a sentence whose subject is a pronoun, after an opening time: "On Tuesday she struck a different note."
PRONOUN_LED = re.compile(r"\W*(?:(?:On|In|Last|Earlier|Later|By|At|This)\b[^,.;]{0,30}?,?\s+)?(?:he|she)\b", re.I)

AHEAD_OF = re.compile(r"\b(?:ahead of|before|until|by)\s+(?:[\w’']+\s+){0,2}$", re.I)


def frame_date(text: str, earlier: list[tuple[int, int, bool]], name: str | None,
               published: str | None, quoted: list[tuple[int, int]] = ()) -> TimeSpan | None:
    """The time an earlier sentence of the paragraph gives when it is about the same speaker
    ("Delgado went further last week. Speaking in Brussels, she said ..."; "Roe said on Monday
    that ... She added that ..."). ``earlier`` holds (start, end, speaks) per sentence, nearest
    last, where ``speaks`` says the speaker has a statement there; the nearest sentence that
    names or holds the speaker decides, with its time or with none."""
    pub = _pub(published)
    surname = name.split()[-1] if name else None
    for start, end, speaks in reversed(earlier):
        if not speaks and not (surname and re.search(r"(?<!\w)%s(?!\w)" % re.escape(surname), text[start:end])) \
                and not (PRONOUN_LED.match(text, start, end) and OCCASION.search(text, start, end)):
            continue  # ("On Tuesday she struck a different note." is about the speaker too)
        met = not speaks and not OCCASION.search(text, start, end)
        if met and not MEETING.search(text, start, end):
            return None  # "Weddle started work at Carrier 24 years ago. He said ...": no scene of speech
        for m in find_expressions(text, start, end):
            if m.kind in NOT_FOR_STATEMENTS or any(a <= m.start < b for a, b in quoted) \
                    or ASIDE_BEFORE.search(text, start, m.start) or RECALLED.search(text, start, m.start) \
                    or direction_of(text, m) == "future" \
                    or text.startswith(("'s", "’s"), m.end) or AHEAD_OF.search(text, max(start, m.start - 40), m.start):
                # (nor "before Monday's caucus", "ahead of the June 7 primary": an event to come)
                continue  # "Reid, who endorsed her in February, ...": the aside's time, not the scene's
            ts = _timespan(text, m, pub)
            if ts is not None and ts.basis == "text":
                if met and (pub is None or ts.start is None or (pub - date.fromisoformat(ts.start[:10])).days > MEETING_DAYS):
                    return None  # "Roe met her husband in 1976": a meeting long ago sets no scene for today's words
                return ts
        return None
    return None


def block_date(text: str, block: Block, published: str | None) -> TimeSpan | None:
    """The first date a paragraph gives: a lead-in's ("In July, the envoy spoke at length:") or
    an interview's introduction ("Minister Lind spoke to The Courier on Monday")."""
    pub = _pub(published)
    for m in find_expressions(text, block.start, block.end):
        if m.kind in NOT_FOR_STATEMENTS:
            continue
        ts = _timespan(text, m, pub)
        if ts:
            return ts
    return None


# a live blog's time stamp opening a short block: "2:08 p.m.", "10:42 a.m. – Minister arrives"
LIVE_STAMP = re.compile(r"\d{1,2}:\d{2}\s*(?:[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)(?=\s*(?:[–—:-]|$))")
LIVE_REACH = 8  # blocks an entry may run after its stamp


def _minutes(stamp: str) -> int:
    hours, minutes = re.match(r"(\d+):(\d+)", stamp).groups()
    pm = "p" in stamp.lower()
    return (int(hours) % 12 + (12 if pm else 0)) * 60 + int(minutes)


def live_stamps(text: str, blocks: list[Block]) -> list[tuple[int, Span]]:
    """The time stamps heading a live blog's entries, as (block index, stamp); none unless the
    page has two or more, newest first (a timeline of past events runs forward)."""
    stamps = [(i, Span.of(text, m.start(), m.end())) for i, b in enumerate(blocks) if b.end - b.start <= 150
              for m in [LIVE_STAMP.match(text, b.start, b.end)] if m]
    clock = [_minutes(sp.text) for _, sp in stamps]
    falling = sum(a > b for a, b in zip(clock, clock[1:]))
    return stamps if len(stamps) >= 2 and falling > len(clock) - 1 - falling else []


def live_entry(stamps: list[tuple[int, Span]], block_index: int, published: str | None) -> TimeSpan | None:
    """An entry of a live blog (its stamp a few blocks above) went up the day the page did."""
    pub = _pub(published)
    above = [sp for i, sp in stamps if block_index - LIVE_REACH <= i <= block_index]
    if pub is None or not above:
        return None
    return TimeSpan(pub.isoformat(), pub.isoformat(), "day", above[-1].text, "published", above[-1])


__all__ = ["date_statement", "frame_date", "title_date", "live_stamps", "live_entry", "find_expressions", "resolve", "timex_value", "TimeMention"]

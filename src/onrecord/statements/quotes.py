"""Finding quotation marks' spans without trusting them to be balanced.

A quote may run over several paragraphs: by convention each continued paragraph opens
with a quote mark and only the last one closes. An opening mark that never closes is
dropped rather than swallowing the rest of the article. Besides curly, straight and angle
marks, the doubled apostrophes of some wire and archive text ('' and ``) count as marks, and
so do single marks, curly or straight (British style, and American headlines), outside double
ones.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from ..model import Block

MARKS = re.compile(r"''|``|[\u201c\u201d\u00ab\u00bb\u201e\"]")
CLOSER_FOR = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c", '"': '"', "''": "''", "``": "''"}
CURLY_CLOSERS = {"\u201d", "\u00bb"}
SYMMETRIC = {'"', "''"}
MAX_QUOTE_CHARS = 6000
MAX_PARAGRAPHS = 8


@dataclass(frozen=True)
class Quote:
    """Offsets of the content between the marks; ``open``/``close`` are the marks' starts."""

    open: int
    close: int  # index of the closing mark
    width: int = 1  # length of the opening mark

    @property
    def start(self) -> int:
        return self.open + self.width

    @property
    def end(self) -> int:
        return self.close


def _can_open(text: str, i: int, mark: str) -> bool:
    if mark not in SYMMETRIC:
        return mark != "\u201d" and mark != "\u00bb"
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    return (i == 0 or before.isspace() or before in "([{—–-:,;/") and not after.isspace()


def _nested_close(text: str, i: int, end: int) -> int | None:
    """Where a “ opened inside an open quotation closes, when the outer one closes after it in
    the same paragraph (“... “inner” ...”); None when it is rather a new quotation after one
    that never closed."""
    inner = text.find("\u201d", i + 1, end)
    if inner < 0 or "\u201c" in text[i + 1:inner]:
        return None
    outer = text.find("\u201d", inner + 1, end)
    if outer < 0 or "\u201c" in text[inner + 1:outer]:
        return None
    return inner


class QuoteList(list):
    """Quotations in order of their opening marks, with an index for finding those that
    overlap a stretch in logarithmic time (``overlapping``)."""

    @cached_property
    def index(self) -> tuple[list[int], list[int]]:
        """Opening offsets, and the furthest closing offset so far."""
        return [q.open for q in self], list(accumulate((q.close for q in self), max))


def overlapping(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """The quotations (in order, as ``find_quotes`` gives them) that overlap start..end: in
    logarithmic time from a ``QuoteList``, in linear time from a plain list."""
    opens, reach = quotes.index if isinstance(quotes, QuoteList) else QuoteList(quotes).index
    lo, hi = bisect_left(reach, start), bisect_left(opens, end)
    return [q for q in quotes[lo:hi] if q.close >= start]


def find_quotes(text: str, blocks: tuple[Block, ...] | list[Block] = ()) -> QuoteList:
    """Return the quotations in ``text``, in order, each spanning one or more blocks."""
    if not blocks:
        blocks = (Block(0, len(text)),)
    quotes = _double_quotes(text, blocks)
    for marks in SINGLE_MARKS:
        if marks.mark in text:
            quotes = sorted(quotes + _single_quotes(text, blocks, quotes, marks), key=lambda q: q.open)
    return QuoteList(quotes)


@dataclass(frozen=True)
class SingleMarks:
    """How one style of single quotation mark opens and closes."""

    mark: str  # the opening mark
    open: re.Pattern
    close: re.Pattern


# British and Commonwealth style quotes in single marks ('‘We will not move,’ the minister
# said'). The closing mark is also the apostrophe, so it closes only where no letter follows
# ("don’t" does not), and one after punctuation (",’") wins over a plural possessive before it
# ("the leaders’ meeting"). Outside double quotation marks; over paragraphs as double ones.
# Straight marks open only before a letter, and not the elisions "'em", "'til", "rock 'n'
# roll"; two of them together are the doubled-apostrophe mark of archive text, not a single one.
ELISIONS = r"(?:em|n|til|tis|twas|cause|bout|round)\b"
CURLY_SINGLE = SingleMarks("\u2018", re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–\-]))\u2018(?=[^\s\d])"),
                           re.compile(r"(?<=\S)\u2019(?![^\W\d_])"))
STRAIGHT_SINGLE = SingleMarks("'", re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–\-]))'(?=[^\W\d_])(?!%s)" % ELISIONS, re.I),
                              re.compile(r"(?<=[^\s'])'(?![\w'])"))
SINGLE_MARKS = (CURLY_SINGLE, STRAIGHT_SINGLE)


def _single_quotes(text: str, blocks, inside: list[Quote], marks: SingleMarks) -> list[Quote]:
    opens = [q.open for q in inside]  # sorted, and the quotations do not overlap

    def covered(i: int) -> bool:
        k = bisect_right(opens, i) - 1
        return k >= 0 and inside[k].open < i < inside[k].close

    out = []
    resume = 0  # where a quotation over several paragraphs ended
    for bi, block in enumerate(blocks):
        if block.kind == "heading":
            continue
        pos = max(block.start, resume)
        while (m := marks.open.search(text, pos, block.end)) is not None:
            i = m.start()
            pos = i + 1
            if covered(i):
                continue
            close = _single_close(text, i + 2, block.end, marks)
            if close is None and marks.open.search(text, i + 1, block.end) is None:
                close = _continued_close(text, blocks, bi, marks)  # ‘...\n\n‘...,’ he said.
            if close is not None and close - i <= MAX_QUOTE_CHARS:
                out.append(Quote(i, close, 1))
                pos = resume = close + 1
    return out


def _single_close(text: str, start: int, end: int, marks: SingleMarks) -> int | None:
    """The closing mark of a single quotation opened before ``start``, before the next opening."""
    nxt = marks.open.search(text, start, end)
    closes = [c.start() for c in marks.close.finditer(text, start, nxt.start() if nxt else end)]
    after_stop = [c for c in closes if text[c - 1] in ",.!?;:"]
    return after_stop[0] if after_stop else (closes[0] if closes else None)


def _continued_close(text: str, blocks, bi: int, marks: SingleMarks) -> int | None:
    """A quotation over paragraphs: each continued paragraph opens with the mark, the last closes."""
    for block in blocks[bi + 1:bi + MAX_PARAGRAPHS]:
        if marks.open.match(text, block.start) is None:
            return None
        close = _single_close(text, block.start + 1, block.end, marks)
        if close is not None:
            return close
    return None


def _double_quotes(text: str, blocks) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    width = 1
    closer = ""
    open_block = 0
    for bi, block in enumerate(blocks):
        if block.kind == "heading":
            open_at = None
            continue
        scan_from = block.start
        if open_at is not None:
            m = MARKS.match(text, block.start)
            if m and _can_open(text, block.start, m.group(0)) and bi - open_block < MAX_PARAGRAPHS:
                scan_from = m.end()  # a continued quote: this opening mark is not a new quote
            else:
                open_at = None
        inner_end = -1
        for m in MARKS.finditer(text, scan_from, block.end):
            mark, i = m.group(0), m.start()
            if i < inner_end:  # the marks of a quotation inside this one
                continue
            if open_at is None:
                if _can_open(text, i, mark):
                    open_at, width, closer, open_block = i, len(mark), CLOSER_FOR[mark], bi
            elif mark == closer or (closer not in SYMMETRIC and mark in CURLY_CLOSERS) or (
                    mark == '"' and not text[i - 1].isspace()) or (  # mixed marks: “...,"
                    closer == '"' and mark in CURLY_CLOSERS) or (  # and the other way: "...,”
                    mark == "\u201c" and closer == "\u201d" and not text[i - 1].isspace()
                    and (i + 1 >= len(text) or text[i + 1].isspace())):  # an opening mark typed to close: ...born.“
                if i - open_at <= MAX_QUOTE_CHARS and i > open_at + width:
                    quotes.append(Quote(open_at, i, width))
                open_at = None
            elif mark == "\u201c" and closer == "\u201d" and text[i - 1:i].isspace():
                inner = _nested_close(text, i, block.end)
                if inner is not None:  # “He called it a “disaster,” she said.”: the outer goes on
                    inner_end = inner + 1
                else:
                    open_at, width, open_block = i, 1, bi  # a new opening before the old one closed
    return quotes

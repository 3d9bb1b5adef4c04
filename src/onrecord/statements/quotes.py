"""Finding quotation marks' spans without trusting them to be balanced.

A quote may run over several paragraphs: by convention each continued paragraph opens
with a quote mark and only the last one closes. An opening mark that never closes is
dropped rather than swallowing the rest of the article.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Block

OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c", '"': '"'}
CURLY_CLOSERS = {"\u201d", "\u00bb"}
MAX_QUOTE_CHARS = 6000
MAX_PARAGRAPHS = 8


@dataclass(frozen=True)
class Quote:
    """Offsets of the marks (``open``/``close``) and of the content between them."""

    open: int
    close: int  # index of the closing mark

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:,;/" or i == 0:
        return not after.isspace()
    return False


def find_quotes(text: str, blocks: tuple[Block, ...] | list[Block] = ()) -> list[Quote]:
    """Return the quotations in ``text``, in order, each spanning one or more blocks."""
    if not blocks:
        blocks = (Block(0, len(text)),)
    quotes: list[Quote] = []
    open_at: int | None = None
    closer = ""
    open_block = 0
    for bi, block in enumerate(blocks):
        if block.kind == "heading":
            open_at = None
            continue
        if open_at is not None:
            first = text[block.start:block.start + 1]
            if first in OPENERS and bi - open_block < MAX_PARAGRAPHS:
                # a continued quote: this paragraph's opening mark is not a new quote
                scan_from = block.start + 1
            else:
                open_at = None
                scan_from = block.start
        else:
            scan_from = block.start
        i = scan_from
        end = block.end
        while i < end:
            ch = text[i]
            if open_at is None:
                if ch in OPENERS and (ch != '"' or _is_opening_straight(text, i)):
                    open_at, closer, open_block = i, OPENERS[ch], bi
            elif ch == closer or (closer != '"' and ch in CURLY_CLOSERS):
                if i - open_at <= MAX_QUOTE_CHARS and i > open_at + 1:
                    quotes.append(Quote(open_at, i))
                open_at = None
            elif ch == "\u201c" and closer == "\u201d" and i > open_at + 1 and text[i - 1].isspace():
                # a new opening curly mark before the old one closed: restart here
                open_at, open_block = i, bi
            i += 1
        # an unclosed quote carries into the next paragraph only if that one opens with a mark
    return quotes

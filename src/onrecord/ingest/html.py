"""HTML pages through trafilatura: the article, its metadata, and reader comments apart."""
from __future__ import annotations

import re
from typing import Iterator

from ..errors import InputError
from ..model import Block, Document

# Structural elements of trafilatura's XML body and the block kind they become.
BLOCK_KINDS = {"p": "paragraph", "head": "heading", "item": "list", "cell": "paragraph",
               "code": "paragraph"}
NOT_A_COMMENT = re.compile(r"^\s*(pingback|trackback)\b|^\s*(leave a (reply|comment)|"
                           r"fill in your details|you are commenting using)", re.I)


def _squash(text: str) -> str:
    return re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v]*", " ", text).strip()


def _blocks_from(body, default: str = "paragraph") -> list[tuple[str, str]]:
    """Flatten trafilatura's body into (kind, text) blocks; a <quote>'s paragraphs stay quotes."""
    out: list[tuple[str, str]] = []
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "quote":
            inner = _blocks_from(el, "quote")
            if inner:
                out += [("quote", t) for _, t in inner]
            else:
                text = _squash("".join(el.itertext()))
                if text:
                    out.append(("quote", text))
        elif tag in ("list", "table", "row", "div"):
            out += _blocks_from(el, default)
        else:
            text = _squash("".join(el.itertext()))
            if text:
                kind = "quote" if default == "quote" else BLOCK_KINDS.get(tag, "paragraph")
                out.append((kind, text))
    return out


def _assemble(blocks: list[tuple[str, str]]) -> tuple[str, tuple[Block, ...]]:
    parts, spans, pos = [], [], 0
    for kind, text in blocks:
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(text)
        spans.append(Block(pos, pos + len(text), kind))
        pos += len(text)
    return "".join(parts), tuple(spans)


def parse_html(html: str, source: str) -> Iterator[Document | InputError]:
    import trafilatura

    from . import date_from_url, dateline_date, document_id, normalise_date

    try:
        result = trafilatura.bare_extraction(html, include_comments=True, with_metadata=True,
                                             include_tables=True)
    except Exception as exc:  # trafilatura raises assorted lxml errors on hostile input
        yield InputError(f"HTML could not be parsed ({type(exc).__name__})", source=source)
        return
    if result is None or result.body is None:
        yield InputError("no article text found in the HTML", source=source)
        return
    text, blocks = _assemble(_blocks_from(result.body))
    if not text.strip():
        yield InputError("no article text found in the HTML", source=source)
        return
    published = normalise_date(result.date) or date_from_url(result.url) or dateline_date(text, blocks)
    article = Document(id=document_id(text), text=text, kind="article", source=source,
                       url=result.url, title=result.title, author=result.author,
                       published=published, blocks=blocks)
    yield article
    if result.commentsbody is None:
        return
    for kind, comment in _blocks_from(result.commentsbody):
        if kind == "heading" or NOT_A_COMMENT.search(comment):
            continue  # (a "Comments" heading is no comment)
        yield Document(id=document_id(comment), text=comment, kind="comment",
                       parent_id=article.id, source=source, url=result.url,
                       published=published, blocks=(Block(0, len(comment), "paragraph"),))

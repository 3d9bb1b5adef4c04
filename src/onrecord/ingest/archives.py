"""Feeds (RSS, Atom) and web archives (WARC): many documents from one input.

Each feed item or archived page becomes its own document; an item or record that cannot be
read gives an error naming it (`feed.xml#3`, `crawl.warc.gz@1024`) and the rest go on.
"""
from __future__ import annotations

from dataclasses import replace
from typing import BinaryIO, Iterator

from ..errors import InputError
from ..model import Document


def parse_feed(data: bytes, source: str) -> Iterator[Document | InputError]:
    import feedparser

    from . import normalise_date, parse_text
    from .html import parse_html

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        yield InputError(f"no feed items found ({type(reason).__name__ if reason else 'empty feed'})",
                         source=source)
        return
    for n, entry in enumerate(feed.entries, 1):
        where = f"{source}#{n}"
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "")
        published = normalise_date(entry.get("published") or entry.get("updated"))
        if not body.strip():
            yield InputError("feed item has no text", source=where)
            continue
        if "<" in body:
            page = f"<html><head><title>{entry.get('title', '')}</title></head><body><article>{body}</article></body></html>"
            docs = [d for d in parse_html(page, where) if isinstance(d, Document) and d.kind == "article"]
            if not docs:
                yield InputError("feed item has no article text", source=where)
                continue
            doc = docs[0]
        else:
            doc = parse_text(body, where)
        yield replace(doc, title=entry.get("title") or doc.title, url=entry.get("link") or doc.url,
                      published=published or doc.published, source=where)


def parse_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | InputError]:
    """Archived HTML responses, streamed (a crawl can be far larger than memory); each page is
    still held to ``max_bytes``."""
    from warcio.archiveiterator import ArchiveIterator

    from . import date_from_url, normalise_date
    from .html import parse_html

    try:
        yield from _records(ArchiveIterator(stream), source, max_bytes, parse_html, date_from_url, normalise_date)
    except Exception as exc:  # warcio raises assorted errors on a damaged archive
        yield InputError(f"damaged web archive ({type(exc).__name__})", source=source)


def _records(records, source, max_bytes, parse_html, date_from_url, normalise_date):
    for record in records:
        if record.rec_type != "response" or record.http_headers is None:
            continue
        ctype = record.http_headers.get_header("Content-Type") or ""
        if "html" not in ctype.lower():
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        where = f"{source}@{url}"
        raw = record.content_stream().read(max_bytes + 1)
        if len(raw) > max_bytes:
            yield InputError(f"archived page is over the {max_bytes / 1e6:.0f} MB limit", source=where)
            continue
        try:
            html = raw.decode(_charset(ctype) or "utf-8")
        except (UnicodeDecodeError, LookupError):
            yield InputError("archived page is not valid text in its declared encoding", source=where)
            continue
        captured = normalise_date(record.rec_headers.get_header("WARC-Date"))
        for item in parse_html(html, where):
            if isinstance(item, Document):
                item = replace(item, url=item.url or url,
                               published=item.published or date_from_url(url) or captured)
            yield item


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        if part.strip().lower().startswith("charset="):
            return part.split("=", 1)[1].strip().strip('"')
    return None

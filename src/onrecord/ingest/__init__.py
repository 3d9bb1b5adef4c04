"""Ingest: pages, text, Markdown and JSONL into :class:`~onrecord.model.Document` objects.

Every input either yields documents or an :class:`~onrecord.errors.InputError`
naming it; nothing is silently dropped.
"""
from __future__ import annotations

import glob
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from ..errors import InputError, MissingInput
from ..model import Block, Document
from .html import parse_html

DEFAULT_MAX_BYTES = 25_000_000
SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text",
            ".text": "text", ".md": "markdown", ".markdown": "markdown",
            ".jsonl": "jsonl", ".ndjson": "jsonl", ".rss": "feed", ".atom": "feed", ".xml": "feed",
            ".warc": "warc", ".gz": "warc"}


@dataclass(frozen=True)
class Ingested:
    """What one input gave: its documents, or why it gave none."""

    source: str
    documents: tuple[Document, ...] = ()
    error: InputError | None = None


def document_id(text: str) -> str:
    """Documents are identified by their text, so re-ingesting adds nothing."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_date(value: str | None) -> str | None:
    """Accept ``YYYY-MM-DD`` or anything dateparser reads; return ISO day or ``None``."""
    if not value:
        return None
    value = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return m.group(0)
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first",
                                               "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    m = re.search(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)", url)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def expand(inputs: list[str]) -> Iterator[str]:
    """Paths, directories (recursively, known suffixes) and globs, in a stable order."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and (p.suffix.lower() in SUFFIXES and (p.suffix.lower() != ".gz" or p.name.endswith(".warc.gz"))):
                    yield str(p)
        elif path.exists():
            yield item
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield item  # reported as missing below
            yield from (m for m in matches if Path(m).is_file())
        else:
            yield item


def read_bytes(source: str, max_bytes: int) -> bytes:
    path = Path(source)
    if not path.exists():
        raise MissingInput("no such file or directory", source=source)
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                         "(raise it with --max-bytes)", source=source)
    return checked(path.read_bytes(), source)


def checked(data: bytes, source: str) -> bytes:
    """The bytes of an input, unless they are empty or binary."""
    if not data.strip():
        raise InputError("file is empty", source=source)
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file, not text or HTML", source=source)
    return data


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not valid {encoding or 'UTF-8'} (byte {exc.start}); "
                         "pass --encoding, e.g. --encoding cp1252", source=source) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=source) from None
    text = text[1:] if text.startswith("\ufeff") else text
    return repair_mojibake(text)


MOJIBAKE_HINT = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0100-\u024f\u2010-\u203a\u20ac\u2122]")


def repair_mojibake(text: str) -> str:
    """UTF-8 once read as Latin-1 or cp1252 ('FranÃ§ois', 'â€œ'), undone by ftfy; text with no
    sign of it is returned untouched, so offsets into clean inputs never move."""
    composed = unicodedata.normalize("NFC", text)  # some archives also decomposed the damage
    if not MOJIBAKE_HINT.search(composed):
        return text
    import ftfy

    return ftfy.fix_encoding(composed)


def detect_format(source: str, text: str | None = None) -> str:
    if source.endswith(".warc.gz"):
        return "warc"
    fmt = SUFFIXES.get(Path(source).suffix.lower())
    if fmt:
        return fmt
    if text is not None and re.match(r"\s*<(!doctype|html|head|body|\?xml)", text[:500], re.I):
        return "html"
    return "text"


def text_blocks(text: str) -> tuple[Block, ...]:
    """Paragraphs of plain text or Markdown: runs of non-blank lines; '#' lines are headings."""
    blocks = []
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        chunk = m.group(0)
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if not body:
            continue
        start = m.start() + lead
        end = start + len(body)
        kind = "heading" if body.startswith("#") else "quote" if body.startswith(">") else "paragraph"
        blocks.append(Block(start, end, kind))
    return tuple(blocks)


def parse_text(text: str, source: str, fmt: str = "text") -> Document:
    if not text.strip():
        raise InputError("has no text", source=source)
    blocks = text_blocks(text)
    title = None
    if blocks:
        first = text[blocks[0].start:blocks[0].end]
        if fmt == "markdown" and first.startswith("#"):
            title = first.lstrip("#").strip()
        elif "\n" not in first and len(first) < 150 and not first.rstrip().endswith((".", ":", ",", "\"", "”")):
            title = first.strip()
    lines = [text[b.start:b.end].strip() for b in blocks[:4]]
    author = next((m.group(1) for line in lines if len(line) <= 80 and not line.endswith(".")
                   and (m := BYLINE.fullmatch(line))), None)
    author = author.title() if author and author.isupper() else author
    # "Ottawa, March 4, 2031" standing alone under a statement's title: the day it was issued
    dated = next((m.group("date") for line in lines if (m := DATE_LINE.fullmatch(line))), None)
    return Document(id=document_id(text), text=text, source=source, title=title, author=author, blocks=blocks,
                    published=normalise_date(dated) if dated else dateline_date(text, blocks))


def dateline_date(text: str, blocks) -> str | None:
    """The day a wire dateline gives, opening one of the first paragraphs ("BRUSSELS, June 9,
    2025 (Wire) - ..."): when the story was filed, where the page carries no other date. A
    dateline without a year ("OTTAWA, March 14 -") dates nothing."""
    for b in blocks[:4]:
        m = WIRE_DATELINE.match(text, b.start, b.end)
        if m is not None:
            return normalise_date(m.group("date"))
    return None


# a line that is only a place and a full date, or a date: "Ottawa, March 4, 2031", "4 March 2031"
DATE_LINE = re.compile(r"(?:(?P<place>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?),\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                       r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                       r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
                       r"September|October|November|December)\s+\d{4})")
# "BRUSSELS, June 9, 2025 (Wire) - ", "LAGOS, 4 March 2031 -": a wire dateline with its year
WIRE_DATELINE = re.compile(r"[A-Z][\w.'’\-]*(?:[ /][A-Z][\w.'’\-]*){0,3},\s+(?:[A-Z][\w.]*,\s+)?"
                           r"(?P<date>(?:January|February|March|April|May|June|July|August|September|October|"
                           r"November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2},?\s+\d{4}"
                           r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
                           r"November|December)\s+\d{4})\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-—–]{1,2}|:)\s")
# "By Sara Whitfield", "BY SARA WHITFIELD, Wire": a byline among a text's first paragraphs
BYLINE = re.compile(r"(?:By|BY)\s+((?:[A-Z][\w.'’\-]*\s+){1,3}[A-Z][\w'’\-]+)(?:\s*(?:,|\||—|–|-)\s*.{0,60})?")


def parse_jsonl(text: str, source: str) -> Iterator[Document | InputError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"is not valid JSON ({exc.msg})", source=where)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield InputError("needs a non-empty string field 'text'", source=where)
            continue
        doc = parse_text(obj["text"], obj.get("source") or source)
        yield replace(doc, title=obj.get("title") or doc.title, url=obj.get("url"),
                      published=normalise_date(obj.get("published")) or date_from_url(obj.get("url")) or doc.published)


def ingest_one(source: str, *, published: str | None = None, encoding: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | InputError]:
    """Read one input; returns documents and per-record errors (never raises for bad data)."""
    try:
        if detect_format(source) == "warc":
            if not Path(source).exists():
                raise MissingInput("no such file or directory", source=source)
            with open(source, "rb") as stream:  # streamed: a crawl can be far larger than memory
                return _dated(_parse(None, source, encoding, max_bytes, stream=stream), published)
        data = read_bytes(source, max_bytes)
    except InputError as exc:
        return [exc]
    return _dated(_parse(data, source, encoding, max_bytes), published)


def ingest_data(data: bytes, source: str, *, published: str | None = None, encoding: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | InputError]:
    """One input already read into memory (a Spark job gets its files as bytes); as :func:`ingest_one`."""
    if len(data) > max_bytes:
        return [InputError(f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                           "(raise it with --max-bytes)", source=source)]
    stream = None
    try:
        if detect_format(source) == "warc":
            import io
            stream, data = io.BytesIO(data), None
        else:
            data = checked(data, source)
    except InputError as exc:
        return [exc]
    return _dated(_parse(data, source, encoding, max_bytes, stream=stream), published)


def _parse(data: bytes | None, source: str, encoding: str | None, max_bytes: int,
           stream=None) -> list[Document | InputError]:
    try:
        fmt = detect_format(source)
        if fmt == "warc":
            from .archives import parse_warc
            return list(parse_warc(stream, source, max_bytes))
        assert data is not None
        if fmt == "feed":
            from .archives import parse_feed
            return list(parse_feed(data, source))
        text = decode(data, source, encoding)
        fmt = detect_format(source, text)
        if fmt == "html":
            return list(parse_html(text, source))
        if fmt == "jsonl":
            return list(parse_jsonl(text, source))
        return [parse_text(text, source, fmt)]
    except InputError as exc:
        return [exc]


def _dated(results: list[Document | InputError], published: str | None) -> list[Document | InputError]:
    if not published:
        return results
    return [replace(d, published=published) if isinstance(d, Document) else d for d in results]


def ingest(inputs: list[str], **kwargs) -> Iterator[Ingested]:
    """Ingest many inputs (paths, directories, globs); one :class:`Ingested` per input file."""
    for source in expand(inputs):
        results = ingest_one(source, **kwargs)
        docs = tuple(r for r in results if isinstance(r, Document))
        errors = [r for r in results if isinstance(r, InputError)]
        if errors and not docs:
            yield Ingested(source, (), errors[0])
            for extra in errors[1:]:
                yield Ingested(extra.source or source, (), extra)
        else:
            yield Ingested(source, docs)
            for err in errors:
                yield Ingested(err.source or source, (), err)


__all__ = ["Ingested", "ingest", "ingest_one", "ingest_data", "document_id", "normalise_date", "parse_text",
           "expand", "DEFAULT_MAX_BYTES"]

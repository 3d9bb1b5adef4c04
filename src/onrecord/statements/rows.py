"""Statements as PolNeAR rows: one {content, source, cue} offset pair per statement, with span
edges drawn as PolNeAR's annotators draw them. The benchmark scores these; the tagger reads
them (without PolNeAR's edges) as its input feature."""
from __future__ import annotations

import re

from ..model import Span
from .rules import Candidate


OPENING_MARK = re.compile(r"(?:“|\"|''|«|„|‘|')$")
CLOSING_MARK = re.compile(r"^[,.?!;:]{0,2}(?:”|\"|''|»|“|’|')")


def _with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A content with the quotation marks around it, and the comma or stop inside the closing
    mark, as PolNeAR's spans have them ('“We won,”'); onrecord's own spans hold the words."""
    opening = OPENING_MARK.search(text, max(0, start - 2), start)
    if opening is not None:
        start = opening.start()
    closing = CLOSING_MARK.match(text[end:end + 4])
    if closing is not None:
        end += closing.end()
    return start, end


def _source_edges(text: str, source: Span) -> tuple[int, int]:
    """A source with an apposition keeps the comma that closes it ('Jane Roe, the mayor,'),
    as PolNeAR's spans do."""
    end = source.end
    if "," in source.text and text[end:end + 1] == ",":
        end += 1
    return source.start, end


def _cue_edges(text: str, cue: Span) -> tuple[int, int]:
    """A cue keeps the colon that introduces its words ('added:'), as PolNeAR's spans do."""
    return cue.start, cue.end + (text[cue.end:cue.end + 1] == ":" and cue.text != ":")


def whole_statements(text: str, candidates: list[Candidate], *, polnear_edges: bool = True) -> list[dict]:
    """{content, source, cue} offset pairs, one per statement, as PolNeAR annotates them: the
    parts of a quote split by its attribution ('"A," X said. "B."') joined within a paragraph
    (onrecord keeps the parts apart, sharing cue and speaker); with ``polnear_edges``, quotation
    marks inside a content, the comma closing a source's apposition and the colon after a cue
    (the tagger reads the rules' own spans, as it was trained)."""
    return statement_rows(text, candidates, polnear_edges=polnear_edges)[0]


def joins_previous(text: str, cand: Candidate) -> bool:
    """Is this a later part of a quote split by its attribution within one paragraph?"""
    return cand.continues is not None and "\n" not in text[cand.continues.end:cand.content.start]


def first_parts(text: str, candidates: list[Candidate], document_id: str) -> list[str | None]:
    """For each candidate, the id of the first part of the words it continues ('"A," X said.
    "B."' within a paragraph, as ``whole_statements`` joins them), or None for a first part."""
    heads: dict[tuple[int, int], str] = {}
    out: list[str | None] = []
    for c in candidates:
        head = heads.get((c.continues.start, c.continues.end)) if joins_previous(text, c) else None
        out.append(head)
        heads[(c.content.start, c.content.end)] = head or c.make_id(document_id)
    return out


def statement_rows(text: str, candidates: list[Candidate], *,
                   polnear_edges: bool = True) -> tuple[list[dict], list[int]]:
    """``whole_statements``, and the row each candidate went into."""
    edges = _with_marks if polnear_edges else (lambda text, start, end: (start, end))
    source_edges = _source_edges if polnear_edges else (lambda text, source: (source.start, source.end))
    cue_edges = _cue_edges if polnear_edges else (lambda text, cue: (cue.start, cue.end))
    out: list[dict] = []
    owner: list[int] = []
    by_content: dict[tuple[int, int], int] = {}
    for c in candidates:
        if joins_previous(text, c):
            head = by_content.get((c.continues.start, c.continues.end))
            if head is not None:
                out[head]["content"][1] = edges(text, c.content.start, c.content.end)[1]
                by_content[(c.content.start, c.content.end)] = head
                owner.append(head)
                continue
        row = {"content": list(edges(text, c.content.start, c.content.end)),
               "source": list(source_edges(text, c.source)) if c.source else None,
               "cue": list(cue_edges(text, c.cue)) if c.cue else None}
        by_content[(c.content.start, c.content.end)] = len(out)
        owner.append(len(out))
        out.append(row)
    return out, owner

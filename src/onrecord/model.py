"""The one data model every stage reads and writes.

Offsets are the truth: every span is a ``(start, end)`` pair into its document's
``text`` and carries the text it covers, so ``doc.text[start:end] == span.text``
can always be checked. Absent values are ``None``, never invented.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal

# a question: put to a speaker, no stance; authored: an official's own signed piece (an op-ed), no quotation
StatementKind = Literal["direct", "indirect", "mixed", "belief", "question", "authored"]
StanceLabel = Literal["support", "oppose", "conditional", "undecided", "neutral"]
FindingKind = Literal["shift", "contradiction", "separate_questions", "common_ground", "outlook"]
ActorKind = Literal["person", "anonymous", "group", "organization"]
Granularity = Literal["day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "since",
                      "unknown"]

STANCES: tuple[str, ...] = ("support", "oppose", "conditional", "undecided", "neutral")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def verify(self, text: str) -> bool:
        return 0 <= self.start <= self.end <= len(text) and text[self.start:self.end] == self.text

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Span | None":
        return None if d is None else cls(int(d["start"]), int(d["end"]), d["text"])


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit of a document (paragraph, heading, quote, list item)."""

    start: int
    end: int
    kind: str = "paragraph"


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    kind: Literal["article", "comment"] = "article"
    parent_id: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    blocks: tuple[Block, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "parent_id": self.parent_id,
            "source": self.source, "url": self.url, "title": self.title,
            "author": self.author, "published": self.published, "text": self.text,
            "blocks": [[b.start, b.end, b.kind] for b in self.blocks],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        blocks = tuple(Block(int(b[0]), int(b[1]), b[2]) for b in d.get("blocks") or ())
        return cls(id=d["id"], text=d["text"], kind=d.get("kind", "article"),
                   parent_id=d.get("parent_id"), source=d.get("source"), url=d.get("url"),
                   title=d.get("title"), author=d.get("author"),
                   published=d.get("published"), blocks=blocks)


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    parent_id: str | None = None
    aliases: tuple[str, ...] = ()
    kind: str = "body"  # government, ministry, command, igo, outlet, central-bank, body

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "parent_id": self.parent_id,
                "aliases": list(self.aliases), "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Organization":
        return cls(d["id"], d["name"], d.get("parent_id"), tuple(d.get("aliases") or ()),
                   d.get("kind", "body"))


@dataclass(frozen=True)
class Role:
    title: str
    organization_id: str | None = None
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "organization_id": self.organization_id,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Role":
        return cls(d["title"], d.get("organization_id"), d.get("start"), d.get("end"))


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind = "person"
    roles: tuple[Role, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "roles": [r.to_dict() for r in self.roles]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Actor":
        return cls(d["id"], d["name"], d.get("kind", "person"),
                   tuple(Role.from_dict(r) for r in d.get("roles") or ()))


@dataclass(frozen=True)
class TimeSpan:
    """When a statement was made: a date range, how precise it is, and why we think so."""

    start: str | None = None
    end: str | None = None
    granularity: Granularity = "unknown"
    expression: str | None = None
    basis: Literal["text", "published", "none"] = "none"
    span: Span | None = None  # where the expression stands in the document

    def label(self) -> str:
        """As precise as it is known: a day, a month ("2026-04"), a year ("2019"), a quarter or
        week, "≤" the latest it can be, or "?"."""
        if not self.start:
            return f"≤{self.end}" if self.end else "?"
        if self.granularity == "month":
            return self.start[:7]
        if self.granularity == "year":
            return self.start[:4]
        if self.granularity == "quarter":
            return f"{self.start[:4]}-Q{(int(self.start[5:7]) - 1) // 3 + 1}"
        if self.granularity in ("week", "weekend"):
            year, week, _ = date.fromisoformat(self.start).isocalendar()
            return f"{year}-W{week:02d}"
        if self.end and self.end != self.start and self.granularity != "day":
            return f"{self.start}…"  # a season, a half, "recently": from this day, up to a later one
        return self.start

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "granularity": self.granularity,
                "expression": self.expression, "basis": self.basis,
                "span": self.span.to_dict() if self.span else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "TimeSpan":
        if not d:
            return cls()
        return cls(d.get("start"), d.get("end"), d.get("granularity", "unknown"),
                   d.get("expression"), d.get("basis", "none"), Span.from_dict(d.get("span")))


@dataclass(frozen=True)
class Target:
    id: str
    question: str
    description: str | None = None
    keywords: tuple[str, ...] = ()
    means: tuple[str, ...] = ()  # ways of carrying it out; stance toward a means counts
    examples_for: tuple[str, ...] = ()  # statements the user reads as support
    examples_against: tuple[str, ...] = ()  # ... and as opposition
    scope_organizations: tuple[str, ...] = ()  # only speakers within these bodies
    scope_from: str | None = None  # only remarks said on or after this day
    scope_to: str | None = None  # ... and on or before this one

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "question": self.question, "description": self.description,
                "keywords": list(self.keywords), "means": list(self.means),
                "examples": {"for": list(self.examples_for), "against": list(self.examples_against)},
                "scope": {"organizations": list(self.scope_organizations), "from": self.scope_from,
                          "to": self.scope_to}}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Target":
        ex, sc = d.get("examples") or {}, d.get("scope") or {}
        return cls(d["id"], d["question"], d.get("description"),
                   tuple(d.get("keywords") or ()), tuple(d.get("means") or ()),
                   tuple(ex.get("for") or ()), tuple(ex.get("against") or ()),
                   tuple(sc.get("organizations") or ()), sc.get("from"), sc.get("to"))

    def in_scope(self, organization_path_ids: list[str], day: str | None) -> bool:
        """Whether a remark by a speaker in these bodies on this day falls under the question."""
        if self.scope_organizations and not set(self.scope_organizations) & set(organization_path_ids):
            return False
        if day and self.scope_from and day < self.scope_from:
            return False
        if day and self.scope_to and day > self.scope_to:
            return False
        return True


@dataclass(frozen=True)
class Stance:
    target_id: str
    stance: StanceLabel
    confidence: float
    evidence: tuple[Span, ...] = ()
    condition: Span | None = None
    source: str = "rules"  # which backend, or "analyst" for a correction

    def to_dict(self) -> dict[str, Any]:
        return {"target_id": self.target_id, "stance": self.stance,
                "confidence": round(self.confidence, 3),
                "condition": self.condition.to_dict() if self.condition else None,
                "evidence": [e.to_dict() for e in self.evidence], "source": self.source}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Stance":
        return cls(d["target_id"], d["stance"], float(d["confidence"]),
                   tuple(Span.from_dict(e) for e in d.get("evidence") or ()),
                   Span.from_dict(d.get("condition")), d.get("source", "rules"))


@dataclass(frozen=True)
class Speaker:
    """Who said it: the mention in the text, and what it resolves to."""

    mention: Span | None = None
    actor_id: str | None = None
    name: str | None = None
    role: str | None = None
    organization_id: str | None = None
    organization_path: tuple[str, ...] = ()
    resolved_from: str | None = None  # "name", "surname", "pronoun", "title", "anonymous"...
    # several bodies speaking as one ("France and Germany said in a joint statement"): each
    # speaks for itself in the findings; organization_id is then None
    joint: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        m = self.mention
        return {"text": m.text if m else None, "start": m.start if m else None,
                "end": m.end if m else None, "actor_id": self.actor_id, "name": self.name,
                "role": self.role, "organization_id": self.organization_id,
                "organization_path": list(self.organization_path),
                "resolved_from": self.resolved_from, "joint": list(self.joint)}

    def bodies(self) -> tuple[str, ...]:
        """The organisations the words speak for: the speaker's, or each of a joint statement's."""
        return self.joint or ((self.organization_id,) if self.organization_id else ())

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Speaker | None":
        if d is None:
            return None
        mention = None if d.get("start") is None else Span(d["start"], d["end"], d["text"])
        return cls(mention, d.get("actor_id"), d.get("name"), d.get("role"),
                   d.get("organization_id"), tuple(d.get("organization_path") or ()),
                   d.get("resolved_from"), tuple(d.get("joint") or ()))


@dataclass(frozen=True)
class Statement:
    id: str
    document_id: str
    kind: StatementKind
    content: Span
    cue: Span | None = None
    speaker: Speaker | None = None
    via: Span | None = None  # the outlet or person that relayed it
    said: TimeSpan = field(default_factory=TimeSpan)
    stances: tuple[Stance, ...] = ()
    confidence: float = 0.5
    found_by: str = "rules"  # or "tagger": the optional MiniLM tagger, where the rules found nothing
    # a later part of words its attribution splits ('"We will act," she said. "Soon."'; "The cap,
    # she said, would help"): the id of the first part. A clause split so is judged whole, and
    # its first part holds the stance
    part_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "document_id": self.document_id, "kind": self.kind,
                "text": self.content.text, "start": self.content.start, "end": self.content.end,
                "cue": self.cue.to_dict() if self.cue else None,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "via": self.via.to_dict() if self.via else None,
                "said": self.said.to_dict(), "confidence": round(self.confidence, 3),
                "found_by": self.found_by, "stances": [s.to_dict() for s in self.stances],
                "part_of": self.part_of}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Statement":
        return cls(d["id"], d["document_id"], d["kind"], Span(d["start"], d["end"], d["text"]),
                   Span.from_dict(d.get("cue")), Speaker.from_dict(d.get("speaker")),
                   Span.from_dict(d.get("via")), TimeSpan.from_dict(d.get("said")),
                   tuple(Stance.from_dict(s) for s in d.get("stances") or ()),
                   float(d.get("confidence", 0.5)), d.get("found_by") or "rules", d.get("part_of"))

    def spans(self) -> list[Span]:
        """Every span the statement claims, for verification against its document."""
        out = [self.content]
        out += [s for s in (self.cue, self.via, self.said.span) if s]
        if self.speaker and self.speaker.mention:
            out.append(self.speaker.mention)
        for st in self.stances:
            out += list(st.evidence)
            if st.condition:
                out.append(st.condition)
        return out


@dataclass(frozen=True)
class Finding:
    id: str
    kind: FindingKind
    summary: str
    confidence: float
    target_id: str | None = None
    actor_ids: tuple[str, ...] = ()
    statement_ids: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "target_id": self.target_id,
                "actor_ids": list(self.actor_ids), "statement_ids": list(self.statement_ids),
                "summary": self.summary, "confidence": round(self.confidence, 3),
                "details": self.details}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Finding":
        return cls(d["id"], d["kind"], d["summary"], float(d["confidence"]), d.get("target_id"),
                   tuple(d.get("actor_ids") or ()), tuple(d.get("statement_ids") or ()),
                   d.get("details") or {})


__all__ = [n for n in dir() if n[0].isupper()] + ["replace", "asdict", "fields"]

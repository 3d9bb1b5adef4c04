"""Signed opinion pieces by officials: the author's own words are statements.

A foreign minister's op-ed is policy speech as much as a press conference, but nothing in
it is attributed: the byline and the tagline ("Ingrid Solheim is Norway's minister of
foreign affairs.") say who speaks. Only a piece whose tagline or byline gives its author an
office counts; a columnist's or a researcher's piece is no official's word.
"""
from __future__ import annotations

import re

from ..model import Span
from ..parse import Parsed
from .rules import Candidate, trim

# posts that are public office whatever follows them ...
OFFICE = (r"(?:(?:prime |foreign |deputy |state |cabinet )?minister|ambassador|envoy|chancellor|commissioner|"
          r"secretary-general|secretary of state|foreign secretary|home secretary|defen[cs]e secretary|"
          r"high representative|governor|national security adviser|undersecretary|under secretary|"
          r"spokes(?:man|woman|person) (?:of|for) the (?:government|ministry|presidency)|head of (?:state|government)|"
          # legislators: "a Republican senator from Ohio", "a member of the European Parliament"
          r"senator|congress(?:man|woman)|(?:U\.S\. )?representative from|MP|MEP|member of (?:the )?(?:European )?"
          r"(?:parliament|congress|house of representatives|senate|bundestag|national assembly)|"
          r"chair(?:man|woman)? of the (?:house|senate|parliament)\w*|speaker of the (?:house|parliament|assembly))")
# "Ann Roe represents Ohio's 5th District in Congress.": a seat, which is office
SEAT = re.compile(r"\b(?:district|constituency|congress|house of representatives|parliament|senate)\b", re.I)
# ... and posts that are so only of a government or an international body ("president of
# Butler University" is none)
OFFICE_OF_A_BODY = r"(?:president|vice president|secretary|director|chief|representative|spokes(?:man|woman|person)|adviser)"
# "Ingrid Solheim is Norway's minister of foreign affairs." / "The writer is the U.S. ambassador to ...",
# closing the piece
TAGLINE = re.compile(r"[\s_*\-—–]*(?P<who>(?:[A-Z][\w.'’\-]+\s+){1,3}[A-Z][\w'’\-]+|[Tt]he (?:writer|author))"
                     r"\s+(?P<verb>is|serves as|has been|represents)\s+(?P<post>(?:the|a|an|[A-Z][\w.'’\-]*)\b[^.;]{3,120}?)\.?[\s_*]*$")
# "By Ingrid Solheim, Norway's Minister of Foreign Affairs", opening it
BYLINE = re.compile(r"[\s_*]*By\s+(?P<who>(?:[A-Z][\w.'’\-]+\s+){1,3}[A-Z][\w'’\-]+),\s+(?P<post>[^.;]{3,120}?)\.?[\s_*]*$")
# what an official post is not: "a former minister", "a senior fellow at ...", "a candidate for president"
NOT_IN_OFFICE = re.compile(r"\b(?:former|ex-|retired|fellow|professor|columnist|candidate|nominee|shadow|"
                           r"opposition|author of|emeritus)\b", re.I)
CONFIDENCE = 0.9  # the page itself says who wrote it; what can go wrong is the post


def _official(post: str) -> bool:
    """Whether a tagline's post is public office: in its first words, a post that always is,
    or one that is of a body the gazetteer knows."""
    head = " ".join(post.split()[:8])
    if NOT_IN_OFFICE.search(post):
        return False
    if re.search(r"\b%s\b" % OFFICE, head, re.I):
        return True
    if not re.search(r"\b%s\b" % OFFICE_OF_A_BODY, head, re.I):
        return False
    from ..actors.gazetteer import load_gazetteer  # a country's or a bloc's, not a university's

    gaz = load_gazetteer()
    return any(gaz.organizations[o].kind in ("government", "igo") or gaz.tree.government(o)
               for _, _, o in gaz.find(post))


def author_line(parsed: Parsed) -> tuple[Span, int, str] | None:
    """The tagline or byline that names an official author: the author's name as the page
    writes it there (or the page's author for "The writer is ..."), its block's index, and
    the post it gives."""
    doc = parsed.document
    blocks = list(doc.blocks)
    lines = [(i, TAGLINE) for i in range(len(blocks) - 1, max(-1, len(blocks) - 3), -1)] + \
        [(i, BYLINE) for i in range(min(3, len(blocks)))]
    for i, pattern in lines:
        b = blocks[i]
        line = doc.text[b.start:b.end]
        m = pattern.fullmatch(line) if len(line) <= 240 else None
        if m is None:
            continue
        seat = pattern is TAGLINE and m.group("verb") == "represents"
        if not (SEAT.search(m.group("post")) if seat else _official(m.group("post"))):
            continue
        who = m.group("who")
        if who.lower() in ("the writer", "the author"):
            if not doc.author:
                continue
        elif doc.author and who.split()[-1] not in doc.author.split():
            continue  # a tagline about someone else than the page's author
        return Span.of(doc.text, b.start + m.start("who"), b.start + m.end("who")), i, m.group("post")
    return None


def authored(parsed: Parsed, found: list[Candidate]) -> list[Candidate]:
    """``found`` with the author's own words of an official's signed piece: a paragraph at a
    time, and in a paragraph that also reports someone ("As the French minister told me, ...")
    the sentences that report nobody. The author's own "I think ...", "we will ask parliament
    to ..." stay statements of their own, which the actors stage gives to the author."""
    signed = author_line(parsed)
    if signed is None:
        return found
    return sorted(found + _pieces(parsed, found, *signed[:2]), key=lambda c: (c.content.start, c.content.end))


def _pieces(parsed: Parsed, found: list[Candidate], who: Span, at: int) -> list[Candidate]:
    doc = parsed.document
    # what others are reported to say is theirs; the author's own "we will ask ..." is not taken
    taken = [s for c in found if c.source is None or c.source.text.lower() not in ("i", "we", "me", "us")
             for s in (c.content, c.cue, c.source) if s is not None]
    out = []
    for i, b in enumerate(doc.blocks):
        line = doc.text[b.start:b.end].strip()
        if i == at or b.kind not in ("paragraph", "list") or line == (doc.title or "").strip() \
                or (i == 0 and len(line) < 200 and ("\n" in line or not line.endswith((".", "!", "?", "\"", "”", "’")))):
            continue  # nor the headline, which the page's text may repeat: an editor's words
        pieces = [(b.start, b.end)]
        if any(s.start < b.end and b.start < s.end for s in taken):
            pb = parsed.block_at(b.start)
            sents = [(pb.char(s[0]), pb.char(s[-1]) + len(s[-1].text)) for s in pb.doc.sents] if pb else []
            pieces = [(a, z) for a, z in sents if not any(s.start < z and a < s.end for s in taken)]
        for a, z in pieces:
            a, z = trim(doc.text, a, z)
            if z - a < 20 or not re.search(r"[a-z]", doc.text[a:z]):
                continue
            out.append(Candidate("authored", Span.of(doc.text, a, z), None, who, CONFIDENCE, rule="authored"))
    return out

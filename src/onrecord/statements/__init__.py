"""Statements: attributed speech and belief, with content, cue and speaker-mention spans.

``extract(parsed)`` is a pure function of a parsed document. Speaker *mentions* are found
here; resolving them to actors is the ``actors`` stage's job.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Span
from ..parse import Parsed
from .cuemodel import load_model
from .quotes import Quote, find_quotes
from .rules import (NOT_CUES, Candidate, _inside, classify, colon_candidates, cue_candidates, lexicon,
                    noun_cue_candidates, span, token_range)

MIN_QUOTE_WORDS = 4  # shorter quotations are usually scare quotes or titles

COLON_LABEL = re.compile(r"(?m)^\W{0,2}[A-Z][\w.’'\- ]{0,40}:\s")


@lru_cache(maxsize=1)
def _signal() -> re.Pattern:
    """Word starts of every cue the lexicon or the cue model knows ('said', 'blast...')."""
    lex = lexicon()
    lemmas = set(lex.speech | lex.belief | lex.nouns)
    model = load_model()
    if model is not None:
        lemmas |= set(model.cue_lemmas)
    lemmas -= NOT_CUES | {"was", "were", "been", "is", "are", "do", "did", "does", "will", "would"}
    stems = {w[:-1] if w.endswith("e") and len(w) > 3 else w for w in lemmas if w.isalpha() and len(w) > 2}
    stems |= {"said", "told", "thought", "according", "wrote", "felt", "knew", "sought", "spoke",
              "saw", "found", "taught", "understood", "meant", "gave", "made", "took", "held"}
    return re.compile(r"\b(?:%s)" % "|".join(sorted(map(re.escape, stems))), re.I)


def has_signal(text: str, kind: str = "paragraph") -> bool:
    """Cheap test: can this block hold an attribution? Blocks without one are not parsed."""
    return (any(q in text for q in "\"“”«»„") or "''" in text or bool(COLON_LABEL.search(text))
            or bool(_signal().search(text)))


def _overlap(a: Span, b: Span) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    order = {"direct": 3, "mixed": 2, "indirect": 1, "belief": 0}
    cands = sorted(cands, key=lambda c: (-c.confidence, -order[c.kind], c.content.start))
    kept: list[Candidate] = []
    for c in cands:
        same = [k for k in kept if _overlap(k.content, c.content) > 0.8
                and (k.cue == c.cue or k.source == c.source or k.cue is None or c.cue is None)]
        if not same:
            kept.append(c)
    return sorted(kept, key=lambda c: (c.content.start, c.content.end))


# "called for X", "spoke briefly about X": the preposition belongs to the cue. Not "to": PolNeAR
# keeps it with the content as often as not ("threatened | to impose").
CUE_PARTICLES = re.compile(r"(?:for|about|on|of|over|against|with|into|at|from|upon)\s+", re.I)


def _cue_takes_its_particle(text: str, cand: Candidate) -> Candidate:
    """A content that opens with the preposition or infinitive marker its cue governs gives it
    to the cue ('called for | more money'), as PolNeAR's annotators do."""
    if cand.cue is None or cand.kind == "direct" or not cand.cue.end <= cand.content.start + 4:
        return cand
    m = CUE_PARTICLES.match(text, cand.content.start)
    if m is None or m.end() >= cand.content.end:
        return cand
    gap = text[cand.cue.end:cand.content.start]
    if cand.cue.end > cand.content.start:  # the cue already holds it ("comment on | on X")
        if text[cand.content.start:cand.cue.end].strip().lower() != m.group(0).strip().lower():
            return cand
    elif not re.fullmatch(r"\s*(?:[a-z]+ly\s+)?", gap):  # at most an adverb between ("spoke briefly about")
        return cand
    content = span(text, m.end(), cand.content.end)
    if content is None:
        return cand
    cue = Span.of(text, cand.cue.start, max(cand.cue.end, m.end() - len(m.group(0)) + len(m.group(0).rstrip())))
    return replace(cand, content=content, cue=cue)


def _block_index(parsed: Parsed, pos: int) -> int:
    blocks = parsed.document.blocks or ()
    for i, b in enumerate(blocks):
        if b.start <= pos < b.end + 2:
            return i
    return -1


def quote_candidates(parsed: Parsed, quotes: list[Quote], found: list[Candidate]) -> list[Candidate]:
    """Quotations no cue claimed: a continuation of the previous speaker, or unattributed."""
    text = parsed.document.text
    out: list[Candidate] = []
    claimed = [c.content for c in found]
    for q in quotes:
        qspan = span(text, q.start, q.end)
        if qspan is None or any(_overlap(qspan, c) > 0.5 for c in claimed):
            continue
        prior = [c for c in found + out if c.content.end <= q.open and c.kind in ("direct", "mixed")
                 and c.source is not None]
        prev = max(prior, key=lambda c: c.content.end, default=None)
        gap = _block_index(parsed, q.open) - _block_index(parsed, prev.content.end) if prev else 99
        # right after an attributed quote in the same paragraph, even a short quote goes on
        # with it ('"We won," she said. "Finally."'); elsewhere short quotes are scare quotes
        same_run = prev is not None and gap == 0 and q.open - prev.content.end < 200
        if len(qspan.text.split()) < (1 if same_run else MIN_QUOTE_WORDS):
            continue
        frame = _quotative_frame(parsed, q.open)
        if frame is not None:  # 'Jones shot back, "..."': a new speaker, whatever the verb
            cue, source = frame
            out.append(Candidate("direct", qspan, cue, source, 0.7, rule="quotative_frame"))
        elif prev is not None and gap <= 1:
            out.append(Candidate("direct", qspan, prev.cue, prev.source, 0.6, rule="continuation",
                                 continues=prev.content))
        else:
            out.append(Candidate("direct", qspan, None, None, 0.3, rule="unattributed"))
    return out


PERSONAL = {"he", "she", "they", "i", "we"}
SUBORDINATE = {"relcl", "acl", "advcl", "amod", "pcomp", "pobj", "csubj", "xcomp"}


def _quotative_frame(parsed: Parsed, open_at: int) -> tuple[Span, Span] | None:
    """(cue, source) when a quotation opens right after 'Subject verb [particle],' or ':'
    ("Jones shot back, "...", "The mayor fired back:"): a main verb ending its clause there
    introduces the quotation even when no lexicon knows it as a reporting verb; a relative
    clause does not ("the code the family embodied: ...")."""
    text = parsed.document.text
    for pb in parsed.blocks:
        if not pb.offset <= open_at <= pb.offset + len(pb.doc.text):
            continue
        before = [t for t in pb.doc if pb.char(t) + len(t.text) <= open_at][-4:]
        if len(before) < 2 or before[-1].text not in (",", ":"):
            return None
        verb = before[-2]
        if verb.dep_ == "prt" or (verb.pos_ == "ADV" and verb.head.i == verb.i - 1):
            verb = verb.head  # "shot back", "wrote simply"
        if verb.pos_ != "VERB" or verb.dep_ in SUBORDINATE or verb.i < before[-2].i - 1 or any(
                c.dep_ in ("ccomp", "xcomp", "dobj") and c.i < verb.i + 3 for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is None or not (subj.pos_ == "PROPN" or subj.lower_ in PERSONAL):
            return None  # a person speaks; "the message continues," and "banners proclaiming:" do not
        cue_end = before[-2]
        cue = Span.of(text, pb.char(verb), pb.char(cue_end) + len(cue_end.text))
        source = span(text, *token_range(pb, sorted(subj.subtree, key=lambda t: t.i)))
        return (cue, source) if source is not None else None
    return None


OPENING_MARK = re.compile(r"(?:“|\"|''|«|„)$")
CLOSING_MARK = re.compile(r"^[,.?!;:]{0,2}(?:”|\"|''|»|“)")


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
    edges = _with_marks if polnear_edges else (lambda text, start, end: (start, end))
    source_edges = _source_edges if polnear_edges else (lambda text, source: (source.start, source.end))
    cue_edges = _cue_edges if polnear_edges else (lambda text, cue: (cue.start, cue.end))
    out: list[dict] = []
    by_content: dict[tuple[int, int], dict] = {}
    for c in candidates:
        if c.continues is not None and "\n" not in text[c.continues.end:c.content.start]:
            head = by_content.get((c.continues.start, c.continues.end))
            if head is not None:
                head["content"][1] = edges(text, c.content.start, c.content.end)[1]
                by_content[(c.content.start, c.content.end)] = head
                continue
        row = {"content": list(edges(text, c.content.start, c.content.end)),
               "source": list(source_edges(text, c.source)) if c.source else None,
               "cue": list(cue_edges(text, c.cue)) if c.cue else None}
        by_content[(c.content.start, c.content.end)] = row
        out.append(row)
    return out


def tagger_candidates(parsed: Parsed, found: list[Candidate], quotes: list[Quote], tagger) -> list[Candidate]:
    """The optional tagger's statements where the rules found none (see ``tagger``)."""
    from .tagger import confidence, extra_statements

    text = parsed.document.text
    rows = whole_statements(text, found, polnear_edges=False)
    belief = lexicon().belief
    out = []
    for row in extra_statements(text, rows, tagger.tag(text, rows)):
        content = span(text, *row["content"])
        if content is None or _writers_inference(parsed, content):
            continue
        cue = Span.of(text, *row["cue"]) if row["cue"] else None
        source = Span.of(text, *row["source"]) if row["source"] else None
        quote = _inside(quotes, content.start)
        cue_words = _words_at(parsed, cue) if cue is not None else None
        if quote is not None and content.end <= quote.close + 1:
            kind = "direct"
        elif cue_words is not None and cue_words.root.lemma_.lower() in belief:
            kind = "belief"
        else:
            kind = "indirect"
        out.append(Candidate(kind, content, cue, source, confidence(row["p"]), rule="tagger"))
    return out


INFERENCE_VERBS = {"seem", "appear"}  # "X appears to have convinced Y that ...": the writer's


def _writers_inference(parsed: Parsed, content: Span) -> bool:
    """Does the content hang from 'seems to' / 'appears to', as the rules' writer's inferences
    do? The tagger learnt PolNeAR's broader reading; onrecord keeps to its own."""
    words = _words_at(parsed, content)
    return words is not None and any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in INFERENCE_VERBS
                                     for t in [*words.root.ancestors, *words[:3]])


def _words_at(parsed: Parsed, where: Span):
    """The parsed words a span of the document covers (within its block), or None where the
    block was not parsed."""
    for pb in parsed.blocks:
        if pb.offset <= where.start < pb.offset + len(pb.doc.text):
            words = pb.doc.char_span(where.start - pb.offset, min(where.end - pb.offset, len(pb.doc.text)),
                                     alignment_mode="expand")
            return words if words is not None and len(words) else None
    return None


def extract(parsed: Parsed, tagger=None) -> list[Candidate]:
    """Every statement the rules find; with a ``tagger.Tagger``, also the ones it adds."""
    doc = parsed.document
    lex = lexicon()
    quotes = find_quotes(doc.text, doc.blocks)
    found = (cue_candidates(parsed, quotes, lex) + noun_cue_candidates(parsed, quotes, lex)
             + colon_candidates(parsed, quotes))
    found = [_cue_takes_its_particle(doc.text, classify(doc.text, c, quotes)) for c in found]
    found = _dedupe(found)
    found += quote_candidates(parsed, quotes, found)
    if tagger is not None:
        found += tagger_candidates(parsed, found, quotes, tagger)
    return sorted(found, key=lambda c: (c.content.start, c.content.end))


__all__ = ["extract", "has_signal", "whole_statements", "Candidate", "find_quotes"]

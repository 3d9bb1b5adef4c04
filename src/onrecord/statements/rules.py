"""Rules that find attributed statements on a dependency parse.

Two passes: cue-driven (a reporting verb, its subject and its complement; "according to";
"As X says, ...") and quote-driven (quotation marks attached to a nearby cue, or continuing
the previous speaker). Results are offsets into the document, never copies of text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Span
from ..parse import Parsed, ParsedBlock
from .quotes import Quote, find_quotes

EDGE_PUNCT = " \t\n,;:.—–-\"“”«»„"
FIRST_SECOND_PERSON = {"i", "we", "you", "me", "us"}
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "i", "we", "you"}


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    takes_infinitive: frozenset[str]
    nouns: frozenset[str]
    listeners: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files(__package__).joinpath("cues.yaml").read_text("utf-8"))
    return Lexicon(*(frozenset(data[k]) for k in
                     ("speech", "belief", "takes_infinitive", "nouns", "listeners")))


@dataclass
class Candidate:
    """A statement before actors, time and stance: spans only."""

    kind: str
    content: Span
    cue: Span | None
    source: Span | None
    confidence: float
    via: Span | None = None
    rule: str = ""
    continues: Span | None = None  # the content this quotation continues (a split quote)

    def make_id(self, document_id: str) -> str:
        key = f"{document_id}:{self.content.start}:{self.content.end}:{self.kind}"
        return "s_" + hashlib.sha1(key.encode()).hexdigest()[:12]


def trim(text: str, start: int, end: int, chars: str = EDGE_PUNCT) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def span(text: str, start: int, end: int, *, edges: str = EDGE_PUNCT) -> Span | None:
    start, end = trim(text, start, end, edges)
    return Span.of(text, start, end) if end > start else None


def token_range(pb: ParsedBlock, tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return pb.char(tokens[0]), pb.char(tokens[-1]) + len(tokens[-1].text)


def subtree_range(pb: ParsedBlock, token, exclude=()) -> tuple[int, int]:
    toks = [t for t in token.subtree if not any(t in ex.subtree for ex in exclude)]
    return token_range(pb, sorted(toks, key=lambda t: t.i))


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.dep_ != "expl":
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    # "went on to say", "continued to insist": the subject belongs to the governing verb
    if _infinitive_of(verb):
        return _subject(verb.head)
    # conjoined verbs share a subject: "She paused and said ..."
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _infinitive_of(verb) -> bool:
    """'went on to say', 'continued to insist': a 'to'-infinitive under another verb."""
    if verb.head is verb or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _source_span(text: str, pb: ParsedBlock, subject, cue) -> Span | None:
    """The subject's subtree, widened to a person's name that stands right beside it
    ("the analyst Andrew Smith writes" parses with the name as a sibling)."""
    start, end = subtree_range(pb, subject)
    for ent in pb.doc.ents:
        if ent.label_ != "PERSON" or ent.end > cue.i:
            continue
        e_start, e_end = pb.char(ent.start_char), pb.char(ent.end_char)
        if e_start >= end and e_start - end <= 1 or e_end <= start and start - e_end <= 1:
            start, end = min(start, e_start), max(end, e_end)
    return span(text, start, end)


def _cue_range(pb: ParsedBlock, verb, lex: Lexicon) -> tuple[int, int]:
    """The verb with its auxiliaries and negation ("has indicated", "went on to say",
    "told reporters")."""
    toks = [verb]
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i >= verb.i - 3:
            toks.append(child)
    head = verb
    if _infinitive_of(verb) and verb.head.i < verb.i and verb.i - verb.head.i <= 4:
        toks += [t for t in verb.doc[verb.head.i:verb.i]]
        head = verb.head
    for child in verb.rights:
        if child.dep_ in ("dative", "dobj") and child.i <= verb.i + 3:
            words = list(child.subtree)
            if child.lower_ in lex.listeners and len(words) <= 3:
                toks += words
        if child.dep_ == "prt":
            toks.append(child)
    toks = sorted(set(toks), key=lambda t: t.i)
    # keep it contiguous from first to last token
    return token_range(pb, verb.doc[toks[0].i:toks[-1].i + 1])


def _complement(verb, lex: Lexicon):
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    if verb.lemma_ in lex.takes_infinitive or verb.lemma_ in lex.belief:
        for child in verb.children:
            if child.dep_ == "xcomp":
                return child
    return None


def _inside(quotes: list[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.open <= pos < q.close:
            return q
    return None


def _overlapping_quotes(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    return [q for q in quotes if q.open < end and q.close >= start]


def cue_candidates(parsed: Parsed, quotes: list[Quote], lex: Lexicon) -> list[Candidate]:
    text = parsed.document.text
    out: list[Candidate] = []
    for pb, sent in parsed.sentences():
        for tok in sent:
            lemma = tok.lemma_.lower()
            # "according to X, ..."
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                phrase = sorted(set(tok.subtree) | set(to.subtree), key=lambda t: t.i)
                p_start, p_end = token_range(pb, phrase)
                s_start, s_end = token_range(pb, sent)
                # content: the sentence without the attribution phrase
                if p_start - s_start > s_end - p_end:
                    content = span(text, s_start, p_start)
                else:
                    content = span(text, p_end, s_end)
                if content is None:
                    continue
                src = span(text, *subtree_range(pb, pobj))
                cue = Span.of(text, pb.char(tok), pb.char(to) + len(to.text))
                out.append(Candidate("indirect", content, cue, src, 0.8, rule="according_to"))
                continue
            if tok.pos_ not in ("VERB", "AUX") or (lemma not in lex.speech and lemma not in lex.belief):
                continue
            subject = _subject(tok)
            if subject is None or subject.dep_ == "expl" or subject.lower_ == "there":
                continue
            inside = _inside(quotes, pb.char(tok))
            if inside is not None and subject.lower_ in FIRST_SECOND_PERSON:
                continue  # "I think ..." inside a quotation belongs to the quotation
            kind = "belief" if lemma in lex.belief and lemma not in lex.speech else "indirect"
            comp = _complement(tok, lex)
            src = _source_span(text, pb, subject, tok)
            cue = Span.of(text, *_cue_range(pb, tok, lex))
            if comp is not None:
                c_start, c_end = subtree_range(pb, comp, exclude=[subject] if subject in comp.subtree else [])
                # a content before the cue ("..., X said") runs to the sentence start
                if comp.i < tok.i:
                    c_start = min(c_start, pb.char(sent[0]))
                content = span(text, c_start, c_end)
                if content is None or len(content.text) < 3:
                    continue
                out.append(Candidate(kind, content, cue, src, 0.8 if kind != "belief" else 0.7,
                                     rule="ccomp"))
                continue
            # "As X says, <main clause>" / "<main clause>, X said"
            if tok.dep_ in ("advcl", "parataxis") and tok.head.i != tok.i and kind != "belief":
                a_start, a_end = subtree_range(pb, tok)
                c_start, c_end = subtree_range(pb, tok.head, exclude=[tok])
                if a_end <= pb.char(tok.head):
                    c_start = max(c_start, a_end)  # "As X says, <content>"
                elif a_start > pb.char(tok.head):
                    c_end = min(c_end, a_start)  # "<content>, X said"
                content = span(text, c_start, c_end)
                if content is not None and len(content.text) > 10:
                    out.append(Candidate("indirect", content, cue, src, 0.65, rule="parataxis"))
                continue
            # "X said: "...""/'"...," X said' with the quote outside the parse's complement
            if any(c.dep_ == "dobj" and c.lower_ not in lex.listeners for c in tok.children):
                continue  # "did not rule out the use of force": not reporting
            q = _adjacent_quote(text, quotes, pb, sent, tok)
            if q is not None and kind != "belief":
                content = Span.of(text, q.start, q.end)
                content = span(text, q.start, q.end) or content
                out.append(Candidate("direct", content, cue, src, 0.85, rule="adjacent_quote"))
    return out


def _adjacent_quote(text: str, quotes: list[Quote], pb: ParsedBlock, sent, verb) -> Quote | None:
    s_start = pb.char(sent[0])
    s_end = pb.char(sent[-1]) + len(sent[-1].text)
    v = pb.char(verb)
    best = None
    for q in quotes:
        if q.close < s_start - 3 or q.open > s_end + 3:
            continue
        if q.close < v and text[q.close + 1:v].count(" ") <= 12 and "\n" not in text[q.close:v]:
            best = q  # the nearest quote ending before the cue
        elif q.open > v and text[v:q.open].count(" ") <= 12 and best is None:
            between = text[v:q.open]
            if between.rstrip().endswith((":", ",")) and between.count("\n") <= 2:
                return q
    return best


def noun_cue_candidates(parsed: Parsed, quotes: list[Quote], lex: Lexicon) -> list[Candidate]:
    """'Remarks by X sounded ...: "..."' and 'In a statement, X ...: "..."'."""
    text = parsed.document.text
    out = []
    for pb, sent in parsed.sentences():
        s_end = pb.char(sent[-1]) + len(sent[-1].text)
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.lower_ not in lex.nouns:
                continue
            holder = None
            for child in tok.children:
                if child.dep_ == "poss":
                    holder = child
                if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                    holder = next((g for g in child.children if g.dep_ == "pobj"), None)
            if holder is None or holder.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") and holder.pos_ != "PROPN":
                continue
            colon = text.find(":", pb.char(tok), s_end + 2)
            q = next((q for q in quotes if colon != -1 and 0 <= q.open - colon <= 3), None)
            if q is None:
                continue
            out.append(Candidate("direct", span(text, q.start, q.end) or Span.of(text, q.start, q.end),
                                 Span.of(text, pb.char(tok), pb.char(tok) + len(tok.text)),
                                 span(text, *subtree_range(pb, holder)), 0.7, rule="noun_cue"))
    return out


def classify(text: str, cand: Candidate, quotes: list[Quote]) -> Candidate:
    """direct / mixed / indirect from how the content overlaps quotation marks."""
    if cand.kind == "belief":
        return cand
    inner = _overlapping_quotes(quotes, cand.content.start, cand.content.end)
    if not inner:
        return cand
    # the content lies inside one quotation: snap to it
    for q in inner:
        if q.open - 1 <= cand.content.start and cand.content.end <= q.close + 1:
            content = span(text, q.start, q.end) or cand.content
            return Candidate("direct", content, cand.cue, cand.source, max(cand.confidence, 0.85),
                             cand.via, cand.rule)
    quoted = sum(min(q.close, cand.content.end) - max(q.start, cand.content.start) for q in inner)
    outside = text[cand.content.start:cand.content.end]
    words_outside = len(outside.split()) - sum(len(text[q.start:q.end].split()) for q in inner)
    if quoted > 0 and words_outside <= 1:
        return Candidate("direct", cand.content, cand.cue, cand.source, cand.confidence,
                         cand.via, cand.rule)
    return Candidate("mixed", cand.content, cand.cue, cand.source, cand.confidence, cand.via, cand.rule)

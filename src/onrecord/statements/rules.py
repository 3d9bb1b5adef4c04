"""Rules that find attributed statements on a dependency parse.

Two passes: cue-driven (a reporting verb, its subject and its complement; "according to";
"As X says, ..."; "Name: ...") and quote-driven (quotation marks attached to a nearby cue, or
continuing the previous speaker). Results are offsets into the document, never copies.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

from ..model import Span
from ..timing import DAY_RE, MONTH_RE
from ..parse import ASIDE_REPORTS, BE_FORMS, Parsed, ParsedBlock, caps
from .cuemodel import load_model, verb_features
from .quotes import Quote
from .quotes import overlapping as _overlapping_quotes
from .syntax import OBJECT_DEPS, complement_kind, done_readily, finite_after_infinitive, finite_after_modal, first_child, infinitive_of, subject

EDGE_PUNCT = " \t\n\u00a0\u2009\u202f,;:.—–-\"“”«»„'`"
FIRST_SECOND_PERSON = {"i", "we", "you", "me", "us"}
# Raising and copular verbs: their subject is what the author describes, not a source
# ("The ministry seems to have changed its mind" is the writer's inference).
NOT_CUES = {"seem", "appear", "sound", "look", "remain", "become", "tend", "be", "have", "get"}
COLON_LABELS = {"update", "updated", "photo", "photos", "video", "watch", "read", "related", "note",
                "editor", "source", "sources", "image", "credit", "correction", "advertisement",
                "listen", "see", "subscribe", "share", "tags", "filed", "posted", "follow"}
INTERVIEW_TURNS = {"Q", "A", "Question", "Answer", "QUESTION", "ANSWER"}  # "Q: ...", "A: ..." opening a paragraph
QUESTION_TURNS = {"Q", "Question", "QUESTION"}
COLON_NOUNS = {"poll", "survey", "report", "study", "official", "officials", "spokesman",
               "spokeswoman", "spokesperson", "statement", "source", "sources", "aide", "analysis"}


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    takes_infinitive: frozenset[str]
    nouns: frozenset[str]
    listeners: frozenset[str]
    clause_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files(__package__).joinpath("cues.yaml").read_text("utf-8"))
    return Lexicon(*(frozenset(data[k]) for k in
                     ("speech", "belief", "takes_infinitive", "nouns", "listeners", "clause_nouns")))


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
    continues: Span | None = None  # the content this part continues (a split quote or clause)

    def make_id(self, document_id: str) -> str:
        key = f"{document_id}:{self.content.start}:{self.content.end}:{self.kind}"
        return "s_" + hashlib.sha1(key.encode()).hexdigest()[:12]


# The stop of "U.S.", "p.m." or "Jr." belongs to the word, also where it ends the sentence.
ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$|\b(?:Jr|Sr|Inc|Corp|Co|Ltd)\.$")


def trim(text: str, start: int, end: int, chars: str = EDGE_PUNCT) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        if text[end - 1] == "." and ABBREVIATION_END.search(text, max(start, end - 12), end):
            break
        end -= 1
    close = _closing_mark(text, start, end)
    if close is not None:  # 'said both sides should show "maximum restraint."': the fragment's own mark
        end = close + 1
    if start > 0 and text[start - 1] in QUOTE_PAIRS and _marks_left_open(text[start:end], text[start - 1]) < 0:
        start -= 1  # 'would back "any legal means" to ...': the fragment's opening mark stays with it
    while end > start and text[end - 1] == ")" and "(" not in text[start:end]:
        end = trim(text, start, end - 1, chars)[1]  # "(which Roe said would cost little)": a bracket closing outside
    while start < end and text[start] == "(" and ")" not in text[start:end]:
        start = trim(text, start + 1, end, chars)[0]
    return start, end


QUOTE_PAIRS = {"“": "”", "\"": "\"", "‘": "’", "'": "'"}


def _closing_mark(text: str, start: int, end: int) -> int | None:
    """Where the quotation mark closing a fragment the words open stands, just past their
    end or past a stop or comma the fragment holds ('"maximum restraint."'), or None."""
    k = end
    while k < len(text) and k < end + 2 and text[k] in ".,;:!?":
        k += 1
    if k >= len(text) or text[k] not in "”\"’'":
        return None
    # a mark opening a paragraph goes on a quotation the paragraph above opened
    words = re.sub(r"\n\s*[“\"‘']", "\n", text[start:end])
    for opening, closing in QUOTE_PAIRS.items():
        if closing == text[k] and _marks_left_open(words, opening) > 0:
            return k
    return None


def _marks_left_open(words: str, opening: str) -> int:
    """How many more quotations of the pair ``opening`` opens the words open than close
    (negative: they close some opened before them)."""
    closing = QUOTE_PAIRS[opening]
    if opening != closing:
        return words.count(opening) - words.count(closing)
    # straight marks: an opening one starts a word ("'not dead", not "Roe's")
    opened = len(re.findall(r"(?:^|(?<=[\s(\[—–-]))%s(?=\w)" % re.escape(opening), words))
    closed = len(re.findall(r"(?<=[\w.,!?])%s(?=$|[\s.,;:!?)\]—–-])" % re.escape(closing), words))
    return opened - closed


TRAILING_CONJUNCTION = re.compile(r"\s+(?:and|or|but)$")  # "said it was too early and | warned ..."
LEADING_CONJUNCTION = re.compile(r"(?:and|but)\s+(?=that\s)")  # "told them A, | and that B"


def span(text: str, start: int, end: int, *, edges: str = EDGE_PUNCT) -> Span | None:
    start, end = trim(text, start, end, edges)
    cut = TRAILING_CONJUNCTION.search(text, max(start, end - 5), end)
    if cut is not None:
        start, end = trim(text, start, cut.start(), edges)
    lead = LEADING_CONJUNCTION.match(text, start, end)
    if lead is not None:
        start = lead.end()
    return Span.of(text, start, end) if end > start else None


def token_range(pb: ParsedBlock, tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return pb.char(tokens[0]), pb.char(tokens[-1]) + len(tokens[-1].text)


def subtree_range(pb: ParsedBlock, token, exclude=()) -> tuple[int, int]:
    toks = [t for t in token.subtree if not any(t in ex.subtree for ex in exclude)]
    return token_range(pb, sorted(toks, key=lambda t: t.i))


# Words that tie a sentence to the last one; "only", "not", "nearly" are part of the speaker.
LINKING_ADVERBS = {"meanwhile", "even", "also", "still", "however", "instead", "now", "then", "later",
                   "yet", "so", "too", "separately", "earlier", "previously", "likewise", "similarly",
                   "moreover", "furthermore", "indeed", "finally", "ultimately", "ironically", "notably",
                   "nonetheless", "nevertheless", "again", "already", "today", "yesterday", "recently"}


def _source_span(text: str, pb: ParsedBlock, subj, cue) -> Span | None:
    """The subject's subtree, widened over proper nouns right beside it ("the analyst Andrew
    Smith writes" can parse with the name as a sibling)."""
    toks = sorted(subj.subtree, key=lambda t: t.i)
    first, last = toks[0].i, toks[-1].i
    doc = subj.doc
    def beside(tok) -> bool:  # a name, not a pronoun's neighbour or a date ("On Thursday his office")
        return tok.pos_ == "PROPN" and subj.pos_ != "PRON" and tok.ent_type_ not in ("DATE", "TIME") \
            and tok.lower_ not in DAYS and DAY_WORD.fullmatch(tok.text) is None \
            and not (tok.dep_ == "pobj" and tok.head not in subj.subtree)

    while last + 1 < cue.i and beside(doc[last + 1]):
        last += 1
    while first - 1 >= 0 and beside(doc[first - 1]) and first - 1 != cue.i:
        first -= 1
    if first <= cue.i <= last:  # an inverted subject ("said X") must not swallow the cue
        first = cue.i + 1 if subj.i > cue.i else first
        last = cue.i - 1 if subj.i < cue.i else last
    # "Meanwhile X", "Even the board", "All of a sudden, voters": the writer's link, not the speaker
    while first < subj.i and (doc[first].lower_ in LINKING_ADVERBS or doc[first].dep_ in ("cc", "punct")
                              or doc[first].pos_ == "CCONJ" or (
            doc[first].dep_ == "prep" and doc[first].head == subj.head)):
        first = doc[first].right_edge.i + 1 if doc[first].dep_ == "prep" else first + 1
    breaks = [t.i for t in doc[first:last + 1] if "\n" in t.text_with_ws and t.i < subj.i]
    if breaks:  # a heading or list number above the line ("8\nJane Roe")
        first = breaks[-1] + 1
    timely = lambda t: t.ent_type_ in ("DATE", "TIME") or t.lower_ in WEEKDAYS
    if last > subj.i and timely(doc[last]):
        # "Senators from both parties on Tuesday", "Officials in Kyiv last week": a time the
        # parser hung on the subject is the cue's ("a report published Wednesday" keeps it)
        k = last
        while k > subj.i and timely(doc[k]):
            k -= 1
        if doc[k].lower_ in TIME_LEADS and k > subj.i:
            k -= 1
        elif doc[k + 1].lower_ not in ("last", "this"):
            k = last
        if k < last and doc[k].tag_ not in ("VBN", "VBD", "DT", "IN") and not timely(doc[k]):
            last = k
    start, end = token_range(pb, doc[first:last + 1])
    dateline = DATELINE.match(text, start, end) or DATELINE_DAY.match(text, start, end)
    if dateline and dateline.end() < end:  # "BRUSSELS - European leaders said", "June 24 - Federal Reserve Chair ..."
        start = dateline.end()
    return span(text, start, end)


TIME_LEADS = {"on", "in", "at", "during", "last", "this", "early", "late", "over"}



# the day of a dateline whose city the parser left out of the subject ("WASHINGTON, June 24 - ")
DATELINE_DAY = re.compile(r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?(?:\s*\([^)]{1,30}\))?\s*[-—–]{1,2}\s+")
# A wire dateline the parser took into the subject: "BRUSSELS -", "WASHINGTON (Reuters) —".
DATELINE = re.compile(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’]+(?:[ ,/]+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’]+)*"  # "BRASÍLIA", "BOGOTÁ"
                      r"(?:,\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+\.?(?:\s+[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)?"
                      r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?"
                      # "ABUJA, Nigeria (AP) —", "BRUSSELS, March 14 (Wire) - ", "BRUSSELS, June 9, 2025 (Wire) -"
                      r"(?:\s*\([^)]{1,30}\))?\s*[-—–]{1,2}\s+")


ADVERB_PARTICLES = {"back", "out", "up", "down", "on", "off", "in"}  # "shot back", "lashed out" parsed as adverbs


CUE_ADVERBS = {"also", "later", "now", "first", "then", "again", "once", "often", "still", "never",
               "always", "already", "recently", "previously", "initially", "repeatedly"}
MEDIA = {"statement", "interview", "email", "e-mail", "tweet", "post", "letter", "release", "speech",
         "call", "conversation", "note", "memo", "op-ed", "video", "message", "briefing", "appearance"}
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tonight"}
WEEKDAYS = DAYS - {"today", "yesterday", "tonight"}
PERIODS = {"week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "day"}


def _medium(tok) -> bool:
    """'in a statement', 'in an interview with CNN', 'Thursday': how or when the words came,
    right after the verb."""
    if tok.dep_ == "prep" and tok.lower_ == "in":
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return obj is not None and obj.lower_ in MEDIA and obj.i - tok.i <= 4
    return tok.dep_ == "npadvmod" and tok.lower_ in DAYS


OCCASIONS = {"conference", "hearing", "rally", "event", "meeting", "session", "debate", "show", "summit",
             "forum", "program", "programme", "podcast", "broadcast", "address", "visit", "gathering"}
OCCASION_PREPS = {"in", "at", "during", "on", "after", "before"}
SETTINGS = MEDIA | OCCASIONS  # how or where the words came: "a statement", "a news conference"


def _medium_clause(verb):
    """'said in a statement that the talks were useful', 'said during a news conference that
    ...': the parser often hangs the reported clause on the medium or the occasion (even as a
    relative clause, though its 'that' is no subject of it); it is the verb's content all the same."""
    for prep in verb.rights:
        if prep.dep_ != "prep" or not (_medium(prep) or prep.lower_ in OCCASION_PREPS):
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        nouns = []  # "in one of a series of messages": the words the clause may hang on
        while obj is not None and len(nouns) < 4:
            nouns.append(obj)
            of = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if not _medium(prep) and not any(w in SETTINGS for n in nouns for w in (n.lower_, n.lower_[:-1])):
            continue
        clause = next((c for n in nouns for c in n.rights if c.dep_ in ("acl", "ccomp", "relcl") and (any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or c.dep_ == "relcl" and c.left_edge.lower_ == "that"
            and c.left_edge.i == n.i + 1) and (  # "at a briefing that the US continues to support X": no relative
            c.dep_ != "relcl" or any(m.dep_ in ("nsubj", "nsubjpass") for m in c.children))), None)
        if clause is not None or _medium(prep):
            return clause
    return None


def _medium_reporter(clause):
    """The verb whose content the parser hung on its medium or occasion ("said at a briefing
    that ..."), given that clause; or None."""
    node = clause.head
    for _ in range(4):  # clause -> noun (-> of -> noun) -> preposition -> verb
        if node.pos_ in ("VERB", "AUX"):
            return node if _medium_clause(node) == clause else None
        if node.head == node:
            return None
        node = node.head
    return None


def _inverted_subject(verb):
    """'"...," said Jane Roe, half joking': the name right after a verb that follows a
    quotation, when the parser hung it elsewhere."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc):
        return None
    if not (doc[verb.i - 1].is_quote or (doc[verb.i - 1].text == "," and verb.i > 1 and doc[verb.i - 2].is_quote)):
        return None
    if doc[verb.i + 1].pos_ != "PROPN":
        # '"...," added a state official': the speaker parsed as the verb's object
        if verb.lemma_.lower() in ADDRESSEE_VERBS:  # '"...," told reporters': who heard it
            return None
        return next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.left_edge.i == verb.i + 1
                     and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in lexicon().listeners), None)
    last = verb.i + 1
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
        last += 1
    return doc[last]


SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")


def _fronted_subject(verb):
    """'Washington, for its part, has signaled that ...': the small parser may read a place name
    opening the sentence before an aside as a modifier (as it reads a dateline). A capitalised
    name so read, followed by a comma, is the subject of a verb left without one; a dateline in
    capitals or with a dash, and a day or month, are not."""
    doc = verb.doc
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children) or not (
            verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)):
        return None
    name = next((c for c in verb.lefts if c.dep_ == "npadvmod" and c.pos_ == "PROPN"), None)
    if name is None or name.left_edge.i != name.sent.start or name.right_edge.i + 1 >= verb.i \
            or doc[name.right_edge.i + 1].text != "," or name.text.isupper() \
            or DAY_WORD.fullmatch(name.text) or name.lower_ in DAYS:
        return None
    return name


def _adjacent_subject(verb):
    """'Campaigning for Roe, former president Ted Roe said ...', 'About 4 in 10 say ...': a
    finite verb the parser left without a subject takes the noun phrase standing right before
    it, when that phrase opens its clause."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    k = verb.i - 1
    while k >= 0 and doc[k].head == verb and doc[k].dep_ in ("aux", "neg", "advmod"):
        k -= 1  # "Roe also said", "Roe did not say"
    if k < 0 or not (doc[k].pos_ in ("PROPN", "NOUN", "NUM") or doc[k].lower_ in PERSONAL):
        return None
    head = doc[k]
    if head.dep_ == "npadvmod" or head.ent_type_ in ("DATE", "TIME") or head.lower_ in DAYS | PERIODS:
        return None  # "Wednesday added", "last month asked": when, not who
    words = sorted(head.subtree, key=lambda t: t.i)
    first = words[0].i
    if words[-1].i != k or len(words) != k - first + 1 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    opens_clause = first == head.sent.start or doc[first - 1].is_punct
    return head if opens_clause and not any(t.is_punct and t.text not in ".-" for t in words) else None


DAY_WORD = re.compile(f"{DAY_RE}|{MONTH_RE}")


def _cue_range(pb: ParsedBlock, verb, lex: Lexicon) -> tuple[int, int]:
    """The verb with its auxiliaries and negation ("has indicated", "went on to say",
    "told reporters", "called for")."""
    toks = [verb]
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i >= verb.i - 3:
            toks.append(child)
        elif child.dep_ == "advmod" and child.i == verb.i - 1 and (
                child.lower_ in CUE_ADVERBS or child.lower_.endswith("ly")):
            toks.append(child)  # "also said", "later said", "publicly called for"
    if infinitive_of(verb) and verb.head.i < verb.i and verb.i - verb.head.i <= 4:
        toks += list(verb.doc[verb.head.i:verb.i])
    elif done_readily(verb) is not None and verb.i - verb.head.head.i <= 4:
        toks += list(verb.doc[verb.head.head.i:verb.i])  # "was quick to add"
    for child in verb.rights:
        if child.dep_ in ("dative", "dobj") and child.i <= verb.i + 3:
            words = list(child.subtree)
            if child.lower_ in lex.listeners and len(words) <= 3:
                toks += words
        if child.i == verb.i + 1 and _medium(child):  # "said in a statement", "said Thursday"
            clause = _medium_clause(verb)
            toks += [t for t in child.subtree if clause is None or t not in clause.subtree]
        if child.i + 1 < len(verb.doc) and child.lower_ == "on" and DAY_WORD.fullmatch(verb.doc[child.i + 1].text):
            continue  # "called on Wednesday for ...": when, not "called on"
        if child.dep_ == "prt" or (child.dep_ == "advmod" and child.i == verb.i + 1 and child.lower_ in ADVERB_PARTICLES) \
                or (child.dep_ == "prep" and child.i == verb.i + 1 and child.lower_ in CONTENT_PREPS | {"on"}
                                   and complement_kind(verb) == "prep" and _loose_infinitive(verb) is None):  # "called for", not "said at"
            toks.append(child)
    toks = sorted(set(toks), key=lambda t: t.i)
    return token_range(pb, verb.doc[toks[0].i:toks[-1].i + 1])


def _inside(quotes: list[Quote], pos: int) -> Quote | None:
    return next((q for q in _overlapping_quotes(quotes, pos, pos + 1) if q.open <= pos < q.close), None)


class SpanIndex:
    """Character spans, for asking in logarithmic time whether any overlaps a stretch (a long
    page holds thousands of statements and quotations)."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last span opening before ``end``
        return i >= 0 and self.reach[i] > start


def _last_clause_start(text: str, start: int, end: int) -> int:
    """Where the words a trailing 'according to' vouches for begin: after the bracket it stands
    in ("(the real number is closer to 15 percent, according to ...)"), or after a colon
    ("...: London was the financial capital in 2015, according to one index")."""
    stretch = text[start:end]
    opened = stretch.rfind("(")
    if opened != -1 and ")" not in stretch[opened:]:
        return start + opened + 1
    cut = stretch.rfind(": ")  # (not a semicolon: "A was paid $3; B was paid $5, according to ..." is the list)
    lead = stretch[:cut].split()
    if cut != -1 and len(stretch[cut:].split()) > 3 and not (lead and lead[-1].lower() in ASIDE_REPORTS) \
            and not any(_marks_left_open(stretch[:cut], mark) for mark in ("“", "\"")):
        return start + cut + 2
    return start


def _according_to(text, pb, sent, tok) -> Candidate | None:
    to = tok.doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = sorted(set(tok.subtree) | set(to.subtree), key=lambda t: t.i)
    p_start, p_end = token_range(pb, phrase)
    s_start, s_end = token_range(pb, sent)
    if p_start - s_start > s_end - p_end:  # "..., according to the poll": the words before it
        content = span(text, _last_clause_start(text, s_start, p_start), p_start)
    else:
        content = span(text, p_end, s_end)
    if content is None:
        return None
    cue = Span.of(text, pb.char(tok), pb.char(to) + len(to.text))
    return Candidate("indirect", content, cue, span(text, *subtree_range(pb, pobj)), 0.8, rule="according_to")


# "In Roe's view, ...", "in the words of one aide, ...": a view or words given to their owner
QUOTES_AND_SPACE = " \"“”«»„'‘’`"
VIEW_NOUNS = {"view": "belief", "opinion": "belief", "estimation": "belief", "judgment": "belief",
              "judgement": "belief", "words": "indirect"}


def _in_view(text, pb, sent, tok, quotes) -> list[Candidate]:
    """A phrase set off from its clause, 'In Roe's view, ...' or 'in the words of one aide,
    "..."': the clause (or the quotation right after 'words') is the owner's. Inside a
    reported clause ('He says the deal, in his view, is fair') the reporting verb holds it."""
    doc = tok.doc
    noun = next((c for c in tok.children if c.dep_ == "pobj" and c.lower_ in VIEW_NOUNS), None)
    before_tok = doc[tok.i - 1] if tok.i > sent.start else None
    if noun is None or before_tok is not None and not (
            before_tok.text in (",", "—", "–", "--") and doc[tok.i - 2].dep_ not in ("prep", "det")
            or before_tok.dep_ == "cc" and before_tok.i == sent.start):
        return []  # not set off as a comment on the clause ("believed in her judgment")
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if owner is None and of is not None:
        owner = next((c for c in of.children if c.dep_ == "pobj"), None)
    elif of is not None:
        return []  # "in his estimation of the market": a view of something, not a view held
    if owner is None or owner.lower_ in FIRST_SECOND_PERSON | {"my", "our", "your"} or any(
            c.dep_ not in ("poss", "det", "prep") and c.lower_ not in ("own", "very") for c in noun.children):
        return []  # "in my view": the writer's own; "in his robotic words": a description
    p_start, p_end = token_range(pb, sorted(tok.subtree, key=lambda t: t.i))
    if noun.i > owner.i:  # "In Roe's view"
        cue = Span.of(text, p_start, p_end)
    else:  # "in the view of several judges"
        cue = Span.of(text, pb.char(tok), pb.char(owner.left_edge) - 1)
    source = span(text, *token_range(pb, [t for t in owner.subtree if t.tag_ != "POS"]))
    kind = VIEW_NOUNS[noun.lower_]
    if noun.lower_ == "words":  # 'in her words, "he knows how"': the quotation that follows
        q = next((q for q in _overlapping_quotes(quotes, p_end, p_end + 4)
                  if q.open >= p_end and not text[p_end:q.open].strip(", ")), None)
        content = span(text, q.start, q.end) if q is not None else None
        if content is not None:
            return [Candidate(kind, content, cue, source, 0.7, rule="in_view")]
    clause = tok.head
    if clause.pos_ not in ("VERB", "AUX") or clause.dep_ in ("ccomp", "xcomp") or any(
            a.dep_ == "ccomp" and a.head.pos_ in ("VERB", "AUX") for a in clause.ancestors):
        return []
    c_start, c_end = subtree_range(pb, clause, exclude=[tok] + [c for c in clause.children if c.dep_ == "mark"])
    before, after = span(text, c_start, p_start), span(text, p_end, c_end)
    parts = [p for p in (before, after) if p is not None and len(p.text.split()) >= 2]
    if not parts or sum(len(p.text.split()) for p in parts) < 3:
        return []
    if len(parts) == 2 and not (text[before.end:p_start].strip(QUOTES_AND_SPACE) == ","
                                and text[p_end:after.start].strip(QUOTES_AND_SPACE) == ","):
        parts = [max(parts, key=lambda p: p.end - p.start)]  # only a phrase set off by commas splits a clause
    out = []
    for p in parts:
        out.append(Candidate(kind, p, cue, source, 0.7, rule="in_view", continues=out[-1].content if out else None))
    return out


QUOTED_AS_VERBS = {"say", "tell", "add", "warn", "state", "describe", "call", "insist", "claim"}


def _said_as_quoted(tok) -> bool:
    """Is ``tok`` the "saying" of "quoted X as saying"?"""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.lemma_.lower() in QUOTED_AS_VERBS \
        and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in ("quote", "cite")


def _quoted_as(text, pb, tok) -> Candidate | None:
    """'TASS quoted Kremlin spokesman Dmitry Peskov as saying that ...', 'the paper cited him as
    saying ...': the one quoted is the speaker, the one quoting relays the words."""
    if not _said_as_quoted(tok):
        return None
    as_ = tok.head
    verb = as_.head
    speaker = next((c for c in verb.children if c.dep_ == "dobj" and c.i < as_.i), None)
    # "Peskov was quoted as saying ...", '"...," Erdogan was cited as saying by TRT': the passive
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if speaker is None else None
    speaker = speaker or passive
    clause = next((c for c in tok.children if c.dep_ in ("ccomp", "dobj") and c.i > tok.i), None)
    if clause is None and passive is not None:  # the quotation before it
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < passive.i), None)
    if speaker is None or clause is None:
        return None
    content = span(text, *subtree_range(pb, clause))
    if content is None:
        return None
    relay, exclude = next((c for c in verb.children if c.dep_ == "nsubj"), None), ()
    if relay is None and verb.dep_ == "relcl" and verb.head.i < verb.i:  # "state news agency TASS quoted ..."
        relay, exclude = verb.head, (verb,)
    if relay is None and passive is not None:  # "by the state broadcaster TRT"
        by = next((c for h in (verb, tok) for c in h.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"), None)
        relay = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    via = span(text, *subtree_range(pb, relay, exclude=exclude)) if relay is not None else None
    return Candidate("indirect", content, Span.of(text, pb.char(as_), pb.char(tok) + len(tok.text)),
                     span(text, *subtree_range(pb, speaker)), 0.8, via=via, rule="quoted_as")


ATTITUDE_COPULAS = {"be", "remain", "feel", "become", "grow", "stay"}
# adjectives of holding a view, with the kind of statement they make: "adamant" is said aloud
ATTITUDES = {"confident": "belief", "convinced": "belief", "certain": "belief", "sure": "belief",
             "optimistic": "belief", "hopeful": "belief", "pessimistic": "belief", "skeptical": "belief",
             "sceptical": "belief", "doubtful": "belief", "worried": "belief", "concerned": "belief",
             "afraid": "belief", "fearful": "belief", "adamant": "indirect", "insistent": "indirect"}


def _attitude(text, pb, tok) -> Candidate | None:
    """'The minister is confident that the deal will pass': a view its holder is said to have,
    with the clause it is about; 'it is certain that ...' has no holder."""
    adj = next((c for c in tok.rights if c.dep_ == "acomp" and c.lower_ in ATTITUDES), None)
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if adj is None or subj is None or subj.lower_ in ("it", "there", "this", "that", "which", "what"):
        return None
    clause = next((c for h in (adj, tok) for c in h.children if c.dep_ == "ccomp" and c.i > adj.i), None)
    if clause is None or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    if any(c.dep_ == "neg" for h in (adj, tok) for c in h.children) \
            or tok.doc[clause.left_edge.i].lower_ in ("why", "whether", "if", "how", "what", "who", "when", "where"):
        return None  # "not sure that ...", "unsure whether ...": no view held
    content = span(text, *subtree_range(pb, clause))
    source = _source_span(text, pb, subj, tok)
    cue = span(text, pb.char(tok), pb.char(adj) + len(adj.text))
    if content is None or source is None or cue is None:
        return None
    return Candidate(ATTITUDES[adj.lower_], content, cue, source, 0.7, rule="attitude")


def _asked(text, pb, sent, tok, put_to: bool = False) -> Candidate | None:
    """'Asked whether the tax was fair, Roe shrugged': the question a sentence opens with,
    asked by someone the article does not name (PolNeAR marks it with no source). It ends
    at the comma before the main clause, which the parser sometimes hangs on 'Asked' too."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "xcomp") and not (put_to and c.i < tok.i) for c in tok.children):
        return None
    nxt = tok.nbor() if tok.i + 1 < sent.end else None
    about = nxt if nxt is not None and nxt.lower_ == "about" and nxt.head == tok else None
    parts = [c for c in tok.rights if c.dep_ in ("ccomp", "advcl", "prep", "dobj", "pobj")
             and (c.dep_ != "prep" or c == about)]
    kept = []
    for c in parts:  # a clause after a comma with a subject of its own is the main clause
        if kept and tok.doc[c.left_edge.i - 1].text in (",", "—", "–", "--", "-") and any(
                d.dep_ == "nsubj" for d in c.children):
            break
        kept.append(c)
    if not kept:
        return None
    first = about.nbor() if about is not None and about.i + 1 < sent.end else kept[0].left_edge
    start = pb.char(first)
    end = max(subtree_range(pb, c)[1] for c in kept)
    content = span(text, start, end)
    if content is None or len(content.text.split()) < 2:
        return None
    cue_end = pb.char(about) + len(about.text) if about is not None else pb.char(tok) + len(tok.text)
    return Candidate("question", content, Span.of(text, pb.char(tok), cue_end), None, 0.6, rule="asked")


CONDITION_MARKS = {"if", "unless", "once", "until", "provided", "providing"}


def _hung_on_cue(pb: ParsedBlock, verb, clause, subj) -> int:
    """Where a clause before the cue really ends: 'A if B, X said', parsed with 'if B' hung on
    'said', keeps its condition B, which stands between A and the speaker."""
    limit = subj.left_edge.i if subj is not None and subj.i < verb.i else verb.i
    for c in verb.lefts:
        between = verb.doc[clause.right_edge.i + 1:c.left_edge.i]
        if c.dep_ == "advcl" and clause.right_edge.i < c.left_edge.i and c.right_edge.i < limit \
                and all(t.text == "," for t in between) and len(between) < 2 \
                and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            return subtree_range(pb, c)[1]
    return 0


def _condition_after(verb, after: int = -1):
    """The condition a parenthetical cue splits from its content ('X will act, he said, but
    only if Y'): a clause hung on ``verb`` (the cue, or the clause the cue comments on) after
    token ``after``, opened by 'if', 'unless', 'once' ..."""
    for c in verb.rights:
        if c.i > after and c.dep_ in ("advcl", "conj") and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            return c
    return None


# "That said, she noted, ...": a turn of phrase ("even so") opening the sentence, nobody's words
TURN_OF_PHRASE = re.compile(r"(?:that|this)(?: being)? said|having said (?:that|this)|needless to say", re.I)


def _main_clause(text, pb, tok, cue, src) -> list[Candidate]:
    """'As X says, <content>', '<content>, X said', and '<con>, X said, <tent>' in two parts."""
    # "Voters, Roe suggested, don't ...": the parser may give the cue the clause's own subject
    # as a second one; that subject belongs to the content
    speaker = subject(tok)
    strays = [c for c in tok.children if c.dep_ == "nsubj" and speaker is not None and c.i < speaker.i]
    a_start, a_end = subtree_range(pb, tok, exclude=strays)
    c_start, c_end = subtree_range(pb, tok.head, exclude=[tok])
    if strays:
        c_start = min(c_start, subtree_range(pb, strays[0])[0])
    before = span(text, c_start, a_start) if a_start > c_start else None
    after = span(text, a_end, c_end) if c_end > a_end else None
    def core(p: Span) -> bool:  # "It was, he said, | one of his failures": the clause's own argument
        return any(t.head == tok.head and t.dep_ in CORE_ARGUMENTS for t in tok.doc
                   if p.start <= pb.char(t) < p.end and t not in tok.subtree)

    def informative(p: Span) -> bool:
        return core(p) or any((t.pos_ in ("VERB", "AUX") or t.dep_ in ("nsubj", "nsubjpass")) for t in tok.doc
                              if p.start <= pb.char(t) < p.end and (t not in tok.subtree or t in strays))

    # a part with neither verb nor subject ("As a result, he said, ...") is an adverbial, and
    # so is a time after the attribution ("..., the military said, hours before the talks")
    parts = [p for p in (before, after) if p is not None and informative(p)
             and not TURN_OF_PHRASE.fullmatch(p.text.strip(" ,(\"“"))
             and (len(p.text.split()) >= 2 or (strays and p is before) or core(p))
             and not (p is after and NARRATIVE_TIME.match(p.text))]
    condition = _condition_after(tok.head, after=tok.i)
    if len(parts) == 2 and condition is not None and parts[1].start <= pb.char(condition) < parts[1].end:
        # "A, the minister said, if B": one content, so that the stance keeps its condition
        parts = [span(text, parts[0].start, parts[1].end)]
    out: list[Candidate] = []
    for p in parts:
        out.append(Candidate("indirect", p, cue, src, 0.65, rule="main_clause",
                             continues=out[-1].content if out else None))
    return out


CORE_ARGUMENTS = {"nsubj", "nsubjpass", "attr", "dobj", "acomp", "oprd"}
NARRATIVE_TIME = re.compile(r"(?:(?:just|shortly|hours|minutes|days|weeks|months|moments|a day|a week|soon|"
                            r"two|three|several|only)\s+)*(?:before|after)\b", re.I)
ADDRESSEE_VERBS = {"tell", "inform", "assure", "remind", "brief", "notify"}
# verbs of phase or attempt, whose infinitive names the act ("continued to express doubts")
ASPECT_VERBS = {"continue", "go", "attempt", "struggle", "fail", "begin", "start"}
# verbs whose "to X" is who heard it ("said to a crowd", "explained to voters"), unlike
# "objected to X" or "referred to X"
SAY_TO = {"say", "speak", "talk", "explain", "announce", "declare", "write", "confide", "admit", "boast",
          "brag", "complain", "apologize", "lie", "mention", "insist", "joke", "repeat", "recount"}
CONTENT_PREPS = {"as", "for", "of", "about", "to", "with", "against", "over", "into", "from"}


def _trailing_asides(root, lex: Lexicon, *, new_reports: bool = True) -> list:
    """Parts of a content that are the writer's, not the source's: a clause after a comma that
    only comments (', which ...', ', contradicting ...'), a dash apposition ('— a metaphor for'),
    or a new report ('and warned that ...', 'while adding that ...'). A circumstance inside the
    clause ('at a loss', 'during the talks') stays: the parse cannot tell whose it is, and
    cutting it lost 0.0012 content F1 on PolNeAR train."""
    out = []
    for t in root.subtree:
        if t == root or t.i <= root.i:
            continue
        before = root.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
        after_comma = before is not None and before.text in (",", "—", "–", "--", "-")
        if t.dep_ in ("relcl", "advcl", "acl") and after_comma and t.head.i < t.i and not _reasoning(t) \
                and (t.dep_ != "advcl" or t.pos_ in ("VERB", "AUX")):  # "a crucial, although brief, chance" stays
            out.append(t)
        elif t.dep_ == "appos" and before is not None and before.text in ("—", "–", "--"):
            out.append(t)
        elif t.dep_ == "prep" and t.lower_ == "according" and after_comma:
            out.append(t)  # "..., according to two people familiar with his remarks": who relayed it
        elif t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in lex.speech and t.head.i < t.i:
            out.append(t)  # "... while adding that ...": a new report, not more of this one
        elif t.dep_ in ("advcl", "conj") and t.head.i < t.i and t.lemma_.lower() in lex.speech \
                and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children) \
                and any(c.dep_ in ("ccomp", "prep") for c in t.children) \
                and not any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            # "... while doctors warned of an outbreak", "... and one in four said ...": someone
            # else's report, a statement of its own
            out.append(t)
            out += [c for c in t.head.children if c.dep_ == "cc" and t.head.i < c.i < t.i]
        elif root.dep_ == "ccomp" and _outer_participle(t, lex) == root.head:
            out.append(t)  # "telling CNN that X and questioning Y": the second participle's own report
            out += [c for c in t.head.children if c.dep_ == "cc" and c.i == t.i - 1]
        elif finite_after_infinitive(t) and (not finite_after_modal(t) or _reports(t, lex)):
            # "... his pledge to hold elections and urged ...", "... a draft could be ready, and
            # went on to say ...": the outer clause's
            out.append(t)
            out += [c for c in t.head.children if c.dep_ == "cc" and t.head.i < c.i < t.i]
        elif new_reports and t.dep_ == "conj" and t.head == root and _new_report(t, lex) \
                and not any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            # a new report has a clause or object of its own ("and warned that ...", "and called
            # the plan a mistake"), unlike "and refused to go"; "and that it had asked for
            # talks" is a second clause of what was said
            out.append(t)
            out += [c for c in root.children if c.dep_ == "cc" and root.i < c.i < t.i]
    return out


REASON_MARKS = CONDITION_MARKS | {"because", "since", "so", "whether", "that"}


def _reasoning(clause) -> bool:
    """', because B', ', so that B', ', unless B', ', to avoid B': the source's reason, purpose
    or condition, which belongs to what was said (and is what a conditional stance hangs on),
    unlike the writer's ', which ...', ', as ...', ', although he refused to ...' or ', before
    leaving'. On PolNeAR train the annotators kept such a clause in the content over 80 times and
    left it out none."""
    return clause.dep_ == "advcl" and (clause.tag_ in ("VB", "VBN") or any(
        m.dep_ == "mark" and m.lower_ in REASON_MARKS and m.i < clause.i for m in clause.children))


def _new_report(verb, lex: Lexicon) -> bool:
    """A joined reporting verb with words of its own ("and warned that ...", "and called the
    plan a mistake", "and called on both sides to ...", "and vowed to ..."), unlike "and
    refused to go" (PolNeAR train: taking "vowed to" as a new report gave 2 more contents
    and 4 more sources)."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lex.speech and any(
        c.dep_ in ("ccomp", "dobj") or c.dep_ == "prep" and c.lower_ in ("on", "for")
        or c.dep_ == "xcomp" and verb.lemma_.lower() in lex.takes_infinitive and verb.lemma_.lower() not in REFUSALS
        for c in verb.children)


@lru_cache(maxsize=2)
def _report_lemmas(lex: Lexicon) -> frozenset:
    model = load_model()
    return frozenset(lex.speech | lex.belief | set(model.cue_lemmas if model is not None else ()))


def _reports(verb, lex: Lexicon) -> bool:
    """Does the verb report ('blamed', 'went on to say'), as a lexicon or learned cue?"""
    return verb.lemma_.lower() in _report_lemmas(lex) or any(
        c.lemma_.lower() in lex.speech and infinitive_of(c) for c in verb.children)


def _outer_participle(verb, lex: Lexicon):
    """'..., telling CNN that Roe is a fraud and questioning how he ...': a reporting participle
    after 'and', inside what another reporting participle reports, is joined to that one (the
    same form), and so has its speaker: the outer participle, or None."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("conj", "advcl") or verb.i == 0 \
            or verb.doc[verb.i - 1].lower_ != "and" or not _reports(verb, lex):
        return None
    node = verb.head
    for _ in range(3):
        if node.dep_ == "ccomp" or node.head == node:
            break
        node = node.head
    outer = node.head
    if node.dep_ == "ccomp" and outer.tag_ == "VBG" and outer.i < verb.i and _reports(outer, lex):
        return outer
    return None


def _outer_reporter(verb, lex: Lexicon):
    """'Officials said the talks would resume, while insisting that ...': a reporting
    participle inside another report's content goes on with that report's speaker, not with
    the subject of the clause it hangs from ('the talks')."""
    outer = _outer_participle(verb, lex)
    if outer is not None:
        return subject(outer)
    if verb.lemma_.lower() not in lex.speech | {"cite"}:  # "said it would cut jobs, citing weak demand"
        return None
    if verb.dep_ == "conj" and _new_report(verb, lex) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "Roe said the truce was holding and called on both sides to ...": the second report is
        # Roe's, not the truce's (on PolNeAR train, 17 of 17 such reports the annotators gave a
        # source were the outer speaker's, a person named in the clause or not)
        head = verb.head
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in lex.speech | lex.belief:
            return subject(head.head)
        reporter = _medium_reporter(head)
        return subject(reporter) if reporter is not None and reporter.lemma_.lower() in lex.speech else None
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return None
    head = verb.head
    while head.dep_ in ("xcomp", "conj") and head.head != head:
        head = head.head
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in lex.speech | lex.belief:
        return subject(head.head)
    return None


def _participle_bearer(verb, lex: Lexicon):
    """'a crowd of farmers demanding that the ban be lifted', 'a letter urging him to resign':
    the noun a reporting participle modifies is who (or what) reports."""
    head = verb.head
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i \
            and verb.lemma_.lower() in lex.speech:
        return head
    return None


def _object_content(text, pb, tok) -> Span | None:
    """A noun-phrase content ('endorsed X', 'described him as Y', 'called for Z'), without the
    verb's own circumstances ('in a tweet') or commas' relative clauses."""
    deps = [c for c in tok.rights if c.dep_ in OBJECT_DEPS and c.lower_ not in lexicon().listeners
            and (c.dep_ != "prep" or c.lower_ in CONTENT_PREPS)]
    if tok.lemma_.lower() in ADDRESSEE_VERBS:  # "told The Post": who heard it, not what was said
        addressee = next((c for c in deps if c.dep_ in ("dobj", "dative")), None)
        deps = [c for c in deps if c != addressee]
    elif tok.lemma_.lower() == "ask":  # "asked him (about X)", "asked the minister a question": who was asked
        asked = next((c for c in deps if c.dep_ in ("dobj", "dative")), None)
        if asked is not None and (asked.lower_ in OBJECT_PRONOUNS or any(
                c.i > asked.i and c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children)):
            deps = [c for c in deps if c != asked]
    if tok.lemma_.lower() in SAY_TO:  # "said to a crowd of 500": who heard it
        deps = [c for c in deps if not (c.dep_ == "prep" and c.lower_ == "to")]
    if not deps:
        glued = _object_glued_to_day(tok)
        if glued is not None:  # "endorsed Cruz Wednesday", "Cruz" parsed as part of the day
            return span(text, pb.char(glued[0]), pb.char(glued[-1]) + len(glued[-1].text))
    if not deps:
        return None
    if all(c.lower_ in NO_CONTENT and not any(c.children) for c in deps) or all(c.dep_ == "prep" and c.lower_ != "as" for c in deps) \
            and any(c.lower_ in WHAT for c in tok.lefts if c.dep_ in OBJECT_DEPS):
        return None  # "has said little", "what officials have said about X": no words to report
        # ("said nothing about the deal" is kept, as a refusal to speak is)
    label = _quoted_label(tok, deps)
    if label is not None:  # 'called the attack "cowardly"': the word parsed as an adverb is the label
        deps.append(label)
    infinitive = _infinitive_after_object(tok, deps)
    if infinitive is not None:  # "defended his call to raise the wage": the parser hangs "to
        # raise" on the verb; annotators keep it with the object (train: +14 contents, +22 exact)
        deps.append(infinitive)
    cut = [g for c in deps for g in _trailing_asides(c, lexicon())]
    start = min(subtree_range(pb, c)[0] for c in deps)
    end = max(subtree_range(pb, c, exclude=cut)[1] for c in deps)
    if tok.i + 1 < len(tok.doc) and complement_kind(tok) == "prep":
        first = deps[0]
        if first.dep_ == "prep" and first.i == tok.i + 1:  # "called for X": the preposition is cue
            start = subtree_range(pb, first)[0] + len(first.text)
    return span(text, start, end)


NAMING_VERBS = {"call", "label", "brand", "dub", "term"}


def _quoted_label(verb, deps):
    """The one-word label in quotation marks after a naming verb's object ('called the attack
    "cowardly"'), which the parser hangs on the verb as an adverb; or None."""
    obj = next((c for c in deps if c.dep_ == "dobj"), None)
    if verb.lemma_.lower() not in NAMING_VERBS or obj is None or any(c.dep_ == "oprd" for c in deps):
        return None
    doc, k = verb.doc, obj.right_edge.i + 1
    if k + 1 >= len(doc) or not doc[k].is_quote:
        return None
    word = doc[k + 1]
    return word if word.head == verb and word.dep_ in ("advmod", "acomp", "amod", "npadvmod") else None


def _infinitive_after_object(verb, deps):
    """An infinitive right after the verb's object, with no comma between ("calls to drop out",
    "the efforts of Kerry to find a solution"), or None."""
    if not deps:
        return None
    last = max(deps, key=lambda c: c.i)
    return next((c for c in verb.rights if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB"
                 and c.left_edge.i == last.right_edge.i + 1 and c.left_edge.lower_ == "to"), None)


ANSWERS = {"yes", "no", "so", "otherwise"}
OBJECT_PRONOUNS = {"him", "her", "them", "me", "us", "you"}
NO_CONTENT = {"little", "nothing", "much", "less", "more", "anything", "something", "everything", "plenty", "lots"}
WHAT = {"what", "whatever"}
MAX_QUOTE_REACH = 6000  # a quotation is at most this long (quotes.MAX_QUOTE_CHARS)
CHOOSER_GATE = 0.3  # verbs less likely than this to be cues are not worth scoring options for
MAX_CHOOSER_TOKENS = 200  # longer "sentences" (a run-on line) keep to the linear rules


def _object_glued_to_day(verb):
    """The name the parser took into a weekday right after the verb ("endorsed Cruz Wednesday":
    Cruz a compound of Wednesday), as a list of tokens, or None."""
    for c in verb.rights:
        if c.dep_ == "npadvmod" and c.lower_ in WEEKDAYS:
            names = [t for t in c.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            if names and names[0].i == verb.i + 1 and names[-1].i == c.i - 1:
                return names
    return None


def _bracketed(tok) -> tuple[int, int] | None:
    """Indices of the round brackets around ``tok`` within its sentence, or None."""
    sent = tok.sent
    depth, open_i = 0, None
    for t in reversed(tok.doc[sent.start:tok.i]):
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            if depth == 0:
                open_i = t.i
                break
            depth -= 1
    if open_i is None:
        return None
    depth = 0
    for t in tok.doc[tok.i + 1:sent.end]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            if depth == 0:
                return open_i, t.i
            depth -= 1
    return None


def _rule_contents(text, pb, sent, tok, subj, quotes, lex, model, prob, kind, cue, src, conf) -> list[Candidate]:
    """The content by rule: the verb's clause or infinitive, the main clause it comments on,
    a quotation beside it, or (for a sure cue) its object."""
    s_start = token_range(pb, sent)[0]
    lemma = tok.lemma_.lower()
    comp = complement_kind(tok)
    answer = next((c for c in tok.children if c.i == tok.i + 1 and c.lower_ in ANSWERS
                   and c.dep_ in ("intj", "advmod", "dobj") and (c.i + 1 == sent.end or c.nbor().is_punct)),
                  None) if lemma in lex.speech else None  # "said yes." but not "said no to the deal"
    if answer is not None:  # "voters said yes", "he said so"
        content = Span.of(text, pb.char(answer), pb.char(answer) + len(answer.text))
        return [Candidate(kind, content, cue, src, conf, rule="answer")]
    done = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None) \
        if comp not in ("ccomp", "xcomp") and any(c.dep_ == "agent" for c in tok.children) else None
    if done is not None:  # "The plan was announced by the ministry": what was announced
        content = span(text, *subtree_range(pb, done))
        return [Candidate(kind, content, cue, src, conf, rule="passive")] if content else []
    clause = _medium_clause(tok) if comp not in ("ccomp", "xcomp") and lemma in lex.speech else None
    if clause is not None:  # "said in a statement that ...", the clause hung on "statement"
        content = span(text, *subtree_range(pb, clause, exclude=_trailing_asides(clause, lex)))
        return [Candidate(kind, content, cue, src, conf, rule="ccomp")] if content else []
    q = _quote_right_after(text, quotes, cue.end) if comp not in ("ccomp", "main") and lemma in lex.speech else None
    if q is not None:  # 'he said "Absolutely not," and left': the words right after the cue
        content = span(text, q.start, q.end) or Span.of(text, q.start, q.end)
        return [Candidate("direct", content, cue, src, max(conf, 0.85), rule="adjacent_quote")]
    q = _quote_framed_by(text, quotes, pb, sent, tok, subj) if comp not in ("ccomp", "xcomp") and lemma in lex.speech else None
    if q is not None:  # '"Look at the map," Roe told supporters, while ...': the quotation is what was told
        content = span(text, q.start, q.end) or Span.of(text, q.start, q.end)
        if tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":  # "says to a friend": who heard it
            cue = Span.of(text, cue.start, min(cue.end, pb.char(tok) + len(tok.text)))
        return [Candidate("direct", content, cue, src, max(conf, 0.85), rule="framed_quote")]
    infinitive = _loose_infinitive(tok) if comp not in ("ccomp", "xcomp") and lemma in lex.takes_infinitive else None
    if infinitive is not None:  # "vowed on Monday to finish the job", the infinitive parsed loosely
        comp = "xcomp"
    if comp in ("ccomp", "xcomp"):
        node = infinitive or first_child(tok, (comp,))
        inner = _bracketed(tok)
        if inner is not None and not inner[0] < node.i < inner[1]:
            # 'Members were angry ("We want our dues back," wrote Roe)': a report in brackets
            # reports what is in them, whatever the parser hung on it from outside
            node = next((c for c in tok.children if c.dep_ == comp and inner[0] < c.i < inner[1]), None)
            if node is None:
                return []
        if inner is not None:
            s_start = pb.char(tok.doc[inner[0] + 1])
        after = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i
                      and not any(m.dep_ == "mark" and m.lower_ != "that" for m in c.children)), None)
        parenthetical = tok.i + 1 < len(tok.doc) and tok.nbor(1).text == "," or after is not None and any(
            t.text == "," for t in tok.doc[tok.i + 1:after.left_edge.i])  # "..., officials said on Thursday, in a turn ..."
        if comp == "ccomp" and after is not None and node.i < tok.i and subj is not None and node.i < subj.i \
                and not _inside(quotes, pb.char(node)) and not parenthetical:
            node = after  # "Kremlin rejects the plan, Kyiv says talks are pointless": what follows the cue
            # ("It is no surprise, Garin said, that ..." is one clause the attribution splits)
            # (but '"You should resign," Warren told him, after he admitted ...' is the quotation's)
        if comp == "ccomp" and misplaced_clause(tok, node):
            return []
        if comp == "xcomp" and lemma not in lex.takes_infinitive and lemma not in lex.belief \
                and (model is None or prob < model.object_threshold):
            return []
        # "refused to threaten X or declare Y": a verb joined to an infinitive is more of it
        excl = ([subj] if subj is not None and subj in node.subtree else []) + _trailing_asides(
            node, lex, new_reports=comp != "xcomp")
        if node.i > tok.i:  # "He told her, she said, that ...": the aside right after the cue is who relayed it
            excl += [c for c in node.children if c.dep_ == "parataxis" and tok.i < c.i < node.i
                     and c.lemma_.lower() in lex.speech and c.left_edge.i <= tok.right_edge.i + 2]
        else:  # "Deficits will rise, the budget office reported -- a development that ...": a noun
            # phrase after the attribution, hung on the clause before it, is the writer's comment
            excl += [c for c in node.children if c.left_edge.i > tok.i and c.dep_ in ("dobj", "appos", "npadvmod", "attr")]
        c_start, c_end = subtree_range(pb, node, exclude=excl)
        if comp == "xcomp":  # "vowed to cut X, grow Y and create Z": the list goes on
            for c in tok.children:
                joined = c.dep_ == "conj" or (c.dep_ == "advcl" and any(  # "... or declare it", parsed loosely
                    t.lower_ in ("and", "or") for t in tok.doc[node.right_edge.i:c.left_edge.i]))
                if joined and c.tag_ in ("VB", "VBP") and c.i > node.i and subject(c) in (subj, None):
                    c_end = max(c_end, subtree_range(pb, c)[1])
            addressee = _told_to(tok, node)
            if addressee is not None:  # "urged voters to stay home": who is urged is part of it
                c_start = min(c_start, subtree_range(pb, addressee)[0])
            objects = [c for c in node.children if c.dep_ in ("dobj", "ccomp") and c.i > node.i]
            if lemma in ASPECT_VERBS and objects and node.i > tok.i:
                # "continued to express | doubts", "went on to call | Cruz a liar": the
                # infinitive says what kind of act it is; what it is about is the content
                cue = Span.of(text, cue.start, pb.char(node) + len(node.text))
                c_start = max(c_start, subtree_range(pb, objects[0])[0])
        if comp == "ccomp":  # "said A, but that B": a second clause, parsed as joined to the cue;
            # "said A, B and C" or "A, and B, officials said": more clauses, parsed as the cue's own
            for c in tok.children:
                if node.i < tok.i and not (c.i > node.i and c.i < tok.i and c.dep_ == "ccomp" and _joined_clause(node, c)):
                    continue  # before the cue, only "A, and B, officials said"
                if c.i > node.i and (c.dep_ == "ccomp" or c.dep_ == "conj" and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or _future_in_past(c)):
                    c_end = max(c_end, subtree_range(pb, c, exclude=_trailing_asides(c, lex))[1])
        if comp == "ccomp" and lemma in ADDRESSEE_VERBS and node.i > tok.i:
            c_start = max(c_start, _heard_by_end(pb, tok, node))
        if node.i < tok.i:  # content before the cue ("..., X said") runs to the sentence start
            c_start = min(c_start, s_start)
            c_end = max(c_end, _hung_on_cue(pb, tok, node, subj))
        content = span(text, c_start, c_end)
        if not content or len(content.text) < 3:
            return []
        condition = _condition_after(tok) if node.i < tok.i else None
        if condition is not None:  # "A, the spokesman said, but only once B": B is theirs too, and
            # stays in the same content (with the attribution inside it) so the stance sees it
            content = span(text, content.start, subtree_range(pb, condition)[1]) or content
        first = Candidate(kind, content, cue, src, conf, rule=comp)
        split = comp == "ccomp" and node.i < tok.i and condition is None
        rest = next((c for c in tok.children if split and c.i > tok.i and c.dep_ == "ccomp"
                     and (subj is None or subj not in c.subtree)
                     and (c.left_edge.dep_ != "mark" or c.left_edge.lower_ in ("that", "whether"))
                     and (c.left_edge.dep_ != "prep" or c.left_edge.nbor(1).lower_ in ("which", "whom"))), None)
        # (not ", in a sharp turn from the tone X struck": a phrase the parser made a clause, the writer's)
        if rest is not None:  # "It is no surprise, Roe said, that Hale won": one clause in two parts
            # (not "..., Roe told Hale, after he admitted ...": a circumstance)
            tail = span(text, *subtree_range(pb, rest, exclude=_trailing_asides(rest, lex)))
            if tail is not None:
                return [first, Candidate(kind, tail, cue, src, conf, rule=comp, continues=content)]
        return [first]
    if comp == "main" and tok.dep_ == "advcl" and (_own_object(tok, lex) or _lost_object(tok)):
        return []  # "it comes as rivals have called for X": the 'as' clause says X, not the rest
    if comp == "main" and kind != "belief":
        return _main_clause(text, pb, tok, cue, src)
    q = _adjacent_quote(text, quotes, pb, sent, tok) if comp in ("none", "main") else None
    if q is not None and kind != "belief":
        content = span(text, q.start, q.end) or Span.of(text, q.start, q.end)
        return [Candidate("direct", content, cue, src, max(conf, 0.85), rule="adjacent_quote")]
    carried = _carried_words(tok, lex) if comp in ("object", "prep") else None
    if carried is not None:  # "issued a statement saying that ...": the words the statement carries
        saying, clause = carried
        content = span(text, *subtree_range(pb, clause, exclude=_trailing_asides(clause, lex)))
        if content is not None:
            cue = Span.of(text, cue.start, pb.char(saying) + len(saying.text))
            return [Candidate(kind, content, cue, src, conf, rule="carried")]
    if comp in ("object", "prep") and model is not None and prob >= model.object_threshold:
        content = _object_content(text, pb, tok)
        if content is not None:
            return [Candidate(kind, content, cue, src, conf * 0.9, rule="object")]
    return []


def _heard_by_end(pb, verb, clause) -> int:
    """Where the one told ends, when the parser took them into the clause's subject: "tells
    Reuters sanctions will stay", "told parliament the ceasefire was close" ("Reuters" a compound
    of "sanctions"). Names and listeners right after the verb, before the subject's own head."""
    doc, k = verb.doc, verb.i + 1
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.left_edge.i != k:
        return 0
    first = doc[k]
    if k >= subj.i or first.dep_ != "compound" or not (first.pos_ == "PROPN" or first.lower_ in lexicon().listeners):
        return 0
    k += 1  # one word, or the whole body it begins ("tells Human Rights Watch the army ...")
    while first.ent_iob_ == "B" and first.ent_type_ in ("ORG", "GPE", "NORP", "FAC") and k < subj.i and doc[k].ent_iob_ == "I":
        k += 1
    return pb.char(doc[k])


def _future_in_past(verb) -> bool:
    """'announced that X was careless and would face some punishment': a verb joined to the
    report with no subject of its own and 'would' goes on with what was reported (the parser
    hangs it on the report), not with what the reporter did."""
    return verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in verb.children)


def _carried_words(verb, lex: Lexicon):
    """'issued a statement saying that ...', 'posted a video warning that ...', 'released a
    statement that said ...': a medium the verb
    puts out, and the reporting participle that gives its words; (participle, clause) or None.
    PolNeAR's annotators make 'issued a statement saying' the cue and the clause the content."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lower_ not in MEDIA:
            continue
        for saying in obj.children:
            relative = saying.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "which")
                                                     for c in saying.children)  # "a statement that said ..."
            if (saying.dep_ == "acl" and saying.tag_ == "VBG" or relative) and saying.lemma_.lower() in lex.speech:
                clause = next((c for c in saying.children if c.dep_ == "ccomp" and c.i > saying.i), None)
                if clause is not None:
                    return saying, clause
    return None


def _told_to(verb, infinitive):
    """The one asked, urged or called on to act, between the verb and its infinitive ("urged
    voters to", "called on Congress to", "called for a prosecutor to"); None for a date parsed
    as an object ("promised Monday to"). PolNeAR's annotators put it in the content."""
    if infinitive.tag_ in ("VBP", "VBZ", "VBD") and not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return None  # a headline's "tells senators truce talks 'not dead'", "truce" parsed as a verb
    for c in verb.children:
        if not verb.i < c.i < infinitive.i:
            continue
        if c.dep_ == "prep" and c.lower_ in ("on", "for") and verb.lemma_.lower() == "call":
            c = next((g for g in c.children if g.dep_ == "pobj"), None)
            return c if c is not None and c.i < infinitive.i else None
        if c.dep_ == "dobj" and c.lower_ not in DAYS | PERIODS:  # NER does not run here
            return c
    return None


QUOTE_THEN_NAME = re.compile(r"[\"”'’]{1,2}\s+[A-Z]")  # '"...," Mr. Roe, now 81, said': the quotation's own speaker


def _apposed_candidate(text, pb, sent, verb, lex, conf) -> Candidate | None:
    """The statement of a speaker the parser hung on the content (``_apposed_speaker``):
    everything before the speaker's comma, said by the speaker."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    speaker = _apposed_speaker(verb, sent)
    if speaker is None:
        return None
    content = span(text, token_range(pb, sent)[0], pb.char(speaker.left_edge) - 1)
    if content is None or len(content.text.split()) < 3 or QUOTE_THEN_NAME.search(content.text):
        return None
    return Candidate("indirect", content, Span.of(text, *_cue_range(pb, verb, lex)),
                     _source_span(text, pb, speaker, verb), conf, rule="apposed_speaker")


def _apposed_speaker(verb, sent):
    """'The bank will cut rates, its chief economist, Tom Hale, said.': the parser hangs the
    speaker as an apposition on the content's last noun and leaves the verb without a subject.
    The phrase between the last two commas before a verb that ends its sentence speaks."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or any(
            t.dep_ not in ("prep", "pobj", "npadvmod", "advmod", "punct", "det", "compound")
            for t in doc[verb.i + 1:sent.end] if not t.is_punct):
        return None
    top = doc[verb.i - 2]
    while top.dep_ in ("compound", "flat") and top.head.i < verb.i:
        top = top.head
    if top.dep_ != "appos" or top.pos_ not in ("NOUN", "PROPN"):
        return None
    def last_word(t) -> int:
        return max(w.i for w in t.subtree if not w.is_punct)

    role = top.head  # "its chief economist, Tom Hale": the role and the name speak together
    if role.pos_ in ("NOUN", "PROPN") and role.left_edge.i > sent.start and doc[role.left_edge.i - 1].text == "," \
            and last_word(role) == last_word(top):
        top = role
    if top.left_edge.i <= sent.start or doc[top.left_edge.i - 1].text != "," or last_word(top) != verb.i - 2:
        return None
    if top.ent_type_ in ("GPE", "LOC", "DATE") or top.head.ent_type_ in ("GPE", "LOC") \
            or doc[top.left_edge.i - 2].is_quote:  # "Cambridge, Mass.", or a quotation's own speaker
        return None
    return top


def _loose_infinitive(verb):
    """'vowed on Monday to finish the job': an infinitive after the verb (past a time or a
    place) that the parser hung on it as a clause of purpose rather than as its complement."""
    for c in verb.rights:
        if c.dep_ == "advcl" and c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children) \
                and not any(m.dep_ == "mark" for m in c.children) \
                and all(_when_or_where(t) for t in verb.doc[verb.i + 1:c.left_edge.i] if t.head.i == verb.i):
            return c
    return None


def _when_or_where(tok) -> bool:
    """'on Monday', 'Thursday', 'in Paris', 'again': a circumstance, not what the verb is about."""
    if tok.dep_ == "advmod" or (tok.dep_ == "npadvmod" and tok.lower_ in DAYS):
        return True
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None) if tok.dep_ == "prep" else None
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") or obj.lower_ in DAYS | PERIODS)


def _lost_object(verb) -> bool:
    """'Senators split as Pentagon urges speed': a noun right after the verb that the parser
    hung back on the main clause is the verb's object all the same."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and nxt.head.i < verb.i and nxt not in verb.subtree


def _own_object(verb, lex: Lexicon) -> bool:
    """Does the verb say something of its own (an object, 'called for X'), beside its
    listeners and circumstances ('as he told reporters in Ohio')?"""
    return any((c.dep_ in ("dobj", "attr", "oprd") and c.lower_ not in lex.listeners
                and not (c.lower_ == "it" and verb.lemma_.lower() == "put"))  # "as Roe put it"
               or (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS - {"to", "as"})
               or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children))
               for c in verb.rights)


def _choose_content(text, pb, tok, sent, quotes, lex, verb_feats, model):
    """(probability, option kind, start, end) of the verb's most likely content, or None."""
    from .options import content_options, option_features

    best = None
    for kind, a, b in content_options(text, pb, tok, sent, quotes, lex):
        p = model.pair_probability(option_features(kind, a, b, text, tok, verb_feats))
        if best is None or p > best[0]:
            best = (p, kind, a, b)
    return best if best is not None and best[0] >= model.pair_threshold else None


def cue_candidates(parsed: Parsed, quotes: list[Quote], lex: Lexicon) -> list[Candidate]:
    text = parsed.document.text
    model = load_model()
    out: list[Candidate] = []
    opens = [q.open for q in quotes]
    all_quotes = quotes
    blocks = parsed.document.blocks
    block_starts = [b.start for b in blocks]
    for pb, sent in parsed.sentences():
        s_start, s_end = token_range(pb, sent)
        # only the quotations around this sentence matter (keeps long documents linear)
        lo = max(0, bisect_left(opens, s_start - MAX_QUOTE_REACH) - 1)
        hi = bisect_right(opens, s_end + 3)
        quotes = [q for q in all_quotes[lo:hi] if q.close >= s_start - 3]
        sentence_has_quote = bool(_overlapping_quotes(quotes, s_start, s_end))
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                if _inside(quotes, pb.char(tok)) is not None:
                    continue  # "“According to Pew, ...,” the report said": the quotation's words
                cand = _according_to(text, pb, sent, tok)
                if cand:
                    out.append(cand)
                continue
            if tok.lower_ == "in" and tok.dep_ == "prep" and _inside(quotes, pb.char(tok)) is None:
                found = _in_view(text, pb, sent, tok, quotes)
                if found:
                    out += found
                    continue
            # "The minister, asked whether troops would stay, said ...": put to him, not his (the
            # parser may make him the subject of 'asked', before the comma)
            put_to = tok.text == "asked" and tok.i > sent.start + 1 and (
                tok.nbor(-1).text == "," or tok.nbor(-1).lower_ == "when" and tok.nbor(-2).text == ",") \
                and tok.dep_ in ("acl", "advcl") and not any(c.dep_ == "dobj" or c.dep_ == "nsubj" and c.i > tok.i - 2
                                                           for c in tok.children)
            if (tok.text == "Asked" and tok.i == sent.start or put_to) and _inside(quotes, pb.char(tok)) is None:
                cand = _asked(text, pb, sent, tok, put_to)
                if cand is not None or put_to:
                    out += [cand] if cand is not None else []
                    continue
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            relayed = _quoted_as(text, pb, tok)
            if relayed is not None:  # "TASS quoted Peskov as saying that ...": Peskov's words, via TASS
                out.append(relayed)
                continue
            if tok.dep_ == "conj" and tok.head.lemma_.lower() in lex.speech \
                    and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in tok.head.children):
                continue  # the "nor deny" of "would neither confirm nor deny": read with "confirm"
            if lemma in lex.speech and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in tok.children):
                neither = _neither_nor(text, pb, tok, lex)
                if neither is not None:  # "would neither confirm nor deny the report": a refusal
                    out.append(neither)
                continue
            if any(_said_as_quoted(g) for c in tok.children if c.lower_ == "as" for g in c.children):
                continue  # ... and TASS is no speaker of its own there
            attitude = _attitude(text, pb, tok) if (lemma in ATTITUDE_COPULAS or tok.lower_ in BE_FORMS) \
                and _inside(quotes, pb.char(tok)) is None else None
            if attitude is not None:  # "Officials are confident that ...": what they hold, as a belief
                out.append(attitude)
                continue
            if lemma in NOT_CUES or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NOT_CUES):
                continue  # "X appears to have convinced Y that ...": still the writer's inference
            if _no_words(tok):
                continue  # "called a news conference", "recalled its ambassador": acts, not reports
            if _summoned_for(tok) and (lemma in lex.speech or lemma in REMONSTRANCES) and _inside(quotes, pb.char(tok)) is None:
                cand = _remonstrance(text, pb, tok, lex)
                if cand is not None:  # "summoned the ambassador to protest the strikes"
                    out.append(cand)
                continue
            reporting = next((c for c in tok.children if c.i > tok.i and c.lemma_.lower() in lex.speech
                              and infinitive_of(c) and complement_kind(c) in ("ccomp", "none")), None)
            if reporting is not None:  # "went on to say ...", "declined to say whether ...": the infinitive reports
                refusal = _refusal(text, pb, tok, reporting, lex)
                if refusal is not None:
                    out.append(refusal)
                continue
            inside = _inside(quotes, pb.char(tok)) is not None
            light = _light_speech(tok) if lemma == "make" and not inside else \
                _protest_lodged(tok) if lemma in LODGINGS and not inside else None
            if light is not None:  # "made clear that ...", "made the case that ..."
                cand = _light_verb(text, pb, tok, light, lex)
                if cand is not None:
                    out.append(cand)
                continue
            if lemma in PASSIVE_REPORTS and not inside:
                cand = _passive_report(text, pb, tok, lex)
                if cand is not None:
                    out.append(cand)
                    continue
            vf = None
            if model is not None:
                vf = verb_features(tok, lex, inside_quote=inside, sentence_has_quote=sentence_has_quote)
                prob = model.probability(vf)
                if prob < min(model.threshold, CHOOSER_GATE):
                    continue
            elif lemma in lex.speech or lemma in lex.belief:
                prob = 0.8
            else:
                continue
            subj = _outer_reporter(tok, lex) or subject(tok) or _inverted_subject(tok) or _adjacent_subject(tok) \
                or _participle_bearer(tok, lex) or _fronted_subject(tok)
            conf = round(min(0.95, 0.5 + prob / 2), 3)
            apposed = _apposed_candidate(text, pb, sent, tok, lex, conf) if not inside and lemma in lex.speech else None
            if apposed is not None:  # "X will happen, its chief economist, Tom Hale, said."
                out.append(apposed)
                continue
            if subj is not None and subj.lower_ in ("that", "this") and tok.i == subj.i + 1 \
                    and all(t.is_punct for t in tok.doc[sent.start:subj.i]) \
                    and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == ",":
                continue  # "That said, the plan is risky": a turn of phrase ("even so"), no report
            if subj is not None and subj.lower_ == "it" and subj.head != tok and infinitive_of(tok):
                continue  # "it was too early to talk about cuts", "it is important to say": nobody says it
            if subj is not None and subj.head == tok and infinitive_of(tok) and any(
                    c.dep_ == "mark" and c.lower_ == "with" for c in tok.children):
                continue  # "spoke today with Minister Oduya to discuss the ceasefire": a purpose, said by nobody
            sourceless = subj is None or subj.dep_ == "expl" or subj.lower_ == "there" or (
                subj.lower_ == "it" and any(c.dep_ == "auxpass" for c in tok.children))
            if sourceless:
                # "it was reported that ...", "is expected to ...": a report with no named source,
                # kept (without a speaker) only when it has a clause and the cue is a sure one
                if inside or complement_kind(tok) != "ccomp" or prob < 0.8 or tok.dep_ not in ("ROOT", "ccomp"):
                    continue
            elif inside and subj.lower_ in FIRST_SECOND_PERSON:
                continue  # "I think ..." inside a quotation belongs to the quotation
            kind = "belief" if lemma in lex.belief and lemma not in lex.speech else "indirect"
            src = None if sourceless else _source_span(text, pb, subj, tok)
            inverted = None
            if src is not None and not inside and _inside(quotes, src.start) is not None \
                    and _inside(quotes, src.end - 1) is not None:
                # '"Meh," wrote a supporter': the quoted words, read as the verb's subject, say
                # nothing; the name after the verb speaks, or the verb gives no statement here
                # (and '"...," said Ann Roe, suggesting that ...': the participle's own subject)
                alternatives = (subject(tok), _inverted_subject(tok),
                                _inverted_subject(tok.head) if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp") else None)
                src = next((sp for alt in alternatives if alt is not None
                            for sp in [_source_span(text, pb, alt, tok)]
                            if sp is not None and _inside(quotes, sp.start) is None), None)
                if src is None:
                    continue
                inverted = src
            cue = Span.of(text, *_cue_range(pb, tok, lex))
            found: list[Candidate] = []
            if model is None or prob >= model.threshold:
                found = _rule_contents(text, pb, sent, tok, subj, quotes, lex, model, prob, kind, cue, src, conf)
            if not found and kind != "belief":
                found = _colon_paragraph(text, blocks, block_starts, all_quotes, opens, pb, sent, cue, src, conf)
            if not found and model is not None and model.pair_weights and len(sent) <= MAX_CHOOSER_TOKENS:
                # the rules found no content (or the verb is a likely but unsure cue): the learned
                # chooser picks among the verb's possible contents
                chosen = _choose_content(text, pb, tok, sent, quotes, lex, vf, model)
                if chosen is not None:
                    p, option, a, b = chosen
                    conf = round(min(0.95, 0.5 + min(p, prob) / 2), 3)
                    if option == "head" and tok.dep_ in ("parataxis", "advcl"):
                        found = [] if _own_object(tok, lex) else _main_clause(text, pb, tok, cue, src)
                    elif kind != "belief" or option != "quote":
                        found = [Candidate(kind, Span.of(text, a, b), cue, src, conf, rule=f"chooser:{option}")]
            out += [c for c in found if not ANONYMITY_REQUEST.match(c.content.text)
                    and not (inverted is not None and c.content.start < inverted.end and inverted.start < c.content.end)]
    return out


# "who asked not to be named", "requested anonymity": how the source spoke, not what they said
ANONYMITY_REQUEST = re.compile(r"(?:not to be (?:named|identified|quoted)|anonymity|to remain anonymous)\W*$", re.I)
# "who spoke on condition of anonymity to discuss internal deliberations": why the source
# asked not to be named, not something they said
ANONYMITY_PURPOSE = re.compile(r"(?:anonymity|anonymously|not (?:authori[sz]ed|allowed|permitted|cleared))\s+(?:to\s+)?$", re.I)
# "..., two of the people said, speaking on condition of anonymity because ...": how the
# sources spoke, not more of what they said
ANONYMITY_TERMS = re.compile(r"(?:speaking|talking|asking|requesting|declining|agreeing)\b[^.;]{0,30}?\b(?:anonymity|"
                             r"anonymously|not to be (?:named|identified|quoted)|to be (?:named|identified)|on background)\b", re.I)


def about_anonymity(text: str, c: Candidate) -> bool:
    """Is this "statement" only how or why its source asked not to be named?"""
    return ANONYMITY_TERMS.match(c.content.text) is not None or (
        c.cue is not None and ANONYMITY_PURPOSE.search(text, max(0, c.cue.start - 60), c.cue.start) is not None) \
        or anonymity_purpose_at(text, c.content.start)


def anonymity_purpose_at(text: str, start: int) -> bool:
    """Does a purpose or reason start here that follows a request for anonymity ('he said, on
    condition of anonymity to discuss ...', '... anonymity because he was not authorized')?"""
    return re.match(r"(?:to|because|since|as)\b", text[start:start + 8], re.I) is not None \
        and ANONYMITY_PURPOSE.search(text, max(0, start - 60), start) is not None


def misplaced_clause(verb, clause) -> bool:
    """'is considering a cut ..., four people said, as a slump deepens fears': a finite clause
    with no subject, hung on the verb past another attribution, is a circumstance the parser
    misplaced, not what the verb takes."""
    return clause.i > verb.i and clause.tag_ not in ("VB", "VBG", "VBN") and not any(
        c.dep_ in SUBJECT_DEPS for c in clause.children) and any(
        t.dep_ == "parataxis" and t.head == verb for t in verb.doc[verb.i + 1:clause.i])


def _joined_clause(first, second) -> bool:
    """Does a plain 'and', 'but' or 'or' join these two clauses, with nothing but commas
    between ("A, and B, officials said"), no colon, dash or quotation mark ("X seemed to say it:
    "..."")?"""
    end = first.right_edge.i
    while end > first.i and (first.doc[end].is_punct or first.doc[end].dep_ == "cc"):
        end -= 1  # the parser may hang the ", and" on the first clause
    between = first.doc[end + 1:second.left_edge.i]
    words = [t for t in between if not t.is_punct]
    return len(words) == 1 and words[0].lower_ in ("and", "but", "or") and all(t.text == "," for t in between if t.is_punct)


def _light_speech(verb):
    """The last word of 'made (it) clear', 'made plain', 'made the case', 'made no secret of':
    a verb of making that says something, or None."""
    for c in verb.children:
        if c.i > verb.i and c.lower_ in ("clear", "plain") and c.i <= verb.i + 2:
            return c
        if c.dep_ == "dobj" and c.lower_ in ("case", "argument", "point") and any(d.lower_ in ("the", "a") for d in c.children):
            return c
        if c.dep_ == "dobj" and c.lower_ == "secret" and any(d.lower_ == "no" for d in c.children):
            return next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"), None)
    return None


LODGINGS = {"lodge", "file", "register", "deliver", "issue", "send", "submit", "make", "raise"}
PROTESTS = {"protest", "complaint", "complaints", "demarche", "démarche", "objection", "objections", "protests"}
PROTEST_PREPS = {"over", "against", "about", "at", "regarding", "concerning", "to"}


def _protest_lodged(verb):
    """The preposition of 'lodged a formal protest with Greece over', 'filed a complaint about',
    'delivered a protest note to Tokyo against': what the protest is about follows it; or None."""
    noun = next((c for c in verb.children if c.dep_ == "dobj" and (c.lower_ in PROTESTS or c.lower_ == "note" and any(
        d.dep_ == "compound" and d.lower_ == "protest" for d in c.children))), None)
    if noun is None:
        return None
    for t in verb.doc[noun.i + 1:verb.right_edge.i + 1]:
        if t.is_punct:
            return None
        if t.dep_ == "prep" and t.lower_ in PROTEST_PREPS and (t.lower_ != "to" or noun.lower_.startswith("objection")):
            return t
    return None


def _light_verb(text, pb, verb, last, lex) -> Candidate | None:
    """'Roe made clear that she would vote no': cue 'made clear', the rest of the clause its
    content, spoken by the verb's subject."""
    subj = subject(verb)
    if subj is None or subj.dep_ == "expl" or last.i + 1 >= len(verb.doc):
        return None
    start = pb.char(verb.doc[last.i + 1])
    end = subtree_range(pb, verb, exclude=_trailing_asides(verb, lex))[1]
    content = span(text, start, end)
    if content is None or len(content.text.split()) < 2:
        return None
    cue = Span.of(text, _cue_range(pb, verb, lex)[0], pb.char(last) + len(last.text))
    return Candidate("indirect", content, cue, _source_span(text, pb, subj, verb), 0.8, rule="light_verb")


# "X is expected to ...", "Y is said to have ...", "Z is seen as ...": a report with no named
# source, the whole clause its content (as PolNeAR marks it); kept without a speaker.
PASSIVE_REPORTS = {"expect", "say", "believe", "think", "consider", "know", "see", "view", "rumor",
                   "rumour", "report", "regard"}


def _passive_report(text, pb, verb, lex) -> Candidate | None:
    children = list(verb.children)
    subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subj is None or not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
        return None
    clause = next((c for c in children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if subj.lower_ == "it" and clause is not None:  # "It was widely reported that X": X, by nobody named
        content = span(text, *subtree_range(pb, clause, exclude=_trailing_asides(clause, lex)))
        if content is None or any(c.dep_ == "neg" for c in children):
            return None
        cue = Span.of(text, pb.char(subj), pb.char(verb) + len(verb.text))
        kind = "belief" if verb.lemma_.lower() in lex.belief and verb.lemma_.lower() not in lex.speech else "indirect"
        return Candidate(kind, content, cue, None, 0.5, rule="passive_report")
    said = [c for c in children if c.i > verb.i and (
        c.dep_ in ("xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "as"))]
    if not said:
        return None
    excl = [g for c in said for g in _trailing_asides(c, lex)]
    start = subtree_range(pb, subj)[0]
    end = max(subtree_range(pb, c, exclude=excl)[1] for c in said)
    content = span(text, start, end)
    if content is None or len(content.text.split()) < 4:
        return None
    aux = [c for c in children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    cue = Span.of(text, pb.char(min(aux + [verb], key=lambda t: t.i)), pb.char(verb) + len(verb.text))
    return Candidate("indirect", content, cue, None, 0.5, rule="passive_report")


def _neither_nor(text, pb, verb, lex) -> Candidate | None:
    """'The spokesman would neither confirm nor deny the report': what was neither confirmed nor
    denied, with the whole refusal as the cue, so that no one reads it as a denial."""
    last = next((c for c in verb.children if c.dep_ == "conj" and c.i > verb.i), None)
    subj = subject(verb)
    if last is None or subj is None:
        return None
    obj = next((c for h in (last, verb) for c in h.children if c.dep_ in ("dobj", "ccomp") and c.i > last.i), None)
    if obj is None:
        return None
    content = span(text, *subtree_range(pb, obj))
    start = min([c for c in verb.children if c.dep_ in ("aux", "neg", "preconj") and c.i < verb.i] + [verb], key=lambda t: t.i)
    cue = span(text, pb.char(start), pb.char(last) + len(last.text))
    if content is None or cue is None:
        return None
    return Candidate("indirect", content, cue, _source_span(text, pb, subj, verb), 0.6, rule="refusal")


REFUSALS = {"decline", "refuse"}
# what a government summons an envoy to do, besides the speech verbs: "to protest", "to convey
# its objection", "to lodge a complaint", "to seek an explanation"
REMONSTRANCES = {"protest", "convey", "express", "lodge", "voice", "register", "deliver", "raise", "seek"}
# "called a news conference", "called an election": a verb of speech that convenes something
CONVENED = {"conference", "briefing", "meeting", "election", "elections", "vote", "referendum", "session",
            "summit", "strike", "halt", "recess", "hearing", "rally", "press", "timeout", "time-out"}
ENVOYS = {"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats", "consul", "delegation",
          "emissary", "representative", "mission", "staff", "d'affaires"}
SUMMONED = {"army", "military", "troops", "police", "guard", "reinforcements", "experts", "investigators",
            "inspectors", "lawyers", "auditors", "specialists", "consultants"}


def _no_words(verb) -> bool:
    """A reporting verb used for an act ("called a news conference", "called snap elections",
    "recalled its ambassador"), unless it also says something ("called the vote a sham")."""
    lemma = verb.lemma_.lower()
    if lemma == "call" and _called_in(verb):
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in verb.children):
        return False
    if lemma == "call":
        return all(o.lower_ in CONVENED for o in objects)
    return lemma == "recall" and all(o.lower_ in ENVOYS for o in objects)


def _called_in(verb) -> bool:
    """'called in the envoy', 'called the ambassador in': summoned (not 'called in vain for',
    'called in a statement for')."""
    if verb.lemma_.lower() != "call":
        return False
    for c in verb.rights:
        if c.lower_ == "in" and c.dep_ == "prt":  # ("called in sick", "in vain": no one summoned)
            return any(d.dep_ == "dobj" for d in verb.children)
        if c.lower_ == "in" and c.dep_ == "prep" and c.i == verb.i + 1:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            return obj is not None and (obj.lower_ in ENVOYS | SUMMONED or obj.ent_type_ in ("PERSON", "NORP"))
    return False


def _summoned_for(verb) -> bool:
    """'summoned the ambassador to protest', 'called in the envoy to demand', 'called a news
    conference to deny': an infinitive of purpose after a summons or an occasion for speaking,
    which the parser hangs on the verb of summoning."""
    head = verb.head
    if not infinitive_of(verb) or head.i > verb.i:
        return False
    lemma = head.lemma_.lower()
    convened = lemma in ("call", "hold", "convene") and any(
        c.dep_ == "dobj" and c.lower_ in ("conference", "briefing") for c in head.children)
    return lemma == "summon" or _called_in(head) or convened


def _remonstrance(text, pb, verb, lex) -> Candidate | None:
    """What the summoning government said through the summons: the infinitive's clause or
    object ("to protest what it called a violation", "to demand an explanation"), spoken by
    the subject of the summons."""
    subj = subject(verb)
    if subj is None or subj.dep_ == "expl":
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is not None:
        content = span(text, *subtree_range(pb, clause, exclude=_trailing_asides(clause, lex)))
    else:
        content = _object_content(text, pb, verb)
    if content is None:
        return None
    cue = Span.of(text, *_cue_range(pb, verb, lex))
    return Candidate("indirect", content, cue, _source_span(text, pb, subj, verb), 0.75, rule="summons")


def _refusal(text, pb, verb, infinitive, lex) -> Candidate | None:
    """'The ministry declined to comment': a refusal to speak, with nothing said after it, is
    on the record too (cue 'declined', content 'to comment')."""
    if verb.lemma_.lower() not in REFUSALS or any(c.dep_ in ("ccomp", "dobj", "prep") for c in infinitive.children):
        return None
    subj = subject(verb)
    if subj is None:
        return None
    content = span(text, *subtree_range(pb, infinitive))
    if content is None:
        return None
    cue = Span.of(text, *_cue_range(pb, verb, lex))
    if cue.end > content.start:  # the cue took the infinitive in; it is the content
        cue = Span.of(text, cue.start, pb.char(verb) + len(verb.text))
    return Candidate("indirect", content, cue, _source_span(text, pb, subj, verb), 0.6, rule="refusal")


def _colon_paragraph(text, blocks, block_starts, quotes, opens, pb, sent, cue, src, conf) -> list[Candidate]:
    """'Limbaugh added:' closing a paragraph, then the words in the next one. A block quotation
    there is a direct quote; a plain paragraph is reported as indirect, since only the page's
    layout says it is verbatim."""
    s_end = token_range(pb, sent)[1]
    tail = text[cue.end:s_end + 1]
    if not re.fullmatch(r"(?:\s+[\w’'.]+){0,3}\s*:", tail.rstrip()) or text[s_end:s_end + 2].strip() not in ("", ":"):
        return []
    i = bisect_right(block_starts, s_end)
    if i >= len(blocks) or blocks[i].kind == "heading" or text[s_end:blocks[i].start].count("\n") > 3:
        return []
    nxt = blocks[i]
    k = bisect_left(opens, nxt.start)
    q = quotes[k] if k < len(quotes) and opens[k] == nxt.start else None
    if q is not None:  # the next paragraph opens a quotation
        content = span(text, q.start, q.end)
        return [Candidate("direct", content, cue, src, max(conf, 0.85), rule="colon_quote")] if content else []
    content = span(text, nxt.start, nxt.end)
    if content is None:
        return []
    kind = "direct" if nxt.kind == "quote" else "indirect"
    return [Candidate(kind, content, cue, src, round(conf * 0.85, 3), rule="colon_paragraph")]


def _quote_right_after(text: str, quotes: list[Quote], pos: int) -> Quote | None:
    """The quotation opening right after ``pos``, with at most a comma or colon between."""
    return next((q for q in _overlapping_quotes(quotes, pos, pos + 4)
                 if pos <= q.open <= pos + 3 and not text[pos:q.open].strip(" ,:")), None)


def _quote_framed_by(text: str, quotes: list[Quote], pb: ParsedBlock, sent, verb, subj) -> Quote | None:
    """'"...," Roe told supporters': a quotation that opens the sentence and closes (on a comma,
    question or exclamation mark) right before the verb's subject, which stands right before
    the verb. Its words are the verb's, whatever the parser hung them on. (Not when the
    quotation goes on after the attribution: the split-quote rules join those parts.)"""
    if subj is None or subj.i > verb.i or subj.right_edge.i + 1 != verb.i or subj.lower_ in FIRST_SECOND_PERSON:
        return None
    s_start, s_end = token_range(pb, sent)
    at = pb.char(subj.left_edge)
    verb_at = pb.char(verb)
    if any(verb_at < q.open < s_end for q in _overlapping_quotes(quotes, verb_at, s_end)):
        return None
    for q in _overlapping_quotes(quotes, at - 4, at):
        if q.close < at and q.open <= s_start + 1 and not text[q.close + 1:at].strip("\"”’' ") \
                and text[q.close - 1:q.close] in (",", "?", "!") and "\n" not in text[q.close:at]:
            return q
    return None


def _adjacent_quote(text: str, quotes: list[Quote], pb: ParsedBlock, sent, verb) -> Quote | None:
    s_start, s_end = token_range(pb, sent)
    v = pb.char(verb)
    best = None
    for q in _overlapping_quotes(quotes, s_start - 3, s_end + 4):  # those within the sentence, give or take a mark
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
            if holder is None or holder.pos_ != "PROPN":
                continue
            colon = text.find(":", pb.char(tok), s_end + 2)
            q = next((q for q in _overlapping_quotes(quotes, colon, colon + 4) if 0 <= q.open - colon <= 3), None) \
                if colon != -1 else None
            if q is None:
                continue
            out.append(Candidate("direct", span(text, q.start, q.end) or Span.of(text, q.start, q.end),
                                 Span.of(text, pb.char(tok), pb.char(tok) + len(tok.text)),
                                 span(text, *subtree_range(pb, holder)), 0.7, rule="noun_cue"))
    return out


NOUN_BELIEFS = {"belief", "view", "hope", "fear", "concern", "decision", "plan", "intention", "determination",
                "commitment", "refusal"}


def noun_clause_candidates(parsed: Parsed, lex: Lexicon) -> list[Candidate]:
    """'The general's warning that troops would stay', 'Roe's pledge to hold elections':
    a speech or intent noun with its holder and the clause it introduces."""
    text = parsed.document.text
    out = []
    for pb, sent in parsed.sentences():
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.lower_ not in lex.clause_nouns and tok.lower_ not in CALL_NOUNS and not (
                    tok.lower_ in POSITION_NOUNS and tok.dep_ == "nsubj" and tok.head.lower_ in BE_FORMS):
                continue
            holder = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
            if holder is None:
                by = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
                holder = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if holder is None:
                continue
            said = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp") and any(
                m.lower_ == "that" and m.dep_ == "mark" or m.lower_ == "to" and m.dep_ == "aux"
                for m in c.children)), None)
            if said is None and tok.dep_ == "nsubj" and tok.head.lower_ in BE_FORMS:
                # "His argument is that the tax would hurt farmers", "The minister's view was that ..."
                said = next((c for c in tok.head.rights if c.dep_ in ("ccomp", "attr") and any(
                    m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
            plain = _clear_colon(tok) if said is None and tok.dep_ == "nsubj" and tok.head.lower_ in BE_FORMS else None
            if plain is not None:  # "The envoy's message was clear: the sanctions would stay"
                first, last = tok.doc[plain.i + 2], sent[-1] if not sent[-1].is_punct or len(sent) == 1 else sent[-2]
                content = span(text, pb.char(first), pb.char(last) + len(last.text))
                if content is not None and len(content.text.split()) >= 3:
                    out.append(Candidate("indirect", content, Span.of(text, pb.char(tok), pb.char(plain) + len(plain.text)),
                                         span(text, *subtree_range(pb, holder)), 0.6, rule="noun_clause"))
                continue
            called_for = None
            if said is None and tok.lower_ in CALL_NOUNS:  # "Pence's call for a special prosecutor"
                called_for = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == CALL_NOUNS[tok.lower_]
                                   and c.i == tok.i + 1), None)
                said = next((g for g in called_for.children if g.dep_ in ("pobj", "pcomp")), None) if called_for else None
            if said is None:
                continue
            content = span(text, *subtree_range(pb, said, exclude=_trailing_asides(said, lex)))
            if content is None or len(content.text.split()) < (1 if called_for is not None else 3):
                continue
            kind = "belief" if tok.lower_ in NOUN_BELIEFS else "indirect"
            cue_end = called_for if called_for is not None else tok
            out.append(Candidate(kind, content, Span.of(text, pb.char(tok), pb.char(cue_end) + len(cue_end.text)),
                                 span(text, *subtree_range(pb, holder)), 0.6, rule="noun_clause"))
    return out


PLAIN = {"clear", "simple", "plain", "blunt", "unambiguous", "unequivocal", "straightforward", "firm"}


def _clear_colon(noun):
    """The 'clear' of "X's message was clear: ..." (followed by a colon or a dash), or None."""
    plain = next((c for c in noun.head.children if c.dep_ == "acomp" and c.lower_ in PLAIN), None)
    doc = noun.doc
    if plain is None or plain.i + 2 >= len(doc) or doc[plain.i + 1].text not in (":", "—", "–"):
        return None
    return plain


# a holder's call and what it calls for ("Pence's call for a special prosecutor", "Russia's demand for ...")
CALL_NOUNS = {"call": "for", "calls": "for", "demand": "for", "demands": "for", "plea": "for", "pleas": "for",
              "appeal": "for", "appeals": "for"}
# nouns that say what someone holds only as "X's position is that ...", never with a clause of their own
POSITION_NOUNS = {"point", "position", "stance", "message", "answer", "response", "reasoning", "thinking"}


NOT_FIRST_NAMES = {"The", "A", "An", "In", "On", "At", "Of", "For", "And", "But", "To", "By", "With", "From",
                   "This", "That", "These", "Those", "His", "Her", "Their", "Our", "My", "Its"}


def _named_in(text: str, word: str, label: int) -> bool:
    """Is this capitalised word the last name of someone the text names in full ('Chris
    Matthews ... Matthews:', 'John Kirby ... MR. KIRBY:')? The small tagger reads such a
    label as a noun or an adjective."""
    if not (word[:1].isupper() and word.isalpha() and len(word) > 1):
        return False
    name = "(?i:%s)" % re.escape(word) if word.isupper() else re.escape(word)  # 'MR. REYES:'
    return any(not (m.start() <= label < m.end()) and m.group(1) not in NOT_FIRST_NAMES
               for m in re.finditer(caps(r"\b([A-Z][a-z]+|(?:Mrs?|Ms|Dr)\.) (?:[A-Z]\. )?%s\b") % name, text))


TRAILING_TIME = {"today", "yesterday", "tonight", "earlier", "later", "recently", "afterward", "afterwards",
                 *DAYS, *PERIODS, "on", "last", "this", "late", "early", "in", "an", "a", "interview", "statement"}
NOT_SOURCE_OPENERS = {"as", "and", "but", "or", "which", "who", "that", "so", "than", "like", "while", "when",
                      "if", "because", "what", "where", "how", "though", "although"}


def with_trailing_clauses(parsed: Parsed, quotes: list[Quote], lex: Lexicon, found: list[Candidate]) -> list[Candidate]:
    """'The web has made it easy for ..., she said.': a sentence that ends on a comma, a short
    speaker and a speech verb reports what comes before it, however the parser hung the verb
    (an adverbial clause of the first verb, with the sentence's subject as its own). Returns
    ``found`` with those statements added, and the verb's own reading widened to the whole
    clause where it stopped at a comma inside it."""
    text = parsed.document.text
    cues = {c.cue.start: i for i, c in enumerate(found) if c.cue}
    found = list(found)
    out = []
    for pb, sent in parsed.sentences():
        toks = [t for t in sent if not t.is_space]
        end = len(toks)
        while end and (toks[end - 1].is_punct or toks[end - 1].is_quote):
            end -= 1
        j = end  # the verb, before a short time ("on Friday", "last week", "in an interview")
        while j > 0 and end - j < 4 and toks[j - 1].lower_ in TRAILING_TIME:
            j -= 1
        if j < 6 or (j < end and toks[j].lower_ in ("in", "an", "a") and toks[end - 1].lower_ not in MEDIA):
            continue
        verb = toks[j - 1]
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.speech or verb.tag_ not in ("VBD", "VBZ", "VBP") \
                or _inside(quotes, pb.char(verb)) is not None:
            continue
        own = cues.get(pb.char(verb))  # index in found of the verb's own reading, if any
        comma = next((k for k in range(j - 2, max(-1, j - 9), -1) if toks[k].text == ","), None)
        if comma is None or comma < 3:
            continue
        source = toks[comma + 1:j - 1]
        if not source or source[0].lower_ in NOT_SOURCE_OPENERS \
                or any(t.pos_ in ("VERB", "AUX") or t.is_punct and t.text != "." for t in source) \
                or not any(t.pos_ in ("PRON", "PROPN", "NOUN") for t in source):
            continue
        if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not any(c.dep_ == "mark" for c in t.children)
                   for t in toks[:comma]):
            continue  # a clause of its own, not "But even after the growth cooled, the borrowing continued"
        start, stop = token_range(pb, toks[:comma])
        content = span(text, start, stop)
        if content is None or len(content.text.split()) < 3 or _overlapping_quotes(quotes, content.start, content.end):
            continue
        if own is not None:  # the verb's own reading stopped at a comma inside the clause: the whole clause
            c = found[own]
            if c.content.start == content.start and c.content.end < content.end \
                    and text[c.content.end:c.content.end + 2].startswith(","):
                found[own] = replace(c, content=content)
            continue
        if any(f.content.start < content.end and content.start < f.content.end for f in found):
            continue  # another rule read this clause already
        out.append(Candidate("indirect", content, Span.of(text, *token_range(pb, [verb])),
                             span(text, *token_range(pb, source)), 0.6, rule="trailing"))
    return found + out


TRANSCRIPT_TURNS = 3  # paragraphs opening with "NAME:" that make a page a transcript


def _recurring_label(text: str, head) -> bool:
    """A label in capitals that opens another paragraph too ("MR MILLER:", whose "MILLER" the
    tagger may call a common noun): a transcript's speaker."""
    label = " ".join(t.text for t in head)
    if not label.isupper() or len(head) > 4:
        return False
    # "JAKE TAPPER:" once, then "TAPPER:": the same speaker's labels
    return len(re.findall(r"(?m)^[ \t]*(?:[A-Z][A-Z.'’\-]*[ \t]+){0,3}%s[ \t]*:" % re.escape(head[-1].text), text)) >= 2


def colon_candidates(parsed: Parsed, quotes: list[Quote]) -> list[Candidate]:
    """'Trump: my plans are not set in stone' and 'Senator Smith wrote:' style labels; a
    headline's label may paraphrase, but a transcript's turns are the speakers' own words."""
    text = parsed.document.text
    out = []
    opening: list[bool] = []
    for pb, sent in parsed.sentences():
        toks = list(sent)
        colon = next((t for t in toks[:8] if t.text == ":"), None)
        # a label opening the paragraph owns the whole turn, however the parser cut its
        # sentences ("LEE:" alone, or "Jane Roe: She [the mayor]" cut at the bracket)
        opens_paragraph = sent.start == 0
        if colon is None or colon.i == sent.start or (len(toks) - (colon.i - sent.start) < 4 and not opens_paragraph):
            continue
        head = [t for t in toks if t.i < colon.i]
        words = [t for t in head if not t.is_punct]
        if not words or len(words) > 6 or words[0].lower_ in COLON_LABELS or any(t.like_num for t in words):
            continue
        at = pb.char(colon)
        if any(q.open < at < q.close and "\n" not in text[q.open:q.close] for q in _overlapping_quotes(quotes, at, at + 1)):
            continue  # '"Trump: you base ...," he tweeted': the label is part of a quotation
        last = words[-1]
        turn = len(words) == 1 and last.text in INTERVIEW_TURNS and opens_paragraph
        if not (last.pos_ == "PROPN" or last.lower_ in COLON_NOUNS or turn
                or (len(words) <= 3 and opens_paragraph and _named_in(text, last.text, pb.char(last)))
                or (opens_paragraph and _recurring_label(text, head))):
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in words):
            continue  # "X said:" is the verb rules' business
        c_start, c_end = at + 1, token_range(pb, sent)[1]
        if opens_paragraph:  # a speaker label opening the paragraph: the whole turn is theirs
            c_end = pb.offset + pb.length
        content = span(text, c_start, c_end)
        if content is None or len(content.text.split()) < 3:
            continue
        kind = "question" if turn and last.text in QUESTION_TURNS else "indirect"  # "Q: Will she go?"
        out.append(Candidate(kind, content, Span.of(text, at, at + 1),
                             span(text, *token_range(pb, head)), 0.5, rule="colon"))
        opening.append(opens_paragraph)
    if sum(opening) >= TRANSCRIPT_TURNS:  # a transcript: each turn is its speaker's own words
        out = [replace(c, kind="direct") if opens and c.kind == "indirect" else c for c, opens in zip(out, opening)]
    return out


MAX_QUOTE_TAIL = 600  # characters a content may grow by to close a quotation it opened


def classify(text: str, cand: Candidate, quotes: list[Quote]) -> Candidate:
    """direct / mixed / indirect from how the content overlaps quotation marks."""
    if cand.kind in ("belief", "question"):
        return cand
    inner = _overlapping_quotes(quotes, cand.content.start, cand.content.end)
    if not inner:
        return cand
    # a cut never leaves a quotation open: 'he wanted "solutions that include X, Y and Z"'
    # runs to the closing mark, within the paragraph
    last = max(inner, key=lambda q: q.close)
    c = cand.content
    if c.start <= last.open < c.end <= last.close and "\n" not in text[c.end:last.close] \
            and last.close - c.end <= MAX_QUOTE_TAIL:
        extended = span(text, c.start, last.close + last.width)
        if extended is not None:
            cand = replace(cand, content=extended)
    for q in inner:  # the content lies inside one quotation: snap to it
        if q.open - 1 <= cand.content.start and cand.content.end <= q.close + 2:
            if cand.rule == "colon" and "\n" in text[q.start:q.end]:
                # a transcript quoted over several paragraphs: each "NAME: ..." turn is its own
                return replace(cand, kind="direct", confidence=max(cand.confidence, 0.85))
            content = span(text, q.start, q.end) or cand.content
            return replace(cand, kind="direct", content=content, confidence=max(cand.confidence, 0.85))
    outside = text[cand.content.start:cand.content.end]
    for q in sorted(inner, key=lambda q: -q.start):  # the words outside the quotation marks
        a, b = max(q.open, cand.content.start) - cand.content.start, min(q.close + q.width, cand.content.end) - cand.content.start
        if a < b:
            outside = outside[:a] + " " + outside[b:]
    words_outside = re.findall(r"\w[\w’'\-]*", outside)
    # 'that "..."' is a direct quote; 'Berlin "will not sign ..."' is not all the speaker's words
    direct = not words_outside or (len(words_outside) == 1 and words_outside[0].lower() in LINKING_WORDS)
    return replace(cand, kind="direct" if direct else "mixed")


LINKING_WORDS = {"that", "and", "but", "or", "so", "as", "because", "while", "if", "whether", "to"}


# "called for X", "spoke briefly about X": the preposition belongs to the cue. Not "to": PolNeAR
# keeps it with the content as often as not ("threatened | to impose").
CUE_PARTICLES = re.compile(r"(?:for|about|on|of|over|against|with|into|at|from|upon)\s+", re.I)


# "said on Wednesday it saw no basis": a day the parser hangs on the reported clause
WHEN_AFTER_CUE = re.compile(rf"(?:on|in|at|during)\s+(?:{DAY_RE}(?:\s+(?:morning|afternoon|evening|night))?|"
                            rf"{MONTH_RE}(?![a-z])(?:\s+\d{{1,2}})?(?:,\s+\d{{4}})?)\s*,?\s+(?:that\s+)?")


def cue_takes_its_particle(text: str, cand: Candidate) -> Candidate:
    """A content that opens with the preposition its cue governs gives it to the cue ('called
    for | more money'), as PolNeAR's annotators do."""
    if cand.cue is None or cand.kind == "direct" or not cand.cue.end <= cand.content.start + 4:
        return cand
    m = CUE_PARTICLES.match(text, cand.content.start)
    if m is None or m.end() >= cand.content.end:
        return cand
    when = WHEN_AFTER_CUE.match(text, cand.content.start)
    if when is not None and when.end() < cand.content.end:  # "said on | Wednesday it saw ...": when, not what
        content = span(text, when.end(), cand.content.end)
        return replace(cand, content=content) if content is not None else cand
    gap = text[cand.cue.end:cand.content.start]
    if cand.cue.end > cand.content.start:  # the cue already holds it ("comment on | on X")
        if text[cand.content.start:cand.cue.end].strip().lower() != m.group(0).strip().lower():
            return cand
    elif not re.fullmatch(r"\s*(?:[a-z]+ly\s+)?", gap) and not WHEN_AFTER_CUE.fullmatch(gap.strip() + " "):
        return cand  # at most an adverb between ("spoke briefly about"), or a day ("called on Wednesday for")
    content = span(text, m.end(), cand.content.end)
    if content is None:
        return cand
    cue = Span.of(text, cand.cue.start, max(cand.cue.end, m.start() + len(m.group(0).rstrip())))
    return replace(cand, content=content, cue=cue)


PERSONAL = {"he", "she", "they", "i", "we"}
SUBORDINATE = {"relcl", "acl", "advcl", "amod", "pcomp", "pobj", "csubj", "xcomp"}


def quotative_frame(parsed: Parsed, open_at: int) -> tuple[Span, Span] | None:
    """(cue, source) when a quotation opens right after 'Subject verb [particle],' or ':'
    ("Jones shot back, "...", "The mayor fired back:"): a main verb ending its clause there
    introduces the quotation even when no lexicon knows it as a reporting verb; a relative
    clause does not ("the code the family embodied: ...")."""
    text = parsed.document.text
    k = open_at  # the last character before the mark, spaces aside
    while k > 0 and text[k - 1].isspace():
        k -= 1
    last = parsed.words_at(k - 1, k) if k > 0 else None
    if last is None:
        return None
    pb = parsed.block_at(k - 1)
    before = list(last.doc[max(0, last[-1].i - 3):last[-1].i + 1])
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


SAID_TAGS = {"VBD", "VBZ", "VBP", "VBN"}  # past, present; "barked" after a name is often read as VBN


def _speaker_chunk(toks: list) -> int:
    """How many of ``toks`` make a speaker: a personal pronoun, a run of names ('Mr. Roe'), or a
    determiner and up to three words ending in a noun ('the angry crowd'); 0 if none."""
    if not toks:
        return 0
    if toks[0].lower_ in PERSONAL:
        return 1
    if toks[0].pos_ == "PROPN":
        n = 0
        while n < len(toks) and toks[n].pos_ == "PROPN":
            n += 1
        return n
    if toks[0].pos_ == "DET" and toks[0].lower_ in ("the", "a", "an", "one", "another"):
        n = 1
        while n < min(len(toks), 5) and toks[n].pos_ in ("ADJ", "NOUN", "PROPN"):
            n += 1
        return n if n > 1 and toks[n - 1].pos_ in ("NOUN", "PROPN") else 0
    return 0


def _past_apposition(toks: list, n: int) -> int:
    """Where the speaker's words end when an apposition set off by commas follows the name
    ('Roe, an analyst who founded the site, | tweeted'): after the second comma, if a verb of
    the right form comes next; else ``n`` unchanged."""
    if n >= len(toks) or toks[n].text != ",":
        return n
    close = next((k for k in range(n + 2, min(len(toks), n + 22)) if toks[k].text == ","), None)
    if close is None or close + 1 >= len(toks):
        return n
    k = close + 1 + (toks[close + 1].pos_ == "ADV")
    if k < len(toks) and toks[k].pos_ == "VERB" and toks[k].tag_ in SAID_TAGS \
            and not any(t.text in QUOTE_MARKS for t in toks[n:close]):
        return close + 1
    return n


QUOTE_MARKS = set(QUOTES_AND_SPACE) - {" "}


def trailing_frame(parsed: Parsed, quote: Quote) -> tuple[Span, Span] | None:
    """(cue, source) when a quotation that opens its sentence closes on a comma, '!' or '?'
    and the words right after it are a speaker and a verb, either way round ('“Go back,” Roe
    barked', '“No!” the crowd cried out', '“Why?” asked Lee'): that frame makes the verb a
    verb of saying, whatever a lexicon knows of it. Read from the words' tags, since the
    parser often hangs such a frame on the quotation in odd ways."""
    text = parsed.document.text
    inside = text[quote.start:quote.end].rstrip()
    after = quote.close + quote.width
    british = re.match(r",[ \t]", text[after:after + 2]) is not None  # ‘...’, he said
    if not inside or (inside[-1] not in ",!?" and not british):
        return None
    k = after + 1 if british else after
    while k < len(text) and text[k] in " \t":
        k += 1
    first = parsed.words_at(k, k + 1)
    if first is None:
        return None
    pb = parsed.block_at(k)
    t0 = first[0]
    toks = [t for t in t0.doc[t0.i:t0.i + 30] if t.sent == t0.sent]
    n = _speaker_chunk(toks)
    if n:  # '“...,” Roe (angrily) barked', '“...,” Roe, an analyst at the firm, tweeted'
        n = _past_apposition(toks, n)
        v = n + (n < len(toks) and toks[n].pos_ == "ADV")
        if v >= len(toks) or toks[v].pos_ != "VERB" or toks[v].tag_ not in SAID_TAGS:
            return None
        verb, speaker = toks[v], toks[:n]
    elif toks[0].pos_ == "VERB" and toks[0].tag_ in ("VBD", "VBZ", "VBP"):  # '“...?” asked Lee'
        n = _speaker_chunk(toks[1:])
        if not n:
            return None
        verb, speaker = toks[0], toks[1:1 + n]
    else:
        return None
    nxt = t0.doc[verb.i + 1] if verb.i + 1 < len(t0.doc) else None
    cue_end = nxt if nxt is not None and nxt.tag_ == "RP" else verb  # "cried out", "shot back"
    source = span(text, *token_range(pb, speaker))
    cue = Span.of(text, pb.char(verb), pb.char(cue_end) + len(cue_end.text))
    return (cue, source) if source is not None else None


__all__ = ["Candidate", "Lexicon", "lexicon", "cue_candidates", "noun_cue_candidates",
           "colon_candidates", "classify", "span", "quotative_frame", "trailing_frame", "cue_takes_its_particle"]

"""Parsing a document with spaCy, block by block, keeping offsets into the document."""
from __future__ import annotations

import bisect
import itertools
import multiprocessing
import os
import re
import sys
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Iterator, TypeVar

from threadpoolctl import threadpool_limits

from .model import Block, Document

MAX_BLOCK_CHARS = 20_000  # longer blocks are cut at sentence-like boundaries


@dataclass
class ParsedBlock:
    offset: int  # character offset of the block in the document text
    kind: str
    doc: object  # spacy.tokens.Doc

    def char(self, token_or_idx) -> int:
        idx = token_or_idx if isinstance(token_or_idx, int) else token_or_idx.idx
        return self.offset + idx

    @property
    def length(self) -> int:
        """Characters of the block's text; ``len(doc.text)`` would join every token's text."""
        last = self.doc[-1] if len(self.doc) else None
        return last.idx + len(last.text_with_ws) if last is not None else 0


@dataclass
class Parsed:
    document: Document
    blocks: list[ParsedBlock]

    def sentences(self) -> Iterator[tuple[ParsedBlock, object]]:
        for pb in self.blocks:
            for sent in pb.doc.sents:
                yield pb, sent

    @cached_property
    def _offsets(self) -> list[int]:
        return [pb.offset for pb in self.blocks]  # blocks come in document order

    def block_at(self, pos: int) -> ParsedBlock | None:
        """The parsed block holding document offset ``pos``, or None where none was parsed."""
        i = bisect.bisect_right(self._offsets, pos) - 1
        if i < 0 or pos >= self.blocks[i].offset + self.blocks[i].length:
            return None
        return self.blocks[i]

    def words_at(self, start: int, end: int):
        """The parsed words (a spaCy Span) covering document offsets start..end within one
        block, or None where that block was not parsed."""
        pb = self.block_at(start)
        if pb is None:
            return None
        words = pb.doc.char_span(start - pb.offset, min(end - pb.offset, pb.length), alignment_mode="expand")
        return words if words is not None and len(words) else None


def _pieces(text: str, block: Block) -> Iterator[Block]:
    """Cut very long blocks (a 50 MB line) into bounded pieces so parsing stays linear."""
    start = block.start
    while block.end - start > MAX_BLOCK_CHARS:
        window = text[start:start + MAX_BLOCK_CHARS]
        cut = max(window.rfind(". "), window.rfind("\n"))
        cut = cut + 1 if cut > MAX_BLOCK_CHARS // 2 else MAX_BLOCK_CHARS
        yield Block(start, start + cut, block.kind)
        start += cut
        while start < block.end and text[start].isspace():
            start += 1
    if start < block.end:
        yield Block(start, block.end, block.kind)


def document_blocks(doc: Document) -> list[Block]:
    blocks = list(doc.blocks) or [Block(0, len(doc.text))]
    return [p for b in blocks for p in _pieces(doc.text, b)]


# Components the statement rules do not need in full. NER runs later on speaker mentions
# only (actors.People); coarse POS comes from the tagger's fine tags through a table instead
# of the attribute ruler's matcher; lemmas are made for verbs only. Together this cuts
# parsing time by about 60 %.
SKIPPED_PIPES = ("ner", "lemmatizer", "attribute_ruler")
LEMMA_POS = {"VERB", "AUX"}
PARALLEL_MIN_BLOCKS = 400  # below this, starting worker processes costs more than it saves
PARALLEL_MIN_CHARS = 100_000  # the same threshold for map_parsed, in characters of input
CHUNK_CHARS = 20_000  # documents go to a worker in chunks of about this much text
MAX_AUTO_PROCESSES = 4
TAG_POS = {
    "$": "SYM", "``": "PUNCT", "''": "PUNCT", ",": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT",
    ".": "PUNCT", ":": "PUNCT", "ADD": "X", "AFX": "ADJ", "CC": "CCONJ", "CD": "NUM", "DT": "DET",
    "EX": "PRON", "FW": "X", "HYPH": "PUNCT", "IN": "ADP", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
    "LS": "X", "MD": "AUX", "NFP": "PUNCT", "NN": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
    "NNS": "NOUN", "PDT": "DET", "POS": "PART", "PRP": "PRON", "PRP$": "PRON", "RB": "ADV",
    "RBR": "ADV", "RBS": "ADV", "RP": "ADP", "SYM": "SYM", "TO": "PART", "UH": "INTJ", "VB": "VERB",
    "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "WDT": "PRON",
    "WP": "PRON", "WP$": "PRON", "WRB": "ADV", "XX": "X", "_SP": "SPACE", "SP": "SPACE",
}
BE_FORMS = {"be", "is", "am", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re", "'m", "’m"}
AUXILIARIES = BE_FORMS | {"have", "has", "had", "having", "'ve", "’ve", "'d", "’d", "do", "does",
               "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
               "'ll", "’ll", "ca", "wo"}


def fill_attributes(sdoc, lemmatizer) -> None:
    """Coarse POS for every token from its fine tag; lemmas for verbs only (the cue rules
    look up verb lemmas and nothing else)."""
    for tok in sdoc:
        pos = TAG_POS.get(tok.tag_, "X")
        if pos == "VERB" and tok.lower_ in AUXILIARIES:
            pos = "AUX"
        tok.pos_ = pos
        if lemmatizer is not None and pos in LEMMA_POS:
            tok.lemma_ = verb_lemma(tok, lemmatizer)


SHORT_VOWEL_END = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$")


def verb_lemma(tok, lemmatizer) -> str:
    """The lemma of a verb, without the attribute ruler's morphology: a base form ("need",
    "bring", "proceed" tagged VB or VBP) is its own lemma, where the rules alone would cut it
    to "nee" or "bre"; and of two readings "hop" and "hope" for "hoped", the spelling decides
    (a short vowel would have doubled its consonant: "hopped"; "retweeted" is no "retweete"),
    where the rules take the first."""
    if tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBP"):
        return tok.lower_
    forms = lemmatizer.rule_lemmatize(tok)
    stems = set(forms)
    for form in forms:
        if form + "e" in stems:
            return form + "e" if SHORT_VOWEL_END.search(form) else form
    return forms[0]


def repair_asked_aside(sdoc) -> None:
    """"Roe, asked about the deal, said it was dead": the small parser makes Roe the subject of
    'asked' (and 'asked' the root, or a clause 'said' reports). Put right, Roe is the subject
    of 'said' and the aside hangs on it, as the parser does for "The minister, asked whether ..."."""
    if "asked" not in sdoc.text:
        return
    for sent in list(sdoc.sents):
        toks = list(sent)
        for k, tok in enumerate(toks):
            if tok.lower_ != "asked" or tok.tag_ not in ("VBN", "VBD") or k < 2:
                continue
            j = k - 2 if toks[k - 1].lower_ == "when" else k - 1
            lead = toks[:j]
            if j < 1 or toks[j].text != "," or any(t.text in ",;:" or t.pos_ in ("VERB", "AUX") for t in lead):
                continue  # only a sentence-opening subject, no clause of its own: "Roe, asked ..."
            heads = [t for t in lead if t.head == t or t.head not in lead]
            comma = next((c for c in range(k + 1, len(toks) - 1)
                          if toks[c].text == "," and toks[c + 1].tag_ in ("VBD", "VBZ", "VBP")), None)
            if len(heads) != 1 or comma is None:
                continue
            main = toks[comma + 1]
            if main.head != main:
                main.head = main
            tok.head, tok.dep_ = main, "advcl"
            heads[0].head, heads[0].dep_ = main, "nsubj"
            toks[comma].head = main  # the aside's closing comma is no part of the subject
            main.dep_ = "ROOT"
            if toks[-1].dep_ == "punct" and toks[-1].head == tok:
                toks[-1].head = main
            break


def repair_verb_read_as_modifier(sdoc) -> None:
    """"Chuck Schumer, a Democrat, called on Republicans to ...", "The statement, issued late on
    Friday, called the attack cowardly": the small parser may read the sentence as a noun
    phrase, its verb a past tense modifying the name (acl). A verb in the past tense (VBD)
    right after the apposition's (or a participle aside's) closing comma is the sentence's own verb."""
    for sent in sdoc.sents:
        root = sent.root
        if root.pos_ not in ("PROPN", "NOUN") or any(c.dep_ == "nsubj" for c in root.children):
            continue
        verb = next((c for c in root.children if c.dep_ == "acl" and _finite_or_taking_object(c) and c.i > root.i
                     and sdoc[c.i - 1].text == "," and sdoc[c.i - 1].head == root), None)
        if verb is None or not any(c.i < verb.i and (c.dep_ == "appos" or _participle_aside(c)) for c in root.children):
            continue
        for tok in sent:
            if tok.head == root and tok.i > verb.i:  # the closing full stop, and "strong" in 'called X "strong"'
                tok.head = verb
                if tok.dep_ == "amod":
                    tok.dep_ = "oprd"
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"


def _participle_aside(tok) -> bool:
    """', issued by the presidency late on Friday,': a participle set off by commas after a noun."""
    doc = tok.doc
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") and tok.left_edge.i > 0 \
        and doc[tok.left_edge.i - 1].text == "," and tok.right_edge.i + 1 < len(doc) and doc[tok.right_edge.i + 1].text == ","


def _finite_or_taking_object(verb) -> bool:
    """A past tense, or a participle with an object of its own ('called the plan "a disaster"'):
    a participle modifying a noun ('Jane Roe, a farmer, arrested last week') takes none."""
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ in ("dobj", "oprd", "ccomp", "dative") and c.i > verb.i for c in verb.children)


CALL_FOR_VERBS = {"call", "push", "press", "plead", "appeal", "lobby", "beg", "clamor", "clamour", "ask", "argue"}


def repair_call_for_clause(sdoc) -> None:
    """'The prince called for Trump to drop out': the small parser may read 'for' as the mark of
    an adverbial clause, which leaves the verb with nothing called for. 'for' right after such
    a verb is its preposition, and the clause is what it calls for."""
    for clause in sdoc:
        if clause.dep_ != "advcl" or clause.head.lemma_.lower() not in CALL_FOR_VERBS:
            continue
        verb = clause.head
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
        if mark is None or mark.i != verb.i + 1 or clause.i < mark.i:
            continue
        mark.head, mark.dep_ = verb, "prep"
        clause.head, clause.dep_ = mark, "pcomp"


def repair_trailing_report(sdoc) -> None:
    """"An official said the convoy was recalled, the Courier reported": the small parser may
    hang the closing attribution under the first verb, as one more thing the official said.
    A report after a comma with its own subject, ending the sentence and taking no clause of
    its own, holds the first report."""
    for sent in sdoc.sents:
        first = sent.root
        if first.lower_ not in REPORTED:
            continue
        for tok in first.children:
            if tok.dep_ != "ccomp" or tok.lower_ not in REPORTED or tok.i < first.i \
                    or any(c.dep_ == "ccomp" for c in tok.children):
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            said_first = [c for c in first.children if c.dep_ == "ccomp" and first.i < c.i < tok.i]
            if subject is None or not said_first or sdoc[subject.left_edge.i - 1].text != "," \
                    or any(not t.is_punct for t in sdoc[tok.right_edge.i + 1:sent.end]):
                continue
            _report_holds(sent, first, tok, subject)
            break


def _report_holds(sent, first, tok, subject) -> None:
    """Make the closing report ``tok`` the sentence's root, holding the clause ``first``, with
    the comma before its subject and the closing stop its own."""
    for t in sent:
        if t.head == first and t.dep_ == "punct" and t.i > tok.i or t.i == subject.left_edge.i - 1:
            t.head = tok
    tok.head, tok.dep_ = tok, "ROOT"
    first.head, first.dep_ = tok, "ccomp"


def repair_report_read_as_conjunct(sdoc) -> None:
    """"Troops will stay, Defense Secretary Ann Roe told a Senate panel Wednesday": after a long
    clause the small parser may join the closing report to it as one more event (conj), with no
    'and' between them. A report after a comma with its own subject, no conjunction, no clause
    of its own and nothing after it but its object or a time holds the clause before it. So
    does one read as an adverbial clause with no mark ("Deficits will rise, sooner than
    expected, the budget office reported on Tuesday -- a development that ...")."""
    for sent in sdoc.sents:
        first = sent.root
        for tok in first.children:
            if tok.dep_ not in ("conj", "advcl") or tok.lower_ not in REPORTED or tok.i < first.i \
                    or any(c.dep_ in ("ccomp", "xcomp", "conj", "mark") for c in tok.children):
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            after = sdoc[tok.right_edge.i + 1:sent.end]
            dash = next((t.i for t in sdoc[tok.i + 1:sent.end] if t.text in ("--", "—", "–")), sent.end)
            if subject is None or sdoc[subject.left_edge.i - 1].text != "," \
                    or any(c.dep_ == "cc" and first.i < c.i < tok.i for c in first.children) \
                    or any(t.head.i < subject.left_edge.i and not t.is_punct for t in after if t.i < dash):
                continue  # (after a dash, the writer's comment on it: "-- a development that ...")
            _report_holds(sent, first, tok, subject)
            break


TOLD_VERBS = {"tell", "inform", "assure", "remind", "warn", "brief"}  # with their listener given
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
ANONYMOUS_ASIDE = re.compile(r"\b(?:anonymity|anonymously|not (?:be )?(?:named|identified|authori[sz]ed))\b", re.I)
TELLING = TOLD_VERBS | {"notify", "convince", "persuade"}


def repair_told_clause_read_as_relative(sdoc) -> None:
    """"Chen told a Senate hearing that the Pentagon was reviewing its posture": the small
    parser may read the clause as a relative clause of the listener ("a hearing that ...").
    A clause opening with "that" as its mark, with a subject of its own, after the object of
    a verb of telling, is what was told."""
    for tok in sdoc:
        if tok.lemma_.lower() not in TELLING or tok.pos_ not in ("VERB", "AUX"):
            continue
        for heard in [c for c in tok.children if c.dep_ in ("dobj", "dative")]:
            for clause in list(heard.children):
                if clause.dep_ in ("acl", "relcl") and clause.i > heard.i \
                        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i for m in clause.children) \
                        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                    clause.head, clause.dep_ = tok, "ccomp"


def repair_inverted_aside(sdoc) -> None:
    """"The real danger, said the general, is a wider war": the small parser may take the
    clause's subject for the speaker's and the speaker for the clause's. A report right after
    a comma, then a noun phrase with no verb of its own up to a comma, then a finite verb: the
    noun phrase speaks, and the report is an aside in the clause around it, as the parser
    reads "The real danger, he said, is a wider war"."""
    for sent in sdoc.sents:
        toks = list(sent)
        for k, verb in enumerate(toks):
            if verb.lower_ not in ASIDE_REPORTS or verb.tag_ not in ("VBD", "VBZ", "VBP") or k < 2 \
                    or toks[k - 1].text != ",":
                continue
            close = next((j for j in range(k + 2, len(toks) - 1) if toks[j].text == ","
                          and toks[j + 1].tag_ in FINITE_TAGS | {"RB"}), None)
            if close is None:
                continue
            phrase, lead = toks[k + 1:close], toks[:k - 1]
            main = next((t for t in toks[close + 1:close + 3] if t.tag_ in FINITE_TAGS), None)
            relative = next((t.i for t in phrase if t.lower_ in ("who", "whom", "which", "that")), None)
            if relative is not None and not ANONYMOUS_ASIDE.search(sdoc[relative:phrase[-1].i + 1].text):
                relative = None  # only "an official who spoke on condition of anonymity": how the source spoke
            own = [t for t in phrase if relative is None or t.i < relative]  # the aside's own verb aside
            if main is None or any(t.tag_ in FINITE_TAGS for t in own + lead) \
                    or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in phrase) \
                    or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in lead):
                continue
            if main.tag_ == "MD":  # "would read": the clause's verb is the one the modal helps
                main = main.head if main.head.i > main.i and main.head in sent else main
            speaker = [t for t in phrase if t.head not in phrase]
            subject = [t for t in lead if t.head not in lead]
            if len(speaker) != 1 or not subject:
                continue
            root = sent.root
            for t in sent:  # what hung on the report outside the aside is the clause's
                if t.head == verb and t not in phrase and t.i not in (k - 1, close) and t != verb:
                    t.head = main
            if root == verb or main.head == main or verb.i <= main.head.i <= close:
                main.head, main.dep_ = main, "ROOT"
            elif root != main:
                continue
            verb.head, verb.dep_ = main, "parataxis"
            speaker[0].head, speaker[0].dep_ = verb, "nsubj"
            toks[k - 1].head, toks[close].head = verb, verb
            head = subject[-1]
            head.head, head.dep_ = main, "nsubj"
            for t in subject[:-1]:  # an opening circumstance ("In Kabul,") stays on the clause
                t.head = main
            break


REPORTED = {"said", "says", "told", "tells", "added", "adds", "noted", "notes", "warned", "warns", "insisted",
            "insists", "stressed", "stresses", "argued", "argues", "announced", "announces", "wrote", "writes",
            "reported", "reports"}
ASIDE_REPORTS = REPORTED | {"say"}  # "..., say experts, ..." too


def repair_coordinated_report(sdoc) -> None:
    """"Roe said the deal was dead, and spokesman Ken Lee said talks would go on": the small
    parser may hang the second 'said' under the first, as if Roe reported Lee's words. After
    ", and" (or ", but") opening its subject, the second report is the first one's conjunct; so
    is any clause there when the first verb already has what it says ("Roe called the vote
    'rigged', and lawmakers have called for an inquiry")."""
    for tok in sdoc:
        head = tok.head
        if tok.dep_ != "ccomp" or head.i > tok.i or head.pos_ not in ("VERB", "AUX"):
            continue
        said_already = any(c.dep_ in ("ccomp", "dobj", "oprd", "xcomp") and c.i < tok.i for c in head.children)
        if not (tok.lower_ in REPORTED and head.lower_ in REPORTED or said_already):
            continue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        if subject is None:
            continue
        start = subject.left_edge.i
        if start < 2 or sdoc[start - 1].lower_ not in ("and", "but") or sdoc[start - 2].text != ",":
            continue
        sdoc[start - 1].head, sdoc[start - 1].dep_ = head, "cc"
        sdoc[start - 2].head, sdoc[start - 2].dep_ = head, "punct"
        tok.head, tok.dep_ = head, "conj"


PASSIVE_WITH_CLAUSE = {"tell", "ask", "warn", "urge", "inform", "assure", "remind", "press", "beg"}  # "she's told that ..."


def repair_perfect_read_as_passive(sdoc) -> None:
    """"While he's said he'll fight on", "Graham, who's called for more troops": the small
    parser may read "'s" as "is" and the report as a passive. A passive report takes no
    clause of its own with a subject, and no "for" of a call; with one, "'s" is "has"."""
    for verb in sdoc:
        if verb.tag_ not in ("VBN", "VBD") or verb.lemma_.lower() not in REPORT_LEMMAS | CALL_FOR_VERBS \
                or verb.lemma_.lower() in PASSIVE_WITH_CLAUSE:
            continue
        aux = next((c for c in verb.children if c.dep_ == "auxpass" and c.lower_ in ("'s", "’s")), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if aux is None or subject is None or subject.lower_ in ("it", "there", "this", "that"):
            continue
        takes = any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children) \
            or verb.lemma_.lower() in CALL_FOR_VERBS and any(c.dep_ == "prep" and c.lower_ == "for" and c.i == verb.i + 1
                                                              for c in verb.children)
        if takes:
            aux.dep_, subject.dep_ = "aux", "nsubj"


NAMING = {"called", "named", "dubbed", "titled"}


def repair_name_read_as_report(sdoc) -> None:
    """"A super PAC called Our Principles is ramping up": the small parser may read 'called' as
    the sentence's verb and the rest as what the PAC called out. A clause with no subject
    after 'called Name' is the sentence's own, and 'called Name' names its subject."""
    for verb in sdoc:
        if verb.lower_ not in NAMING:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        name = next((c for c in verb.children if c.dep_ in ("oprd", "dobj") and c.i > verb.i), None)
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and name is not None and c.i > name.i
                       and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)), None)
        if subj is None or clause is None or name.pos_ != "PROPN" or name.left_edge.i != verb.i + 1 \
                or clause.left_edge.i != name.right_edge.i + 1:
            continue
        root = verb.head == verb
        clause.head, clause.dep_ = (clause, "ROOT") if root else (verb.head, verb.dep_)
        for t in list(verb.children):
            if t.dep_ == "punct" and t.i > clause.i:
                t.head = clause
        subj.head, subj.dep_ = clause, "nsubj"
        verb.head, verb.dep_ = subj, "acl"


def repair_report_joined_to_reported_clause(sdoc) -> None:
    """"Roe said he makes $41,000 a year and questioned how ...": the small parser may join the
    second report to the reported clause, as if "he" questioned. A past-tense report with no
    subject of its own, joined to a present-tense clause that a past-tense report holds, is
    that outer report's conjunct: the speaker did both."""
    for tok in sdoc:
        clause = tok.head
        if tok.dep_ != "conj" or tok.tag_ != "VBD" or tok.lemma_.lower() not in REPORT_LEMMAS | {"question", "deny", "criticize"} \
                or clause.dep_ != "ccomp" or clause.tag_ not in ("VBZ", "VBP") or clause.i > tok.i \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue
        outer = clause.head
        if outer.tag_ != "VBD" or outer.lemma_.lower() not in REPORT_LEMMAS or outer.i > clause.i:
            continue
        for c in clause.children:
            if c.dep_ == "cc" and clause.i < c.i < tok.i:
                c.head = outer
        tok.head = outer


def repair_report_hung_on_its_aside(sdoc) -> None:
    """"She told him, one of the officials said, that delays would raise costs": the small
    parser may hang the 'that' clause on the aside's verb. A clause opening with 'that' right
    after an aside between commas, itself right after a verb of telling and its listener, is
    what was told; the aside says who relayed it."""
    for aside in sdoc:
        told = aside.head
        if aside.dep_ != "parataxis" or aside.lower_ not in ASIDE_REPORTS or told.i > aside.i \
                or told.lemma_.lower() not in TELLING or aside.left_edge.i < 2 \
                or "," not in (sdoc[aside.left_edge.i].text, sdoc[aside.left_edge.i - 1].text):
            continue
        clause = next((c for c in aside.children if c.dep_ == "ccomp" and c.i > aside.i
                       and sdoc[c.left_edge.i].lower_ == "that" and sdoc[c.left_edge.i - 1].text == ","), None)
        if clause is None or any(t.i > told.i and t.dep_ in ("ccomp", "xcomp") for t in told.children):
            continue
        sdoc[clause.left_edge.i - 1].head = aside
        clause.head, clause.dep_ = told, "ccomp"


def repair_infinitive_list_read_as_adverbial(sdoc) -> None:
    """"said the money was needed to develop a vaccine, educate the public and learn more": the
    small parser may hang the second infinitive of a list on the reporting verb (advcl), which
    cuts the reported words at the comma. A bare infinitive right after a comma that closes a
    'to' infinitive is the next item of its list."""
    for tok in sdoc:
        if tok.dep_ != "advcl" or tok.tag_ != "VB" or tok.i < 3 or sdoc[tok.i - 1].text != "," \
                or any(c.dep_ in ("aux", "mark", "nsubj", "nsubjpass") and c.i < tok.i for c in tok.children):
            continue
        first = sdoc[tok.i - 2]
        while first.head.i < tok.i and first.head != first and not (first.tag_ == "VB" and first.dep_ == "xcomp"):
            first = first.head
        if first.tag_ != "VB" or first.dep_ != "xcomp" or first.right_edge.i != tok.i - 2 \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children) or first.i < tok.head.i:
            continue
        sdoc[tok.i - 1].head = first
        tok.head, tok.dep_ = first, "conj"


def repair_purpose_read_as_report(sdoc) -> None:
    """'..., he said, on condition of anonymity to discuss the talks': the small parser hangs
    the infinitive on the reporting verb, as if it were what was said. An infinitive right
    after 'anonymity' or 'anonymously' is why the source asked not to be named: it modifies
    that word."""
    for tok in sdoc:
        if tok.dep_ not in ("xcomp", "advcl") or tok.tag_ != "VB" or tok.left_edge.i < 1 \
                or sdoc[tok.left_edge.i].lower_ != "to":
            continue
        before = sdoc[tok.left_edge.i - 1]
        if before.lower_ in ("anonymity", "anonymously") and before.head.i != tok.i:
            tok.head, tok.dep_ = before, "acl"


QUOTE_CLOSERS = {'"', "”", "''", "’"}


QUOTE_OPENING = {'"', "“", "``", "‘", "«"}
SHOUTED = REPORTED | {"yelled", "shouted", "screamed", "cried", "asked", "replied", "answered", "declared", "tweeted"}


def repair_report_before_quote_read_as_modifier(sdoc) -> None:
    """'..., a man yelled “Stay there!”': the small parser may read the verb as a modifier of
    the noun before it (acl) and make that noun the subject of the quoted words. A verb of
    saying in the past or present tense, right before an opening quote mark, whose noun is
    the subject of a verb inside that quotation, is the speaker's verb; the quotation is what
    it reports."""
    for verb in sdoc:
        if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBZ") or verb.lower_ not in SHOUTED \
                or verb.i + 1 >= len(sdoc) or sdoc[verb.i + 1].text not in QUOTE_OPENING:
            continue
        noun, quoted = verb.head, verb.head.head
        if noun.dep_ != "nsubj" or quoted.i <= verb.i + 1 or noun.i > verb.i:
            continue
        verb.head, verb.dep_ = (verb, "ROOT") if quoted.head == quoted else (quoted.head, quoted.dep_)
        for tok in list(quoted.children):
            if tok.i < noun.left_edge.i or (tok.dep_ == "punct" and tok.i > quoted.right_edge.i):
                tok.head = verb  # what opened the sentence, and its closing full stop, are the report's
        noun.head, noun.dep_ = verb, "nsubj"
        quoted.head, quoted.dep_ = verb, "ccomp"


OBJECT_AS_SUBJECT_VERBS = {"say", "add", "note", "insist", "argue", "claim", "believe", "think", "suggest",
                            "acknowledge", "admit", "report", "write", "predict", "stress", "contend", "estimate"}


def repair_subject_read_as_object(sdoc) -> None:
    """'Donors said their networks, once mostly men, were now mostly women': the small parser
    may take the clause's subject for the reporting verb's object and leave the clause with
    no subject. A finite clause reported by a verb that takes no object of its own, with no
    subject and an object of that verb just before it, has that object as its subject."""
    for verb in sdoc:
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if lemma not in OBJECT_AS_SUBJECT_VERBS and lemma not in TOLD_VERBS:
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
        if lemma in OBJECT_AS_SUBJECT_VERBS:
            obj = next((c for c in objects if c.dep_ == "dobj"), None)
        elif lemma in TOLD_VERBS and objects and objects[-1].dep_ == "dobj":
            obj = objects[-1]  # "told reporters the talks, he said, were over": the listener comes first
        else:
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and obj is not None and c.i > obj.right_edge.i), None)
        if clause is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass") for c in clause.children) \
                or not (clause.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                                         for c in clause.children if c.i < clause.i)) \
                or any(c.dep_ == "mark" for c in clause.children):
            continue
        passive = any(c.dep_ == "auxpass" for c in clause.children)
        for tok in list(verb.children):
            if obj.right_edge.i < tok.i < clause.left_edge.i and tok.dep_ != "punct":
                tok.head = clause  # "..., once mostly men until a few years ago, were": the clause's
        obj.head, obj.dep_ = clause, "nsubjpass" if passive else "nsubj"


def repair_participle_read_as_clause_subject(sdoc) -> None:
    """'Activists clamoring to block him say they ...': the small parser may read a noun and the
    participle after it as a clause that is the sentence's subject (csubj). The noun is the
    subject, the participle phrase describes it."""
    for verb in sdoc:
        if verb.dep_ != "csubj" or verb.tag_ != "VBG" or verb.head.i <= verb.i:
            continue
        noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.i != verb.i - 1:
            continue
        head = verb.head
        for tok in list(verb.children):
            if tok.i < noun.left_edge.i:
                tok.head = head  # "But" opening the sentence is the main verb's
        noun.head, noun.dep_ = head, "nsubj"
        verb.head, verb.dep_ = noun, "acl"


REPORT_LEMMAS = {"say", "tell", "add", "note", "warn", "insist", "stress", "argue", "announce", "write", "report",
                 "explain", "claim", "suggest", "urge", "call", "ask", "reply", "vow", "promise", "predict"}


def repair_clause_continued_past_aside(sdoc) -> None:
    """'He had no links, the airline added, and had passed all checks': the small parser may
    join the second half of the clause to the aside's verb, as one more thing the airline
    did. A verb after the aside with no subject of its own, and no report itself, goes on
    with the clause the aside comments on; a report after it ("..., she said, and added that
    ...") is the aside speaker's."""
    for aside in sdoc:
        if aside.dep_ != "parataxis" or aside.lower_ not in ASIDE_REPORTS or aside.head.i > aside.i \
                or not any(c.dep_ == "nsubj" for c in aside.children):
            continue
        for conj in [c for c in aside.children if c.dep_ == "conj" and c.i > aside.i]:
            if conj.pos_ not in ("VERB", "AUX") or conj.lemma_.lower() in REPORT_LEMMAS \
                    or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
                continue
            head = aside.head
            for tok in list(aside.children):
                if tok.i > aside.i and (tok.dep_ == "cc" and tok.i < conj.i or tok.dep_ == "punct" and tok.i > conj.right_edge.i):
                    tok.head = head if tok.dep_ == "punct" else conj  # "and" joins the two halves; the stop ends the clause
            conj.head = head
        for conj in [c for c in aside.head.children if c.dep_ == "conj" and c.i > aside.i]:
            # "The talks will resume, she said, and added that ...": the other way round, a report
            # with words of its own and no subject is the aside speaker's next report
            if conj.lemma_.lower() in REPORT_LEMMAS and any(c.dep_ == "ccomp" for c in conj.children) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
                for tok in list(aside.head.children):
                    if tok.dep_ == "cc" and aside.right_edge.i < tok.i < conj.i:
                        tok.head = aside
                conj.head = aside


def repair_speaker_read_into_quote(sdoc) -> None:
    """'"We could not agree," the EU's foreign policy chief, Kaja Kallas, told reporters': the small
    parser may read the speaker after the closing mark as an object of the quoted verb and the
    report as its conjunct. A noun phrase right after ',"' whose head hangs inside the quotation,
    followed by a reporting verb, is that verb's subject, and the quotation what it reports."""
    for sent in sdoc.sents:
        toks = list(sent)
        for k in range(1, len(toks) - 2):
            q = toks[k]
            if q.text not in QUOTE_CLOSERS or toks[k - 1].text not in (",", "?", "!"):
                continue
            verb = next((t for t in toks[k + 1:] if t.tag_ in ("VBD", "VBZ", "VBP")), None)
            if verb is None or verb.lower_ not in REPORTED or verb.i - q.i < 2:
                continue
            phrase = sdoc[q.i + 1:verb.i]
            heads = [t for t in phrase if t.head.i < q.i or t.head.i >= verb.i]
            if len(heads) != 1 or heads[0].head.i >= q.i or heads[0].pos_ not in ("NOUN", "PROPN", "PRON"):
                continue  # fine already, or no single noun phrase the quotation took in
            quoted = heads[0].head
            while quoted.head.i < q.i and quoted.head != quoted:
                quoted = quoted.head
            for t in sent:
                if t.dep_ == "punct" and t.i > verb.i and t.head.i < q.i:
                    t.head = verb  # the closing full stop is the report's
            verb.head, verb.dep_ = verb, "ROOT"
            heads[0].head, heads[0].dep_ = verb, "nsubj"
            quoted.head, quoted.dep_ = verb, "ccomp"
            break


def parse_documents(docs: Iterable[Document], nlp, *, keep=lambda text, kind: True,
                    batch_size: int = 64, n_process: int | str = "auto") -> Iterator[Parsed]:
    """Parse documents' blocks in one ``nlp.pipe`` stream; ``keep`` skips blocks worth nothing."""
    docs = list(docs)
    plan: list[tuple[int, Block]] = []
    for i, d in enumerate(docs):
        for b in document_blocks(d):
            if b.kind != "heading" and keep(d.text[b.start:b.end], b.kind):
                plan.append((i, b))
    texts = ((recased_headline(docs[i].text, b), (i, b)) for i, b in plan)
    results: dict[int, list[ParsedBlock]] = {i: [] for i in range(len(docs))}
    if n_process == "auto":
        n_process = 2 if len(plan) >= PARALLEL_MIN_BLOCKS else 1
    disabled = [p for p in SKIPPED_PIPES if p in nlp.pipe_names]
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in disabled else None
    # one BLAS thread a process: onrecord spreads work over processes (here, or Spark's tasks),
    # and more threads on the same cores only make them wait for each other
    with nlp.select_pipes(disable=disabled), threadpool_limits(1, "blas"):
        for sdoc, (i, b) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process):
            fill_attributes(sdoc, lemmatizer)
            repair_asked_aside(sdoc)
            repair_coordinated_report(sdoc)
            repair_infinitive_list_read_as_adverbial(sdoc)
            repair_purpose_read_as_report(sdoc)
            repair_report_hung_on_its_aside(sdoc)
            repair_verb_read_as_modifier(sdoc)
            repair_call_for_clause(sdoc)
            repair_perfect_read_as_passive(sdoc)
            repair_name_read_as_report(sdoc)
            repair_report_joined_to_reported_clause(sdoc)
            repair_report_before_quote_read_as_modifier(sdoc)
            repair_subject_read_as_object(sdoc)
            repair_participle_read_as_clause_subject(sdoc)
            repair_clause_continued_past_aside(sdoc)
            repair_trailing_report(sdoc)
            repair_report_read_as_conjunct(sdoc)
            repair_inverted_aside(sdoc)
            repair_told_clause_read_as_relative(sdoc)
            repair_speaker_read_into_quote(sdoc)
            results[i].append(ParsedBlock(b.start, b.kind, sdoc))
    for i, d in enumerate(docs):
        yield Parsed(d, results[i])


WORD = re.compile(r"\w+")

# Words a Title Case headline capitalises that a sentence does not ("Roe Calls For Talks On
# Trade"); one of them mid-line tells a headline from a sentence full of names.
TITLE_FUNCTION_WORDS = {"a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "for", "at", "by",
                        "with", "as", "from", "into", "over", "about", "after", "is", "are", "his", "her",
                        "their", "its", "he", "she", "they", "it", "not", "that", "this", "be", "will"}


HEADLINE_CHARS = 300  # longer blocks are no headline, and are not scanned for one


def recased_headline(text: str, block: Block) -> str:
    """A block's text for the parser; in a Title Case headline ('Senator Roe Promises Action On
    Trade'), every capitalised word the article does not capitalise mid-sentence is lowered,
    since the small model reads a line of capitals as one long name. Names keep their
    capitals, and every offset stays where it was."""
    line = text[block.start:block.end]
    if len(line) > HEADLINE_CHARS or "\n" in line:
        return line
    words = list(re.finditer(r"[^\W\d_][\w'’\-]*", line))
    if not 4 <= len(words) <= 40:
        return line
    later = words[1:]
    capitals = [m for m in later if m.group(0)[0].isupper()]
    if len(capitals) < 0.7 * len(later) or not any(m.group(0).lower() in TITLE_FUNCTION_WORDS for m in capitals):
        return line
    named = _capitalised_mid_sentence(text)
    here = Counter(m.group(0) for m in MID_SENTENCE_CAPITAL.finditer(line))
    out = list(line)
    for m in capitals:
        w = m.group(0)
        low = w.lower()
        if len(low) != len(w) or w.isupper() and len(w) > 1:
            continue  # "İ" changes length; "NATO" is an acronym
        if low in TITLE_FUNCTION_WORDS or named[w] <= here[w]:  # capitalised nowhere else mid-sentence
            out[m.start():m.end()] = low
    return "".join(out)


# Lower-case words inside a surname ("de Blasio", "van Dalen", "al Ashry")
NAME_PARTICLES = {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le", "la", "bin", "ibn", "bint",
                  "abu", "al", "el"}
# The capital and small letters of names in Latin script, accents included ("Élise", "Łukasz")
CAPS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
SMALLS = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower())


def caps(pattern: str) -> str:
    """A name pattern written with [A-Z] and [a-z] that also reads accented capitals."""
    return pattern.replace("[A-Z]", "[%s]" % CAPS).replace("[a-z]", "[%s]" % SMALLS)


@lru_cache(maxsize=4096)
def _word_pattern(word: str, flags: int) -> re.Pattern:
    return re.compile(re.escape(word) + r"(?!\w)", flags)


def find_word(word: str, text: str, flags: int = 0):
    """Matches of ``word`` standing as a whole word in ``text``. The word is searched as a
    literal, which the regex engine finds about fifty times faster in a long page than a
    pattern opening with a word boundary; the boundary before it is checked after."""
    for m in _word_pattern(word, flags).finditer(text):
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            yield m


@lru_cache(maxsize=4096)
def _ending_pattern(prefix: str, word: str, flags: int) -> re.Pattern:
    return re.compile(prefix + re.escape(word) + r"(?!\w)", flags)


def search_before_word(prefix: str, word: str, text: str, flags: int = 0, reach: int = 120) -> re.Match | None:
    """The first match of ``prefix`` followed by the whole word ``word`` ("Mr. ... Roe"), read
    only in the ``reach`` characters before each place the word stands: a pattern that opens
    with its prefix is tried at every position of a long page, once per name."""
    pattern = _ending_pattern(prefix, word, flags)
    for occurrence in find_word(word, text, flags):
        for m in pattern.finditer(text, max(0, occurrence.start() - reach), occurrence.end()):
            if m.end() == occurrence.end():
                return m
    return None


MID_SENTENCE_CAPITAL = re.compile(r"(?<![.!?:\n“\"]\s)(?<!^)\b[A-Z][\w'’\-]*", re.M)


@lru_cache(maxsize=1)  # a document's blocks are parsed in a row; holding one text is enough
def _capitalised_mid_sentence(text: str) -> Counter:
    """How often each capitalised word stands inside a sentence: names, once per document."""
    return Counter(m.group(0) for m in MID_SENTENCE_CAPITAL.finditer(text))


T = TypeVar("T")
_worker: tuple | None = None  # (nlp, work, keep, batch_size) inside a forked worker


def map_parsed(docs: Iterable[Document], nlp, work: Callable[[Parsed], T], *,
               keep=lambda text, kind: True, batch_size: int = 64,
               n_process: int | str = "auto", work_in_workers: bool = True) -> Iterator[T]:
    """Parse documents and yield ``work(parsed)`` for each, in input order, streaming.

    Where the system can fork, each worker process parses *and* runs ``work``, and only its
    small result travels back. Sending parsed Docs to one process that then does the rest
    (``nlp.pipe(n_process=...)``) left one core idle for a third of the time: the statements
    stage ran 16.5 articles/s that way and 27 this way on two cores. ``work`` must be safe to
    run in a forked process (no open connections or threads of its own); if it is not, pass
    ``work_in_workers=False`` and only the parsing is spread over processes."""
    docs = iter(docs)
    head: list[Document] = []
    if n_process == "auto":
        size = 0
        for d in docs:
            head.append(d)
            size += len(d.text)
            if size >= PARALLEL_MIN_CHARS:
                break
        n_process = min(os.cpu_count() or 1, MAX_AUTO_PROCESSES) if size >= PARALLEL_MIN_CHARS else 1
    stream = itertools.chain(head, docs)
    if n_process <= 1 or not work_in_workers or not sys.platform.startswith("linux"):
        # work in this process; spaCy's own worker processes parse if there are several
        for chunk in _chunks(stream, PARALLEL_MIN_CHARS):
            for parsed in parse_documents(chunk, nlp, keep=keep, batch_size=batch_size, n_process=n_process):
                yield work(parsed)
        return
    # an executor, not a Pool: a worker that dies (out of memory) fails the run instead of hanging it
    with ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork"),
                             initializer=_start_worker, initargs=(nlp, work, keep, batch_size)) as pool:
        pending: deque = deque()
        try:
            for chunk in _chunks(stream, CHUNK_CHARS):
                pending.append(pool.submit(_work_chunk, chunk))
                if len(pending) >= 2 * n_process:  # bounded: a million documents are never all in flight
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _chunks(docs: Iterable[Document], chars: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    size = 0
    for d in docs:
        chunk.append(d)
        size += len(d.text)
        if size >= chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _start_worker(nlp, work, keep, batch_size) -> None:
    """Keep what every chunk needs. A torch model (the statement tagger) and BLAS run on one
    thread per worker, as torch's own DataLoader workers do: the workers already fill the cores, and
    OpenMP's thread pool does not survive a fork."""
    global _worker
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)
    threadpool_limits(1, "blas")  # numpy's OpenBLAS too: spaCy's NER on speaker mentions runs outside the parse
    _worker = (nlp, work, keep, batch_size)


def _work_chunk(chunk: list[Document]) -> list:
    nlp, work, keep, batch_size = _worker
    return [work(p) for p in parse_documents(chunk, nlp, keep=keep, batch_size=batch_size, n_process=1)]

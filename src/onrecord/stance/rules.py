"""The default, offline stance backend: relevance by keywords and discourse context, then
stance from modality, negation, evaluative words, deliberation and conditions."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span, Stance, Target

NEGATORS = re.compile(r"\b(not|n[’']t|never|no|cannot|neither|nor)\b", re.I)

CONDITION_AFTER = re.compile(
    r"\b(only if|if|unless|provided(?: that)?|as long as|on condition that|so long as|"
    r"hinges? on|depends? on|dependent on|contingent on|conditional on|subject to)\b", re.I)
CONDITION_BEFORE = re.compile(r"\b(must|needs? to|has to|have to|should)\b[^.;]{0,80}?\bbefore\b", re.I)
CONDITION_ONLY = re.compile(r"\bonly\s+((?:an?|the)\s+[^.;,]{3,80}?)\s+(?:will|would|can|could|may)\b", re.I)

UNDECIDED = re.compile(
    r"\b(options? (?:will |would |are |is |being |remain )*(?:be )?(?:considered|on the table|open)|"
    r"all (?:those |the |of the )?options|no decisions?(?: has| have)?(?: been)?(?: made)?|"
    r"not (?:yet )?(?:decided|made a (?:firm )?decision)|undecided|"
    r"consider(?:s|ing|ed)? (?:contingencies|options|whether|how)|begun to consider|"
    r"weigh(?:s|ing)? (?:options|whether)|do we or don[’']t we|under review|"
    r"(?:has|have) not ruled out|not rul(?:ed|ing) out|deliberat\w+|debat(?:e|es|ing) whether|"
    r"considered forms? of|is considering|are considering|too early to (?:say|tell))\b", re.I)

OPPOSE = re.compile(
    r"\b(ill-advised|not feasible|unfeasible|infeasible|unacceptable|unwise|oppose[sd]?|opposition to|"
    r"reject(?:s|ed)?|rule[sd]? out|will not|won[’']t|would not|cannot support|do(?:es)? not support|"
    r"could not exist|no (?:plans?|intention) to|a mistake|premature|counterproductive|"
    r"not (?:be )?(?:directly )?involved|refuse[sd]? to|not an option|off the table|"
    r"against (?:any|an|the)|warn(?:s|ed)? against|no appetite)\b", re.I)

SUPPORT = re.compile(
    r"\b(should accept|accept(?:s|ed)?|support(?:s|ed|ing)?|back(?:s|ed|ing)?|endorse[sd]?|welcome[sd]?|"
    r"favou?r(?:s|ed)?|in favou?r of|must act|need to (?:act|intervene|move|start|accelerate)|"
    r"ready to|willing to|will help|committed to|approve[sd]?|"
    r"cannot allow|must not allow|can(?:not|[’']t) let|have to find a way|should (?:intervene|act|deploy|help))\b",
    re.I)


@dataclass(frozen=True)
class Relevance:
    score: float
    evidence: tuple[Span, ...]
    from_context: bool


def _term_re(term: str) -> re.Pattern:
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<!\w)%s(?:s|es)?(?!\w)" % r"\s+".join(words), re.I)


def relevance(target: Target, text: str, content: Span, context: list[tuple[int, int]]) -> Relevance | None:
    terms = list(target.keywords) + list(target.means)
    hits = []
    for term in terms:
        for m in _term_re(term).finditer(text, content.start, content.end):
            hits.append(Span.of(text, m.start(), m.end()))
    if hits:
        return Relevance(1.0, tuple(hits[:3]), False)
    for start, end in context:
        for term in terms:
            m = _term_re(term).search(text, start, end)
            if m:
                return Relevance(0.6, (Span.of(text, m.start(), m.end()),), True)
    return None


def _negated(text: str, start: int, window: int = 20) -> bool:
    before = text[max(0, start - window):start]
    return bool(NEGATORS.search(before)) and not re.search(r"[,;.]", before[-8:])


def _clause_end(text: str, start: int, limit: int) -> int:
    m = re.compile(r"[.;]|,\s+(?:and|but)\s|\s—\s").search(text, start, limit)
    return m.start() if m else limit


def judge(target: Target, text: str, content: Span, context: list[tuple[int, int]],
          backend: str = "rules/1") -> Stance | None:
    """Return a stance of this content toward the target, or None (not relevant / abstain)."""
    rel = relevance(target, text, content, context)
    if rel is None:
        return None
    s, e = content.start, content.end
    condition = None
    evidence: list[Span] = []
    m = CONDITION_AFTER.search(text, s, e)
    if m:
        cend = _clause_end(text, m.end(), e)
        if cend - m.end() > 3:
            condition = Span.of(text, m.end() + 1 if text[m.end()] == " " else m.end(), cend)
            evidence.append(Span.of(text, m.start(), m.end()))
    if condition is None:
        m = CONDITION_BEFORE.search(text, s, e)
        if m:
            # the prerequisite is what must happen: from the clause start to "before"
            clause_start = max(text.rfind(",", s, m.start()) + 1, text.rfind(".", s, m.start()) + 1, s)
            before_at = m.end() - len("before")
            condition = Span.of(text, *_strip(text, clause_start, before_at))
            evidence.append(Span.of(text, m.start(), m.end()))
    if condition is None:
        m = CONDITION_ONLY.search(text, s, e)
        if m:
            condition = Span.of(text, m.start(1), m.end(1))
            evidence.append(Span.of(text, m.start(), m.end()))
    if condition is not None and condition.text.strip():
        return Stance(target.id, "conditional", 0.7 * rel.score, tuple(evidence) + rel.evidence[:1],
                      condition, backend)
    und = list(UNDECIDED.finditer(text, s, e))
    if und:
        return Stance(target.id, "undecided", 0.7 * rel.score,
                      tuple(Span.of(text, x.start(), x.end()) for x in und[:3]), None, backend)
    votes = {"support": [], "oppose": []}
    for x in OPPOSE.finditer(text, s, e):
        votes["oppose"].append(Span.of(text, x.start(), x.end()))
    for x in SUPPORT.finditer(text, s, e):
        word = x.group(0).lower()
        polarity = "support"
        if _negated(text, x.start()) and not word.startswith(("cannot", "must not", "can")):
            polarity = "oppose"
        votes[polarity].append(Span.of(text, x.start(), x.end()))
    if votes["support"] or votes["oppose"]:
        label = "oppose" if len(votes["oppose"]) >= len(votes["support"]) else "support"
        mixed = votes["support"] and votes["oppose"]
        conf = (0.55 if mixed else 0.75) * rel.score
        return Stance(target.id, label, conf, tuple(votes[label][:3]), None, backend)
    if not rel.from_context:
        return Stance(target.id, "neutral", 0.4, rel.evidence[:2], None, backend)
    return None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:“”\"'’":
        start += 1
    while end > start and text[end - 1] in " ,;:“”\"'’":
        end -= 1
    return start, end

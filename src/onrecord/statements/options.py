"""Where a reporting verb's content may lie, as a short list of candidate spans, and the
features by which the learned chooser (``cue_model.json``) scores each one."""
from __future__ import annotations

from .quotes import Quote
from .syntax import complement_kind, subject


QUOTE_OPENERS = {'"', "“", "``", "‘", "'"}


def content_options(text: str, pb, tok, sent, quotes: list[Quote], lex) -> list[tuple[str, int, int]]:
    """(kind, start, end) for each plausible content of ``tok``: its clause or infinitive, its
    object, the rest of the sentence, the sentence before it, a quotation beside it."""
    from .rules import ADDRESSEE_VERBS, _adjacent_quote, _cue_range, _object_content, _trailing_asides, misplaced_clause, span, subtree_range, token_range

    s0, s1 = token_range(pb, sent)
    subj = subject(tok)
    out: list[tuple[str, int, int]] = []
    for child in tok.children:
        if child.dep_ in ("ccomp", "xcomp") and not misplaced_clause(tok, child):
            excl = ([subj] if subj is not None and subj in child.subtree else []) + _trailing_asides(child, lex)
            a, b = subtree_range(pb, child, exclude=excl)
            if child.i < tok.i:
                a = min(a, s0)
            out.append((child.dep_, a, b))
    obj = _object_content(text, pb, tok)
    if obj is not None:
        out.append(("object", obj.start, obj.end))
    right = [t for t in sent if t.i > tok.i and not (subj is not None and t in subj.subtree)]
    heard = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i), None) \
        if tok.lemma_.lower() in ADDRESSEE_VERBS else None
    after = tok.doc[heard.right_edge.i + 1:heard.right_edge.i + 3] if heard is not None else ()
    if len(after) == 2 and after[0].text == "," and after[1].text in QUOTE_OPENERS:
        # "told the Post, "...": who heard it is no part of what was said
        right = [t for t in right if t not in heard.subtree]
    cue_end = _cue_range(pb, tok, lex)[1]
    right = [t for t in right if pb.char(t) >= cue_end]
    while right and right[0].head == tok and right[0].dep_ == "advmod" and right[0].lower_.endswith("ly"):
        right = right[1:]  # "has not commented publicly | on the strike"
    if right:
        out.append(("after", pb.char(right[0]), s1))
    left_end = pb.char(subj.left_edge) if subj is not None and subj.i < tok.i else pb.char(tok)
    if left_end > s0:
        out.append(("before", s0, left_end))
    if tok.head != tok and tok.dep_ in ("parataxis", "advcl", "ccomp"):
        others = [t for t in tok.head.subtree if t not in tok.subtree]
        if others:
            out.append(("head", *token_range(pb, others)))
    q = _adjacent_quote(text, quotes, pb, sent, tok)
    if q is not None:
        out.append(("quote", q.start, q.end))
    seen, kept = set(), []
    for kind, a, b in out:
        sp = span(text, a, b)  # trimmed of edge punctuation; None when nothing is left
        if sp is None or (sp.start, sp.end) in seen:
            continue
        seen.add((sp.start, sp.end))
        kept.append((kind, sp.start, sp.end))
    return kept


def option_features(kind: str, start: int, end: int, text: str, tok, verb_feats: list[str]) -> list[str]:
    lemma = tok.lemma_.lower()
    comp = complement_kind(tok)
    words = len(text[start:end].split())
    size = "1" if words <= 1 else "2-4" if words <= 4 else "5-12" if words <= 12 else "13-30" if words <= 30 else "31+"
    body = text[start:end]
    quoted = any(m in body for m in "\"“”") or "''" in body
    feats = [f"opt={kind}", f"opt|lemma={kind}|{lemma}", f"opt|comp={kind}|{comp}", f"opt|dep={kind}|{tok.dep_}",
             f"opt|size={kind}|{size}", f"opt|quote={kind}|{quoted}",
             f"opt|that={kind}|{body[:5].lower() in ('that ', 'to ')}"]
    return verb_feats + feats

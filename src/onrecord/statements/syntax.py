"""Dependency-tree helpers shared by the cue rules and the cue model's features."""
from __future__ import annotations

CLAUSE_DEPS = ("ccomp",)
OBJECT_DEPS = ("dobj", "prep", "attr", "oprd", "acomp", "dative", "pcomp")
VERBAL = ("VERB", "AUX")


def infinitive_of(verb) -> bool:
    """'went on to say', 'continued to insist': a 'to'-infinitive under another verb."""
    if verb.head == verb or verb.head.pos_ not in VERBAL:
        return False
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def finite_after_infinitive(verb) -> bool:
    """'welcomed his pledge to hold elections and urged ...', 'indicated that a draft could be
    ready, and went on to say ...': a finite verb the parser joined to an infinitive or to a
    verb after a modal belongs to the outer clause, not to the one it was joined to."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or head.tag_ != "VB":
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) or finite_after_modal(verb)


def finite_after_modal(verb) -> bool:
    """'indicated that a draft could be ready, and went on to say ...': a finite verb with no
    subject of its own, joined to a verb after a modal whose subject is no pronoun ("she said
    she could not support him but understood why" may be hers either way). Whether it is the
    outer clause's is for the caller to judge by what the verb says."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or head.tag_ != "VB" or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    inner = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children) and inner is not None \
        and inner.pos_ != "PRON"


def subject(verb, depth: int = 0):
    """The verb's speaker-candidate subject, climbing through infinitives, participles
    ("..., saying that ...", "by saying ...") and coordination ("paused and said")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:  # "Voters, Roe suggested, ...": of two, the one nearest before the verb
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    # a passive's subject is what was said or done, not who said it; its agent speaks
    # ("it was announced by the ministry")
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    for child in verb.lefts:  # "Roe summed up X as Y, denounced Z and said ...": the parser hung the
        # first verb of the row on the second, as a clause of its own with no conjunction
        if child.dep_ == "advcl" and child.tag_ == verb.tag_ and verb.tag_ in ("VBD", "VBZ") \
                and not any(m.dep_ == "mark" for m in child.children):
            found = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if found is not None:
                return found
    if depth >= 3 or verb.head == verb:
        return None
    head = verb.head
    if finite_after_infinitive(verb):
        outer = next((a for a in head.ancestors if a.pos_ in VERBAL and a.tag_ == verb.tag_), None)
        return subject(outer, depth + 1) if outer is not None else None
    if infinitive_of(verb) or verb.dep_ == "conj" and head.pos_ in VERBAL:
        return subject(head, depth + 1)
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "acl") and head.pos_ in VERBAL:
        return subject(head, depth + 1)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and head.head != head and head.head.pos_ in VERBAL:
        return subject(head.head, depth + 1)  # "by saying ..."
    copula = done_readily(verb)
    if copula is not None:
        return subject(copula, depth + 1)  # "was quick to add ..."
    return None


def done_readily(verb):
    """'was quick to add': the verb it was said with, when an adjective before the infinitive
    says it was done."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lower_ not in DONE_READILY or head.dep_ != "acomp" or head.head.pos_ not in VERBAL \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ in ("advmod", "neg") for c in head.children) \
            or any(c.dep_ in ("aux", "neg") and c.lower_ not in ("was", "is", "has", "had", "have") for c in head.head.children):
        return None  # "careful not to mention", "less quick to say", "would not be quick to say": maybe never said
    return head.head


# "was quick to add that ...": adjectives before an infinitive that say it was done, unlike
# "was ready, willing, eager, likely or reluctant to say", which say it may not have been
DONE_READILY = {"quick", "swift", "fast", "careful"}


def complement_kind(verb) -> str:
    """What the verb takes: a clause, an infinitive, an object, or nothing."""
    deps = {c.dep_ for c in verb.children}
    if "ccomp" in deps:
        return "ccomp"
    if "xcomp" in deps:
        return "xcomp"
    if verb.dep_ in ("parataxis",) or (verb.dep_ == "advcl" and any(
            c.lower_ == "as" and (c.dep_ == "mark" or c.dep_ == "prep" and c.i < verb.i and not any(c.children))
            for c in verb.children)):  # a bare "as" the parser calls a preposition is the clause's mark
        return "main"
    if deps & {"dobj", "attr", "oprd", "dative"}:
        return "object"
    if "prep" in deps:
        return "prep"
    return "none"


def first_child(verb, deps):
    return next((c for c in verb.children if c.dep_ in deps), None)

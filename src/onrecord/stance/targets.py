"""The user's questions (targets), read from YAML and validated with clear errors."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import TargetsError
from ..model import Target

STOP = {"should", "would", "could", "will", "does", "what", "which", "whether", "there", "their",
        "about", "into", "with", "from", "that", "this", "than", "then", "they", "them", "have",
        "been", "being", "more", "most", "other", "some", "such", "only", "over", "under"}


# verbs too common to tell a statement is about the question ("take direct military action")
LIGHT_VERBS = {"take", "make", "have", "get", "give", "do", "go", "come", "put", "set", "become", "keep", "face",
               "act", "be", "let", "see", "start", "continue", "stay", "remain"}


def load_targets(path: str | Path) -> list[Target]:
    """``targets: [{id, question, description?, keywords?|aliases?, means?}]`` or a bare list."""
    source = str(path)
    try:
        raw = Path(path).read_text("utf-8")
    except FileNotFoundError:
        raise TargetsError("targets file not found", source=source) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TargetsError(f"cannot read targets file ({type(exc).__name__})", source=source) from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else ""
        raise TargetsError(f"is not valid YAML{line}", source=source) from None
    return parse_targets(data, source)


def parse_targets(data, source: str = "targets") -> list[Target]:
    items = data.get("targets") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise TargetsError("needs a non-empty list under 'targets:'", source=source)
    out: list[Target] = []
    seen = set()
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise TargetsError(f"target #{n} must be a mapping with 'id' and 'question'", source=source)
        tid, question = item.get("id"), item.get("question")
        if not isinstance(tid, str) or not re.fullmatch(r"[A-Za-z0-9_.\-]+", tid or ""):
            raise TargetsError(f"target #{n} needs an 'id' of letters, digits, '-', '_' or '.'", source=source)
        if tid in seen:
            raise TargetsError(f"target id {tid!r} is used twice", source=source)
        if not isinstance(question, str) or not question.strip():
            raise TargetsError(f"target {tid!r} needs a 'question'", source=source)
        keywords = item.get("keywords", item.get("aliases", []))
        means = item.get("means", [])
        for name, value in (("keywords", keywords), ("means", means)):
            if not isinstance(value, list) or not all(isinstance(k, str) and k.strip() for k in value):
                raise TargetsError(f"target {tid!r}: '{name}' must be a list of strings", source=source)
        examples = item.get("examples") or {}
        scope = item.get("scope") or {}
        if not isinstance(examples, dict) or not isinstance(scope, dict):
            raise TargetsError(f"target {tid!r}: 'examples' and 'scope' must be mappings", source=source)
        ex_for, ex_against = examples.get("for", []), examples.get("against", [])
        orgs = scope.get("organizations", [])
        for name, value in (("examples.for", ex_for), ("examples.against", ex_against),
                            ("scope.organizations", orgs)):
            if not isinstance(value, list) or not all(isinstance(k, str) and k.strip() for k in value):
                raise TargetsError(f"target {tid!r}: '{name}' must be a list of strings", source=source)
        dates = []
        for key in ("from", "to"):
            value = scope.get(key)
            if value is not None:
                value = str(value)
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                    raise TargetsError(f"target {tid!r}: scope.{key} must be a date like 2012-05-01", source=source)
            dates.append(value)
        seen.add(tid)
        out.append(Target(tid, question.strip(), item.get("description"),
                          tuple(keywords) or question_keywords(question), tuple(means),
                          tuple(ex_for), tuple(ex_against), tuple(orgs), dates[0], dates[1]))
    return out


def question_keywords(question: str) -> tuple[str, ...]:
    """Without keywords, what the question asks about stands in for them: the phrases of what
    is to be done ("export controls", "controls" of "Should Japan lift its export controls?"),
    not who is to do it (not "Japan", which would make every remark about Japan relevant); the
    subject too when it is the topic ("Is Donald Trump fit ...", "Should the ACA be kept?").
    A headline or topic that is no question keeps all its content words."""
    phrases = _asked_about(question) if question.rstrip().endswith("?") else None
    if phrases:
        return phrases
    words = re.findall(r"[A-Za-z][\w\-]{3,}", question)
    return tuple(dict.fromkeys(w for w in words if w.lower() not in STOP))


def _declarative(question: str):
    """"Should the government expel X?" parses badly as a question; read as "the government
    should expel X.", the modal put after the first few words that leave a verb after it."""
    from .rules import _question_doc

    modal = re.match(r"\s*(should|will|would|could|can|must|shall|may|might)\s+(.+?)\s*\?\s*$", question, re.I)
    if modal is None:
        return None
    words = modal.group(2).split()
    for k in range(1, min(7, len(words))):
        doc = _question_doc(" ".join([*words[:k], modal.group(1).lower(), *words[k:]]) + ".")
        if doc is None:
            return None
        verb = next((t for t in doc if t.i > 0 and doc[t.i - 1].lower_ == modal.group(1).lower()), None)
        if verb is not None and verb.dep_ == "ROOT" and verb.pos_ == "VERB" and (
                any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            return doc
        if verb is not None and verb.lower_ == "be" and verb.head.dep_ == "ROOT":
            return doc  # "the ceasefire should be extended"
    return None


def _asked_about(question: str) -> tuple[str, ...] | None:
    from .rules import _question_doc

    doc = _declarative(question) or _question_doc(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    if root is None:
        return None
    acts = root.pos_ == "VERB" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in root.children)
    doer = next((c for c in root.children if c.dep_ == "nsubj"), None) if acts else None
    out: list[str] = []
    for chunk in doc.noun_chunks:
        if doer is not None and chunk.root in doer.subtree or chunk.root.pos_ == "PRON":
            continue
        owner = {t.i for p in chunk if p.dep_ == "poss" for t in p.subtree}
        words = [t for t in chunk if t.i not in owner and t.dep_ not in ("det", "predet", "aux")
                 and t.lower_ not in STOP | {"own"}]
        if words:  # as written ("free-trade agreements"), from its first word kept to its head
            out.append(doc.text[words[0].idx:chunk.root.idx + len(chunk.root.text)])
        if len(words) > 1 and (chunk.root.pos_ == "NOUN" and chunk.root.text.islower() or chunk.root.ent_type_ == "PERSON"):
            out.append(chunk.root.text)  # "controls" of "export controls", "Trump" of "Donald Trump"
        names = [t for t in chunk if t.i in owner and t.pos_ == "PROPN"]
        if names:  # "Donald Trump's candidacy": Trump too
            out += [doc.text[names[0].idx:names[-1].idx + len(names[-1].text)], names[-1].text]
    if root.pos_ == "VERB" and root.lemma_.lower() not in LIGHT_VERBS and not out:  # the act: "intervene"
        out.append(root.text)
    return tuple(dict.fromkeys(w for w in out if w.lower() not in STOP and len(w) > 2)) or None

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
    """Without keywords, the question's content words stand in for them."""
    words = re.findall(r"[A-Za-z][\w\-]{3,}", question)
    return tuple(dict.fromkeys(w for w in words if w.lower() not in STOP))

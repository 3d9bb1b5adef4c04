"""Analyst corrections: a person's reading overrides the tool's, survives re-runs (it is kept
apart from the statements, keyed by their stable ids) and shows as such in every output."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .actors import person_id
from .model import Span, Speaker, Stance, Statement

FIELDS = ("stance", "speaker")


def apply(statements: list[Statement], corrections: list[dict[str, Any]],
          texts: dict[str, str]) -> list[Statement]:
    """Statements with the latest correction of each (statement, field, target) applied."""
    latest: dict[tuple, dict] = {}
    for c in corrections:  # oldest first: later ones win
        latest[(c["statement_id"], c["field"], c.get("target_id"))] = c
    by_statement: dict[str, list[dict]] = {}
    for c in latest.values():
        by_statement.setdefault(c["statement_id"], []).append(c)
    out = []
    for st in statements:
        for c in by_statement.get(st.id, []):
            st = _apply_one(st, c, texts.get(st.document_id, ""))
        out.append(st)
    return out


def _apply_one(st: Statement, c: dict, text: str) -> Statement:
    value = c["value"]
    if c["field"] == "stance":
        stances = [s for s in st.stances if s.target_id != c["target_id"]]
        if value.get("stance") is not None:
            condition = _locate(text, st.content, value.get("condition"))
            stances.append(Stance(c["target_id"], value["stance"], 1.0, (), condition, "analyst"))
        return replace(st, stances=tuple(stances))
    if c["field"] == "speaker":
        name = value["name"]
        old = st.speaker or Speaker()
        return replace(st, speaker=Speaker(old.mention, value.get("actor_id") or person_id(name), name,
                                           value.get("role") or old.role, value.get("organization_id", old.organization_id),
                                           old.organization_path, "analyst"))
    return st


def _locate(text: str, content: Span, words: str | None) -> Span | None:
    if not words:
        return None
    i = text.find(words, content.start, content.end)
    return Span.of(text, i, i + len(words)) if i != -1 else None


def labelled_rows(statements: list[Statement], corrections: list[dict], questions: dict[str, str]):
    """Corrections as labelled examples (for training or evaluating a backend)."""
    by_id = {s.id: s for s in statements}
    for c in corrections:
        st = by_id.get(c["statement_id"])
        if st is None:
            continue
        row = {"statement_id": st.id, "document_id": st.document_id, "text": st.content.text,
               "start": st.content.start, "end": st.content.end, "field": c["field"],
               "note": c.get("note"), "corrected_at": c["created_at"]}
        if c["field"] == "stance":
            row.update(target_id=c["target_id"], question=questions.get(c["target_id"]),
                       stance=c["value"].get("stance"), condition=c["value"].get("condition"))
        else:
            row.update(speaker=c["value"]["name"])
        yield row


def check_condition(text: str, condition: str | None) -> bool:
    return condition is None or bool(re.search(re.escape(condition), text))

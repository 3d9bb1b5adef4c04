"""The JSON ledger (schema ``onrecord.ledger/1``): the contract other tools read."""
from __future__ import annotations

from typing import Any

from .model import Document, Statement
from .store import Store

SCHEMA = "onrecord.ledger/1"


def build(store: Store) -> dict[str, Any]:
    docs = store.documents()
    statements = store.statements()
    actors = store.actors()
    orgs = store.organizations()
    used: set[str] = set()
    for st in statements:
        if st.speaker and st.speaker.organization_id:
            used.add(st.speaker.organization_id)
    for a in actors.values():
        used |= {r.organization_id for r in a.roles if r.organization_id}
    keep: set[str] = set()
    for oid in used:
        while oid and oid in orgs and oid not in keep:
            keep.add(oid)
            oid = orgs[oid].parent_id
    from .findings import merge_reports

    rows = [s.to_dict() for s in statements]
    groups = merge_reports(statements)
    report_of = {dup: head for head, dups in groups.items() for dup in dups}
    for row in rows:  # one remark reported by several documents: every report keeps its span
        row["reports"] = [row["id"], *groups[row["id"]]] if row["id"] in groups else []
        row["report_of"] = report_of.get(row["id"])
    return {
        "schema": SCHEMA,
        "documents": [_document(d) for d in docs],
        "organizations": [orgs[o].to_dict() for o in sorted(keep)],
        "actors": [a.to_dict() for a in actors.values()],
        "targets": [{"id": t.id, "question": t.question} for t in store.targets()],
        "statements": rows,
        "findings": [f.to_dict() for f in store.findings()],
    }


def _document(d: Document) -> dict[str, Any]:
    out = d.to_dict()
    out.pop("blocks")
    return out


def verify(ledger: dict[str, Any]) -> list[str]:
    """Every span must index its document's text exactly; returns the problems found."""
    texts = {d["id"]: d["text"] for d in ledger["documents"]}
    problems = []
    for raw in ledger["statements"]:
        st = Statement.from_dict(raw)
        text = texts.get(st.document_id)
        if text is None:
            problems.append(f"{st.id}: unknown document {st.document_id}")
            continue
        for sp in st.spans():
            if not sp.verify(text):
                problems.append(f"{st.id}: span {sp.start}-{sp.end} does not match its text")
    known = {s["id"] for s in ledger["statements"]}
    for f in ledger["findings"]:
        missing = [i for i in f["statement_ids"] if i not in known]
        if missing:
            problems.append(f"{f['id']}: cites unknown statements {missing}")
    return problems

"""The JSON ledger (schema ``onrecord.ledger/1``): the contract other tools read."""
from __future__ import annotations

import json
from typing import IO, Any, Iterable, Iterator

from .model import Document, Statement
from .store import Store

SCHEMA = "onrecord.ledger/1"


REPORT_ALL = 5000  # a report lists every statement of a ledger up to this many


def build(store: Store, **selection) -> dict[str, Any]:
    """The whole ledger, or (with a ``store.Selection``'s fields) the chosen statements with
    their documents and speakers, and a ``partial`` key saying what was chosen of how many."""
    statements = store.statements(**selection)
    if selection:
        docs = store.documents(sorted({st.document_id for st in statements}))
        actors = store.actors(sorted({st.speaker.actor_id for st in statements if st.speaker and st.speaker.actor_id}))
    else:
        docs, actors = store.documents(), store.actors()
    orgs = store.organizations()
    keep = _with_parents({st.speaker.organization_id for st in statements if st.speaker and st.speaker.organization_id},
                         actors, orgs)
    from .findings import merge_reports

    rows = [s.to_dict() for s in statements]
    groups = merge_reports(statements)
    report_of = {dup: head for head, dups in groups.items() for dup in dups}
    for row in rows:  # one remark reported by several documents: every report keeps its span
        row["reports"] = [row["id"], *groups[row["id"]]] if row["id"] in groups else []
        row["report_of"] = report_of.get(row["id"])
    out = {
        "schema": SCHEMA,
        "documents": [_document(d) for d in docs],
        "organizations": [orgs[o].to_dict() for o in sorted(keep)],
        "actors": [a.to_dict() for a in actors.values()],
        "targets": [{"id": t.id, "question": t.question} for t in store.targets()],
        "statements": rows,
        "findings": [f.to_dict() for f in store.findings()],
    }
    if selection:
        out["partial"] = {"statements": len(rows), "of": store.count_statements()}
    return out


def write(store: Store, out: IO[str]) -> int:
    """The whole ledger, as ``json.dumps(build(store), ensure_ascii=False, indent=1)`` writes it,
    written a batch at a time: a ledger of millions of statements is never held whole (at 1.08
    million statements ``build`` took 12.9 GB). Reprints are found speaker by speaker, as
    ``merge_reports`` groups them. Returns the number of statements written."""
    from .findings import merge_reports

    merges = store.merges()
    speakers = sorted({merges.get(a, a) for (a,) in store.db.execute(
        "SELECT DISTINCT actor_id FROM statements WHERE actor_id IS NOT NULL").fetchall()})
    reports: dict[str, list[str]] = {}
    report_of: dict[str, str] = {}
    for actor_id in speakers:
        for head, dups in merge_reports(store.statements(actor_id=actor_id)).items():
            reports[head] = [head, *dups]
            report_of.update((d, head) for d in dups)
    orgs = store.organizations()
    actors = store.actors()
    keep = _with_parents({o for (o,) in store.db.execute("SELECT DISTINCT organization_id FROM statements "
                                                        "WHERE organization_id IS NOT NULL").fetchall()}, actors, orgs)

    def statement_rows() -> Iterator[dict]:
        for batch in store.statement_batches():
            for st in batch:
                row = st.to_dict()
                row["reports"] = reports.get(row["id"], [])
                row["report_of"] = report_of.get(row["id"])
                yield row

    out.write('{\n "schema": %s' % json.dumps(SCHEMA))
    _write_list(out, "documents", (_document(d) for batch in store.document_batches() for d in batch))
    _write_list(out, "organizations", (orgs[o].to_dict() for o in sorted(keep)))
    _write_list(out, "actors", (a.to_dict() for a in actors.values()))
    _write_list(out, "targets", ({"id": t.id, "question": t.question} for t in store.targets()))
    written = _write_list(out, "statements", statement_rows())
    _write_list(out, "findings", (f.to_dict() for f in store.findings()))
    out.write("\n}")
    return written


def _with_parents(used: set[str], actors: dict, orgs: dict) -> set[str]:
    """The bodies the statements and their speakers' roles name, with every body above them."""
    used = used | {r.organization_id for a in actors.values() for r in a.roles if r.organization_id}
    keep: set[str] = set()
    for oid in used:
        while oid and oid in orgs and oid not in keep:
            keep.add(oid)
            oid = orgs[oid].parent_id
    return keep


def _write_list(out: IO[str], key: str, items: Iterable[dict]) -> int:
    """One key of the ledger's object and its list, indented as ``json.dumps(indent=1)`` does."""
    out.write(',\n %s: [' % json.dumps(key))
    n = 0
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        out.write(("," if n else "") + "\n  " + text)
        n += 1
    out.write("\n ]" if n else "]")
    return n


def for_report(store: Store) -> dict[str, Any]:
    """What a report can show of a ledger: every statement up to ``REPORT_ALL``; beyond, those
    with a stance on a question, or, when those are too many as well, those the findings cite."""
    if store.count_statements() <= REPORT_ALL:
        return build(store)
    if store.count_statements(on_questions=True) <= REPORT_ALL:
        led = build(store, on_questions=True)
        led["partial"]["chosen"] = "the statements with a stance on a question"
    else:
        led = build(store, ids=sorted({i for f in store.findings() for i in f.statement_ids}))
        led["partial"]["chosen"] = "the statements the findings cite"
    return led


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


ROW_FIELDS = ("statement_id", "document_id", "kind", "text", "start", "end", "speaker", "actor_id", "role",
              "organization", "said_start", "said_end", "said_granularity", "said_basis", "target_id",
              "stance", "confidence", "condition", "statement_confidence", "found_by", "speaker_mention", "via",
              "part_of")
ROW_TYPES = {"start": int, "end": int, "confidence": float, "statement_confidence": float}  # the rest are text
# "confidence" is the stance's; "statement_confidence" is the statement's own (the measured
# share an annotator marks), added last so that existing readers of the columns keep working.
# "speaker" is who the mention was resolved to, empty when it was not ("he" with no antecedent);
# "speaker_mention" is the words of the text; "via" the outlet or person a statement came through;
# "part_of" the first part of words an attribution splits, where the row is a later part


def speaker_organization(speaker: dict, organizations: dict[str, dict], sep: str = " > ") -> str | None:
    """The body a ledger row's speaker speaks for, as a path of names; a joint statement's bodies
    ("jointly: France, Italy")."""
    if speaker.get("organization_path"):
        return sep.join(speaker["organization_path"])
    joint = [organizations[o]["name"] if o in organizations else o for o in speaker.get("joint") or ()]
    return "jointly: " + ", ".join(joint) if joint else None


def flat_rows(ledger) -> list[dict]:
    rows = []
    orgs = {o["id"]: o for o in ledger.get("organizations") or ()}
    for st in ledger["statements"]:
        sp = st.get("speaker") or {}
        base = {"statement_id": st["id"], "document_id": st["document_id"], "kind": st["kind"],
                "text": st["text"], "start": st["start"], "end": st["end"],
                "speaker": sp.get("name"), "speaker_mention": sp.get("text"),
                "via": (st.get("via") or {}).get("text"), "actor_id": sp.get("actor_id"),
                "role": sp.get("role"), "organization": speaker_organization(sp, orgs) or "",
                "said_start": st["said"].get("start"), "said_end": st["said"].get("end"),
                "said_granularity": st["said"].get("granularity"), "said_basis": st["said"].get("basis"),
                "statement_confidence": st.get("confidence"), "found_by": st.get("found_by") or "rules",
                "part_of": st.get("part_of")}
        stances = st.get("stances") or [None]
        for s in stances:
            rows.append({**base, "target_id": s and s["target_id"], "stance": s and s["stance"],
                         "confidence": s and s["confidence"],
                         "condition": s and (s.get("condition") or {}).get("text")})
    return rows

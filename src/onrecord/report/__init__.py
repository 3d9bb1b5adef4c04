"""Reports (HTML and Markdown) built from the ledger only. Document text is untrusted:
HTML goes through Jinja2's autoescaping; Markdown escapes its control characters."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from ..ledger import speaker_organization

STANCE_COLORS = {"support": "#1a9850", "conditional": "#91cf60", "undecided": "#fdae61",
                 "oppose": "#d73027", "neutral": "#999999"}
KIND_TITLES = {"outlook": "Outlook", "shift": "Shifts over time", "contradiction": "Contradictions",
               "separate_questions": "Separate questions", "common_ground": "Common ground"}


def view(ledger: dict[str, Any]) -> dict[str, Any]:
    """The report's content, independent of its format."""
    docs = {d["id"]: d for d in ledger["documents"]}
    orgs = {o["id"]: o for o in ledger["organizations"]}
    targets = {t["id"]: t for t in ledger["targets"]}
    rows = []
    number = {}
    for n, st in enumerate(ledger["statements"], 1):
        number[st["id"]] = n
        sp = st.get("speaker") or {}
        doc = docs.get(st["document_id"], {})
        said = st.get("said") or {}
        rows.append({
            "n": n, "id": st["id"], "kind": st["kind"], "text": st["text"],
            "speaker": sp.get("name") or (f"unresolved ({sp['text']})" if sp.get("text") else "unknown speaker"),
            "mention": sp.get("text"), "role": sp.get("role"),
            "corrected": sp.get("resolved_from") == "analyst",
            "organization": speaker_organization(sp, orgs, " › "),
            "said": f"{said['start']}, the day it appeared" if st["kind"] == "authored" and said.get("start") else _when(said),
            "basis": said.get("basis"), "expression": said.get("expression"),
            "cue": (st.get("cue") or {}).get("text"),
            "via": (st.get("via") or {}).get("text"),  # who relayed it: "TASS", "the Post"
            "stances": [{"target": targets.get(s["target_id"], {}).get("question", s["target_id"]),
                         "target_id": s["target_id"], "stance": s["stance"],
                         "confidence": s["confidence"],
                         "condition": (s.get("condition") or {}).get("text"),
                         "evidence": [e["text"] for e in s.get("evidence") or []],
                         "from_paragraph": (s.get("source") or "").endswith("@context"),
                         "carried": "#carried" in (s.get("source") or ""),
                         "source": s.get("source")} for s in st.get("stances") or []],
            "document": doc.get("title") or doc.get("source") or st["document_id"],
            "url": doc.get("url") if _safe_url(doc.get("url")) else None,
            "confidence": st.get("confidence"), "found_by": st.get("found_by") or "rules",
            "continues": st.get("part_of"),  # the first part's id; its row number below
        })
    continued = {r["continues"] for r in rows if r["continues"]}
    for r in rows:  # words an attribution splits read as one: "The cap …" / "… would help" (continues [3])
        r["continued"] = r["id"] in continued
        r["continues"] = number.get(r["continues"]) if r["continues"] else None
    findings: dict[str, list] = {k: [] for k in KIND_TITLES}
    for f in ledger["findings"]:
        findings.setdefault(f["kind"], []).append({
            **f, "refs": [number[i] for i in f["statement_ids"] if i in number],
            "summary": re.sub(r"\s*\[s_[0-9a-f]+\]", "", f["summary"])})
    return {"targets": list(targets.values()), "statements": rows, "findings": findings,
            "partial": ledger.get("partial"),
            "kind_titles": KIND_TITLES, "documents": list(docs.values()), "organizations": orgs,
            "colors": STANCE_COLORS}


def partial_note(partial: dict) -> str:
    return (f"The ledger holds {partial['of']:,} statements; this report lists {partial.get('chosen', 'a selection')} "
            f"({partial['statements']:,}); onrecord export writes them all.")


def _when(said: dict) -> str:
    if not said.get("start") and not said.get("end"):
        return "undated"
    if said.get("basis") == "published":
        return f"on or before {said.get('end')}"
    if said.get("start") == said.get("end"):
        return said["start"]
    return f"{said.get('start')} – {said.get('end')}"


def _safe_url(url: str | None) -> bool:
    return bool(url) and re.match(r"^https?://", url or "") is not None


def timeline_svg(ledger: dict[str, Any], target_id: str) -> str | None:
    """A Vega-Lite timeline (time × speaker grouped by body), rendered offline to SVG."""
    try:
        import altair as alt
        import vl_convert
    except ImportError:
        return None
    values = []
    for n, st in enumerate(ledger["statements"], 1):
        said = st.get("said") or {}
        day = said.get("start") or said.get("end")
        sp = st.get("speaker") or {}
        for s in st.get("stances") or []:
            if s["target_id"] != target_id or not day:
                continue
            path = sp.get("organization_path") or []
            body = path[1] if len(path) > 1 else (path[0] if path else "jointly" if sp.get("joint") else "other")
            values.append({"date": day, "speaker": f"{body} · {sp.get('name') or sp.get('text') or '?'}",
                           "stance": s["stance"], "ref": str(n),
                           "dated": "from the text" if said.get("basis") == "text" else "by publication only"})
    if not values:
        return None
    scale = alt.Scale(domain=list(STANCE_COLORS), range=list(STANCE_COLORS.values()))
    base = alt.Chart(alt.Data(values=values))
    points = base.mark_point(size=140, opacity=0.9, filled=True).encode(
        x=alt.X("date:T", title="when said"), y=alt.Y("speaker:N", title=None, sort="ascending"),
        color=alt.Color("stance:N", scale=scale, legend=alt.Legend(title="stance")),
        shape=alt.Shape("dated:N", scale=alt.Scale(domain=["from the text", "by publication only"],
                                                    range=["circle", "triangle-down"]),
                        legend=alt.Legend(title="date")))
    labels = base.mark_text(dx=10, dy=-8, fontSize=9).encode(x="date:T", y="speaker:N", text="ref:N")
    chart = (points + labels).properties(width=560, height=max(60, 28 * len({v["speaker"] for v in values})))
    svg = vl_convert.vegalite_to_svg(chart.to_json())
    return re.sub(r"<script.*?</script>", "", svg, flags=re.S | re.I)


def render_html(ledger: dict[str, Any]) -> str:
    env = Environment(loader=PackageLoader("onrecord.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]))
    env.filters["partial_note"] = partial_note
    ctx = view(ledger)
    from markupsafe import Markup

    ctx["charts"] = {t["id"]: Markup(svg) for t in ctx["targets"]
                     if (svg := timeline_svg(ledger, t["id"]))}
    return env.get_template("report.html.j2").render(**ctx)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def md(text: Any) -> str:
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def render_markdown(ledger: dict[str, Any]) -> str:
    ctx = view(ledger)
    out = ["# onrecord report", ""]
    if ctx["partial"]:
        out += [md(partial_note(ctx["partial"])), ""]
    for kind, title in KIND_TITLES.items():
        items = ctx["findings"].get(kind) or []
        if not items:
            continue
        out += [f"## {title}", ""]
        for f in items:
            refs = ", ".join(f"[{r}]" for r in f["refs"])
            out.append(f"- {md(f['summary'])} (confidence {f['confidence']:.2f}) {refs}")
        out.append("")
    out += ["## Statements", "", "| # | speaker | role / body | when | kind | stance | quote |",
            "|---|---|---|---|---|---|---|"]
    for r in ctx["statements"]:
        stance = "; ".join(f"{s['stance']} ({'analyst' if s['source'] == 'analyst' else format(s['confidence'], '.2f')})"
                           + (f" if {md(s['condition'])}" if s["condition"] else "")
                           + (" (topic named only in its paragraph)" if s["from_paragraph"] else "")
                           + (" (the side taken before, said to hold)" if s["carried"] else "")
                           for s in r["stances"]) or "—"
        role = " / ".join(md(x) for x in (r["role"], r["organization"]) if x) or "—"
        notes = ([f"{r['confidence']:.2f}"] if r["confidence"] is not None else []) + (
            ["tagger only"] if r["found_by"] == "tagger" else []) + ([f"via {md(r['via'])}"] if r["via"] else [])
        kind = r["kind"] + (f" ({', '.join(notes)})" if notes else "")
        words = f"“{md(r['text'])}”" if r["kind"] in ("direct", "mixed") else md(r["text"])  # paraphrase is no quotation
        words = ("… " if r["continues"] else "") + words + (" …" if r["continued"] else "") + (
            f" (continues [{r['continues']}])" if r["continues"] else "")
        out.append(f"| {r['n']} | {md(r['speaker'])} | {role} | {md(r['said'])} | {kind} | {stance} | "
                   f"{words} — {md(r['document'])} |")
    return "\n".join(out) + "\n"


def write_report(ledger: dict[str, Any], path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in (".md", ".markdown"):
        path.write_text(render_markdown(ledger), "utf-8")
    else:
        path.write_text(render_html(ledger), "utf-8")
    return path

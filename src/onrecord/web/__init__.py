"""A read-only web UI over the ledger: the report, each statement in its document, each actor
with what they said, and a JSON API for other tools. It reads the store and writes nothing.

    onrecord serve --db onrecord.db   # then open http://127.0.0.1:8000/
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from .. import ledger as ledger_mod
from ..report import render_html
from ..store import Store, is_url

_env = Environment(loader=PackageLoader("onrecord.web", "templates"), autoescape=select_autoescape(["html", "j2"]))


def create_app(db: str | Path) -> FastAPI:
    """The app for one ledger. The ledger is built once and built again only when the database
    files change (a running `analyze` may be adding to it): building it for every request took
    3 s a page on a ledger of 840 articles."""
    app = FastAPI(title="onrecord", description="What officials said, with evidence.")
    path = str(db)
    cache: dict = {"version": None, "ledger": None}
    lock = threading.Lock()

    def load() -> dict:
        with lock:
            version = _version(path)
            if cache["version"] != version or cache["ledger"] is None:
                with Store(path) as store:
                    cache["ledger"] = ledger_mod.build(store)
                cache["version"] = version
            return cache["ledger"]

    @app.get("/", response_class=HTMLResponse)
    def home():
        led = load()
        return _env.get_template("home.html.j2").render(
            targets=led["targets"], actors=_actor_rows(led), documents=led["documents"],
            n_statements=len(led["statements"]), findings=led["findings"][:50])

    @app.get("/report", response_class=HTMLResponse)
    def report():
        return render_html(load())

    @app.get("/statements/{statement_id}", response_class=HTMLResponse)
    def statement(statement_id: str):
        led = load()
        st = _one(led, "statements", statement_id)
        doc = _one(led, "documents", st["document_id"])
        text = doc["text"]
        a, b = max(0, st["start"] - 600), min(len(text), st["end"] + 600)
        return _env.get_template("statement.html.j2").render(
            st=st, doc=doc, before=text[a:st["start"]], quote=text[st["start"]:st["end"]],
            after=text[st["end"]:b], targets=_questions(led))

    @app.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor(actor_id: str):
        led = load()
        who = _one(led, "actors", actor_id)
        said = [s for s in led["statements"] if (s["speaker"] or {}).get("actor_id") == actor_id]
        return _env.get_template("actor.html.j2").render(
            actor=who, statements=sorted(said, key=lambda s: s["said"].get("start") or s["said"].get("end") or ""),
            targets=_questions(led))

    @app.get("/api/ledger")
    def api_ledger():
        return JSONResponse(load())

    @app.get("/api/statements")
    def api_statements(actor: str | None = None, target: str | None = None,
                       stance: str | None = None, q: str | None = Query(None, max_length=200)):
        """Statements filtered by speaker, question, stance, or words in the statement."""
        rows = []
        for s in load()["statements"]:
            if actor and (s["speaker"] or {}).get("actor_id") != actor:
                continue
            if target and not any(x["target_id"] == target and (not stance or x["stance"] == stance)
                                  for x in s["stances"]):
                continue
            if stance and not target and not any(x["stance"] == stance for x in s["stances"]):
                continue
            if q and q.lower() not in s["text"].lower():
                continue
            rows.append(s)
        return {"count": len(rows), "statements": rows}

    return app


def _version(path: str) -> tuple:
    """What changes when anything is written: size and time of a SQLite file and its WAL, or a
    PostgreSQL ledger's change counter."""
    if is_url(path):
        with Store(path) as store:
            return (store.serial,)
    out = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


def _one(led: dict, table: str, item_id: str) -> dict:
    found = next((x for x in led[table] if x["id"] == item_id), None)
    if found is None:
        raise HTTPException(404, f"no {table[:-1]} {item_id}")
    return found


def _questions(led: dict) -> dict[str, str]:
    return {t["id"]: t["question"] for t in led["targets"]}


def _actor_rows(led: dict) -> list[dict]:
    counts: dict[str, int] = {}
    for s in led["statements"]:
        aid = (s["speaker"] or {}).get("actor_id")
        if aid:
            counts[aid] = counts.get(aid, 0) + 1
    rows = [dict(a, count=counts.get(a["id"], 0)) for a in led["actors"]]
    return sorted(rows, key=lambda a: (-a["count"], a["name"]))

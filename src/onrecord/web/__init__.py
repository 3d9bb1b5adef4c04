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


PAGE = 200  # statements on an actor's page
API_PAGE = 100  # statements an API call gives unless asked for more
API_MAX = 1000
ACTORS_SHOWN = 100  # speakers on the home page, most statements first


def create_app(db: str | Path) -> FastAPI:
    """The app for one ledger. Every page asks the store for what it shows, so a team's ledger
    of millions of statements serves as fast as a small one; only the report is cached, and is
    made again when the ledger changes (a running `analyze` may be adding to it)."""
    app = FastAPI(title="onrecord", description="What officials said, with evidence.")
    path = str(db)
    local = threading.local()
    cache: dict = {"version": None, "report": None}
    lock = threading.Lock()

    def store() -> Store:
        """This server thread's connection, kept between requests (one per request cost a
        round trip to a team's PostgreSQL server, and SQLite connections stay in their thread)."""
        if getattr(local, "store", None) is None:
            local.store = Store(path)
        return local.store

    def questions() -> dict[str, str]:
        return {t.id: t.question for t in store().targets()}

    @app.get("/", response_class=HTMLResponse)
    def home():
        st = store()
        speakers = st.speakers()
        top = sorted(speakers, key=lambda a: (-speakers[a], a))[:ACTORS_SHOWN]  # ties cut the same way on every backend
        found = st.actors(top)
        actors = sorted(({**found[a].to_dict(), "count": speakers[a]} for a in top if a in found),
                        key=lambda a: (-a["count"], a["name"]))
        counts = st.counts()
        stances = st.stance_counts()
        targets = [{"id": t.id, "question": t.question, "stances": stances.get(t.id, {})} for t in st.targets()]
        return _env.get_template("home.html.j2").render(
            targets=targets, actors=actors, counts=counts, n_speakers=len(speakers),
            findings=[f.to_dict() for f in st.findings()[:50]])

    @app.get("/report", response_class=HTMLResponse)
    def report():
        with lock:
            version = _version(path, store())
            if cache["version"] != version:
                cache["report"] = render_html(ledger_mod.for_report(store()))
                cache["version"] = version
            return cache["report"]

    @app.get("/statements/{statement_id}", response_class=HTMLResponse)
    def statement(statement_id: str):
        found = store().statements(ids=[statement_id])
        if not found:
            raise HTTPException(404, f"no statement {statement_id}")
        st = found[0].to_dict()
        doc = _document(store(), st["document_id"])
        text = doc["text"]
        a, b = max(0, st["start"] - 600), min(len(text), st["end"] + 600)
        parts = [p.id for p in store().statements(st["document_id"]) if p.part_of == statement_id]
        return _env.get_template("statement.html.j2").render(
            st=st, doc=doc, before=text[a:st["start"]], quote=text[st["start"]:st["end"]],
            after=text[st["end"]:b], targets=questions(), parts=parts)

    @app.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor(actor_id: str, page: int = Query(1, ge=1)):
        who = store().actor(actor_id)
        if who is None:
            raise HTTPException(404, f"no actor {actor_id}")
        total = store().count_statements(actor_id=actor_id)
        said = store().statements(actor_id=actor_id, by_date=True, limit=PAGE, offset=(page - 1) * PAGE)
        return _env.get_template("actor.html.j2").render(
            actor=who.to_dict(), statements=[s.to_dict() for s in said], targets=questions(),
            total=total, page=page, pages=max(1, -(-total // PAGE)))

    @app.get("/api/ledger")
    def api_ledger():
        """The whole JSON ledger; a large one is refused (use the paged statements or `export`)."""
        total = store().count_statements()
        if total > ledger_mod.REPORT_ALL:
            raise HTTPException(413, f"the ledger holds {total:,} statements: page through /api/statements, "
                                     "or run onrecord export")
        return JSONResponse(ledger_mod.build(store()))

    @app.get("/api/statements")
    def api_statements(actor: str | None = None, target: str | None = None,
                       stance: str | None = Query(None, max_length=20), q: str | None = Query(None, max_length=200),
                       limit: int = Query(API_PAGE, ge=1, le=API_MAX), offset: int = Query(0, ge=0)):
        """Statements filtered by speaker, question, stance, or words in the statement, a page at a time."""
        selection = {"actor_id": actor, "target_id": target, "stance": stance, "words": q}
        if q:  # words are matched in Python after a scan: scan once, count and page what it found
            found = store().statements(**selection)
            rows, total = found[offset:offset + limit], len(found)
        else:
            rows = store().statements(limit=limit, offset=offset, **selection)
            total = store().count_statements(**selection)
        return {"count": total, "offset": offset, "statements": [s.to_dict() for s in rows],
                "next": offset + limit if offset + limit < total else None}

    return app


def _document(st: Store, document_id: str) -> dict:
    docs = st.documents([document_id])
    if not docs:
        raise HTTPException(404, f"no document {document_id}")
    return docs[0].to_dict()


def _version(path: str, store: Store) -> tuple:
    """What changes when anything is written: size and time of a SQLite file and its WAL, or a
    PostgreSQL ledger's change counter."""
    if is_url(path):
        return (store.serial,)
    out = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)

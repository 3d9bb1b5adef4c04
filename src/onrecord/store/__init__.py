"""The SQLite ledger: versioned schema, one writer, one transaction per document.

An interrupted run keeps every document it finished; re-running skips documents already
analysed with the same settings, so running twice stores nothing new.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from ..errors import StoreError
from ..model import Actor, Document, Finding, Organization, Statement, Target

MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = []


def migration(name: str):
    def deco(fn):
        MIGRATIONS.append((name, fn))
        return fn
    return deco


@migration("initial")
def _m1(db: sqlite3.Connection) -> None:
    _script(db, """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, parent_id TEXT, source TEXT, url TEXT,
        title TEXT, author TEXT, published TEXT, text TEXT NOT NULL, blocks TEXT NOT NULL,
        ingested_at TEXT NOT NULL);
    CREATE TABLE analyses (
        document_id TEXT PRIMARY KEY REFERENCES documents(id), settings TEXT NOT NULL,
        analysed_at TEXT NOT NULL);
    CREATE TABLE statements (
        id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id),
        kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        actor_id TEXT, said_start TEXT, said_end TEXT, data TEXT NOT NULL);
    CREATE INDEX statements_document ON statements(document_id);
    CREATE INDEX statements_actor ON statements(actor_id);
    CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE targets (id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE findings (id TEXT PRIMARY KEY, kind TEXT NOT NULL, target_id TEXT, data TEXT NOT NULL);
    """)


@migration("analyst corrections")
def _m2(db: sqlite3.Connection) -> None:
    _script(db, """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT, statement_id TEXT NOT NULL, field TEXT NOT NULL,
        target_id TEXT, value TEXT NOT NULL, note TEXT, created_at TEXT NOT NULL);
    CREATE INDEX corrections_statement ON corrections(statement_id);
    """)


@migration("actor merges")
def _m3(db: sqlite3.Connection) -> None:
    _script(db, """
    CREATE TABLE actor_merges (from_id TEXT PRIMARY KEY, into_id TEXT NOT NULL, created_at TEXT NOT NULL)
    """)


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the caller's transaction (executescript would commit)."""
    for stmt in sql.split(";"):
        if stmt.strip():
            db.execute(stmt)


def settings_key(targets: list[Target], options) -> str:
    blob = json.dumps({"targets": [t.to_dict() for t in targets],
                       "backend": options.stance_backend, "llm": [options.llm_url, options.llm_model],
                       "statements": options.statements_backend,
                       "registry": options.actors_registry,
                       "model": options.model, "version": _version()}, sort_keys=True)
    return hashlib.sha1(blob.encode()).hexdigest()[:16]


def _version() -> str:
    from .. import __version__
    return __version__


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"not a usable onrecord database ({exc})", source=self.path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, "
                        "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT version FROM migrations")}
        for version, (name, fn) in enumerate(MIGRATIONS, 1):
            if version in done:
                continue
            with self.transaction() as db:
                fn(db)
                db.execute("INSERT INTO migrations VALUES (?, ?, ?)", (version, name, _now()))

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT max(version) FROM migrations").fetchone()[0] or 0

    # -- writes
    def _insert_document(self, db, doc: Document) -> bool:
        cur = db.execute(
            "INSERT OR IGNORE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.kind, doc.parent_id, doc.source, doc.url, doc.title, doc.author,
             doc.published, doc.text, json.dumps([[b.start, b.end, b.kind] for b in doc.blocks]), _now()))
        return cur.rowcount > 0

    def add_documents(self, docs: list[Document]) -> int:
        """Store documents (one transaction); returns how many were new."""
        with self.transaction() as db:
            return sum(self._insert_document(db, d) for d in docs)

    def is_analysed(self, document_id: str, settings: str) -> bool:
        row = self.db.execute("SELECT settings FROM analyses WHERE document_id=?", (document_id,)).fetchone()
        return bool(row) and row[0] == settings

    def save_analysis(self, doc: Document, statements: list[Statement], actors: dict[str, Actor],
                      settings: str) -> None:
        """A document and everything found in it, all or nothing."""
        with self.transaction() as db:
            self._insert_document(db, doc)
            before = {r[0] for r in db.execute(
                "SELECT DISTINCT actor_id FROM statements WHERE document_id=? AND actor_id IS NOT NULL", (doc.id,))}
            db.execute("DELETE FROM statements WHERE document_id=?", (doc.id,))
            for st in statements:
                sp = st.speaker
                db.execute("INSERT OR REPLACE INTO statements VALUES (?,?,?,?,?,?,?,?,?)",
                           (st.id, doc.id, st.kind, st.content.start, st.content.end,
                            sp.actor_id if sp else None, st.said.start, st.said.end,
                            json.dumps(st.to_dict(), ensure_ascii=False)))
            for actor in actors.values():
                self._upsert_actor(db, actor)
            self._drop_orphans(db, before)
            db.execute("INSERT OR REPLACE INTO analyses VALUES (?,?,?)", (doc.id, settings, _now()))

    def _drop_orphans(self, db, actor_ids: set[str]) -> None:
        """Actors a re-analysis left without a statement (a new version names them otherwise),
        unless an analyst merged or named them."""
        for aid in actor_ids:
            if db.execute("SELECT 1 FROM statements WHERE actor_id=? LIMIT 1", (aid,)).fetchone():
                continue
            if db.execute("SELECT 1 FROM actor_merges WHERE from_id=? OR into_id=? LIMIT 1", (aid, aid)).fetchone():
                continue
            if db.execute("SELECT 1 FROM corrections WHERE value LIKE ? LIMIT 1", (f"%{aid}%",)).fetchone():
                continue
            db.execute("DELETE FROM actors WHERE id=?", (aid,))

    def _upsert_actor(self, db, actor: Actor) -> None:
        from ..actors import merge_actor

        row = db.execute("SELECT data FROM actors WHERE id=?", (actor.id,)).fetchone()
        if row:
            old = Actor.from_dict(json.loads(row[0]))
            merged = merge_actor(old, actor)
            roles = []
            for r in merged.roles:  # widen a role's dates to cover both sightings
                same = [o for o in (*old.roles, *actor.roles) if o.title == r.title and o.organization_id == r.organization_id]
                starts = [o.start for o in same if o.start]
                ends = [o.end for o in same if o.end]
                roles.append(type(r)(r.title, r.organization_id, min(starts) if starts else None,
                                     max(ends) if ends else None))
            actor = Actor(merged.id, merged.name, merged.kind, tuple(roles))
        db.execute("INSERT OR REPLACE INTO actors VALUES (?,?,?,?)",
                   (actor.id, actor.name, actor.kind, json.dumps(actor.to_dict(), ensure_ascii=False)))

    def save_targets(self, targets: list[Target]) -> None:
        with self.transaction() as db:
            for t in targets:
                db.execute("INSERT OR REPLACE INTO targets VALUES (?,?)", (t.id, json.dumps(t.to_dict())))

    def save_organizations(self, orgs: list[Organization]) -> None:
        with self.transaction() as db:
            for o in orgs:
                db.execute("INSERT OR REPLACE INTO organizations VALUES (?,?,?)",
                           (o.id, o.name, json.dumps(o.to_dict(), ensure_ascii=False)))

    def replace_findings(self, findings: list[Finding]) -> None:
        """Findings are derived from the whole ledger, so they are recomputed, not appended."""
        with self.transaction() as db:
            db.execute("DELETE FROM findings")
            for f in findings:
                db.execute("INSERT INTO findings VALUES (?,?,?,?)",
                           (f.id, f.kind, f.target_id, json.dumps(f.to_dict(), ensure_ascii=False)))

    # -- reads
    def documents(self) -> list[Document]:
        rows = self.db.execute("SELECT id, kind, parent_id, source, url, title, author, published, text, "
                               "blocks FROM documents ORDER BY ingested_at, id").fetchall()
        return [Document.from_dict({"id": r[0], "kind": r[1], "parent_id": r[2], "source": r[3],
                                    "url": r[4], "title": r[5], "author": r[6], "published": r[7],
                                    "text": r[8], "blocks": json.loads(r[9])}) for r in rows]

    def add_correction(self, statement_id: str, field: str, value: dict, target_id: str | None = None,
                       note: str | None = None) -> None:
        if self.db.execute("SELECT 1 FROM statements WHERE id=?", (statement_id,)).fetchone() is None:
            raise StoreError(f"no statement {statement_id!r} in the ledger", source=self.path)
        with self.transaction() as db:
            db.execute("INSERT INTO corrections (statement_id, field, target_id, value, note, created_at) "
                       "VALUES (?,?,?,?,?,?)", (statement_id, field, target_id, json.dumps(value), note, _now()))

    def corrections(self) -> list[dict]:
        rows = self.db.execute("SELECT statement_id, field, target_id, value, note, created_at FROM corrections "
                               "ORDER BY id").fetchall()
        return [{"statement_id": r[0], "field": r[1], "target_id": r[2], "value": json.loads(r[3]),
                 "note": r[4], "created_at": r[5]} for r in rows]

    def merge_actors(self, from_id: str, into_id: str) -> None:
        """Declare two actor ids one person; kept, so re-analysis cannot split them again."""
        known = {r[0] for r in self.db.execute("SELECT id FROM actors")}
        for aid in (from_id, into_id):
            if aid not in known:
                raise StoreError(f"no actor {aid!r} in the ledger", source=self.path)
        if from_id == into_id:
            raise StoreError("cannot merge an actor into itself", source=self.path)
        with self.transaction() as db:
            db.execute("UPDATE actor_merges SET into_id=? WHERE into_id=?", (into_id, from_id))
            db.execute("INSERT OR REPLACE INTO actor_merges VALUES (?,?,?)", (from_id, into_id, _now()))

    def merges(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT from_id, into_id FROM actor_merges"))

    def statements(self, document_id: str | None = None, corrected: bool = True) -> list[Statement]:
        """Stored statements; with ``corrected``, actor merges and analysts' corrections applied."""
        found = self._statements(document_id)
        if not corrected:
            return found
        merges = self.merges()
        if merges:
            from dataclasses import replace as _replace
            actors = self.actors()
            found = [_replace(st, speaker=_replace(st.speaker, actor_id=merges[st.speaker.actor_id],
                                                   name=actors[merges[st.speaker.actor_id]].name))
                     if st.speaker and st.speaker.actor_id in merges else st for st in found]
        corrections = self.corrections()
        if not corrections:
            return found
        from ..review import apply

        ids = {s.document_id for s in found}
        texts = {d.id: d.text for d in self.documents() if d.id in ids}
        return apply(found, corrections, texts)

    def _statements(self, document_id: str | None = None) -> list[Statement]:
        sql = "SELECT data FROM statements"
        args: tuple = ()
        if document_id:
            sql += " WHERE document_id=?"
            args = (document_id,)
        sql += " ORDER BY document_id, start, \"end\""
        return [Statement.from_dict(json.loads(r[0])) for r in self.db.execute(sql, args)]

    def actors(self) -> dict[str, Actor]:
        """Actors, with merged ones folded into the actor they were merged into."""
        from ..actors import merge_actor

        found = {r[0]: Actor.from_dict(json.loads(r[1])) for r in self.db.execute("SELECT id, data FROM actors ORDER BY id")}
        for from_id, into_id in self.merges().items():
            if from_id in found and into_id in found:
                gone = found.pop(from_id)
                kept = found[into_id]
                merged = merge_actor(kept, Actor(kept.id, gone.name, gone.kind, gone.roles))
                found[into_id] = Actor(kept.id, kept.name, kept.kind, merged.roles)
        return found

    def organizations(self) -> dict[str, Organization]:
        return {r[0]: Organization.from_dict(json.loads(r[1]))
                for r in self.db.execute("SELECT id, data FROM organizations ORDER BY id")}

    def targets(self) -> list[Target]:
        return [Target.from_dict(json.loads(r[0])) for r in self.db.execute("SELECT data FROM targets ORDER BY id")]

    def findings(self) -> list[Finding]:
        return [Finding.from_dict(json.loads(r[0])) for r in self.db.execute("SELECT data FROM findings")]

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "statements", "actors", "findings")}


__all__ = ["Store", "settings_key", "MIGRATIONS"]

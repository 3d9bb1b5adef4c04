"""The ledger: versioned schema, one transaction per document, in SQLite or PostgreSQL.

An interrupted run keeps every document it finished; re-running skips documents already
analysed with the same settings, so running twice stores nothing new. A SQLite file is the
default; a ``postgresql://`` URL gives a team one ledger that several runs write at once.
Both speak the same SQL (``INSERT ... ON CONFLICT``), so the two differ only in connecting,
placeholders and how a write transaction waits for another.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from ..errors import StoreError
from ..model import Actor, Document, Finding, Organization, Statement, Target

MIGRATIONS: list[tuple[str, Callable]] = []


def migration(name: str):
    def deco(fn):
        MIGRATIONS.append((name, fn))
        return fn
    return deco


def is_url(db: str | Path) -> bool:
    return str(db).startswith(("postgresql://", "postgres://"))


def redacted(db: str) -> str:
    """A database name for messages: a URL without its password."""
    if not is_url(db):
        return db
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(db)
    if parts.password is None:
        return db
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


@migration("initial")
def _m1(db) -> None:
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
def _m2(db) -> None:
    _script(db, """
    CREATE TABLE corrections (
        id {serial}, statement_id TEXT NOT NULL, field TEXT NOT NULL,
        target_id TEXT, value TEXT NOT NULL, note TEXT, created_at TEXT NOT NULL);
    CREATE INDEX corrections_statement ON corrections(statement_id);
    """)


@migration("actor merges")
def _m3(db) -> None:
    _script(db, """
    CREATE TABLE actor_merges (from_id TEXT PRIMARY KEY, into_id TEXT NOT NULL, created_at TEXT NOT NULL)
    """)


@migration("change counter, finding order")
def _m4(db) -> None:
    """One row every write transaction updates: readers (the web UI) see that the ledger changed,
    and in PostgreSQL its row lock makes concurrent writers take turns. Findings keep the order
    they were drawn in, which PostgreSQL does not promise without a column to sort on."""
    _script(db, """
    CREATE TABLE changes (id INTEGER PRIMARY KEY CHECK (id = 1), serial INTEGER NOT NULL);
    INSERT INTO changes VALUES (1, 0);
    ALTER TABLE findings ADD COLUMN position INTEGER
    """)


@migration("stances by question")
def _m5(db) -> None:
    """Each statement's stance on each question, and its speaker's actor and body, as analysts'
    corrections leave them: pages, the API and the findings select what they need in SQL
    instead of reading every statement of a ledger that may hold millions."""
    _script(db, """
    CREATE TABLE stances (statement_id TEXT NOT NULL, target_id TEXT NOT NULL, stance TEXT NOT NULL,
                          PRIMARY KEY (statement_id, target_id));
    CREATE INDEX stances_target ON stances(target_id, stance);
    CREATE INDEX statements_said ON statements(said_start);
    ALTER TABLE statements ADD COLUMN organization_id TEXT
    """)
    _reindex(db, [r[0] for r in db.execute("SELECT id FROM statements").fetchall()], words=False)  # (migration 6)


@migration("words of statements")
def _m6(db) -> None:
    """Each statement's words, lower-cased, in a table of their own with a trigram index, so a
    search by words (the web UI's, the API's, ``statements --words``) reads an index instead
    of every statement's data: SQLite's FTS5 trigram tokenizer, or PostgreSQL's pg_trgm when
    the ledger's role may create it. Without either the narrow table is still what is scanned."""
    _script(db, "CREATE TABLE statement_words (statement_id TEXT PRIMARY KEY, words TEXT NOT NULL)")
    if isinstance(db, _Postgres):
        db.execute("SAVEPOINT trigram")
        try:
            db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            db.execute("CREATE INDEX statement_words_trigram ON statement_words USING gin (words gin_trgm_ops)")
            db.execute("RELEASE SAVEPOINT trigram")
        except db.errors:
            db.execute("ROLLBACK TO SAVEPOINT trigram")
    else:
        try:
            db.execute("CREATE VIRTUAL TABLE statement_words_fts USING fts5(words, content='statement_words', "
                       "content_rowid='rowid', tokenize='trigram')")
        except sqlite3.OperationalError:  # an SQLite built without FTS5 or older than 3.34
            pass
        else:
            for sql in WORDS_TRIGGERS:
                db.execute(sql)
    last = ""
    while True:  # a batch at a time: a ledger may hold millions
        rows = db.execute("SELECT id, data FROM statements WHERE id > ? ORDER BY id LIMIT 5000", (last,)).fetchall()
        if not rows:
            break
        db.executemany("INSERT INTO statement_words VALUES (?, ?)",
                       [(r[0], _words(Statement.from_dict(json.loads(r[1])).content.text)) for r in rows])
        last = rows[-1][0]


WORDS_TRIGGERS = (
    "CREATE TRIGGER statement_words_added AFTER INSERT ON statement_words BEGIN "
    "INSERT INTO statement_words_fts(rowid, words) VALUES (new.rowid, new.words); END",
    "CREATE TRIGGER statement_words_removed AFTER DELETE ON statement_words BEGIN "
    "INSERT INTO statement_words_fts(statement_words_fts, rowid, words) VALUES ('delete', old.rowid, old.words); END",
    "CREATE TRIGGER statement_words_changed AFTER UPDATE ON statement_words BEGIN "
    "INSERT INTO statement_words_fts(statement_words_fts, rowid, words) VALUES ('delete', old.rowid, old.words); "
    "INSERT INTO statement_words_fts(rowid, words) VALUES (new.rowid, new.words); END",
)


def _words(text: str) -> str:
    return text.lower()


def _script(db, sql: str) -> None:
    """Run several statements inside the caller's transaction (executescript would commit)."""
    serial = ("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" if isinstance(db, _Postgres)
              else "INTEGER PRIMARY KEY AUTOINCREMENT")
    for stmt in sql.replace("{serial}", serial).split(";"):
        if stmt.strip():
            db.execute(stmt)


CHUNK = 500  # ids per "IN (...)" list: well under SQLite's limit of variables


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(items) -> str:
    return ",".join("?" * len(items))


def _follow_corrections(db, corrected: list[tuple], statements: list[Statement]) -> None:
    """An analyst's correction of a statement whose words a new version reads a little
    differently (its span, and so its id, moved: a closing quotation mark now kept) goes to
    the new statement that covers most of the old words, at least half of them. One the new
    version no longer finds stays as it was, for a later version that finds it again."""
    ids = {st.id for st in statements}
    for old_id, start, end in corrected:
        if old_id in ids or end <= start:
            continue
        best, share = None, 0.5
        for st in statements:
            common = min(end, st.content.end) - max(start, st.content.start)
            if common / (end - start) >= share and common > 0:
                best, share = st.id, common / (end - start)
        if best is not None:
            db.execute("UPDATE corrections SET statement_id=? WHERE statement_id=?", (best, old_id))


def _corrections_of(db, ids: list[str]) -> list[dict]:
    out = []
    for part in _chunks(ids):
        out += [{"id": r[0], "statement_id": r[1], "field": r[2], "target_id": r[3], "value": json.loads(r[4]),
                 "note": r[5], "created_at": r[6]}
                for r in db.execute("SELECT id, statement_id, field, target_id, value, note, created_at "
                                    f"FROM corrections WHERE statement_id IN ({_marks(part)})", tuple(part))]
    return sorted(out, key=lambda c: c["id"])  # oldest first: the latest correction wins


def _by_place(st: Statement) -> tuple:
    return st.document_id, st.content.start, st.content.end


def _by_date(st: Statement) -> tuple:
    return st.said.start or st.said.end or "", st.document_id, st.content.start


def _speaker_columns(st: Statement) -> tuple[str | None, str | None]:
    return (st.speaker.actor_id, st.speaker.organization_id) if st.speaker else (None, None)


def _index(db, statements: list[Statement], rewrite_speakers: bool = False, words: bool = True) -> None:
    """Write the queryable copy of statements (their speaker's actor, their stance rows) with
    the analysts' corrections applied; the statements' own data stays what the analysis found.
    The caller has removed their old stance rows."""
    corrections = _corrections_of(db, [st.id for st in statements]) if statements else []
    if corrections:
        from ..review import apply

        statements = apply(statements, corrections, {})
    if corrections or rewrite_speakers:
        db.executemany("UPDATE statements SET actor_id=?, organization_id=? WHERE id=?",
                       [(*_speaker_columns(st), st.id) for st in statements])
    db.executemany("INSERT INTO stances VALUES (?,?,?) ON CONFLICT DO NOTHING",
                   [(st.id, s.target_id, s.stance) for st in statements for s in st.stances])
    if words:
        db.executemany("INSERT INTO statement_words VALUES (?,?) ON CONFLICT DO NOTHING",
                       [(st.id, _words(st.content.text)) for st in statements])


def _reindex(db, ids: list[str], words: bool = True) -> None:
    """The queryable copy of these stored statements, written again (after a correction, a copy
    or the migration that added it)."""
    for part in _chunks(ids):
        rows = db.execute(f"SELECT data FROM statements WHERE id IN ({_marks(part)})", tuple(part)).fetchall()
        db.execute(f"DELETE FROM stances WHERE statement_id IN ({_marks(part)})", tuple(part))
        if words:
            db.execute(f"DELETE FROM statement_words WHERE statement_id IN ({_marks(part)})", tuple(part))
        _index(db, [Statement.from_dict(json.loads(r[0])) for r in rows], rewrite_speakers=True, words=words)


def _upsert(table: str, columns: tuple[str, ...]) -> str:
    """Insert a row or replace the one with its key (the first column)."""
    names = ", ".join(f'"{c}"' for c in columns)
    rest = ", ".join(f'"{c}"=excluded."{c}"' for c in columns[1:])
    return (f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))}) "
            f'ON CONFLICT ("{columns[0]}") DO UPDATE SET {rest}')


STATEMENT_COLUMNS = ("id", "document_id", "kind", "start", "end", "actor_id", "said_start", "said_end", "data",
                     "organization_id")
UPSERT_STATEMENT = _upsert("statements", STATEMENT_COLUMNS)
UPSERT_ACTOR = _upsert("actors", ("id", "name", "kind", "data"))
UPSERT_ANALYSIS = _upsert("analyses", ("document_id", "settings", "analysed_at"))
UPSERT_TARGET = _upsert("targets", ("id", "data"))
UPSERT_ORGANIZATION = _upsert("organizations", ("id", "name", "data"))
UPSERT_MERGE = _upsert("actor_merges", ("from_id", "into_id", "created_at"))


@dataclass(frozen=True)
class Selection:
    """Which statements to read. Every field narrows the choice; none means all of them."""

    document_id: str | None = None
    ids: tuple[str, ...] | list[str] | None = None
    actor_id: str | None = None  # and the actors merged into it
    target_id: str | None = None  # with a stance on this question
    stance: str | None = None  # with this stance (on that question, or on any)
    on_questions: bool = False  # with a stance on some question
    for_findings: bool = False  # what the findings read: a known speaker's, with a stance or a body
    words: str | None = None  # in the statement's text, ignoring case


class _Postgres:
    """A PostgreSQL connection that takes the ledger's SQL as SQLite writes it (``?``)."""

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError:
            raise StoreError("a PostgreSQL ledger needs psycopg: pip install 'onrecord[postgres]'",
                             source=redacted(url)) from None
        self.errors = (psycopg.Error,)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL ({_first_line(exc)})",
                             source=redacted(url)) from None

    def execute(self, sql: str, args: tuple = ()):
        return self.conn.execute(sql.replace("?", "%s"), args)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)

    def close(self) -> None:
        self.conn.close()


def settings_key(targets: list[Target], options) -> str:
    blob = json.dumps({"targets": [t.to_dict() for t in targets],
                       "backend": options.stance_backend, "llm": [options.llm_url, options.llm_model],
                       "statements": options.statements_backend,
                       "registry": options.actors_registry,
                       "model": options.model, "version": _version()}, sort_keys=True)
    return hashlib.sha1(blob.encode()).hexdigest()[:16]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _version() -> str:
    from .. import __version__
    return __version__


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """The ledger at ``path``: a SQLite file (created when missing), ``:memory:``, or a
    ``postgresql://user:password@host/dbname`` URL of an existing database."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.postgres = is_url(self.path)
        errors: tuple = (sqlite3.DatabaseError,)
        try:
            if self.postgres:
                self.db = _Postgres(self.path)
                errors = self.db.errors
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, isolation_level=None)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA foreign_keys=ON")
            self.migrate()
            self._fts = not self.postgres and self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE name='statement_words_fts'").fetchone() is not None
        except errors as exc:
            raise StoreError(f"not a usable onrecord database ({_first_line(exc)})",
                             source=redacted(self.path)) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self, *, counted: bool = True) -> Iterator:
        """A write transaction. Writers take turns: SQLite's BEGIN IMMEDIATE locks the file; in
        PostgreSQL the first statement locks the change counter's row until the commit."""
        self.db.execute("BEGIN" if self.postgres else "BEGIN IMMEDIATE")
        try:
            if counted:
                self.db.execute("UPDATE changes SET serial = serial + 1")
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
            with self.transaction(counted=False) as db:
                if self.postgres:  # two runs starting at once: one migrates, the other waits
                    db.execute("SELECT pg_advisory_xact_lock(7021)")
                    if db.execute("SELECT 1 FROM migrations WHERE version=?", (version,)).fetchone():
                        continue
                fn(db)
                db.execute("INSERT INTO migrations VALUES (?, ?, ?)", (version, name, _now()))

    @property
    def serial(self) -> int:
        """How many write transactions the ledger has seen; it changes whenever anything is written."""
        return self.db.execute("SELECT serial FROM changes").fetchone()[0]

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT max(version) FROM migrations").fetchone()[0] or 0

    # -- writes
    def _insert_document(self, db, doc: Document) -> bool:
        cur = db.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
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
            corrected = db.execute(
                'SELECT DISTINCT s.id, s.start, s."end" FROM statements s JOIN corrections c ON c.statement_id = s.id '
                "WHERE s.document_id=?", (doc.id,)).fetchall()
            for table in ("stances", "statement_words"):
                db.execute(f"DELETE FROM {table} WHERE statement_id IN "
                           "(SELECT id FROM statements WHERE document_id=?)", (doc.id,))
            db.execute("DELETE FROM statements WHERE document_id=?", (doc.id,))
            # one batch, not a round trip per statement (a team's server may be far away)
            db.executemany(UPSERT_STATEMENT, [
                (st.id, doc.id, st.kind, st.content.start, st.content.end, _speaker_columns(st)[0],
                 st.said.start, st.said.end, json.dumps(st.to_dict(), ensure_ascii=False), _speaker_columns(st)[1])
                for st in statements])
            for part in _chunks([st.id for st in statements]):  # an id another document had held
                db.execute(f"DELETE FROM stances WHERE statement_id IN ({_marks(part)})", tuple(part))
                db.execute(f"DELETE FROM statement_words WHERE statement_id IN ({_marks(part)})", tuple(part))
            _follow_corrections(db, corrected, statements)  # before the index, which applies them
            _index(db, statements)
            for actor in actors.values():
                self._upsert_actor(db, actor)
            self._drop_orphans(db, before)
            db.execute(UPSERT_ANALYSIS, (doc.id, settings, _now()))

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
        from ..actors import combine_sightings

        row = db.execute("SELECT data FROM actors WHERE id=?", (actor.id,)).fetchone()
        if row:
            actor = combine_sightings(Actor.from_dict(json.loads(row[0])), actor)
        db.execute(UPSERT_ACTOR,
                   (actor.id, actor.name, actor.kind, json.dumps(actor.to_dict(), ensure_ascii=False)))

    def save_targets(self, targets: list[Target]) -> None:
        with self.transaction() as db:
            for t in targets:
                db.execute(UPSERT_TARGET, (t.id, json.dumps(t.to_dict())))

    def save_organizations(self, orgs: list[Organization]) -> None:
        with self.transaction() as db:
            for o in orgs:
                db.execute(UPSERT_ORGANIZATION,
                           (o.id, o.name, json.dumps(o.to_dict(), ensure_ascii=False)))

    def replace_findings(self, findings: list[Finding]) -> None:
        """Findings are derived from the whole ledger, so they are recomputed, not appended."""
        with self.transaction() as db:
            db.execute("DELETE FROM findings")
            for position, f in enumerate(findings):
                db.execute("INSERT INTO findings VALUES (?,?,?,?,?)",
                           (f.id, f.kind, f.target_id, json.dumps(f.to_dict(), ensure_ascii=False), position))

    def copy_from(self, source: "Store") -> dict[str, int]:
        """Everything in another ledger, added to this one in one transaction (a team moving
        its SQLite ledgers into PostgreSQL): documents and analyses as they were, statements,
        actors (roles combined with what this ledger knows), analysts' corrections and merges
        (each once, however often it is copied). Findings are copied when this ledger had
        none; otherwise they are stale, and the caller draws them again. Returns counts."""
        copied = dict.fromkeys(("documents", "statements", "actors", "corrections", "merges"), 0)
        with self.transaction() as db:
            had_findings = db.execute("SELECT 1 FROM findings LIMIT 1").fetchone() is not None
            copied_ids: list[str] = []
            for row in source.db.execute("SELECT * FROM documents").fetchall():
                cur = db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                                 tuple(row))
                copied["documents"] += max(cur.rowcount, 0)
            for row in source.db.execute("SELECT document_id, settings, analysed_at FROM analyses").fetchall():
                db.execute(UPSERT_ANALYSIS, tuple(row))
            columns = ", ".join(f'"{c}"' for c in STATEMENT_COLUMNS)
            for row in source.db.execute(f"SELECT {columns} FROM statements").fetchall():
                db.execute(UPSERT_STATEMENT, tuple(row))
                copied_ids.append(row[0])
            for (data,) in source.db.execute("SELECT data FROM actors").fetchall():
                self._upsert_actor(db, Actor.from_dict(json.loads(data)))
                copied["actors"] += 1
            for row in source.db.execute("SELECT id, name, data FROM organizations").fetchall():
                db.execute(UPSERT_ORGANIZATION, tuple(row))
            for row in source.db.execute("SELECT id, data FROM targets").fetchall():
                db.execute(UPSERT_TARGET, tuple(row))
            known = {tuple(r) for r in db.execute("SELECT statement_id, field, target_id, value, note, created_at "
                                                  "FROM corrections").fetchall()}
            for row in source.db.execute("SELECT statement_id, field, target_id, value, note, created_at "
                                         "FROM corrections ORDER BY id").fetchall():
                if tuple(row) not in known:
                    db.execute("INSERT INTO corrections (statement_id, field, target_id, value, note, created_at) "
                               "VALUES (?,?,?,?,?,?)", tuple(row))
                    copied["corrections"] += 1
            _reindex(db, copied_ids)  # after the corrections: stances and speakers as they leave them
            copied["statements"] = len(copied_ids)
            for row in source.db.execute("SELECT from_id, into_id, created_at FROM actor_merges").fetchall():
                db.execute(UPSERT_MERGE, tuple(row))
                copied["merges"] += 1
            if not had_findings:
                for row in source.db.execute("SELECT id, kind, target_id, data, position FROM findings").fetchall():
                    db.execute("INSERT INTO findings VALUES (?,?,?,?,?)", tuple(row))
        copied["findings_stale"] = int(had_findings)
        return copied

    # -- reads
    def documents(self, ids: list[str] | None = None) -> list[Document]:
        """All documents, or these, in the order they were stored."""
        sql = "SELECT id, kind, parent_id, source, url, title, author, published, text, blocks, ingested_at FROM documents"
        found = (self.db.execute(sql).fetchall() if ids is None else
                 [r for part in _chunks(sorted(set(ids)))
                  for r in self.db.execute(sql + f" WHERE id IN ({_marks(part)})", tuple(part)).fetchall()])
        rows = sorted(found, key=lambda r: (r[10], r[0]))  # sorted here: PostgreSQL orders text by its locale
        return [Document.from_dict({"id": r[0], "kind": r[1], "parent_id": r[2], "source": r[3],
                                    "url": r[4], "title": r[5], "author": r[6], "published": r[7],
                                    "text": r[8], "blocks": json.loads(r[9])}) for r in rows]

    def document_batches(self, size: int = 500) -> Iterator[list[Document]]:
        """Every document, as ``documents()`` orders them, a batch at a time (a ledger's texts
        may not fit in memory together)."""
        keys = sorted(self.db.execute("SELECT ingested_at, id FROM documents").fetchall())
        for part in _chunks([k[1] for k in keys], size):
            yield self.documents(part)

    def add_correction(self, statement_id: str, field: str, value: dict, target_id: str | None = None,
                       note: str | None = None) -> None:
        if self.db.execute("SELECT 1 FROM statements WHERE id=?", (statement_id,)).fetchone() is None:
            raise StoreError(f"no statement {statement_id!r} in the ledger", source=self.path)
        with self.transaction() as db:
            db.execute("INSERT INTO corrections (statement_id, field, target_id, value, note, created_at) "
                       "VALUES (?,?,?,?,?,?)", (statement_id, field, target_id, json.dumps(value), note, _now()))
            _reindex(db, [statement_id])

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
            db.execute(UPSERT_MERGE, (from_id, into_id, _now()))

    def merges(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT from_id, into_id FROM actor_merges"))

    def statements(self, document_id: str | None = None, corrected: bool = True, *, limit: int | None = None,
                   offset: int = 0, by_date: bool = False, **selection) -> list[Statement]:
        """Stored statements, chosen in SQL (a ledger may hold millions; see ``Selection``). With
        ``corrected``, actor merges and analysts' corrections are applied. A page (``limit``,
        ``offset``) follows document order, or the date said with ``by_date``."""
        sel = Selection(document_id=document_id, **selection)
        if sel.ids is not None and len(sel.ids) > CHUNK:  # a long list of ids: a query per part of it
            found = [st for part in _chunks(list(sel.ids))
                     for st in self.statements(corrected=corrected, **{**vars(sel), "ids": part})]
            found.sort(key=_by_date if by_date else _by_place)
            return found if limit is None else found[offset:offset + limit]
        where, args = self._where(sel)
        sql = 'SELECT data FROM statements' + where
        paged = limit is not None
        if paged:
            sql += (" ORDER BY COALESCE(said_start, said_end, ''), document_id, start, id" if by_date
                    else ' ORDER BY document_id, start, "end", id') + " LIMIT ? OFFSET ?"
            args += (limit, offset)
        found = [Statement.from_dict(json.loads(r[0])) for r in self.db.execute(sql, args).fetchall()]
        if corrected:
            found = self._corrected(found)
        if not paged:
            found.sort(key=_by_date if by_date else _by_place)  # here: PostgreSQL sorts text by its locale
            if limit is not None:
                found = found[offset:offset + limit]
        return found

    def statement_batches(self, size: int = 5000, corrected: bool = True) -> Iterator[list[Statement]]:
        """Every statement, a batch at a time in document order (an export of millions without
        holding them all): each batch starts where the last ended, not at an offset."""
        last: tuple | None = None
        while True:
            sql = 'SELECT document_id, start, "end", id, data FROM statements'
            args: tuple = ()
            if last is not None:
                sql += ' WHERE (document_id, start, "end", id) > (?, ?, ?, ?)'
                args = last
            rows = self.db.execute(sql + ' ORDER BY document_id, start, "end", id LIMIT ?', args + (size,)).fetchall()
            if not rows:
                return
            last = tuple(rows[-1][:4])
            found = [Statement.from_dict(json.loads(r[4])) for r in rows]
            yield self._corrected(found) if corrected else found

    def count_statements(self, **selection) -> int:
        """How many statements ``statements(**selection)`` gives without a page."""
        sel = Selection(**selection)
        if sel.ids is not None and len(sel.ids) > CHUNK:
            return len(self.statements(corrected=False, **selection))
        where, args = self._where(sel)
        return self.db.execute("SELECT count(*) FROM statements" + where, args).fetchone()[0]

    def _where(self, sel: "Selection") -> tuple[str, tuple]:
        clauses: list[str] = []
        args: list = []
        if sel.document_id:
            clauses.append("document_id=?")
            args.append(sel.document_id)
        if sel.ids is not None:
            clauses.append(f"id IN ({_marks(sel.ids)})" if sel.ids else "1=0")
            args += list(sel.ids)
        if sel.actor_id:
            who = [sel.actor_id, *(f for f, into in self.merges().items() if into == sel.actor_id)]
            clauses.append(f"actor_id IN ({_marks(who)})")
            args += who
        if sel.target_id or sel.stance or sel.on_questions:
            inner = [c for c, v in (("target_id=?", sel.target_id), ("stance=?", sel.stance)) if v]
            clauses.append("id IN (SELECT statement_id FROM stances" +
                           (" WHERE " + " AND ".join(inner) if inner else "") + ")")
            args += [v for v in (sel.target_id, sel.stance) if v]
        if sel.for_findings:
            clauses.append("actor_id IS NOT NULL AND (organization_id IS NOT NULL "
                           "OR id IN (SELECT statement_id FROM stances))")
        if sel.words:
            needle = _words(sel.words)
            if self._fts and len(needle) >= 3 and not re.search(r"[%_\\\\]", needle):
                # the trigram index finds the rows; LIKE on it is as case-blind as the words are
                clauses.append("id IN (SELECT statement_id FROM statement_words WHERE rowid IN "
                               "(SELECT rowid FROM statement_words_fts WHERE words LIKE ?))")
                args.append(f"%{needle}%")
            else:
                clauses.append("id IN (SELECT statement_id FROM statement_words WHERE words LIKE ? ESCAPE '\\')")
                args.append("%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(args)

    def _corrected(self, found: list[Statement]) -> list[Statement]:
        """Statements with actor merges and the analysts' corrections of them applied."""
        merges = self.merges()
        if merges:
            from dataclasses import replace as _replace
            into = self.actors(sorted({merges[st.speaker.actor_id] for st in found
                                       if st.speaker and st.speaker.actor_id in merges}))
            found = [_replace(st, speaker=_replace(st.speaker, actor_id=merges[st.speaker.actor_id],
                                                   name=into[merges[st.speaker.actor_id]].name))
                     if st.speaker and merges.get(st.speaker.actor_id) in into else st for st in found]
        corrections = _corrections_of(self.db, [st.id for st in found]) if found else []
        if not corrections:
            return found
        from ..review import apply

        corrected = {c["statement_id"] for c in corrections}
        doc_ids = sorted({st.document_id for st in found if st.id in corrected})
        return apply(found, corrections, self.texts(doc_ids))

    def texts(self, document_ids: list[str]) -> dict[str, str]:
        out = {}
        for part in _chunks(document_ids):
            out.update(self.db.execute(f"SELECT id, text FROM documents WHERE id IN ({_marks(part)})",
                                       tuple(part)).fetchall())
        return out

    def actor(self, actor_id: str) -> Actor | None:
        """One actor, with the actors merged into it folded in."""
        return self.actors([actor_id]).get(actor_id)

    def speakers(self) -> dict[str, int]:
        """How many statements each actor has (merged actors counted under the one they became)."""
        merges = self.merges()
        counts: dict[str, int] = {}
        for aid, n in self.db.execute("SELECT actor_id, count(*) FROM statements WHERE actor_id IS NOT NULL "
                                      "GROUP BY actor_id").fetchall():
            key = merges.get(aid, aid)
            counts[key] = counts.get(key, 0) + n
        return counts

    def stance_counts(self) -> dict[str, dict[str, int]]:
        """For each question, how many statements take each stance (after corrections)."""
        out: dict[str, dict[str, int]] = {}
        for tid, stance, n in self.db.execute("SELECT target_id, stance, count(*) FROM stances "
                                              "GROUP BY target_id, stance").fetchall():
            out.setdefault(tid, {})[stance] = n
        return out

    def actors(self, ids: list[str] | None = None) -> dict[str, Actor]:
        """Actors (all, or these and those merged into them), with merged ones folded into the
        actor they were merged into."""
        from ..actors import merge_actor

        merges = self.merges()
        if ids is None:
            rows = self.db.execute("SELECT id, data FROM actors").fetchall()
        else:
            wanted = set(ids) | {f for f, into in merges.items() if into in set(ids)}
            rows = [r for part in _chunks(sorted(wanted)) for r in self.db.execute(
                f"SELECT id, data FROM actors WHERE id IN ({_marks(part)})", tuple(part)).fetchall()]
        found = {r[0]: Actor.from_dict(json.loads(r[1])) for r in sorted(rows)}
        for from_id, into_id in merges.items():
            if from_id in found and into_id in found:
                gone = found.pop(from_id)
                kept = found[into_id]
                merged = merge_actor(kept, Actor(kept.id, gone.name, gone.kind, gone.roles))
                found[into_id] = Actor(kept.id, kept.name, kept.kind, merged.roles)
        return found

    def organizations(self) -> dict[str, Organization]:
        return {r[0]: Organization.from_dict(json.loads(r[1]))
                for r in sorted(self.db.execute("SELECT id, data FROM organizations").fetchall())}

    def targets(self) -> list[Target]:
        return [Target.from_dict(json.loads(r[1]))
                for r in sorted(self.db.execute("SELECT id, data FROM targets").fetchall())]

    def findings(self) -> list[Finding]:
        return [Finding.from_dict(json.loads(r[0]))
                for r in self.db.execute("SELECT data FROM findings ORDER BY position")]

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "statements", "actors", "findings")}


__all__ = ["Store", "settings_key", "MIGRATIONS", "is_url", "redacted"]

"""The ledger in PostgreSQL, as a team shares it: the same answers as SQLite, writers that take
turns, and an old SQLite ledger that upgrades in place. Uses a throwaway server (conftest)."""
import json
import sqlite3
import threading
import time

import pytest
from click.testing import CliRunner

from onrecord.cli import cli
from onrecord.model import Actor, Role
from onrecord.ingest import parse_text
from onrecord.store import Store

ARTICLE = """Ministers split on the mission

In March, Foreign Minister Lena Varga told reporters that a regional force "needs a clear mandate first."

"We will not send our soldiers," Defence Minister Tomas Reyes said on Tuesday. "That has not changed."
"""

TARGETS = """targets:
  - id: force
    question: Should a regional force deploy?
    keywords: [regional force]
"""


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "t.yaml").write_text(TARGETS)
    return tmp_path


@pytest.mark.slow
def test_a_postgresql_ledger_holds_what_a_sqlite_one_holds_and_keeps_analysts_work(files, postgres_url):
    for db in (files / "x.db", postgres_url):
        r = run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", db, "--published", "2031-04-02")
        assert r.exit_code == 0, r.output
    in_sqlite = json.loads(run("export", "--db", files / "x.db").output)
    in_postgres = json.loads(run("export", "--db", postgres_url).output)
    assert in_postgres == in_sqlite and in_postgres["statements"]

    r = run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", postgres_url, "--published", "2031-04-02")
    assert "0 new document(s), 0 analysed, 1 already analysed" in r.output
    reyes = next(s for s in in_postgres["statements"] if (s["speaker"] or {}).get("name") == "Tomas Reyes")
    assert run("review", reyes["id"], "--db", postgres_url, "--speaker", "Tomas A. Reyes").exit_code == 0
    assert run("actors", "merge", "p:lena-varga", "p:tomas-reyes", "--db", postgres_url).exit_code == 0
    r = run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", postgres_url,
            "--published", "2031-04-02", "--stance-backend", "noop/1")
    assert "1 analysed" in r.output
    after = json.loads(run("export", "--db", postgres_url).output)
    assert "p:lena-varga" not in {a["id"] for a in after["actors"]}
    assert next(s for s in after["statements"] if s["id"] == reyes["id"])["speaker"]["name"] == "Tomas A. Reyes"


def test_writers_to_one_postgresql_ledger_take_turns(postgres_url):
    """A second run saving the same person while the first has not committed must merge with
    what the first wrote, not overwrite it."""
    doc = parse_text("The minister spoke.", "b.txt")
    first_role = Actor("p:ana-ruiz", "Ana Ruiz", "person", (Role("foreign minister", None, "2031-01-02", "2031-01-02"),))
    second_role = Actor("p:ana-ruiz", "Ana Ruiz", "person", (Role("prime minister", None, "2031-03-04", "2031-03-04"),))
    with Store(postgres_url) as one, Store(postgres_url) as two:
        started = threading.Event()

        def slow_writer():
            with one.transaction() as db:
                one._upsert_actor(db, first_role)
                started.set()
                time.sleep(0.5)

        writer = threading.Thread(target=slow_writer)
        writer.start()
        started.wait(5)
        two.save_analysis(doc, [], {second_role.id: second_role}, "settings")
        writer.join()
        titles = {r.title for r in two.actors()["p:ana-ruiz"].roles}
    assert titles == {"foreign minister", "prime minister"}


def test_a_wrong_postgresql_url_is_one_line_that_hides_the_password(tmp_path):
    pytest.importorskip("psycopg")
    url = f"postgresql://ana:s3cret@/nodb?host={tmp_path}"
    r = run("statements", "--db", url)
    assert r.exit_code == 1
    assert len(r.output.strip().splitlines()) == 1
    assert "s3cret" not in r.output and "postgresql://ana:***@" in r.output


DOWN_TO_3 = ("DROP TABLE statement_words_fts; DROP TABLE statement_words; "
             "DROP TABLE stances; DROP INDEX statements_said; ALTER TABLE statements DROP COLUMN organization_id;"
             "DROP TABLE changes; ALTER TABLE findings DROP COLUMN position; DELETE FROM migrations WHERE version >= 4;")


def test_an_older_sqlite_ledger_upgrades_and_keeps_its_findings(tmp_path):
    db = tmp_path / "old.db"
    Store(db).close()
    con = sqlite3.connect(db)  # back to schema 3, as a ledger written by onrecord 0.3.0
    con.executescript(DOWN_TO_3)
    finding = {"id": "f_1", "kind": "outlook", "target_id": "force", "actor_ids": [], "statement_ids": [],
               "summary": "Undecided.", "confidence": 0.5}
    con.execute("INSERT INTO findings VALUES (?,?,?,?)", ("f_1", "outlook", "force", json.dumps(finding)))
    con.commit()
    con.close()
    with Store(db) as store:
        assert store.schema_version == 6
        assert [f.id for f in store.findings()] == ["f_1"]
        before = store.serial
        store.save_targets([])
        assert store.serial == before + 1


SPLIT = """Ministers split on the mission

In March, Foreign Minister Lena Varga told reporters that a regional force "needs a clear mandate first."

"A regional force would be a mistake," Defence Minister Tomas Reyes said on Tuesday. "We will not send our soldiers."
"""


def _stances(db) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with Store(db) as store:
        for st in store.statements(target_id="force"):
            out.setdefault(st.speaker.name, []).append(st.stances[0].stance)
    return out


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def test_statements_are_chosen_in_sql_as_corrections_and_merges_leave_them(files, backend, request):
    db = files / "x.db" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    (files / "a.txt").write_text(SPLIT)
    run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", db, "--published", "2031-04-02")
    assert _stances(db) == {"Lena Varga": ["conditional"], "Tomas Reyes": ["oppose", "oppose"]}
    with Store(db) as store:
        reyes = store.statements(actor_id="p:tomas-reyes")
        assert len(reyes) == 2 and store.count_statements(actor_id="p:tomas-reyes") == 2
        assert [st.id for st in store.statements(words="NOT SEND")] == [reyes[1].id]
        assert store.statements(words="100%") == []  # the user's words, not a LIKE pattern
        assert store.count_statements(stance="oppose") == 2
        assert store.statements(limit=1, offset=1)[0].id == store.statements()[1].id

    # an analyst's stance and speaker count at once, in every selection
    assert run("review", reyes[0].id, "--db", db, "--target", "force", "--stance", "support").exit_code == 0
    assert run("review", reyes[1].id, "--db", db, "--speaker", "Ana Ruiz").exit_code == 0
    assert _stances(db) == {"Lena Varga": ["conditional"], "Tomas Reyes": ["support"], "Ana Ruiz": ["oppose"]}
    with Store(db) as store:
        assert store.count_statements(actor_id="p:tomas-reyes") == 1
        assert [st.speaker.name for st in store.statements(actor_id="p:ana-ruiz")] == ["Ana Ruiz"]
        assert store.count_statements(stance="oppose") == 1
    assert run("actors", "merge", "p:lena-varga", "p:tomas-reyes", "--db", db).exit_code == 0
    with Store(db) as store:
        assert store.count_statements(actor_id="p:tomas-reyes") == 2
        assert store.speakers()["p:tomas-reyes"] == 2 and "p:lena-varga" not in store.speakers()

    with Store(db) as store:  # an export's batches: every statement once, in order, as corrected
        assert [st for batch in store.statement_batches(size=2) for st in batch] == store.statements()
        assert [len(batch) for batch in store.statement_batches(size=2)] == [2, 1]

    # analysed again: the statements' own data is new, the analysts' reading still holds
    run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", db, "--published", "2031-04-02",
        "--stance-backend", "noop/1")
    assert _stances(db) == {"Tomas Reyes": ["support"]}


def test_an_older_ledger_with_statements_gets_their_stances_and_corrections_on_upgrade(files):
    db = files / "x.db"
    (files / "a.txt").write_text(ARTICLE.replace("Defence Minister Tomas Reyes", "Canada's defence minister, Tomas Reyes,"))
    run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", db, "--published", "2031-04-02")
    with Store(db) as store:
        varga = store.statements(actor_id="p:lena-varga")[0]
    assert run("review", varga.id, "--db", db, "--target", "force", "--stance", "oppose").exit_code == 0
    con = sqlite3.connect(db)
    con.executescript(DOWN_TO_3)
    con.close()
    assert _stances(db) == {"Lena Varga": ["oppose"]}
    with Store(db) as store:
        assert store.count_statements(on_questions=True) == 1
        assert store.count_statements(for_findings=True) == 3  # and what Canada's minister said


SECOND = """Port reopens

The port will reopen on Monday, harbour master Ivo Brandt said on Friday.
"""


@pytest.mark.slow
def test_a_ledger_copies_into_postgresql_with_the_analysts_work_once(files, postgres_url):
    db = files / "x.db"
    run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", db, "--published", "2031-04-02")
    ledger = json.loads(run("export", "--db", db).output)
    reyes = next(s for s in ledger["statements"] if (s["speaker"] or {}).get("name") == "Tomas Reyes")
    assert run("review", reyes["id"], "--db", db, "--speaker", "Tomas A. Reyes").exit_code == 0
    assert run("actors", "merge", "p:lena-varga", "p:tomas-reyes", "--db", db).exit_code == 0
    for _ in range(2):  # copied twice, the correction is still one correction
        r = run("copy", db, postgres_url)
        assert r.exit_code == 0, r.output
    assert json.loads(run("export", "--db", postgres_url).output) == json.loads(run("export", "--db", db).output)
    with Store(postgres_url) as store:
        assert len(store.corrections()) == 1

    (files / "b.txt").write_text(SECOND)  # a ledger with other documents keeps them, and gets both
    other = files / "other.db"
    run("analyze", files / "b.txt", "--db", other, "--published", "2031-04-02")
    assert run("copy", db, other).exit_code == 0
    names = {(s["speaker"] or {}).get("name") for s in json.loads(run("export", "--db", other).output)["statements"]}
    assert {"Tomas A. Reyes", "Ivo Brandt"} <= names
    assert run("copy", db, db).exit_code == 1


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def test_a_search_by_words_reads_the_words_index_and_follows_every_change(files, backend, request):
    db = files / "x.db" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    (files / "a.txt").write_text(SPLIT)
    run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", db, "--published", "2031-04-02")
    with Store(db) as store:
        words = dict(store.db.execute("SELECT statement_id, words FROM statement_words").fetchall())
        assert sorted(words) == sorted(st.id for st in store.statements())
        assert all(w == w.lower() for w in words.values())
        mistake = store.statements(words="A MISTAKE")
        assert [st.content.text for st in mistake] == ["A regional force would be a mistake"]
        assert store.count_statements(words="mistake") == 1 and store.count_statements(words="oldiers") == 1
        assert len(store.statements(words="we")) == 1  # shorter than a trigram: still found
        assert store.statements(words="_") == [] and store.statements(words="%") == []
        assert store.statements(words="regional", limit=1, offset=1) == store.statements(words="regional")[1:2]
    # analysed again: the index holds each statement's words once, and none of a statement gone
    run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", db, "--published", "2031-04-02",
        "--stance-backend", "noop/1")
    (files / "b.txt").write_text(SPLIT.replace("a mistake", "an error"))
    run("analyze", files / "b.txt", "--targets", files / "t.yaml", "--db", db, "--published", "2031-04-02")
    with Store(db) as store:
        ids = [r[0] for r in store.db.execute("SELECT statement_id FROM statement_words").fetchall()]
        assert sorted(ids) == sorted(st.id for st in store.statements())
        assert len(store.statements(words="a mistake")) == 1 and len(store.statements(words="an error")) == 1
    copy = files / "copy.db"
    assert run("copy", str(db), str(copy)).exit_code == 0
    with Store(copy) as store:
        assert len(store.statements(words="an error")) == 1 and store.count_statements(words="regional") == 4


def test_a_correction_follows_its_statement_when_a_new_version_moves_its_span(files):
    from dataclasses import replace as changed

    from onrecord.model import Span

    db = files / "x.db"
    run("analyze", files / "a.txt", "--targets", files / "t.yaml", "--db", db, "--published", "2031-04-02")
    with Store(db) as store:
        varga = store.statements(actor_id="p:lena-varga")[0]
        store.add_correction(varga.id, "stance", {"stance": "oppose"}, target_id="force")
        [doc] = store.documents([varga.document_id])
        found = store.statements(document_id=doc.id, corrected=False)
        actors = store.actors()
        # a new version reads Varga's words one character longer: another id
        text, c = doc.text, varga.content
        moved = changed(varga, id="s_moved", content=Span.of(text, c.start, c.end + 1))
        again = [moved if st.id == varga.id else st for st in found]
        store.save_analysis(doc, again, actors, "a newer version")
        after = store.statements(actor_id="p:lena-varga")[0]
        assert after.id == "s_moved"
        assert [(s.target_id, s.stance, s.source) for s in after.stances] == [("force", "oppose", "analyst")]
        assert store.count_statements(target_id="force", stance="oppose") == 1

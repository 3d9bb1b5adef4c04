"""The CLI end to end, in-process, on texts the team wrote."""
import json
import sqlite3

import pytest
from click.testing import CliRunner

from onrecord.cli import cli
from onrecord.ledger import verify

pytestmark = pytest.mark.slow

ARTICLE = """<html><head><title>Ministers split on the mission</title>
<meta property="article:published_time" content="2025-10-03T08:00:00Z"></head><body><article>
<h1>Ministers split on the mission</h1>
<p>In May, Secretary of State Dana Whitfield told reporters that a regional force "must have a clear mandate before we commit."</p>
<p>Last week, General Omar Hale, head of US Africa Command, said the United States will not send U.S. troops.</p>
<p>"We first need a legitimate government in the capital," Hale said. "Nothing else will hold."</p>
<p>The writer of this blog thinks all of this is confusing, but <script>alert(1)</script> that is the news.</p>
</article></body></html>"""

TARGETS = """targets:
  - id: force
    question: Should a regional force deploy?
    keywords: [regional force]
  - id: troops
    question: Will the US send troops?
    keywords: [U.S. troops, US troops]
"""


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a.html").write_text(ARTICLE)
    (tmp_path / "t.yaml").write_text(TARGETS)
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_analyze_writes_a_verified_ledger_and_report(files):
    db, out, rep = files / "x.db", files / "l.json", files / "r.html"
    r = run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db, "--json", out, "--report", rep)
    assert r.exit_code == 0, r.output
    ledger = json.loads(out.read_text())
    assert ledger["schema"] == "onrecord.ledger/1"
    assert verify(ledger) == []
    names = {(s["speaker"] or {}).get("name") for s in ledger["statements"]}
    assert {"Dana Whitfield", "Omar Hale"} <= names
    whitfield = next(s for s in ledger["statements"] if (s["speaker"] or {}).get("name") == "Dana Whitfield")
    assert whitfield["said"]["start"] == "2025-05-01"
    assert whitfield["speaker"]["organization_path"] == ["United States", "Department of State"]
    assert any(st["stance"] == "conditional" for st in whitfield["stances"])
    html = rep.read_text()
    assert "<script>alert(1)</script>" not in html
    assert {f["kind"] for f in ledger["findings"]} >= {"outlook"}
    md = files / "r.md"
    assert run("report", md, "--db", db).exit_code == 0 and "Statements" in md.read_text()


def test_running_twice_stores_nothing_new(files):
    db = files / "x.db"
    run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db)
    before = sqlite3.connect(db).execute("select count(*) from statements").fetchone()[0]
    r = run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db)
    assert "0 new document(s), 0 analysed, 1 already analysed" in r.output
    assert sqlite3.connect(db).execute("select count(*) from statements").fetchone()[0] == before


@pytest.mark.parametrize("name,data", [("bin.html", b"\x00\x01\x02"), ("e.txt", b""),
                                        ("l.txt", "caf\xe9".encode("latin-1")),
                                        ("b.html", b"<html><body><div></td>")])
def test_bad_input_errors_and_keeps_the_database(files, name, data):
    db = files / "x.db"
    run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db)
    before = sqlite3.connect(db).execute("select count(*) from statements").fetchone()[0]
    (files / name).write_bytes(data)
    r = run("analyze", files / name, "--targets", files / "t.yaml", "--db", db)
    assert r.exit_code == 1 and name in r.output
    assert sqlite3.connect(db).execute("select count(*) from statements").fetchone()[0] == before


def test_bad_targets_file_and_missing_path(files):
    (files / "bad.yaml").write_text("targets: [")
    db = files / "x.db"
    r = run("analyze", files / "a.html", "--targets", files / "bad.yaml", "--db", db)
    assert r.exit_code == 1 and "bad.yaml" in r.output and not db.exists()
    r = run("analyze", files / "missing.html", "--db", db)
    assert r.exit_code == 1 and "missing.html" in r.output


def test_statements_and_export(files):
    db = files / "x.db"
    run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db)
    r = run("statements", "--db", db)
    assert "Omar Hale" in r.output and "statement(s)" in r.output
    # a quote split by its attribution reads as one remark in two rows
    assert "We first need a legitimate government in the capital …" in r.output
    assert "… Nothing else will hold" in r.output
    shown = [float(line.split()[2]) for line in r.output.splitlines() if line.startswith("s_")]
    assert shown and all(0 < c <= 1 for c in shown)  # each statement's confidence
    sure = run("statements", "--db", db, "--min-confidence", max(shown)).output
    assert sum(line.startswith("s_") for line in sure.splitlines()) == sum(c >= max(shown) for c in shown)
    assert run("statements", "--db", db, "--min-confidence", 2).exit_code == 2  # out of range: a usage error
    hale = run("statements", "--db", db, "--actor", "p:omar-hale").output
    assert "Omar Hale" in hale and "Dana Whitfield" not in hale
    on_troops = [line for line in run("statements", "--db", db, "--target", "troops").output.splitlines()
                 if line.startswith("s_")]
    assert on_troops and all("troops:" in line for line in on_troops)
    assert run("statements", "--db", db, "--limit", 1).output.count("\ns_") == 0  # one row, then the count
    assert run("statements", "--db", db, "--limit", 1).output.startswith("s_")
    r = run("export", "--db", db, "--format", "csv")
    assert r.output.startswith("statement_id,")
    import csv
    rows = list(csv.DictReader(r.output.splitlines()))
    assert rows and all(0 < float(row["statement_confidence"]) <= 1 and row["found_by"] == "rules" for row in rows)
    # the speaker column holds resolved names only; the words of the text are speaker_mention
    assert all(row["speaker"].lower() not in ("he", "she", "they") for row in rows)
    assert all(row["speaker_mention"] for row in rows if row["speaker"]) and "via" in rows[0]
    pq = files / "s.parquet"
    assert run("export", "--db", db, "--format", "parquet", "-o", pq).exit_code == 0 and pq.exists()


def test_every_command_has_help_with_an_example():
    for name, cmd in cli.commands.items():
        r = run(name, "--help")
        assert r.exit_code == 0 and "Example" in r.output, name


def test_review_corrections_survive_reruns_and_show_everywhere(files):
    db, out = files / "x.db", files / "l.json"
    run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db)
    ledger = json.loads(run("export", "--db", db).output)
    hale = next(s for s in ledger["statements"] if (s["speaker"] or {}).get("name") == "Omar Hale")
    r = run("review", hale["id"], "--db", db, "--target", "troops", "--stance", "undecided", "--note", "read again")
    assert r.exit_code == 0, r.output
    r = run("review", hale["id"], "--db", db, "--speaker", "Omar K. Hale")
    assert r.exit_code == 0, r.output
    # a re-run with another backend re-analyses the document; the correction stays
    r = run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db, "--stance-backend", "noop/1",
            "--json", out)
    assert "1 analysed" in r.output
    ledger = json.loads(out.read_text())
    st = next(s for s in ledger["statements"] if s["id"] == hale["id"])
    assert st["speaker"]["name"] == "Omar K. Hale" and st["speaker"]["resolved_from"] == "analyst"
    troops = [x for x in st["stances"] if x["target_id"] == "troops"]
    assert troops == [dict(troops[0], stance="undecided", source="analyst")]
    assert run("report", files / "r.md", "--db", db).exit_code == 0
    assert "analyst" in (files / "r.md").read_text()
    r = run("review", "--db", db, "--export", files / "labels.jsonl")
    rows = [json.loads(line) for line in (files / "labels.jsonl").read_text().splitlines()]
    assert {r["field"] for r in rows} == {"stance", "speaker"} and rows[0]["question"] == "Will the US send troops?"


def test_review_refuses_bad_corrections(files):
    db = files / "x.db"
    run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db)
    assert run("review", "s_nope", "--db", db, "--speaker", "X").exit_code == 1
    sid = json.loads(run("export", "--db", db).output)["statements"][0]["id"]
    assert run("review", sid, "--db", db, "--target", "nope", "--stance", "oppose").exit_code == 2
    assert run("review", sid, "--db", db, "--target", "force", "--stance", "conditional").exit_code == 2


def test_actors_list_show_and_merge_survive_reruns(files):
    db = files / "x.db"
    run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db)
    r = run("actors", "--db", db)
    assert "p:omar-hale" in r.output and "p:dana-whitfield" in r.output
    r = run("actors", "show", "p:omar-hale", "--db", db)
    assert "US Africa Command" in r.output or "us-africom" in r.output
    assert run("actors", "merge", "p:dana-whitfield", "p:omar-hale", "--db", db).exit_code == 0
    run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db, "--stance-backend", "noop/1")
    ledger = json.loads(run("export", "--db", db).output)
    assert "p:dana-whitfield" not in {a["id"] for a in ledger["actors"]}
    assert {s["speaker"]["actor_id"] for s in ledger["statements"] if s["speaker"]} >= {"p:omar-hale"}
    assert run("actors", "merge", "p:nobody", "p:omar-hale", "--db", db).exit_code == 1


def test_the_tagger_without_its_extra_is_a_clear_error_before_anything_is_stored(files, monkeypatch):
    from onrecord.statements import tagger
    monkeypatch.setattr(tagger, "available", lambda: False)
    tagger.load.cache_clear()
    db = files / "x.db"
    r = run("analyze", files / "a.html", "--db", db, "--statements", "tagger")
    tagger.load.cache_clear()
    assert r.exit_code == 2 and "onrecord[tagger]" in r.output and "--statements" in r.output
    assert not db.exists()


def test_a_dead_worker_gives_one_line_and_keeps_what_was_saved(files, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    from onrecord import runner

    db = files / "x.db"
    assert run("analyze", files / "a.html", "--db", db).exit_code == 0
    (files / "b.txt").write_text("The mayor said on Monday that the harbour would close in May.")

    def dies(*args, **kwargs):
        raise BrokenProcessPool("a child process terminated abruptly")
        yield

    monkeypatch.setattr(runner, "analyze", dies)
    r = CliRunner().invoke(cli, ["analyze", str(files / "b.txt"), "--db", str(db)])
    assert r.exit_code == 1 and "worker process died" in r.output and "--processes 1" in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert sqlite3.connect(db).execute("select count(*) from statements").fetchone()[0] > 0


def test_an_undated_statement_shows_a_question_mark_not_none(tmp_path):
    (tmp_path / "a.txt").write_text("Ivo Reyes, the port director, said the port would reopen.\n")
    db = tmp_path / "x.db"
    run("analyze", tmp_path / "a.txt", "--db", db)
    shown = run("actors", "show", "p:ivo-reyes", "--db", db).output
    listed = run("statements", "--db", db).output
    assert "port would reopen" in shown and "None" not in shown and "None" not in listed


def test_one_person_across_documents_however_the_middle_initial_is_written(tmp_path):
    (tmp_path / "a.txt").write_text("Ana M. Ruiz, the mayor, said the bridge would close in June.\n")
    (tmp_path / "b.txt").write_text("Ana Ruiz, the mayor, said the port would reopen in July.\n")
    (tmp_path / "c.txt").write_text("Ana Ruiz Jr. said the ferry would run again.\n")
    db = tmp_path / "x.db"
    run("analyze", tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", "--db", db)
    ledger = json.loads(run("export", "--db", db).output)
    by_actor = {}
    for s in ledger["statements"]:
        by_actor.setdefault(s["speaker"]["actor_id"], []).append(s["text"])
    assert len(by_actor["p:ana-ruiz"]) == 2  # "Ana Ruiz Jr." is someone else
    assert next(a["name"] for a in ledger["actors"] if a["id"] == "p:ana-ruiz") == "Ana M. Ruiz"


def test_actors_suggest_lists_merges_and_changes_nothing(tmp_path):
    (tmp_path / "a.txt").write_text("President Ann Roe said the bridge would close in June.\n")
    (tmp_path / "b.txt").write_text("President Roe said the port would reopen in July.\n")
    db = tmp_path / "x.db"
    run("analyze", tmp_path / "a.txt", tmp_path / "b.txt", "--db", db)
    before = run("actors", "--db", db).output
    out = run("actors", "suggest", "--db", db).output
    assert "p:roe (1) → p:ann-roe (1)" in out and "onrecord actors merge p:roe p:ann-roe" in out
    assert run("actors", "--db", db).output == before


def test_a_new_onrecord_version_analyses_stored_documents_again_without_doubling_them(tmp_path, monkeypatch):
    import onrecord
    (tmp_path / "a.txt").write_text("Ivo Reyes, the port director, said the port would reopen.\n")
    db = tmp_path / "x.db"
    run("analyze", tmp_path / "a.txt", "--db", db)
    assert "0 analysed, 1 already analysed" in run("analyze", tmp_path / "a.txt", "--db", db).output
    monkeypatch.setattr(onrecord, "__version__", "99.0.0")
    assert "1 analysed, 0 already analysed" in run("analyze", tmp_path / "a.txt", "--db", db).output
    ledger = json.loads(run("export", "--db", db).output)
    assert len(ledger["statements"]) == 1


def test_a_reanalysis_drops_actors_it_left_without_statements(tmp_path, monkeypatch):
    import onrecord
    from onrecord import actors as actors_mod
    (tmp_path / "a.txt").write_text("Ivo Reyes, the port director, said the port would reopen.\n")
    db = tmp_path / "x.db"
    monkeypatch.setattr(actors_mod, "person_id", lambda name: "p:old-" + actors_mod.slug(name))
    run("analyze", tmp_path / "a.txt", "--db", db)
    assert "p:old-ivo-reyes" in run("actors", "--db", db).output
    monkeypatch.undo()
    monkeypatch.setattr(onrecord, "__version__", "99.0.0")
    run("analyze", tmp_path / "a.txt", "--db", db)
    listed = run("actors", "--db", db).output
    assert "p:ivo-reyes" in listed and "p:old-ivo-reyes" not in listed


def test_python_dash_m_runs_the_cli():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "onrecord", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("onrecord, version")


def test_a_document_the_analysis_fails_on_is_one_error_and_the_run_goes_on(tmp_path, fragile_analysis):
    (tmp_path / "a.txt").write_text("The levy will rise in May, Finance Minister Ana Ruiz said on Monday.\n")
    (tmp_path / "b.txt").write_text("The Harbour will reopen, port director Ivo Brandt said on Monday.\n")
    r = run("analyze", tmp_path / "a.txt", tmp_path / "b.txt", "--db", tmp_path / "x.db", "--processes", "1")
    assert r.exit_code == 1
    assert "b.txt: analysis failed (IndexError: list index out of range)" in r.output
    names = {(s["speaker"] or {}).get("name") for s in json.loads(run("export", "--db", tmp_path / "x.db").output)["statements"]}
    assert names == {"Ana Ruiz"}
    fragile_analysis()  # mended: the next run analyses what failed
    r = run("analyze", tmp_path / "a.txt", tmp_path / "b.txt", "--db", tmp_path / "x.db", "--processes", "1")
    assert r.exit_code == 0 and "1 analysed, 1 already analysed" in r.output


def test_the_json_ledger_is_written_a_batch_at_a_time_as_the_whole_ledger_reads(files):
    from onrecord import ledger as ledger_mod
    from onrecord.store import Store

    db = files / "x.db"
    run("analyze", files / "a.html", "--targets", files / "t.yaml", "--db", db)
    (files / "b.html").write_text(ARTICLE.replace("Ministers split", "Reprint: ministers split"))  # one remark, two reports
    run("analyze", files / "b.html", "--targets", files / "t.yaml", "--db", db)
    with Store(db) as store:
        hale = store.statements(actor_id="p:omar-hale")[0]
    assert run("review", hale.id, "--db", db, "--speaker", "Omar B. Hale").exit_code == 0
    assert run("actors", "merge", "p:dana-whitfield", "p:omar-hale", "--db", db).exit_code == 0
    out = files / "l.json"
    assert run("export", "--db", db, "-o", out).exit_code == 0
    with Store(db) as store:
        whole = json.dumps(ledger_mod.build(store), ensure_ascii=False, indent=1)
    assert out.read_text("utf-8") == whole
    ledger = json.loads(whole)
    assert any(st["reports"] for st in ledger["statements"]) and any(st["report_of"] for st in ledger["statements"])
    assert json.loads(run("export", "--db", db).output) == ledger

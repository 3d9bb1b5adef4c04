"""The Spark job on a local master: it must find what `analyze` finds, skip what a ledger holds,
and never write over an output. Skips where PySpark or Java is missing (CI has both)."""
import json
import shutil

import pytest

from onrecord.stance import load_targets
from tests.test_store import ARTICLE as FIRST
from tests.test_store import TARGETS, run

pytestmark = pytest.mark.slow

FEED = [{"text": "The regional force must deploy now, Prime Minister Ana Ruiz said on Monday.",
         "published": "2031-04-01"}, {"text": ""}]


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java")
    from onrecord.spark import session

    s = session("local[2]")
    yield s
    s.stop()


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(FIRST)
    (src / "copy.txt").write_text(FIRST)  # the same text twice is one document
    (src / "feed.jsonl").write_text("\n".join(json.dumps(x) for x in FEED) + "\n")
    (src / "bad.html").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "t.yaml").write_text(TARGETS)
    return tmp_path


def _ledger(db):
    """The ledger as the Spark tables hold it, and without the documents' file names (Spark and
    `analyze` may keep a duplicate text under either of its names)."""
    ledger = json.loads(run("export", "--db", db).output)
    for st in ledger["statements"]:
        st.pop("reports"), st.pop("report_of")
    for doc in ledger["documents"]:
        doc.pop("source")
    # in the order stored, which is when each was saved: a second apart or not, as it happens
    ledger["documents"].sort(key=lambda d: d["id"])
    return ledger


def test_a_spark_job_writes_the_statements_actors_and_findings_analyze_stores(spark, corpus):
    from onrecord import spark as job

    pq = pytest.importorskip("pyarrow.parquet")
    run("analyze", corpus / "in", "--targets", corpus / "t.yaml", "--db", corpus / "a.db")
    expected = _ledger(corpus / "a.db")
    out = corpus / "out"
    report = job.run(spark, [str(corpus / "in")], targets=load_targets(corpus / "t.yaml"), output=str(out))

    def table(name):
        return [json.loads(x) for x in pq.read_table(out / name).column("data").to_pylist()]

    assert (report.documents, report.duplicates, report.analysed) == (3, 1, 2)
    assert sorted(table("statements"), key=lambda s: s["id"]) == sorted(expected["statements"], key=lambda s: s["id"])
    assert sorted(table("actors"), key=lambda a: a["id"]) == expected["actors"]
    assert table("findings") == expected["findings"] and expected["findings"]
    stances = pq.read_table(out / "stances").to_pylist()
    assert {(r["speaker"], r["target_id"]) for r in stances} >= {("Ana Ruiz", "force"), ("Lena Varga", "force")}
    errors = pq.read_table(out / "errors").to_pylist()
    assert sorted(r["source"].rsplit("/", 1)[-1] for r in errors) == ["bad.html", "feed.jsonl:2"]


def test_a_spark_job_saves_into_a_ledger_and_skips_what_it_already_holds(spark, corpus):
    from onrecord import spark as job

    targets = load_targets(corpus / "t.yaml")
    run("analyze", corpus / "in", "--targets", corpus / "t.yaml", "--db", corpus / "a.db")
    first = job.run(spark, [str(corpus / "in")], targets=targets, db=str(corpus / "s.db"))
    again = job.run(spark, [str(corpus / "in")], targets=targets, db=str(corpus / "s.db"))
    assert (first.analysed, again.analysed, again.skipped) == (2, 0, 2)
    assert _ledger(corpus / "s.db") == _ledger(corpus / "a.db")


def test_a_spark_job_saves_into_a_teams_postgresql_ledger(spark, corpus, postgres_url):
    from onrecord import spark as job

    run("analyze", corpus / "in", "--targets", corpus / "t.yaml", "--db", corpus / "a.db")
    report = job.run(spark, [str(corpus / "in")], targets=load_targets(corpus / "t.yaml"), db=postgres_url,
                     partitions=3)  # more partitions than documents: writers meet in one ledger
    assert report.analysed == 2
    assert _ledger(postgres_url) == _ledger(corpus / "a.db")


def test_an_existing_output_is_refused_and_left_as_it_was(spark, corpus):
    from onrecord import spark as job
    from onrecord.spark import SparkJobError

    out = corpus / "out"
    out.mkdir()
    (out / "keep.txt").write_text("earlier results")
    with pytest.raises(SparkJobError, match="already exists"):
        job.run(spark, [str(corpus / "in")], output=str(out))
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_the_spark_command_needs_one_place_to_write():
    r = run("spark", "news/")
    assert r.exit_code == 2 and "--output DIR or --db LEDGER" in r.output


def test_a_partition_reports_a_document_the_analysis_fails_on_and_goes_on(fragile_analysis):
    from onrecord.ingest import parse_text
    from onrecord.pipeline import Options
    from onrecord.spark import _analyse

    docs = [parse_text("The Harbour will reopen, port director Ivo Brandt said on Monday.\n", "b.txt"),
            parse_text("The levy will rise in May, Finance Minister Ana Ruiz said on Monday.\n", "a.txt")]
    rows = list(_analyse(iter(docs), [], Options(n_process=1), None, None))
    assert rows[0][:2] == ("error", "b.txt") and "analysis failed (IndexError" in rows[0][2]
    assert [s["speaker"]["name"] for s in rows[1][1]] == ["Ana Ruiz"]


def test_a_sqlite_ledger_is_refused_on_a_cluster():
    from onrecord.spark import SparkJobError, run

    class Cluster:  # what run() reads of a SparkSession on YARN
        sparkContext = type("Context", (), {"master": "yarn"})()

    with pytest.raises(SparkJobError, match="local master only"):
        run(Cluster(), ["news/"], db="team.db")


def test_a_missing_input_is_one_error_and_the_others_go_on(spark, corpus):
    from onrecord import spark as job

    report = job.run(spark, [str(corpus / "nowhere"), str(corpus / "in")], output=str(corpus / "out"))
    assert report.analysed == 2
    assert any(line.endswith("nowhere: no such file or directory") for _, line in report.errors)

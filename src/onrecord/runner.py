"""Orchestration: inputs → store → findings. The CLI and the Python API both call this."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from . import actors as actors_stage
from . import findings as findings_stage
from .errors import InputError
from .ingest import DEFAULT_MAX_BYTES, ingest
from .model import Document, Target
from .pipeline import Options, analyze
from .store import Store, settings_key


@dataclass
class RunReport:
    inputs: int = 0
    new_documents: int = 0
    analysed: int = 0
    skipped: int = 0
    statements: int = 0
    errors: list[InputError] = field(default_factory=list)


def ingest_inputs(store: Store, inputs: list[str], *, published: str | None = None,
                  encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  report: RunReport | None = None) -> list[Document]:
    report = report if report is not None else RunReport()
    docs: list[Document] = []
    for item in ingest(inputs, published=published, encoding=encoding, max_bytes=max_bytes):
        report.inputs += 1
        if item.error is not None:
            report.errors.append(item.error)
            continue
        report.new_documents += store.add_documents(list(item.documents))
        docs.extend(item.documents)
    return docs


def analyse_documents(store: Store, docs: Iterable[Document], targets: list[Target], options: Options,
                      report: RunReport, progress: Callable[[int], None] = lambda n: None) -> None:
    settings = settings_key(targets, options)
    todo = []
    for d in docs:
        if store.is_analysed(d.id, settings):
            report.skipped += 1
            progress(1)
        else:
            todo.append(d)
    if todo:
        for result in analyze(todo, targets, options):
            progress(1)
            if result.error is not None:  # stored, not analysed: a later run tries it again
                report.errors.append(InputError(f"analysis failed ({result.error}); the rest of the run went on",
                                                source=result.document.source))
                continue
            store.save_analysis(result.document, result.statements, result.actors, settings)
            report.analysed += 1
            report.statements += len(result.statements)


def refresh_findings(store: Store, targets: list[Target], options: Options) -> list:
    """Findings drawn again from the statements they read (a known speaker's, with a stance on a
    question or a body to speak for): the rest of a ledger, most of a large one, is not read."""
    gaz = actors_stage.load_gazetteer(options.actors_registry)
    store.save_organizations(list(gaz.organizations.values()))
    if targets:
        store.save_targets(targets)
    targets = store.targets()
    statements = store.statements(for_findings=True)
    speakers = sorted({st.speaker.actor_id for st in statements if st.speaker and st.speaker.actor_id})
    found = findings_stage.find_all(statements, store.actors(speakers), targets, gaz.organizations,
                                    window_days=options.window_days, rank=gaz.rank)
    store.replace_findings(found)
    return found

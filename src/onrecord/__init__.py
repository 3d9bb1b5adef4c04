"""onrecord: what officials said, who said it, when, and where policy is heading — with evidence.

Python API::

    from onrecord import analyze_files
    ledger = analyze_files(["article.html"], targets="targets.yaml", db="onrecord.db")
"""
from __future__ import annotations

__version__ = "0.3.6"


def analyze_files(inputs, targets=None, db=":memory:", **options):
    """Ingest and analyse files; return the JSON ledger as a dict."""
    from . import ledger as ledger_mod
    from .pipeline import Options
    from .runner import RunReport, analyse_documents, ingest_inputs, refresh_findings
    from .stance import load_targets
    from .store import Store

    opts = Options(**options)
    tlist = load_targets(targets) if targets else []
    with Store(db) as store:
        report = RunReport()
        docs = ingest_inputs(store, list(inputs), report=report)
        analyse_documents(store, docs, tlist, opts, report)
        refresh_findings(store, tlist, opts)
        return ledger_mod.build(store)

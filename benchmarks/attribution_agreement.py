#!/usr/bin/env python3
"""How far apart PolNeAR's own annotators are, by the reference scorer: the ceiling for onrecord.

Some PolNeAR articles were annotated by several people (one ``.ann`` per annotator, suffix
``_XXXX``). This scores every annotator against every other on those articles, then onrecord
against every annotator, with the same reference scorer as ``attribution_polnear.py``: a system
that agreed with the annotators as often as they agree with each other would score the first
line. The training split holds most such articles (16 against 2 in dev); onrecord's rules were
studied on that split, and the tagger was trained on it, so read its lines as an upper bound.

Usage: python benchmarks/attribution_agreement.py [--data ../shared/data/polnear/train]
The corpus is not in this repository: PolNeAR v1.0.0, github.com/networkdynamics/PolNeAR.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution_polnear import SCORER, corpus_missing, prf, run_onrecord, statements_option  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "train"
KEYS = ("content", "source", "cue", "content_quoted", "content_unquoted")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_polnear", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def annotated_by_several(data: Path) -> dict[str, list[Path]]:
    """Article name -> its annotators' .ann files, for articles with more than one."""
    by_article = defaultdict(list)
    for ann in sorted((data / "attributions").glob("*.ann")):
        by_article[ann.stem.rsplit("_", 1)[0]].append(ann)
    return {name: anns for name, anns in by_article.items()
            if len(anns) > 1 and (data / "text" / f"{name}.txt").exists()}


def score_against(scorer, data: Path, name: str, gold_ann: Path, pred: list[dict], totals: dict) -> None:
    """Add the counts of ``pred`` scored against one annotator's file of one article."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "text").mkdir()
        (tmp / "attributions").mkdir()
        os.symlink((data / "text" / f"{name}.txt").resolve(), tmp / "text" / f"{name}.txt")
        os.symlink(gold_ann.resolve(), tmp / "attributions" / gold_ann.name)
        for key, counts in scorer.score(tmp, {name: pred}).items():
            for i in range(3):
                totals[key][i] += counts[i]


def as_prediction(scorer, ann: Path) -> list[dict]:
    return [{"content": list(a["content"]), "source": a["source"] and list(a["source"]),
             "cue": a["cue"] and list(a["cue"])} for a in scorer.load_gold(ann)]


def report(label: str, totals: dict) -> None:
    print(f"--- {label} ---")
    for key in KEYS:
        tp, npred, ngold = totals[key]
        p, r, f = prf(tp, npred, ngold)
        if key.startswith("content_"):
            print(f"{key:18s} recall {r:.3f}  ({tp}/{ngold})")
        else:
            print(f"{key:18s} P {p:.3f} R {r:.3f} F1 {f:.3f}  (tp {tp}, pred {npred}, gold {ngold})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    statements_option(ap)
    args = ap.parse_args()
    if corpus_missing(args.data, "train"):
        return 2
    scorer = load_scorer()
    articles = annotated_by_several(args.data)
    if not articles:
        print(f"no article in {args.data} has more than one annotator's .ann file", file=sys.stderr)
        return 2
    pairs = sum(len(anns) * (len(anns) - 1) for anns in articles.values())
    print(f"{len(articles)} articles with 2-{max(map(len, articles.values()))} annotators each, "
          f"{pairs} ordered annotator pairs")

    humans = {key: [0, 0, 0] for key in KEYS}
    for name, anns in articles.items():
        for gold, other in itertools.permutations(anns, 2):
            score_against(scorer, args.data, name, gold, as_prediction(scorer, other), humans)
    report("annotator against annotator (the ceiling)", humans)

    preds, _ = run_onrecord([args.data / "text" / f"{name}.txt" for name in articles], args.statements)
    ours = {key: [0, 0, 0] for key in KEYS}
    for name, anns in articles.items():
        for gold in anns:
            score_against(scorer, args.data, name, gold, preds.get(name, []), ours)
    report(f"onrecord ({args.statements}) against each annotator", ours)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Stance benchmark on FNC-1 (competition test, related pairs) and VAST (test-sentswap),
with the default offline backend, printing macro-F1, per-class F1, the confusion matrix,
expected calibration error, coverage and speed.

FNC-1: the headline is the question, the body the statement; agree/disagree/discuss are
support/oppose/neutral. VAST: the topic is the question, the comment the statement; pro/con
are support/oppose. Where onrecord abstains, FNC-1 counts it as "discuss" (its no-position
class) and VAST counts it as a miss; both coverage figures are printed.

Usage: python benchmarks/stance_fnc1_vast.py [--data ../shared/data/stance] [--limit N]
Corpora (not in this repository): FNC-1 from github.com/FakeNewsChallenge/fnc-1
(competition_test_*.csv); VAST from github.com/emilyallaway/zero-shot-stance.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "stance"
csv.field_size_limit(10_000_000)


def report(name, gold, pred, confs, labels, secs, n_items):
    from benchmarks_common import ece, f1_table

    macro, per = f1_table(gold, pred, labels)
    print(f"--- {name}: {len(gold)} items, {n_items / secs:.0f} statements/s")
    print(f"macro-F1 {macro:.3f}  " + "  ".join(f"{k} F1 {v:.3f}" for k, v in per.items()))
    answered = [i for i, c in enumerate(confs) if c is not None]
    if answered:
        print(f"coverage (a stance given) {len(answered) / len(gold):.3f}; ECE on answered "
              f"{ece([confs[i] for i in answered], [gold[i] == pred[i] for i in answered]):.3f}; "
              f"accuracy on answered {sum(gold[i] == pred[i] for i in answered) / len(answered):.3f}")
    cols = sorted(set(pred) | set(labels))
    print("confusion (rows gold, columns predicted):  " + " ".join(f"{c[:9]:>9}" for c in cols))
    for g in labels:
        row = Counter(p for gg, p in zip(gold, pred) if gg == g)
        print(f"  {g:>10} " + " ".join(f"{row.get(c, 0):>9}" for c in cols))


def run(backend, question: str, text: str, keywords=()):
    from onrecord.model import Span, Target
    from onrecord.stance.targets import question_keywords

    target = Target("q", question, keywords=tuple(keywords) or question_keywords(question))
    return backend(target, text, Span.of(text, 0, len(text)), [])


def fnc1(data: Path, backend, limit: int):
    bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(open(data / "fnc1" / "competition_test_bodies.csv", encoding="utf-8"))}
    rows = [r for r in csv.DictReader(open(data / "fnc1" / "competition_test_stances.csv", encoding="utf-8"))
            if r["Stance"] != "unrelated"]
    rows = rows[:limit] if limit else rows
    mapping = {"support": "agree", "conditional": "agree", "oppose": "disagree", "neutral": "discuss",
               "undecided": "discuss"}
    gold, pred, confs = [], [], []
    t0 = time.perf_counter()
    for r in rows:
        st = run(backend, r["Headline"], bodies[r["Body ID"]])
        gold.append(r["Stance"])
        pred.append(mapping[st.stance] if st else "discuss")
        confs.append(st.confidence if st else None)
    report("FNC-1 related pairs (agree/disagree/discuss)", gold, pred, confs,
           ["agree", "disagree", "discuss"], time.perf_counter() - t0, len(rows))


def vast(data: Path, backend, limit: int):
    rows = list(csv.DictReader(open(data / "vast" / "vast_test-sentswap.csv", encoding="utf-8")))
    rows = [r for r in rows if r["label"] in ("0", "1")]
    rows = rows[:limit] if limit else rows
    gold, pred, confs = [], [], []
    t0 = time.perf_counter()
    for r in rows:
        topic = r["new_topic"] or r["topic_str"]
        st = run(backend, topic, r["post"], keywords=[topic])
        gold.append("pro" if r["label"] == "1" else "con")
        label = {"support": "pro", "conditional": "pro", "oppose": "con"}.get(st.stance) if st else None
        pred.append(label or "none")
        confs.append(st.confidence if label else None)
    report("VAST test-sentswap (pro/con)", gold, pred, confs, ["pro", "con"],
           time.perf_counter() - t0, len(rows))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--backend", default="rules/1")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(Path(__file__).parent))
    from onrecord.stance import get_backend

    backend = get_backend(args.backend)
    ok = False
    if (args.data / "fnc1" / "competition_test_stances.csv").exists():
        fnc1(args.data, backend, args.limit)
        ok = True
    else:
        print(f"FNC-1 not found under {args.data / 'fnc1'}; get it from github.com/FakeNewsChallenge/fnc-1")
    if (args.data / "vast" / "vast_test-sentswap.csv").exists():
        vast(args.data, backend, args.limit)
        ok = True
    else:
        print(f"VAST not found under {args.data / 'vast'}; get it from github.com/emilyallaway/zero-shot-stance")
    return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())

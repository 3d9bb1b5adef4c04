#!/usr/bin/env python3
"""Stance on the team's news-domain gold set: statements in PolNeAR dev articles, each with a
worded question and the stance the team read (benchmarks/data/stance_polnear_dev.tsv).

Prints: relevance precision/recall, accuracy over all rows (six labels including "none"),
stance macro-F1 and per-class F1 on rows the team judged relevant, the confusion matrix,
expected calibration error, and how often a conditional stance's condition span overlaps
the team's.

Usage: python benchmarks/stance_news.py [--data ../shared/data/polnear/dev] [--backend rules/1]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev"
GOLD = ROOT / "benchmarks" / "data" / "stance_polnear_dev.tsv"
QUESTIONS = ROOT / "benchmarks" / "data" / "stance_questions.yaml"
LABELS = ["support", "oppose", "conditional", "undecided", "neutral"]


def paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (b if b != -1 else len(text))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--backend", default="rules/1")
    ap.add_argument("--show", type=int, default=0, help="print this many disagreements")
    ap.add_argument("--calibrate", action="store_true",
                    help="print each evidence kind's accuracy (the numbers for stance/calibration.yaml)")
    args = ap.parse_args()
    if not (args.data / "text").is_dir():
        print(f"PolNeAR dev not found at {args.data}; get PolNeAR v1.0.0 from "
              "github.com/networkdynamics/PolNeAR", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from onrecord.model import Span
    from onrecord.stance import get_backend, load_targets
    from benchmarks_common import ece, f1_table  # noqa: E402

    backend = get_backend(args.backend)
    targets = {t.id: t for t in load_targets(QUESTIONS)}
    rows = [line.split("\t") for line in GOLD.read_text("utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    texts: dict[str, str] = {}
    gold, pred, confs, kinds, cond_hits, cond_n = [], [], [], [], 0, 0
    shown = 0
    for name, start, end, qid, stance, condition in rows:
        text = texts.setdefault(name, (args.data / "text" / f"{name}.txt").read_text("utf-8"))
        s, e = int(start), int(end)
        result = backend(targets[qid], text, Span.of(text, s, e), [paragraph(text, s, e)])
        label = result.stance if result else "none"
        gold.append(stance)
        pred.append(label)
        confs.append(result.confidence if result else None)
        kinds.append(result.source.split("#")[-1].split("@")[0] if result else None)
        if stance == "conditional" and condition:
            cond_n += 1
            if result and result.condition and condition in text[result.condition.start - 40:result.condition.end + 40] \
                    and set(condition.split()) & set(result.condition.text.split()):
                cond_hits += 1
        if label != stance and shown < args.show:
            shown += 1
            print(f"  gold {stance:<11} ours {label:<11} [{qid}] {text[s:e][:110]!r}")
    n = len(gold)
    rel_gold = [g != "none" for g in gold]
    rel_pred = [p != "none" for p in pred]
    tp = sum(a and b for a, b in zip(rel_gold, rel_pred))
    print(f"News stance gold set: {n} statements ({sum(rel_gold)} relevant to their question), backend {args.backend}")
    print(f"relevance  P {tp / max(sum(rel_pred), 1):.3f}  R {tp / max(sum(rel_gold), 1):.3f}")
    print(f"accuracy over all rows (6 labels incl. none) {sum(g == p for g, p in zip(gold, pred)) / n:.3f}")
    idx = [i for i in range(n) if rel_gold[i]]
    macro, per = f1_table([gold[i] for i in idx], [pred[i] for i in idx], LABELS)
    acc_rel = sum(gold[i] == pred[i] for i in idx) / max(len(idx), 1)
    print(f"on relevant rows: accuracy {acc_rel:.3f}, stance macro-F1 {macro:.3f}  " +
          "  ".join(f"{k} {v:.3f}" for k, v in per.items()))
    answered = [i for i in range(n) if confs[i] is not None]
    print(f"ECE on answered rows {ece([confs[i] for i in answered], [gold[i] == pred[i] for i in answered]):.3f} "
          f"({len(answered)} answered)")
    print(f"conditional: condition span found for {cond_hits}/{cond_n}")
    halves = []
    for part in (0, 1):  # calibrate on one half of the rows, measure on the other
        fit = [i for i in answered if i % 2 == part]
        test = [i for i in answered if i % 2 != part]
        acc = {k: sum(gold[i] == pred[i] for i in fit if kinds[i] == k) / max(1, sum(kinds[i] == k for i in fit))
               for k in set(kinds[i] for i in fit)}
        halves.append(ece([acc.get(kinds[i], 0.4) for i in test], [gold[i] == pred[i] for i in test]))
    print(f"ECE with confidences fitted on the other half of the rows (2-fold) {sum(halves) / 2:.3f}")
    if args.calibrate:
        for k in sorted(set(k for k in kinds if k)):
            idx_k = [i for i in answered if kinds[i] == k]
            print(f"  calibration {k:12s} n={len(idx_k):3d} accuracy {sum(gold[i] == pred[i] for i in idx_k) / len(idx_k):.2f}")
    # the pipeline reads a question only in documents that name every government it names, and
    # not in a paragraph that names other governments and none of its own (stance.rules)
    from onrecord.actors import load_gazetteer
    from onrecord.stance.rules import about_others, concerning
    gaz, kept = load_gazetteer(), Counter()
    for (name, start, end, qid, stance, _), label in zip(rows, gold):
        text, s, e = texts[name], int(start), int(end)
        read = bool(concerning([targets[qid]], text, gaz)) and not about_others(
            targets[qid], text, [(s, e), paragraph(text, s, e)], gaz)
        kept[(label != "none", read)] += 1
    print(f"the pipeline's gates read {kept[(True, True)]}/{sum(rel_gold)} relevant rows and "
          f"{kept[(False, True)]}/{n - sum(rel_gold)} irrelevant ones")
    cols = LABELS + ["none"]
    print("confusion (rows gold, columns ours):   " + " ".join(f"{c[:8]:>8}" for c in cols))
    for g in cols:
        row = Counter(p for gg, p in zip(gold, pred) if gg == g)
        print(f"  {g:>11} " + " ".join(f"{row.get(c, 0):>8}" for c in cols))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main())

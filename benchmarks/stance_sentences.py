#!/usr/bin/env python3
"""Stance on short policy-speech sentences the team wrote (benchmarks/data/stance_sentences.tsv):
one question per set, the sentence as the whole statement, no context.

Prints accuracy per set and overall, and the sentences the backend reads otherwise than the
team (--show). Sets 1-4 were read while writing rules; each later set was held out when written
and gave rules only once the next set existed, so the newest set (14) is the held-out one (see the
file's header). Add a new set before writing rules from a held-out set's misses.

Usage: python benchmarks/stance_sentences.py [--backend rules/1] [--show]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data" / "stance_sentences.tsv"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", default="rules/1")
    ap.add_argument("--show", action="store_true", help="print the sentences read otherwise than the team")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from onrecord.model import Span, Target
    from onrecord.stance import get_backend

    backend = get_backend(args.backend)
    rows = [line.rstrip("\n").split("\t") for line in DATA.read_text("utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    right, total = Counter(), Counter()
    for set_id, question, keywords, sentence, gold in rows:
        target = Target(f"set{set_id}", question, keywords=tuple(keywords.split("|")))
        result = backend(target, sentence, Span.of(sentence, 0, len(sentence)), [])
        label = result.stance if result else "none"
        total[set_id] += 1
        right[set_id] += label == gold
        if args.show and label != gold:
            print(f"  set {set_id}  gold {gold:<11} ours {label:<11} {sentence}")
    for set_id in sorted(total):
        print(f"set {set_id}: {right[set_id]}/{total[set_id]} right")
    print(f"all: {sum(right.values())}/{sum(total.values())} = {sum(right.values()) / sum(total.values()):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

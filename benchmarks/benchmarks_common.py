"""Scoring helpers shared by the benchmark scripts."""
from __future__ import annotations


def f1_table(gold: list[str], pred: list[str], labels: list[str]) -> tuple[float, dict]:
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if p == lab and g != lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        per[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return sum(per.values()) / len(labels), per


def ece(confidences: list[float], correct: list[bool], bins: int = 10) -> float:
    """Expected calibration error: |accuracy - confidence| averaged over confidence bins."""
    total, err = len(confidences), 0.0
    if not total:
        return 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if lo < c <= hi or (b == 0 and c == 0)]
        if idx:
            acc = sum(correct[i] for i in idx) / len(idx)
            conf = sum(confidences[i] for i in idx) / len(idx)
            err += len(idx) / total * abs(acc - conf)
    return err

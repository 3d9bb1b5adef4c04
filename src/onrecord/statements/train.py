"""Train the cue model from PolNeAR's training split.

    python -m onrecord.statements.train --data ../shared/data/polnear/train

Writes ``cue_model.json`` beside this file: logistic-regression weights over the features in
``cuemodel.verb_features``, the decision threshold tuned on a held-out fifth of the articles,
and a stricter threshold for verbs whose content is a noun phrase ("endorsed X"). Needs
scikit-learn (``pip install 'onrecord[train]'``); using the model does not.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from .cuemodel import FEATURE_VERSION, MODEL_FILE, verb_features
from .quotes import find_quotes
from .rules import lexicon
from .syntax import complement_kind

HERE = Path(__file__).parent


def gold_cues(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2 and parts[1].startswith("Cue "):
            for piece in parts[1][4:].split(";"):
                a, b = piece.split()
                spans.append((int(a), int(b)))
    return spans


def examples(data: Path, nlp, limit: int = 0):
    """(article index, features, label, complement kind) for every verb in the articles."""
    from ..ingest import parse_text
    from ..parse import parse_documents

    lex = lexicon()
    files = sorted((data / "text").glob("*.txt"))
    if limit:
        files = files[:limit]
    cues, docs = [], []
    for f in files:
        anns = sorted((data / "attributions").glob(f.stem + "*.ann"))
        if not anns:
            continue
        docs.append(parse_text(f.read_text("utf-8"), f.stem))
        cues.append(gold_cues(anns[0]))
    for n, parsed in enumerate(parse_documents(docs, nlp)):
        text = parsed.document.text
        quotes = find_quotes(text, parsed.document.blocks)
        for pb, sent in parsed.sentences():
            s0, s1 = pb.char(sent[0]), pb.char(sent[-1]) + len(sent[-1].text)
            has_quote = any(q.open < s1 and q.close >= s0 for q in quotes)
            for tok in sent:
                if tok.pos_ not in ("VERB", "AUX"):
                    continue
                pos = pb.char(tok)
                inside = any(q.open <= pos < q.close for q in quotes)
                feats = verb_features(tok, lex, inside_quote=inside, sentence_has_quote=has_quote)
                label = any(a <= pos < b for a, b in cues[n])
                yield n, feats, label, complement_kind(tok)


def best_threshold(probs, labels, floor: float = 0.05, beta: float = 0.7) -> tuple[float, float]:
    """The threshold with the best F-beta; beta < 1 leans to precision, since a statement the
    tool invents costs an analyst more than one it misses."""
    best = (0.5, 0.0)
    b2 = beta * beta
    for t in [x / 100 for x in range(int(floor * 100), 96)]:
        tp = sum(1 for p, y in zip(probs, labels) if p >= t and y)
        fp = sum(1 for p, y in zip(probs, labels) if p >= t and not y)
        fn = sum(1 for p, y in zip(probs, labels) if p < t and y)
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
        if f > best[1]:
            best = (t, f)
    return best


def fit(rows, c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in feats} for _, feats, _, _ in rows])
    y = [int(label) for _, _, label, _ in rows]
    clf = LogisticRegression(C=c, max_iter=3000, solver="lbfgs")
    clf.fit(x, y)
    return vec, clf


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HERE.parents[3] / "shared" / "data" / "polnear" / "train")
    ap.add_argument("--out", type=Path, default=HERE / MODEL_FILE)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--min-count", type=int, default=3, help="drop features seen fewer times")
    args = ap.parse_args(argv)
    if not (args.data / "text").is_dir():
        print(f"PolNeAR training split not found at {args.data}; get PolNeAR v1.0.0 from "
              "github.com/networkdynamics/PolNeAR", file=sys.stderr)
        return 2
    from .. import nlp as nlp_mod

    rows = list(examples(args.data, nlp_mod.load(), args.limit))
    counts = Counter(f for _, feats, _, _ in rows for f in feats)
    rows = [(n, [f for f in feats if counts[f] >= args.min_count], y, k) for n, feats, y, k in rows]
    articles = sorted({n for n, *_ in rows})
    random.Random(13).shuffle(articles)
    held = set(articles[: max(1, len(articles) // 5)])
    train = [r for r in rows if r[0] not in held]
    test = [r for r in rows if r[0] in held]
    vec, clf = fit(train, args.c)
    probs = clf.predict_proba(vec.transform([{f: 1 for f in r[1]} for r in test]))[:, 1]
    labels = [r[2] for r in test]
    threshold, f1 = best_threshold(probs, labels)
    obj = [(p, y) for p, (_, _, y, k) in zip(probs, test) if k in ("object", "prep")]
    object_threshold, obj_f1 = best_threshold([p for p, _ in obj], [y for _, y in obj], floor=threshold)
    print(f"{len(rows)} verbs from {len(articles)} articles ({sum(r[2] for r in rows)} cues); "
          f"held-out cue-verb F0.7 {f1:.3f} at threshold {threshold:.2f}; "
          f"object-content verbs F0.7 {obj_f1:.3f} at {object_threshold:.2f}")
    vec, clf = fit(rows, args.c)  # final model on every article
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= 1e-3}
    seen, cued = Counter(), Counter()
    for _, feats, y, _ in rows:
        lemma = next((f[6:] for f in feats if f.startswith("lemma=")), None)
        seen[lemma] += 1
        cued[lemma] += y
    cue_lemmas = sorted(l for l in cued if l and cued[l] >= 3 and cued[l] / seen[l] >= 0.1)
    model = {"feature_version": FEATURE_VERSION, "cue_lemmas": cue_lemmas, "bias": round(float(clf.intercept_[0]), 4),
             "threshold": threshold, "object_threshold": max(object_threshold, threshold),
             "trained_on": f"PolNeAR v1.0.0 train split, {len(articles)} articles",
             "held_out_f1": round(f1, 4), "weights": dict(sorted(weights.items()))}
    args.out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out} ({len(weights)} weights, {args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

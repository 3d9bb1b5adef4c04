#!/usr/bin/env python3
"""Experiment, not shipped: a CRF token tagger for attribution contents, alone and added to
the rules, on PolNeAR dev (content only, the reference scorer's >= 50 % overlap).

Usage: python benchmarks/experiments/crf_content.py [--iterations 200]
Needs python-crfsuite (pip install python-crfsuite==0.9.11) and PolNeAR train and dev under
../shared/data/polnear (github.com/networkdynamics/PolNeAR). About six minutes on two cores.

Result on 2026-11-29: CRF alone P 0.729 R 0.646 F1 0.685; rules 0.700; rules plus the CRF's
spans that overlap no rule statement P 0.70 R 0.71 F1 0.707. Not worth a dependency and an
8 MB model for +0.007 F1 at lower precision.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "polnear"
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]


def token_set(text, span):
    return {m.start() + span[0] for m in re.finditer(r"\w+", text[span[0]:span[1]])}


def overlaps(text, a, b, need=0.5):
    ta, tb = token_set(text, a), token_set(text, b)
    inter = len(ta & tb)
    return bool(ta and tb) and min(inter / len(ta), inter / len(tb)) >= need


def f1(rows):
    """rows: (text, gold spans, predicted spans); greedy one-to-one matching."""
    tp = npred = ngold = 0
    for text, gold, pred in rows:
        used = set()
        for g in gold:
            j = next((j for j, p in enumerate(pred) if j not in used and overlaps(text, g, p)), None)
            if j is not None:
                used.add(j)
        tp, npred, ngold = tp + len(used), npred + len(pred), ngold + len(gold)
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def sequences(split: str, nlp):
    """(name, text, gold contents, [(features, labels, offsets) per block]) per article."""
    from attribution_polnear import load_gold
    from onrecord import statements
    from onrecord.statements.cuemodel import load_model, verb_features
    from onrecord.statements.rules import lexicon
    from onrecord.statements.train import load_articles

    lex, model = lexicon(), load_model()
    files = [f for f in sorted((DATA / split / "text").glob("*.txt"))
             if sorted((DATA / split / "attributions").glob(f.stem + "*.ann"))]
    for f, (parsed, quotes, _, _) in zip(files, load_articles(DATA / split, nlp)):
        text = parsed.document.text
        gold = [g["content"] for g in load_gold(sorted((DATA / split / "attributions").glob(f.stem + "*.ann"))[0])]
        ruled = [(c.content.start, c.content.end, c.kind) for c in statements.extract(parsed)]
        blocks = []
        for pb in parsed.blocks:
            doc = pb.doc
            inq = [any(q.open <= pb.char(t) < q.close for q in quotes) for t in doc]
            cue = {t.i: model.probability(verb_features(t, lex, inside_quote=inq[t.i], sentence_has_quote=any(
                inq[x.i] for x in t.sent))) for t in doc if t.pos_ in ("VERB", "AUX")}
            feats, labels, offsets, prev = [], [], [], None
            for t in doc:
                c = pb.char(t)
                x = [f"w={t.lower_}", f"tag={t.tag_}", f"dep={t.dep_}", f"hdep={t.head.dep_}", f"inq={inq[t.i]}",
                     f"sstart={t.i == t.sent.start}"]
                x += [f"w{k}={doc[t.i + k].lower_}" for k in (-2, -1, 1, 2) if 0 <= t.i + k < len(doc)]
                anc = t
                while anc.head != anc and cue.get(anc.head.i, 0) < 0.3:
                    anc = anc.head
                if anc.head != anc:
                    v = anc.head
                    x += [f"anc={anc.dep_}", f"anc_lemma={v.lemma_.lower()}", f"anc_side={t.i < v.i}"]
                x += [f"rule={k}" for a, b, k in ruled if a <= c < b][:1] or ["rule=O"]
                span = next((i for i, (a, b) in enumerate(gold) if a <= c < b), None)
                labels.append("O" if span is None else "I" if span == prev else "B")
                feats.append(x)
                offsets.append((c, c + len(t.text)))
                prev = span
            blocks.append((feats, labels, offsets))
        yield f.stem, text, gold, blocks, [(a, b) for a, b, _ in ruled]


def spans_of(labels, offsets):
    out, current = [], None
    for y, (a, b) in zip(labels, offsets):
        if y == "I" and current is not None:
            current[1] = b
            continue
        if current is not None:
            out.append(tuple(current))
        current = [a, b] if y in ("B", "I") else None
    return out + ([tuple(current)] if current is not None else [])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iterations", type=int, default=200)
    args = ap.parse_args()
    try:
        import pycrfsuite
    except ImportError:
        print("needs python-crfsuite: pip install python-crfsuite==0.9.11", file=sys.stderr)
        return 2
    if not (DATA / "train" / "text").is_dir():
        print(f"PolNeAR not found at {DATA}; get v1.0.0 from github.com/networkdynamics/PolNeAR", file=sys.stderr)
        return 2
    from onrecord import nlp as nlp_mod

    nlp = nlp_mod.load()
    trainer = pycrfsuite.Trainer(verbose=False)
    for _, _, _, blocks, _ in sequences("train", nlp):
        for feats, labels, _ in blocks:
            trainer.append(feats, labels)
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": args.iterations})
    with tempfile.TemporaryDirectory() as tmp:
        trainer.train(f"{tmp}/crf.model")
        tagger = pycrfsuite.Tagger()
        tagger.open(f"{tmp}/crf.model")
        alone, rules, union = [], [], []
        for _, text, gold, blocks, ruled in sequences("dev", nlp):
            crf = [s for feats, _, offsets in blocks for s in spans_of(tagger.tag(feats), offsets)]
            extra = [s for s in crf if not any(overlaps(text, s, r, 0.01) for r in ruled)]
            alone.append((text, gold, crf))
            rules.append((text, gold, ruled))
            union.append((text, gold, ruled + extra))
    for name, rows in (("CRF alone", alone), ("rules", rules), ("rules + CRF extras", union)):
        print("%-20s content P %.3f R %.3f F1 %.3f" % ((name,) + f1(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

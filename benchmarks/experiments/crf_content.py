#!/usr/bin/env python3
"""Experiment, not shipped: a CRF token tagger for attribution contents, alone and added to
the rules, on PolNeAR dev (content only, the reference scorer's >= 50 % overlap).

Usage: python benchmarks/experiments/crf_content.py [--iterations 200]
Needs python-crfsuite (pip install '.[bench]') and PolNeAR train and dev under
../shared/data/polnear (github.com/networkdynamics/PolNeAR). About six minutes on two cores.

Result on 2026-11-29 (200 iterations): CRF alone P 0.709 R 0.624 F1 0.664; the rules P 0.750
R 0.657 F1 0.700; the rules plus the CRF's spans that overlap no rule statement P 0.693
R 0.719 F1 0.706. Not worth a dependency and an 8 MB model for +0.006 F1 at lower precision.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "polnear"
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]


def overlaps(text, a, b, need=0.5):
    from attribution_polnear import overlap
    return bool(overlap(text, a, b, need))


def content_f1(preds: dict) -> tuple[float, float, float]:
    """The project's reference scorer on content spans only."""
    sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
    from score_polnear import prf, score

    tp, npred, ngold = score(DATA / "dev", {k: [{"content": list(s)} for s in v] for k, v in preds.items()})["content"]
    return prf(tp, npred, ngold)


def sequences(split: str, nlp):
    """(name, text, gold contents, [(features, labels, offsets) per block]) per article."""
    from attribution_polnear import load_gold
    from onrecord.statements import whole_statements
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
        found = statements.extract(parsed)
        ruled = [(c.content.start, c.content.end, c.kind) for c in found]
        joined = [tuple(r["content"]) for r in whole_statements(text, found)]  # as the benchmark scores
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
        yield f.stem, text, gold, blocks, joined


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
        print("needs python-crfsuite: pip install '.[bench]'", file=sys.stderr)
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
        alone, rules, union = {}, {}, {}
        for name, text, gold, blocks, ruled in sequences("dev", nlp):
            crf = [s for feats, _, offsets in blocks for s in spans_of(tagger.tag(feats), offsets)]
            extra = [s for s in crf if not any(overlaps(text, s, r, 0.01) for r in ruled)]
            alone[name], rules[name], union[name] = crf, ruled, ruled + extra
    for name, preds in (("CRF alone", alone), ("rules", rules), ("rules + CRF extras", union)):
        print("%-20s content P %.3f R %.3f F1 %.3f" % ((name,) + content_f1(preds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

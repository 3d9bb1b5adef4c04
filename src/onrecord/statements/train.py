"""Train the cue model from PolNeAR's training split.

    python -m onrecord.statements.train --data ../shared/data/polnear/train

Writes ``cue_model.json`` beside this file, holding two logistic regressions:
- the cue model, over the features in ``cuemodel.verb_features``. Its decision threshold is
  tuned on a held-out fifth of the articles, with a stricter one for verbs whose content is a
  noun phrase ("endorsed X");
- the content chooser, over (verb, candidate content) pairs from ``options.content_options``.
  It is used where the rules find no content.

Then writes ``statement_model.json``: the statement model of ``confidence``, fitted on what the
rules (with that cue model) find in the same articles, with its abstention threshold chosen on
articles held out in turn (five folds).

Training needs scikit-learn (``pip install 'onrecord[train]'``); using the model does not.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from .confidence import MODEL_FILE as STATEMENT_MODEL_FILE
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


def gold_attributions(ann: Path) -> list[dict]:
    """{content, cue, source} character spans of every attribution with a content;
    discontinuous spans become min..max, a missing role None."""
    ents, out = {}, []
    for line in ann.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            kind, rest = parts[1].split(" ", 1)
            pieces = [tuple(map(int, p.split())) for p in rest.split(";")]
            ents[parts[0]] = (min(a for a, _ in pieces), max(b for _, b in pieces))
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            if roles.get("Content") in ents:
                out.append({k.lower(): ents.get(roles.get(k)) for k in ("Content", "Cue", "Source")})
    return out


def gold_pairs(ann: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(cue span, content span) of every attribution that has both."""
    return [(g["cue"], g["content"]) for g in gold_attributions(ann) if g["cue"]]


def _fits(text: str, gold: tuple[int, int], start: int, end: int) -> bool:
    g = {m.start() + gold[0] for m in re.finditer(r"\w+", text[gold[0]:gold[1]])}
    o = {m.start() + start for m in re.finditer(r"\w+", text[start:end])}
    return bool(g and o) and len(g & o) / len(g) >= 0.5 and len(g & o) / len(o) >= 0.5


def load_articles(data: Path, nlp, limit: int = 0) -> list[tuple]:
    """Parse the training articles once: (parsed, quotes, gold cue spans, gold (cue, content)
    pairs, gold attributions)."""
    from ..ingest import parse_text
    from ..parse import parse_documents

    files = sorted((data / "text").glob("*.txt"))
    if limit:
        files = files[:limit]
    docs, golds = [], []
    for f in files:
        anns = sorted((data / "attributions").glob(f.stem + "*.ann"))
        if anns:
            docs.append(parse_text(f.read_text("utf-8"), f.stem))
            golds.append((gold_cues(anns[0]), gold_pairs(anns[0]), gold_attributions(anns[0])))
    return [(parsed, find_quotes(parsed.document.text, parsed.document.blocks), cues, pairs, attributions)
            for parsed, (cues, pairs, attributions) in zip(parse_documents(docs, nlp), golds)]


def _verbs(articles: list[tuple]):
    """(article index, parsed, block, sentence, verb, quotes, verb features) for every verb."""
    lex = lexicon()
    for n, (parsed, quotes, *_) in enumerate(articles):
        for pb, sent in parsed.sentences():
            s0, s1 = pb.char(sent[0]), pb.char(sent[-1]) + len(sent[-1].text)
            has_quote = any(q.open < s1 and q.close >= s0 for q in quotes)
            for tok in sent:
                if tok.pos_ in ("VERB", "AUX"):
                    inside = any(q.open <= pb.char(tok) < q.close for q in quotes)
                    yield n, parsed, pb, sent, tok, verb_features(tok, lex, inside_quote=inside,
                                                                   sentence_has_quote=has_quote)


def examples(articles: list[tuple]):
    """(article index, features, label, complement kind) for every verb in the articles."""
    for n, _, pb, _, tok, feats in _verbs(articles):
        pos = pb.char(tok)
        label = any(a <= pos < b for a, b in articles[n][2])
        yield n, feats, label, complement_kind(tok)


def pair_examples(articles: list[tuple], keep_negative: float = 0.3):
    """(article index, verb id, features, label) for every (verb, content option) pair; most
    verbs that are no cue are left out, so that the pairs are not swamped by them."""
    from .options import content_options, option_features

    lex = lexicon()
    rng = random.Random(7)
    for verb_id, (n, parsed, pb, sent, tok, vf) in enumerate(_verbs(articles), 1):
        text, quotes = parsed.document.text, articles[n][1]
        pos = pb.char(tok)
        mine = [c for cue, c in articles[n][3] if cue[0] <= pos < cue[1]]
        if not mine and rng.random() > keep_negative:
            continue
        for kind, a, b in content_options(text, pb, tok, sent, quotes, lex):
            yield n, verb_id, option_features(kind, a, b, text, tok, vf), any(_fits(text, g, a, b) for g in mine)


def _words(text: str, span) -> set[int]:
    return {m.start() + span[0] for m in re.finditer(r"\w+", text[span[0]:span[1]])}


def match(text: str, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one (gold, pred) pairs at >= 50% word overlap both ways, as PolNeAR's
    scorer matches contents."""
    pairs = []
    for i, g in enumerate(gold):
        gw = _words(text, g["content"])
        for j, p in enumerate(pred):
            pw = _words(text, p["content"])
            if gw and pw:
                o = min(len(gw & pw) / len(gw), len(gw & pw) / len(pw))
                if o >= 0.5:
                    pairs.append((o, i, j))
    used_g, used_p, out = set(), set(), []
    for o, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out



def statement_examples(articles: list[tuple]):
    """(article index, features, label) for every statement the rules find, one per PolNeAR
    row (a split quote's later parts go with the first); the label says whether the
    annotator marked it, as the reference scorer matches contents."""
    from . import rule_candidates
    from .confidence import inside_others, statement_features
    from .rows import statement_rows

    for n, (parsed, *_, gold) in enumerate(articles):
        text = parsed.document.text
        cands = rule_candidates(parsed)
        rows, owner = statement_rows(text, cands)
        marked = {j for _, j in match(text, gold, rows)}
        seen: set[int] = set()
        for cand, row, inside in zip(cands, owner, inside_others(cands)):
            if row not in seen:
                seen.add(row)
                yield n, statement_features(parsed, cand, inside), row in marked


def fit_statement_model(articles: list[tuple], c: float, min_count: int, folds: int = 5) -> dict:
    """The statement model, with its abstention threshold chosen on predictions for articles
    each fold held out (the best content F1 over those articles' rows and gold)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from .confidence import FEATURE_VERSION as STATEMENT_FEATURES

    rows = list(statement_examples(articles))
    counts = Counter(f for _, feats, _ in rows for f in feats)
    rows = [(n, {f: v for f, v in feats.items() if counts[f] >= min_count}, y) for n, feats, y in rows]
    gold = sum(len(a[4]) for a in articles)

    def fit_rows(part):
        vec = DictVectorizer()
        clf = LogisticRegression(C=c, max_iter=5000).fit(vec.fit_transform([r[1] for r in part]), [r[2] for r in part])
        return vec, clf

    order = list(range(len(articles)))
    random.Random(3).shuffle(order)
    fold_of = {n: k % folds for k, n in enumerate(order)}
    held: list[tuple[float, bool]] = []
    for k in range(folds):
        vec, clf = fit_rows([r for r in rows if fold_of[r[0]] != k])
        test = [r for r in rows if fold_of[r[0]] == k]
        held += zip(clf.predict_proba(vec.transform([r[1] for r in test]))[:, 1], [r[2] for r in test])

    def f1(threshold):
        kept = [y for p, y in held if p >= threshold]
        precision, recall = sum(kept) / max(1, len(kept)), sum(kept) / max(1, gold)
        return 2 * precision * recall / max(1e-9, precision + recall)

    threshold = max((t / 100 for t in range(60)), key=lambda t: (round(f1(t), 4), -t))
    ece = sum(abs(sum(p for p, _ in b) - sum(y for _, y in b)) for b in
              ([(p, y) for p, y in held if int(p * 10) == i or (i == 9 and p >= 1)] for i in range(10))) / len(held)
    vec, clf = fit_rows(rows)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-3}
    print(f"{len(rows)} statements from {len(articles)} articles ({sum(r[2] for r in rows)} marked); held-out "
          f"calibration error {ece:.3f}; content F1 of the rules' rows {f1(0):.4f}, "
          f"{f1(threshold):.4f} abstaining below {threshold:.2f}")
    return {"feature_version": STATEMENT_FEATURES, "bias": round(float(clf.intercept_[0]), 4),
            "threshold": threshold, "trained_on": f"PolNeAR v1.0.0 train split, {len(articles)} articles",
            "held_out": {"calibration_error": round(ece, 4), "content_f1_all": round(f1(0), 4),
                         "content_f1_abstaining": round(f1(threshold), 4)},
            "weights": dict(sorted(weights.items()))}


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
    ap.add_argument("--statements-out", type=Path, default=HERE / STATEMENT_MODEL_FILE)
    ap.add_argument("--only", choices=("cues", "statements"),
                    help="fit only the cue model and content chooser, or only the statement model")
    args = ap.parse_args(argv)
    if not (args.data / "text").is_dir():
        print(f"PolNeAR training split not found at {args.data}; get PolNeAR v1.0.0 from "
              "github.com/networkdynamics/PolNeAR", file=sys.stderr)
        return 2
    from .. import nlp as nlp_mod

    corpus = load_articles(args.data, nlp_mod.load(), args.limit)
    if args.only != "statements":
        fit_cue_model(corpus, args)
    if args.only != "cues":
        from .cuemodel import load_model
        load_model.cache_clear()  # the statement model learns from the rules with the cue model as it now is
        model = fit_statement_model(corpus, args.c, args.min_count)
        args.statements_out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {args.statements_out} ({len(model['weights'])} weights)")
    return 0


def fit_cue_model(corpus: list[tuple], args) -> None:
    """The cue model and the content chooser, written to ``args.out``."""
    rows = list(examples(corpus))
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
    # the content chooser: which option of a verb is its content, if any
    pairs = list(pair_examples(corpus))
    pcounts = Counter(f for _, _, feats, _ in pairs for f in feats)
    pairs = [(n, v, [f for f in feats if pcounts[f] >= args.min_count], y) for n, v, feats, y in pairs]
    ptrain = [(p[0], p[2], p[3], "") for p in pairs if p[0] not in held]
    pvec, pclf = fit(ptrain, args.c)
    ptest = [p for p in pairs if p[0] in held]
    pprobs = pclf.predict_proba(pvec.transform([{f: 1 for f in p[2]} for p in ptest]))[:, 1]
    best: dict[int, tuple[float, bool]] = {}
    for p, prob in zip(ptest, pprobs):  # each verb keeps its best-scoring option
        if p[1] not in best or prob > best[p[1]][0]:
            best[p[1]] = (prob, p[3])
    pair_threshold, pair_f = best_threshold([b[0] for b in best.values()], [b[1] for b in best.values()])
    print(f"{len(pairs)} (verb, content) pairs; held-out chosen-content F0.7 {pair_f:.3f} at {pair_threshold:.2f}")
    pvec, pclf = fit([(p[0], p[2], p[3], "") for p in pairs], args.c)
    pnames = list(pvec.get_feature_names_out())
    pair_weights = {name: round(float(w), 4) for name, w in zip(pnames, pclf.coef_[0]) if abs(w) >= 1e-3}

    vec, clf = fit(rows, args.c)  # final model on every article
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= 1e-3}
    seen, cued = Counter(), Counter()
    for _, feats, y, _ in rows:
        lemma = next((f[6:] for f in feats if f.startswith("lemma=")), None)
        seen[lemma] += 1
        cued[lemma] += y
    cue_lemmas = sorted(l for l in cued if l and cued[l] >= 3 and cued[l] / seen[l] >= 0.1)
    model = {"feature_version": FEATURE_VERSION, "cue_lemmas": cue_lemmas,
             "pair_bias": round(float(pclf.intercept_[0]), 4), "pair_threshold": pair_threshold,
             "pair_weights": dict(sorted(pair_weights.items())), "bias": round(float(clf.intercept_[0]), 4),
             "threshold": threshold, "object_threshold": max(object_threshold, threshold),
             "trained_on": f"PolNeAR v1.0.0 train split, {len(articles)} articles",
             "held_out_f1": round(f1, 4), "weights": dict(sorted(weights.items()))}
    args.out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.out} ({len(weights)} + {len(pair_weights)} weights, {args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    sys.exit(main())

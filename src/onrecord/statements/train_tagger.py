"""Train the statement tagger's adapters on PolNeAR's training split.

    python -m onrecord.statements.train_tagger --data ../shared/data/polnear/train

Needs the tagger extra (``pip install 'onrecord[tagger]'``). Runs the rules over every article
first (their spans are the tagger's input feature), then trains the adapters, the rules'
label embedding and the head; the encoder's own weights stay frozen. About 8 minutes an epoch
on two cores. A held-out set of articles (``--holdout``) is never trained on; after each epoch
the script prints content F1 on it for the rules, the tagger, and the rules plus the tagger's
extra statements. Writes ``tagger.safetensors`` beside this file (16-bit, about 1.3 MB).
"""
from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from .tagger import N_LABELS, WEIGHTS, Tagger, batches, extra_statements, trainable_names
from .train import gold_attributions, match


def rule_rows(files: list[Path]) -> dict[str, list[dict]]:
    """The rules' statements per article, as the tagger reads them (before the statement
    model abstains on any)."""
    from .. import nlp as nlp_mod
    from ..ingest import parse_text
    from ..parse import map_parsed
    from . import has_signal, rule_candidates, whole_statements

    def rows(parsed):
        return parsed.document.source, whole_statements(parsed.document.text, rule_candidates(parsed),
                                                         polnear_edges=False)

    docs = [parse_text(f.read_text("utf-8"), f.stem) for f in files]
    return dict(map_parsed(docs, nlp_mod.load(), rows, keep=has_signal))


def content_f1(items: list[tuple[str, list[dict], list[dict]]]) -> tuple[float, float, float]:
    tp = sum(len(match(text, gold, pred)) for text, gold, pred in items)
    p = tp / max(1, sum(len(pred) for _, _, pred in items))
    r = tp / max(1, sum(len(gold) for _, gold, _ in items))
    return p, r, 2 * p * r / max(1e-9, p + r)


def evaluate(tagger: Tagger, heldout: list[tuple[str, list[dict], list[dict]]], label: str) -> None:
    """Content F1 on held-out articles, and how often an extra statement is right by its
    probability (the table behind ``tagger.CALIBRATION``)."""
    tagged = [(text, gold, rows, tagger.tag(text, rows)) for text, gold, rows in heldout]
    for name, pick in (("rules", lambda text, rows, t: rows),
                       ("tagger", lambda text, rows, t: t.statements(text)),
                       ("rules + extras", lambda text, rows, t: rows + extra_statements(text, rows, t))):
        p, r, f = content_f1([(text, gold, pick(text, rows, t)) for text, gold, rows, t in tagged])
        print(f"{label} held out, {name:15s} content P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)
    bins: dict[float, list[int]] = {}
    for text, gold, rows, t in tagged:
        found = {i for i, _ in match(text, gold, rows)}
        missed = [g for i, g in enumerate(gold) if i not in found]
        for extra in extra_statements(text, rows, t, min_p=0.0):
            b = bins.setdefault(min(int(extra["p"] * 10), 9) / 10, [0, 0])
            b[0] += bool(match(text, missed, [extra]))
            b[1] += 1
    print(f"{label} held out, extra statements right, by probability: " + ", ".join(
        f"[{k:.1f}, {k + 0.1:.1f}) {r}/{n} = {r / n:.2f}" for k, (r, n) in sorted(bins.items())), flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="PolNeAR split with text/ and attributions/")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--holdout", type=int, default=84, help="articles kept out of training")
    ap.add_argument("--out", type=Path, default=WEIGHTS)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--all-annotators", action="store_true",
                    help="train on every annotator's file of an article, not only the first")
    ap.add_argument("--evaluate", type=Path, metavar="WEIGHTS",
                    help="train nothing: print the held-out figures of these adapter weights")
    args = ap.parse_args(argv)

    files = [f for f in sorted((args.data / "text").glob("*.txt"))
             if sorted((args.data / "attributions").glob(f.stem + "*.ann"))]
    held = set(random.Random(1).sample([f.stem for f in files], min(args.holdout, len(files) // 5)))
    t0 = time.perf_counter()
    rules = rule_rows(files)  # in worker processes, before torch starts threads of its own
    print(f"rules over {len(files)} articles in {time.perf_counter() - t0:.0f}s", flush=True)

    import torch
    from safetensors.torch import save_file
    from torch import nn

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    torch.set_num_threads(max(1, min(4, torch.get_num_threads())))

    tagger = Tagger(weights=args.evaluate)
    train, heldout = [], []
    for f in files:
        text = f.read_text("utf-8")
        anns = sorted((args.data / "attributions").glob(f.stem + "*.ann"))
        if f.stem in held:  # scored against the first annotator, as the reference scorer does
            heldout.append((text, gold_attributions(anns[0]), rules.get(f.stem, [])))
        elif not args.evaluate:
            for ann in anns if args.all_annotators else anns[:1]:
                train += tagger.examples(text, rules.get(f.stem, []), gold_attributions(ann))
    if args.evaluate:
        evaluate(tagger, heldout, str(args.evaluate))
        return 0
    net = tagger.net
    net.train()
    params = [p for p in net.parameters() if p.requires_grad]
    print(f"{len(train)} windows from {len(files) - len(held)} articles; {sum(p.numel() for p in params)} "
          f"trainable parameters; {len(heldout)} articles held out", flush=True)
    opt = torch.optim.AdamW(params, lr=5e-4, weight_decay=0.01)
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor([1.0] + [2.0, 1.0] * 3), ignore_index=-100)
    total = args.epochs * ((len(train) + 15) // 16)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / 100) * max(0.0, 1 - s / total))
    for epoch in range(args.epochs):
        rng.shuffle(train)
        t0, running = time.perf_counter(), 0.0
        for step, (ids, feats, mask, labels, _) in enumerate(batches(torch, train, 16), 1):
            opt.zero_grad()
            loss = loss_fn(net(ids, feats, mask).reshape(-1, N_LABELS), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            running += loss.item()
            if step % 50 == 0:
                print(f"epoch {epoch} step {step} loss {running / 50:.4f} {time.perf_counter() - t0:.0f}s", flush=True)
                running = 0.0
        net.eval()
        evaluate(tagger, heldout, f"epoch {epoch}")
        net.train()
    state = dict(net.named_parameters())
    save_file({k: state[k].detach().half().contiguous() for k in trainable_names(net)}, str(args.out))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

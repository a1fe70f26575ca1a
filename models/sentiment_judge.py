"""The independent judge of review sentiment: character 1–3-gram TF-IDF and logistic regression.

A classifier of a different kind from the generator it judges (no network, no shared weights or vocabulary), trained
on the same training split only (training/cln/judge.py). N-grams are hashed into `features` buckets with CRC-32, so
the model is two vectors and needs no vocabulary:

    x_j  = (1 + ln count_j) · idf_j   for every bucket j of the text's 1-, 2- and 3-grams, then x / ‖x‖₂
    P(positive | text) = σ(w · x + b)
"""

from __future__ import annotations

import math
import zlib
from collections import Counter

import torch
from huggingface_hub import PyTorchModelHubMixin
from torch import nn


def ngram_buckets(text: str, features: int, orders: tuple[int, ...] = (1, 2, 3)) -> Counter:
    """{bucket: count} of the text's character n-grams."""
    grams = (text[i : i + n] for n in orders for i in range(len(text) - n + 1))
    return Counter(zlib.crc32(g.encode("utf-8")) % features for g in grams)


class SentimentJudge(nn.Module, PyTorchModelHubMixin, library_name="pytorch", license="mit", tags=["sentiment"]):
    def __init__(self, features: int = 1 << 18):
        super().__init__()
        self.features = features
        self.idf = nn.Parameter(torch.ones(features), requires_grad=False)
        self.weight = nn.Parameter(torch.zeros(features))
        self.bias = nn.Parameter(torch.zeros(()))

    def vectorise(self, texts: list[str]) -> torch.Tensor:
        """texts -> sparse (N, features) rows of L2-normalised TF-IDF."""
        rows, cols, vals = [], [], []
        for r, text in enumerate(texts):
            counts = ngram_buckets(text, self.features)
            rows += [r] * len(counts)
            cols += list(counts)
            vals += [1 + math.log(c) for c in counts.values()]
        index = torch.tensor([rows, cols], dtype=torch.long).reshape(2, -1)
        x = torch.tensor(vals, dtype=torch.float32) * self.idf.detach().float()[index[1]]
        norms = torch.zeros(len(texts)).index_add_(0, index[0], x * x).sqrt().clamp(min=1e-12)
        return torch.sparse_coo_tensor(
            index, x / norms[index[0]], (len(texts), self.features), check_invariants=False
        ).coalesce()

    def logits(self, x: torch.Tensor) -> torch.Tensor:
        """x sparse (N, F) -> (N,)."""
        return torch.sparse.mm(x, self.weight.float().unsqueeze(1)).squeeze(1) + self.bias.float()

    @torch.no_grad()
    def positive(self, texts: list[str]) -> list[float]:
        """P(positive) of each text (an empty text gets 0.5 plus the bias's lean)."""
        if not texts:
            return []
        return torch.sigmoid(self.logits(self.vectorise(texts))).tolist()

"""ON-LSTM: ordered neurons, a master forget gate and a master input gate that express hierarchy.

Shen et al., "Ordered Neurons: Integrating Tree Structures into Recurrent Neural Networks" (arXiv 1810.09536), and
Su Jianlin's re-derivation "ON-LSTM：用有序神经元表达层次结构" (https://kexue.fm/archives/6621).

    f~_t = cumax(W x_t + U h_{t-1} + b)          the master forget gate, rising from 0 to 1 over the levels
    i~_t = 1 - cumax(W' x_t + U' h_{t-1} + b')   the master input gate, falling from 1 to 0
    w_t  = f~_t * i~_t
    c_t  = w_t * (f_t * c_{t-1} + i_t * c^_t) + (f~_t - w_t) * c_{t-1} + (i~_t - w_t) * c^_t

The master gates have `levels` entries, each repeated `chunk` times across the hidden units (chunking). The distance
d_t = 1 - mean(f~_t) is the expected level the step writes from: high d_t means the present barely needs the past, a
boundary. `build_tree` splits a sequence greedily at the largest distance. Input projections of a whole window are one
matrix multiply; only the recurrent part runs step by step.
"""

from __future__ import annotations

import torch
from torch import nn


def cumax(x: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """cumsum(softmax(x)): a soft, monotone step from 0 to 1."""
    return torch.cumsum(torch.softmax(x, dim=dim), dim=dim)


class ONLSTMCell(nn.Module):
    def __init__(self, input_size: int, hidden_size: int, chunk: int):
        super().__init__()
        assert hidden_size % chunk == 0, "hidden_size must be a multiple of chunk"
        self.hidden_size, self.chunk, self.levels = hidden_size, chunk, hidden_size // chunk
        gates = 4 * hidden_size + 2 * self.levels  # o, f, i, c^ per unit + the two master gates per level
        self.ih = nn.Linear(input_size, gates)
        self.hh = nn.Linear(hidden_size, gates, bias=False)

    def forward(self, x: torch.Tensor, state: tuple[torch.Tensor, torch.Tensor] | None = None):
        """x (T, B, input) -> outputs (T, B, H), distances (T, B), final (h, c)."""
        T, B, _ = x.shape
        h = x.new_zeros(B, self.hidden_size) if state is None else state[0]
        c = x.new_zeros(B, self.hidden_size) if state is None else state[1]
        projected = self.ih(x)  # (T, B, gates): the input part of every step in one matrix multiply
        outputs, distances = [], []
        for t in range(T):
            g = projected[t] + self.hh(h)
            master_f = cumax(g[:, : self.levels])  # (B, L)
            master_i = 1 - cumax(g[:, self.levels : 2 * self.levels])
            o, f, i, c_hat = g[:, 2 * self.levels :].chunk(4, dim=1)  # each (B, H)
            o, f, i, c_hat = torch.sigmoid(o), torch.sigmoid(f), torch.sigmoid(i), torch.tanh(c_hat)
            distances.append(1 - master_f.mean(dim=1))
            mf = master_f.repeat_interleave(self.chunk, dim=1)  # (B, L) -> (B, H)
            mi = master_i.repeat_interleave(self.chunk, dim=1)
            w = mf * mi
            c = w * (f * c + i * c_hat) + (mf - w) * c + (mi - w) * c_hat
            h = o * torch.tanh(c)
            outputs.append(h)
        return torch.stack(outputs), torch.stack(distances), (h, c)


def build_tree(items: list, distances: list[float]):
    """Greedy top-down split (Shen et al.): the item with the largest distance starts the right part.

    `distances[k]` belongs to item k. Returns a nested list binary tree; a single item stays as it is.
    """
    if len(items) <= 1:
        return items[0] if items else []
    k = max(range(1, len(items)), key=lambda j: distances[j])  # never split before the first item
    left, right = items[:k], items[k:]
    return [build_tree(left, distances[:k]), build_tree(right, distances[k:])]

"""ON-LSTM: ordered neurons, a master forget gate and a master input gate that express hierarchy.

Shen et al., "Ordered Neurons: Integrating Tree Structures into Recurrent Neural Networks" (arXiv 1810.09536), and
Su Jianlin's re-derivation "ON-LSTM：用有序神经元表达层次结构" (https://kexue.fm/archives/6621).

    f~_t = cumax(W x_t + U h_{t-1} + b)          the master forget gate, rising from 0 to 1 over the levels
    i~_t = 1 - cumax(W' x_t + U' h_{t-1} + b')   the master input gate, falling from 1 to 0
    w_t  = f~_t * i~_t
    c_t  = w_t * (f_t * c_{t-1} + i_t * c^_t) + (f~_t - w_t) * c_{t-1} + (i~_t - w_t) * c^_t

The master gates have `levels` entries, each repeated `chunk` times across the hidden units (chunking). The distance
d_t = 1 - mean(f~_t) is the expected level the step writes from: high d_t means the present barely needs the past, a
boundary (models/onlstm_parse.py turns distances into trees and words). Its counterpart for the master input gate,
the input level e_t = mean(i~_t), is the share of levels (from the bottom) the new character is written to: the
article's d_i / n. Input projections of a whole window are one
matrix multiply; only the recurrent part runs step by step.
"""

from __future__ import annotations

import torch
from huggingface_hub import PyTorchModelHubMixin
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
        """x (T, B, input) -> outputs (T, B, H), master forget and master input gates (T, B, L) each, final (h, c)."""
        _T, B, _ = x.shape
        h = x.new_zeros(B, self.hidden_size) if state is None else state[0]
        c = x.new_zeros(B, self.hidden_size) if state is None else state[1]
        projected = self.ih(x)  # (T, B, gates): the input part of every step in one matrix multiply
        return _recurrence(projected, self.hh.weight, h, c, self.levels, self.chunk)


def _recurrence(projected: torch.Tensor, w_hh: torch.Tensor, h: torch.Tensor, c: torch.Tensor, levels: int, chunk: int):
    """The step-by-step part. (torch.jit.script made it slower to train here: 0.55 s against 0.45 s per window.)"""
    T, B = projected.shape[0], projected.shape[1]
    outputs, forget_gates, input_gates = [], [], []
    for t in range(T):
        g = projected[t] + torch.mm(h, w_hh.t())
        master_f = torch.cumsum(torch.softmax(g[:, :levels], dim=1), dim=1)  # (B, L), cumax
        master_i = 1 - torch.cumsum(torch.softmax(g[:, levels : 2 * levels], dim=1), dim=1)
        o, f, i, c_hat = g[:, 2 * levels :].chunk(4, dim=1)  # each (B, H)
        mf, mi = master_f.unsqueeze(2), master_i.unsqueeze(2)  # (B, L, 1): one value per chunk of units
        w = mf * mi
        c3 = c.view(B, levels, chunk)
        f3, i3 = torch.sigmoid(f).view(B, levels, chunk), torch.sigmoid(i).view(B, levels, chunk)
        ch3 = torch.tanh(c_hat).view(B, levels, chunk)
        c = (w * (f3 * c3 + i3 * ch3) + (mf - w) * c3 + (mi - w) * ch3).view(B, -1)
        h = torch.sigmoid(o) * torch.tanh(c)
        outputs.append(h)
        forget_gates.append(master_f)
        input_gates.append(master_i)
    return torch.stack(outputs), torch.stack(forget_gates), torch.stack(input_gates), (h, c)


def as_signals(read: dict) -> dict:
    """One line's `CharLM.read` answer as numpy: {"surprisal": (T,), "distances": [(T,) per layer],
    "input_levels": [(T,) per layer]} (no layers for a plain LSTM)."""
    return {
        "surprisal": read["surprisal"].numpy(),
        "distances": [distance(g).numpy() for g in read["gates"]],
        "input_levels": [input_level(g).numpy() for g in read["input_gates"]],
    }


def distance(master_forget: torch.Tensor) -> torch.Tensor:
    """d = 1 - mean over levels of the master forget gate: (..., L) -> (...)."""
    return 1 - master_forget.mean(dim=-1)


def input_level(master_input: torch.Tensor) -> torch.Tensor:
    """e = mean over levels of the master input gate, the share of levels the input is written to: (..., L) -> (...)."""
    return master_input.mean(dim=-1)


class CharLM(nn.Module, PyTorchModelHubMixin, library_name="pytorch", license="mit", tags=["on-lstm", "chinese"]):
    """A character language model: embedding -> `layers` recurrent layers -> adaptive softmax.

    `ordered=True` stacks ON-LSTM cells; `ordered=False` is the plain-LSTM baseline of the same size (torch's fused
    LSTM). `alphabet` is the vocabulary as one string; id 0 is unknown, id 1 the line break that separates lines.
    """

    def __init__(
        self,
        alphabet: str,
        embed: int = 128,
        hidden: int = 256,
        layers: int = 3,
        chunk: int = 8,
        dropout: float = 0.1,
        ordered: bool = True,
        cutoffs: tuple[int, ...] = (300, 1500),
        rule: dict | None = None,
        reverse: bool = False,
        primer: str = "",
    ):
        super().__init__()
        self.alphabet, self.ordered, self.n_layers = alphabet, ordered, layers
        self.reverse = (
            reverse  # reads each line right to left (trained on reversed lines); `read` answers in text order
        )
        self.rule = rule  # the segmentation rule chosen on validation lines (models/onlstm_parse.Rule fields)
        # a line of training text read before every line, so that each starts from a state like the ones it met in
        # training (lines were streamed one after another) instead of from zeros; its state is computed once
        self.primer, self._primed = primer, None
        self.index = {ch: k + 2 for k, ch in enumerate(alphabet)}
        vocab = len(alphabet) + 2
        self.embedding = nn.Embedding(vocab, embed)
        sizes = [embed] + [hidden] * layers
        if ordered:
            self.rnns = nn.ModuleList(ONLSTMCell(sizes[k], hidden, chunk) for k in range(layers))
        else:
            self.rnns = nn.ModuleList(nn.LSTM(sizes[k], hidden) for k in range(layers))
        self.drop = nn.Dropout(dropout)
        cuts = [c for c in cutoffs if c < vocab - 1] or [max(1, vocab // 2)]  # tiny alphabets (tests) need fewer
        self.head = nn.AdaptiveLogSoftmaxWithLoss(hidden, vocab, cutoffs=cuts, div_value=4.0)

    def encode(self, text: str) -> torch.Tensor:
        return torch.tensor([1 if ch == "\n" else self.index.get(ch, 0) for ch in text], dtype=torch.long)

    def forward(self, ids: torch.Tensor, state: list | None = None):
        """ids (T, B) -> hidden (T, B, H), master forget and master input gates per layer [(T, B, L)] (empty if not
        ordered), state."""
        x = self.drop(self.embedding(ids))
        forget_gates, input_gates, new_state = [], [], []
        for k, rnn in enumerate(self.rnns):
            s = None if state is None else state[k]
            if self.ordered:
                x, mf, mi, s = rnn(x, s)
                forget_gates.append(mf)
                input_gates.append(mi)
            else:
                x, s = rnn(x, None if s is None else (s[0].unsqueeze(0), s[1].unsqueeze(0)))
                s = (s[0].squeeze(0), s[1].squeeze(0))
            new_state.append(s)
            x = self.drop(x)
        return x, forget_gates, input_gates, new_state

    def loss(self, ids: torch.Tensor, targets: torch.Tensor, state: list | None = None):
        """Mean negative log-likelihood (nats per character) of `targets` (T, B) after reading `ids` (T, B)."""
        hidden, _, _, state = self(ids, state)
        out = self.head(hidden.reshape(-1, hidden.shape[-1]), targets.reshape(-1))
        return out.loss, state

    @torch.no_grad()
    def read(self, texts: list[str]) -> list[dict]:
        """Read lines, each after a line break (and after the primer, if any), in one padded batch (the model is
        causal: padding at the end changes nothing before it). Per line: surprisal (T,) in nats and each layer's
        master forget gates ("gates") and master input gates ("input_gates"), [(T, L)]."""
        if self.reverse:
            return [
                {key: r[key].flip(0) if key == "surprisal" else [g.flip(0) for g in r[key]] for key in r}
                for r in self._read([t[::-1] for t in texts])
            ]
        return self._read(texts)

    def _primer_state(self, batch: int) -> list | None:
        """The state after reading the primer (in this model's direction), for `batch` lines; None without one."""
        if not self.primer:
            return None
        weight = self.embedding.weight
        key = (self.primer, weight.data_ptr(), weight._version, weight.dtype)  # recomputed when the weights change
        if self._primed is None or self._primed[0] != key:
            text = self.primer[::-1] if self.reverse else self.primer
            *_, state = self(self.encode("\n" + text).view(-1, 1))
            self._primed = (key, state)
        return [tuple(s.expand(batch, *s.shape[1:]).contiguous() for s in layer) for layer in self._primed[1]]

    def _read(self, texts: list[str]) -> list[dict]:
        n = max(len(t) for t in texts)
        ids = torch.ones(n + 1, len(texts), dtype=torch.long)  # (T+1, B), id 1 = line break
        for b, text in enumerate(texts):
            ids[1 : len(text) + 1, b] = self.encode(text)
        hidden, gates, input_gates, _ = self(ids, self._primer_state(len(texts)))
        flat = hidden[:-1].reshape(-1, hidden.shape[-1])
        surprisal = -self.head(flat, ids[1:].reshape(-1)).output.view(n, len(texts))
        return [
            {
                "surprisal": surprisal[: len(t), b],
                "gates": [g[1 : len(t) + 1, b] for g in gates],
                "input_gates": [g[1 : len(t) + 1, b] for g in input_gates],
            }
            for b, t in enumerate(texts)
        ]

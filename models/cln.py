"""Conditional Layer Normalization: a character-level Transformer decoder whose every LayerNorm follows a condition.

Su Jianlin, "基于Conditional Layer Normalization的条件文本生成" (https://kexue.fm/archives/7124), the idea behind
bert4keras' `layer_norm_cond`:

    LN(x)      = γ ⊙ (x − μ) / σ + β
    CLN(x | c) = (γ + W_γ c) ⊙ (x − μ) / σ + (β + W_β c),      W_γ = W_β = 0 at initialisation

so a pre-trained language model is, at the first step of fine-tuning, exactly the model it was. The condition c is a
learned embedding of the label (negative, positive); a mix (1 − α)·e_neg + α·e_pos is a condition too. `scale`
multiplies every W_γ, W_β (1: the trained model, 0: plain LayerNorm), for the tab's mechanics panel.

`cond="token"` is the usual alternative the model card compares against: no conditional norms, the label's embedding
is read as the first input position instead (a condition token). `cond="none"` is the unconditional LM of stage 1.
The decoder itself is nanoGPT's (pre-norm blocks, learned positions, tied input and output embeddings).
"""

from __future__ import annotations

import torch
from huggingface_hub import PyTorchModelHubMixin
from torch import nn
from torch.nn import functional as F

LABELS = ("negative", "positive")
BREAK = 1  # id of the line break that starts and ends every review; id 0 is an unknown character


class CondLayerNorm(nn.Module):
    """LayerNorm whose γ and β move with a condition c (B, C) through zero-initialised maps W_γ, W_β (C -> D)."""

    def __init__(self, dim: int, cond_dim: int = 0):
        super().__init__()
        self.weight, self.bias = nn.Parameter(torch.ones(dim)), nn.Parameter(torch.zeros(dim))
        self.cond_gamma = self.cond_beta = None
        if cond_dim:
            self.cond_gamma = nn.Linear(cond_dim, dim, bias=False)
            self.cond_beta = nn.Linear(cond_dim, dim, bias=False)
            self.reset_condition()

    def reset_condition(self) -> None:
        """W_γ = W_β = 0: the norm is plain LayerNorm whatever the condition."""
        nn.init.zeros_(self.cond_gamma.weight)
        nn.init.zeros_(self.cond_beta.weight)

    def gamma_beta(self, c: torch.Tensor | None, scale: float = 1.0) -> tuple[torch.Tensor, torch.Tensor]:
        """γ(c), β(c): (D,) without a condition, (B, 1, D) with one."""
        if c is None or self.cond_gamma is None:
            return self.weight, self.bias
        gamma = self.weight + scale * self.cond_gamma(c)  # (B, D)
        beta = self.bias + scale * self.cond_beta(c)
        return gamma.unsqueeze(1), beta.unsqueeze(1)

    def forward(self, x: torch.Tensor, c: torch.Tensor | None = None, scale: float = 1.0) -> torch.Tensor:
        gamma, beta = self.gamma_beta(c, scale)
        return F.layer_norm(x, x.shape[-1:], eps=1e-5) * gamma + beta  # x (B, T, D)


class Block(nn.Module):
    def __init__(self, dim: int, heads: int, cond_dim: int, dropout: float):
        super().__init__()
        self.heads, self.dropout = heads, dropout
        self.ln1, self.ln2 = CondLayerNorm(dim, cond_dim), CondLayerNorm(dim, cond_dim)
        self.qkv, self.proj = nn.Linear(dim, 3 * dim), nn.Linear(dim, dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))
        self.drop = nn.Dropout(dropout)

    def attend(self, x: torch.Tensor, cache: dict | None) -> torch.Tensor:
        B, T, D = x.shape
        q, k, v = self.qkv(x).view(B, T, 3, self.heads, D // self.heads).permute(2, 0, 3, 1, 4)  # each (B, H, T, d)
        if cache is not None:  # generation: keys and values of earlier positions are kept, not recomputed
            if "k" in cache:
                k, v = torch.cat([cache["k"], k], dim=2), torch.cat([cache["v"], v], dim=2)
            cache["k"], cache["v"] = k, v
        causal = T > 1 and k.shape[2] == T  # with a cache, new positions see all earlier ones (one at a time)
        drop = self.dropout if self.training else 0.0
        y = F.scaled_dot_product_attention(q, k, v, dropout_p=drop, is_causal=causal)
        return self.proj(y.transpose(1, 2).reshape(B, T, D))

    def forward(self, x, c=None, scale: float = 1.0, cache: dict | None = None):
        x = x + self.drop(self.attend(self.ln1(x, c, scale), cache))
        return x + self.drop(self.mlp(self.ln2(x, c, scale)))


class CondLM(nn.Module, PyTorchModelHubMixin, library_name="pytorch", license="mit", tags=["conditional-layer-norm"]):
    """alphabet: the vocabulary as one string (ids from 2; 0 = unknown, 1 = line break). cond: "cln" | "token" | "none".
    block: the longest context in characters, the line break that starts a review included."""

    def __init__(
        self,
        alphabet: str,
        dim: int = 256,
        layers: int = 4,
        heads: int = 4,
        block: int = 128,
        cond: str = "cln",
        cond_dim: int = 64,
        dropout: float = 0.1,
    ):
        super().__init__()
        assert cond in ("cln", "token", "none"), cond
        self.alphabet, self.cond, self.block = alphabet, cond, block
        self.index = {ch: k + 2 for k, ch in enumerate(alphabet)}
        self.vocab = len(alphabet) + 2
        self.embed, self.pos = nn.Embedding(self.vocab, dim), nn.Embedding(block + 1, dim)
        self.labels = nn.Embedding(len(LABELS), cond_dim if cond == "cln" else dim) if cond != "none" else None
        norm_cond = cond_dim if cond == "cln" else 0
        self.blocks = nn.ModuleList(Block(dim, heads, norm_cond, dropout) for _ in range(layers))
        self.ln_f = CondLayerNorm(dim, norm_cond)
        self.drop = nn.Dropout(dropout)
        self.apply(self._init)
        for norm in self.modules():  # after the random init: W_γ and W_β start at zero, CLN starts as LN
            if isinstance(norm, CondLayerNorm) and norm.cond_gamma is not None:
                norm.reset_condition()

    @staticmethod
    def _init(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def encode(self, text: str) -> list[int]:
        return [BREAK if ch == "\n" else self.index.get(ch, 0) for ch in text]

    def decode(self, ids: list[int]) -> str:
        return "".join("\n" if i == BREAK else "�" if i < 2 else self.alphabet[i - 2] for i in ids)

    def condition(self, alpha: torch.Tensor) -> torch.Tensor | None:
        """alpha (B,) in [0, 1] -> c = (1 − α)·e_neg + α·e_pos, (B, C); None for the unconditional model."""
        if self.labels is None:
            return None
        neg, pos = self.labels.weight
        return (1 - alpha)[:, None] * neg + alpha[:, None] * pos

    def forward(self, ids: torch.Tensor, alpha: torch.Tensor | None = None, scale: float = 1.0, cache=None):
        """ids (B, T) -> logits (B, T, V). alpha (B,): the condition's mix. With cond="token" the condition is an
        extra first position, so the logits are those of the T text positions only. `cache`: a list, one dict per
        block, for generation step by step (positions continue from what it holds)."""
        T = ids.shape[1]
        c = None if alpha is None else self.condition(alpha.to(self.embed.weight.dtype))
        x = self.embed(ids)  # (B, T, D)
        past = 0 if not cache or "k" not in cache[0] else cache[0]["k"].shape[2]
        if self.cond == "token" and c is not None and past == 0:
            x = torch.cat([c.unsqueeze(1), x], dim=1)  # (B, 1 + T, D): the condition token leads
        positions = torch.arange(past, past + x.shape[1], device=ids.device)
        x = self.drop(x + self.pos(positions))
        norm_c = c if self.cond == "cln" else None
        for k, block in enumerate(self.blocks):
            x = block(x, norm_c, scale, None if cache is None else cache[k])
        logits = self.ln_f(x, norm_c, scale) @ self.embed.weight.t()  # tied output embedding
        return logits[:, -T:] if self.cond == "token" and c is not None and past == 0 else logits

    def loss(self, ids: torch.Tensor, alpha: torch.Tensor | None = None, reduction: str = "mean") -> torch.Tensor:
        """Next-character cross-entropy (nats) of ids (B, T): positions 1..T−1 given the ones before. reduction
        "none" gives (B, T−1), with padding (id −1 in ids) masked to zero."""
        inputs, targets = ids[:, :-1].clamp(min=0), ids[:, 1:]
        logits = self(inputs, alpha).float()
        nll = F.cross_entropy(logits.transpose(1, 2), targets.clamp(min=0), reduction="none")
        nll = nll * (targets >= 0)
        return nll if reduction == "none" else nll.sum() / (targets >= 0).sum()

"""Sampling reviews from the conditional LM, character by character, with a key/value cache.

Every sample starts with a line break (and the optional prefix) and ends at the next line break or at `length` new
characters. Temperature and nucleus (top-p) sampling; a seeded generator makes every batch reproducible.

`contrast` w > 0 reads the same text under the opposite condition too and samples from
l(α) + w·(l(α) − l(1 − α)), i.e. p(x | α)^(1+w) / p(x | 1 − α)^w: the expert / anti-expert contrast of DExperts
(Liu et al. 2021), with one conditional model playing both. w = 0 is the plain conditional model.
"""

from __future__ import annotations

from collections.abc import Iterator

import torch

from models.cln import BREAK, CondLM
from models.cln_settings import Settings


def nucleus(logits: torch.Tensor, top_p: float) -> torch.Tensor:
    """Keep the smallest set of tokens whose probability reaches top_p (per row); the rest get −inf. (B, V)."""
    if top_p >= 1:
        return logits
    sorted_logits, order = logits.sort(dim=-1, descending=True)
    probs = sorted_logits.softmax(dim=-1)
    drop = probs.cumsum(dim=-1) - probs > top_p  # a token is kept while the mass before it is below top_p
    sorted_logits[drop] = float("-inf")
    return torch.full_like(logits, float("-inf")).scatter(-1, order, sorted_logits)


@torch.no_grad()
def stream(model: CondLM, s: Settings, alphas: torch.Tensor | None = None) -> Iterator[list[list[int]]]:
    """Yield, after every step, each sample's new ids so far (without the prefix and the final line break).
    `alphas` (B,) gives each sample its own mix (the evaluation's mixing sweep); by default all use s.alpha."""
    gen = torch.Generator().manual_seed(s.seed)
    alpha = torch.full((s.samples,), float(s.alpha)) if alphas is None else alphas.float()
    B, contrast = len(alpha), s.contrast > 0 and model.cond != "none"
    if contrast:
        alpha = torch.cat([alpha, 1 - alpha])  # (2B,): each text read under its condition and under the opposite
    ids = torch.tensor([BREAK, *model.encode(s.prefix)]).repeat(len(alpha), 1)  # (B or 2B, 1 + prefix)
    cache = [{} for _ in model.blocks]
    out: list[list[int]] = [[] for _ in range(B)]
    done = torch.zeros(B, dtype=torch.bool)
    room = model.block - ids.shape[1] - (1 if model.cond == "token" else 0)
    for _ in range(min(s.length, room)):
        logits = model(ids, alpha if model.cond != "none" else None, cache=cache)[:, -1].float()
        if contrast:
            logits = logits[:B] + s.contrast * (logits[:B] - logits[B:])
        logits[:, 0] = float("-inf")  # never the unknown character
        probs = nucleus(logits / s.temperature, s.top_p).softmax(dim=-1)
        nxt = torch.multinomial(probs, 1, generator=gen).squeeze(1)  # (B,)
        for b in range(len(out)):
            if not done[b] and nxt[b] != BREAK:
                out[b].append(int(nxt[b]))
        done |= nxt == BREAK
        yield out
        if done.all():
            return
        ids = (torch.cat([nxt, nxt]) if contrast else nxt).unsqueeze(1)


def sample(model: CondLM, s: Settings, alphas: torch.Tensor | None = None) -> list[str]:
    """The finished samples as text."""
    *_, last = stream(model, s, alphas)
    return [model.decode(x) for x in last]

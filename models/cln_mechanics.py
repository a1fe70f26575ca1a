"""What one Conditional LayerNorm does to one hidden vector, and what the condition does to the next character.

For a text read by the trained CondLM, take the hidden vector x that enters norm `layer` at the last position. With
the condition c of mix α and W_γ, W_β multiplied by `scale` (0: plain LayerNorm, the zero-initialised start;
1: the trained model):

    x̂ = (x − μ) / σ,   γ(c) = γ + s·W_γ c,   β(c) = β + s·W_β c,   y = γ(c) ⊙ x̂ + β(c)

and the next-character distribution of the whole model at that scale beside the one at scale 0.
"""

from __future__ import annotations

import torch
from torch.nn import functional as F

from models.cln import BREAK, CondLayerNorm, CondLM


def norms(model: CondLM) -> list[CondLayerNorm]:
    """Every conditional norm in reading order: ln1, ln2 of each block, then the final norm."""
    return [n for b in model.blocks for n in (b.ln1, b.ln2)] + [model.ln_f]


@torch.no_grad()
def mechanics(model: CondLM, text: str, alpha: float, scale: float, layer: int, top: int = 8) -> dict:
    """Numbers for the mechanics panel; arrays as lists. `layer` indexes `norms(model)`."""
    norm = norms(model)[layer]
    captured: dict[str, torch.Tensor] = {}

    def keep(_module, args) -> None:  # a pre-hook that returned a value would replace the norm's input
        captured["x"] = args[0][0, -1].float()

    hook = norm.register_forward_pre_hook(keep)
    ids = torch.tensor([[BREAK, *model.encode(text)]])
    a = torch.tensor([float(alpha)])
    try:
        logits = model(ids, a, scale=scale)[0, -1].float()
    finally:
        hook.remove()
    plain = model(ids, a, scale=0.0)[0, -1].float()
    x = captured["x"]
    x_hat = F.layer_norm(x, x.shape)
    c = model.condition(a)
    gamma, beta = (v[0, 0].float() for v in norm.gamma_beta(c, scale))
    p, q = logits.log_softmax(-1), plain.log_softmax(-1)
    best = torch.topk(p, top).indices
    return {
        "x_hat": x_hat.tolist(),
        "gamma": gamma.tolist(),
        "beta": beta.tolist(),
        "gamma_plain": norm.weight.float().tolist(),
        "beta_plain": norm.bias.float().tolist(),
        "ln": (norm.weight.float() * x_hat + norm.bias.float()).tolist(),
        "cln": (gamma * x_hat + beta).tolist(),
        "next": [{"char": model.decode([int(i)]), "p": p[i].exp().item(), "p_plain": q[i].exp().item()} for i in best],
        "kl_to_plain": (p.exp() * (p - q)).sum().item(),
    }

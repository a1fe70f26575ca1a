"""Invertible residual networks: y = x + g(x) is invertible when Lip(g) < 1.

Behrmann et al., "Invertible Residual Networks" (arXiv 1811.00995), explained in Su Jianlin's
"细水长flow之可逆ResNet：极致的暴力美学" (https://kexue.fm/archives/6482); options from Chen et al., "Residual Flows"
(arXiv 1906.02735).

- Lipschitz constraint: every linear map of g is spectrally normalised and scaled by c < 1, so with 1-Lipschitz
  activations Lip(g) <= c.
- Inverse by fixed-point iteration x_{k+1} = y - g(x_k): a contraction, so ||x_k - x|| <= c^k / (1 - c) ||x_1 - x_0||.
- log|det(I + J_g)| = sum_{k>=1} (-1)^{k+1} tr(J_g^k) / k, truncated after n terms, each trace estimated with
  Hutchinson's v^T J^k v (v ~ N(0, I)); in 2-D the exact value is cheap and shown beside it.
- Russian roulette (Residual Flows): stop the series after N = n + G terms, G ~ Geometric(p) (P(G >= m) = (1-p)^m),
  and divide term k by P(N >= k). The estimate is unbiased for the whole series at an expected n + (1-p)/p terms.

This file is the 2-D model of the tab (toy densities); the MNIST flow builds on the same block.
"""

from __future__ import annotations

import math

import torch
from huggingface_hub import PyTorchModelHubMixin
from torch import nn
from torch.nn.utils.parametrizations import spectral_norm


class LipSwish(nn.Module):
    """x * sigmoid(beta x) / 1.1: 1-Lipschitz for beta > 0 (Residual Flows)."""

    def __init__(self):
        super().__init__()
        self.beta = nn.Parameter(torch.tensor(0.5))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.sigmoid(nn.functional.softplus(self.beta) * x) / 1.1


def make_activation(name: str) -> nn.Module:
    return {"lipswish": LipSwish, "elu": nn.ELU, "tanh": nn.Tanh}[name]()


class ScaledLinear(nn.Module):
    """c * W / sigma(W) x + b: a linear map with spectral norm c (sigma estimated by power iteration)."""

    def __init__(self, d_in: int, d_out: int, c: float, power_iterations: int):
        super().__init__()
        self.c = c
        self.linear = spectral_norm(nn.Linear(d_in, d_out), n_power_iterations=power_iterations)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.c * self.linear(x)


class Residual(nn.Module):
    """y = x + g(x) for any contractive g: the fixed-point inverse and the log-det estimators, for any tensor shape."""

    g: nn.Module

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.g(x)

    @torch.no_grad()  # never differentiated: without this, a model with gradients on records every iteration
    def inverse(self, y: torch.Tensor, iterations: int = 100, tol: float = 1e-6) -> tuple[torch.Tensor, list[float]]:
        """Fixed point x = y - g(x), starting from x_0 = y; returns x and the step sizes ||x_{k+1} - x_k||_inf."""
        x, steps = y.clone(), []
        for _ in range(iterations):
            nxt = y - self.g(x)
            steps.append(float((nxt - x).abs().max()))
            x = nxt
            if steps[-1] < tol:
                break
        return x, steps

    def logdet_series(
        self,
        x: torch.Tensor,
        terms: int,
        probes: int = 1,
        generator: torch.Generator | None = None,
        roulette: float | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """(g(x), power series of log det) with Hutchinson traces. -> g(x), (B,)

        `roulette=None`: truncated after `terms` terms. `roulette=p`: `terms` terms always, then Russian roulette with
        stopping probability p (one draw per row and probe), unbiased. Differentiable in training mode; in eval mode
        the graph of the powers is not kept (call it under grad mode).
        """
        x = x if x.requires_grad else x.clone().requires_grad_(True)
        gx = self.g(x)
        total = torch.zeros(x.shape[0], dtype=x.dtype)
        for _ in range(probes):
            draws = [roulette_terms(terms, roulette, generator) for _ in range(x.shape[0] if roulette else 1)]
            n = max(d[0] for d in draws)
            weights = torch.zeros(len(draws), n, dtype=x.dtype)  # (B or 1, n): row i stops after its own N_i terms
            for i, (_, row) in enumerate(draws):
                weights[i, : len(row)] = torch.tensor(row, dtype=x.dtype)
            v = torch.randn(x.shape, generator=generator, dtype=x.dtype)
            w = v
            for k in range(1, n + 1):
                (w,) = torch.autograd.grad(gx, x, w, retain_graph=True, create_graph=self.training)  # w <- v^T J^k
                total = total + (-1) ** (k + 1) / k * weights[:, k - 1] * (w * v).flatten(1).sum(dim=1)
        return gx, total / probes


MAX_EXTRA_TERMS = 100  # the roulette draw G is capped: the estimate is then unbiased for the first terms + 100


def roulette_terms(terms: int, p: float | None, generator: torch.Generator | None = None) -> tuple[int, list[float]]:
    """How many series terms to compute, and each one's weight 1 / P(N >= k): all ones when p is None.
    min(G, MAX_EXTRA_TERMS) leaves P(N >= k) unchanged for every k it can reach, so the weights stay exact and the
    work stays bounded (P(G > 100) = (1 - p)^101, under 0.6% at p = 0.05)."""
    if p is None:
        return terms, [1.0] * terms
    if not 0 < p < 1:
        raise ValueError(f"the roulette's stopping probability must lie in (0, 1), not {p}")
    u = float(torch.rand((), generator=generator))
    extra = math.floor(math.log(max(u, 1e-300)) / math.log(1 - p))  # G ~ Geometric(p): P(G >= m) = (1 - p)^m
    extra = min(extra, MAX_EXTRA_TERMS)
    return terms + extra, [1.0] * terms + [(1 - p) ** -m for m in range(1, extra + 1)]


class ResidualBlock(Residual):
    """g = three scaled linear maps with 1-Lipschitz activations in between: Lip(g) <= c^3 <= c."""

    def __init__(self, dim: int, hidden: int, c: float, activation: str, power_iterations: int):
        super().__init__()
        c_layer = c ** (1 / 3)  # the three layers together reach Lip(g) <= c
        self.g = nn.Sequential(
            ScaledLinear(dim, hidden, c_layer, power_iterations),
            make_activation(activation),
            ScaledLinear(hidden, hidden, c_layer, power_iterations),
            make_activation(activation),
            ScaledLinear(hidden, dim, c_layer, power_iterations),
        )

    def logdet_exact(self, x: torch.Tensor) -> torch.Tensor:
        """log|det(I + J_g(x))| per sample, from the full Jacobian (small dimensions only). (B, D) -> (B,)"""
        jac = torch.func.vmap(torch.func.jacrev(self.g))(x)  # (B, D, D)
        eye = torch.eye(x.shape[1], dtype=x.dtype)
        return torch.linalg.slogdet(eye + jac)[1]


class IResNetFlow(
    nn.Module, PyTorchModelHubMixin, library_name="pytorch", license="mit", tags=["normalizing-flow", "i-resnet"]
):
    """x (B, dim) -> a learned per-dimension affine map -> a stack of residual blocks -> z, standard normal prior."""

    def __init__(
        self,
        dim: int = 2,
        hidden: int = 64,
        blocks: int = 6,
        c: float = 0.9,
        activation: str = "lipswish",
        power_iterations: int = 5,
    ):
        super().__init__()
        self.shift = nn.Parameter(torch.zeros(dim))
        self.log_scale = nn.Parameter(torch.zeros(dim))  # exact log-det: sum(log_scale)
        self.blocks = nn.ModuleList(ResidualBlock(dim, hidden, c, activation, power_iterations) for _ in range(blocks))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = (x + self.shift) * self.log_scale.exp()
        for block in self.blocks:
            x = block(x)
        return x

    def inverse(self, z: torch.Tensor, iterations: int = 100) -> torch.Tensor:
        for block in reversed(self.blocks):
            z, _ = block.inverse(z, iterations)
        return z * (-self.log_scale).exp() - self.shift

    def log_prob(
        self,
        x: torch.Tensor,
        terms: int | None = None,
        probes: int = 1,
        roulette: float | None = None,
        generator: torch.Generator | None = None,
    ) -> torch.Tensor:
        """log p(x) = log N(F(x); 0, I) + log-dets; exact when terms is None, else the series estimate (truncated, or
        with Russian roulette after `terms` terms when `roulette` is its stopping probability). (B, D) -> (B,)"""
        x = (x + self.shift) * self.log_scale.exp()
        logdet = self.log_scale.sum().expand(x.shape[0])
        for block in self.blocks:
            if terms is None:
                logdet = logdet + block.logdet_exact(x)
                x = block(x)
            else:
                gx, ld = block.logdet_series(x, terms, probes, generator, roulette)
                logdet = logdet + ld
                x = x + gx
        prior = -0.5 * (x**2).sum(dim=1) - 0.5 * x.shape[1] * math.log(2 * math.pi)
        return prior + logdet

    def series_exact_traces(self, x: torch.Tensor, terms: int) -> torch.Tensor:
        """The blocks' log-dets by the power series truncated after 1, 2, ..., `terms` terms, with exact traces of J^k
        (small dimensions only): the truncation error alone, without Hutchinson's noise. (B, D) -> (terms, B)"""
        x = (x + self.shift) * self.log_scale.exp()
        partial = torch.zeros(terms, x.shape[0], dtype=x.dtype)
        for block in self.blocks:
            jac = torch.func.vmap(torch.func.jacrev(block.g))(x)  # (B, D, D)
            power, total = torch.eye(x.shape[1], dtype=x.dtype).expand_as(jac), torch.zeros(x.shape[0], dtype=x.dtype)
            for k in range(1, terms + 1):
                power = power @ jac
                total = total + (-1) ** (k + 1) / k * power.diagonal(dim1=1, dim2=2).sum(-1)
                partial[k - 1] += total
            x = block(x)
        return partial

    def density_grid(self, limit: float, n: int) -> tuple[torch.Tensor, torch.Tensor]:
        """p(x) on an n×n grid over [−limit, limit]²: the axis (n,) and the densities (n, n), rows along x₂."""
        lin = torch.linspace(-limit, limit, n)
        with torch.no_grad():
            return lin, self.log_prob(torch.cartesian_prod(lin, lin)).exp().view(n, n).T


def estimator_comparison(
    flow: IResNetFlow, x: torch.Tensor, terms: int, probes: int, seed: int, roulette: float | None, repeats: int = 8
) -> dict:
    """The blocks' mean log-det over the points x, four ways: exact; the power series truncated after 1..terms terms
    with exact traces; Hutchinson's estimate with `probes` probes (`repeats` runs in one batch, each drawing its own);
    and, with a stopping probability `roulette`, the Russian-roulette estimate (Residual Flows), `repeats` runs."""
    with torch.no_grad():
        prior = flow.log_prob(x, terms=0)  # log N(F(x)) + the affine map's log-det: the rest is the blocks'
        exact = float((flow.log_prob(x) - prior).mean())
        series = flow.series_exact_traces(x, terms).mean(dim=1).tolist()
    many, base = x.repeat(repeats, 1), prior.repeat(repeats)
    torch.manual_seed(seed)
    with torch.enable_grad():
        runs = (flow.log_prob(many, terms=terms, probes=probes).detach() - base).view(repeats, -1).mean(dim=1)
        spun = None
        if roulette is not None:  # every row draws its own number of terms
            gen = torch.Generator().manual_seed(seed)
            spun = (flow.log_prob(many, terms, probes, roulette, gen).detach() - base).view(repeats, -1).mean(dim=1)
    return {
        "exact": exact,
        "series": series,
        "runs": runs.tolist(),
        "roulette_runs": None if spun is None else spun.tolist(),
    }


class ToyFlows(nn.Module, PyTorchModelHubMixin, library_name="pytorch", license="mit", tags=["normalizing-flow"]):
    """One 2-D flow per toy density (models/toy_densities.py), kept together in one snapshot."""

    def __init__(self, densities: tuple[str, ...] = (), hidden: int = 64, blocks: int = 8, c: float = 0.9):
        super().__init__()
        self.flows = nn.ModuleDict({name: IResNetFlow(2, hidden, blocks, c) for name in densities})

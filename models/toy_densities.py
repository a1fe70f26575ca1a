"""2-D toy densities for the flow demos: samplers, and the exact log-density where it is known.

All four live roughly in [-4, 4]^2. `eight_gaussians` is a mixture with a closed-form density, so a flow's held-out
negative log-likelihood can be set beside the true entropy of the distribution.
"""

from __future__ import annotations

import math

import torch

RADIUS, SIGMA = 3.0, 0.35  # eight Gaussians on a circle


def eight_gaussians(n: int, generator: torch.Generator | None = None) -> torch.Tensor:
    k = torch.randint(0, 8, (n,), generator=generator)
    angle = k * (2 * math.pi / 8)
    centres = RADIUS * torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)
    return centres + SIGMA * torch.randn(n, 2, generator=generator)


def eight_gaussians_log_prob(x: torch.Tensor) -> torch.Tensor:
    """Exact log-density of `eight_gaussians`. (B, 2) -> (B,)"""
    angles = torch.arange(8) * (2 * math.pi / 8)
    centres = RADIUS * torch.stack([torch.cos(angles), torch.sin(angles)], dim=1)  # (8, 2)
    sq = ((x[:, None, :] - centres[None]) ** 2).sum(-1)  # (B, 8)
    log_comp = -sq / (2 * SIGMA**2) - math.log(2 * math.pi * SIGMA**2)
    return torch.logsumexp(log_comp, dim=1) - math.log(8)


def two_moons(n: int, generator: torch.Generator | None = None) -> torch.Tensor:
    t = torch.rand(n, generator=generator) * math.pi
    upper = torch.rand(n, generator=generator) < 0.5
    x = torch.where(upper, torch.cos(t), 1 - torch.cos(t))
    y = torch.where(upper, torch.sin(t), 0.5 - torch.sin(t))
    pts = torch.stack([x - 0.5, y - 0.25], dim=1) * 2.2
    return pts + 0.1 * torch.randn(n, 2, generator=generator)


def checkerboard(n: int, generator: torch.Generator | None = None) -> torch.Tensor:
    x1 = torch.rand(n, generator=generator) * 4 - 2
    x2 = torch.rand(n, generator=generator) - torch.randint(0, 2, (n,), generator=generator) * 2.0
    x2 = x2 + (torch.floor(x1) % 2)
    return torch.stack([x1, x2], dim=1) * 1.8


def rings(n: int, generator: torch.Generator | None = None) -> torch.Tensor:
    radius = torch.randint(1, 4, (n,), generator=generator).float()
    angle = torch.rand(n, generator=generator) * 2 * math.pi
    pts = radius[:, None] * torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)
    return pts + 0.08 * torch.randn(n, 2, generator=generator)


DENSITIES = {"eight_gaussians": eight_gaussians, "two_moons": two_moons, "checkerboard": checkerboard, "rings": rings}

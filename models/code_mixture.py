"""A Gaussian mixture with full covariances, fitted by EM: a density for the codes an encoder gives real data.

Ex-post density estimation (Ghosh et al., "From Variational to Deterministic Autoencoders", ICLR 2020,
arXiv 1903.12436): fit a mixture to the codes of the training set after training, then sample codes from it instead
of from the prior. For the O-GAN the encoder is the critic, so the codes of real digits come for free; where
N(0, I) puts codes between the ten digit clusters, the fitted mixture puts them inside.

    p(z) = sum_k w_k N(z; mu_k, L_k L_k^T)

Shapes: codes (N, d); weights (K,); means (K, d); scale_tril (K, d, d), lower-triangular Cholesky factors.
"""

from __future__ import annotations

import math

import torch


def joint_log_prob(z: torch.Tensor, weights: torch.Tensor, means: torch.Tensor, scale_tril: torch.Tensor):
    """log w_k + log N(z; mu_k, L_k L_k^T) for every code and component, (N, K)."""
    eye = torch.eye(z.shape[1], dtype=z.dtype).expand_as(scale_tril)
    inverse = torch.linalg.solve_triangular(scale_tril, eye, upper=False)  # L_k^-1, (K, d, d)
    log_det = scale_tril.diagonal(dim1=-2, dim2=-1).log().sum(-1)  # log |L_k|, (K,)
    columns = [((z - means[k]) @ inverse[k].T).square().sum(-1) for k in range(len(weights))]  # Mahalanobis², (N,)
    mahalanobis = torch.stack(columns, dim=1)  # (N, K)
    return weights.log() - log_det - 0.5 * (mahalanobis + z.shape[1] * math.log(2 * math.pi))


def log_prob(z: torch.Tensor, weights: torch.Tensor, means: torch.Tensor, scale_tril: torch.Tensor) -> torch.Tensor:
    """log p(z), (N,)"""
    return joint_log_prob(z, weights, means, scale_tril).logsumexp(-1)


def fit(z: torch.Tensor, k: int, iterations: int = 40, ridge: float = 1e-3, seed: int = 0):
    """EM from a k-means start (seeded). `ridge` is added to every covariance's diagonal: the codes 0.9 N(E(x)) have
    zero mean across their entries, so without it each covariance is singular. Returns (weights, means, scale_tril)."""
    if not 1 <= k <= len(z):
        raise ValueError(f"need 1..{len(z)} components, got {k}")
    z = z.double()
    n, d = z.shape
    eye = ridge * torch.eye(d, dtype=z.dtype)
    g = torch.Generator().manual_seed(seed)
    means = z[torch.randperm(n, generator=g)[:k]].clone()
    for _ in range(10):  # k-means
        nearest = torch.cdist(z, means).argmin(1)
        for j in range(k):
            if (nearest == j).any():
                means[j] = z[nearest == j].mean(0)
    weights = torch.full((k,), 1.0 / k, dtype=z.dtype)
    scale_tril = torch.linalg.cholesky(torch.cov(z.T) + eye).expand(k, d, d).clone()
    for _ in range(iterations):
        resp = joint_log_prob(z, weights, means, scale_tril).softmax(-1)  # E step, (N, K)
        mass = resp.sum(0) + 1e-9  # (K,)
        weights, means = mass / n, (resp.T @ z) / mass[:, None]
        cov = torch.stack([(resp[:, j, None] * (z - means[j])).T @ (z - means[j]) / mass[j] for j in range(k)])
        scale_tril = torch.linalg.cholesky(cov + eye)  # M step
    return weights.float(), means.float(), scale_tril.float()


def sample(
    weights: torch.Tensor,
    means: torch.Tensor,
    scale_tril: torch.Tensor,
    n: int,
    generator: torch.Generator,
    scale: float = 1.0,
) -> torch.Tensor:
    """n codes (n, d): a component by its weight, then mu_k + scale * L_k eps. scale < 1 shrinks each component
    towards its centre (the truncation trick, per component)."""
    component = torch.multinomial(weights, n, replacement=True, generator=generator)  # (n,)
    eps = torch.randn(n, means.shape[1], 1, generator=generator)  # (n, d, 1)
    return means[component] + scale * (scale_tril[component] @ eps).squeeze(-1)

"""A 2-D residual map y = x + c·φ(x) for watching the fixed-point inverse live (kexue.fm/archives/6482).

φ(x) = R(θ)·(sin x₂, sin x₁): its Jacobian R(θ)·[[0, cos x₂], [cos x₁, 0]] has spectral norm max(|cos x₁|, |cos x₂|)
<= 1, so Lip(c·φ) = c (reached where the cosines are ±1). For c < 1 the map is invertible and the iteration
x_{k+1} = y − c·φ(x_k) contracts: ||x_k − x|| <= c^k / (1 − c)·||x_1 − x_0|| (Banach). For c >= 1 nothing is
promised: det(I + c·J_φ) = 1 + c·sin θ·(cos x₂ − cos x₁) − c²·cos x₁ cos x₂ turns negative where the plane folds.
"""

from __future__ import annotations

import numpy as np

THETA = 0.6
_R = np.array([[np.cos(THETA), -np.sin(THETA)], [np.sin(THETA), np.cos(THETA)]])


def phi(x: np.ndarray) -> np.ndarray:
    """(..., 2) -> (..., 2), 1-Lipschitz."""
    s = np.stack([np.sin(x[..., 1]), np.sin(x[..., 0])], axis=-1)
    return s @ _R.T


def forward(x: np.ndarray, c: float) -> np.ndarray:
    return x + c * phi(x)


def iterates(y: np.ndarray, c: float, n: int) -> np.ndarray:
    """x_0 = y, x_{k+1} = y − c·φ(x_k): (n + 1, 2). Diverging iterates are kept as they are (may be large)."""
    xs = [np.asarray(y, dtype=np.float64)]
    for _ in range(n):
        xs.append(y - c * phi(xs[-1]))
    return np.stack(xs)


def banach_bound(c: float, ks: np.ndarray, first_step: float) -> np.ndarray:
    """c^k / (1 − c)·||x_1 − x_0||; only meaningful for c < 1."""
    return c**ks / (1 - c) * first_step


def jacobian_det(x: np.ndarray, c: float) -> np.ndarray:
    """det(I + c·J_φ(x)) for (..., 2) points: 1 + tr(c·J_φ) + det(c·J_φ), with det R = 1."""
    c1, c2 = np.cos(x[..., 0]), np.cos(x[..., 1])
    return 1 + c * np.sin(THETA) * (c2 - c1) - c**2 * c1 * c2

"""models/fixed_point.py: the live 2-D map contracts for c < 1 within the Banach bound, and folds for c > 1."""

from __future__ import annotations

import numpy as np
import pytest

from models.fixed_point import banach_bound, forward, iterates, jacobian_det, phi


def test_phi_is_one_lipschitz():
    rng = np.random.default_rng(0)
    x, y = rng.normal(0, 3, (5000, 2)), rng.normal(0, 3, (5000, 2))
    ratio = np.linalg.norm(phi(x) - phi(y), axis=1) / np.linalg.norm(x - y, axis=1)
    assert ratio.max() <= 1 + 1e-9


def test_jacobian_determinant_matches_finite_differences():
    x, c, h = np.array([0.3, -1.2]), 1.3, 1e-6
    jac = np.stack([(forward(x + h * e, c) - forward(x - h * e, c)) / (2 * h) for e in np.eye(2)], axis=1)
    assert jacobian_det(x, c) == pytest.approx(np.linalg.det(jac), abs=1e-6)


@pytest.mark.parametrize("c", [0.3, 0.7, 0.95])
def test_contraction_recovers_the_point_within_the_banach_bound(c):
    x_true = np.array([1.1, -0.4])
    xs = iterates(forward(x_true, c), c, 200)
    errors = np.linalg.norm(xs - x_true, axis=1)
    bound = banach_bound(c, np.arange(len(xs)), np.linalg.norm(xs[1] - xs[0]))
    assert np.all(errors <= bound + 1e-12) and errors[-1] < 1e-3


def test_below_one_the_plane_never_folds_and_above_it_does():
    g = np.stack(np.meshgrid(np.linspace(-4, 4, 201), np.linspace(-4, 4, 201)), axis=-1)
    assert jacobian_det(g, 0.9).min() > 0
    assert jacobian_det(g, 1.5).min() < 0


def outcomes(c: float) -> tuple[int, int]:
    """Over 200 points: how many iterations never settle, and how many settle on another preimage."""
    unsettled = wrong = 0
    for x in np.random.default_rng(0).normal(0, 1.5, (200, 2)):
        xs = iterates(forward(x, c), c, 300)
        if np.linalg.norm(xs[-1] - xs[-2]) > 1e-6:
            unsettled += 1
        elif np.linalg.norm(xs[-1] - x) > 1e-3:
            wrong += 1
    return unsettled, wrong


def test_above_one_iterations_oscillate_or_land_on_another_preimage():
    assert outcomes(0.9) == (0, 0)
    unsettled, wrong = outcomes(1.5)
    assert unsettled > 20 and wrong > 20

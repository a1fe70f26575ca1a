"""models/soft_f1_experiment.py: the three recipes, their determinism, and the article's claim on this data."""

from __future__ import annotations

import numpy as np
import pytest

from models import soft_f1_experiment as exp
from models.smooth import f1_hard


def test_dataset_is_imbalanced_and_split_in_half():
    data = exp.make_dataset(seed=3, positive_share=0.1)
    assert data.x_train.shape == (1000, 2) and data.x_test.shape == (1000, 2)
    assert 0.05 < data.t_train.mean() < 0.15 and 0.05 < data.t_test.mean() < 0.15


@pytest.mark.parametrize("loss", list(exp.GRADIENTS))
def test_hand_written_gradients_match_finite_differences(loss):
    rng = np.random.default_rng(0)
    z, t = rng.normal(size=20), (rng.random(20) < 0.3).astype(float)

    def value(z):
        p = 1 / (1 + np.exp(-z))
        if loss == "cross_entropy":
            return np.mean(-t * np.log(p) - (1 - t) * np.log(1 - p))
        return -2 * np.sum(t * p) / np.sum(t + p)

    h = 1e-6
    numeric = [(value(z + h * e) - value(z - h * e)) / (2 * h) for e in np.eye(len(z))]
    np.testing.assert_allclose(exp.GRADIENTS[loss](z, t), numeric, rtol=1e-5, atol=1e-9)


def test_runs_are_deterministic_for_a_seed():
    _, a = exp.run(seed=7, steps=50)
    _, b = exp.run(seed=7, steps=50)
    assert [r.weights for r in a] == [r.weights for r in b]


def test_reported_f1_is_the_true_f1_of_the_boundary():
    data, results = exp.run(seed=1, steps=100)
    for r in results:
        w = np.array(r.weights)
        pred = (data.x_test @ w[:2] + w[2] > 0).astype(float)
        assert r.test_f1 == pytest.approx(f1_hard(data.t_test, pred))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_soft_f1_training_beats_cross_entropy_on_true_f1(seed):
    """The article's point, measured: optimising soft F1 raises the F1 that cross-entropy leaves low."""
    _, results = exp.run(seed=seed, positive_share=0.1, steps=300)
    by = {r.recipe: r for r in results}
    assert by["soft_f1"].test_f1 > by["cross_entropy"].test_f1 + 0.05
    assert by["cross_entropy_then_soft_f1"].test_f1 > by["cross_entropy"].test_f1 + 0.05
    assert all(len(r.f1_curve) > 0 for r in results)

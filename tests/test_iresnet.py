"""models/iresnet.py: the Lipschitz constraint holds, the fixed point inverts, the series log-det matches the exact one,
and log_prob integrates like a density."""

from __future__ import annotations

import itertools
import math

import pytest
import torch

from models.iresnet import MAX_EXTRA_TERMS, IResNetFlow, Residual, ResidualBlock, roulette_terms


def settled(block: ResidualBlock) -> ResidualBlock:
    """Run the power iterations to convergence (training does this step by step)."""
    block.train()
    with torch.no_grad():
        for _ in range(50):
            block.g(torch.zeros(1, 2, dtype=next(block.parameters()).dtype))
    return block.eval()


@pytest.mark.parametrize("c", [0.5, 0.9])
def test_lipschitz_constant_of_g_stays_below_c(c):
    torch.manual_seed(0)
    block = settled(ResidualBlock(2, 32, c, "lipswish", 5))
    x = torch.randn(4000, 2) * 3
    y = x + 0.01 * torch.randn_like(x)
    ratios = (block.g(x) - block.g(y)).norm(dim=1) / (x - y).norm(dim=1)
    assert ratios.max() <= c + 1e-4


def test_fixed_point_inverse_recovers_the_input_and_contracts():
    torch.manual_seed(0)
    block = settled(ResidualBlock(2, 32, 0.7, "elu", 5))
    x = torch.randn(256, 2, dtype=torch.float64)
    block.double()
    with torch.no_grad():
        x_rec, steps = block.inverse(block(x), iterations=200, tol=1e-12)
    assert (x_rec - x).abs().max() < 1e-9
    assert all(b <= a * 0.7 + 1e-12 for a, b in itertools.pairwise(steps))


def test_series_logdet_converges_to_the_exact_value():
    torch.manual_seed(0)
    block = settled(ResidualBlock(2, 16, 0.6, "tanh", 5)).double()
    x = torch.randn(64, 2, dtype=torch.float64)
    exact = block.logdet_exact(x)
    g = torch.Generator().manual_seed(0)
    _, est = block.logdet_series(x, terms=20, probes=200, generator=g)
    assert (est.detach() - exact).abs().mean() < 0.02


def test_flow_log_prob_integrates_to_one_on_a_grid():
    torch.manual_seed(0)
    flow = IResNetFlow(dim=2, hidden=16, blocks=2, c=0.5, activation="elu").double()
    for block in flow.blocks:
        settled(block)
    flow.eval()
    xs = torch.linspace(-8, 8, 161, dtype=torch.float64)
    grid = torch.cartesian_prod(xs, xs)
    with torch.no_grad():
        density = flow.log_prob(grid).exp()
    mass = float(density.sum()) * (16 / 160) ** 2
    assert mass == pytest.approx(1.0, abs=0.02)


def test_standard_normal_prior_alone():
    flow = IResNetFlow(dim=2, blocks=0)
    lp = flow.log_prob(torch.zeros(1, 2))
    assert float(lp.detach()) == pytest.approx(-math.log(2 * math.pi))


def test_eight_gaussians_log_prob_is_a_density_and_matches_its_samples():
    from models.toy_densities import eight_gaussians, eight_gaussians_log_prob

    xs = torch.linspace(-6, 6, 241)
    grid = torch.cartesian_prod(xs, xs)
    mass = float(eight_gaussians_log_prob(grid).exp().sum()) * (12 / 240) ** 2
    assert mass == pytest.approx(1.0, abs=1e-3)
    x = eight_gaussians(20_000, torch.Generator().manual_seed(0))
    entropy = float(-eight_gaussians_log_prob(x).mean())  # Monte-Carlo entropy, nats
    # well-separated components: H = ln 8 + ln(2 pi e sigma^2)
    assert entropy == pytest.approx(math.log(8) + math.log(2 * math.pi * math.e * 0.35**2), abs=0.02)


@pytest.mark.parametrize("name", ["eight_gaussians", "two_moons", "checkerboard", "rings"])
def test_toy_samplers_are_seeded_and_bounded(name):
    from models.toy_densities import DENSITIES

    a = DENSITIES[name](500, torch.Generator().manual_seed(1))
    b = DENSITIES[name](500, torch.Generator().manual_seed(1))
    assert torch.equal(a, b) and a.shape == (500, 2) and a.abs().max() < 6


def test_series_with_exact_traces_converges_to_the_exact_log_det():
    torch.manual_seed(0)
    flow = IResNetFlow(dim=2, hidden=16, blocks=2, c=0.6, activation="elu").double()
    for block in flow.blocks:
        settled(block)
    x = torch.randn(32, 2, dtype=torch.float64)
    with torch.no_grad():
        exact = flow.log_prob(x) - flow.log_prob(x, terms=0)
        partial = flow.series_exact_traces(x, 40)
        errors = [(partial[n - 1] - exact).abs().max().item() for n in (1, 5, 40)]
        assert torch.allclose(flow.series_exact_traces(x, 5)[-1], partial[4])
    assert errors[0] > errors[1] > errors[2] and errors[2] < 1e-9


def test_roulette_weights_are_the_inverse_survival_probabilities():
    g = torch.Generator().manual_seed(3)
    draws = [roulette_terms(2, 0.5, g) for _ in range(200)]
    for n, weights in draws:
        assert len(weights) == n >= 2
        assert weights == [1.0, 1.0] + [2.0**m for m in range(1, n - 1)]
    extra = [n - 2 for n, _ in draws]
    assert abs(sum(extra) / len(extra) - 1.0) < 0.25  # Geometric(0.5) on {0, 1, ...} has mean 1


def test_without_roulette_the_series_is_truncated():
    assert roulette_terms(4, None) == (4, [1.0] * 4)


@pytest.mark.parametrize("p", [0.0, 1.0, -0.2, 1.5])
def test_roulette_refuses_a_probability_outside_the_open_unit_interval(p):
    with pytest.raises(ValueError, match="stopping probability"):
        roulette_terms(2, p)


def test_roulette_estimate_is_unbiased_where_the_truncated_series_is_not():
    block = Residual()
    block.g = torch.nn.Linear(2, 2, bias=False).double()  # g(x) = A x, A = diag(-0.6, 0.5): Lip 0.6
    with torch.no_grad():
        block.g.weight.copy_(torch.diag(torch.tensor([-0.6, 0.5], dtype=torch.float64)))
    x = torch.zeros(8, 2, dtype=torch.float64)
    exact = math.log(0.4) + math.log(1.5)
    g = torch.Generator().manual_seed(1)
    roulette = torch.stack([block.logdet_series(x, 1, 4, g, roulette=0.5)[1].mean() for _ in range(1000)]).detach()
    truncated = torch.stack([block.logdet_series(x, 1, 4, g)[1].mean() for _ in range(1000)]).detach()
    se = float(roulette.std()) / 1000**0.5
    assert abs(float(roulette.mean()) - exact) < 4 * se
    assert abs(float(truncated.mean()) - exact) > 10 * se  # tr(A) = -0.1 misses the higher powers: bias 0.41


def test_roulette_work_is_capped_however_small_the_stopping_probability():
    g = torch.Generator().manual_seed(0)
    n, weights = roulette_terms(3, 1e-9, g)
    assert n == 3 + MAX_EXTRA_TERMS and len(weights) == n

"""models/ogan.py: the pieces of the method against their definitions, and the losses' gradients going where the
stop-gradient trick says."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from models.ogan import OGAN, interpolate, pearson, standardise


def test_standardise_gives_zero_mean_unit_std():
    v = standardise(torch.randn(5, 64) * 3 + 2)
    assert torch.allclose(v.mean(-1), torch.zeros(5), atol=1e-5)
    assert torch.allclose(v.std(-1, unbiased=False), torch.ones(5), atol=1e-4)


def test_pearson_matches_numpy_and_ignores_shift_and_scale():
    a, b = torch.randn(4, 64), torch.randn(4, 64)
    expected = [np.corrcoef(a[i], b[i])[0, 1] for i in range(4)]
    np.testing.assert_allclose(pearson(a, b), expected, atol=1e-5)
    np.testing.assert_allclose(pearson(a, 5 * a - 3), 1.0, atol=1e-5)


def test_shapes_and_reconstruction_range():
    model = OGAN(n_z=16, g_width=8, e_width=8).eval()
    x = torch.rand(3, 1, 28, 28) * 2 - 1
    z = model.encode(x)
    assert z.shape == (3, 16)
    np.testing.assert_allclose(z.std(-1, unbiased=False), 0.9, atol=1e-4)  # 0.9 * N(E(x))
    recon = model.reconstruct(x)
    assert recon.shape == (3, 1, 28, 28) and recon.abs().max() <= 1


# what the generator lowers, as a function of the critic's score of its fakes
GENERATOR_OBJECTIVE = {
    "gan_qp": lambda s: s,  # gan_qp: real digits get the low score
    "hinge": lambda s: -s,
}


@pytest.mark.parametrize("loss", list(GENERATOR_OBJECTIVE))
def test_stop_gradient_trick_sends_the_realism_term_only_to_the_generator(loss):
    """Without the ρ term, the generator's gradient equals that of its own objective of avg E(G(z)) alone."""
    torch.manual_seed(0)
    model = OGAN(n_z=8, g_width=8, e_width=8, correlation_weight=0.0, loss=loss).train()
    real, z = torch.rand(4, 1, 28, 28) * 2 - 1, torch.randn(4, 8)
    total, _ = model.losses(real, z)
    g_total = torch.autograd.grad(total, list(model.generator.parameters()), retain_graph=True)
    torch.manual_seed(0)
    direct = GENERATOR_OBJECTIVE[loss](model.critic(model.generator(z))).mean()
    g_direct = torch.autograd.grad(direct, list(model.generator.parameters()))
    for a, b in zip(g_total, g_direct, strict=True):
        torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-6)


def test_correlation_term_reaches_the_encoder():
    torch.manual_seed(0)
    with_rho = OGAN(n_z=8, g_width=8, e_width=8, correlation_weight=0.5)
    without = OGAN(n_z=8, g_width=8, e_width=8, correlation_weight=0.0)
    without.load_state_dict(with_rho.state_dict())
    real, z = torch.rand(4, 1, 28, 28) * 2 - 1, torch.randn(4, 8)
    grads = []
    for m in (with_rho, without):
        torch.manual_seed(1)
        loss, _ = m.losses(real, z)
        grads.append(torch.autograd.grad(loss, m.encoder.fc.weight)[0])
    assert not torch.allclose(grads[0], grads[1])


@pytest.mark.parametrize("method", ["linear", "spherical"])
def test_interpolation_starts_and_ends_at_the_codes(method):
    a, b = torch.randn(64), torch.randn(64)
    path = interpolate(a, b, 8, method)
    assert path.shape == (8, 64)
    torch.testing.assert_close(path[0], a, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(path[-1], b, atol=1e-5, rtol=1e-5)


def test_spherical_path_keeps_the_norm_between_equal_norm_codes():
    a, b = torch.randn(64), torch.randn(64)
    b = b / b.norm() * a.norm()
    norms = interpolate(a, b, 9, "spherical").norm(dim=1)
    torch.testing.assert_close(norms, torch.full((9,), float(a.norm())), rtol=1e-4, atol=1e-4)


def test_unknown_loss_and_interpolation_are_refused():
    with pytest.raises(ValueError, match="unknown loss"):
        OGAN(n_z=8, g_width=8, e_width=8, loss="wgan")
    with pytest.raises(ValueError, match="unknown interpolation"):
        interpolate(torch.ones(3), torch.ones(3), 4, "zigzag")

"""models/code_mixture.py: EM recovers a known mixture, the density matches torch's own, sampling is seeded, and the
O-GAN samples codes from its mixture or refuses clearly when it has none."""

from __future__ import annotations

import pytest
import torch

from models import code_mixture
from models.ogan import OGAN


def two_clusters(n: int = 3000) -> torch.Tensor:
    g = torch.Generator().manual_seed(0)
    a = torch.randn(n // 3, 2, generator=g) * 0.3 + torch.tensor([4.0, 0.0])
    b = torch.randn(n - n // 3, 2, generator=g) * torch.tensor([0.5, 1.0]) + torch.tensor([-4.0, 1.0])
    return torch.cat([a, b])


def test_em_recovers_the_weights_means_and_spreads_of_two_clusters():
    weights, means, tril = code_mixture.fit(two_clusters(), 2, ridge=1e-6)
    order = means[:, 0].argsort(descending=True)  # the cluster at x = 4 first
    torch.testing.assert_close(weights[order], torch.tensor([1 / 3, 2 / 3]), atol=0.01, rtol=0)
    torch.testing.assert_close(means[order], torch.tensor([[4.0, 0.0], [-4.0, 1.0]]), atol=0.08, rtol=0)
    stds = (tril @ tril.transpose(1, 2)).diagonal(dim1=1, dim2=2).sqrt()[order]
    torch.testing.assert_close(stds, torch.tensor([[0.3, 0.3], [0.5, 1.0]]), atol=0.05, rtol=0)


def test_log_density_equals_torch_multivariate_normal_mixture():
    g = torch.Generator().manual_seed(1)
    weights = torch.tensor([0.2, 0.5, 0.3])
    means = torch.randn(3, 4, generator=g)
    tril = torch.linalg.cholesky(torch.eye(4) + 0.1 * torch.stack([torch.ones(4, 4)] * 3))
    z = torch.randn(50, 4, generator=g)
    reference = torch.distributions.MixtureSameFamily(
        torch.distributions.Categorical(weights), torch.distributions.MultivariateNormal(means, scale_tril=tril)
    ).log_prob(z)
    torch.testing.assert_close(code_mixture.log_prob(z, weights, means, tril), reference, atol=1e-4, rtol=1e-5)


def test_samples_are_seeded_and_follow_the_fitted_mixture():
    fitted = code_mixture.fit(two_clusters(), 2)
    a = code_mixture.sample(*fitted, 4000, torch.Generator().manual_seed(3))
    b = code_mixture.sample(*fitted, 4000, torch.Generator().manual_seed(3))
    assert torch.equal(a, b)
    assert abs(float((a[:, 0] > 0).float().mean()) - 1 / 3) < 0.03


def test_scale_shrinks_samples_towards_their_component_centre():
    weights, means, tril = torch.ones(1), torch.tensor([[2.0, -1.0]]), torch.eye(2)[None]
    full = code_mixture.sample(weights, means, tril, 5, torch.Generator().manual_seed(0))
    half = code_mixture.sample(weights, means, tril, 5, torch.Generator().manual_seed(0), scale=0.5)
    torch.testing.assert_close(half - means, 0.5 * (full - means))


def test_impossible_component_counts_are_refused():
    with pytest.raises(ValueError, match="components"):
        code_mixture.fit(torch.randn(5, 2), 6)
    with pytest.raises(ValueError, match="components"):
        code_mixture.fit(torch.randn(5, 2), 0)


def test_ogan_samples_codes_from_its_mixture():
    model = OGAN(n_z=4, g_width=4, e_width=4, n_mixture=1)
    model.mixture_weights.fill_(1.0)
    model.mixture_means.copy_(torch.full((1, 4), 3.0))
    model.mixture_scale_tril.copy_(0.01 * torch.eye(4)[None])
    codes = model.sample_codes(6, torch.Generator().manual_seed(0), source="mixture")
    assert codes.shape == (6, 4) and torch.allclose(codes, torch.full((6, 4), 3.0), atol=0.1)


def test_ogan_without_a_mixture_refuses_to_sample_from_it():
    with pytest.raises(ValueError, match="no fitted code mixture"):
        OGAN(n_z=4, g_width=4, e_width=4).sample_codes(2, torch.Generator(), source="mixture")
    with pytest.raises(ValueError, match="unknown code source"):
        OGAN(n_z=4, g_width=4, e_width=4).sample_codes(2, torch.Generator(), source="uniform")

"""models/iresnet_mnist.py: squeezes, the conv operator norm, the pre-processing log-det, and the batched inverse."""

from __future__ import annotations

import math

import pytest
import torch

from models.iresnet_mnist import MnistFlow, NormedConv2d, bits_per_dim, dequantise, squeeze, unsqueeze


def test_squeeze_is_undone_by_unsqueeze():
    x = torch.randn(2, 3, 8, 8)
    assert squeeze(x).shape == (2, 12, 4, 4) and torch.equal(unsqueeze(squeeze(x)), x)


def conv_matrix(conv: NormedConv2d, size: int) -> torch.Tensor:
    """The conv (without bias) as an explicit matrix on (C, size, size) inputs."""
    c_in = conv.conv.in_channels
    basis = torch.eye(c_in * size * size).view(-1, c_in, size, size)
    out = torch.nn.functional.conv2d(basis, conv.conv.weight, padding=conv.conv.padding)
    return out.flatten(1).T


def test_power_iteration_finds_the_conv_operator_norm():
    torch.manual_seed(0)
    conv = NormedConv2d(3, 5, 3, size=6, c=0.9, constrained=True, iterations=1)
    sigma = conv.calibrate(500)
    exact = torch.linalg.matrix_norm(conv_matrix(conv, 6), ord=2).item()
    assert sigma == pytest.approx(exact, rel=1e-3) and conv.exact_norm() == pytest.approx(exact, rel=1e-6)


def test_constrained_conv_has_operator_norm_at_most_c():
    torch.manual_seed(1)
    conv = NormedConv2d(3, 5, 3, size=6, c=0.7, constrained=True, iterations=1)
    with torch.no_grad():
        conv.conv.weight.mul_(10)
    conv.settle_exact()
    conv.eval()
    basis = torch.eye(3 * 36).view(-1, 3, 6, 6)
    matrix = (conv(basis) - conv(torch.zeros(1, 3, 6, 6))).flatten(1).T
    assert torch.linalg.matrix_norm(matrix, ord=2).item() <= 0.7 + 1e-6


def test_preprocessing_log_det_matches_autograd():
    x = torch.rand(1, 1, 28, 28) * 0.98 + 0.01
    _, logdet = MnistFlow.preprocess(x)
    diag = torch.autograd.functional.jacobian(lambda v: MnistFlow.preprocess(v)[0].sum(dim=(0, 1)), x)
    per_pixel = torch.stack([diag[i, j, 0, 0, i, j] for i in range(28) for j in range(28)])
    assert logdet.item() == pytest.approx(per_pixel.log().sum().item(), rel=1e-5)
    assert torch.allclose(MnistFlow.postprocess(MnistFlow.preprocess(x)[0]), x, atol=1e-6)


def test_bits_per_dim_of_the_uniform_density_is_eight():
    assert bits_per_dim(torch.tensor(0.0)).item() == pytest.approx(8.0)
    assert bits_per_dim(torch.tensor(784 * math.log(2))).item() == pytest.approx(7.0)


def test_dequantised_pixels_stay_in_their_bins():
    images = torch.randint(0, 256, (4, 28, 28), dtype=torch.uint8)
    x = dequantise(images, torch.Generator().manual_seed(0))
    assert x.shape == (4, 1, 28, 28) and torch.all((x * 256).floor() == images.unsqueeze(1).float())


@pytest.fixture(scope="module")
def tiny_flow() -> MnistFlow:
    torch.manual_seed(0)
    flow = MnistFlow(blocks=(1, 1), hidden=8, c=0.5)
    flow(torch.rand(8, 1, 28, 28) * 0.9 + 0.05)  # ActNorm initialisation
    for conv in flow.convs():
        conv.calibrate(200)
    return flow.eval()


def test_inverse_recovers_the_image(tiny_flow):
    x = torch.rand(2, 1, 28, 28) * 0.9 + 0.05
    rec, steps = tiny_flow.inverse(tiny_flow(x), iterations=60)
    assert (rec - x).abs().max() < 1e-4 and len(steps) == 2


def test_batched_inverse_equals_separate_inverses(tiny_flow):
    z = tiny_flow(torch.rand(1, 1, 28, 28) * 0.9 + 0.05)
    together = tiny_flow.inverse_after(z, [1, 3, 10])
    for row, k in zip(together, [1, 3, 10], strict=True):
        alone, _ = tiny_flow.inverse(z, iterations=k)
        assert torch.allclose(row, alone[0], atol=1e-6)


def test_series_log_prob_is_finite_and_close_to_its_longer_series(tiny_flow):
    x = torch.rand(4, 1, 28, 28) * 0.9 + 0.05
    torch.manual_seed(0)
    short = tiny_flow.log_prob(x, terms=5, probes=8)
    torch.manual_seed(0)
    long = tiny_flow.log_prob(x, terms=20, probes=8)
    assert torch.isfinite(short).all() and (short - long).abs().max() < 1.0

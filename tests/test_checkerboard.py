"""models/checkerboard.py: coverage of strided upsampling against the closed form, the torus layer against
ConvTranspose2d, and the spectrum helpers."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from models import checkerboard as cb


@pytest.mark.parametrize(("k", "s"), [(k, s) for k in range(1, 9) for s in range(1, 5) if s <= k])
def test_transposed_coverage_is_even_exactly_when_the_stride_divides_the_kernel(k, s):
    counts = cb.coverage_1d(k, s, 1, "transposed", n=8)
    assert set(np.unique(counts)) <= {k // s, -(-k // s)}  # floor(k/s) or ceil(k/s) inputs per output
    assert (cb.unevenness(counts) == 1.0) == (k % s == 0)


def test_kernel_3_stride_2_gives_2_to_1_in_1d_and_4_to_1_in_2d():
    assert cb.unevenness(cb.coverage_1d(3, 2, 1, "transposed")) == 2.0
    assert cb.unevenness(cb.coverage(3, 2, 1, "transposed")) == 4.0


@pytest.mark.parametrize(("k", "s", "layers"), [(3, 2, 1), (5, 2, 2), (4, 3, 3), (8, 4, 4)])
def test_resize_then_convolve_covers_every_output_alike(k, s, layers):
    assert cb.unevenness(cb.coverage(k, s, layers, "resize", n=cb.input_side(s, layers))) == 1.0


def test_the_2d_coverage_is_the_outer_product_of_the_1d_one():
    one = cb.coverage_1d(5, 2, 2, "transposed")
    assert np.array_equal(cb.coverage(5, 2, 2, "transposed"), np.outer(one, one))


def test_stacked_layers_multiply_the_unevenness():
    assert cb.unevenness(cb.coverage_1d(3, 2, 2, "transposed")) > cb.unevenness(cb.coverage_1d(3, 2, 1, "transposed"))


def test_the_torus_layer_equals_conv_transpose_away_from_the_borders():
    g = torch.Generator().manual_seed(0)
    x, w = torch.randn(1, 2, 6, 6, generator=g), torch.randn(2, 3, 3, 3, generator=g)  # ConvTranspose2d layout
    ref = torch.nn.functional.conv_transpose2d(x, w, stride=2)  # (1, 3, 13, 13)
    mine = cb.upsample_layer(x, w.transpose(0, 1), 2, "transposed")  # (1, 3, 12, 12) on the torus
    assert torch.allclose(ref[..., 2:10, 2:10], mine[..., 2:10, 2:10], atol=1e-5)


def test_random_resize_layers_keep_a_constant_input_constant_and_transposed_ones_do_not():
    flat = cb.random_layers(3, 2, 2, "resize")
    assert np.ptp(flat) < 1e-9
    board = cb.random_layers(3, 2, 2, "transposed")
    assert np.ptp(board) > 1e-3 and cb.nyquist_share(cb.power_spectrum(board)) > 0.01


def test_a_checkerboard_has_all_its_power_at_pi_pi():
    board = np.indices((8, 8)).sum(0) % 2 * 1.0
    assert cb.nyquist_share(cb.power_spectrum(board)) == pytest.approx(1.0)
    smooth = np.outer(np.sin(np.linspace(0, np.pi, 8)), np.ones(8))
    assert cb.nyquist_share(cb.power_spectrum(smooth)) < 0.01


@pytest.mark.parametrize(("k", "s", "layers"), [(3, 2, 3), (3, 2, 4), (5, 3, 2), (2, 2, 1)])
def test_a_flat_output_has_no_spectrum_whatever_its_rounding_noise(k, s, layers):
    spectrum = cb.power_spectrum(cb.random_layers(k, s, layers, "resize", n=cb.input_side(s, layers)))
    assert spectrum.max() == 0.0 and cb.nyquist_share(spectrum) == 0.0
    noisy = np.full((32, 32), 0.04) + np.random.default_rng(0).normal(0, 1e-17, (32, 32))
    assert cb.nyquist_share(cb.power_spectrum(noisy)) == 0.0


@pytest.mark.parametrize(
    ("k", "s", "layers", "mode"),
    [(0, 1, 1, "transposed"), (3, 4, 1, "transposed"), (3, 2, 100, "resize"), (3, 2, 1, "x")],
)
def test_bad_settings_are_refused(k, s, layers, mode):
    with pytest.raises(ValueError):
        cb.coverage(k, s, layers, mode)


@pytest.mark.parametrize(("s", "layers"), [(s, L) for s in range(1, 5) for L in range(1, 5)])
def test_every_allowed_stride_and_depth_gives_an_even_output_with_a_spectrum(s, layers):
    n = cb.input_side(s, layers)
    out = cb.random_layers(max(s, 3), s, layers, "transposed", n=n)
    assert out.shape[0] % 2 == 0 and 32 <= out.shape[0] <= 256
    assert 0 <= cb.nyquist_share(cb.power_spectrum(out)) <= 1

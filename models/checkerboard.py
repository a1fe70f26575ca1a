"""Checkerboard artifacts of strided upsampling: uneven coverage, and what it leaves in the spectrum.

Odena, Dumoulin & Olah, "Deconvolution and Checkerboard Artifacts" (Distill 2016), as discussed in
https://kexue.fm/archives/6549. A transposed convolution with kernel k and stride s spreads each input pixel over a
k-wide window placed every s outputs; an output pixel is reached by ceil(k/s) or floor(k/s) inputs, so coverage is
even exactly when s divides k. Resize-then-convolve (nearest upsampling, then a stride-1 convolution) reaches every
output from k windows alike. Stacked layers multiply the unevenness.

Everything here runs on a torus (circular padding), so there are no borders: every unevenness shown is the layer's
own. Images are 1-D (n,) or 2-D (n, n) float arrays.
"""

from __future__ import annotations

import numpy as np
import torch
from torch.nn import functional as F

MODES = ("transposed", "resize")


def check(kernel: int, stride: int, layers: int, mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: use one of {MODES}")
    if not (1 <= kernel <= 8 and 1 <= stride <= 4 and 1 <= layers <= 4):
        raise ValueError("kernel 1..8, stride 1..4 and layers 1..4")
    if stride > kernel:
        raise ValueError("a stride larger than the kernel leaves outputs no input reaches")


def _upsample(x: torch.Tensor, stride: int, mode: str) -> torch.Tensor:
    """(B, C, n, n) -> (B, C, s n, s n): zeros between the inputs (transposed) or each input repeated (resize)."""
    if mode == "resize":
        return x.repeat_interleave(stride, -1).repeat_interleave(stride, -2)
    up = torch.zeros(*x.shape[:2], x.shape[2] * stride, x.shape[3] * stride, dtype=x.dtype)
    up[:, :, ::stride, ::stride] = x
    return up


def upsample_layer(x: torch.Tensor, weight: torch.Tensor, stride: int, mode: str) -> torch.Tensor:
    """One upsampling layer on the torus. x (B, C_in, n, n), weight (C_out, C_in, k, k) -> (B, C_out, s n, s n).
    'transposed' equals ConvTranspose2d(stride=s) away from borders; 'resize' is nearest upsampling + Conv2d."""
    k = weight.shape[-1]
    up = _upsample(x, stride, mode)
    return F.conv2d(_wrap(up, k - 1), weight.flip(-1, -2))  # out[o] = sum_j up[o - j] w[j]


def _wrap(x: torch.Tensor, pad: int) -> torch.Tensor:
    """Circular padding of `pad` before the last two axes' starts, for any pad (the torus may be smaller than it)."""
    n_h, n_w = x.shape[-2:]
    reps = (pad // min(n_h, n_w)) + 2
    tiled = x.repeat(1, 1, reps, reps)
    return tiled[..., -(n_h + pad) :, -(n_w + pad) :]


def input_side(stride: int, layers: int) -> int:
    """An input side n whose output, n s^L, lies between 32 and 256 pixels and is even (so that (π, π) is a
    frequency of its spectrum)."""
    n = -(-32 // stride**layers)  # ceil
    return n + 1 if n * stride**layers % 2 else n


def coverage(kernel: int, stride: int, layers: int, mode: str, n: int = 4) -> np.ndarray:
    """How many paths join the input pixels to each output pixel: all-ones kernels on an all-ones n x n input,
    (n s^L, n s^L). One layer: the number of input pixels that reach each output."""
    check(kernel, stride, layers, mode)
    x = torch.ones(1, 1, n, n, dtype=torch.float64)
    w = torch.ones(1, 1, kernel, kernel, dtype=torch.float64)
    for _ in range(layers):
        x = upsample_layer(x, w, stride, mode)
    return x[0, 0].numpy()


def coverage_1d(kernel: int, stride: int, layers: int, mode: str, n: int = 4) -> np.ndarray:
    """The same count along one axis, (n s^L,): the 2-D count is its outer product."""
    check(kernel, stride, layers, mode)
    x = torch.ones(1, 1, 1, n, dtype=torch.float64)
    w = torch.ones(1, 1, 1, kernel, dtype=torch.float64)
    for _ in range(layers):
        up = _upsample(x, stride, mode)[:, :, :1]  # one row
        x = F.conv2d(_wrap(up, kernel - 1)[:, :, -1:], w.flip(-1))
    return x[0, 0, 0].numpy()


def unevenness(counts: np.ndarray) -> float:
    """max / min of the coverage: 1 when every output is reached alike."""
    return float(counts.max() / counts.min())


def random_layers(
    kernel: int, stride: int, layers: int, mode: str, channels: int = 8, seed: int = 0, n: int = 4
) -> np.ndarray:
    """The output of randomly initialised layers (PyTorch's default init, ReLU between them) on a constant input:
    any pattern in it comes from the layers, not the data. Returns the mean over output channels, (n s^L, n s^L)."""
    check(kernel, stride, layers, mode)
    g = torch.Generator().manual_seed(seed)
    x = torch.ones(1, channels, n, n, dtype=torch.float64)
    bound = 1 / np.sqrt(channels * kernel * kernel)  # kaiming-uniform with a = sqrt(5), as nn.Conv2d's default
    for i in range(layers):
        w = (torch.rand(channels, channels, kernel, kernel, generator=g, dtype=torch.float64) * 2 - 1) * bound
        x = upsample_layer(x, w, stride, mode)
        if i < layers - 1:
            x = F.relu(x)
    return x[0].mean(0).numpy()


def power_spectrum(images: np.ndarray) -> np.ndarray:
    """Mean power spectrum of images (N, n, n) or one (n, n), mean removed, zero frequency at the centre, (n, n).
    Power within float64 rounding of the images' own scale is set to 0: a flat image has no pattern, and its
    rounding noise must not read as one (resize layers on a constant input give a constant up to 1e-17)."""
    a = np.asarray(images, dtype=np.float64)
    a = a[None] if a.ndim == 2 else a
    rounding = (64 * np.finfo(np.float64).eps * np.abs(a).sum(axis=(1, 2)).max()) ** 2
    a = a - a.mean(axis=(1, 2), keepdims=True)
    power = np.abs(np.fft.fft2(a)) ** 2
    power[power <= rounding] = 0.0
    return np.fft.fftshift(power.mean(0))


def nyquist_share(spectrum: np.ndarray) -> float:
    """The share of an (n, n) centred power spectrum (n even) at the (π, π) frequency: the checkerboard's period-2
    pattern in both directions. Of the total power except the zero frequency."""
    n = spectrum.shape[0]
    if n % 2 or spectrum.shape != (n, n):
        raise ValueError("a square spectrum with an even side")
    total = spectrum.sum() - spectrum[n // 2, n // 2]
    return float(spectrum[0, 0] / total) if total > 0 else 0.0  # after fftshift, index 0 holds frequency -π ≡ π

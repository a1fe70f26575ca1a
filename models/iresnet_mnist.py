"""An invertible-ResNet flow for MNIST: dequantised digits -> logit space -> squeezes -> convolutional i-ResBlocks.

Behrmann et al., "Invertible Residual Networks" (arXiv 1811.00995), Su Jianlin's https://kexue.fm/archives/6482;
LipSwish from Chen et al., "Residual Flows" (arXiv 1906.02735).

The Lipschitz constraint is the conv *operator* norm, estimated by power iteration through conv2d and its adjoint
conv_transpose2d on the real feature-map size (the norm of the reshaped kernel matrix is a different number and can
understate it). Each conv's weight is divided by max(1, sigma / c), so Lip(g) <= c whenever sigma is accurate;
`calibrate` runs the power iteration to convergence and `lipschitz_bounds` reports what was reached.
`c` may be set above 1, or `constrained=False`, for the contrast model that shows what the constraint buys.

    x (B, 1, 28, 28) in [0, 1]
      -> s = a + (1 - 2a) x, u = logit(s)               log-det: sum log((1 - 2a) / (s (1 - s)))
      -> squeeze (B, 4, 14, 14) -> [ActNorm, block] x n1
      -> squeeze (B, 16, 7, 7)  -> [ActNorm, block] x n2 -> z, prior N(0, I)
"""

from __future__ import annotations

import math

import torch
from huggingface_hub import PyTorchModelHubMixin
from torch import nn
from torch.nn import functional as F

from models.iresnet import Residual, make_activation

ALPHA = 0.05  # logit pre-processing keeps pixels away from 0 and 1


def squeeze(x: torch.Tensor) -> torch.Tensor:
    """(B, C, H, W) -> (B, 4C, H/2, W/2): space to depth."""
    b, c, h, w = x.shape
    x = x.view(b, c, h // 2, 2, w // 2, 2).permute(0, 1, 3, 5, 2, 4)
    return x.reshape(b, 4 * c, h // 2, w // 2)


def unsqueeze(x: torch.Tensor) -> torch.Tensor:
    b, c, h, w = x.shape
    x = x.view(b, c // 4, 2, 2, h, w).permute(0, 1, 4, 2, 5, 3)
    return x.reshape(b, c // 4, 2 * h, 2 * w)


class NormedConv2d(nn.Module):
    """A conv whose operator norm is kept at most c (when constrained), estimated by power iteration."""

    def __init__(self, c_in: int, c_out: int, kernel: int, size: int, c: float, constrained: bool, iterations: int):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, kernel, padding=kernel // 2)
        self.c, self.constrained, self.iterations = c, constrained, iterations
        self.register_buffer(
            "u", F.normalize(torch.randn(1, c_in, size, size).flatten(), dim=0).view(1, c_in, size, size)
        )
        self.register_buffer("sigma", torch.ones(()))

    def _power(self, iterations: int) -> None:
        with torch.no_grad():
            w, pad, u = self.conv.weight, self.conv.padding, self.u
            for _ in range(iterations):
                v = F.conv2d(u, w, padding=pad)
                v = v / v.norm()
                u = F.conv_transpose2d(v, w, padding=pad)
                u = u / u.norm()
            self.u.copy_(u)

    def operator_norm(self) -> torch.Tensor:
        """||conv(u)|| for the current unit vector u: the norm estimate, differentiable in the weight."""
        return F.conv2d(self.u, self.conv.weight, padding=self.conv.padding).norm()

    def calibrate(self, iterations: int = 200) -> float:
        self._power(iterations)
        with torch.no_grad():
            self.sigma.copy_(self.operator_norm())
        return float(self.sigma)

    @torch.no_grad()
    def exact_norm(self) -> float:
        """The operator norm from the conv written out as a matrix on the real feature-map size (power iteration
        approaches it from below). A 1x1 conv acts pixel by pixel, so its norm is that of its channel matrix."""
        w = self.conv.weight
        if w.shape[-1] == 1:
            return float(torch.linalg.matrix_norm(w[:, :, 0, 0].double(), ord=2))
        c_in, size = self.u.shape[1], self.u.shape[2]
        basis = torch.eye(c_in * size * size, dtype=torch.float64).view(-1, c_in, size, size)
        matrix = F.conv2d(basis, w.double(), padding=self.conv.padding).flatten(1)
        return float(torch.linalg.matrix_norm(matrix, ord=2))

    def settle_exact(self) -> float:
        """Use the exact norm from now on (in eval mode), so Lip <= c holds exactly; returns it."""
        sigma = self.exact_norm()
        self.sigma.fill_(sigma)
        return sigma

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.constrained:
            return self.conv(x)
        if self.training:
            self._power(self.iterations)
            sigma = self.operator_norm()
            self.sigma.copy_(sigma.detach())
        else:
            sigma = self.sigma
        scale = 1 / torch.clamp(sigma / self.c, min=1.0)
        return F.conv2d(x, self.conv.weight * scale, self.conv.bias, padding=self.conv.padding)


class ConvBlock(Residual):
    """g = conv3x3 -> LipSwish -> conv1x1 -> LipSwish -> conv3x3, each conv of norm <= c^(1/3): Lip(g) <= c."""

    def __init__(self, channels: int, hidden: int, size: int, c: float, constrained: bool, iterations: int):
        super().__init__()
        cl = c ** (1 / 3)
        self.g = nn.Sequential(
            NormedConv2d(channels, hidden, 3, size, cl, constrained, iterations),
            make_activation("lipswish"),
            NormedConv2d(hidden, hidden, 1, size, cl, constrained, iterations),
            make_activation("lipswish"),
            NormedConv2d(hidden, channels, 3, size, cl, constrained, iterations),
        )


class ActNorm(nn.Module):
    """Per-channel affine y = (x + b) * exp(s), initialised from the first batch to zero mean, unit variance."""

    def __init__(self, channels: int):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(1, channels, 1, 1))
        self.log_scale = nn.Parameter(torch.zeros(1, channels, 1, 1))
        self.register_buffer("initialised", torch.tensor(False))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        if not self.initialised:
            with torch.no_grad():
                self.bias.copy_(-x.mean(dim=(0, 2, 3), keepdim=True))
                self.log_scale.copy_(-torch.log(x.std(dim=(0, 2, 3), keepdim=True) + 1e-6))
                self.initialised.fill_(True)
        logdet = self.log_scale.sum() * x.shape[2] * x.shape[3]
        return (x + self.bias) * torch.exp(self.log_scale), logdet.expand(x.shape[0])

    def inverse(self, y: torch.Tensor) -> torch.Tensor:
        return y * torch.exp(-self.log_scale) - self.bias


class MnistFlow(
    nn.Module,
    PyTorchModelHubMixin,
    library_name="pytorch",
    license="mit",
    tags=["normalizing-flow", "i-resnet", "mnist"],
):
    def __init__(
        self,
        blocks: tuple[int, int] = (4, 4),
        hidden: int = 64,
        c: float = 0.9,
        constrained: bool = True,
        power_iterations: int = 2,
    ):
        super().__init__()
        self.c, self.constrained = c, constrained
        shapes = [(4, 14), (16, 7)]  # (channels, size) after each squeeze
        self.stages = nn.ModuleList()
        for n, (ch, size) in zip(blocks, shapes, strict=True):
            layers = nn.ModuleList()
            for _ in range(n):
                layers.append(ActNorm(ch))
                layers.append(ConvBlock(ch, hidden, size, c, constrained, power_iterations))
            self.stages.append(layers)

    @staticmethod
    def preprocess(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """[0, 1] pixels -> logit space, with the log-det of the map. (B, 1, 28, 28) -> same, (B,)"""
        s = ALPHA + (1 - 2 * ALPHA) * x
        logdet = (math.log(1 - 2 * ALPHA) - torch.log(s) - torch.log1p(-s)).flatten(1).sum(1)
        return torch.log(s) - torch.log1p(-s), logdet

    @staticmethod
    def postprocess(u: torch.Tensor) -> torch.Tensor:
        return ((torch.sigmoid(u) - ALPHA) / (1 - 2 * ALPHA)).clamp(0, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Pixels (B, 1, 28, 28) in [0, 1] -> z (B, 16, 7, 7)."""
        h, _ = self.preprocess(x)
        for stage in self.stages:
            h = squeeze(h)
            for layer in stage:
                h = layer(h)[0] if isinstance(layer, ActNorm) else layer(h)
        return h

    def inverse(
        self, z: torch.Tensor, iterations: int = 100, tol: float = 0.0
    ) -> tuple[torch.Tensor, list[list[float]]]:
        """z -> pixels, each block inverted by `iterations` fixed-point steps; also the step sizes per block."""
        h, steps = z, []
        for stage in reversed(self.stages):
            for layer in reversed(stage):
                if isinstance(layer, ActNorm):
                    h = layer.inverse(h)
                else:
                    h, s = layer.inverse(h, iterations, tol)
                    steps.append(s)
            h = unsqueeze(h)
        return self.postprocess(h), steps

    @torch.no_grad()
    def inverse_after(self, z: torch.Tensor, ks: list[int]) -> torch.Tensor:
        """Pixels of F^-1(z) after k fixed-point iterations per block, for each k in `ks`, in one batched pass.

        z (1, 16, 7, 7) -> (len(ks), 1, 28, 28); non-finite values (a diverging iteration) become 0.
        """
        order = sorted(range(len(ks)), key=lambda i: -ks[i])  # descending k: the rows still iterating are a prefix
        limits = [ks[i] for i in order]
        h = z.expand(len(ks), *z.shape[1:]).clone()
        for stage in reversed(self.stages):
            for layer in reversed(stage):
                if isinstance(layer, ActNorm):
                    h = layer.inverse(h)
                    continue
                x = h.clone()
                for it in range(limits[0]):
                    n = sum(k > it for k in limits)  # rows that still iterate
                    x[:n] = h[:n] - layer.g(x[:n])
                h = x
            h = unsqueeze(h)
        out = torch.nan_to_num(self.postprocess(h), nan=0.0)
        return out[torch.tensor([order.index(i) for i in range(len(ks))])]

    def log_prob(self, x: torch.Tensor, terms: int = 5, probes: int = 1) -> torch.Tensor:
        """log p(x) of [0, 1] pixels (nats per image), log-dets by the truncated series. (B, 1, 28, 28) -> (B,)"""
        h, logdet = self.preprocess(x)
        for stage in self.stages:
            h = squeeze(h)
            for layer in stage:
                if isinstance(layer, ActNorm):
                    h, ld = layer(h)
                else:
                    gh, ld = layer.logdet_series(h, terms, probes)
                    h = h + gh
                logdet = logdet + ld
        prior = -0.5 * (h**2).flatten(1).sum(1) - 0.5 * h[0].numel() * math.log(2 * math.pi)
        return prior + logdet

    def convs(self) -> list[NormedConv2d]:
        return [m for m in self.modules() if isinstance(m, NormedConv2d)]


def bits_per_dim(log_prob: torch.Tensor, dims: int = 784) -> torch.Tensor:
    """Bits per dimension of 8-bit images, from log p of dequantised pixels scaled to [0, 1]."""
    return (-log_prob / dims + math.log(256)) / math.log(2)


def dequantise(images: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
    """uint8 (B, 28, 28) -> (B, 1, 28, 28) in [0, 1] with uniform noise inside each of the 256 bins."""
    x = images.float().unsqueeze(1)
    return (x + torch.rand(x.shape, generator=generator)) / 256

"""The networks of the GAN tabs: DCGAN and ResNet generators (plain or SELF-MOD BatchNorm) and the critic/encoder.

DCGAN: Radford et al. 2016; ResNet generators: Gulrajani et al. 2017, Miyato et al. 2018; SELF-MOD: Chen et al. 2019,
arXiv 1810.01365, as described in https://kexue.fm/archives/6549. Images are (B, 1, 28, 28) in [-1, 1]; every
generator starts from a dense 7x7 map and doubles the resolution twice. models/ogan.py and models/gan_arch.py build
their models from these parts.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F


class PlainBN(nn.BatchNorm2d):
    """BatchNorm with its own learned gamma, beta; takes z only to share SelfModBN's call signature."""

    def forward(self, h: torch.Tensor, z: torch.Tensor | None = None) -> torch.Tensor:
        return super().forward(h)


class SelfModBN(nn.Module):
    """BatchNorm without its own affine part, modulated by the noise: h * (1 + gamma(z)) + beta(z)."""

    def __init__(self, channels: int, n_z: int, hidden: int = 32):
        super().__init__()
        self.bn = nn.BatchNorm2d(channels, affine=False)
        self.gamma = nn.Sequential(nn.Linear(n_z, hidden), nn.ReLU(), nn.Linear(hidden, channels))
        self.beta = nn.Sequential(nn.Linear(n_z, hidden), nn.ReLU(), nn.Linear(hidden, channels))

    def modulation(self, z: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(1 + gamma(z), beta(z)), each (B, C): the scale and shift this layer applies for each code."""
        return 1 + self.gamma(z), self.beta(z)

    def forward(self, h: torch.Tensor, z: torch.Tensor) -> torch.Tensor:
        scale, shift = self.modulation(z)
        return self.bn(h) * scale[:, :, None, None] + shift[:, :, None, None]


def norm(channels: int, n_z: int, self_modulated: bool) -> nn.Module:
    return SelfModBN(channels, n_z) if self_modulated else PlainBN(channels)


class DCGANGenerator(nn.Module):
    """z (B, n_z) -> (B, 1, 28, 28): dense to 7x7, two stride-2 transposed convs; SELF-MOD BN when self_modulated."""

    def __init__(self, n_z: int, width: int, self_modulated: bool = False):
        super().__init__()
        self.width = width
        self.fc = nn.Linear(n_z, 4 * width * 7 * 7)
        self.up1 = nn.ConvTranspose2d(4 * width, 2 * width, 4, 2, 1)  # 7 -> 14
        self.up2 = nn.ConvTranspose2d(2 * width, width, 4, 2, 1)  # 14 -> 28
        self.out = nn.Conv2d(width, 1, 3, 1, 1)
        self.bn0, self.bn1, self.bn2 = (norm(c * width, n_z, self_modulated) for c in (4, 2, 1))

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        h = self.fc(z).view(-1, 4 * self.width, 7, 7)  # (B, 4w, 7, 7)
        h = F.relu(self.bn0(h, z))
        h = F.relu(self.bn1(self.up1(h), z))  # (B, 2w, 14, 14)
        h = F.relu(self.bn2(self.up2(h), z))  # (B, w, 28, 28)
        return torch.tanh(self.out(h)).float()  # float32 even under bfloat16 autocast


class UpBlock(nn.Module):
    """Pre-activation residual block that doubles the resolution: BN-ReLU-up-conv3-BN-ReLU-conv3, + up-conv1 skip."""

    def __init__(self, c_in: int, c_out: int):
        super().__init__()
        self.bn1, self.bn2 = nn.BatchNorm2d(c_in), nn.BatchNorm2d(c_out)
        self.conv1 = nn.Conv2d(c_in, c_out, 3, 1, 1)
        self.conv2 = nn.Conv2d(c_out, c_out, 3, 1, 1)
        self.skip = nn.Conv2d(c_in, c_out, 1)

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        up = F.interpolate(F.relu(self.bn1(h)), scale_factor=2, mode="nearest")  # (B, c_in, 2H, 2W)
        r = self.conv2(F.relu(self.bn2(self.conv1(up))))
        return r + self.skip(F.interpolate(h, scale_factor=2, mode="nearest"))  # (B, c_out, 2H, 2W)


class ResNetGenerator(nn.Module):
    """z (B, n_z) -> (B, 1, 28, 28): dense to 7x7, two upsampling residual blocks, BN-ReLU-conv3 out."""

    def __init__(self, n_z: int, width: int):
        super().__init__()
        self.width = width
        self.fc = nn.Linear(n_z, 4 * width * 7 * 7)
        self.block1 = UpBlock(4 * width, 2 * width)  # 7 -> 14
        self.block2 = UpBlock(2 * width, width)  # 14 -> 28
        self.bn = nn.BatchNorm2d(width)
        self.out = nn.Conv2d(width, 1, 3, 1, 1)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        h = self.fc(z).view(-1, 4 * self.width, 7, 7)  # (B, 4w, 7, 7)
        h = self.block2(self.block1(h))  # (B, w, 28, 28)
        return torch.tanh(self.out(F.relu(self.bn(h)))).float()


class Encoder(nn.Module):
    """image (B, 1, 28, 28) -> z (B, n_z): three stride-2 convs with LeakyReLU, no normalisation, then dense."""

    def __init__(self, n_z: int, width: int):
        super().__init__()
        self.convs = nn.Sequential(
            nn.Conv2d(1, width, 4, 2, 1),  # 28 -> 14
            nn.LeakyReLU(0.2),
            nn.Conv2d(width, 2 * width, 4, 2, 1),  # 14 -> 7
            nn.LeakyReLU(0.2),
            nn.Conv2d(2 * width, 4 * width, 3, 2, 1),  # 7 -> 4
            nn.LeakyReLU(0.2),
        )
        self.fc = nn.Linear(4 * width * 4 * 4, n_z)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(self.convs(x).flatten(1)).float()  # (B, 4w*16) -> (B, n_z); float32 under autocast

"""Three GAN generators trained the same way: DCGAN, a ResNet generator and DCGAN with SELF-MOD BatchNorm.

Su Jianlin, "从DCGAN到SELF-MOD：GAN的模型架构发展一览" (https://kexue.fm/archives/6549); Radford et al. 2016 (DCGAN),
Gulrajani et al. 2017 / Miyato et al. 2018 (ResNet generators), Chen et al. 2019, arXiv 1810.01365 (SELF-MOD).

All three map z (B, n_z) to an image (B, 1, 28, 28) in [-1, 1] from a dense 7x7 start and double the resolution
twice. They differ only where the article says they differ:

    dcgan    two stride-2 transposed 4x4 convolutions, each followed by BatchNorm + ReLU
    resnet   two residual blocks: nearest-neighbour upsampling then 3x3 convolutions (stride 1: no checkerboard)
    selfmod  dcgan with every BatchNorm modulated by the noise: BN(h) * (1 + gamma(z)) + beta(z)

The critic is the O-GAN encoder with one output (models/gan_layers.py), the loss the hinge loss; the O-GAN tab's
generator is the `selfmod` one here.
"""

from __future__ import annotations

import functools

import torch
from huggingface_hub import PyTorchModelHubMixin
from torch import nn
from torch.nn import functional as F

from models.gan_layers import DCGANGenerator, Encoder, ResNetGenerator

ARCHITECTURES = ("dcgan", "resnet", "selfmod")


def make_generator(architecture: str, n_z: int, width: int) -> nn.Module:
    if architecture == "resnet":
        return ResNetGenerator(n_z, width)
    if architecture in ("dcgan", "selfmod"):
        return DCGANGenerator(n_z, width, self_modulated=architecture == "selfmod")
    raise ValueError(f"unknown architecture {architecture!r}: use one of {ARCHITECTURES}")


class ArchGAN(
    nn.Module, PyTorchModelHubMixin, library_name="pytorch", license="mit", tags=["gan", "mnist", "self-mod"]
):
    """One generator of the comparison and its critic (the O-GAN encoder with a single output), hinge loss."""

    def __init__(self, architecture: str = "dcgan", n_z: int = 64, width: int = 32):
        super().__init__()
        self.architecture, self.n_z = architecture, n_z
        self.generator = make_generator(architecture, n_z, width)
        self.encoder = Encoder(1, width)

    def critic(self, x: torch.Tensor) -> torch.Tensor:
        return self.encoder(x)[:, 0]  # (B,)

    def losses(self, real: torch.Tensor, z: torch.Tensor) -> tuple[torch.Tensor, dict]:
        """The hinge loss for both players in one step (the stop-gradient trick of models/ogan.py)."""
        fake = self.generator(z)
        s_real, s_fake, s_fake_sg = self.critic(real), self.critic(fake), self.critic(fake.detach())
        look_real = s_fake - s_fake_sg  # zero in value; its gradient reaches G only
        total = (F.relu(1 - s_real) + F.relu(1 + s_fake_sg) - look_real).mean()
        logged = {"loss": total, "score_gap": (s_real - s_fake_sg).mean()}
        return total, {k: v.detach() for k, v in logged.items()}


class GeneratorSet(
    nn.Module, PyTorchModelHubMixin, library_name="pytorch", license="mit", tags=["gan", "mnist", "self-mod"]
):
    """The three trained generators of one seed, as the app ships them: `generators[architecture]`."""

    def __init__(self, n_z: int = 64, width: int = 32):
        super().__init__()
        self.n_z = n_z
        self.generators = nn.ModuleDict({a: make_generator(a, n_z, width) for a in ARCHITECTURES})

    @torch.no_grad()
    def sample(self, architecture: str, z: torch.Tensor) -> torch.Tensor:
        """(B, n_z) -> (B, 1, 28, 28) in [-1, 1], with the BatchNorm statistics estimated after training."""
        return self.generators[architecture].eval()(z)


def layer_table(generator: nn.Module, n_z: int) -> list[dict]:
    """Per layer with weights, in call order: name, kind, output shape (C, H, W), parameters, multiply-adds per sample.
    A convolution costs C_in/groups * k * k per output value; a transposed one C_out * k * k per input value; a dense
    layer in * out; BatchNorm (and SELF-MOD's MLPs) their parameter count, once per value they touch."""
    rows: list[dict] = []

    def hook(name: str, module: nn.Module, inputs: tuple, output: torch.Tensor) -> None:
        x = inputs[0]
        params = sum(p.numel() for p in module.parameters(recurse=False))
        if isinstance(module, nn.ConvTranspose2d):
            macs = x[0].numel() * module.out_channels * module.kernel_size[0] * module.kernel_size[1]
        elif isinstance(module, nn.Conv2d):
            k = module.in_channels // module.groups * module.kernel_size[0] * module.kernel_size[1]
            macs = output[0].numel() * k
        elif isinstance(module, nn.Linear):
            macs = module.in_features * module.out_features
        else:  # BatchNorm: a scale and a shift per value
            macs = output[0].numel()
        kind = type(module).__name__
        rows.append({"name": name, "kind": kind, "shape": list(output.shape[1:]), "params": params, "macs": macs})

    handles = [
        module.register_forward_hook(functools.partial(hook, name))
        for name, module in generator.named_modules()
        if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear, nn.BatchNorm2d))
    ]
    was_training = generator.training
    try:
        with torch.no_grad():
            generator.eval()(torch.zeros(1, n_z))
    finally:
        generator.train(was_training)
        for h in handles:
            h.remove()
    return rows

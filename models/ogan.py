"""O-GAN: the discriminator of a GAN becomes an encoder, for free.

Su Jianlin, "O-GAN：简单修改，让GAN的判别器变成一个编码器！" (https://kexue.fm/archives/6409), arXiv 1903.01931;
official code bojone/o-gan. The critic is an encoder E: x -> z in R^{n_z} whose *mean* is the GAN score,

    D(x) = avg(E(x)),

and both players add -lambda * rho(z, E(G(z))), the Pearson correlation between the noise and its re-encoding
(mean and scale of E(x) stay free for the GAN score; only the "shape" N(E(x)) must carry z). Reconstruction:

    x_hat = G(0.9 * N(E(x))),   N(v) = (v - avg(v)) / std(v).

The generator uses self-modulated BatchNorm (SELF-MOD, Chen et al. 2019, kexue.fm/archives/6549): every BN is
followed by h * (1 + gamma(z)) + beta(z) with gamma, beta small MLPs of the noise. Images are 1x28x28 in [-1, 1].
Base losses: hinge (the shipped model) and GAN-QP (the article's official code), measured side by side in the card.
"""

from __future__ import annotations

import torch
from huggingface_hub import PyTorchModelHubMixin
from torch import nn
from torch.nn import functional as F

from models import code_mixture
from models.gan_layers import DCGANGenerator, Encoder

LOSSES = ("hinge", "gan_qp")


def standardise(v: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """N(v): zero mean, unit std along the last dimension."""
    v = v - v.mean(dim=-1, keepdim=True)
    return v / (v.std(dim=-1, keepdim=True, unbiased=False) + eps)


def pearson(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """rho(a, b) per row: the cosine of the standardised vectors. (B, n) x (B, n) -> (B,)"""
    return (standardise(a) * standardise(b)).mean(dim=-1)


def Generator(n_z: int, width: int) -> DCGANGenerator:
    """The O-GAN generator: DCGAN with SELF-MOD BatchNorm (models/gan_layers.py)."""
    return DCGANGenerator(n_z, width, self_modulated=True)


class OGAN(nn.Module, PyTorchModelHubMixin, library_name="pytorch", license="mit", tags=["gan", "o-gan", "mnist"]):
    """Generator + encoder/critic of one O-GAN (or of the ablation, trained with correlation_weight = 0)."""

    def __init__(
        self,
        n_z: int = 64,
        g_width: int = 32,
        e_width: int = 32,
        correlation_weight: float = 0.5,
        loss: str = "hinge",
        n_directions: int = 8,
        n_mixture: int = 0,
    ):
        super().__init__()
        if loss not in LOSSES:
            raise ValueError(f"unknown loss {loss!r}: use one of {LOSSES}")
        self.n_z, self.correlation_weight, self.loss = n_z, correlation_weight, loss
        self.generator = Generator(n_z, g_width)
        self.encoder = Encoder(n_z, e_width)
        # the top principal components of the codes of the training set, filled in by the evaluation command
        self.register_buffer("directions", torch.zeros(n_directions, n_z))  # (k, n_z), unit rows
        self.register_buffer("direction_std", torch.zeros(n_directions))  # (k,) spread of the codes along each
        # a Gaussian mixture fitted to those codes (models/code_mixture.py), also filled in by the evaluation command
        self.n_mixture = n_mixture
        self.register_buffer("mixture_weights", torch.zeros(n_mixture))  # (K,)
        self.register_buffer("mixture_means", torch.zeros(n_mixture, n_z))  # (K, n_z)
        self.register_buffer("mixture_scale_tril", torch.zeros(n_mixture, n_z, n_z))  # (K, n_z, n_z)
        # a sample is "typical" when its code is as likely as those of 95% of held-out real digits (evaluation fills it)
        self.register_buffer("mixture_threshold", torch.tensor(float("-inf")))

    def critic(self, x: torch.Tensor) -> torch.Tensor:
        """D(x) = avg(E(x)), (B,)"""
        return self.encoder(x).mean(dim=-1)

    @torch.no_grad()
    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """The latent code the generator understands: 0.9 * N(E(x)), (B, n_z)."""
        return 0.9 * standardise(self.encoder(x))

    def sample_codes(
        self, n: int, generator: torch.Generator, scale: float = 1.0, source: str = "prior"
    ) -> torch.Tensor:
        """n codes (n, n_z): from the prior N(0, scale^2 I), or from the mixture fitted to the codes of real digits."""
        if source == "prior":
            return scale * torch.randn(n, self.n_z, generator=generator)
        if source == "mixture":
            self._require_mixture()
            return code_mixture.sample(
                self.mixture_weights, self.mixture_means, self.mixture_scale_tril, n, generator, scale
            )
        raise ValueError(f"unknown code source {source!r}: use 'prior' or 'mixture'")

    def _require_mixture(self) -> None:
        if self.n_mixture == 0 or float(self.mixture_weights.sum()) == 0:
            raise ValueError("this model has no fitted code mixture (python -m training.ogan evaluate fits one)")

    @torch.no_grad()
    def code_log_density(self, x: torch.Tensor) -> torch.Tensor:
        """log p(0.9 N(E(x))) under the fitted code mixture, (B,): how much x's code looks like a real digit's."""
        self._require_mixture()
        return code_mixture.log_prob(self.encode(x), self.mixture_weights, self.mixture_means, self.mixture_scale_tril)

    @torch.no_grad()
    def sample_typical(
        self, n: int, generator: torch.Generator, scale: float = 1.0, batch: int = 500, max_draws: int = 100_000
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Rejection sampling: prior samples G(z) whose code log-density reaches `mixture_threshold`, the first n of
        them in draw order (the same codes for any `batch` whose batch * n_z is a multiple of 16: torch draws normal
        numbers 16 at a time). Returns codes (n, n_z) and images (n, 1, 28, 28)."""
        self._require_mixture()
        codes, images, drawn = [], [], 0
        while sum(len(c) for c in codes) < n:
            if drawn >= max_draws:
                raise ValueError(f"fewer than {n} of {drawn} samples passed the typicality filter")
            z = self.sample_codes(batch, generator, scale)
            x = self.generator(z)
            keep = self.code_log_density(x) >= self.mixture_threshold
            codes.append(z[keep])
            images.append(x[keep])
            drawn += batch
        return torch.cat(codes)[:n], torch.cat(images)[:n]

    @torch.no_grad()
    def reconstruct(self, x: torch.Tensor) -> torch.Tensor:
        return self.generator(self.encode(x))

    def losses(self, real: torch.Tensor, z: torch.Tensor) -> tuple[torch.Tensor, dict]:
        """One loss for both players (the official stop-gradient trick), and logged values.

        With s = avg(E(.)) and fake = G(z): the terms in s(fake) - s(sg(fake)) have zero gradient for E and give G
        the "look real" direction, so one optimiser step updates both nets. hinge: real gets the high score.
        gan_qp (official): real gets the low score, plus the quadratic potential 0.25 (s_r - s_f)^2 / mean((x_r - x_f)^2).
        """
        fake = self.generator(z)
        e_fake = self.encoder(fake)
        s_real, s_fake, s_fake_sg = self.critic(real), e_fake.mean(-1), self.critic(fake.detach())
        rho = pearson(z, e_fake)
        look_real = s_fake - s_fake_sg  # zero in value; its gradient reaches G only
        if self.loss == "hinge":
            adversarial = F.relu(1 - s_real) + F.relu(1 + s_fake_sg) - look_real
        else:  # gan_qp
            t1 = s_real - s_fake_sg
            qp = 0.25 * t1**2 / ((real - fake.detach()) ** 2).mean(dim=(1, 2, 3)).clamp_min(1e-8)
            adversarial = t1 + look_real + qp
        total = (adversarial - self.correlation_weight * rho).mean()
        logged = {"loss": total, "rho": rho.mean(), "score_gap": (s_real - s_fake_sg).mean()}
        return total, {k: v.detach() for k, v in logged.items()}  # tensors: no device sync per step


def interpolate(a: torch.Tensor, b: torch.Tensor, frames: int, method: str = "linear") -> torch.Tensor:
    """Codes from a to b, (frames, n_z). 'spherical' follows the great circle (keeps the norm of Gaussian codes)."""
    t = torch.linspace(0, 1, frames)[:, None]  # (F, 1)
    if method == "linear":
        return (1 - t) * a + t * b
    if method != "spherical":
        raise ValueError(f"unknown interpolation {method!r}")
    cos = torch.dot(a, b) / (a.norm() * b.norm()).clamp_min(1e-12)
    omega = torch.arccos(cos.clamp(-1, 1))
    if omega.abs() < 1e-6:  # (nearly) parallel: linear is exact
        return (1 - t) * a + t * b
    return (torch.sin((1 - t) * omega) * a + torch.sin(t * omega) * b) / torch.sin(omega)

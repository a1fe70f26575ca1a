"""models/gan_arch.py and models/gan_layers.py: the three generators' shapes, SELF-MOD's modulation, the layer table
against the modules, and the one-step hinge loss."""

from __future__ import annotations

import pytest
import torch

from models.gan_arch import ARCHITECTURES, ArchGAN, GeneratorSet, layer_table, make_generator
from models.gan_layers import PlainBN, SelfModBN
from models.ogan import OGAN


@pytest.mark.parametrize("architecture", ARCHITECTURES)
def test_every_generator_maps_codes_to_28x28_digits_in_range(architecture):
    g = make_generator(architecture, n_z=8, width=4).eval()
    x = g(torch.randn(5, 8))
    assert x.shape == (5, 1, 28, 28) and x.abs().max() <= 1


def test_an_unknown_architecture_is_refused():
    with pytest.raises(ValueError, match="unknown architecture"):
        make_generator("vit", 8, 4)


def test_only_selfmod_modulates_its_batchnorm_by_z():
    dcgan, selfmod = make_generator("dcgan", 8, 4), make_generator("selfmod", 8, 4)
    assert all(isinstance(getattr(dcgan, f"bn{i}"), PlainBN) for i in range(3))
    assert all(isinstance(getattr(selfmod, f"bn{i}"), SelfModBN) for i in range(3))


def test_selfmod_scale_and_shift_depend_on_the_code():
    norm = SelfModBN(6, n_z=8)
    scale_a, shift_a = norm.modulation(torch.zeros(1, 8))
    scale_b, shift_b = norm.modulation(torch.ones(1, 8))
    assert scale_a.shape == shift_a.shape == (1, 6)
    assert not torch.allclose(scale_a, scale_b) and not torch.allclose(shift_a, shift_b)


def test_the_ogan_generator_is_the_selfmod_one():
    ogan = OGAN(n_z=8, g_width=4, e_width=4)
    selfmod = make_generator("selfmod", 8, 4)
    assert ogan.generator.state_dict().keys() == selfmod.state_dict().keys()


@pytest.mark.parametrize("architecture", ARCHITECTURES)
def test_the_layer_table_counts_every_parameter_once(architecture):
    g = make_generator(architecture, 8, 4)
    rows = layer_table(g, 8)
    assert sum(r["params"] for r in rows) == sum(p.numel() for p in g.parameters())
    assert rows[-1]["shape"] == [1, 28, 28]


def test_multiply_adds_of_a_convolution_and_a_transposed_one_follow_their_formulas():
    rows = {r["name"]: r for r in layer_table(make_generator("dcgan", 8, 4), 8)}
    assert rows["up1"]["macs"] == 16 * 7 * 7 * 8 * 4 * 4  # each input value (16 ch, 7x7) scatters to 8 ch x 4x4
    assert rows["out"]["macs"] == 1 * 28 * 28 * 4 * 3 * 3  # each output value gathers 4 ch x 3x3
    assert rows["fc"]["macs"] == 8 * 16 * 49


def test_the_resnet_generator_costs_more_multiply_adds_than_dcgan_at_a_similar_size():
    cost = {a: sum(r["macs"] for r in layer_table(make_generator(a, 64, 32), 64)) for a in ("dcgan", "resnet")}
    size = {a: sum(p.numel() for p in make_generator(a, 64, 32).parameters()) for a in ("dcgan", "resnet")}
    assert cost["resnet"] > 3 * cost["dcgan"] and abs(size["resnet"] / size["dcgan"] - 1) < 0.1


def test_one_step_of_the_hinge_loss_updates_both_players():
    torch.manual_seed(0)
    model = ArchGAN("resnet", n_z=8, width=4)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss, stats = model.losses(torch.rand(6, 1, 28, 28) * 2 - 1, torch.randn(6, 8))
    loss.backward()
    opt.step()
    assert torch.isfinite(loss) and set(stats) == {"loss", "score_gap"}
    changed = {k.split(".")[0] for k, v in model.state_dict().items() if not torch.equal(v, before[k])}
    assert changed == {"generator", "encoder"}


def test_the_generator_set_samples_each_architecture():
    shipped = GeneratorSet(n_z=8, width=4)
    for a in ARCHITECTURES:
        assert shipped.sample(a, torch.randn(3, 8)).shape == (3, 1, 28, 28)


def test_the_tab_names_the_same_architectures_and_upsampling_kinds_as_the_models():
    from demos import gan_arch
    from models import checkerboard

    assert gan_arch.ARCHITECTURES == ARCHITECTURES and gan_arch.UPSAMPLING == checkerboard.MODES

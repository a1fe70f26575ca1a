"""training/gan_arch/ smoke tests on tiny synthetic images (no MNIST, a few steps): every run keeps its snapshots and
resumes, the verdicts follow the seed-spread rule, and the card renders from metrics."""

from __future__ import annotations

import argparse

import pytest
import torch

from training.gan_arch import card as cards
from training.gan_arch import evaluate as ev
from training.gan_arch import train as tr
from training.ogan import train as ogan_train


@pytest.fixture
def runs(tmp_path, monkeypatch):
    monkeypatch.setattr(ogan_train, "RUNS", tmp_path)
    return tmp_path


def tiny_args(steps: int) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    tr.add_arguments(p)
    argv = ["--max-steps", str(steps), "--every", "2", "--n-z", "8", "--width", "4", "--batch", "8", "--float32"]
    return p.parse_args(argv)


def images(n: int = 32) -> torch.Tensor:
    return torch.rand(n, 1, 28, 28, generator=torch.Generator().manual_seed(0)) * 2 - 1


def test_the_defaults_are_the_shipped_recipe():
    p = argparse.ArgumentParser()
    tr.add_arguments(p)
    d = p.parse_args([])
    assert (d.max_steps, d.every, d.batch, d.lr, d.n_z, d.width) == (8000, 1000, 64, 2e-4, 64, 32)
    assert d.architectures == ["dcgan", "resnet", "selfmod"] and d.seeds == [0, 1] and not d.float32


@pytest.mark.parametrize("architecture", ["dcgan", "resnet", "selfmod"])
def test_a_run_keeps_an_ema_snapshot_every_few_steps_and_resumes(runs, architecture):
    tr.train_one(tiny_args(4), architecture, seed=0, images=images())
    name = tr.run_name(architecture, 0)
    assert [s for s, _ in ev.snapshot_steps(name)] == [2, 4]
    tr.train_one(tiny_args(6), architecture, seed=0, images=images())  # resumes at 4
    assert [s for s, _ in ev.snapshot_steps(name)] == [2, 4, 6]
    g = ev.load_generator(architecture, name, 6, n_z=8, width=4)
    assert g(torch.randn(3, 8)).shape == (3, 1, 28, 28)


def test_a_difference_within_the_seed_spread_is_no_difference():
    assert ev.spread_verdict([10, 12], [11, 11.5])["verdict"] == "no difference"
    assert ev.spread_verdict([5, 6], [10, 11])["verdict"] == "a better"  # lower FID is better
    assert ev.spread_verdict([5, 6], [10, 11], lower_is_better=False)["verdict"] == "b better"


def test_steps_to_reach_is_the_first_checkpoint_at_or_below_the_target():
    curve = [{"step": 1000, "fid": 50}, {"step": 2000, "fid": 20}, {"step": 3000, "fid": 25}]
    assert ev.steps_to_reach(curve, 22) == 2000 and ev.steps_to_reach(curve, 10) is None


def synthetic_metrics() -> dict:
    def seed(fid, shift):
        curve = [{"step": s, "minutes": s / 100, "fid": fid + 100 / s * 1000, "confident_share": 0.8} for s in (1, 2)]
        curve[-1]["fid"] = fid + shift
        return {**curve[-1], "curve": curve}

    arch = {
        a: {
            "params": 1000,
            "macs": macs,
            "seconds_per_1k_steps": secs,
            "layers": [],
            "seeds": {"0": seed(f, 0), "1": seed(f, 1)},
        }
        for a, macs, secs, f in (("dcgan", 10, 70, 30), ("resnet", 40, 150, 31), ("selfmod", 11, 75, 20))
    }
    spectra = {"real": {"nyquist_share": 1e-5, "spectrum": [[0.0, 1.0], [1.0, 0.0]]}}
    for a, v in (("dcgan", 5e-4), ("resnet", 1e-5), ("selfmod", 4e-4)):
        spectra[a] = {
            "spectrum": [[0.0, 1.0], [1.0, 0.0]],
            "seeds": {"0": {"nyquist_share": v}, "1": {"nyquist_share": v * 1.1}},
        }
    m = {
        "recipe": {"steps": 2, "batch": 64, "seeds": [0, 1]},
        "samples": 10,
        "cpu": "test",
        "architectures": arch,
        "spectra": spectra,
    }
    m["claims"] = ev.claims(arch, spectra)
    return m


def test_the_claims_follow_the_measured_numbers():
    c = synthetic_metrics()["claims"]
    assert c["dcgan_faster_than_resnet_at_similar_quality"]["holds"]  # 2.1x slower, FID within the spread
    assert c["selfmod_converges_better"]["holds"]  # FID 20 against 30, spread 1
    assert c["transposed_convolutions_leave_a_checkerboard"]["holds"]


def test_the_card_renders_the_table_the_curves_and_each_claim():
    info = cards.card(synthetic_metrics())
    assert "| SELF-MOD |" in info.summary and "| step |" in info.summary
    assert info.summary.count("**holds here**") == 3
    assert "python -m training.gan_arch train" in info.command

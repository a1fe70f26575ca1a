"""training/ogan/ smoke tests on tiny synthetic images (no MNIST, a few steps): finite losses, checkpoints that
resume, defaults that are the shipped recipe, the evaluation helpers against closed forms, and the card."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from training.ogan import __main__ as cli
from training.ogan import card as cards
from training.ogan import evaluate as ev
from training.ogan import train as tr


@pytest.fixture
def runs(tmp_path, monkeypatch):
    monkeypatch.setattr(tr, "RUNS", tmp_path)
    return tmp_path


def parse(argv: list[str]):
    import argparse

    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="command")
    tr.add_arguments(sub.add_parser("train"))
    ev.add_arguments(sub.add_parser("evaluate"))
    return p.parse_args(argv)


def tiny_args(steps: int, **extra):
    argv = [
        "train",
        "--name",
        "tiny",
        "--max-steps",
        str(steps),
        "--n-z",
        "8",
        "--width",
        "4",
        "--batch",
        "8",
        "--threads",
        "1",
    ]
    for key, value in extra.items():
        argv += [f"--{key.replace('_', '-')}", str(value)]
    return parse(argv)


def images(n: int = 64) -> torch.Tensor:
    g = torch.Generator().manual_seed(0)
    return torch.rand(n, 1, 28, 28, generator=g) * 2 - 1


def test_a_few_steps_give_finite_losses_and_a_checkpoint(runs, capsys):
    model = tr.train(tiny_args(20), images())
    assert (runs / "tiny" / "checkpoint.pt").is_file()
    assert all(torch.isfinite(p).all() for p in model.parameters())
    assert "stopped at step 20" in capsys.readouterr().out


def test_a_runs_info_records_the_adam_settings_and_precision_it_trained_with(runs):
    tr.train(tiny_args(3, lr=4e-4), images())
    info = tr.load_run("tiny")[1]
    assert info["beta1"] == tr.BETA1 and info["lr"] == 4e-4 and info["bf16"] is True
    assert "(Adam, learning rate 0.0004, β1 = 0.5)" in cards._adam(info)


def test_a_runs_info_records_its_width(runs):
    args = tiny_args(2)
    args.width = 8
    tr.train(args, images())
    assert tr.load_run("tiny")[1]["width"] == 8


def test_training_resumes_where_it_stopped(runs, capsys):
    tr.train(tiny_args(10), images())
    tr.train(tiny_args(25), images())
    out = capsys.readouterr().out
    assert "resumed tiny at step 10" in out and "stopped at step 25" in out
    _, info = tr.load_run("tiny")
    assert info["steps"] == 25


def test_resuming_with_another_config_is_refused(runs):
    tr.train(tiny_args(5), images())
    with pytest.raises(AssertionError, match="was trained with"):
        tr.train(tiny_args(10, correlation_weight=0.0), images())


def test_frechet_distance_matches_the_closed_form_for_gaussians():
    rng = np.random.default_rng(0)
    a = rng.normal(0.0, 1.0, size=(200_000, 2))
    b = rng.normal(1.0, 2.0, size=(200_000, 2))
    # per dimension (mu1 - mu2)^2 + (s1 - s2)^2 = 1 + 1
    assert ev.frechet(a, b) == pytest.approx(4.0, rel=0.02)
    assert ev.frechet(a, a) == pytest.approx(0.0, abs=1e-6)


def test_directions_are_orthonormal_principal_components(runs):
    model = tr.train(tiny_args(3), images())
    ev.fill_directions(model, images(200))
    d = model.directions
    torch.testing.assert_close(d @ d.T, torch.eye(len(d)), atol=1e-4, rtol=1e-4)
    assert (model.direction_std[:-1] >= model.direction_std[1:]).all()


def test_samples_at_noise_scale_one_reproduce_the_main_sample_numbers(runs, monkeypatch):
    from training.judge import load_judge, predict

    monkeypatch.setattr(ev, "NOISE_SCALES", (1.0, 0.5))
    model = tr.train(tiny_args(3), images())
    judge = load_judge(Path("assets/weights/mnist-judge"))
    x = images(50)
    _, features = predict(judge, x)
    m = ev.measure(model, judge, x, np.zeros(50, dtype=int), features.numpy().astype(np.float64), 300)
    same, shrunk = m["samples_by_noise_scale"]["1.0"], m["samples_by_noise_scale"]["0.5"]
    assert same["confident_share"] == m["sample_confident_share"]
    assert same["class_share_min"] == m["sample_class_share_min"]
    assert 0.0 <= shrunk["confident_share"] <= 1.0 and shrunk["class_share_min"] <= 0.1 <= shrunk["class_share_max"]


def test_recalibrated_batchnorm_holds_the_generators_own_activation_statistics(runs):
    model = tr.train(tiny_args(5), images())
    generator = model.generator
    generator.bn0.bn.running_mean.fill_(3.0)  # stale statistics, as if copied from another set of weights
    tr.recalibrate_batchnorm(generator, model.n_z, batches=20, batch=200)
    pre_bn = generator.fc(torch.randn(4000, model.n_z)).view(4000, -1, 7, 7)  # what bn0 normalises
    torch.testing.assert_close(generator.bn0.bn.running_mean, pre_bn.mean(dim=(0, 2, 3)), atol=0.05, rtol=0.05)
    assert not generator.training and generator.bn0.bn.momentum == 0.1


def test_confidence_separates_sure_samples_from_those_between_two_classes():
    probs = torch.tensor(
        [
            [0.95, 0.05] + [0.0] * 8,  # confident
            [0.5, 0.45] + [0.05 / 8] * 8,  # unsure, between classes 0 and 1
            [0.3, 0.3, 0.4] + [0.0] * 7,  # unsure, spread over three classes
            [0.6, 0.1, 0.1, 0.1, 0.1] + [0.0] * 5,  # unsure, no second class
        ]
    )
    stats = ev.confidence(probs)
    assert stats["sample_confident_share"] == 0.25
    assert stats["unconfident_between_two_classes"] == pytest.approx(1 / 3)
    assert ev.confidence(probs[:1])["unconfident_between_two_classes"] == 0.0


def test_code_mixture_size_is_chosen_by_validation_likelihood_and_stored(runs):
    model = tr.train(tiny_args(3), images())
    fitted, table, thresholds = ev.fit_code_mixture(model, images(200), images(60), sizes=(1, 3))
    best = max(table, key=lambda row: row["validation_log_likelihood"])
    assert [row["components"] for row in table] == [1, 3]
    assert fitted.n_mixture == best["components"]
    assert fitted.mixture_weights.sum().item() == pytest.approx(1.0, abs=1e-5)
    torch.testing.assert_close(fitted.generator.fc.weight, model.generator.fc.weight)  # the same networks
    codes = fitted.sample_codes(5, torch.Generator().manual_seed(0), source="mixture")
    assert codes.shape == (5, model.n_z) and torch.isfinite(codes).all()
    assert list(thresholds) == [str(q) for q in ev.TYPICAL_QUANTILES]
    assert fitted.mixture_threshold.item() == pytest.approx(thresholds[str(ev.TYPICAL_QUANTILE)])


def test_typical_samples_all_reach_the_threshold_and_are_reproducible(runs):
    model = tr.train(tiny_args(3), images())
    fitted, _, _ = ev.fit_code_mixture(model, images(200), images(60), sizes=(2,))
    z, x = fitted.sample_typical(20, torch.Generator().manual_seed(0), batch=50)
    again, _ = fitted.sample_typical(20, torch.Generator().manual_seed(0), batch=50)
    smaller_batches, _ = fitted.sample_typical(20, torch.Generator().manual_seed(0), batch=10)
    assert z.shape == (20, model.n_z) and x.shape == (20, 1, 28, 28) and torch.equal(z, again)
    torch.testing.assert_close(smaller_batches, z)  # the first 20 accepted in draw order
    assert (fitted.code_log_density(x) >= fitted.mixture_threshold).all()
    torch.testing.assert_close(fitted.generator(z), x)


def test_typicality_filter_refuses_when_nothing_passes(runs):
    model = tr.train(tiny_args(3), images())
    fitted, _, _ = ev.fit_code_mixture(model, images(200), images(60), sizes=(2,))
    fitted.mixture_threshold.fill_(float("inf"))
    with pytest.raises(ValueError, match="passed the typicality filter"):
        fitted.sample_typical(5, torch.Generator().manual_seed(0), batch=50, max_draws=200)


def test_measure_reports_the_typicality_filter_at_each_quantile(runs):
    from training.judge import load_judge, predict

    model = tr.train(tiny_args(3), images())
    fitted, _, _ = ev.fit_code_mixture(model, images(200), images(60), sizes=(2,))
    fitted.mixture_threshold.fill_(-1e9)  # a tiny untrained model: let every sample pass
    judge = load_judge(Path("assets/weights/mnist-judge"))
    x = images(50)
    _, features = predict(judge, x)
    m = ev.measure(fitted, judge, x, np.zeros(50, dtype=int), features.numpy().astype(np.float64), 200,
                         thresholds={"all": -1e9})  # fmt: skip
    assert m["samples_typical"]["acceptance"] == 1.0
    assert m["samples_typical_by_quantile"]["all"]["acceptance"] == 1.0
    assert m["samples_typical"]["sample_confident_share"] == m["sample_confident_share"]


def test_checkpoints_from_before_the_code_mixture_still_load(runs):
    tr.train(tiny_args(3), images())
    path = runs / "tiny" / "checkpoint.pt"
    state = torch.load(path, weights_only=True)
    state["model"] = {k: v for k, v in state["model"].items() if not k.startswith("mixture_")}
    torch.save(state, path)
    model, info = tr.load_run("tiny")
    assert model.n_mixture == 0 and info["steps"] == 3


def test_a_published_snapshot_is_measured_where_its_run_is_absent(runs, tmp_path):
    from training.publish import write_snapshot

    tr.train(tiny_args(3), images())
    exported, info = tr.load_run("tiny")
    snapshot = tmp_path / "snapshot"
    write_snapshot(exported, snapshot, {**info, "mean_rho_fresh_z": 0.0}, cards.ablation_card({**info, **ROW}))
    from_run, run_info, published = ev.load_model("tiny", snapshot)
    assert published is None and run_info == info  # the run wins while it is here
    (runs / "tiny" / "checkpoint.pt").unlink()
    from_snapshot, snap_info, published = ev.load_model("tiny", snapshot)
    assert snap_info == info and published["steps"] == 3
    for a, b in zip(from_run.state_dict().values(), from_snapshot.state_dict().values(), strict=True):
        torch.testing.assert_close(a, b)


ROW = {"sample_confident_share": 0.9, "fid_judge_features": 6.5, "reconstruction_class_consistency": 0.1,
       "mean_rho_fresh_z": -0.01}  # fmt: skip


def test_the_ablation_card_names_its_measured_numbers_and_the_model_it_serves():
    info = {"steps": 120000, "minutes": 129.6, "bf16": True, "beta1": 0.5, **ROW}
    summary = cards.ablation_card(info).summary
    assert "`ogan-mnist`" in summary and "120000 steps" in summary and "FID 6.5" in summary
    assert "β1 = 0.5" in summary and "bfloat16" in summary


def test_rows_carried_from_earlier_runs_survive_a_new_evaluation():
    earlier = {"carried_over": ["ogan-gan_qp"], "ogan-gan_qp": {"steps": 1}, "stale": 1}
    assert ev.carried(earlier) == {"carried_over": ["ogan-gan_qp"], "ogan-gan_qp": {"steps": 1}}
    assert ev.carried({"stale": 1}) == {}


def test_a_quick_evaluation_cannot_be_published():
    args = parse(["evaluate", "--name", "tiny", "--quick", "--publish"])
    with pytest.raises(SystemExit, match="publish a full evaluation"):
        ev.evaluate(args)


def test_the_published_judge_is_used_where_none_was_trained_here(tmp_path, monkeypatch):
    from training import judge

    monkeypatch.setattr(judge, "DEFAULT_OUT", tmp_path / "mnist-judge")
    assert judge.judge_dir() == judge.SNAPSHOT
    assert judge.load_judge() is not None
    (tmp_path / "mnist-judge").mkdir()
    (tmp_path / "mnist-judge" / "model.safetensors").write_bytes(b"")
    assert judge.judge_dir() == tmp_path / "mnist-judge"


def test_the_training_defaults_are_the_shipped_recipe():
    args = tr.resolve(parse(["train"]))
    shipped = json.loads(Path("assets/weights/ogan-mnist/metrics.json").read_text())
    assert args.name == "ogan" and args.max_steps == shipped["steps"] and args.minutes is None
    assert (args.loss, args.correlation_weight, args.n_z) == tuple(
        shipped["config"][k] for k in ("loss", "correlation_weight", "n_z")
    )
    assert not args.float32 and shipped["bf16"] and shipped["beta1"] == tr.BETA1


def test_the_ablation_flag_drops_the_correlation_term_and_names_the_run():
    args = tr.resolve(parse(["train", "--ablation"]))
    assert args.name == "ablation" and args.correlation_weight == 0.0


def test_the_card_states_the_one_command_and_the_measured_runs():
    metrics = json.loads(Path("assets/weights/ogan-mnist/metrics.json").read_text())
    info = cards.card(metrics)
    assert "python -m training.ogan train & python -m training.ogan train --ablation" in info.command
    assert "--" not in info.command.split("train --ablation")[0].replace("python -m", "")  # defaults, no flags
    assert "| **shipped** | hinge | 120000 |" in info.summary and "| ogan-gan_qp | gan_qp |" in info.summary


def test_the_card_command_rerenders_the_shipped_card(tmp_path, monkeypatch):
    snapshot = tmp_path / "ogan-mnist"
    snapshot.mkdir()
    (snapshot / "metrics.json").write_text(Path("assets/weights/ogan-mnist/metrics.json").read_text())
    monkeypatch.setattr(ev, "SNAPSHOT", snapshot)
    cli.main(["card"])
    assert (snapshot / "README.md").read_text() == Path("assets/weights/ogan-mnist/README.md").read_text()

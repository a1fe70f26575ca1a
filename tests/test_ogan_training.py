"""training/ogan.py smoke tests on tiny synthetic images (no MNIST, a few steps): finite losses, checkpoints that
resume, and the evaluation helpers against closed forms."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from training import ogan as training


@pytest.fixture
def runs(tmp_path, monkeypatch):
    monkeypatch.setattr(training, "RUNS", tmp_path)
    return tmp_path


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
    return training.parser().parse_args(argv)


def images(n: int = 64) -> torch.Tensor:
    g = torch.Generator().manual_seed(0)
    return torch.rand(n, 1, 28, 28, generator=g) * 2 - 1


def test_a_few_steps_give_finite_losses_and_a_checkpoint(runs, capsys):
    model = training.train(tiny_args(20), images())
    assert (runs / "tiny" / "checkpoint.pt").is_file()
    assert all(torch.isfinite(p).all() for p in model.parameters())
    assert "stopped at step 20" in capsys.readouterr().out


def test_fast_kernels_train_resume_and_export_contiguous_weights(runs, capsys):
    args = tiny_args(10)
    args.fast = args.bf16 = True
    training.train(args, images())
    args.max_steps = 14
    model = training.train(args, images())
    out = capsys.readouterr().out
    assert "resumed tiny at step 10" in out and "stopped at step 14" in out
    assert all(t.is_contiguous() for t in model.state_dict().values())  # what safetensors can store
    assert torch.load(runs / "tiny" / "checkpoint.pt", weights_only=True)["opt"]["param_groups"][0]["fused"]


def test_a_run_resumes_only_with_the_kernels_it_started_with(runs):
    training.train(tiny_args(4), images())
    args = tiny_args(8)
    args.fast = True
    with pytest.raises(AssertionError, match="fast"):
        training.train(args, images())


def test_the_sweep_options_top_k_ema_decay_and_beta1_train_under_bfloat16(runs, capsys):
    args = tiny_args(12, top_k=0.5, ema_decay=0.9999, beta1=0.0)
    args.bf16 = True
    model = training.train(args, images())
    assert all(torch.isfinite(p).all() for p in model.parameters())
    assert "stopped at step 12" in capsys.readouterr().out


def test_a_runs_info_records_the_adam_settings_and_kernels_it_trained_with(runs):
    training.train(tiny_args(3, beta1=0.0, lr=4e-4), images())
    info = training.load_run("tiny")[1]
    assert info["beta1"] == 0.0 and info["lr"] == 4e-4 and info["fast"] is False
    assert "(Adam, learning rate 0.0004, β1 = 0)" in training._adam(info)


def test_a_cooldown_ends_at_a_zero_learning_rate_and_is_recorded(runs):
    training.train(tiny_args(8, cooldown=0.5, lr=4e-4), images())
    state = torch.load(runs / "tiny" / "checkpoint.pt", weights_only=True)
    rates = [g["lr"] for g in state["opt"]["param_groups"]]
    assert rates == [pytest.approx(1e-4)] * 2  # set before step 8: 4e-4 × (1 - 7/8) / 0.5
    info = training.load_run("tiny")[1]
    assert info["cooldown"] == 0.5 and info["lr"] == 4e-4


def test_a_runs_info_records_its_width(runs):
    args = tiny_args(2)
    args.width = 8
    training.train(args, images())
    assert training.load_run("tiny")[1]["width"] == 8


def test_training_resumes_where_it_stopped(runs, capsys):
    training.train(tiny_args(10), images())
    training.train(tiny_args(25), images())
    out = capsys.readouterr().out
    assert "resumed tiny at step 10" in out and "stopped at step 25" in out
    _, info = training.load_run("tiny")
    assert info["steps"] == 25


def test_resuming_with_another_config_is_refused(runs):
    training.train(tiny_args(5), images())
    with pytest.raises(AssertionError, match="was trained with"):
        training.train(tiny_args(10, correlation_weight=0.0), images())


@pytest.mark.parametrize(("device", "top_k", "decay"), [("cpu", 1.0, False), ("cuda", 0.5, False), ("cuda", 1.0, True)])
def test_cuda_graph_steps_are_refused_on_the_cpu_and_for_steps_that_change(runs, device, top_k, decay):
    args = tiny_args(5, device=device, top_k=top_k)
    args.graph, args.decay = True, decay
    with pytest.raises(SystemExit, match="--graph needs"):
        training.train(args, images())
    assert not (runs / "tiny").exists()


def test_frechet_distance_matches_the_closed_form_for_gaussians():
    rng = np.random.default_rng(0)
    a = rng.normal(0.0, 1.0, size=(200_000, 2))
    b = rng.normal(1.0, 2.0, size=(200_000, 2))
    # per dimension (mu1 - mu2)^2 + (s1 - s2)^2 = 1 + 1
    assert training.frechet(a, b) == pytest.approx(4.0, rel=0.02)
    assert training.frechet(a, a) == pytest.approx(0.0, abs=1e-6)


def test_directions_are_orthonormal_principal_components(runs):
    model = training.train(tiny_args(3), images())
    training.fill_directions(model, images(200))
    d = model.directions
    torch.testing.assert_close(d @ d.T, torch.eye(len(d)), atol=1e-4, rtol=1e-4)
    assert (model.direction_std[:-1] >= model.direction_std[1:]).all()


def test_samples_at_noise_scale_one_reproduce_the_main_sample_numbers(runs, monkeypatch):
    from training.judge import load_judge, predict

    monkeypatch.setattr(training, "NOISE_SCALES", (1.0, 0.5))
    model = training.train(tiny_args(3), images())
    judge = load_judge(Path("assets/weights/mnist-judge"))
    x = images(50)
    _, features = predict(judge, x)
    m = training.measure(model, judge, x, np.zeros(50, dtype=int), features.numpy().astype(np.float64), 300)
    same, shrunk = m["samples_by_noise_scale"]["1.0"], m["samples_by_noise_scale"]["0.5"]
    assert same["confident_share"] == m["sample_confident_share"]
    assert same["class_share_min"] == m["sample_class_share_min"]
    assert 0.0 <= shrunk["confident_share"] <= 1.0 and shrunk["class_share_min"] <= 0.1 <= shrunk["class_share_max"]


def test_recalibrated_batchnorm_holds_the_generators_own_activation_statistics(runs):
    model = training.train(tiny_args(5), images())
    generator = model.generator
    generator.bn0.bn.running_mean.fill_(3.0)  # stale statistics, as if copied from another set of weights
    training.recalibrate_batchnorm(generator, model.n_z, batches=20, batch=200)
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
    stats = training.confidence(probs)
    assert stats["sample_confident_share"] == 0.25
    assert stats["unconfident_between_two_classes"] == pytest.approx(1 / 3)
    assert training.confidence(probs[:1])["unconfident_between_two_classes"] == 0.0


def test_code_mixture_size_is_chosen_by_validation_likelihood_and_stored(runs):
    model = training.train(tiny_args(3), images())
    fitted, table, thresholds = training.fit_code_mixture(model, images(200), images(60), sizes=(1, 3))
    best = max(table, key=lambda row: row["validation_log_likelihood"])
    assert [row["components"] for row in table] == [1, 3]
    assert fitted.n_mixture == best["components"]
    assert fitted.mixture_weights.sum().item() == pytest.approx(1.0, abs=1e-5)
    torch.testing.assert_close(fitted.generator.fc.weight, model.generator.fc.weight)  # the same networks
    codes = fitted.sample_codes(5, torch.Generator().manual_seed(0), source="mixture")
    assert codes.shape == (5, model.n_z) and torch.isfinite(codes).all()
    assert list(thresholds) == [str(q) for q in training.TYPICAL_QUANTILES]
    assert fitted.mixture_threshold.item() == pytest.approx(thresholds[str(training.TYPICAL_QUANTILE)])


def test_typical_samples_all_reach_the_threshold_and_are_reproducible(runs):
    model = training.train(tiny_args(3), images())
    fitted, _, _ = training.fit_code_mixture(model, images(200), images(60), sizes=(2,))
    z, x = fitted.sample_typical(20, torch.Generator().manual_seed(0), batch=50)
    again, _ = fitted.sample_typical(20, torch.Generator().manual_seed(0), batch=50)
    smaller_batches, _ = fitted.sample_typical(20, torch.Generator().manual_seed(0), batch=10)
    assert z.shape == (20, model.n_z) and x.shape == (20, 1, 28, 28) and torch.equal(z, again)
    torch.testing.assert_close(smaller_batches, z)  # the first 20 accepted in draw order
    assert (fitted.code_log_density(x) >= fitted.mixture_threshold).all()
    torch.testing.assert_close(fitted.generator(z), x)


def test_typicality_filter_refuses_when_nothing_passes(runs):
    model = training.train(tiny_args(3), images())
    fitted, _, _ = training.fit_code_mixture(model, images(200), images(60), sizes=(2,))
    fitted.mixture_threshold.fill_(float("inf"))
    with pytest.raises(ValueError, match="passed the typicality filter"):
        fitted.sample_typical(5, torch.Generator().manual_seed(0), batch=50, max_draws=200)


def test_measure_reports_the_typicality_filter_at_each_quantile(runs):
    from training.judge import load_judge, predict

    model = training.train(tiny_args(3), images())
    fitted, _, _ = training.fit_code_mixture(model, images(200), images(60), sizes=(2,))
    fitted.mixture_threshold.fill_(-1e9)  # a tiny untrained model: let every sample pass
    judge = load_judge(Path("assets/weights/mnist-judge"))
    x = images(50)
    _, features = predict(judge, x)
    m = training.measure(fitted, judge, x, np.zeros(50, dtype=int), features.numpy().astype(np.float64), 200,
                         thresholds={"all": -1e9})  # fmt: skip
    assert m["samples_typical"]["acceptance"] == 1.0
    assert m["samples_typical_by_quantile"]["all"]["acceptance"] == 1.0
    assert m["samples_typical"]["sample_confident_share"] == m["sample_confident_share"]


def test_checkpoints_from_before_the_code_mixture_still_load(runs):
    training.train(tiny_args(3), images())
    path = runs / "tiny" / "checkpoint.pt"
    state = torch.load(path, weights_only=True)
    state["model"] = {k: v for k, v in state["model"].items() if not k.startswith("mixture_")}
    torch.save(state, path)
    model, info = training.load_run("tiny")
    assert model.n_mixture == 0 and info["steps"] == 3


def test_the_encoder_can_have_its_own_learning_rate(runs):
    training.train(tiny_args(3, lr=1e-4, lr_encoder=5e-4), images())
    groups = torch.load(runs / "tiny" / "checkpoint.pt", weights_only=True)["opt"]["param_groups"]
    assert [g["lr"] for g in groups] == [1e-4, 5e-4]  # generator, encoder


def test_a_quick_evaluation_cannot_be_published():
    args = training.parser().parse_args(["evaluate", "--name", "tiny", "--quick", "--publish"])
    with pytest.raises(SystemExit, match="publish a full evaluation"):
        training.evaluate(args)


def write_sweep(folder: Path, runs: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "variants.tsv").write_text("".join(f"{name}\t{flags}\n" for name, flags in runs.items()))


def test_a_sweep_folder_becomes_rows_with_each_variants_flags(tmp_path):
    write_sweep(tmp_path, {"s-a": "", "s-b": "--loss hinge"})
    numbers = {k: 0.5 for k in training.SWEEP_KEYS}
    for i, name in enumerate(["s-a", "s-b"]):
        body = json.dumps({"steps": 100 + i, **numbers})
        (tmp_path / f"{name}.json").write_text("Loading weights from local directory\n" + body)
    rows = training.read_sweep(tmp_path)
    assert [(r["run"], r["flags"], r["steps"]) for r in rows] == [("s-a", "", 100), ("s-b", "--loss hinge", 101)]
    assert rows[1]["sample_confident_share"] == 0.5


def test_a_sweep_run_whose_evaluation_failed_is_named(tmp_path):
    write_sweep(tmp_path, {"s-a": ""})
    (tmp_path / "s-a.json").write_text("Loading weights from local directory\n")
    with pytest.raises(ValueError, match=r"s-a\.json holds no evaluation"):
        training.read_sweep(tmp_path)


def test_the_card_says_where_the_steps_ran():
    m = {"config": {"loss": "hinge"}, "steps": 300}
    assert training._provenance(m) == " on the 2-core CPU"
    m["recipe_sweep"] = [{"flags": "", "steps": 200}, {"flags": "--loss hinge", "steps": 123}]
    assert training._provenance(m) == " on the 2-core CPU", "a sweep recorded beside a CPU run did not start it"
    m["resumed_from_sweep"] = True
    assert "the first 123 on a lent H100" in training._provenance(m)
    m["recipe_sweep"].append({"flags": "--loss hinge", "steps": 999})  # a later sweep's control run
    assert "the first 123 on a lent H100" in training._provenance(m)


def earlier_metrics(path: Path) -> Path:
    row = {"steps": 100, "sample_confident_share": 0.8, "fid_judge_features": 9.0}
    old = {
        "config": {"loss": "hinge", "correlation_weight": 0.5},
        **row,
        "judge_test_accuracy": 0.99,
        "ablation": {**row, "fid_judge_features": 11.0},
        "ogan-gan_qp": {**row, "loss": "gan_qp", "correlation_weight": 0.5},
        "samples_typical": {"sample_confident_share": 0.9},
        "recipe_sweep": [{"run": "s-a", "flags": ""}],
    }
    path.write_text(json.dumps(old))
    return path


def test_an_earlier_evaluations_pair_and_comparison_runs_are_carried_over_and_named(tmp_path):
    out = training.carried_over(earlier_metrics(tmp_path / "m.json"), "old", "old-ablation")
    assert out["carried_over"] == ["ogan-gan_qp", "old", "old-ablation", "recipe_sweep"]
    assert out["old"] == {
        "loss": "hinge",
        "correlation_weight": 0.5,
        "steps": 100,
        "sample_confident_share": 0.8,
        "fid_judge_features": 9.0,
    }
    assert out["old-ablation"]["correlation_weight"] == 0.0 and out["old-ablation"]["fid_judge_features"] == 11.0
    assert "samples_typical" not in out and out["ogan-gan_qp"]["loss"] == "gan_qp"
    assert "`old-ablation`" in training._carried(out)


def test_sweeps_measured_now_replace_the_carried_ones(tmp_path):
    out = training.carried_over(earlier_metrics(tmp_path / "m.json"), "old", "old-ablation", sweeps=False)
    assert "recipe_sweep" not in out and "recipe_sweep" not in out["carried_over"]


def test_the_published_judge_is_used_where_none_was_trained_here(tmp_path, monkeypatch):
    from training import judge

    monkeypatch.setattr(judge, "DEFAULT_OUT", tmp_path / "mnist-judge")
    assert judge.judge_dir() == judge.SNAPSHOT
    assert judge.load_judge() is not None
    (tmp_path / "mnist-judge").mkdir()
    (tmp_path / "mnist-judge" / "model.safetensors").write_bytes(b"")
    assert judge.judge_dir() == tmp_path / "mnist-judge"

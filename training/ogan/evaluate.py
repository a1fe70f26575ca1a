"""Measuring an O-GAN run against the independent judge, and publishing the snapshot.

Every number is in the judge's terms (training/judge.py): its confidence on 10k prior samples, their class shares, FID
in its feature space against the 10k test digits, the reconstructions' class-consistency. The evaluation also fits
what ships inside the model: the latent directions (principal components of the codes) and the code mixture with
its typicality threshold.

Both models of the tab's table ship as snapshots (`ogan-mnist` and `ogan-mnist-ablation`): where runs/<name> is
absent, that model's snapshot is measured instead (the O-GAN's fitted mixture and directions as shipped), so a fresh
clone recomputes every number the tab shows.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch

from models import code_mixture, hub
from models.digits import to_mnist
from models.ogan import OGAN, pearson
from training.data import load_mnist
from training.judge import judge_dir, load_judge, predict, to_tensor
from training.ogan.card import ablation_card, card
from training.ogan.train import checkpoint_path, load_run
from training.publish import model_card, write_snapshot

SNAPSHOT = Path("assets/weights/ogan-mnist")
ABLATION = Path("assets/weights/ogan-mnist-ablation")
RUN_INFO = ("steps", "minutes", "threads", "bf16", "beta1", "lr", "width")  # what a run's checkpoint records (load_run)
EXAMPLES = Path("assets/examples/ogan")
NOISE_SCALES = (0.8, 0.6)  # besides z ~ N(0, I), samples are also measured at z ~ N(0, s^2 I)
MIXTURE_SIZES = (10, 20, 40, 80)  # components tried for the code mixture; validation log-likelihood chooses
TYPICAL_QUANTILE = 0.05
TYPICAL_QUANTILES = (0.01, 0.05, 0.1, 0.2)  # the trade-off, measured


def add_arguments(e: argparse.ArgumentParser) -> None:
    e.add_argument("--name", default="ogan")
    e.add_argument("--ablation", default="ablation", help="the run without the ρ term ('' to skip)")
    e.add_argument("--compare", nargs="*", default=[], help="more runs to measure into metrics.json (e.g. GAN-QP's)")
    e.add_argument("--samples", type=int, default=10_000)
    e.add_argument("--threads", type=int, default=2)
    e.add_argument("--quick", action="store_true", help="the sample and reconstruction numbers only (no code mixture)")
    e.add_argument("--publish", action="store_true", help="write the snapshot, its card and the example grids")


def frechet(a: np.ndarray, b: np.ndarray) -> float:
    """Frechet distance between Gaussians fitted to feature sets a and b (N, F)."""
    mu1, mu2 = a.mean(0), b.mean(0)
    c1, c2 = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    eig = np.linalg.eigvals(c1 @ c2)
    trace_sqrt = np.sqrt(np.clip(eig.real, 0, None)).sum()
    return float(((mu1 - mu2) ** 2).sum() + np.trace(c1) + np.trace(c2) - 2 * trace_sqrt)


@torch.no_grad()
def _batched(fn, x: torch.Tensor, batch: int = 500) -> torch.Tensor:
    return torch.cat([fn(x[i : i + batch]) for i in range(0, len(x), batch)])


def _class_shares(probs: torch.Tensor) -> np.ndarray:
    """The share of samples the judge puts in each digit class, (10,)."""
    return np.bincount(probs.argmax(1).numpy(), minlength=10) / len(probs)


def confidence(probs: torch.Tensor) -> dict:
    """The judge's confidence over samples (N, 10): the share it classifies with probability >= 0.9, and, of the
    others, the share whose two likeliest classes together hold >= 0.9 (digits between two classes: the generator maps
    one connected Gaussian onto ten separate classes, so some codes land between them)."""
    confident = probs.max(1).values >= 0.9
    between = probs.topk(2, dim=1).values.sum(1)[~confident] >= 0.9
    return {
        "sample_confident_share": float(confident.float().mean()),
        "unconfident_between_two_classes": float(between.float().mean()) if len(between) else 0.0,
    }


@torch.no_grad()
def measure(
    model: OGAN,
    judge,
    x_test: torch.Tensor,
    y_test: np.ndarray,
    test_features: np.ndarray,
    n_samples: int,
    seed: int = 1234,
    thresholds: dict[str, float] | None = None,
) -> dict:
    """Every number of the evaluation for one model; `thresholds` (quantile -> log-density) measure the typicality
    filter at other quantiles than the model's own."""
    model.eval()
    recon = _batched(model.reconstruct, x_test)
    recon_probs, recon_features = predict(judge, recon)
    g = torch.Generator().manual_seed(seed)
    z = torch.randn(n_samples, model.n_z, generator=g)
    samples = _batched(model.generator, z)
    probs, feats = predict(judge, samples)
    share = _class_shares(probs)
    rho = pearson(z, _batched(model.encoder, samples)).mean().item()
    by_scale = {}  # the same codes shrunk (the truncation trick)
    for scale in NOISE_SCALES:
        p, _ = predict(judge, _batched(model.generator, scale * z))
        s = _class_shares(p)
        by_scale[str(scale)] = {
            "confident_share": confidence(p)["sample_confident_share"],
            "class_share_min": float(s.min()),
            "class_share_max": float(s.max()),
        }
    mixture = {}
    if model.n_mixture:  # the same number of codes from the mixture fitted to the codes of real digits
        codes = model.sample_codes(n_samples, torch.Generator().manual_seed(seed), source="mixture")
        p, f = predict(judge, _batched(model.generator, codes))
        mixture = {"samples_from_code_mixture": {"components": model.n_mixture, **_sample_stats(p, f, test_features)}}
        mixture |= _typical(model, judge, samples, probs, feats, test_features, n_samples, seed, thresholds or {})
    return {
        "reconstruction_class_consistency": float((recon_probs.argmax(1).numpy() == y_test).mean()),
        "reconstruction_fid_judge_features": frechet(recon_features.numpy().astype(np.float64), test_features),
        "reconstruction_pixel_mse": float((((recon + 1) / 2 - (x_test + 1) / 2) ** 2).mean()),
        **confidence(probs),
        "sample_class_share_min": float(share.min()),
        "sample_class_share_max": float(share.max()),
        "sample_class_shares": [round(float(s), 4) for s in share],
        "fid_judge_features": frechet(feats.numpy().astype(np.float64), test_features),
        "mean_rho_fresh_z": rho,
        "samples_by_noise_scale": by_scale,
        **mixture,
    }


def _sample_stats(probs: torch.Tensor, features: torch.Tensor, test_features: np.ndarray) -> dict:
    s = _class_shares(probs)
    return {
        **confidence(probs),
        "class_share_min": float(s.min()),
        "class_share_max": float(s.max()),
        "fid_judge_features": frechet(features.numpy().astype(np.float64), test_features),
    }


@torch.no_grad()
def _typical(model, judge, samples, probs, feats, test_features, n_samples, seed, thresholds) -> dict:
    """The typicality filter: prior samples kept when their code's log-density under the fitted mixture reaches the
    model's threshold (rejection sampling, n_samples kept), and the kept share of the plain samples at each threshold."""
    log_density = _batched(model.code_log_density, samples)
    by_quantile = {}
    for q, t in thresholds.items():
        keep = log_density >= t
        by_quantile[q] = {
            "acceptance": float(keep.float().mean()),
            **_sample_stats(probs[keep], feats[keep], test_features),
        }
    _, kept = model.sample_typical(n_samples, torch.Generator().manual_seed(seed))
    p, f = predict(judge, kept)
    acceptance = float((log_density >= model.mixture_threshold).float().mean())
    return {
        "samples_typical": {
            "quantile": TYPICAL_QUANTILE,
            "acceptance": acceptance,
            **_sample_stats(p, f, test_features),
        },
        "samples_typical_by_quantile": by_quantile,
    }


@torch.no_grad()
def fill_directions(model: OGAN, x_train: torch.Tensor) -> None:
    """Principal components of the codes 0.9 N(E(x)) over the training set, stored in the model's buffers."""
    codes = _batched(model.encode, x_train).double()
    codes = codes - codes.mean(0)
    _, s, vt = torch.linalg.svd(codes, full_matrices=False)
    k = model.directions.shape[0]
    model.directions.copy_(vt[:k].float())
    model.direction_std.copy_((s[:k] / np.sqrt(len(codes) - 1)).float())


@torch.no_grad()
def fit_code_mixture(
    model: OGAN, x_train: torch.Tensor, x_valid: torch.Tensor, sizes=MIXTURE_SIZES
) -> tuple[OGAN, list[dict], dict[str, float]]:
    """Fit Gaussian mixtures of each size to the training codes 0.9 N(E(x)); keep the one whose mean log-likelihood
    of the validation digits' codes is highest. Returns the model rebuilt with that mixture in its buffers (and the
    TYPICAL_QUANTILE of the validation codes' log-densities as its threshold), the table of sizes and validation
    log-likelihoods, and the thresholds at TYPICAL_QUANTILES."""
    train_codes, valid_codes = _batched(model.encode, x_train), _batched(model.encode, x_valid)
    table, best = [], None
    for k in sizes:
        fitted = code_mixture.fit(train_codes, k)
        ll = float(code_mixture.log_prob(valid_codes.double(), *(t.double() for t in fitted)).mean())
        table.append({"components": k, "validation_log_likelihood": round(ll, 3)})
        print(f"code mixture, {k} components: validation log-likelihood {ll:.3f}", flush=True)
        if best is None or ll > best[0]:
            best = (ll, fitted)
    weights, means, scale_tril = best[1]
    # the hub mixin keeps the constructor's arguments; the same model with room for the chosen mixture
    out = OGAN(**{**model._hub_mixin_config, "n_mixture": len(weights)})
    kept = {k: v for k, v in model.state_dict().items() if not k.startswith("mixture_")}
    out.load_state_dict(kept, strict=False)
    out.mixture_weights.copy_(weights)
    out.mixture_means.copy_(means)
    out.mixture_scale_tril.copy_(scale_tril)
    valid_log_density = code_mixture.log_prob(valid_codes.double(), *(t.double() for t in best[1]))
    thresholds = {str(q): float(torch.quantile(valid_log_density, q)) for q in TYPICAL_QUANTILES}
    out.mixture_threshold.fill_(thresholds[str(TYPICAL_QUANTILE)])
    return out.eval(), table, thresholds


@torch.no_grad()
def drawing_consistency(model: OGAN, judge, x_img: np.ndarray, y_test: np.ndarray) -> dict:
    """The test digits passed through the preprocessing the app applies to drawings (crop, fit a 20x20 box,
    re-centre; models/digits.py), the stand-in for drawings: how far it moves the pixels, and the reconstructions'
    class-consistency on what it gives."""
    raw = x_img.astype(np.float32) / 255
    pre = np.stack([to_mnist(img) for img in x_img])  # (N, 28, 28) in [0, 1]
    recon = _batched(model.reconstruct, torch.from_numpy(pre).mul(2).sub(1).unsqueeze(1))
    probs, _ = predict(judge, recon)
    return {
        "drawing_preprocessing_mean_abs_pixel_change": float(np.abs(pre - raw).mean()),
        "reconstruction_class_consistency_preprocessed": float((probs.argmax(1).numpy() == y_test).mean()),
    }


def measure_drawings(threads: int = 2) -> dict:
    """Add drawing_consistency of the shipped snapshot to its metrics.json and re-render its card."""
    torch.set_num_threads(threads)
    x_img, y_test = load_mnist("test")
    found = drawing_consistency(hub.load(OGAN, "ogan-mnist"), load_judge(), x_img, y_test)
    metrics = {**json.loads((SNAPSHOT / "metrics.json").read_text()), **found}
    (SNAPSHOT / "metrics.json").write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n")
    model_card(card(metrics), metrics).save(SNAPSHOT / "README.md")
    return found


def load_model(name: str, snapshot: Path) -> tuple[OGAN, dict, dict | None]:
    """Run `name` from its checkpoint, or, where runs/<name> is absent, the published `snapshot` with its run info and
    its metrics.json (the third item; None for a run)."""
    if checkpoint_path(name).is_file() or not (snapshot / "model.safetensors").is_file():
        return (*load_run(name), None)
    published = json.loads((snapshot / "metrics.json").read_text())
    model = OGAN.from_pretrained(str(snapshot), strict=True).eval()
    return model, {k: published[k] for k in RUN_INFO if k in published}, published


def carried(earlier: dict) -> dict:
    """The rows an earlier metrics.json carried from runs this machine no longer has (listed in its `carried_over`)."""
    keys = earlier.get("carried_over", [])
    return {k: earlier[k] for k in keys if k in earlier} | ({"carried_over": keys} if keys else {})


def save_grid(images: torch.Tensor, path: Path, nrow: int = 8) -> None:
    from PIL import Image

    imgs = ((images.clamp(-1, 1) + 1) * 127.5).round().byte().squeeze(1).numpy()  # (N, 28, 28)
    rows = [np.concatenate(list(imgs[i : i + nrow]), axis=1) for i in range(0, len(imgs), nrow)]
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(np.concatenate(rows, axis=0)).resize((28 * nrow * 3, 28 * len(rows) * 3), Image.NEAREST).save(path)


def evaluate(args: argparse.Namespace) -> dict:
    if args.quick and args.publish:
        raise SystemExit("--quick measures a run without its code mixture; publish a full evaluation")
    torch.set_num_threads(args.threads)
    judge = load_judge()
    judge_metrics = json.loads((judge_dir() / "metrics.json").read_text())
    x_img, y_test = load_mnist("test")
    x_test = to_tensor(x_img)
    test_probs, test_features = predict(judge, x_test)
    test_features = test_features.numpy().astype(np.float64)
    model, info, shipped = load_model(args.name, SNAPSHOT)
    x_train = to_tensor(load_mnist("train")[0])
    mixture_table, thresholds = [], {}
    if shipped is not None:  # the snapshot already holds its fitted mixture and directions
        mixture_table, thresholds = shipped["code_mixture_sizes"], shipped["typicality_thresholds"]
    elif not args.quick:
        model, mixture_table, thresholds = fit_code_mixture(model, x_train, to_tensor(load_mnist("validation")[0]))
        fill_directions(model, x_train)
    metrics = {
        "judge_test_accuracy": judge_metrics["test_accuracy"],
        "judge_confident_share_real_test_digits": confidence(test_probs)["sample_confident_share"],
        **info,
        **measure(model, judge, x_test, y_test, test_features, args.samples, thresholds=thresholds),
        **drawing_consistency(model, judge, x_img, y_test),
        "config": {"n_z": model.n_z, "loss": model.loss, "correlation_weight": model.correlation_weight},
        "code_mixture_sizes": mixture_table,
        "typicality_thresholds": thresholds,
    }
    ablation = None
    if args.ablation:
        ablation, ab_info, _ = load_model(args.ablation, ABLATION)
        metrics["ablation"] = {**ab_info, **measure(ablation, judge, x_test, y_test, test_features, args.samples)}
        metrics["fid_ratio_to_ablation"] = metrics["fid_judge_features"] / metrics["ablation"]["fid_judge_features"]
    for name in args.compare:  # e.g. the O-GAN and ablation with the other base loss
        run, run_info = load_run(name)
        metrics[name] = {
            **run_info,
            "loss": run.loss,
            "correlation_weight": run.correlation_weight,
            **measure(run, judge, x_test, y_test, test_features, args.samples),
        }
    if args.publish:  # only publishing touches the app's files
        for run, path in ((model, "ogan_samples.png"), (ablation, "ablation_samples.png")):
            if run is not None:
                torch.manual_seed(7)
                save_grid(run.generator(torch.randn(32, run.n_z)), EXAMPLES / path)
        earlier = json.loads((SNAPSHOT / "metrics.json").read_text()) if (SNAPSHOT / "metrics.json").is_file() else {}
        metrics = {**carried(earlier), **metrics}
        write_snapshot(model, SNAPSHOT, metrics, card(metrics))
        if ablation is not None:
            ab_metrics = {**metrics["ablation"], "used_by": SNAPSHOT.name}
            write_snapshot(ablation, ABLATION, ab_metrics, ablation_card(ab_metrics))
    print(json.dumps(metrics, indent=2))
    return metrics

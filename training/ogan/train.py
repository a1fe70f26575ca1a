"""Training one O-GAN run (or the ablation, correlation_weight = 0), resumable, and exporting what the app loads."""

from __future__ import annotations

import argparse
import copy
import json
import time
from pathlib import Path

import torch

from models.ogan import LOSSES, OGAN
from training.checkpoint import save
from training.data import load_mnist
from training.judge import to_tensor

RUNS = Path("runs")  # checkpoints; tests point it elsewhere
EMA_DECAY = 0.999  # the generator's weight average, from step 500
BETA1 = 0.5  # Adam's first-moment decay (0.9 measured worse: docs/lab/ogan-training.md)


def checkpoint_path(name: str) -> Path:
    return RUNS / name / "checkpoint.pt"


def add_arguments(t: argparse.ArgumentParser) -> None:
    """The training flags; their defaults are the shipped recipe."""
    t.add_argument("--name", default=None, help="run name (default: ogan, or ablation with --ablation)")
    t.add_argument("--ablation", action="store_true", help="the same GAN without the ρ term (correlation weight 0)")
    t.add_argument("--max-steps", type=int, default=120_000)
    t.add_argument("--minutes", type=float, default=None, help="stop earlier after this many minutes")
    t.add_argument("--loss", choices=LOSSES, default="hinge", help="hinge (shipped) or the article's GAN-QP")
    t.add_argument("--correlation-weight", type=float, default=0.5, help="λ of the −λ·ρ(z, E(G(z))) term")
    t.add_argument("--n-z", type=int, default=64)
    t.add_argument("--width", type=int, default=32)
    t.add_argument("--batch", type=int, default=64)
    t.add_argument("--lr", type=float, default=2e-4)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--threads", type=int, default=1, help="1: the O-GAN and its ablation run side by side")
    t.add_argument("--float32", action="store_true", help="no bfloat16 autocast (slower on CPUs with AMX/AVX512-BF16)")
    t.add_argument("--device", default="cpu", help="cpu or cuda")


def resolve(args: argparse.Namespace) -> argparse.Namespace:
    """--ablation sets the correlation weight to 0 and the default name to 'ablation'."""
    if args.ablation:
        args.correlation_weight = 0.0
    if args.name is None:
        args.name = "ablation" if args.ablation else "ogan"
    return args


def _ema_update(ema: torch.nn.Module, live: torch.nn.Module, decay: float) -> None:
    with torch.no_grad():
        torch._foreach_lerp_(list(ema.parameters()), list(live.parameters()), 1 - decay)
        for e, b in zip(ema.buffers(), live.buffers(), strict=True):
            e.copy_(b)


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
    out = copy.deepcopy(model)
    out.generator.load_state_dict(ema_generator.state_dict())
    recalibrate_batchnorm(out.generator, out.n_z)
    return out.eval()


def train(args: argparse.Namespace, images: torch.Tensor | None = None) -> OGAN:
    """Train (or resume) run `args.name` on `images` (N, 1, 28, 28) in [-1, 1], by default the MNIST training split."""
    args = resolve(args)
    config = {
        "n_z": args.n_z,
        "g_width": args.width,
        "e_width": args.width,
        "correlation_weight": args.correlation_weight,
        "loss": args.loss,
    }
    torch.manual_seed(args.seed)
    model = OGAN(**config).to(args.device)
    return exported(*fit(model, config, args, images, load_weights=_load_weights))


def fit(
    model: torch.nn.Module,
    config: dict,
    args: argparse.Namespace,
    images: torch.Tensor | None = None,
    load_weights=None,
    every: int = 0,
    on_every=None,
) -> tuple[torch.nn.Module, torch.nn.Module]:
    """The training loop shared by the GAN tabs: `model.losses(real, z)` for both players, one Adam, an EMA of
    `model.generator`; resumes runs/<args.name>/checkpoint.pt and checkpoints every 2 minutes. Every `every` steps
    `on_every(step, ema, seconds)` is called (the GAN-architecture runs keep generator snapshots for FID curves).
    Seed torch before building `model`: its initialisation and the noise drawn here follow from that seed.
    Returns (model, ema generator)."""
    torch.set_num_threads(args.threads)
    bf16 = not args.float32
    ema = copy.deepcopy(model.generator).requires_grad_(False)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(BETA1, 0.999))
    step, elapsed = 0, 0.0
    path = checkpoint_path(args.name)
    if path.is_file():
        state = torch.load(path, weights_only=True, map_location=args.device)
        assert state["config"] == config, f"{path} was trained with {state['config']}, not {config}"
        (load_weights or torch.nn.Module.load_state_dict)(model, state["model"])
        ema.load_state_dict(state["ema"])
        opt.load_state_dict(state["opt"])
        step, elapsed = state["step"], state["elapsed"]
        torch.set_rng_state(state["rng"].cpu())
        print(f"resumed {args.name} at step {step} ({elapsed / 60:.1f} min)", flush=True)
    x = (to_tensor(load_mnist("train")[0]) if images is None else images).to(args.device)
    generator = torch.Generator().manual_seed(args.seed + step)
    started, last_save, log = time.perf_counter() - elapsed, time.perf_counter(), []
    budget_s = float("inf") if args.minutes is None else 60 * args.minutes
    device_type = torch.device(args.device).type
    model.train()

    def checkpoint() -> None:
        save(
            path,
            model=model,
            ema=ema,
            opt=opt,
            step=step,
            elapsed=time.perf_counter() - started,
            rng=torch.get_rng_state(),
            config=config,
            bf16=bf16,
            threads=args.threads,
        )

    while time.perf_counter() - started < budget_s and step < args.max_steps:
        idx = torch.randint(len(x), (args.batch,), generator=generator).to(args.device)
        z = torch.randn(args.batch, model.n_z).to(args.device)
        with torch.autocast(device_type, dtype=torch.bfloat16, enabled=bf16):
            loss, stats = model.losses(x[idx], z)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        _ema_update(ema, model.generator, EMA_DECAY if step > 500 else 0.0)
        step += 1
        log.append(stats)
        if step % 250 == 0:
            mean = {k: round(torch.stack([s[k] for s in log]).mean().item(), 4) for k in log[0]}
            rate = step / (time.perf_counter() - started)
            print(f"{args.name} step {step} {json.dumps(mean)} {rate:.1f} steps/s", flush=True)
            log = []
        if every and step % every == 0:
            on_every(step, ema, time.perf_counter() - started)
            checkpoint()
            last_save = time.perf_counter()
        elif time.perf_counter() - last_save > 120:
            checkpoint()
            last_save = time.perf_counter()
    checkpoint()
    print(f"{args.name}: stopped at step {step} after {(time.perf_counter() - started) / 60:.1f} min", flush=True)
    return model, ema


def _load_weights(model: OGAN, weights: dict) -> None:
    """Load a checkpoint's weights; checkpoints from before the code mixture existed lack its (unfilled) buffers."""
    empty = {k: v for k, v in model.state_dict().items() if k.startswith("mixture_")}
    model.load_state_dict({**empty, **weights})


def load_run(name: str) -> tuple[OGAN, dict]:
    """The exported model of run `name` and what its checkpoint records (steps, minutes, precision, Adam)."""
    state = torch.load(checkpoint_path(name), weights_only=True, map_location="cpu")
    config = {k: v for k, v in state["config"].items() if k != "mapping"}  # runs from before the option was removed
    model = OGAN(**config)
    _load_weights(model, state["model"])
    ema = copy.deepcopy(model.generator)
    ema.load_state_dict(state["ema"])
    group = state["opt"]["param_groups"][0]
    info = {
        "steps": state["step"],
        "minutes": round(state["elapsed"] / 60, 1),
        "bf16": state.get("bf16", False),
        "threads": state.get("threads", 1),
        "beta1": group["betas"][0],
        "lr": group.get("base", group["lr"]),
        "width": state["config"]["g_width"],
    }
    return exported(model, ema), info

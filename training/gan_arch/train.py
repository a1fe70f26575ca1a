"""Training the three generators with one recipe: every run has the same critic, loss, batch, steps and optimiser."""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

import torch
from safetensors.torch import save_file

from models.gan_arch import ARCHITECTURES, ArchGAN
from training.ogan import train as ogan_train

SEEDS = (0, 1)
STEPS = 8_000
SNAPSHOT_EVERY = 1_000


def run_name(architecture: str, seed: int) -> str:
    return f"arch-{architecture}-s{seed}"


def snapshot_dir(name: str) -> Path:
    return ogan_train.RUNS / name / "snapshots"


def add_arguments(t: argparse.ArgumentParser) -> None:
    """The flags; their defaults are the shipped recipe."""
    t.add_argument("--architectures", nargs="+", choices=ARCHITECTURES, default=list(ARCHITECTURES))
    t.add_argument("--seeds", nargs="+", type=int, default=list(SEEDS))
    t.add_argument("--max-steps", type=int, default=STEPS)
    t.add_argument("--every", type=int, default=SNAPSHOT_EVERY, help="an EMA snapshot every this many steps")
    t.add_argument("--workers", type=int, default=1, help="runs side by side, one thread each")
    t.add_argument("--n-z", type=int, default=64)
    t.add_argument("--width", type=int, default=32)
    t.add_argument("--batch", type=int, default=64)
    t.add_argument("--lr", type=float, default=2e-4)
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--float32", action="store_true", help="no bfloat16 autocast")
    t.add_argument("--device", default="cpu")


def train_one(args: argparse.Namespace, architecture: str, seed: int, images: torch.Tensor | None = None) -> ArchGAN:
    """Train (or resume) one run; its EMA generator is saved every `args.every` steps with the seconds it took."""
    name = run_name(architecture, seed)
    run = argparse.Namespace(**vars(args), name=name, seed=seed, minutes=None)
    config = {"architecture": architecture, "n_z": args.n_z, "width": args.width}
    folder = snapshot_dir(name)

    def keep(step: int, ema: torch.nn.Module, seconds: float) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        save_file({k: v.contiguous() for k, v in ema.state_dict().items()}, folder / f"step-{step}.safetensors")
        with (folder / "log.jsonl").open("a") as f:
            f.write(json.dumps({"step": step, "seconds": round(seconds, 1)}) + "\n")

    torch.manual_seed(seed)
    model = ArchGAN(**config).to(args.device)
    model, _ = ogan_train.fit(model, config, run, images, every=args.every, on_every=keep)
    return model


def train(args: argparse.Namespace) -> None:
    """Every (architecture, seed) run; with --workers N, N child processes share the list."""
    jobs = [(a, s) for s in args.seeds for a in args.architectures]
    if args.workers <= 1:
        for architecture, seed in jobs:
            train_one(args, architecture, seed)
        return
    children = []
    for w in range(args.workers):
        mine = jobs[w :: args.workers]  # each worker runs its share in turn, one process per run
        argv = [sys.executable, "-m", "training.gan_arch", "train", "--workers", "1"]
        argv += ["--max-steps", str(args.max_steps), "--every", str(args.every), "--threads", str(args.threads)]
        argv += ["--n-z", str(args.n_z), "--width", str(args.width), "--batch", str(args.batch), "--lr", str(args.lr)]
        argv += ["--device", args.device] + (["--float32"] if args.float32 else [])
        script = " && ".join(shlex.join([*argv, "--architectures", a, "--seeds", str(s)]) for a, s in mine)
        children.append(subprocess.Popen(["bash", "-c", script]))
    codes = [c.wait() for c in children]
    if any(codes):
        raise SystemExit(f"a worker failed: exit codes {codes}")

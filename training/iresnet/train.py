"""Training the invertible-ResNet flows: the MNIST flow, its contrast model (c = 1.5), and the 2-D toy flows.
Checkpoints live in runs/<name>/ (git-ignored); a run resumes where it stopped."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch

from models.iresnet import ToyFlows
from models.iresnet_mnist import MnistFlow, bits_per_dim, dequantise
from models.toy_densities import DENSITIES
from training.checkpoint import save
from training.data import load_mnist
from training.schedule import warmup_cosine

RUNS = Path("runs")


def add_arguments(sub) -> None:
    """The `mnist` and `toys` subcommands of python -m training.iresnet."""
    m = sub.add_parser("mnist", help="train (or resume) an MNIST flow")
    m.add_argument("--name", default="iresnet")
    m.add_argument("--minutes", type=float, default=45)
    m.add_argument("--blocks", type=int, nargs=2, default=[6, 6])
    m.add_argument("--hidden", type=int, default=32)
    m.add_argument("--c", type=float, default=0.9)
    m.add_argument(
        "--unconstrained",
        action="store_true",
        help="no Lipschitz constraint at all (the series log-det then explodes within 200 steps; the shipped contrast "
        "model uses --c 1.5 instead)",
    )
    m.add_argument("--terms", type=int, default=5, help="power-series terms of the log-det during training")
    m.add_argument("--batch", type=int, default=64)
    m.add_argument("--lr", type=float, default=1e-3)
    m.add_argument("--seed", type=int, default=0)
    m.add_argument("--threads", type=int, default=1)
    t = sub.add_parser("toys", help="train one 2-D flow per toy density (exact log-det: cheap in 2-D)")
    t.add_argument("--minutes", type=float, default=2.0, help="per density")
    t.add_argument("--blocks", type=int, default=8)
    t.add_argument("--hidden", type=int, default=64)
    t.add_argument("--c", type=float, default=0.9)
    t.add_argument("--batch", type=int, default=500)
    t.add_argument("--lr", type=float, default=3e-3)
    t.add_argument("--threads", type=int, default=1)


def train_mnist(args: argparse.Namespace, images: torch.Tensor | None = None) -> MnistFlow:
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    config = {
        "blocks": list(args.blocks),
        "hidden": args.hidden,
        "c": args.c,
        "constrained": not args.unconstrained,
    }
    model = MnistFlow(**config)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    step, elapsed = 0, 0.0
    path = RUNS / args.name / "checkpoint.pt"
    x = torch.from_numpy(load_mnist("train")[0].copy()) if images is None else images
    if path.is_file():
        state = torch.load(path, weights_only=True)
        assert state["config"] == config, f"{path} was trained with another configuration"
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        step, elapsed = state["step"], state["elapsed"]
        print(f"resumed {args.name} at step {step} ({elapsed / 60:.1f} min)", flush=True)
    else:
        with torch.no_grad():  # data-dependent ActNorm initialisation on a larger batch
            model(dequantise(x[:256]))
    gen = torch.Generator().manual_seed(args.seed + step)
    started, last_save, losses = time.perf_counter() - elapsed, time.perf_counter(), []
    model.train()
    while time.perf_counter() - started < 60 * args.minutes:
        for group in opt.param_groups:
            fraction = (time.perf_counter() - started) / (60 * args.minutes)
            group["lr"] = args.lr * warmup_cosine(fraction, floor=0.02, first=1e-3)
        batch = dequantise(x[torch.randint(len(x), (args.batch,), generator=gen)], gen)
        loss = bits_per_dim(model.log_prob(batch, terms=args.terms)).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 10.0)
        opt.step()
        step += 1
        losses.append(loss.item())
        if step % 100 == 0:
            rate = step * args.batch / (time.perf_counter() - started)
            print(f"{args.name} step {step} bits/dim {sum(losses) / len(losses):.3f} {rate:.0f} img/s", flush=True)
            losses = []
        if time.perf_counter() - last_save > 120:
            save(path, model=model, opt=opt, step=step, elapsed=time.perf_counter() - started, config=config)
            last_save = time.perf_counter()
    save(path, model=model, opt=opt, step=step, elapsed=time.perf_counter() - started, config=config)
    print(f"{args.name}: stopped at step {step} after {(time.perf_counter() - started) / 60:.1f} min", flush=True)
    return model.eval()


def train_toys(args: argparse.Namespace) -> ToyFlows:
    """Each flow: Adam with a cosine schedule for `minutes`, fresh samples every step, exact log-det."""
    torch.set_num_threads(args.threads)
    model = ToyFlows(tuple(DENSITIES), hidden=args.hidden, blocks=args.blocks, c=args.c)
    for k, (name, flow) in enumerate(model.flows.items()):
        torch.manual_seed(k)
        gen = torch.Generator().manual_seed(100 + k)
        opt = torch.optim.Adam(flow.parameters(), lr=args.lr)
        started, step = time.perf_counter(), 0
        flow.train()
        while (fraction := (time.perf_counter() - started) / (60 * args.minutes)) < 1:
            for group in opt.param_groups:
                group["lr"] = args.lr * warmup_cosine(fraction, floor=0.02, first=1e-3)
            loss = -flow.log_prob(DENSITIES[name](args.batch, gen)).mean()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            step += 1
            if step % 200 == 0:
                print(f"{name} step {step} nll {loss.item():.3f}", flush=True)
        flow.eval()
    save(RUNS / "toys" / "checkpoint.pt", model=model, config=model._hub_mixin_config)
    return model


def load_toys() -> ToyFlows:
    state = torch.load(RUNS / "toys" / "checkpoint.pt", weights_only=True)
    model = ToyFlows(**state["config"])
    model.load_state_dict(state["model"])
    return model.eval()


def load_run(name: str) -> tuple[MnistFlow, dict]:
    state = torch.load(RUNS / name / "checkpoint.pt", weights_only=True)
    model = MnistFlow(**state["config"])
    model.load_state_dict(state["model"])
    return model.eval(), {"steps": state["step"], "minutes": round(state["elapsed"] / 60, 1)}

"""Residual Flows' two options, measured on the eight-Gaussians flow, where the exact 2-D log-det is the referee.

    python -m training.iresnet options --steps 1500 --seeds 2 --publish
    # runs/iresnet-options/metrics.json; --publish adds the results to the iresnet-toys snapshot's metrics and card

1. The log-det estimators, on the shipped eight-Gaussians flow (assets/weights/iresnet-toys): the truncated power
   series (n terms) against Russian roulette (n terms always, then geometric stopping with probability p), each with
   one Hutchinson probe, repeated many times per point: the bias (mean error against the exact log-det), the spread,
   and the expected number of terms per block (the cost).
2. Training with each: the same flow trained for the same number of steps with the exact log-det, the truncated series, or
   the roulette estimator at the same expected number of terms, with LipSwish; and with ELU instead of LipSwish
   (exact log-det). Judged by held-out NLL (exact log-det) against the true entropy.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

from models.iresnet import IResNetFlow, ToyFlows
from models.toy_densities import eight_gaussians, eight_gaussians_log_prob
from training.iresnet.evaluate import settle, toys_card
from training.publish import check_snapshot, write_snapshot
from training.schedule import warmup_cosine

OUT = Path("runs/iresnet-options")
TOYS = Path("assets/weights/iresnet-toys")
# (label, activation, terms, roulette p): terms None = exact log-det
TRAINING = [
    ("exact log-det, LipSwish", "lipswish", None, None),
    ("series 3 terms, LipSwish", "lipswish", 3, None),
    ("roulette 2 + Geometric(0.5) (3 terms expected), LipSwish", "lipswish", 2, 0.5),
    ("exact log-det, ELU", "elu", None, None),
]
ESTIMATORS = [(2, None), (3, None), (5, None), (10, None), (1, 0.5), (2, 0.5), (2, 0.3)]


def estimator_study(flow: IResNetFlow, points: int = 500, repeats: int = 200, seed: int = 7) -> list[dict]:
    """Each estimator's error against the exact log-det on `points` samples, `repeats` draws each."""
    x = eight_gaussians(points, torch.Generator().manual_seed(seed))
    with torch.no_grad():
        exact = flow.log_prob(x)
    rows = []
    for terms, p in ESTIMATORS:
        gen = torch.Generator().manual_seed(seed)  # the probes and the roulette's draws
        with torch.enable_grad():
            draws = [flow.log_prob(x, terms, roulette=p, generator=gen).detach() for _ in range(repeats)]
        runs = torch.stack(draws) - exact  # (R, N)
        per_repeat_bias = runs.mean(dim=1)  # (R,): the repeats are independent, the points within one are not
        rows.append(
            {
                "estimator": f"series {terms} terms" if p is None else f"roulette {terms} + Geometric({p})",
                "expected_terms_per_block": terms if p is None else terms + (1 - p) / p,
                "bias": float(per_repeat_bias.mean()),
                "bias_standard_error": float(per_repeat_bias.std() / repeats**0.5),
                "std_per_point": float(runs.std(dim=0).mean()),
                "mean_abs_error": float(runs.abs().mean()),
            }
        )
    return rows


def train_one(activation: str, terms: int | None, p: float | None, steps: int, seed: int) -> dict:
    """The shipped toys' recipe (8 blocks of 64, c = 0.9, Adam 0.01, batch 1000, cosine), one estimator."""
    torch.manual_seed(seed)
    flow = IResNetFlow(2, 64, 8, 0.9, activation)
    opt = torch.optim.Adam(flow.parameters(), lr=0.01)
    gen = torch.Generator().manual_seed(100 + seed)
    started = time.perf_counter()
    flow.train()
    for step in range(steps):
        for group in opt.param_groups:
            group["lr"] = 0.01 * warmup_cosine(step / steps, floor=0.02, first=1e-3)
        loss = -flow.log_prob(eight_gaussians(1000, gen), terms=terms, roulette=p).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    seconds = time.perf_counter() - started
    settle(flow)  # the spectral norms' power iterations run to convergence; then judge with the exact log-det
    x = eight_gaussians(20_000, torch.Generator().manual_seed(2024))
    with torch.no_grad():
        nll = float(-flow.log_prob(x).mean())
        entropy = float(-eight_gaussians_log_prob(x).mean())
    return {"seconds_per_step": seconds / steps, "heldout_nll_nats": nll, "gap_nats": nll - entropy}


def training_study(steps: int, seeds: int) -> list[dict]:
    rows = []
    for label, activation, terms, p in TRAINING:
        runs = [train_one(activation, terms, p, steps, seed) for seed in range(seeds)]
        gaps = [r["gap_nats"] for r in runs]
        rows.append(
            {
                "run": label,
                "steps": steps,
                "gap_nats_per_seed": gaps,
                "mean_gap_nats": float(np.mean(gaps)),
                "seconds_per_step": float(np.mean([r["seconds_per_step"] for r in runs])),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows


def add_arguments(sub) -> None:
    p = sub.add_parser("options", help="the study of Residual Flows' options on the eight-Gaussians flow")
    p.add_argument("--steps", type=int, default=1500, help="training steps per run")
    p.add_argument("--seeds", type=int, default=2)
    p.add_argument("--repeats", type=int, default=200, help="draws per point in the estimator study")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--out", type=Path, default=OUT)
    p.add_argument("--publish", action="store_true", help="add the results to the iresnet-toys snapshot")


def run(args: argparse.Namespace) -> dict:
    torch.set_num_threads(args.threads)
    toys = ToyFlows.from_pretrained(TOYS).eval()
    flow = toys.flows["eight_gaussians"]
    metrics = {
        "repeats": args.repeats,
        "estimators_on_shipped_eight_gaussians": estimator_study(flow, repeats=args.repeats),
        "training": training_study(args.steps, args.seeds),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    print(json.dumps(metrics, indent=1))
    if args.publish:
        publish(toys, metrics)
    return metrics


def publish(toys: ToyFlows, options: dict) -> None:
    """Rewrite the toys snapshot (same weights) with the study in its metrics.json and model card."""
    metrics = {**check_snapshot(TOYS), "residual_flows_options": options}
    write_snapshot(toys, TOYS, metrics, toys_card(metrics))

"""What the MNIST flow draws, measured with the MNIST judge beside real digits and the O-GAN's samples.

    python -m training.iresnet samples [--samples 5000] [--publish]

Samples x = F⁻¹(z), z ~ N(0, T² I), at the temperatures the tab offers; for each: the judge's share of confident
samples (probability ≥ 0.9) and the FID in its feature space against the 10k test digits (the O-GAN card's measure).
--publish merges the table into the shipped snapshot's metrics.json (`samples_by_temperature`) and re-renders its card.
"""

from __future__ import annotations

import argparse
import json

import numpy as np
import torch

from models import hub
from models.iresnet_mnist import MnistFlow
from training.iresnet.evaluate import WEIGHTS, mnist_card, test_pixels
from training.judge import load_judge, predict
from training.ogan.evaluate import confidence, frechet
from training.publish import rerender_card

TEMPERATURES = (0.5, 0.8, 1.0)


def add_arguments(sub) -> None:
    s = sub.add_parser("samples", help="judge the shipped flow's samples at each temperature")
    s.add_argument("--samples", type=int, default=5000)
    s.add_argument("--threads", type=int, default=2)
    s.add_argument("--publish", action="store_true", help="merge into the snapshot's metrics.json and card")


@torch.no_grad()
def draw(flow: MnistFlow, n: int, temperature: float, seed: int = 0, batch: int = 250) -> torch.Tensor:
    """n samples in [-1, 1] (the judge's range), (n, 1, 28, 28)."""
    g = torch.Generator().manual_seed(seed)
    out = []
    for i in range(0, n, batch):
        z = torch.randn(min(batch, n - i), 16, 7, 7, generator=g) * temperature
        out.append(flow.inverse(z, iterations=100, tol=1e-5)[0].clamp(0, 1) * 2 - 1)
    return torch.cat(out)


def judge_samples(args: argparse.Namespace) -> dict:
    torch.set_num_threads(args.threads)
    flow = hub.load(MnistFlow, "iresnet-mnist").requires_grad_(False)
    judge = load_judge()
    real_probs, real_features = predict(judge, test_pixels() * 2 - 1)
    real_features = real_features.numpy().astype(np.float64)
    table = {"real_test_digits": {"confident_share": confidence(real_probs)["sample_confident_share"]}}
    for t in TEMPERATURES:
        probs, feats = predict(judge, draw(flow, args.samples, t))
        table[str(t)] = {
            "confident_share": confidence(probs)["sample_confident_share"],
            "fid_judge_features": frechet(feats.numpy().astype(np.float64), real_features),
        }
        print(t, table[str(t)], flush=True)
    result = {"samples": args.samples, **table}
    if args.publish:
        path = WEIGHTS / "iresnet-mnist" / "metrics.json"
        metrics = json.loads(path.read_text())
        metrics["samples_by_temperature"] = result
        path.write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n")
        rerender_card(path.parent, lambda m: mnist_card(m, m["contrast"], "flow"))
    print(json.dumps(result, indent=2))
    return result

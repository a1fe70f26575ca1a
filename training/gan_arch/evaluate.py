"""Measuring the three generators with the MNIST judge, and publishing the snapshot of seed 0.

For every run and every EMA snapshot (the FID curves): FID in the judge's feature space from 10k samples against the
10k test digits, and the judge's confidence. For every architecture: parameters and multiply-adds (from the modules),
seconds per 1k training steps on 2 threads, and the mean power spectrum of its samples with the share at (π, π).
Each claim of the article is then checked with the seed spread: a difference no larger than the spread between the
seeds of either architecture is "no difference".
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file

from models import checkerboard
from models.gan_arch import ARCHITECTURES, ArchGAN, GeneratorSet, layer_table, make_generator
from training.data import load_mnist
from training.gan_arch.card import card
from training.gan_arch.train import SEEDS, run_name, snapshot_dir
from training.judge import load_judge, predict, to_tensor
from training.ogan.evaluate import _batched, confidence, frechet
from training.ogan.train import recalibrate_batchnorm
from training.publish import write_snapshot

SNAPSHOT = Path("assets/weights/gan-arch-mnist")
SAMPLE_SEED = 1234
BN_BATCHES = 20  # BatchNorm statistics re-estimated from 20 x 500 codes for every snapshot alike


def add_arguments(e: argparse.ArgumentParser) -> None:
    e.add_argument("--samples", type=int, default=10_000)
    e.add_argument("--threads", type=int, default=2)
    e.add_argument("--speed-steps", type=int, default=200, help="timed training steps per architecture")
    e.add_argument("--publish", action="store_true", help="write the snapshot (seed 0) and its card")


def snapshot_steps(name: str) -> list[tuple[int, float]]:
    """(step, seconds) of every EMA snapshot of run `name`, in order (the last record of a step wins)."""
    log = snapshot_dir(name) / "log.jsonl"
    records = {r["step"]: r["seconds"] for r in map(json.loads, log.read_text().splitlines())}
    return sorted(records.items())


def load_generator(architecture: str, name: str, step: int, n_z: int = 64, width: int = 32) -> torch.nn.Module:
    g = make_generator(architecture, n_z, width)
    g.load_state_dict(load_file(snapshot_dir(name) / f"step-{step}.safetensors"))
    recalibrate_batchnorm(g, n_z, batches=BN_BATCHES)
    return g.eval()


def samples(generator: torch.nn.Module, n: int, n_z: int = 64) -> torch.Tensor:
    z = torch.randn(n, n_z, generator=torch.Generator().manual_seed(SAMPLE_SEED))
    return _batched(generator, z)


def judged(judge, images: torch.Tensor, test_features: np.ndarray) -> dict:
    probs, feats = predict(judge, images)
    fid = frechet(feats.numpy().astype(np.float64), test_features)
    return {"fid": round(fid, 3), "confident_share": round(confidence(probs)["sample_confident_share"], 4)}


def judged_curve(architecture: str, name: str, judge, test_features: np.ndarray, n: int) -> list[dict]:
    """The judged FID curve of run `name`, one point per snapshot. Points are cached in the run's folder (keyed by the
    sample count), so a finished run can be measured while the others still train."""
    cache_path = snapshot_dir(name) / f"judged-{n}.json"
    cache = {int(k): v for k, v in json.loads(cache_path.read_text()).items()} if cache_path.is_file() else {}
    curve = []
    for step, seconds in snapshot_steps(name):
        if step not in cache:
            cache[step] = judged(judge, samples(load_generator(architecture, name, step), n), test_features)
            cache_path.write_text(json.dumps(cache))
            print(name, step, cache[step], flush=True)
        curve.append({"step": step, "minutes": round(seconds / 60, 1), **cache[step]})
    return curve


@torch.enable_grad()
def seconds_per_1k_steps(architecture: str, steps: int, threads: int) -> float:
    """The shipped recipe's step (batch 64, bfloat16 autocast, one Adam step for both players) on random digits."""
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = ArchGAN(architecture).train()
    opt = torch.optim.Adam(model.parameters(), lr=2e-4, betas=(0.5, 0.999))
    real = torch.rand(64, 1, 28, 28) * 2 - 1

    def step() -> None:
        with torch.autocast("cpu", dtype=torch.bfloat16):
            loss, _ = model.losses(real, torch.randn(64, 64))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    for _ in range(30):
        step()
    best = float("inf")
    for _ in range(2):  # a shared machine only slows a run down: keep the faster of two
        started = time.perf_counter()
        for _ in range(steps):
            step()
        best = min(best, time.perf_counter() - started)
    return round(1000 * best / steps, 1)


def cpu_name() -> str:
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").is_file() else ""
    return next((line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("model name")), "")


def spread_verdict(a: list[float], b: list[float], lower_is_better: bool = True) -> dict:
    """Compare a metric across seeds: 'a better', 'b better' or 'no difference' (|mean a - mean b| <= the larger
    seed spread)."""
    diff = float(np.mean(a) - np.mean(b))
    spread = max(max(a) - min(a), max(b) - min(b))
    better = "a better" if (diff < 0) == lower_is_better else "b better"
    verdict = "no difference" if abs(diff) <= spread else better
    return {"difference": float(f"{diff:.4g}"), "seed_spread": float(f"{spread:.4g}"), "verdict": verdict}


def steps_to_reach(curve: list[dict], target: float) -> int | None:
    """The first checkpoint step whose FID is at most `target` (None if none is)."""
    return next((p["step"] for p in curve if p["fid"] <= target), None)


def fid_at_step(curve: list[dict], step: float) -> float:
    """The FID of a curve at any step, linear between its checkpoints (clamped to its ends)."""
    steps, fids = [p["step"] for p in curve], [p["fid"] for p in curve]
    return float(np.interp(step, steps, fids))


def claims(arch: dict, spectra: dict) -> dict:
    """The article's three claims, each with its measured numbers and a verdict."""
    fid = {a: [s["fid"] for s in arch[a]["seeds"].values()] for a in ARCHITECTURES}
    speed = arch["resnet"]["seconds_per_1k_steps"] / arch["dcgan"]["seconds_per_1k_steps"]
    quality = spread_verdict(fid["dcgan"], fid["resnet"])
    steps = max(p["step"] for p in next(iter(arch["dcgan"]["seeds"].values()))["curve"])
    same_time = [fid_at_step(s["curve"], steps / speed) for s in arch["resnet"]["seeds"].values()]
    target = float(np.mean(fid["dcgan"]))
    reach = {a: [steps_to_reach(s["curve"], target) for s in arch[a]["seeds"].values()] for a in ("dcgan", "selfmod")}
    selfmod = spread_verdict(fid["selfmod"], fid["dcgan"])
    nyquist = {a: [s["nyquist_share"] for s in spectra[a]["seeds"].values()] for a in ARCHITECTURES}
    board = spread_verdict(nyquist["resnet"], nyquist["dcgan"])
    return {
        "dcgan_faster_than_resnet_at_similar_quality": {
            "resnet_time_ratio": round(speed, 2),
            "fid_dcgan_minus_resnet": quality,
            "resnet_fid_at_dcgan_training_time": [round(f, 2) for f in same_time],
            "fid_dcgan_minus_resnet_at_equal_time": spread_verdict(fid["dcgan"], same_time),
            "holds": bool(speed >= 1.5 and quality["verdict"] != "b better"),
        },
        "selfmod_converges_better": {
            "fid_selfmod_minus_dcgan": selfmod,
            "steps_to_dcgan_final_fid": reach,
            "holds": selfmod["verdict"] == "a better",
        },
        "transposed_convolutions_leave_a_checkerboard": {
            "nyquist_share_resnet_minus_dcgan": board,
            "nyquist_share_real": spectra["real"]["nyquist_share"],
            "holds": board["verdict"] == "a better",
        },
    }


@torch.no_grad()
def evaluate(args: argparse.Namespace) -> dict:
    torch.set_num_threads(args.threads)
    judge = load_judge()
    x_test = to_tensor(load_mnist("test")[0])
    _, test_features = predict(judge, x_test)
    test_features = test_features.numpy().astype(np.float64)
    real_spectrum = checkerboard.power_spectrum(x_test[:, 0].numpy())
    spectra = {"real": {"nyquist_share": checkerboard.nyquist_share(real_spectrum), "spectrum": real_spectrum}}
    arch, finals = {}, {}
    for a in ARCHITECTURES:
        g = make_generator(a, 64, 32)
        rows = layer_table(g, 64)
        entry = {
            "params": sum(p.numel() for p in g.parameters()),
            "macs": sum(r["macs"] for r in rows),
            "layers": rows,
            "seeds": {},
        }
        spectra[a] = {"seeds": {}}
        for seed in SEEDS:
            name = run_name(a, seed)
            curve = judged_curve(a, name, judge, test_features, args.samples)
            entry["seeds"][str(seed)] = {**curve[-1], "curve": curve}
            gen = load_generator(a, name, curve[-1]["step"])
            spectrum = checkerboard.power_spectrum(samples(gen, args.samples)[:, 0].numpy())
            spectra[a]["seeds"][str(seed)] = {"nyquist_share": checkerboard.nyquist_share(spectrum)}
            if seed == SEEDS[0]:
                finals[a], spectra[a]["spectrum"] = gen, spectrum
        entry["seconds_per_1k_steps"] = seconds_per_1k_steps(a, args.speed_steps, args.threads)
        torch.set_num_threads(args.threads)
        arch[a] = entry
    for s in spectra.values():
        s["spectrum"] = np.round(s["spectrum"] / s["spectrum"].sum(), 6).tolist()  # shares of the total power
    metrics = {
        "recipe": {"steps": snapshot_steps(run_name("dcgan", SEEDS[0]))[-1][0], "batch": 64, "seeds": list(SEEDS)},
        "samples": args.samples,
        "cpu": cpu_name(),
        "architectures": arch,
        "spectra": spectra,
    }
    metrics["claims"] = claims(arch, spectra)
    if args.publish:
        shipped = GeneratorSet()
        for a, g in finals.items():
            shipped.generators[a].load_state_dict(g.state_dict())
        write_snapshot(shipped, SNAPSHOT, metrics, card(metrics))
    print(json.dumps(metrics["claims"], indent=2))
    return metrics


def recompute_claims(path: Path) -> dict:
    """Re-derive the claims of a metrics.json from its measured numbers (after the verdict rules change)."""
    metrics = json.loads(path.read_text())
    metrics["claims"] = claims(metrics["architectures"], metrics["spectra"])
    path.write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n")
    return metrics

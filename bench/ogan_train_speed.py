"""O-GAN training speed: float32 against bfloat16 autocast on one thread, and what else could make a step cheaper.

    python -m bench.ogan_train_speed             # this CPU's row in bench/results/ogan_train_speed.json
    python -m bench.ogan_train_speed --levers    # the levers on 2 threads: bench/results/ogan_train_levers.json

The shipped recipe's model (n_z 64, width 32, hinge, batch 64) on random digits: the cost of a step does not depend on
the data. Each setting warms up for 30 steps, then times 200. bfloat16 is fast only on CPUs with AMX or AVX512-BF16.
The sessions that train this app do not always get the same CPU model, so each results file keeps one row per CPU
model (a rerun on the same model replaces its row).

`--levers` asks whether the shipped 120k steps could fit the issue's 45 minutes on 2 cores (44.4 steps/s): bfloat16
on 2 threads as the base, then channels-last memory format, Adam's fused CPU kernel, both, torch.compile of the loss
(inductor, C++ kernels), and batches of 32 and 128 (digits per second is the fair measure there: sample quality
follows the digits seen, see the README). One thread is measured too, for the two-runs-side-by-side recipe. Each
lever is timed three times for 300 steps and the best kept: on a shared 2-core machine noise only slows a run.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import torch

from models.ogan import OGAN

OUT = Path("bench/results/ogan_train_speed.json")
LEVERS_OUT = Path("bench/results/ogan_train_levers.json")
SHIPPED_STEPS, BUDGET_MINUTES = 120_000, 45
REPEATS = 3


def steps_per_second(
    bf16: bool,
    steps: int = 200,
    warmup: int = 30,
    batch: int = 64,
    channels_last: bool = False,
    fused: bool = False,
    compiled: bool = False,
) -> float:
    torch.manual_seed(0)
    model = OGAN(n_z=64, g_width=32, e_width=32, correlation_weight=0.5, loss="hinge").train()
    real = torch.rand(batch, 1, 28, 28) * 2 - 1
    if channels_last:
        model, real = model.to(memory_format=torch.channels_last), real.contiguous(memory_format=torch.channels_last)
    opt = torch.optim.Adam(model.parameters(), lr=2e-4, betas=(0.5, 0.999), fused=fused or None)
    losses = torch.compile(model.losses) if compiled else model.losses
    for i in range(warmup + steps):
        if i == warmup:
            started = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            loss, _ = losses(real, torch.randn(batch, 64))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    return steps / (time.perf_counter() - started)


def cpu() -> tuple[str, list[str]]:
    """This CPU's model name and which of the bfloat16 instruction sets it has (Linux /proc/cpuinfo)."""
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").is_file() else ""
    name, flags = (re.search(rf"^{key}\s*:\s*(.+)$", info, re.M) for key in ("model name", "flags"))
    bf16 = set(flags.group(1).split()) & {"amx_bf16", "avx512_bf16"} if flags else set()
    return (name.group(1).strip() if name else "unknown"), sorted(bf16)


def _save_row(path: Path, result: dict) -> None:
    rows = json.loads(path.read_text())["rows"] if path.is_file() else []
    rows = [row for row in rows if row.get("cpu") != result["cpu"]] + [result]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"rows": rows}, indent=1) + "\n")
    print(json.dumps(result))


def precision_row() -> dict:
    torch.set_num_threads(1)
    name, bf16_isa = cpu()
    result = {
        "cpu": name,
        "bf16_instructions": bf16_isa,
        "torch": torch.__version__,
        "float32_steps_per_second": round(steps_per_second(False), 2),
        "bfloat16_steps_per_second": round(steps_per_second(True), 2),
    }
    result["speed_up"] = round(result["bfloat16_steps_per_second"] / result["float32_steps_per_second"], 2)
    _save_row(OUT, result)
    return result


LEVERS = {  # name -> (threads, steps_per_second options); every setting is bfloat16
    "2 threads, as trained": (2, {}),
    "2 threads, channels-last": (2, {"channels_last": True}),
    "2 threads, fused Adam": (2, {"fused": True}),
    "2 threads, channels-last + fused Adam": (2, {"channels_last": True, "fused": True}),
    "2 threads, torch.compile": (2, {"compiled": True}),
    "2 threads, batch 32": (2, {"batch": 32}),
    "2 threads, batch 128": (2, {"batch": 128}),
    "1 thread, as trained": (1, {}),
}


def levers_row() -> dict:
    name, _ = cpu()
    settings = {}
    for label, (threads, options) in LEVERS.items():
        torch.set_num_threads(threads)
        rate = max(steps_per_second(True, steps=300, **options) for _ in range(REPEATS))  # noise only slows
        batch = options.get("batch", 64)
        settings[label] = {
            "steps_per_second": round(rate, 2),
            "digits_per_second": round(rate * batch, 1),
            # the shipped recipe's digits (120k steps of 64) at this rate, in minutes
            "minutes_for_shipped_digits": round(SHIPPED_STEPS * 64 / (rate * batch) / 60, 1),
        }
    base = settings["2 threads, as trained"]["digits_per_second"]
    for row in settings.values():
        row["speed_up"] = round(row["digits_per_second"] / base, 3)
    result = {"cpu": name, "torch": torch.__version__, "budget_minutes": BUDGET_MINUTES, "settings": settings}
    _save_row(LEVERS_OUT, result)
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.ogan_train_speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--levers", action="store_true", help="measure the speed levers on 2 threads instead")
    args = parser.parse_args(argv)
    return levers_row() if args.levers else precision_row()


if __name__ == "__main__":
    main()

"""O-GAN training steps per second on one CPU thread, float32 against bfloat16 autocast (`training.ogan --bf16`).

    python -m bench.ogan_train_speed        # adds this CPU's row to bench/results/ogan_train_speed.json

The shipped recipe's model (n_z 64, width 32, hinge, batch 64) on random digits: the cost of a step does not depend on
the data. Each precision warms up for 20 steps, then times 200. bfloat16 is fast only on CPUs with AMX or AVX512-BF16.
The sessions that train this app do not always get the same CPU model, so the results file keeps one row per CPU model
(a rerun on the same model replaces its row).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import torch

from models.ogan import OGAN

OUT = Path("bench/results/ogan_train_speed.json")


def steps_per_second(bf16: bool, steps: int = 200, warmup: int = 20) -> float:
    torch.manual_seed(0)
    model = OGAN(n_z=64, g_width=32, e_width=32, correlation_weight=0.5, loss="hinge").train()
    opt = torch.optim.Adam(model.parameters(), lr=2e-4, betas=(0.5, 0.999))
    real = torch.rand(64, 1, 28, 28) * 2 - 1
    for i in range(warmup + steps):
        if i == warmup:
            started = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            loss, _ = model.losses(real, torch.randn(64, 64))
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


def main() -> dict:
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
    rows = json.loads(OUT.read_text())["rows"] if OUT.is_file() else []
    rows = [row for row in rows if row.get("cpu") != name] + [result]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"rows": rows}, indent=1) + "\n")
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()

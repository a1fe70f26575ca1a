"""What opening the page costs: every tab's opening computations (the private `<name>_initial` endpoints and the
steps chained on them) run once on their default inputs, in process, after the models have loaded.

    python -m bench.page_open          # writes bench/results/page_open.json

Each opening function is timed over 5 runs after one warm-up run; the median is kept. The sum is the compute one
page open adds on the server (the app runs them in its queues while the page is already shown).
"""

from __future__ import annotations

import json
import platform
import statistics
import time
from pathlib import Path

OUT = Path("bench/results/page_open.json")


def opening_functions(demo) -> list:
    """Every opening computation of the composed app, in the order the page runs them: a step chained with `.then`
    follows the step it reads from."""
    return [f for _, f in sorted(demo.fns.items()) if f.api_name.endswith("_initial") and f.fn is not None]


def run_once(functions: list, values: dict) -> dict:
    """Run each function on the current component values (defaults, or what an earlier step wrote) and time it."""
    seconds = {}
    for f in functions:
        args = [values.get(id(c), c.value) for c in f.inputs]
        t = time.perf_counter()
        out = f.fn(*args)
        seconds[f.api_name] = time.perf_counter() - t
        out = out if len(f.outputs) > 1 else (out,)
        values.update({id(c): v for c, v in zip(f.outputs, out, strict=True)})
    return seconds


def main() -> dict:
    import torch

    import app
    from demos.common import LAZY

    torch.set_num_threads(2)
    for model in LAZY:
        model.get()
    functions = opening_functions(app.demo)
    run_once(functions, {})  # warm-up
    runs = [run_once(functions, {}) for _ in range(5)]
    timings = {name: round(1000 * statistics.median(r[name] for r in runs), 1) for name in runs[0]}
    result = {
        "median_ms_per_opening_function": timings,
        "total_ms_per_page_open": round(sum(timings.values()), 1),
        "machine": f"{platform.machine()}, torch threads 2, Python {platform.python_version()}",
    }
    OUT.write_text(json.dumps(result, indent=1) + "\n")
    return result


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))

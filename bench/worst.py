"""Worst cases and isolation, through gradio_client against the launched app, written to bench/results/worst.json:

- each public endpoint at its most expensive allowed input (the UI's limits, which the API shares): seconds for one
  call (the slowest of `--repeats`) and the most resident memory it added to the app while it ran;
- isolation: `/ogan_sample` (one digit) p50 / p95 alone, then while other clients keep the i-ResNet tab's worst
  log-det and term mining on 100 KB busy: each tab's model calls wait in their own line.

    python -m bench.worst [--repeats 2] [--calls 30]
    python -m bench.report      # renders the tables into README.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import threading
import time
from pathlib import Path

from bench.cases import SKETCH, ZH_100KB
from bench.run import Server, _percentiles, machine

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "worst.json"


def limit_text() -> str:
    """19.9 MB of real Chinese (the 20 MB limit): the People's Daily corpus (5.5 MB, from `python -m training.data
    peoples-daily`) as raw lines, repeated."""
    from training.data import load_peoples_daily

    raw = "\n".join("".join(words) for words in load_peoples_daily())
    return (raw * 4).encode("utf-8")[:19_900_000].decode("utf-8", errors="ignore")


def english_limit_text() -> str:
    """19.9 MB of English technical prose: the docstrings (over 200 characters) of the packages installed beside the
    app, in path order. Real, varied text, unlike a repeated excerpt."""
    import ast
    import sysconfig

    out, size = [], 0
    for path in sorted(Path(sysconfig.get_paths()["purelib"]).rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="ignore"))
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                doc = ast.get_docstring(node)
                if doc and len(doc) > 200 and doc.isascii() and "\x00" not in doc:
                    out.append(doc)
                    size += len(doc) + 2
        if size > 19_900_000:
            break
    return "\n\n".join(out)[:19_900_000]


LIMIT_TEXT = limit_text()
ENGLISH_LIMIT_TEXT = english_limit_text()

# endpoint -> (what makes it the worst allowed input, arguments)
WORST: dict[str, tuple[str, tuple]] = {
    "/ogan_encode": ("a drawing", (SKETCH,)),
    "/ogan_interpolate": ("32 frames from a drawing", ("drawing", SKETCH, 0, "seed", SKETCH, 3, 32, "spherical")),
    "/ogan_sample": ("64 digits", (0, 64, 1.5)),
    "/ogan_edit": ("8 directions", (", ".join(["0.5"] * 64), 4, -4, 4, -4, 4, -4, 4, -4)),
    "/arch_compare": ("64 samples from each generator", (0, 64)),
    "/arch_checkerboard": ("k = 8, s = 4, 4 layers (256 × 256 output)", (8, 4, 4, "transposed")),
    "/arch_selfmod": ("the 128-channel layer", ("bn0", 0, 1, 0.5, "")),
    "/iresnet_fixed_point": ("200 iterations", (1.5, 1.0, -0.5, 200)),
    "/iresnet_roundtrip": ("a drawing", (SKETCH,)),
    "/iresnet_sample": ("36 samples", (0, 36, 1.5)),
    "/iresnet_logdet": ("30 terms, 16 probes, roulette p = 0.05", (30, 16, 0, 0.05)),
    "/iresnet_density": ("rings", ("rings",)),
    "/onlstm_parse": ("2,000 characters, both directions", (ZH_100KB[:2000], 1, "both", "")),
    "/onlstm_gates": ("2,000 characters", (ZH_100KB[:2000], "2")),
    "/cln_generate": ("16 reviews × 120 characters, contrast 3", (0.5, 16, 120, 2.0, 1.0, 0, "房间", 3.0)),
    "/cln_mechanics": ("32 characters, the final norm", ("这家酒店的服务" * 4 + "很好很好", 1.0, 1.0, 8)),
    "/smooth_pair": ("1,000 entries", ("topk", 1e4, ", ".join(str(i % 97) for i in range(1000)), 20)),
    "/smooth_experiment": ("1,000 Adam steps", (0, 0.02, 1000)),
    "/terms_mine": ("19.9 MB of Chinese (People's Daily, 3.6 times over)", (LIMIT_TEXT, None, "auto", 0, 2.5, 1.2)),
    "/terms_segment": ("the same 19.9 MB", (LIMIT_TEXT, "auto")),
    "/terms_mine english": (
        "19.9 MB of English (installed packages' docstrings)",
        (ENGLISH_LIMIT_TEXT, None, "auto", 0, 2.5, 1.2),
    ),
}


def peak_rss(app: Server, fn) -> tuple[float, float]:
    """Run fn() while sampling the app's resident memory every 50 ms: (MB before, peak MB during)."""
    before, peak, done = app.rss_mb(), [0.0], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], app.rss_mb())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        fn()
    finally:
        done.set()
        sampler.join()
    return before, peak[0]


def worst_cases(app: Server, client, repeats: int) -> dict:
    out = {}
    for name, (what, args) in WORST.items():
        times, added = [], []
        api = name.split()[0]  # a row label may add a word after the endpoint
        for _ in range(repeats):
            t0 = time.perf_counter()
            before, peak = peak_rss(app, lambda n=api, a=args: client.predict(*a, api_name=n))
            times.append(time.perf_counter() - t0)
            added.append(peak - before)
        out[name] = {
            "input": what,
            "max_s": round(max(times), 2),
            "runs_s": [round(t, 2) for t in times],
            "peak_memory_added_mb": round(max(added), 1),
        }
        print(name, out[name], file=sys.stderr)
    return out


def _under(url: str, measure, jobs: list[tuple], clients: int) -> dict:
    """`measure()` while `clients` clients per job keep calling it."""
    from gradio_client import Client

    stop = threading.Event()

    def hammer(name: str, args: tuple) -> None:
        c = Client(url, verbose=False, download_files=False)
        while not stop.is_set():
            c.predict(*args, api_name=name)

    threads = [threading.Thread(target=hammer, args=job, daemon=True) for job in jobs for _ in range(clients)]
    for t in threads:
        t.start()
    time.sleep(3)  # the heavy calls are running
    result = measure()
    stop.set()
    for t in threads:
        t.join(timeout=300)
    return result


def isolation(url: str, calls: int) -> dict:
    from gradio_client import Client

    probe = Client(url, verbose=False, download_files=False)

    def sample_times() -> dict:
        times = []
        for _ in range(calls):
            t0 = time.perf_counter()
            probe.predict(0, 1, api_name="/ogan_sample")
            times.append(time.perf_counter() - t0)
        return _percentiles(times)

    alone = sample_times()
    big = _under(url, sample_times, [("/terms_mine", (LIMIT_TEXT, None, "auto", 0, 2.5, 1.2))], clients=1)
    heavy = [("/iresnet_logdet", WORST["/iresnet_logdet"][1]), ("/terms_mine", (ZH_100KB, None, "auto", 0, 2.5, 1.2))]
    loaded = _under(url, sample_times, heavy, clients=2)
    load = "2 clients each looping the worst /iresnet_logdet and /terms_mine on 100 KB"
    return {"alone": alone, "under_20mb_mining": big, "under_load": loaded, "load": load}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.worst", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args(argv)
    from gradio_client import Client

    app = Server("app.py")
    app.wait_ready()
    client = Client(app.url, verbose=False, download_files=False)
    for name, (_, a) in WORST.items():  # warm-up: every model loaded, small inputs
        if not name.startswith("/terms"):
            client.predict(*a, api_name=name)
    result = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.worst " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(),
        "isolation": isolation(app.url, args.calls),
        "worst": worst_cases(app, client, args.repeats),
    }
    client.close()
    app.stop()
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()

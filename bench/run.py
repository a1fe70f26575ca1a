"""Benchmarks on this machine, each beside its baseline, written to bench/results/latest.json:

- cold start: `python app.py` until the first HTTP answer, beside the bare Gradio app (bench/bare_app.py);
- latency: p50/p95 of every public endpoint through gradio_client (cases in bench/cases.py), beside the no-op
  endpoint of the bare app;
- memory: resident set size of the app after one call to each endpoint, beside the bare app with torch imported.

    python -m bench.run [--runs 3] [--calls 30]
    python -m bench.report          # renders the table into README.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

from bench.cases import CASES

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A Gradio app started as its own process, as a Space or a user starts it."""

    def __init__(self, script: str, extra_env: dict | None = None):
        self.port = _free_port()
        env = {**os.environ, "GRADIO_SERVER_PORT": str(self.port), "GRADIO_SERVER_NAME": "127.0.0.1"}
        env.update({"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", **(extra_env or {})})
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, script], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.url = f"http://127.0.0.1:{self.port}/"

    def wait_ready(self, timeout: float = 120) -> float:
        """Seconds from process start to the first HTTP 200 on the page."""
        while time.perf_counter() - self.started < timeout:
            try:
                with urllib.request.urlopen(self.url, timeout=1) as r:
                    if r.status == 200:
                        return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(f"{self.url} did not answer within {timeout} s")

    def rss_mb(self) -> float:
        proc = psutil.Process(self.proc.pid)
        return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def _percentiles(samples: list[float]) -> dict:
    qs = statistics.quantiles(samples, n=100, method="inclusive")
    return {
        "p50_ms": round(1000 * statistics.median(samples), 2),
        "p95_ms": round(1000 * qs[94], 2),
        "calls": len(samples),
    }


def _time_calls(client, api_name: str, cases: list[tuple], calls: int) -> list[float]:
    for args in cases:  # warm-up, not timed
        client.predict(*args, api_name=api_name)
    samples = []
    for i in range(calls):
        args = cases[i % len(cases)]
        t0 = time.perf_counter()
        client.predict(*args, api_name=api_name)
        samples.append(time.perf_counter() - t0)
    return samples


def cold_start(runs: int) -> dict:
    out = {}
    for label, script in (("app", "app.py"), ("bare_gradio", "bench/bare_app.py")):
        times = []
        for _ in range(runs):
            server = Server(script)
            times.append(server.wait_ready())
            server.stop()
        out[label] = {"median_s": round(statistics.median(times), 3), "runs_s": [round(t, 3) for t in times]}
    out["ratio"] = round(out["app"]["median_s"] / out["bare_gradio"]["median_s"], 3)
    return out


def latency_and_memory(calls: int) -> tuple[dict, dict]:
    from gradio_client import Client

    bare = Server("bench/bare_app.py", {"BARE_IMPORT_TORCH": "1"})
    bare.wait_ready()
    client = Client(bare.url, verbose=False, download_files=False)
    noop = _percentiles(_time_calls(client, "/noop", [("hello",)], calls))
    bare_rss = bare.rss_mb()
    client.close()
    bare.stop()

    app = Server("app.py")
    app.wait_ready()
    client = Client(app.url, verbose=False, download_files=False)
    endpoints = {name: _percentiles(_time_calls(client, name, cases, calls)) for name, cases in CASES.items()}
    app_rss = app.rss_mb()
    client.close()
    app.stop()

    for stats in endpoints.values():
        stats["p95_ratio_to_noop"] = round(stats["p95_ms"] / noop["p95_ms"], 2)
    latency = {"noop": noop, "endpoints": endpoints}
    memory = {
        "app_mb": round(app_rss, 1),
        "bare_torch_gradio_mb": round(bare_rss, 1),
        "ratio": round(app_rss / bare_rss, 3),
    }
    return latency, memory


def machine() -> dict:
    import gradio
    import torch

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "gradio": gradio.__version__,
        "torch": torch.__version__,
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="cold starts per app")
    parser.add_argument("--calls", type=int, default=30, help="timed calls per endpoint")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    latency, memory = latency_and_memory(args.calls)
    result = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(),
        "cold_start": cold_start(args.runs),
        "latency": latency,
        "memory": memory,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()

"""Soak: 2,000 requests of the benchmark mix (every public endpoint's cases in bench/cases.py, in turn) from 4
concurrent clients against one launched app, written to bench/results/soak.json:

- throughput of one replica on this machine (requests per second over the whole soak);
- disk: the app's temporary folders (Gradio's cache and uploads, the app's scratch files), in files and MB, and the
  app's resident memory, after the first 200 requests and at the end: both must stay within 5%.

The mix repeats the same inputs, so Gradio's content-addressed cache reuses its files; the app's own scratch files
(GIFs, CSVs) are rewritten in place. Results that differ every time are pruned by Gradio's cache cleaner (app.py).

    python -m bench.soak [--requests 2000] [--clients 4]
    python -m bench.report      # renders the line into README.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.cases import CASES
from bench.run import Server, machine

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "soak.json"


def disk(folder: Path) -> dict:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {"files": len(files), "mb": round(sum(p.stat().st_size for p in files) / 1e6, 2)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--checkpoint", type=int, default=200, help="requests before the first measurement")
    args = parser.parse_args(argv)
    from gradio_client import Client

    tmp = Path(tempfile.mkdtemp(prefix="explorables-soak-"))
    app = Server("app.py", {"TMPDIR": str(tmp), "GRADIO_TEMP_DIR": str(tmp / "gradio")})
    app.wait_ready()
    mix = itertools.cycle([(name, case) for name, cases in CASES.items() for case in cases])
    lock, done, marks = threading.Lock(), [0], {}

    def next_job():
        with lock:
            if done[0] >= args.requests:
                return None
            done[0] += 1
            return done[0], next(mix)

    def measure(label: str) -> None:
        marks[label] = {**disk(tmp), "rss_mb": round(app.rss_mb(), 1), "at_request": done[0]}

    def client() -> None:
        c = Client(app.url, verbose=False, download_files=False)
        while (job := next_job()) is not None:
            n, (name, case) = job
            c.predict(*case, api_name=name)
            if n == args.checkpoint:
                measure("after_first")
            elif n == args.requests // 2:
                measure("halfway")
        c.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    time.sleep(2)
    measure("at_end")
    app.stop()
    first, end = marks["after_first"], marks["at_end"]
    result = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.soak " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(),
        "requests": args.requests,
        "clients": args.clients,
        "seconds": round(seconds, 1),
        "requests_per_second": round(args.requests / seconds, 2),
        "after_first": first,
        "halfway": marks.get("halfway"),
        "at_end": end,
        "disk_growth": round(end["mb"] / first["mb"] - 1, 4) if first["mb"] else None,
        "rss_growth": round(end["rss_mb"] / first["rss_mb"] - 1, 4),
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()

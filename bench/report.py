"""Render bench/results/latest.json as the README's benchmark table (between the bench markers).

python -m bench.report [--check]      # --check: exit 1 when a bar is missed
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

# the issues' bars: ratios to the baseline beside each measure
BARS = {"cold_start": 1.5, "/smooth_pair": 3.0, "/ogan_encode": 3.0, "/ogan_interpolate": 3.0}


def _verdict(ratio: float, bar: float | None) -> str:
    if bar is None:
        return "–"
    return f"≤ {bar:g}× {'✅' if ratio <= bar else '❌ missed'}"


def table(result: dict) -> tuple[str, list[str]]:
    cold, lat, mem, m = result["cold_start"], result["latency"], result["memory"], result["machine"]
    noop = lat["noop"]
    rows = [
        "| measure | this app | baseline | ratio | bar |",
        "|---|---|---|---|---|",
        f"| cold start, `python app.py` to first HTTP answer (median of {len(cold['app']['runs_s'])}) "
        f"| {cold['app']['median_s']:.2f} s | {cold['bare_gradio']['median_s']:.2f} s bare Gradio app "
        f"| {cold['ratio']:.2f}× | {_verdict(cold['ratio'], BARS['cold_start'])} |",
    ]
    missed = [] if cold["ratio"] <= BARS["cold_start"] else ["cold_start"]
    for name, s in lat["endpoints"].items():
        bar = BARS.get(name)
        rows.append(
            f"| `{name}` p50 / p95 through gradio_client ({s['calls']} calls) | {s['p50_ms']:.0f} / {s['p95_ms']:.0f} ms "
            f"| {noop['p50_ms']:.0f} / {noop['p95_ms']:.0f} ms no-op endpoint | {s['p95_ratio_to_noop']:.2f}× (p95) | {_verdict(s['p95_ratio_to_noop'], bar)} |"
        )
        if bar is not None and s["p95_ratio_to_noop"] > bar:
            missed.append(name)
    rows.append(
        f"| resident memory after one call to every endpoint | {mem['app_mb']:.0f} MB | {mem['bare_torch_gradio_mb']:.0f} MB bare torch + Gradio "
        f"| {mem['ratio']:.2f}× | – |"
    )
    footer = f"\nMeasured {result['date'][:10]} on {m['cores']} cores ({m['cpu']}), Python {m['python']}, gradio {m['gradio']}, torch {m['torch']}, with `{result['command'].strip()}`."
    return "\n".join(rows) + "\n" + footer, missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.report")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    text, missed = table(json.loads(RESULTS.read_text()))
    readme = README.read_text()
    if START not in readme or END not in readme:
        sys.exit(f"README.md lacks the {START} / {END} markers")
    README.write_text(re.sub(f"{re.escape(START)}.*?{re.escape(END)}", f"{START}\n{text}\n{END}", readme, flags=re.S))
    print(text)
    if missed:
        print(f"bars missed: {', '.join(missed)}", file=sys.stderr)
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    sys.exit(main())

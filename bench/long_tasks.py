"""How long the browser's main thread is blocked when a person opens each tab: Chromium's Long Tasks API (every task
over 50 ms) recorded from the first byte of the page until the tab has shown its computed panels, written to
bench/results/long_tasks.json. Each tab is opened by its deep link in a fresh page, at 1440×900 and at 390×844.

    python -m bench.long_tasks [--settle 8]
    python -m bench.report         # renders the line into README.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
from pathlib import Path

from bench.run import Server, machine
from demos.tabs import SHOWN

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "long_tasks.json"
OBSERVE = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
}).observe({ type: "longtask", buffered: true });
"""
VIEWPORTS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.long_tasks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--settle", type=float, default=8.0, help="seconds after load to keep recording")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    tabs: dict[str, dict] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        baselines: dict[str, dict] = {}  # a one-textbox Gradio page, and the same page with one small Plotly figure
        for baseline, env in (("bare_gradio_worst_ms", {}), ("bare_gradio_plot_worst_ms", {"BARE_PLOT": "1"})):
            bare = Server("bench/bare_app.py", env)
            bare.wait_ready()
            for name, viewport in VIEWPORTS.items():
                page = browser.new_context(viewport=viewport).new_page()
                page.add_init_script(OBSERVE)
                page.goto(bare.url, wait_until="load")
                page.wait_for_timeout(int(args.settle * 1000))
                baselines.setdefault(baseline, {})[name] = max(page.evaluate("window.__longTasks"), default=0)
                page.context.close()
            bare.stop()
        app = Server("app.py")
        app.wait_ready()
        warm = browser.new_page()  # the first page load also warms the models; not measured
        warm.goto(app.url)
        warm.wait_for_timeout(int(args.settle * 1000))
        warm.close()
        for name, viewport in VIEWPORTS.items():
            for tab in SHOWN:
                page = browser.new_context(viewport=viewport).new_page()
                page.add_init_script(OBSERVE)
                page.goto(f"{app.url}?tab={tab}", wait_until="load")
                page.wait_for_timeout(int(args.settle * 1000))
                tasks = page.evaluate("window.__longTasks")
                tabs.setdefault(tab, {})[name] = {"worst_ms": max(tasks, default=0), "total_ms": sum(tasks)}
                page.context.close()
                print(tab, name, tabs[tab][name], file=sys.stderr)
        browser.close()
    app.stop()
    worst = max((v["worst_ms"], t, n) for t, views in tabs.items() for n, v in views.items())
    result = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": "python -m bench.long_tasks " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": machine(),
        "tabs": tabs,
        "worst": {"ms": worst[0], "tab": worst[1], "viewport": worst[2]},
        **baselines,
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()

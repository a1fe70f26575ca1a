"""Regenerate the README's screenshots from the live app: `python scripts/screenshots.py [--tabs ogan cln ...]`.

Launches `python app.py` on a free port, opens each tab by its link in headless chromium (1280 px wide, English),
waits until the tab's computed panels have drawn (its pictures and plots), and saves docs/screenshot-<tab>.png: the
top 1800 px of the tab: the article header and the first results.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HEIGHT = 1800  # px of the page kept, from its top
READY = {  # tab -> what must be visible before the shot
    "ogan": "#ogan-recon img",
    "gan_arch": "#arch-selfmod img",
    "iresnet": "#iresnet-error .js-plotly-plot",
    "onlstm": ".onlstm-tree",
    "cln": ".cln-card",
    "smooth": "#smooth-plot .js-plotly-plot",
    "terms": "#terms-table table",
}
NAMES = {"smooth": "screenshot.png"}  # the README's first screenshot keeps its name


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(port: int) -> subprocess.Popen:
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "GRADIO_SERVER_NAME": "127.0.0.1", "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("the app did not start within 2 minutes")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tabs", nargs="+", choices=list(READY), default=list(READY))
    args = parser.parse_args(argv)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    port = free_port()
    app = launch(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 1100}, locale="en-US")
            for tab in args.tabs:
                page.goto(f"http://127.0.0.1:{port}/?tab={tab}")
                page.locator(READY[tab]).first.wait_for(state="visible", timeout=120_000)
                page.wait_for_timeout(1500)  # plots finish their transitions
                out = DOCS / NAMES.get(tab, f"screenshot-{tab}.png")
                page.screenshot(path=str(out), full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": HEIGHT})
                print(f"wrote {out.relative_to(ROOT)}")
            browser.close()
    finally:
        app.terminate()
        app.wait(timeout=30)


if __name__ == "__main__":
    main()

"""Pieces every tab shares: the article header with its cite block, LaTeX settings, and input validation that turns
bad input into a clear `gr.Error` instead of a traceback."""

from __future__ import annotations

import concurrent.futures
import contextlib
import html
import math
import re
import tempfile
import threading
import time
from pathlib import Path

import gradio as gr
import numpy as np

from demos.articles import ARTICLES, Article
from demos.guard import MAX_UPLOAD_MB
from demos.i18n import I18N

LATEX = [
    {"left": "$$", "right": "$$", "display": True},
    {"left": "$", "right": "$", "display": False},
]


def markdown(value, **kwargs) -> gr.Markdown:
    """A Markdown block that renders $inline$ and $$display$$ LaTeX."""
    return gr.Markdown(value, latex_delimiters=LATEX, **kwargs)


def cite_block(article: Article) -> None:
    with gr.Accordion(I18N("shared.cite"), open=False, elem_classes="cite"):
        gr.Markdown(I18N("shared.cite_apa"))
        gr.Code(article.apa(), language=None, lines=1, show_label=False, interactive=False)
        gr.Markdown(I18N("shared.cite_bibtex"))
        gr.Code(article.bibtex(), language=None, show_label=False, interactive=False)


def article_header(tab_id: str, summary_key: str) -> None:
    """Chinese and English title, date, link to the original, cite button, and our summary with its formulas."""
    article = ARTICLES[tab_id]
    links = [f"[kexue.fm/archives/{article.archive}]({article.url})"]
    links += [f"[{label}]({url})" for label, url in article.related]
    gr.Markdown(
        f"## {article.title_zh}\n**{article.title_en}** · 苏剑林 Su Jianlin · {article.date.isoformat()} · "
        + " · ".join(links),
        elem_classes="article-title",
    )
    cite_block(article)
    markdown(I18N(summary_key), elem_classes="article-summary")
    gr.Markdown(I18N("shared.summary_note"), elem_classes="article-note")


# ---------------------------------------------------------------- input validation

MAX_VECTOR = 1000
_NUMBER = re.compile(r"[^\s,;\[\]()，；、【】（）]+")  # ASCII and full-width separators


def quote(text: object, limit: int = 20) -> str:
    """A short, HTML-escaped echo of user input for error messages (gradio's toasts render HTML)."""
    return html.escape(str(text)[:limit])


def parse_vector(text: object, max_len: int = MAX_VECTOR, what: str = "The vector") -> np.ndarray:
    """'[2, 1, 4]' or '2 1 4' or a list of numbers -> float array; anything else -> gr.Error saying what is wrong."""
    if isinstance(text, (list, tuple)):
        tokens = [str(t) for t in text]
    elif isinstance(text, str):
        tokens = _NUMBER.findall(text)
    else:
        raise gr.Error(f"{what} must be text such as '2, 1, 4, 5, 3', not {type(text).__name__}.")
    if not tokens:
        raise gr.Error(f"{what} is empty: enter numbers such as '2, 1, 4, 5, 3'.")
    if len(tokens) > max_len:
        raise gr.Error(f"{what} has {len(tokens)} entries; the limit is {max_len}.")
    values = []
    for tok in tokens:
        try:
            v = float(tok)
        except ValueError:
            raise gr.Error(f"{what} contains '{quote(tok)}', which is not a number.") from None
        if not math.isfinite(v):
            raise gr.Error(f"{what} contains {quote(tok)}; only finite numbers are allowed (no NaN or infinity).")
        if abs(v) > 1e6:
            raise gr.Error(f"{what} contains {quote(tok)}; entries must lie within ±1,000,000.")
        values.append(v)
    return np.asarray(values, dtype=np.float64)


def parse_number(
    value: object, name: str, low: float, high: float, integer: bool = False, closed: bool = False
) -> float:
    """A finite number in (low, high] ([low, high] if `closed`; an integer in [low, high]); otherwise a clear gr.Error."""
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise gr.Error(f"{name} must be a number, not '{quote(value)}'.") from None
    if not math.isfinite(v):
        raise gr.Error(f"{name} must be finite, not {v}.")
    if integer:
        if v != int(v) or not low <= v <= high:
            raise gr.Error(f"{name} must be a whole number from {low:g} to {high:g}, not {v:g}.")
        return int(v)
    if closed and not low <= v <= high:
        raise gr.Error(f"{name} must lie from {low:g} to {high:g}, not {v:g}.")
    if not closed and not low < v <= high:
        raise gr.Error(f"{name} must be greater than {low:g} and at most {high:g}, not {v:g}.")
    return v


# ---------------------------------------------------------------- launching

SCRATCH = Path(tempfile.gettempdir()) / "explorables-scratch"
SCRATCH_MAX_AGE_S = 600


def scratch_file(name: str) -> Path:
    """A fresh path for a file a handler returns (a GIF, a CSV). Gradio copies it into its own cache as it answers,
    so files older than ten minutes are removed here whenever a new one is made: the folder stays small."""
    SCRATCH.mkdir(exist_ok=True)
    now = time.time()
    for old in SCRATCH.glob("*/*"):
        if now - old.stat().st_mtime > SCRATCH_MAX_AGE_S:
            old.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                old.parent.rmdir()
    return Path(tempfile.mkdtemp(dir=SCRATCH)) / name


ASSETS = Path(__file__).resolve().parent.parent / "assets"


def on_open(demo: gr.Blocks, fn, inputs, outputs, name: str, **kwargs):
    """Run `fn` on the tab's default inputs when the page opens, so the tab shows a result before any click: a
    private endpoint `<name>_initial`. Returns the event, to chain `.then` on."""
    return demo.load(fn, inputs, outputs, api_name=f"{name}_initial", api_visibility="private", **kwargs)


def launch_kwargs() -> dict:
    """Theme, CSS and translations: in Gradio 6 these go to `launch()`, for the whole app or a tab run alone."""
    return {
        "theme": gr.themes.Soft(primary_hue="blue", secondary_hue="amber"),
        "css_paths": [ASSETS / "style.css"],
        "i18n": I18N,
        "footer_links": ["api", "settings"],
        "max_file_size": f"{MAX_UPLOAD_MB}mb",  # larger uploads are refused before they are stored
    }


# ---------------------------------------------------------------- models, loaded once in the background


class Lazy:
    """A value built once by `loader` on a background thread (start-up keeps serving meanwhile); `get()` waits."""

    def __init__(self, loader):
        self._loader = loader
        self._future = None
        self._lock = threading.Lock()

    def start(self) -> Lazy:
        with self._lock:
            if self._future is None:
                self._future = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="load").submit(self._loader)
        return self

    def get(self):
        try:
            return self.start()._future.result()
        except Exception as err:  # a missing snapshot: say so instead of a traceback
            raise gr.Error(f"The model could not be loaded: {quote(err, 400)}") from err


def model_queue(tab: str) -> dict:
    """Event kwargs: a tab's model calls wait in the tab's own line (one at a time), so that a heavy call in one tab
    never holds the calls of another."""
    return {"concurrency_id": tab, "concurrency_limit": 1}


LAZY: list[Lazy] = []  # every model of every tab; app.py starts them all after building the UI


def lazy(loader) -> Lazy:
    item = Lazy(loader)
    LAZY.append(item)
    return item

"""Pieces every tab shares: the article header with its cite block, LaTeX settings, and input validation that turns
bad input into a clear `gr.Error` instead of a traceback."""

from __future__ import annotations

import concurrent.futures
import math
import re
import tempfile
import threading
from pathlib import Path

import gradio as gr
import numpy as np

from demos.articles import ARTICLES, Article
from demos.errors import error, quote
from demos.guard import MAX_UPLOAD_MB
from demos.i18n import I18N

LATEX = [
    {"left": "$$", "right": "$$", "display": True},
    {"left": "$", "right": "$", "display": False},
]


def page_language(request: gr.Request | None) -> str:
    """'zh' when the browser prefers Chinese (Accept-Language), else 'en': for what the server draws (figures, table
    headers), which gr.I18n does not reach."""
    accept = (request.headers.get("accept-language", "") if request else "").lower()
    return "zh" if accept.startswith("zh") else "en"


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


def parse_vector(text: object, max_len: int = MAX_VECTOR, what: str = "The vector") -> np.ndarray:
    """'[2, 1, 4]' or '2 1 4' or a list of numbers -> float array; anything else -> gr.Error saying what is wrong."""
    if isinstance(text, (list, tuple)):
        tokens = [str(t) for t in text]
    elif isinstance(text, str):
        tokens = _NUMBER.findall(text)
    else:
        raise error("vector_type", what, kind=type(text).__name__)
    if not tokens:
        raise error("vector_empty", what)
    if len(tokens) > max_len:
        raise error("vector_long", what, n=len(tokens), limit=max_len)
    values = []
    for tok in tokens:
        try:
            v = float(tok)
        except ValueError:
            raise error("vector_nan", what, value=quote(tok)) from None
        if not math.isfinite(v):
            raise error("vector_finite", what, value=quote(tok))
        if abs(v) > 1e6:
            raise error("vector_bound", what, value=quote(tok))
        values.append(v)
    return np.asarray(values, dtype=np.float64)


def parse_number(
    value: object, name: str, low: float, high: float, integer: bool = False, closed: bool = False
) -> float:
    """A finite number in (low, high] ([low, high] if `closed`; an integer in [low, high]); otherwise a clear gr.Error."""
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise error("number", name, value=quote(value)) from None
    if not math.isfinite(v):
        raise error("finite", name, value=v)
    bounds = {"low": f"{low:g}", "high": f"{high:g}", "value": f"{v:g}"}
    if integer:
        if v != int(v) or not low <= v <= high:
            raise error("integer", name, **bounds)
        return int(v)
    if closed and not low <= v <= high:
        raise error("range", name, **bounds)
    if not closed and not low < v <= high:
        raise error("open_range", name, **bounds)
    return v


# ---------------------------------------------------------------- launching

SCRATCH = Path(tempfile.gettempdir()) / "explorables-scratch"


def scratch_file(name: str) -> Path:
    """The one path for a file a handler returns (a GIF, a CSV), rewritten by every call. Gradio copies the file into
    its own cache as it answers, and the calls that write `name` wait in one tab's queue (one at a time), so a call
    never overwrites a file Gradio has not copied yet: the app's own temporary files stay one per name."""
    SCRATCH.mkdir(exist_ok=True)
    return SCRATCH / name


ASSETS = Path(__file__).resolve().parent.parent / "assets"


def launch_kwargs() -> dict:
    """Theme, CSS, translations and the page script (assets/page.js: deep links, the address following the tab and
    its controls, digit pads, each tab's opening panels): in Gradio 6 these go to `launch()`, for the whole app or a
    tab run alone."""
    return {
        "js": (ASSETS / "page.js").read_text(encoding="utf-8"),
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
            raise error("model", detail=quote(err, 400)) from err


def model_queue(tab: str) -> dict:
    """Event kwargs: a tab's model calls wait in the tab's own line (one at a time), so that a heavy call in one tab
    never holds the calls of another."""
    return {"concurrency_id": tab, "concurrency_limit": 1}


LAZY: list[Lazy] = []  # every model of every tab; app.py starts them all after building the UI


def lazy(loader) -> Lazy:
    item = Lazy(loader)
    LAZY.append(item)
    return item

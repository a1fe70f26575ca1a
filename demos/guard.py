"""The app's front door: every request's inputs are checked against the components they are bound to before Gradio
touches them, and anything a handler did not expect becomes a short, specific message instead of Gradio's generic
"error". One place for every endpoint, public and private.

- numbers (Slider, Number): numeric text is read as a number; missing, non-numeric, NaN/inf or out of range -> message;
- choices (Radio, Dropdown): must be one of the component's values;
- text (Textbox): must be text within the box's max_length; lone surrogates (which cannot be encoded) become U+FFFD;
- files: an upload must fit MAX_UPLOAD_MB (images MAX_IMAGE_MB), and an image's size is read from its header before
  any decoding (at most MAX_IMAGE_SIDE pixels a side);
- a user error logs one line, not a traceback; messages quote at most a short, escaped excerpt of the input.

Messages are in English and Chinese at once: a gr.Error is not translated by the page.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import html
import inspect
import itertools
import logging
import math
import re
from pathlib import Path

import gradio as gr
from gradio import components as c
from gradio.exceptions import Error
from gradio.i18n import I18nData
from gradio.utils import get_upload_folder
from PIL import Image

from demos.errors import error
from demos.i18n import EN, ZH

LOG = logging.getLogger("explorables")
MAX_UPLOAD_MB = 20  # every upload (launch's max_file_size); the README states it
MAX_IMAGE_MB = 5
MAX_IMAGE_SIDE = 4096
IMAGE_FORMATS = {"PNG", "JPEG", "WEBP", "GIF", "BMP"}
SURROGATE = re.compile("[\ud800-\udfff]")


def excerpt(value: object, limit: int = 20) -> str:
    """At most `limit` characters of the input, escaped (toasts render HTML), lone surrogates replaced."""
    text = SURROGATE.sub("\ufffd", str(value))
    return html.escape(text[:limit] + ("…" if len(text) > limit else ""))


def label(block: c.Component, index: int) -> tuple[str, str]:
    """The component's label in English and Chinese (its i18n key looked up), or its position."""
    raw = getattr(block, "label", None)
    if isinstance(raw, I18nData):
        return EN.get(raw.key, raw.key), ZH.get(raw.key, raw.key)
    if raw:
        return str(raw), str(raw)
    return f"Input {index + 1}", f"第 {index + 1} 个输入"


def _number(block, value, name):
    if value is None:
        if isinstance(block, c.Number):
            return None  # an empty Number box: the handler says what it needs
        raise error("missing", name)
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise error("number", name, value=excerpt(value)) from None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise error("number", name, value=excerpt(value))
    if not math.isfinite(value):
        raise error("finite", name, value=value)
    low, high = getattr(block, "minimum", None), getattr(block, "maximum", None)
    if (low is not None and value < low) or (high is not None and value > high):
        raise error("range", name, low=f"{low:g}", high=f"{high:g}", value=f"{value:g}")
    return value


def _choice(block, value, name):
    allowed = [v for _, v in block.choices]
    if getattr(block, "allow_custom_value", False) or getattr(block, "multiselect", False):
        return value
    try:
        ok = value in allowed
    except TypeError:  # an unhashable or odd value
        ok = False
    if not ok:
        choices = ", ".join(excerpt(v) for v in allowed[:12])
        raise error("choice", name, choices=choices, value=excerpt(value))
    return value


def _text(block, value, name):
    if value is None:
        return value
    if not isinstance(value, str):
        raise error("text", name, kind=type(value).__name__)
    limit = getattr(block, "max_length", None)
    if limit and len(value) > limit:
        raise error("long", name, n=len(value), limit=limit)
    return SURROGATE.sub("\ufffd", value)


def _uploads(value) -> list[Path]:
    """Local files named anywhere in a payload that lie in Gradio's upload folder (the rest Gradio itself refuses)."""
    if isinstance(value, dict):
        found = [p for v in value.values() for p in _uploads(v)]
        path = value.get("path")
        if isinstance(path, str):
            p = Path(path)
            if p.is_file() and p.resolve().is_relative_to(Path(get_upload_folder()).resolve()):
                found.append(p)
        return found
    if isinstance(value, (list, tuple)):
        return [p for v in value for p in _uploads(v)]
    return []


def _files(block, value, name):
    if value is not None and not isinstance(value, dict | list):
        raise error("file", name, kind=type(value).__name__)
    is_image = isinstance(block, (c.Image, c.ImageEditor))
    for path in _uploads(value):
        limit = MAX_IMAGE_MB if is_image else MAX_UPLOAD_MB
        size_mb = path.stat().st_size / 1e6
        if size_mb > limit:
            raise error("file_big", name, mb=size_mb, limit=limit)
        if is_image:
            try:
                with Image.open(path) as im:  # reads the header only
                    fmt, (w, h) = im.format, im.size
            except Exception:
                raise error("image", name) from None
            if fmt not in IMAGE_FORMATS:
                raise error("image", name)
            if max(w, h) > MAX_IMAGE_SIDE:
                raise error("image_side", name, w=w, h=h, limit=MAX_IMAGE_SIDE)
    return value


CHECKS = [
    ((c.Slider, c.Number), _number),
    ((c.Radio, c.Dropdown), _choice),
    ((c.Textbox,), _text),
    ((c.Image, c.ImageEditor, c.File), _files),
]


def check(block_fn, inputs: list, state=None) -> list:
    """The inputs, each checked (and where harmless, normalised) against the component it is bound to, as this
    session last updated it (a slider whose range an event changed is checked against its new range)."""
    out = list(inputs)
    for i, block in enumerate(block_fn.inputs[: len(out)]):
        if state is not None and block._id in state:
            block = state[block._id]
        for kinds, fn in CHECKS:
            if isinstance(block, kinds):
                out[i] = fn(block, out[i], label(block, i))
                break
    return out


def _quiet(err: Error, endpoint: str) -> Error:
    """A user error: one log line instead of a traceback."""
    LOG.warning("%s: %s", endpoint, str(err.message)[:200].replace("\n", " "))
    err.print_exception = False
    return err


def _trimmer():
    """glibc's malloc_trim: hands freed heap pages back to the system (a long-running server's resident memory otherwise
    creeps up as many threads allocate tensors of many sizes). None where libc has no such call."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


TRIM, TRIM_EVERY = _trimmer(), 100
_calls = itertools.count(1)


class Blocks(gr.Blocks):
    """gr.Blocks whose every event checks its inputs first and never answers with a generic error."""

    def _keep_results(self, block_fn, err: Error, args: tuple, kwargs: dict) -> dict | None:
        """A person's bad input in the browser: the message as a toast, and every output keeps what it showed (an
        error would replace the previous results with red boxes). Programs (gradio_client marks its calls with
        x-gradio-user: api, the page its own with "app") still get the error. None when the call is a program's or has no queue event."""
        call = inspect.signature(gr.Blocks.call_function).bind_partial(self, block_fn, *args, **kwargs).arguments
        request, event_id = call.get("requests"), call.get("event_id")
        request = request[0] if isinstance(request, list) and request else request
        headers = getattr(request, "headers", None)
        program = headers is None or headers.get("x-gradio-user", "api") != "app"  # the page's own calls say "app"
        if event_id is None or program or call.get("iterator") is not None:
            return None
        self._queue.log_message(event_id=event_id, log=str(err.message), title="", level="warning", duration=10)
        skips = [gr.skip() for _ in block_fn.outputs]
        return {"prediction": skips[0] if len(skips) == 1 else skips, "duration": 0.0, "is_generating": False,
                "iterator": None}  # fmt: skip

    async def preprocess_data(self, block_fn, inputs, state, explicit_call=False):
        endpoint = "/" + str(block_fn.api_name or block_fn.name)
        try:
            inputs = check(block_fn, inputs, state)
            return await super().preprocess_data(block_fn, inputs, state, explicit_call)
        except Error as err:
            raise _quiet(err, endpoint) from None
        except Exception as err:
            LOG.warning("%s: input refused (%s)", endpoint, type(err).__name__)
            raise error("shape", endpoint=endpoint, kind=type(err).__name__) from None

    async def call_function(self, block_fn, *args, **kwargs):
        endpoint = "/" + str(block_fn.api_name or block_fn.name)
        if TRIM is not None and next(_calls) % TRIM_EVERY == 0:
            TRIM(0)
        try:
            return await super().call_function(block_fn, *args, **kwargs)
        except (StopIteration, StopAsyncIteration):
            raise
        except Error as err:
            quiet = _quiet(err, endpoint)
            kept = self._keep_results(block_fn, quiet, args, kwargs)
            if kept is None:
                raise quiet from None
            return kept
        except Exception as err:
            LOG.warning("%s: %s: %s", endpoint, type(err).__name__, str(err)[:200].replace("\n", " "))
            raise error("shape", endpoint=endpoint, kind=type(err).__name__) from None

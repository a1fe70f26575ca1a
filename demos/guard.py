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

import html
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

from demos.i18n import EN, ZH

LOG = logging.getLogger("explorables")
MAX_UPLOAD_MB = 20  # every upload (launch's max_file_size); the README states it
MAX_IMAGE_MB = 5
MAX_IMAGE_SIDE = 4096
IMAGE_FORMATS = {"PNG", "JPEG", "WEBP", "GIF", "BMP"}
SURROGATE = re.compile("[\ud800-\udfff]")

MESSAGES = {  # key: (English, Chinese)
    "missing": ("{name} is missing.", "缺少{name_zh}。"),
    "number": ("{name} must be a number, not '{value}'.", "{name_zh}须是数字，而不是“{value}”。"),
    "finite": ("{name} must be a finite number, not {value}.", "{name_zh}须是有限的数，而不是 {value}。"),
    "range": ("{name} must lie from {low} to {high}, not {value}.", "{name_zh}须在 {low} 到 {high} 之间，而不是 {value}。"),
    "choice": ("{name} must be one of: {choices}; not '{value}'.", "{name_zh}须是以下之一：{choices}；而不是“{value}”。"),
    "text": ("{name} must be text, not {kind}.", "{name_zh}须是文本，而不是 {kind}。"),
    "long": ("{name} has {n:,} characters; the limit is {limit:,}.", "{name_zh}有 {n:,} 个字符，上限是 {limit:,}。"),
    "file_big": ("{name}: the file has {mb:.1f} MB; the limit is {limit} MB.", "{name_zh}：文件有 {mb:.1f} MB，上限是 {limit} MB。"),
    "file": ("{name} must be a file (an upload), not {kind}.", "{name_zh}须是上传的文件，而不是 {kind}。"),
    "image": (
        "{name}: this file is not an image I can read (PNG, JPEG, WebP, GIF or BMP).",
        "{name_zh}：无法读取这个文件（支持 PNG、JPEG、WebP、GIF、BMP 图像）。",
    ),
    "image_side": (
        "{name}: the image is {w}×{h} pixels; the limit is {limit} a side.",
        "{name_zh}：图像为 {w}×{h} 像素，每边上限 {limit}。",
    ),
    "shape": (
        "{endpoint} could not use this input ({kind}). The API page (footer, 'Use via API') shows what each input takes.",
        "{endpoint} 无法使用这个输入（{kind}）。每个输入的格式见 API 页面（页脚 “Use via API”）。",
    ),
}  # fmt: skip


def message(key: str, name: tuple[str, str] = ("", ""), **values) -> str:
    en, zh = MESSAGES[key]
    return en.format(name=name[0], **values) + " / " + zh.format(name_zh=name[1], **values)


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
        raise gr.Error(message("missing", name), print_exception=False)
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise gr.Error(message("number", name, value=excerpt(value)), print_exception=False) from None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise gr.Error(message("number", name, value=excerpt(value)), print_exception=False)
    if not math.isfinite(value):
        raise gr.Error(message("finite", name, value=value), print_exception=False)
    low, high = getattr(block, "minimum", None), getattr(block, "maximum", None)
    if (low is not None and value < low) or (high is not None and value > high):
        raise gr.Error(
            message("range", name, low=f"{low:g}", high=f"{high:g}", value=f"{value:g}"), print_exception=False
        )
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
        raise gr.Error(message("choice", name, choices=choices, value=excerpt(value)), print_exception=False)
    return value


def _text(block, value, name):
    if value is None:
        return value
    if not isinstance(value, str):
        raise gr.Error(message("text", name, kind=type(value).__name__), print_exception=False)
    limit = getattr(block, "max_length", None)
    if limit and len(value) > limit:
        raise gr.Error(message("long", name, n=len(value), limit=limit), print_exception=False)
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
        raise gr.Error(message("file", name, kind=type(value).__name__), print_exception=False)
    is_image = isinstance(block, (c.Image, c.ImageEditor))
    for path in _uploads(value):
        limit = MAX_IMAGE_MB if is_image else MAX_UPLOAD_MB
        size_mb = path.stat().st_size / 1e6
        if size_mb > limit:
            raise gr.Error(message("file_big", name, mb=size_mb, limit=limit), print_exception=False)
        if is_image:
            try:
                with Image.open(path) as im:  # reads the header only
                    fmt, (w, h) = im.format, im.size
            except Exception:
                raise gr.Error(message("image", name), print_exception=False) from None
            if fmt not in IMAGE_FORMATS:
                raise gr.Error(message("image", name), print_exception=False)
            if max(w, h) > MAX_IMAGE_SIDE:
                raise gr.Error(message("image_side", name, w=w, h=h, limit=MAX_IMAGE_SIDE), print_exception=False)
    return value


CHECKS = [
    ((c.Slider, c.Number), _number),
    ((c.Radio, c.Dropdown), _choice),
    ((c.Textbox,), _text),
    ((c.Image, c.ImageEditor, c.File), _files),
]


def check(block_fn, inputs: list) -> list:
    """The inputs, each checked (and where harmless, normalised) against the component it is bound to."""
    out = list(inputs)
    for i, block in enumerate(block_fn.inputs[: len(out)]):
        for kinds, fn in CHECKS:
            if isinstance(block, kinds):
                out[i] = fn(block, out[i], label(block, i))
                break
    return out


def _quiet(err: Error, endpoint: str) -> Error:
    """A user error: one log line instead of a traceback."""
    if err.print_exception:
        LOG.warning("%s: %s", endpoint, str(err.message)[:200].replace("\n", " "))
        err.print_exception = False
    return err


class Blocks(gr.Blocks):
    """gr.Blocks whose every event checks its inputs first and never answers with a generic error."""

    async def preprocess_data(self, block_fn, inputs, state, explicit_call=False):
        endpoint = "/" + str(block_fn.api_name or block_fn.name)
        try:
            inputs = check(block_fn, inputs)
            return await super().preprocess_data(block_fn, inputs, state, explicit_call)
        except Error as err:
            raise _quiet(err, endpoint) from None
        except Exception as err:
            LOG.warning("%s: input refused (%s)", endpoint, type(err).__name__)
            raise gr.Error(
                message("shape", endpoint=endpoint, kind=type(err).__name__), print_exception=False
            ) from None

    async def call_function(self, block_fn, *args, **kwargs):
        endpoint = "/" + str(block_fn.api_name or block_fn.name)
        try:
            return await super().call_function(block_fn, *args, **kwargs)
        except (StopIteration, StopAsyncIteration):
            raise
        except Error as err:
            raise _quiet(err, endpoint) from None
        except Exception as err:
            LOG.warning("%s: %s: %s", endpoint, type(err).__name__, str(err)[:200].replace("\n", " "))
            raise gr.Error(
                message("shape", endpoint=endpoint, kind=type(err).__name__), print_exception=False
            ) from None

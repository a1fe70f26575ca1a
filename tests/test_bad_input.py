"""The bad-input catalogue, generated from the live app's endpoint list (public and private alike): every input of
every event gets the values a careless or hostile caller sends, through the same path a request takes (Gradio's
preprocessing, our guard, the handler, postprocessing). Each call either answers or raises a gr.Error with a short,
specific, escaped message; none ends in Gradio's generic error. The server keeps serving afterwards."""

from __future__ import annotations

import asyncio
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import gradio as gr
import pytest
from gradio import components as c
from gradio.state_holder import SessionState
from gradio.utils import get_upload_folder

MARKUP = "<svg><a href=javascript:alert(1)>x</a></svg>"
TEXTS = [123, "a" * 1_000_000, "abc\ud800def", "a\x00b", "\u202eabc\u200d\u200dxyz", MARKUP]
NUMBERS = [None, "abc", "", float("nan"), float("inf"), -1e300, [1, 2], {"x": 1}, MARKUP]
CHOICES = [None, 3.5, [1], "a" * 1_000_000, MARKUP]
ANY = [None, "abc", 17, [], {"code": "abc"}, {"headers": MARKUP, "data": [[MARKUP]]}]


def _png_header(width: int, height: int) -> bytes:
    """A tiny PNG file whose header claims width × height pixels (a decompression bomb's first bytes)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))


def _uploads() -> list[dict]:
    """Files as they sit in Gradio's upload folder after an upload: not images, truncated, or far too large."""
    folder = Path(get_upload_folder()) / "bad-input-catalogue"
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "empty.png": b"",
        "drawing.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "truncated.png": (Path(__file__).resolve().parents[1] / "assets/examples/ogan/digit_7.png").read_bytes()[:60],
        "bomb.png": _png_header(13000, 13000),
        "big.txt": b"a" * 21_000_000,
    }
    out = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out.append({"path": str(folder / name), "meta": {"_type": "gradio.FileData"}, "orig_name": name})
    out.append({"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}})
    return out


def _files(block) -> list:
    files = _uploads()
    if isinstance(block, c.ImageEditor):
        return [{"background": None, "layers": [], "composite": f, "id": None} for f in files] + ["abc", 3]
    return [*files, "abc", 3]


def _bad_values(block) -> list:
    if isinstance(block, (c.Slider, c.Number)):
        return NUMBERS
    if isinstance(block, (c.Radio, c.Dropdown)):
        return CHOICES
    if isinstance(block, c.Textbox):
        return TEXTS
    if isinstance(block, (c.Image, c.ImageEditor, c.File)):
        return _files(block)
    return ANY


def _cases(demo: gr.Blocks):
    for block_fn in demo.fns.values():
        if block_fn.fn is None or not block_fn.inputs:
            continue
        for i, block in enumerate(block_fn.inputs):
            for value in _bad_values(block):
                yield block_fn, i, value


def _call(demo, block_fn, i, value):
    """One request through Gradio's own path, on an event loop of its own in a worker thread (the browser tests leave a
    loop running in this one), with that loop's default thread limiter instead of the server's, which is bound to the
    server's loop once it has answered a request."""
    inputs = [getattr(b, "value", None) for b in block_fn.inputs]
    inputs[i] = value
    limiter, demo.limiter = demo.limiter, None
    try:
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, demo.process_api(block_fn, inputs, state=SessionState(demo))).result()
    finally:
        demo.limiter = limiter


@pytest.fixture(scope="module")
def demo(app_url):  # the app launched by conftest: its models load in the background
    import app

    return app.demo


def test_every_input_of_every_endpoint_refuses_bad_values_with_a_specific_message(demo, client):
    generic, too_long, unescaped, unnamed, answered = [], [], [], [], 0
    for block_fn, i, value in _cases(demo):
        where = f"{block_fn.api_name}[{i}]={str(value)[:30]!r}"
        try:
            _call(demo, block_fn, i, value)
            answered += 1
            continue
        except gr.Error as err:
            msg = str(err.message)
        except Exception as err:  # what Gradio would answer with its generic error
            generic.append(f"{where}: {type(err).__name__}: {str(err)[:120]}")
            continue
        if len(msg) > 600:
            too_long.append(where)
        if any(tag in msg for tag in ("<svg", "<script", "<a ")):
            unescaped.append(where)
        named_kind = isinstance(block_fn.inputs[i], (c.Slider, c.Radio, c.Dropdown, c.Textbox, c.Image, c.ImageEditor))
        if named_kind and msg.startswith("/") and not isinstance(value, dict | list):  # the last resort names no input
            unnamed.append(f"{where}: {msg[:80]}")
    assert not generic, generic
    assert not too_long, too_long
    assert not unescaped, unescaped
    assert not unnamed, unnamed
    assert answered > 0  # numeric text and cleaned text are accepted, not refused
    assert client.predict(0, 1, api_name="/ogan_sample")  # and the server still serves

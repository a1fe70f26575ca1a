"""Digit input shared by the tabs that take a handwritten digit (O-GAN, i-ResNet): a sketchpad, the bundled test
digits, and the conversion of any picture to MNIST format with friendly messages."""

from __future__ import annotations

from pathlib import Path

import gradio as gr
import numpy as np
from PIL import Image

from demos.common import ASSETS
from demos.errors import error, quote
from demos.i18n import I18N
from demos.localize import lookup
from models.digits import BlankImage, to_mnist

SCALE = 7  # 28 px -> 196 px on screen, nearest neighbour
DIGITS = [ASSETS / "examples" / "ogan" / f"digit_{d}.png" for d in range(10)]  # one MNIST test digit per class


def _picture(value) -> np.ndarray:
    """The pixels of a Sketchpad value (dict), an image array, or an image file path."""
    if isinstance(value, dict):
        value = value.get("composite") if value.get("composite") is not None else value.get("background")
    if value is None:
        raise error("no_image")
    if isinstance(value, (str, Path)):
        try:
            value = np.asarray(Image.open(value).convert("RGBA"))
        except (OSError, ValueError) as err:
            raise error("not_image") from err
    if not isinstance(value, np.ndarray):
        raise error("image_type", kind=type(value).__name__)
    return value


def test_digit(d: int) -> np.ndarray:
    """MNIST test digit `d` exactly as the test set holds it: (28, 28) in [0, 1], no cropping or re-centring (the
    preprocessing for drawings would move its pixels and change what the model is measured on)."""
    return np.asarray(Image.open(DIGITS[d]).convert("L"), dtype=np.float32) / 255


def digit_pixels(value) -> np.ndarray:
    """Any input -> (28, 28) in [0, 1], with a friendly message for blank drawings."""
    picture = _picture(value)  # its own messages go out as they are
    try:
        return to_mnist(picture)
    except BlankImage:
        raise error("blank") from None
    except ValueError as err:
        raise error("unusable", detail=quote(err, 120)) from None


SOURCE = lookup(  # which input a digit button used, in the page's language
    {
        "digit": ("test digit {d}, as MNIST holds it", "测试数字 {d}（MNIST 原样）"),
        "drawing": ("your drawing, cropped, fitted in 20×20 and centred", "你的手写（经裁剪、缩放到 20×20 并居中）"),
    }
)


def digit_button(button, pad, example, outputs, chosen, public, api_name: str, **queue) -> None:
    """Wire a digit tab's button to the input the person chose last: a stroke on `pad` (or wiping it) or a test digit
    picked in `example`. The page script (assets/page.js) marks the pad the moment either happens; the click script
    copies that mark into a hidden text box for `chosen(image, digit, choice)`. Until the person draws, the button
    uses the test digit the tab opened with. Programs call `public(image)` as `/<api_name>`, carried by a hidden
    button of its own."""
    example.elem_classes = [*(example.elem_classes or []), "digit-choices"]
    choice = gr.Textbox("digit", visible="hidden")
    script = (
        f"(image, digit, choice) => [image, digit, document.getElementById({pad.elem_id!r})?.dataset.choice ?? choice]"
    )
    inputs = [pad, example, choice]
    button.click(chosen, inputs, outputs, js=script, api_name=f"{api_name}_chosen", api_visibility="private", **queue)
    gr.Button(visible="hidden").click(public, pad, outputs, api_name=api_name, **queue)


def chosen_pixels(image, digit, choice: str, lang: str = "en") -> tuple[np.ndarray, str]:
    """(28, 28) pixels of the input chosen last: the drawing or picture `image`, or test digit `digit` as the test
    set holds it; and which one it was, in words."""
    if choice == "digit" and digit is not None:
        return test_digit(int(digit)), SOURCE("digit", lang, d=int(digit))
    return digit_pixels(image), SOURCE("drawing", lang)


def digit_sketchpad(size: int, label, **kwargs) -> gr.Sketchpad:
    """A square canvas with a black brush scaled to it; ink ends up in the alpha channel of the RGBA composite."""
    brush = gr.Brush(default_size=round(size / 15), colors=["#000000"], color_mode="fixed")
    return gr.Sketchpad(
        type="numpy",
        image_mode="RGBA",
        canvas_size=(size, size),
        brush=brush,
        transforms=(),  # no crop tool, no layers: the chrome a digit needs and no more
        layers=False,
        placeholder=I18N("shared.pad_placeholder"),
        label=label,
        elem_classes="digit-pad",  # app.py's page script picks the brush on each, so drawing works at once
        **kwargs,
    )


def show_digits(images) -> np.ndarray:
    """Model output in [-1, 1], (N, 1, 28, 28) or (28, 28) in [0, 1] -> one uint8 picture scaled up for the screen."""
    a = np.asarray(images, dtype=np.float32)
    if a.ndim == 2:
        a = a * 2 - 1
        a = a[None, None]
    a = ((np.clip(a, -1, 1) + 1) * 127.5).astype(np.uint8)[:, 0]  # (N, 28, 28)
    strip = np.concatenate(list(a), axis=1)
    return np.kron(strip, np.ones((SCALE, SCALE), dtype=np.uint8))


def digit_grid(images: np.ndarray) -> np.ndarray:
    """(N, 1, 28, 28) -> a near-square mosaic, scaled up."""
    n = len(images)
    cols = int(np.ceil(np.sqrt(n)))
    pad = np.full((cols * int(np.ceil(n / cols)) - n, 1, 28, 28), -1.0, dtype=np.float32)
    a = np.concatenate([images, pad])
    rows = [np.concatenate(list(a[i : i + cols, 0]), axis=1) for i in range(0, len(a), cols)]
    return show_digits(np.concatenate(rows, axis=0)[None, None])

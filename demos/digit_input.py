"""Digit input shared by the tabs that take a handwritten digit (O-GAN, i-ResNet): a sketchpad, the bundled test
digits, and the conversion of any picture to MNIST format with friendly messages."""

from __future__ import annotations

from pathlib import Path

import gradio as gr
import numpy as np
from PIL import Image

from demos.common import ASSETS
from demos.i18n import I18N
from models.digits import BlankImage, to_mnist

DIGITS = [ASSETS / "examples" / "ogan" / f"digit_{d}.png" for d in range(10)]  # one MNIST test digit per class


def _picture(value) -> np.ndarray:
    """The pixels of a Sketchpad value (dict), an image array, or an image file path."""
    if isinstance(value, dict):
        value = value.get("composite") if value.get("composite") is not None else value.get("background")
    if value is None:
        raise gr.Error("No image: pick the brush ✏️ and draw a digit, or choose an example.")
    if isinstance(value, (str, Path)):
        try:
            value = np.asarray(Image.open(value).convert("RGBA"))
        except (OSError, ValueError) as err:
            raise gr.Error("That file is not an image I can read (use PNG, JPEG or WebP).") from err
    if not isinstance(value, np.ndarray):
        raise gr.Error(f"Expected an image, got {type(value).__name__}.")
    return value


def digit_pixels(value) -> np.ndarray:
    """Any input -> (28, 28) in [0, 1], with a friendly message for blank drawings."""
    picture = _picture(value)  # its own messages go out as they are
    try:
        return to_mnist(picture)
    except BlankImage:
        raise gr.Error("The drawing is blank (or nearly): pick the brush ✏️ and draw a digit larger.") from None
    except ValueError as err:
        raise gr.Error(f"That image cannot be used: {err}.") from None


def digit_sketchpad(size: int, label, **kwargs) -> gr.Sketchpad:
    """A square canvas with a black brush scaled to it; ink ends up in the alpha channel of the RGBA composite."""
    brush = gr.Brush(default_size=round(size / 15), colors=["#000000"], color_mode="fixed")
    return gr.Sketchpad(
        type="numpy",
        image_mode="RGBA",
        canvas_size=(size, size),
        brush=brush,
        placeholder=I18N("shared.pad_placeholder"),
        label=label,
        **kwargs,
    )

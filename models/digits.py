"""Turn any picture of a digit into what an MNIST model expects: 28x28, white ink on black, the digit scaled to fit a
20x20 box and centred by its centre of mass (LeCun et al.'s own preprocessing).

Handles a drawing on a transparent canvas (ink in the alpha channel), dark ink on a light photo or scan, light ink on
a dark background (detected from the border), any size or aspect ratio. A blank input raises `BlankImage`.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

MAX_PIXELS = 25_000_000  # about 5000 x 5000
MIN_INK = 0.002  # share of the canvas that must carry ink
CENTRE = 14.0  # where MNIST puts a digit's centre of mass (pixel indices; the 10k test digits average 13.99, 14.01)


class BlankImage(ValueError):
    """The picture holds no (or almost no) ink."""


def ink_map(image: np.ndarray) -> np.ndarray:
    """(H, W), (H, W, 3) or (H, W, 4) uint8/float -> ink in [0, 1], 1 = stroke. Transparent pixels count as paper."""
    a = np.asarray(image)
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (1, 3, 4)):
        raise ValueError(f"expected a grey, RGB or RGBA image, got an array of shape {a.shape}")
    if a.size == 0:
        raise BlankImage("the image is empty")
    if a.shape[0] * a.shape[1] > MAX_PIXELS:
        raise ValueError(f"the image has {a.shape[0]}x{a.shape[1]} pixels; the limit is {MAX_PIXELS:,}")
    a = a.astype(np.float64)
    if a.max() > 1.0:
        a = a / 255.0
    if a.ndim == 3 and a.shape[2] == 1:
        a = a[:, :, 0]
    if a.ndim == 3:
        grey = a[:, :, :3] @ np.array([0.299, 0.587, 0.114])
        if a.shape[2] == 4:  # composite over white paper
            alpha = a[:, :, 3]
            grey = alpha * grey + (1 - alpha)
    else:
        grey = a
    ink = 1.0 - grey
    border = np.concatenate([ink[0], ink[-1], ink[:, 0], ink[:, -1]])
    if np.median(border) > 0.5:  # light ink on dark paper (e.g. an MNIST image itself)
        ink = 1.0 - ink
    return np.clip(ink, 0.0, 1.0)


def to_mnist(image: np.ndarray) -> np.ndarray:
    """Any digit picture -> (28, 28) float32 in [0, 1], MNIST-style."""
    ink = ink_map(image)
    mask = ink > 0.2
    if mask.mean() < MIN_INK or mask.sum() < 4:
        raise BlankImage("the drawing is blank or nearly blank")
    rows, cols = np.where(mask)
    crop = ink[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    h, w = crop.shape
    scale = 20.0 / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    small = (
        np.asarray(Image.fromarray((crop * 255).astype(np.uint8)).resize((nw, nh), Image.LANCZOS), dtype=np.float64)
        / 255
    )
    canvas = np.zeros((28, 28))
    top, left = (28 - nh) // 2, (28 - nw) // 2
    canvas[top : top + nh, left : left + nw] = small
    # shift so the centre of mass sits where MNIST's does (not at 13.5: half a pixel off moves half the digits by one)
    total = canvas.sum()
    ys, xs = np.indices(canvas.shape)
    dy, dx = round(CENTRE - (ys * canvas).sum() / total), round(CENTRE - (xs * canvas).sum() / total)
    canvas = np.roll(canvas, (dy, dx), axis=(0, 1))
    return np.clip(canvas, 0, 1).astype(np.float32)

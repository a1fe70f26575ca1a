"""models/digits.py: any picture of a digit -> the 28x28 MNIST convention, and blank pictures refused."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from models.digits import CENTRE, MAX_PIXELS, BlankImage, ink_map, to_mnist


def drawing(size=(280, 280), mode="RGBA", ink=(0, 0, 0, 255), paper=(0, 0, 0, 0), width=18) -> np.ndarray:
    """A '7' drawn like the Sketchpad does: ink on a transparent (or coloured) canvas."""
    img = Image.new(mode, size, paper)
    d = ImageDraw.Draw(img)
    w, h = size
    d.line([(0.25 * w, 0.2 * h), (0.75 * w, 0.2 * h), (0.45 * w, 0.85 * h)], fill=ink, width=width)
    return np.asarray(img)


def test_transparent_canvas_drawing_becomes_white_ink_on_black():
    x = to_mnist(drawing())
    assert x.shape == (28, 28) and x.dtype == np.float32
    assert 0.99 <= x.max() <= 1.0 and x[0].max() == 0 and x[:, 0].max() == 0


def test_digit_is_scaled_into_a_20_pixel_box_and_centred_by_mass():
    x = to_mnist(drawing())
    rows, cols = np.where(x > 0.1)
    assert max(np.ptp(rows), np.ptp(cols)) <= 21
    ys, xs = np.indices(x.shape)
    assert abs((ys * x).sum() / x.sum() - CENTRE) <= 0.5 and abs((xs * x).sum() / x.sum() - CENTRE) <= 0.5


def test_an_mnist_test_digit_comes_back_almost_unchanged():
    """MNIST's own digits already sit where the preprocessing puts a drawing: it must leave them nearly as they are."""
    from pathlib import Path

    raw = np.asarray(Image.open(Path("assets/examples/ogan/digit_7.png")), dtype=np.float32) / 255
    assert np.abs(to_mnist(raw) - raw).mean() < 0.01


def test_dark_ink_on_white_paper_and_the_reverse_give_the_same_digit():
    black_on_white = drawing(mode="RGB", ink=(0, 0, 0), paper=(255, 255, 255))
    white_on_black = drawing(mode="RGB", ink=(255, 255, 255), paper=(0, 0, 0))
    np.testing.assert_allclose(to_mnist(black_on_white), to_mnist(white_on_black), atol=0.01)  # one grey level


def test_non_square_and_huge_inputs_are_handled():
    assert to_mnist(drawing(size=(900, 300))).shape == (28, 28)
    assert to_mnist(drawing(size=(4000, 4000), width=200)).shape == (28, 28)


def test_semi_transparent_ink_counts_by_its_alpha():
    faint = ink_map(drawing(ink=(0, 0, 0, 128)))
    assert 0.45 < faint.max() < 0.55


@pytest.mark.parametrize(
    "image",
    [
        np.zeros((280, 280, 4), np.uint8),  # untouched transparent canvas
        np.full((280, 280, 3), 255, np.uint8),  # all white
        np.zeros((280, 280, 3), np.uint8),  # all black
        np.zeros((0, 0, 3), np.uint8),
    ],
)
def test_blank_pictures_are_refused(image):
    with pytest.raises(BlankImage):
        to_mnist(image)


def test_a_single_dot_is_too_little_ink():
    img = np.zeros((280, 280, 4), np.uint8)
    img[140, 140, 3] = 255
    with pytest.raises(BlankImage):
        to_mnist(img)


def test_wrong_shapes_and_oversized_pictures_are_refused():
    with pytest.raises(ValueError, match="grey, RGB or RGBA"):
        ink_map(np.zeros((10, 10, 2)))
    with pytest.raises(ValueError, match="limit"):
        ink_map(np.zeros((MAX_PIXELS // 1000 + 1, 1001), np.uint8))

"""Drawing on a digit pad as a person does, for the O-GAN and i-ResNet browser tests."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def draw_seven(page: Page, pad: str) -> None:
    """A stroke straight onto the pad: the brush is picked when the page loads."""
    expect(page.locator(pad).get_by_role("button", name="Brush").first).to_have_class(re.compile("highlight"))
    canvas = page.locator(f"{pad} canvas").first
    canvas.scroll_into_view_if_needed()  # the mouse draws only where the page shows the pad
    box = canvas.bounding_box()
    x0, y0, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x0 + 0.3 * w, y0 + 0.25 * h)
    page.mouse.down()
    page.mouse.move(x0 + 0.7 * w, y0 + 0.25 * h, steps=8)
    page.mouse.move(x0 + 0.45 * w, y0 + 0.8 * h, steps=12)
    page.mouse.up()


def draw_and_clear(page: Page, pad: str) -> None:
    """The drawing chosen, then wiped: the pad's button now has an empty drawing to use."""
    draw_seven(page, pad)
    page.locator(pad).get_by_role("button", name="Clear canvas").click()

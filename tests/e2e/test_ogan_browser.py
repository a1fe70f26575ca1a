"""The O-GAN tab in a real browser: draw a stroke with the brush, encode it, and use every section."""

from __future__ import annotations

from pads import draw_and_clear, draw_seven
from playwright.sync_api import Page, expect


def open_ogan(page: Page) -> Page:
    page.get_by_role("tab", name="O-GAN").click()
    return page


def redrawn(page: Page, image: str, act) -> None:
    """Do `act` (change an input, press a button) and expect a new picture in place of the one the tab opened with."""
    expect(page.locator(image)).to_be_attached(timeout=30_000)  # drawn when the tab opened (seen once scrolled to)
    before = page.locator(image).get_attribute("src")
    act()
    expect(page.locator(image)).not_to_have_attribute("src", before, timeout=30_000)


def press(page: Page, change, button: str):
    """An action for `redrawn`: change an input, then press the button."""
    return lambda: (change(), page.locator(button).click())


def test_draw_a_stroke_and_encode_it(page: Page, shot):
    open_ogan(page)
    # the drawing replaces the test 7 the tab opened with
    redrawn(page, "#ogan-seen img", press(page, lambda: draw_seven(page, "#ogan-pad"), "#ogan-encode"))
    expect(page.locator("#ogan-recon img")).to_be_visible(timeout=30_000)
    expect(page.locator("#ogan-seen")).to_contain_text("your drawing")
    shot(page, "ogan-encode")


def test_encoding_a_cleared_drawing_says_so(page: Page):
    open_ogan(page)
    draw_and_clear(page, "#ogan-pad")
    page.locator("#ogan-encode").click()
    expect(page.get_by_text("No image").or_(page.get_by_text("blank")).first).to_be_visible(timeout=30_000)


def test_encode_uses_the_test_digit_picked_last_and_names_it(page: Page):
    open_ogan(page)
    draw_seven(page, "#ogan-pad")
    page.locator("#ogan-example").get_by_text("3", exact=True).click()
    expect(page.locator("#ogan-seen")).to_contain_text("test digit 3")
    page.locator("#ogan-encode").click()  # the digit came after the drawing: the button encodes the digit
    expect(page.locator("#ogan-seen")).to_contain_text("test digit 3")
    expect(page.locator(".toast-body")).to_have_count(0)


def test_picking_a_test_digit_encodes_it(page: Page):
    open_ogan(page)
    redrawn(page, "#ogan-recon img", page.locator("#ogan-example").get_by_text("3", exact=True).click)


def test_the_tab_opens_with_a_test_digit_encoded_an_interpolation_samples_and_a_decoded_code(page: Page):
    open_ogan(page)
    for shown in ("#ogan-seen", "#ogan-recon", "#ogan-strip", "#ogan-grid", "#ogan-edited"):
        page.locator(shown).scroll_into_view_if_needed()  # the pictures load lazily, when scrolled to
        expect(page.locator(f"{shown} img")).to_be_visible(timeout=30_000)
    expect(page.locator("#ogan-gif")).to_contain_text(".gif")


def test_interpolate_and_sample_redraw_for_new_inputs(page: Page, shot):
    open_ogan(page)
    redrawn(
        page, "#ogan-strip img", press(page, lambda: page.locator("#ogan-b-value input").fill("8"), "#ogan-interpolate")
    )
    expect(page.locator("#ogan-gif")).to_contain_text(".gif")
    redrawn(page, "#ogan-grid img", press(page, lambda: page.locator("#ogan-seed input").fill("5"), "#ogan-sample"))
    shot(page, "ogan-interpolate-sample")


def test_comparison_panel_shows_the_measured_numbers(page: Page):
    open_ogan(page)
    expect(page.locator("#ogan-compare")).to_contain_text("reconstruction class-consistency")
    expect(page.locator("#ogan-compare")).to_contain_text("ablation")


def test_sampling_from_the_fitted_code_mixture(page: Page, shot):
    open_ogan(page)
    source = page.locator("#ogan-source").get_by_text("mixture fitted to encoded digits")
    redrawn(page, "#ogan-grid img", press(page, source.click, "#ogan-sample"))
    expect(page.locator("#ogan-compare")).to_contain_text("codes from the mixture fitted to encoded training digits")
    shot(page, "ogan-mixture-sample")

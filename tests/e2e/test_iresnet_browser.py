"""The i-ResNet tab in a real browser: invert a point live, round-trip a test digit, show a density."""

from __future__ import annotations

from pads import draw_and_clear, draw_seven
from playwright.sync_api import Page, expect


def open_iresnet(page: Page) -> Page:
    page.get_by_role("tab", name="Invertible ResNet").click()
    return page


def test_inverting_a_point_draws_the_error_curve(page: Page, shot):
    open_iresnet(page)
    page.locator("#iresnet-run-fp").click()
    expect(page.locator("#iresnet-error .js-plotly-plot")).to_be_visible(timeout=30_000)
    shot(page, "iresnet-fixed-point")


def test_the_tab_opens_with_samples_a_log_det_comparison_and_a_density(page: Page):
    open_iresnet(page)
    page.locator("#iresnet-samples").scroll_into_view_if_needed()  # the picture loads lazily, when scrolled to
    expect(page.locator("#iresnet-samples img")).to_be_visible(timeout=30_000)
    for plot in ("#iresnet-logdet", "#iresnet-density"):
        expect(page.locator(f"{plot} .js-plotly-plot")).to_be_visible(timeout=30_000)
    expect(page.locator("#iresnet-logdet")).not_to_contain_text("Russian roulette")  # off until its slider moves


def test_picking_a_test_digit_round_trips_it(page: Page):
    open_iresnet(page)
    page.locator("#iresnet-example").get_by_text("4", exact=True).click()
    expect(page.locator("#iresnet-flow-strip img")).to_be_visible(timeout=60_000)


def test_round_trip_uses_the_drawing_made_last_and_names_it(page: Page):
    open_iresnet(page)
    expect(page.locator("#iresnet-flow-strip")).to_contain_text("test digit 3")
    draw_seven(page, "#iresnet-pad")
    page.locator("#iresnet-run-rt").click()
    expect(page.locator("#iresnet-flow-strip")).to_contain_text("your drawing", timeout=60_000)


def test_round_trip_of_a_cleared_drawing_says_so(page: Page):
    open_iresnet(page)
    draw_and_clear(page, "#iresnet-pad")
    page.locator("#iresnet-run-rt").click()
    expect(page.get_by_text("No image").or_(page.get_by_text("blank")).first).to_be_visible(timeout=30_000)


def test_measured_panel_shows_both_models(page: Page):
    open_iresnet(page)
    expect(page.locator("#iresnet-results")).to_contain_text("test bits/dim")
    expect(page.locator("#iresnet-results")).to_contain_text("contrast (c = 1.5)")


def test_the_roulette_estimate_joins_the_log_det_plot(page: Page, shot):
    open_iresnet(page)
    page.locator("#iresnet-roulette input[type=number]").fill("0.5")
    page.locator("#iresnet-run-logdet").click()
    expect(page.locator("#iresnet-logdet")).to_contain_text("Russian roulette", timeout=30_000)
    shot(page, "iresnet-roulette")


def test_the_round_trip_opens_computed_on_a_test_digit(page: Page):
    open_iresnet(page)
    expect(page.locator("#iresnet-flow-strip img")).to_be_visible(timeout=60_000)


def test_a_bad_input_keeps_the_previous_result_on_screen(page: Page):
    open_iresnet(page)
    strip = page.locator("#iresnet-flow-strip img")
    expect(strip).to_be_visible(timeout=60_000)  # the round trip opens computed on a test digit
    before = strip.get_attribute("src")
    draw_and_clear(page, "#iresnet-pad")
    page.locator("#iresnet-run-rt").click()  # the drawing, chosen last, is empty
    expect(page.get_by_text("No image").or_(page.get_by_text("blank")).first).to_be_visible(timeout=30_000)
    expect(strip).to_be_visible()
    assert strip.get_attribute("src") == before
    expect(page.locator("#iresnet-flow-strip")).not_to_contain_text("Error")

"""The Conditional-LayerNorm tab in a real browser: it opens with judged samples, text streams in, the sentiment moves
the verdicts, Stop ends a batch, the mechanics answer the scale slider, and the Chinese page is Chinese."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def open_cln(page: Page) -> Page:
    page.get_by_role("tab", name="Conditional LayerNorm").click()
    return page


def set_number(page: Page, label: str, value: str) -> None:
    """Type a value into a slider's number box (and confirm it, as a person does with Enter)."""
    box = page.get_by_role("spinbutton", name=f"number input for {label}")
    box.fill(value)
    box.press("Enter")


def start_long_batch(page: Page) -> None:
    """After the opening batch, start 16 samples of up to 120 characters and wait until they are streaming."""
    expect(page.locator("#cln-summary")).to_contain_text("judged", timeout=60_000)
    set_number(page, "Samples (1–16)", "16")
    set_number(page, "Length: new characters at most (8–120)", "120")
    page.locator("#cln-generate").click()
    expect(page.locator("#cln-cards .cln-badge").first).to_contain_text("generating", timeout=30_000)


def verdicts(page: Page) -> list[float]:
    badges = page.locator("#cln-cards .cln-badge").all_inner_texts()
    return [float(re.search(r"P = ([0-9.]+)", b).group(1)) for b in badges]


def test_the_tab_opens_with_judged_samples_the_table_and_the_mechanics(page: Page, shot):
    open_cln(page)
    expect(page.locator("#cln-cards .cln-card")).to_have_count(4, timeout=60_000)
    expect(page.locator("#cln-summary")).to_contain_text("judged positive", timeout=60_000)
    expect(page.locator("#cln-results")).to_contain_text("condition accuracy")
    expect(page.locator("#cln-mix .js-plotly-plot")).to_be_visible()
    expect(page.locator("#cln-mech-plot .js-plotly-plot")).to_be_visible(timeout=60_000)
    expect(page.locator("#cln-kl")).to_contain_text("KL")
    shot(page, "cln-open")


def test_text_streams_in_before_the_verdicts(page: Page):
    open_cln(page)
    start_long_batch(page)
    expect(page.locator("#cln-cards .cln-card")).to_have_count(16)
    expect(page.locator("#cln-cards .cln-badge").first).to_contain_text("P =", timeout=60_000)


def test_the_sentiment_moves_the_judges_verdicts(page: Page, shot):
    open_cln(page)
    expect(page.locator("#cln-summary")).to_contain_text("judged", timeout=60_000)
    set_number(page, "Samples (1–16)", "16")
    page.locator("#cln-sentiment").get_by_label("negative").check()
    expect(page.locator("#cln-alpha input[type=number]")).to_have_value("0")
    page.locator("#cln-generate").click()
    expect(page.locator("#cln-summary")).to_contain_text("16 samples at α = 0", timeout=60_000)
    negative = verdicts(page)
    page.locator("#cln-sentiment").get_by_label("positive").check()
    page.locator("#cln-generate").click()
    expect(page.locator("#cln-summary")).to_contain_text("16 samples at α = 1", timeout=60_000)
    positive = verdicts(page)
    assert sum(positive) / 16 > sum(negative) / 16 + 0.2
    shot(page, "cln-positive")


def test_stop_ends_a_long_batch(page: Page):
    open_cln(page)
    start_long_batch(page)
    page.locator("#cln-stop").click()
    page.wait_for_timeout(3000)
    expect(page.locator("#cln-cards .cln-badge").first).to_contain_text("generating")  # never judged: stopped


def test_scale_zero_makes_the_norm_plain_layer_norm(page: Page):
    open_cln(page)
    expect(page.locator("#cln-kl")).to_contain_text("KL", timeout=60_000)
    set_number(page, "Scale of W_γ, W_β (0 = LN, 1 = trained CLN)", "0")
    page.locator("#cln-mech-run").click()
    expect(page.locator("#cln-kl")).to_contain_text("scale 0 ‖ plain LN) of the next character: 0.0000 nats")


def test_a_bad_prefix_shows_a_message_and_keeps_the_samples(page: Page):
    open_cln(page)
    expect(page.locator("#cln-summary")).to_contain_text("judged", timeout=60_000)
    page.locator("#cln-prefix textarea, #cln-prefix input").first.fill("好评😀")
    page.locator("#cln-generate").click()
    expect(page.get_by_text("never saw in training")).to_be_visible(timeout=30_000)
    expect(page.locator("#cln-cards .cln-card")).to_have_count(4)


def test_the_chinese_page_shows_the_tab_in_chinese(browser, app_url, shot):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{app_url}/?tab=cln")
    expect(page.get_by_role("button", name="生成")).to_be_visible(timeout=30_000)
    expect(page.locator("#cln-summary")).to_contain_text("判为正面", timeout=60_000)
    expect(page.locator("#cln-results")).to_contain_text("条件准确率")
    expect(page.locator("#cln-kl")).to_contain_text("下一个字分布")
    shot(page, "cln-zh")
    context.close()

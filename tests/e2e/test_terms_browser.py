"""The term-mining tab in a real browser: paste a text and mine it, segment it, and keep user markup as text."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from demos.terms import EXAMPLES

EXCERPT = (EXAMPLES / "peoples_daily_1998_excerpt.txt").read_text(encoding="utf-8")  # in the box when it opens
PASTE = EXCERPT[:6000]
REVIEWS = (EXAMPLES / "reviews_excerpt.txt").read_text(encoding="utf-8")[:6000]


def open_terms(page: Page) -> Page:
    page.get_by_role("tab", name="Term mining").click()
    return page


def test_the_tab_opens_with_the_excerpt_mined(page: Page, shot):
    open_terms(page)
    expect(page.locator("#terms-text textarea")).to_have_value(EXCERPT)
    expect(page.locator("#terms-table")).to_contain_text("李鹏", timeout=30_000)
    expect(page.locator("#terms-highlight .label", has_text="term").first).to_be_visible()
    shot(page, "terms-mine")


def test_mining_a_pasted_text_replaces_the_table_and_highlights_terms(page: Page):
    open_terms(page)
    expect(page.locator("#terms-table")).to_contain_text("李鹏", timeout=30_000)
    page.locator("#terms-text textarea").fill(REVIEWS)
    page.locator("#terms-run").click()
    expect(page.locator("#terms-table")).to_contain_text("爱情", timeout=30_000)
    expect(page.locator("#terms-table")).not_to_contain_text("李鹏")
    expect(page.locator("#terms-highlight .text", has_text="阅读").first).to_be_visible()


def test_segmenting_shows_the_text_cut_into_words(page: Page):
    open_terms(page)
    page.locator("#terms-text textarea").fill(PASTE[:2000])
    page.locator("#terms-segment").click()
    expect(page.locator("#terms-highlight .label", has_text="word").first).to_be_visible(timeout=30_000)
    expect(page.locator("#terms-highlight .text", has_text="世纪").first).to_be_visible()


def test_markup_in_the_text_stays_text(page: Page):
    open_terms(page)
    page.locator("#terms-text textarea").fill("<img src=x onerror=alert(1)> " + PASTE[:3000])
    page.locator("#terms-run").click()
    expect(page.locator("#terms-highlight .text", has_text="<").first).to_be_visible(timeout=30_000)
    expect(page.locator("#terms-highlight img")).to_have_count(0)


def test_empty_text_gets_a_clear_message(page: Page):
    open_terms(page)
    page.locator("#terms-text textarea").fill("")
    page.locator("#terms-run").click()
    expect(page.get_by_text("The text is empty")).to_be_visible(timeout=30_000)


def test_english_text_lists_single_word_terms(page: Page):
    open_terms(page)
    text = (EXAMPLES / "pytorch_nn_docstrings_excerpt.txt").read_text(encoding="utf-8")[:8000]
    page.locator("#terms-text textarea").fill(text)
    page.locator("#terms-run").click()
    expect(page.locator("#terms-table")).to_contain_text("silu", timeout=30_000)  # single words rank beside phrases
    expect(page.locator("#terms-table")).to_contain_text("sigmoid linear unit")


def test_the_pmi_panel_opens_computed(page: Page):
    open_terms(page)
    expect(page.locator("#terms-pmi .js-plotly-plot")).to_be_visible(timeout=60_000)

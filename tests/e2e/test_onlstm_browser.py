"""The ON-LSTM tab in a real browser: parse the article's sentence, pick a test line with gold words, show the gates."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect


def open_onlstm(page: Page) -> Page:
    page.get_by_role("tab", name="ON-LSTM").click()
    return page


def test_the_tab_opens_with_the_sentence_parsed_and_its_gates_drawn(page: Page):
    open_onlstm(page)
    expect(page.locator("#onlstm-trees svg.onlstm-tree")).to_have_count(1, timeout=30_000)
    expect(page.locator("#onlstm-trees svg.onlstm-tree text").first).to_have_text("苹")
    expect(page.locator("#onlstm-words")).to_contain_text("果")
    expect(page.locator("#onlstm-heat .js-plotly-plot")).to_be_visible(timeout=30_000)


def test_parse_draws_a_tree_and_the_words_of_a_new_sentence(page: Page, shot):
    open_onlstm(page)
    expect(page.locator("#onlstm-trees svg.onlstm-tree text").first).to_have_text("苹", timeout=30_000)
    page.locator("#onlstm-text textarea").fill("今天天气很好")
    page.locator("#onlstm-parse").click()
    expect(page.locator("#onlstm-trees svg.onlstm-tree text").first).to_have_text("今", timeout=30_000)
    expect(page.locator("#onlstm-words")).to_contain_text("天")
    shot(page, "onlstm-parse")


@pytest.mark.parametrize("source", ["forward layer 0 (bottom)", "with its right-to-left twin (validated gap score)"])
def test_another_tree_source_builds_the_tree(page: Page, source):
    open_onlstm(page)
    page.get_by_label(source).check()
    page.locator("#onlstm-text textarea").fill("今天天气很好")
    page.locator("#onlstm-parse").click()
    expect(page.locator("#onlstm-trees svg.onlstm-tree text").first).to_have_text("今", timeout=30_000)
    expect(page.locator("#onlstm-words")).to_contain_text("天")


def test_a_test_line_brings_its_gold_words_and_a_score(page: Page):
    open_onlstm(page)
    page.locator("#onlstm-example input").click()
    page.get_by_role("option").nth(2).click()  # the first held-out test line
    expect(page.locator("#onlstm-gold-score")).to_contain_text("F1", timeout=30_000)


def test_markup_typed_by_the_user_is_drawn_as_text(page: Page):
    open_onlstm(page)
    page.locator("#onlstm-text textarea").fill("<img src=x onerror=alert(1)>中文")
    page.locator("#onlstm-parse").click()
    expect(page.locator("#onlstm-trees svg.onlstm-tree")).to_have_count(1, timeout=30_000)
    expect(page.locator("#onlstm-trees img")).to_have_count(0)


def test_integer_picture_colours_follow_the_sliders(page: Page):
    open_onlstm(page)
    strip = page.locator("#onlstm-strip")
    expect(strip.locator(".onlstm-mix")).to_have_count(7)  # d_f = 5 .. d_i = 11
    expect(strip.locator(".onlstm-empty")).to_have_count(0)


def test_measured_table_compares_with_the_baselines(page: Page):
    open_onlstm(page)
    expect(page.locator("#onlstm-results")).to_contain_text("a plain LSTM of the same size")
    expect(page.locator("#onlstm-results")).to_contain_text("with a right-to-left twin")
    expect(page.locator("#onlstm-results")).to_contain_text("every character a word")


def test_show_gates_draws_both_master_gates_and_the_signal_boxes(page: Page, shot):
    open_onlstm(page)
    page.locator("#onlstm-show-gates").click()
    expect(page.get_by_text("e = mean(ĩ)")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("f̃", exact=True)).to_be_visible()
    page.get_by_text("e = mean(ĩ)").scroll_into_view_if_needed()
    shot(page, "onlstm-gates")

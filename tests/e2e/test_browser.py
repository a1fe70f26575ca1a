"""The app in a real browser: every tab opens, examples and buttons produce results, bad input shows a message,
the Chinese locale translates the interface, and ?tab= deep links work."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from demos.smooth_text import pair_name, view
from demos.tabs import SHOWN
from models import soft_f1_experiment

TAB_NAMES = {
    "ogan": "O-GAN",
    "gan_arch": "GAN architectures",
    "iresnet": "Invertible ResNet",
    "onlstm": "ON-LSTM",
    "cln": "Conditional LayerNorm",
    "smooth": "Smooth approximations",
    "terms": "Term mining",
    "guide": "Guide",
}
TAB_TITLES = {
    "ogan": "O-GAN：简单修改",
    "gan_arch": "从DCGAN到SELF-MOD",
    "iresnet": "细水长flow之可逆ResNet",
    "onlstm": "ON-LSTM：用有序神经元",
    "cln": "基于Conditional Layer Normalization的条件文本生成",
    "smooth": "函数光滑化杂谈",
    "terms": "分享一次专业领域词汇的无监督挖掘",
    "guide": "科学空间浏览指南",
}


def test_every_shown_tab_opens_with_its_article_header(page: Page, shot):
    assert set(TAB_NAMES) == set(SHOWN)
    for tab_id in SHOWN:
        page.get_by_role("tab", name=TAB_NAMES[tab_id]).click()
        expect(page.get_by_role("heading", name=TAB_TITLES[tab_id])).to_be_visible()
        shot(page, f"tab-{tab_id}")


def test_smooth_tab_draws_the_initial_pair(page: Page):
    expect(page.locator("#smooth-plot .js-plotly-plot")).to_be_visible()
    expect(page.locator("#smooth-result")).to_contain_text("max_lse")


def test_smooth_example_runs_and_shows_its_result(page: Page, shot):
    page.get_by_role("button", name="soft-argmax, K = 5").click()
    expect(page.locator("#smooth-result")).to_contain_text("argmax_softargmax")
    expect(page.locator("#smooth-plot")).to_contain_text(f"{pair_name('argmax_softargmax', 'en')}, K = 5")
    shot(page, "smooth-example")


def test_choosing_f1_shows_the_batch_editor(page: Page):
    page.get_by_label("Function pair").click()
    page.get_by_role("option", name="F1  vs  soft F1").click()
    expect(page.get_by_text("Batch: label t")).to_be_visible()
    expect(page.locator("#smooth-result")).to_contain_text('"f1"')


def test_typing_a_temperature_updates_the_result(page: Page):
    box = page.get_by_label("K (type an exact value")
    box.fill("50")
    box.press("Enter")
    expect(page.locator("#smooth-result")).to_contain_text('"K": 50')


def test_bad_vector_shows_a_clear_message_and_the_app_recovers(page: Page):
    vector = page.get_by_label("Vector x")
    vector.fill("1, two, 3")
    vector.press("Enter")
    expect(page.get_by_text("contains 'two', which is not a number")).to_be_visible()
    vector.fill("7, 1")
    vector.press("Enter")
    expect(page.locator("#smooth-result")).to_contain_text('"exact": 7')


def test_markup_in_input_is_shown_as_text_not_run(page: Page):
    vector = page.get_by_label("Vector x")
    vector.fill("1, <img/src=x/onerror=window.__xss=1>")
    vector.press("Enter")
    expect(page.get_by_text("contains '<img/src=x/onerror=w', which is not a number")).to_be_visible()
    assert page.evaluate("window.__xss") is None


def test_experiment_button_reports_three_recipes(page: Page, shot):
    """A new seed, then Run: the table shows each recipe's true F1 as the model computes it for that seed."""
    _, results = soft_f1_experiment.run(seed=5, positive_share=0.1, steps=300)
    seed = page.locator("#smooth-seed input")
    seed.fill("5")
    seed.press("Tab")
    page.locator("#smooth-run").click()
    table = page.locator("#smooth-table")
    for r in results:
        expect(table).to_contain_text(view(f"recipe.{r.recipe}", "en"))
        expect(table).to_contain_text(str(round(r.test_f1, 4)))
    shot(page, "smooth-experiment")


def test_guide_lists_every_public_endpoint(page: Page, shot):
    page.get_by_role("tab", name="Guide").click()
    api = page.locator("#guide-api")
    for endpoint in ("/smooth_pair", "/smooth_experiment"):
        expect(api).to_contain_text(endpoint)
    shot(page, "guide")


def test_deep_link_opens_the_named_tab(page: Page, app_url):
    page.goto(f"{app_url}/?tab=guide")
    expect(page.locator("#guide-api")).to_contain_text("/smooth_pair")


def test_the_address_follows_the_tab_in_view(page: Page, app_url):
    page.get_by_role("tab", name="Guide").click()
    expect(page).to_have_url(re.compile(r"\?tab=guide$"))
    page.reload()
    expect(page.locator("#guide-api")).to_contain_text("/smooth_pair")


def test_a_link_restores_the_tab_and_its_controls(page: Page, app_url):
    page.goto(f"{app_url}/?tab=iresnet&c=0.9&iterations=12")
    expect(page.locator("#iresnet-c input[type=number]")).to_have_value("0.9")
    page.get_by_text("Details (JSON)", exact=True).first.click()
    expect(page.locator("#iresnet-fp-json")).to_contain_text("0.9")  # drawn with the link's c, not the default 0.7


def test_the_address_follows_a_control_and_each_tab_keeps_its_own(page: Page):
    k = page.get_by_label("K (type an exact value, 0 < K ≤ 10000)")
    k.fill("5")
    k.press("Enter")
    expect(page).to_have_url(re.compile(r"\?tab=smooth&K=5$"))
    page.get_by_role("tab", name="Guide").click()
    expect(page).to_have_url(re.compile(r"\?tab=guide$"))
    page.get_by_role("tab", name="Smooth approximations").click()
    expect(page).to_have_url(re.compile(r"\?tab=smooth&K=5$"))


def test_an_unknown_deep_link_says_so(browser, app_url):
    context = browser.new_context()  # a link opened afresh, as a person would
    page = context.new_page()
    page.goto(f"{app_url}/?tab=nope")
    expect(page.get_by_text("There is no tab 'nope'")).to_be_visible(timeout=30_000)
    context.close()


def test_chinese_locale_translates_the_interface(browser, app_url, shot):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(app_url)
    expect(page.get_by_role("button", name="编码并重构")).to_be_visible(timeout=30_000)  # O-GAN, the first tab
    shot(page, "ogan-zh")
    page.get_by_role("tab", name="函数光滑化").click()
    expect(page.get_by_text("神经网络输出的是连续数值")).to_be_visible()
    expect(page.get_by_role("button", name="运行实验")).to_be_visible()
    expect(page.get_by_text("示例", exact=True)).to_be_visible()
    expect(page.locator("#smooth-plot .js-plotly-plot")).to_be_visible()
    shot(page, "smooth-zh")
    context.close()


def test_log_slider_drives_the_temperature(page: Page):
    """The slider is log10 K: setting it to 2 gives K = 100 and a new result."""
    page.get_by_role("spinbutton", name="number input for Temperature").fill("2")
    page.get_by_role("spinbutton", name="number input for Temperature").press("Enter")
    expect(page.get_by_label("K (type an exact value")).to_have_value("100")
    expect(page.locator("#smooth-result")).to_contain_text('"K": 100')


def test_every_tab_is_one_tap_away_on_a_phone(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(app_url)
    for title in TAB_NAMES.values():
        expect(page.get_by_role("tab", name=title)).to_be_visible(timeout=30_000)
    context.close()

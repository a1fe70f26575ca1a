"""The GAN-architecture tab in a real browser: it opens computed, each control redraws its view, bad settings say so,
and the Chinese page draws its own labels."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def open_arch(page: Page) -> Page:
    page.get_by_role("tab", name="GAN architectures").click()
    return page


def set_slider(page: Page, elem_id: str, value: int) -> None:
    """Type a value into a slider's number box and leave it: Gradio fires the slider's release event."""
    box = page.locator(f"#{elem_id} input[type=number]")
    box.fill(str(value))
    box.press("Enter")
    box.blur()


def test_the_tab_opens_with_samples_tables_curves_and_every_panel_computed(page: Page, shot):
    open_arch(page)
    for a in ("dcgan", "resnet", "selfmod"):
        page.locator(f"#arch-{a}").scroll_into_view_if_needed()
        expect(page.locator(f"#arch-{a} img")).to_be_visible(timeout=30_000)
    expect(page.locator("#arch-table")).to_contain_text("SELF-MOD")
    expect(page.locator("#arch-claims")).to_contain_text("checkerboard")
    for plot in ("#arch-curves", "#arch-board", "#arch-spectra", "#arch-mod-plot"):
        page.locator(plot).scroll_into_view_if_needed()
        expect(page.locator(f"{plot} .js-plotly-plot")).to_be_visible(timeout=30_000)
    expect(page.locator("#arch-norms svg")).to_have_count(4)
    shot(page, "gan-arch")


def test_sampling_with_a_new_seed_says_which_seed(page: Page):
    open_arch(page)
    page.locator("#arch-seed input").fill("42")
    page.locator("#arch-sample").click()
    expect(page.locator("#arch-compare-readout")).to_contain_text("Seed 42", timeout=30_000)


def test_each_checkerboard_control_redraws_the_lab_and_a_bad_stride_says_so(page: Page):
    open_arch(page)
    readout = page.locator("#arch-board-readout")
    expect(readout).to_contain_text("in 2-D 4 : 1", timeout=30_000)  # k = 3, s = 2
    set_slider(page, "arch-kernel", 4)
    expect(readout).to_contain_text("in 2-D 1 : 1", timeout=30_000)  # the stride divides the kernel
    set_slider(page, "arch-kernel", 5)
    expect(readout).to_contain_text("in 2-D 2.25 : 1", timeout=30_000)
    set_slider(page, "arch-depth", 2)
    expect(readout).to_contain_text("2 layer", timeout=30_000)
    page.locator("#arch-mode").get_by_text("resize, then convolution").click()
    expect(readout).to_contain_text("in 2-D 1 : 1", timeout=30_000)
    set_slider(page, "arch-stride", 3)
    expect(readout).to_contain_text("s = 3", timeout=30_000)
    set_slider(page, "arch-kernel", 2)  # now the stride (3) is larger than the kernel
    expect(page.get_by_text("larger than the kernel").first).to_be_visible(timeout=30_000)
    expect(readout).to_contain_text("s = 3")  # the last good result stays on screen


def test_moving_z_and_changing_the_layer_redraw_the_modulation(page: Page):
    open_arch(page)
    expect(page.locator("#arch-mod-readout")).to_contain_text("t = 0.50", timeout=30_000)
    set_slider(page, "arch-t", 1)
    expect(page.locator("#arch-mod-readout")).to_contain_text("t = 1.00", timeout=30_000)
    page.locator("#arch-layer").get_by_text("3: 32 channels").click()
    expect(page.locator("#arch-mod-readout")).to_contain_text("layer 3", timeout=30_000)
    page.locator("#arch-seed-b input").fill("7")
    page.locator("#arch-seed-b input").press("Enter")
    expect(page.locator("#arch-mod-readout")).to_contain_text("seed 7", timeout=30_000)


def test_the_layer_table_follows_the_chosen_generator(page: Page):
    open_arch(page)
    page.get_by_text("Layers, parameters and multiply-adds").click()
    expect(page.locator("#arch-layers")).to_contain_text("ConvTranspose2d", timeout=30_000)
    page.locator("#arch-layers-of").get_by_text("ResNet (upsample").click()
    expect(page.locator("#arch-layers")).to_contain_text("block1.conv1", timeout=30_000)


def test_the_chinese_page_draws_chinese_labels(browser, app_url, shot):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{app_url}/?tab=gan_arch")
    expect(page.locator("#arch-claims")).to_contain_text("在这里", timeout=30_000)
    expect(page.locator("#arch-board-readout")).to_contain_text("转置卷积", timeout=30_000)
    expect(page.locator("#arch-norms")).to_contain_text("每个样本")
    shot(page, "gan-arch-zh")
    context.close()

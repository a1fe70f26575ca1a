"""Every tab in the Chinese UI, scanned in a real browser: the visible text of the tab, its figures' SVG text and an
error toast carry no English words beyond a short allow-list (names, units, formulas)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from demos.tabs import SHOWN
from models.hub import REGISTRY

MODEL_IDS = set(REGISTRY)
ARTIFACTS_FOUND = Path(__file__).resolve().parent.parent / "artifacts" / "zh-english-words.json"

# names of methods, models, data, tools and people; units; letters of formulas: the same in both languages
_NAMES = """
    GAN O-GAN DCGAN ResNet SELF-MOD SELF MOD StyleGAN AdaIN BatchNorm LayerNorm InstanceNorm BN LN IN CLN LSTM ON-LSTM
    Conditional Layer Normalization MNIST FID PMI CSV API JSON GIF PNG URL UTF Gradio gradio_client Hutchinson Banach
    Lipschitz Russian roulette softmax argmax LSE ReLU softplus cumax LipSwish ActNorm Adam Transformer YAKE Jieba
    kexue fm archives arXiv Su Jianlin Distill Residual Flows Flow flow TERM nats bits dim max min exp log sin cos tanh
    tab gan_arch ogan iresnet onlstm cln smooth terms guide top soft
    BY-NC-ND CC CNN CPU EMA MLP ELU NLL PKU DExperts Spearman logits token n-gram README UTF FAQ LaTeX MIT bfloat
    hinge logsumexp one-hot soft-argmax soft-k-max Top-p distinct NaN i-ResNet Lip det log-det Geometric txt Hub SP
    Dataframe Highlightedtext Html Image Label Markdown Plot File Json Gallery precision Space Hugging Face mean
"""
ALLOWED = {w.lower() for w in _NAMES.split()}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'-]{2,}")
VISIBLE_TEXT = """(panel) => {
  // code, formulas, links, the article's own titles and citations, what people typed or generated (inputs, examples,
  // sampled text), and Gradio's progress text are not the interface's words
  const skip = 'pre, code, .katex, .cite, .citations, .article-title, a, textarea, input, .modebar, .gradio-code, '
    + '.json-holder, .cln-card, .progress-text, .meta-text, .meta-text-center, .eta-bar, [class*="examples"], '
    + '[class*="file"]';  // a downloadable file shows its name
  const texts = [];
  const walker = document.createTreeWalker(document.querySelector(panel), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || el.closest(skip) || !el.getClientRects().length) continue;
    texts.push(walker.currentNode.textContent);
  }
  return texts;
}"""


def english_words(text: str) -> set[str]:
    """Latin-script words not on the list; identifiers (snake_case names, model ids) are names too."""
    words = {re.sub(r"[-\d]+$", "", w) for w in LATIN_WORD.findall(text)}  # "distinct-2", "bfloat16": the name
    return {w for w in words if len(w) > 2 and w.lower() not in ALLOWED and "_" not in w and w not in MODEL_IDS}


@pytest.fixture
def zh_page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_no_chinese_tab_shows_english_words(zh_page, app_url, shot):
    """One page load (every tab computes its defaults as the page opens), then each tab in turn."""
    zh_page.goto(app_url)
    zh_page.wait_for_timeout(1500)  # the opening computations start ...
    zh_page.wait_for_function("!document.querySelector('.pending, .generating')", timeout=90_000)  # ... and end
    found = {}
    for tab_id in SHOWN:
        zh_page.locator("#tabs button[role=tab]").nth(SHOWN.index(tab_id)).click()
        panel = f"#tab-{tab_id}"
        expect(zh_page.locator(panel)).to_be_visible(timeout=30_000)
        zh_page.wait_for_function("!document.querySelector('.pending, .generating')", timeout=60_000)
        zh_page.wait_for_timeout(300)  # figures draw
        english = {w: t.strip()[:80] for t in zh_page.evaluate(VISIBLE_TEXT, panel) for w in english_words(t)}
        if english:
            found[tab_id] = english  # each word, with the start of the text that holds it
        shot(zh_page, f"zh-{tab_id}")
    Path(ARTIFACTS_FOUND).write_text(json.dumps(found, ensure_ascii=False, indent=1))
    assert not found, found


def test_a_chinese_error_toast_is_chinese_too(zh_page, app_url):
    zh_page.goto(f"{app_url}/?tab=smooth")
    vector = zh_page.locator("#tab-smooth textarea").first
    vector.fill("1, two, 3")
    vector.press("Enter")
    toast = zh_page.locator(".toast-body").first
    expect(toast).to_contain_text("不是数字", timeout=30_000)
    assert "“two”" in toast.inner_text()

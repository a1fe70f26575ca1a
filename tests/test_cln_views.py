"""The Conditional-LayerNorm tab's views: sample text is escaped, verdicts and results follow the page's language."""

from __future__ import annotations

from types import SimpleNamespace

from demos import cln_views as views
from demos.common import page_language
from models import hub


def test_sample_text_is_escaped_in_the_cards():
    html = views.cards(["<script>alert(1)</script>好"], [0.9], "en")
    assert "<script>" not in html and "&lt;script&gt;" in html and "judged positive" in html


def test_cards_while_streaming_carry_no_verdict_yet():
    assert "generating" in views.cards(["酒店"], None, "en") and "P =" not in views.cards(["酒店"], None, "en")


def test_the_language_follows_the_browser():
    zh = SimpleNamespace(headers={"accept-language": "zh-CN,zh;q=0.9"})
    en = SimpleNamespace(headers={"accept-language": "en-US,en;q=0.9"})
    assert page_language(zh) == "zh" and page_language(en) == "en" and page_language(None) == "en"
    assert "判为负面" in views.cards(["差"], [0.1], "zh")


def test_the_results_table_lists_every_measured_run_in_both_languages():
    metrics = hub.metrics("cln-reviews")
    en, zh = views.results_markdown(metrics, "en"), views.results_markdown(metrics, "zh")
    assert "condition accuracy" in en and "条件准确率" in zh
    assert all(views.RUN_NAMES[n][0] in en for n in metrics["ablations"])
    fig = views.mix_figure(metrics, "zh")
    assert fig.layout.title.text.startswith("评判器") and len(fig.data) == len(metrics["ablations"])

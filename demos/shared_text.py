"""The app's own strings (title, tab names) and the article header every tab shares, English and Chinese side by side (merged into demos.i18n)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "app.title": (
        "Scientific Spaces Explorables",
        "科学空间 · 可交互解读",
    ),
    "app.tagline": (
        "Interactive, runnable versions of articles from the *Scientific Spaces* blog (kexue.fm) by Su Jianlin.",
        "把苏剑林《科学空间》（kexue.fm）博客文章做成可以动手运行的交互演示。",
    ),
    "app.tab.smooth": (
        "Smooth approximations",
        "函数光滑化",
    ),
    "app.tab.terms": (
        "Term mining",
        "领域词汇挖掘",
    ),
    "app.tab.guide": (
        "Guide",
        "使用指南",
    ),
    "shared.cite": (
        "Cite",
        "引用",
    ),
    "shared.cite_apa": (
        "APA-style reference",
        "APA 风格引用",
    ),
    "shared.cite_bibtex": (
        "BibTeX",
        "BibTeX",
    ),
    "shared.summary_note": (
        "The summary above is in our own words; the article itself is CC BY-NC-ND, so read it at the link.",
        "以上概述为我们自己的文字；原文采用 CC BY-NC-ND 许可，请点击链接阅读原文。",
    ),
    "shared.examples": (
        "Examples",
        "示例",
    ),
    "app.tab.ogan": (
        "O-GAN",
        "O-GAN",
    ),
    "shared.pad_placeholder": (
        "Pick the brush ✏️ in the toolbar, then draw one digit, large",
        "先在工具栏选画笔 ✏️，再画一个大一点的数字",
    ),
    "app.tab.gan_arch": (
        "GAN architectures",
        "GAN 架构",
    ),
    "app.tab.onlstm": (
        "ON-LSTM",
        "ON-LSTM",
    ),
    "app.tab.iresnet": (
        "Invertible ResNet",
        "可逆 ResNet",
    ),
}

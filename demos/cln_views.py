"""What the Conditional-LayerNorm tab draws: sample cards, the batch summary, the measured table, the mixing curve and
the mechanics figure, in the language the browser asks for. No model calls here."""

from __future__ import annotations

import html

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from demos.cln_text import VIEW
from demos.localize import lookup

UNITS = 64  # the mechanics figure shows the first units of the 256


text = lookup(VIEW)


def cards(texts: list[str], positive: list[float] | None, lang: str) -> str:
    """One card per sample (escaped), with the judge's verdict once the batch is done."""
    rows = []
    for k, sample in enumerate(texts):
        body = html.escape(sample) or f"<em>{text('empty', lang)}</em>"
        if positive is None:
            badge = f'<span class="cln-badge">{text("running", lang)}</span>'
        else:
            p = positive[k]
            kind, verdict = ("pos", "verdict_pos") if p > 0.5 else ("neg", "verdict_neg")
            badge = f'<span class="cln-badge cln-{kind}">{text(verdict, lang)} · P = {p:.2f}</span>'
        rows.append(f'<div class="cln-card"><span class="cln-n">{k + 1}</span> {body} {badge}</div>')
    return '<div class="cln-cards">' + "".join(rows) + "</div>"


def summary(positive: list[float], alpha: float, seed: int, lang: str) -> str:
    pos = sum(p > 0.5 for p in positive)
    mean = sum(positive) / max(1, len(positive))
    return text("summary", lang, n=len(positive), alpha=f"{alpha:g}", pos=pos, mean=f"{mean:.2f}", seed=seed)


RESULT_ROWS = [  # (metric key, English, Chinese, bar)
    ("condition_accuracy", "condition accuracy (500 samples per label)", "条件准确率（每类 500 个样本）", "≥ 0.90"),
    ("condition_accuracy_negative", "… asked for negative", "……要求负面", ""),
    ("condition_accuracy_positive", "… asked for positive", "……要求正面", ""),
    ("mixing_spearman", "mixing: Spearman of α and mean P(pos)", "混合：α 与平均 P(正面) 的 Spearman 相关", "≥ 0.9"),
    ("distinct2_samples", "character distinct-2 of the samples", "样本的字级 distinct-2", "≥ 0.9 × real"),
    (
        "copied_12char_share_samples",
        "share with a 12-character span of the training text",
        "含训练文本中 12 字片段的比例",
        "≤ 0.10",
    ),
    ("test_perplexity_negative", "test perplexity, negative reviews", "负面测试评论的困惑度", ""),
    ("test_perplexity_positive", "test perplexity, positive reviews", "正面测试评论的困惑度", ""),
    ("lm_classifier_accuracy", "the LM as a classifier, test accuracy", "以语言模型作分类器的测试准确率", ""),
    ("minutes", "training minutes (2 cores)", "训练时间（分钟，2 核）", ""),
]
RUN_NAMES = {
    "cln": ("two-stage CLN (shipped)", "两阶段 CLN（发布版）"),
    "cln-token": ("condition token", "条件 token"),
    "cln-scratch": ("CLN from scratch", "从零训练的 CLN"),
}


def results_markdown(metrics: dict, lang: str) -> str:
    """The measured table: the shipped model beside the ablations trained on the same budget."""
    zh = lang == "zh"
    runs = metrics.get("ablations", {})
    names = [n for n in RUN_NAMES if n in runs]
    head = ["指标" if zh else "measure", *(RUN_NAMES[n][zh] for n in names), "要求" if zh else "bar"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, en, zh_label, bar in RESULT_ROWS:
        cells = [_cell(runs[n].get(key)) for n in names]
        if key == "distinct2_samples":
            bar = f"≥ {0.9 * metrics['distinct2_real_test']:.3f}"
        lines.append("| " + " | ".join([zh_label if zh else en, *cells, bar]) + " |")
    judge = metrics.get("judge_test_accuracy")
    note = (
        f"\n\n评判器在真实测试评论上的准确率：{judge}；真实测试评论的 distinct-2 为 {metrics['distinct2_real_test']}，"
        f"含 12 字训练片段的比例为 {metrics['copied_12char_share_real_test']}。"
        if zh
        else f"\n\nThe judge's accuracy on real test reviews: {judge}; real test reviews have distinct-2 "
        f"{metrics['distinct2_real_test']} and {metrics['copied_12char_share_real_test']} of them hold a 12-character "
        "span of the training text."
    )
    return "\n".join(lines) + note


def _cell(value) -> str:
    return "–" if value is None else f"{value:.3g}" if isinstance(value, float) else str(value)


def mix_figure(metrics: dict, lang: str) -> go.Figure:
    fig = go.Figure()
    for name, (en, zh) in RUN_NAMES.items():
        run = metrics.get("ablations", {}).get(name)
        if run:
            fig.add_scatter(
                x=run["mixing_alpha"],
                y=run["mixing_mean_p_positive"],
                mode="lines+markers",
                name=zh if lang == "zh" else en,
            )
    fig.update_layout(
        title=text("mix_title", lang),
        xaxis_title=text("mix_x", lang),
        yaxis_title=text("mix_y", lang),
        yaxis_range=[0, 1],
        xaxis_range=[-0.02, 1.02],
        height=360,
        margin={"t": 60, "b": 50, "l": 60, "r": 20},
        legend={"orientation": "h", "y": -0.25},
    )
    return fig


def mechanics_figure(m: dict, layer: int, lang: str) -> go.Figure:
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.06)
    units = list(range(UNITS))
    series = [
        (1, "gamma", "trained_gamma", "solid"),
        (1, "gamma_plain", "plain_gamma", "dot"),
        (2, "beta", "trained_beta", "solid"),
        (2, "beta_plain", "plain_beta", "dot"),
        (3, "cln", "out_cln", "solid"),
        (3, "ln", "out_ln", "dot"),
    ]
    for row, key, label, dash in series:
        fig.add_scatter(x=units, y=m[key][:UNITS], name=text(label, lang), line={"dash": dash}, row=row, col=1)
    fig.update_layout(
        title=text("mech_title", lang, layer=layer),
        height=520,
        margin={"t": 60, "b": 50, "l": 60, "r": 20},
        legend={"orientation": "h", "y": -0.12},
    )
    fig.update_xaxes(title_text=text("unit", lang), row=3, col=1)
    return fig


def next_table(m: dict, lang: str) -> list[list]:
    return [[row["char"], round(row["p"], 4), round(row["p_plain"], 4)] for row in m["next"]]


def next_headers(lang: str) -> list[str]:
    return [text("char", lang), text("p_scale", lang), text("p_plain", lang)]

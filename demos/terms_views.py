"""What the term-mining tab draws: the table's columns in English and Chinese, the highlighted text, the
frequency / domain-score scatter and the PMI bars, in the page's language."""

from __future__ import annotations

import html
import itertools

import numpy as np
import plotly.graph_objects as go

from models import term_mining

HIGHLIGHT_UNITS = 20_000  # the highlighted view shows the start of long texts
COLUMNS = [  # the ranking (termhood) next to the term, then the statistics it is made of
    "term",
    "termhood",
    "frequency",
    "plurals counted with it",
    "weight",
    "domain score",
    "general count",
    "after a determiner",
    "cohesion",
    "left entropy",
    "right entropy",
]
HEADERS = {  # COLUMNS as the page shows them
    "en": COLUMNS,
    "zh": [
        "术语",
        "术语度",
        "频次",
        "合并计数的复数形式",
        "权重",
        "领域得分",
        "通用语料计数",
        "限定词后占比",
        "凝聚度",
        "左熵",
        "右熵",
    ],
}
BADGE = {"en": "term", "zh": "术语"}  # the highlighted view's labels
WORD_BADGE = {"en": "word", "zh": "词"}
VIEW = {  # what the server draws, in the page's language
    "en": {"count": "counting n-grams", "compare": "comparing with general language", "highlight": "highlighting",
           "frequency": "frequency in this text", "domain": "domain score ln(p_here / p_general)", "cohesion": "cohesion",
           "threshold": "default cohesion threshold", "hover": "%{text}<br>frequency %{x}<br>domain score %{y:.2f}<extra></extra>"},
    "zh": {"count": "统计 n 元组", "compare": "与通用语料比较", "highlight": "标注文本",
           "frequency": "在本文中的频次", "domain": "领域得分 ln(p_本文 / p_通用)", "cohesion": "凝聚度",
           "threshold": "默认凝聚度阈值", "hover": "%{text}<br>频次 %{x}<br>领域得分 %{y:.2f}<extra></extra>"},
}  # fmt: skip


def highlight_terms(
    text: str, mined: term_mining.Mined, terms: set[str], badge: str = "term"
) -> list[tuple[str, str | None]]:
    """The start of the text as (piece, label) pairs: the given terms labelled `badge`, the plain text between two
    terms one piece (a page of single-word pieces is slow for the browser to draw)."""
    pieces: list[tuple[str, str | None]] = []

    def add(piece: str, label: str | None) -> None:
        if label is None and pieces and pieces[-1][1] is None:
            pieces[-1] = (pieces[-1][0] + piece, None)
        elif piece:
            pieces.append((piece, label))

    last = 0
    for a, b in term_mining.segment(mined, limit=HIGHLIGHT_UNITS):
        piece = text[a:b]
        add(text[last:a], None)
        add(piece, badge if (piece.lower() if mined.language != "zh" else piece) in terms else None)
        last = b
    return pieces


def informative(table: list[list]) -> list[int]:
    """The columns worth showing: not empty throughout, and not a copy of a column before them (for Chinese the
    plural and determiner columns are empty and the weight is 1, so termhood equals the domain score)."""
    if not table:
        return list(range(len(COLUMNS)))
    columns, keep = list(zip(*table, strict=True)), []
    for i, col in enumerate(columns):
        if not all(v in (None, "") for v in col) and not any(col == columns[j] for j in keep):
            keep.append(i)
    return keep


def terms_figure(rows: list[term_mining.Term], lang: str = "en") -> go.Figure:
    v = VIEW[lang]
    fig = go.Figure(
        go.Scattergl(
            x=[r.count for r in rows],
            y=[r.domain_score for r in rows],
            mode="markers",
            text=[html.escape(r.term) for r in rows],
            hovertemplate=v["hover"],
            marker=dict(
                size=6,
                color=[r.cohesion if r.cohesion is not None else 0.0 for r in rows],  # a single word: no split
                colorscale="Viridis",
                showscale=True,
                colorbar=dict(title=v["cohesion"]),
            ),
        )
    )
    fig.update_layout(height=380, template="plotly_white", margin=dict(l=40, r=20, t=30, b=40))
    fig.update_xaxes(type="log", title_text=v["frequency"])
    fig.update_yaxes(title_text=v["domain"])
    return fig


def pmi_figure(units: list[str], pmi: np.ndarray, lang: str = "en") -> go.Figure:
    """Bars of the PMI (nats) of each adjacent pair of `units`: blue above the default cohesion threshold, amber below."""
    labels = [html.escape(u) for u in units]
    fig = go.Figure(
        go.Bar(
            x=[f"{a}|{b}" for a, b in itertools.pairwise(labels)],
            y=pmi,
            marker_color=["#2563eb" if v >= 2.5 else "#d97706" for v in pmi],
        )
    )
    fig.add_hline(y=2.5, line_dash="dot", annotation_text=VIEW[lang]["threshold"])
    fig.update_layout(
        height=300, template="plotly_white", margin=dict(l=40, r=20, t=30, b=60), yaxis_title="PMI (nats)"
    )
    return fig

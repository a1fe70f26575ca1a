"""The ON-LSTM tab's pictures: the induced tree as SVG, the words highlighted, the signal per character, and the
article's integer picture of the gates."""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go


def tree_svg(tree, width_per_char: int = 22, level_height: int = 16) -> str:
    """A binary tree over characters as inline SVG: leaves on a baseline, each split drawn as an elbow."""
    leaves, lines = [], []

    def height(t) -> int:
        return 0 if isinstance(t, str) else 1 + max(height(t[0]), height(t[1]))

    top = height(tree)

    def draw(t) -> tuple[float, float]:  # returns (x, y) of the node
        if isinstance(t, str):
            x = (len(leaves) + 0.5) * width_per_char
            leaves.append((x, t))
            return x, (top + 1) * level_height
        (xl, yl), (xr, yr) = draw(t[0]), draw(t[1])
        x, y = (xl + xr) / 2, (top - height(t)) * level_height + 6
        lines.append(f'<path d="M{xl:.1f},{yl:.1f} V{y:.1f} H{xr:.1f} V{yr:.1f}"/>')
        return x, y

    draw(tree)
    w, h = len(leaves) * width_per_char, (top + 1) * level_height + 24
    text = "".join(f'<text x="{x:.1f}" y="{h - 6}" text-anchor="middle">{html.escape(ch)}</text>' for x, ch in leaves)
    return (
        f'<svg class="onlstm-tree" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img">'
        f'<g fill="none" stroke="currentColor" stroke-width="1.2">{"".join(lines)}</g>'
        f'<g fill="currentColor" font-size="16">{text}</g></svg>'
    )


def highlight(words_per_sentence: list[list[str]]) -> list[tuple[str, str | None]]:
    """Words of each sentence for a HighlightedText, alternating two colours so that neighbours stand apart."""
    out: list[tuple[str, str | None]] = []
    for k, words in enumerate(words_per_sentence):
        if k:
            out.append(("\n", None))
        out += [(w, "word" if j % 2 == 0 else "next") for j, w in enumerate(words)]
    return out


def signal_plot(parts: list[str], distances: list[np.ndarray], cuts: list[list[int]], title: str) -> go.Figure:
    """A gap score per character as bars, the characters that start a word in orange."""
    chars = [ch for s in parts for ch in s]
    values = np.concatenate(distances)
    starts = {sum(map(len, parts[:k])) + c for k, cs in enumerate(cuts) for c in [0, *cs]}
    colors = ["#d97706" if i in starts else "#3b82f6" for i in range(len(chars))]
    fig = go.Figure(go.Bar(x=list(range(len(chars))), y=values, marker_color=colors, hovertext=chars))
    fig.update_layout(
        height=260,
        margin=dict(l=40, r=10, t=10, b=40),
        xaxis=dict(tickmode="array", tickvals=list(range(len(chars))), ticktext=chars, tickangle=0),
        yaxis_title=title,
        bargap=0.15,
    )
    return fig


def integer_picture(d_f, d_i, levels: int = 16) -> str:
    """The article's integer picture: which levels copy history, copy the input, mix both, or stay empty."""
    d_f, d_i = int(d_f), int(d_i)
    cells = []
    for k in range(1, levels + 1):
        history, current = k >= d_f, k <= d_i
        kind = "mix" if history and current else "history" if history else "input" if current else "empty"
        cells.append(f'<span class="onlstm-cell onlstm-{kind}" title="level {k}: {kind}">{k}</span>')
    return '<div class="onlstm-strip">' + "".join(cells) + "</div>"

"""Plotly figures for the smooth-approximations tab: hard beside smooth with the bound as a band (left), and the error
with its bound as the temperature K sweeps (right)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from demos.smooth_text import pair_name, view
from models import smooth
from models.soft_f1_experiment import Dataset, RecipeResult

HARD, SOFT, BAND, ALT = "#374151", "#2563eb", "rgba(37, 99, 235, 0.18)", "#d97706"
K_SWEEP = np.logspace(-2, 3, 61)


def _band(fig: go.Figure, x, lower, upper, name: str, shape: str = "linear") -> None:
    fig.add_trace(
        go.Scatter(x=x, y=upper, mode="lines", line=dict(width=0, shape=shape), showlegend=False, hoverinfo="skip"),
        1,
        1,
    )
    fig.add_trace(
        go.Scatter(
            x=x, y=lower, mode="lines", line=dict(width=0, shape=shape), fill="tonexty", fillcolor=BAND, name=name
        ),
        1,
        1,
    )


def _left_vector_valued(fig, name, pair: smooth.Pair, x, K, k, lang) -> None:
    idx = np.arange(1, len(x) + 1)
    if not np.isnan(pair.lower).any():  # top-k claims no band
        _band(fig, idx, pair.lower, pair.upper, view("bound", lang), shape="hvh")
    fig.add_trace(go.Bar(x=idx, y=pair.smooth, marker_color=SOFT, opacity=0.75, name=view("smooth", lang)), 1, 1)
    fig.add_trace(
        go.Scatter(
            x=idx,
            y=pair.exact,
            mode="markers",
            marker=dict(color=HARD, size=10, symbol="line-ew-open", line_width=3),
            name=view("hard", lang),
        ),
        1,
        1,
    )
    if name == "topk":
        esp = smooth.soft_topk_esp(x, K, k)
        fig.add_trace(
            go.Scatter(
                x=idx,
                y=esp,
                mode="markers",
                marker=dict(color=ALT, size=8, symbol="diamond"),
                name=view("soft_topk", lang),
            ),
            1,
            1,
        )
    fig.update_xaxes(title_text=view("index", lang), row=1, col=1)


def _left_scalar_valued(fig, name, pair: smooth.Pair, x, K, labels, lang) -> None:
    idx = np.arange(1, len(x) + 1)
    span = (0.5, len(x) + 0.5)
    if name in ("accuracy", "f1"):
        colors = [SOFT if t == 1 else "#9ca3af" for t in labels]
        fig.add_trace(go.Bar(x=idx, y=smooth.sigmoid(K * x), marker_color=colors, name=view("p_sigma", lang)), 1, 1)
        fig.update_xaxes(title_text=view("sample", lang), row=1, col=1)
    else:
        is_argmax = name == "argmax_softargmax"
        context = smooth.softmax(x, K) if is_argmax else x
        fig.add_trace(go.Bar(x=idx, y=context, marker_color="#9ca3af", name="softmax(Kx)" if is_argmax else "x"), 1, 1)
        fig.update_xaxes(title_text=view("index", lang), row=1, col=1)
    if name == "argmax_softargmax":  # the values are positions: draw them as vertical lines
        fig.add_vrect(x0=pair.lower, x1=pair.upper, fillcolor=BAND, line_width=0, row=1, col=1)
        fig.add_vline(x=pair.exact, line=dict(color=HARD, dash="dash", width=3), row=1, col=1)
        fig.add_vline(x=pair.smooth, line=dict(color=SOFT, width=3), row=1, col=1)
        fig.add_trace(
            go.Scatter(x=[pair.exact], y=[0], mode="markers", marker_color=HARD, name=f"argmax = {pair.exact:g}"), 1, 1
        )
        fig.add_trace(
            go.Scatter(
                x=[pair.smooth], y=[0], mode="markers", marker_color=SOFT, name=f"soft-argmax = {pair.smooth:.4f}"
            ),
            1,
            1,
        )
        return
    fig.add_hrect(y0=pair.lower, y1=pair.upper, fillcolor=BAND, line_width=0, row=1, col=1)
    fig.add_trace(
        go.Scatter(
            x=span,
            y=[pair.exact] * 2,
            mode="lines",
            line=dict(color=HARD, dash="dash", width=3),
            name=f"{view('hard', lang)} = {pair.exact:.4f}",
        ),
        1,
        1,
    )
    fig.add_trace(
        go.Scatter(
            x=span,
            y=[pair.smooth] * 2,
            mode="lines",
            line=dict(color=SOFT, width=3),
            name=f"{view('smooth', lang)} = {pair.smooth:.4f}",
        ),
        1,
        1,
    )


def _left_curve(fig, name, pair: smooth.Pair, x, K, lang) -> None:
    lo, hi = min(-3.0, x.min() - 0.5), max(3.0, x.max() + 0.5)
    grid = np.union1d(np.linspace(lo, hi, 601), [0.0])
    curve = smooth.evaluate(name, K, grid)
    _band(fig, grid, curve.lower, curve.upper, view("bound", lang))
    fig.add_trace(
        go.Scatter(
            x=grid, y=curve.exact, mode="lines", line=dict(color=HARD, dash="dash", width=3), name=view("hard", lang)
        ),
        1,
        1,
    )
    fig.add_trace(
        go.Scatter(x=grid, y=curve.smooth, mode="lines", line=dict(color=SOFT, width=3), name=view("smooth", lang)),
        1,
        1,
    )
    fig.add_trace(
        go.Scatter(x=x, y=pair.smooth, mode="markers", marker=dict(color=SOFT, size=9), name=view("your_points", lang)),
        1,
        1,
    )
    fig.update_xaxes(title_text="x", row=1, col=1)


def _right_sweep(fig, name, x, K, k, labels, pair: smooth.Pair, lang) -> None:
    sweep = [smooth.evaluate(name, float(kk), x, k, labels) for kk in K_SWEEP]
    errors = np.array([p.error for p in sweep])
    bounds = np.array([p.error_bound for p in sweep])
    floor = 1e-12  # errors reach exactly 0 in floating point; keep them on the log axis
    fig.add_trace(
        go.Scatter(
            x=K_SWEEP,
            y=np.maximum(errors, floor),
            mode="lines",
            line=dict(color=SOFT, width=3),
            name=view("error", lang),
        ),
        1,
        2,
    )
    if np.isfinite(bounds).any():
        fig.add_trace(
            go.Scatter(
                x=K_SWEEP,
                y=np.maximum(bounds, floor),
                mode="lines",
                line=dict(color=HARD, dash="dot", width=2),
                name=view("bound", lang),
            ),
            1,
            2,
        )
    fig.add_vline(x=K, line=dict(color=ALT, width=2), row=1, col=2)
    fig.update_xaxes(type="log", title_text="K", row=1, col=2)
    fig.update_yaxes(type="log", title_text=view("error", lang), row=1, col=2)


def pair_figure(
    name: str, K: float, x: np.ndarray, k: int, labels: np.ndarray | None, pair: smooth.Pair, lang: str = "en"
) -> go.Figure:
    titles = (f"{pair_name(name, lang)}, K = {K:g}", view("error_as_K", lang))
    fig = make_subplots(rows=1, cols=2, column_widths=[0.6, 0.4], subplot_titles=titles)
    kind = smooth.FUNCTIONS[name]
    if kind == "scalar":
        _left_curve(fig, name, pair, x, K, lang)
    elif isinstance(pair.exact, list):
        _left_vector_valued(fig, name, pair, x, K, k, lang)
    else:
        _left_scalar_valued(fig, name, pair, x, K, labels, lang)
    _right_sweep(fig, name, x, K, k, labels, pair, lang)
    fig.update_layout(
        height=430,
        margin=dict(l=40, r=20, t=50, b=40),
        barmode="overlay",
        legend=dict(orientation="h", y=-0.2),
        template="plotly_white",
    )
    return fig


def experiment_figure(data: Dataset, results: list[RecipeResult], lang: str = "en") -> go.Figure:
    fig = go.Figure()
    for label, color in ((0, "#9ca3af"), (1, SOFT)):
        pts = data.x_test[data.t_test == label]
        fig.add_trace(
            go.Scatter(
                x=pts[:, 0],
                y=pts[:, 1],
                mode="markers",
                marker=dict(color=color, size=5, opacity=0.6),
                name=f"t = {label}",
            )
        )
    lo, hi = data.x_test.min(0) - 0.5, data.x_test.max(0) + 0.5
    xs = np.array([lo[0], hi[0]])
    for r, color in zip(results, (HARD, ALT, "#059669"), strict=True):
        w1, w2, b = r.weights
        if abs(w2) < 1e-12:
            continue  # a vertical or undefined boundary: nothing useful to draw
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=-(w1 * xs + b) / w2,
                mode="lines",
                line=dict(color=color, width=3),
                name=f"{view('recipe.' + r.recipe, lang)}: F1 {r.test_f1:.3f}",
            )
        )
    fig.update_layout(
        height=430, template="plotly_white", margin=dict(l=40, r=20, t=30, b=40), legend=dict(orientation="h", y=-0.15)
    )
    fig.update_xaxes(range=[lo[0], hi[0]])
    fig.update_yaxes(range=[lo[1], hi[1]], scaleanchor="x")
    return fig

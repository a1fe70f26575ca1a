"""The i-ResNet tab's figures (Plotly) and digit strips, drawn from the numbers the tab computes."""

from __future__ import annotations

import functools

import numpy as np
import plotly.graph_objects as go

from demos.digit_input import DIGITS
from demos.iresnet_text import view
from models import fixed_point as fp


def layout(fig: go.Figure, height: int = 340, **kwargs) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=50, r=10, t=30, b=40), **kwargs)
    return fig


def fixed_point_figures(xs: np.ndarray, x: np.ndarray, y: np.ndarray, errors: np.ndarray, c: float, lang: str):
    """The iterates x_k on the plane beside x and y = F(x); the error per step on a log scale with the Banach bound."""
    ks = np.arange(len(xs))
    path = go.Figure(
        [
            go.Scatter(x=xs[:, 0], y=xs[:, 1], mode="lines+markers", name="x_k", marker=dict(size=5)),
            go.Scatter(x=[x[0]], y=[x[1]], mode="markers", name="x", marker=dict(size=13, symbol="star")),
            go.Scatter(x=[y[0]], y=[y[1]], mode="markers", name="y = F(x)", marker=dict(size=11, symbol="x")),
        ]
    )
    layout(path, xaxis_title="x₁", yaxis_title="x₂", yaxis_scaleanchor="x")
    err = go.Figure(go.Scatter(x=ks, y=np.maximum(errors, 1e-17), mode="lines+markers", name="‖x_k − x‖"))
    if c < 1:
        bound = fp.banach_bound(c, ks, float(np.linalg.norm(xs[1] - xs[0])))
        err.add_trace(
            go.Scatter(x=ks, y=np.maximum(bound, 1e-17), mode="lines", name="c^k/(1−c)·‖x₁−x₀‖", line=dict(dash="dash"))
        )
    layout(err, xaxis_title="k", yaxis_title=view("error", lang), yaxis_type="log")
    return path, err


@functools.lru_cache(maxsize=64)
def deformation(c: float) -> go.Figure:
    """A grid deformed by F over the heat-map of det J: where the map folds, det J changes sign."""
    # float32 and a 71×71 grid: det J is smooth, and the figure stays ~70 KB (every page event copies it)
    lin = np.linspace(-3.5, 3.5, 71)
    g = np.stack(np.meshgrid(lin, lin), axis=-1)
    det = fp.jacobian_det(g, c).astype(np.float32)
    fig = go.Figure(go.Heatmap(x=lin, y=lin, z=det, colorscale="RdBu", zmid=0, colorbar=dict(title="det J")))
    t = np.linspace(-3, 3, 60)
    lines = [np.stack([t, np.full_like(t, v)], 1) for v in np.linspace(-3, 3, 13)]
    lines += [np.stack([np.full_like(t, v), t], 1) for v in np.linspace(-3, 3, 13)]
    gap = np.full((1, 2), np.nan)  # one trace, the grid lines separated by gaps
    mapped = np.concatenate([np.concatenate([fp.forward(line, c), gap]) for line in lines]).astype(np.float32)
    fig.add_trace(
        go.Scatter(x=mapped[:, 0], y=mapped[:, 1], mode="lines", line=dict(color="black", width=1), hoverinfo="skip")
    )
    fig.update_layout(showlegend=False)
    return layout(fig, height=380, xaxis_title="F(x)₁", yaxis_title="F(x)₂", yaxis_scaleanchor="x")


def strip(images: list[np.ndarray], scale: int = 3) -> np.ndarray:
    """(28, 28) arrays in [0, 1] side by side with a gap, upscaled, as uint8 for an Image output."""
    gap = np.ones((28, 4))
    row = np.concatenate([np.concatenate([np.clip(im, 0, 1), gap], axis=1) for im in images], axis=1)
    return (np.kron(1 - row, np.ones((scale, scale))) * 255).astype(np.uint8)  # dark ink on white


def round_trip(model, pixels: np.ndarray, ks: list[int]) -> tuple[list[np.ndarray], dict]:
    """x, z = F(x) laid out on the 28×28 grid, and x rebuilt after each of `ks` fixed-point iterations per block;
    the max-abs pixel error of each."""
    import torch

    from models.iresnet_mnist import unsqueeze

    x = torch.from_numpy(pixels).float().clamp(0.5 / 256, 1 - 0.5 / 256)[None, None]
    z = model(x)
    shown = unsqueeze(unsqueeze(z))[0, 0].numpy()  # z (16, 7, 7) laid out back on the 28x28 grid
    shown = (shown - shown.min()) / max(float(shown.max() - shown.min()), 1e-8)
    recs = model.inverse_after(z, ks)[:, 0].numpy()  # (len(K), 28, 28)
    errors = {str(k): float(np.abs(r - x[0, 0].numpy()).max()) for k, r in zip(ks, recs, strict=True)}
    return [x[0, 0].numpy(), shown, *recs], errors


def sample_grid(imgs: np.ndarray) -> np.ndarray:
    """(N, 28, 28) samples in [0, 1] -> a near-square grid of strips."""
    n, cols = len(imgs), int(np.ceil(np.sqrt(len(imgs))))
    rows = [
        strip(list(imgs[i : i + cols]) + [np.zeros((28, 28))] * (cols - len(imgs[i : i + cols])))
        for i in range(0, n, cols)
    ]
    return np.concatenate(rows, axis=0)


def real_digits() -> np.ndarray:
    """The bundled test digits 0-9 on the same scale as the samples: what the flow was trained on."""
    from PIL import Image

    imgs = [np.asarray(Image.open(p), dtype=np.float32) / 255 for p in DIGITS]
    return np.concatenate([strip(imgs[:5]), strip(imgs[5:])], axis=0)


def logdet_figure(exact: float, series: list, runs: list, spin: list | None, probes: int, p: float | None, lang: str):
    """Each log-det estimator against the number of terms: exact, the series, Hutchinson's (its spread over the
    repeats as an error bar) and the roulette at its expected number of terms."""
    n_terms = len(series)
    ks = list(range(1, n_terms + 1))
    fig = go.Figure(
        [
            go.Scatter(x=ks, y=[exact] * n_terms, mode="lines", name=view("exact", lang), line=dict(dash="dash")),
            go.Scatter(x=ks, y=series, mode="lines+markers", name=view("series", lang)),
            go.Scatter(
                x=[n_terms],
                y=[float(np.mean(runs))],
                mode="markers",
                name=view("hutchinson", lang, n=probes),
                error_y=dict(type="data", array=[float(np.std(runs))]),
                marker=dict(size=11),
            ),
        ]
    )
    if spin is not None:
        fig.add_scatter(
            x=[n_terms + (1 - p) / p],
            y=[float(np.mean(spin))],
            mode="markers",
            name=view("roulette", lang, n=n_terms, p=f"{p:g}"),
            error_y=dict(type="data", array=[float(np.std(spin))]),
            marker=dict(size=11, symbol="diamond"),
        )
    return layout(fig, xaxis_title=view("terms", lang), yaxis_title=view("mean_logdet", lang))


def density_figure(lin: np.ndarray, density: np.ndarray, samples: np.ndarray, data: np.ndarray, lang: str) -> go.Figure:
    """A flow's density as a heat-map, samples drawn through its inverse, and the data (shown when asked for)."""
    fig = go.Figure(
        [
            go.Heatmap(x=lin, y=lin, z=density, colorscale="Viridis", showscale=False),
            go.Scatter(
                x=samples[:, 0],
                y=samples[:, 1],
                mode="markers",
                name=view("flow_samples", lang),
                marker=dict(size=3, color="white"),
            ),
            go.Scatter(
                x=data[:, 0],
                y=data[:, 1],
                mode="markers",
                name=view("data", lang),
                marker=dict(size=3, color="orange"),
                visible="legendonly",
            ),
        ]
    )
    return layout(fig, height=420, xaxis_title="x₁", yaxis_title="x₂", yaxis_scaleanchor="x")

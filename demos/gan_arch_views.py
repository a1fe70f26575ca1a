"""Figures, tables and readouts of the GAN-architecture tab, drawn from the snapshot's metrics.json and from what the
handlers compute; every label in the page's language."""

from __future__ import annotations

import html

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from demos.gan_arch_text import view

COLOURS = {"dcgan": "#2563eb", "resnet": "#059669", "selfmod": "#d97706", "real": "#374151"}
LAYOUT = dict(template="plotly_white", margin=dict(l=50, r=20, t=60, b=50))


def _pair(values: list, fmt: str) -> str:
    return " / ".join(format(v, fmt) for v in values)


def measured_table(m: dict, lang: str) -> str:
    heads = ["generator", "params", "macs", "speed", "fid", "confident", "nyquist"]
    lines = ["| " + " | ".join(view(f"head.{h}", lang) for h in heads) + " |", "|---" * len(heads) + "|"]
    for a, e in m["architectures"].items():
        seeds = list(e["seeds"].values())
        board = [s["nyquist_share"] for s in m["spectra"][a]["seeds"].values()]
        lines.append(
            f"| {view(a, lang)} | {e['params']:,} | {e['macs'] / 1e6:.1f} M | {e['seconds_per_1k_steps']:.0f} "
            f"| {_pair([s['fid'] for s in seeds], '.2f')} | {_pair([s['confident_share'] for s in seeds], '.1%')} "
            f"| {_pair(board, '.2e')} |"
        )
    return "\n".join(lines)


def _verdict(v: dict, lang: str) -> str:
    return f"{v['difference']:+.3g} (± {v['seed_spread']:.3g}): {view('verdict.' + v['verdict'], lang)}"


def claims_markdown(m: dict, lang: str) -> str:
    c = m["claims"]
    speed, sm = c["dcgan_faster_than_resnet_at_similar_quality"], c["selfmod_converges_better"]
    board = c["transposed_convolutions_leave_a_checkerboard"]

    def holds(entry: dict) -> str:
        return f"**{view('holds' if entry['holds'] else 'fails', lang)}**"

    def reached(steps: list) -> str:
        return " / ".join(view("step_n", lang, n=s) if s else view("not_reached", lang) for s in steps)

    nyquist = {a: np.mean([s["nyquist_share"] for s in m["spectra"][a]["seeds"].values()]) for a in m["architectures"]}
    items = [
        view("claim.speed", lang, v=holds(speed), r=speed["resnet_time_ratio"],
             q=_verdict(speed["fid_dcgan_minus_resnet"], lang),
             f=" / ".join(f"{x:.1f}" for x in speed["resnet_fid_at_dcgan_training_time"]),
             t=_verdict(speed["fid_dcgan_minus_resnet_at_equal_time"], lang)),
        view("claim.selfmod", lang, v=holds(sm), q=_verdict(sm["fid_selfmod_minus_dcgan"], lang),
             s=reached(sm["steps_to_dcgan_final_fid"]["selfmod"]), d=reached(sm["steps_to_dcgan_final_fid"]["dcgan"])),
        view("claim.board", lang, v=holds(board), d=nyquist["dcgan"], r=nyquist["resnet"],
             real=board["nyquist_share_real"], q=_verdict(board["nyquist_share_resnet_minus_dcgan"], lang)),
    ]  # fmt: skip
    return view("claims", lang) + "\n\n" + "\n".join(f"{i}. {t}" for i, t in enumerate(items, 1))


def curves_figure(m: dict, lang: str) -> go.Figure:
    fig = go.Figure()
    for a, e in m["architectures"].items():
        for i, (seed, s) in enumerate(e["seeds"].items()):
            fig.add_trace(
                go.Scatter(
                    x=[p["step"] for p in s["curve"]],
                    y=[p["fid"] for p in s["curve"]],
                    mode="lines+markers",
                    line=dict(color=COLOURS[a], dash="solid" if i == 0 else "dot"),
                    name=f"{view(a, lang)}, {view('seed', lang, s=seed)}",
                )
            )
    fig.update_layout(title=view("curves", lang), height=380, legend=dict(orientation="h", y=-0.25), **LAYOUT)
    fig.update_xaxes(title_text=view("step", lang))
    fig.update_yaxes(title_text=view("fid", lang), type="log")
    return fig


def layer_table(rows: list[dict], lang: str) -> dict:
    heads = ["layer", "kind", "shape", "layer_params", "layer_macs"]
    data = [
        [r["name"], r["kind"], " × ".join(map(str, r["shape"])), f"{r['params']:,}", f"{r['macs']:,}"] for r in rows
    ]
    return {"headers": [view(f"head.{h}", lang) for h in heads], "data": data}


def _heat(fig, z, row: int, col: int, colorscale: str = "Viridis", **kw) -> None:
    fig.add_trace(go.Heatmap(z=z, colorscale=colorscale, showscale=False, **kw), row, col)
    fig.update_yaxes(autorange="reversed", scaleanchor=f"x{(row - 1) * 2 + col}", row=row, col=col)


def board_figure(cov1: np.ndarray, cov2: np.ndarray, random: np.ndarray, spectrum: np.ndarray, lang: str) -> go.Figure:
    ratio = float(cov2.max() / cov2.min())
    titles = (view("cov1", lang), view("cov2", lang, r=ratio), view("random", lang), view("spectrum", lang))
    fig = make_subplots(rows=2, cols=2, subplot_titles=titles, vertical_spacing=0.16, horizontal_spacing=0.1)
    show = cov1[: min(len(cov1), 32)]
    fig.add_trace(go.Bar(y=show, marker_color=COLOURS["dcgan"], showlegend=False), 1, 1)
    fig.update_xaxes(title_text=view("output", lang), row=1, col=1)
    fig.update_yaxes(title_text=view("count", lang), rangemode="tozero", row=1, col=1)
    _heat(fig, cov2[:32, :32], 1, 2)
    _heat(fig, random[:32, :32], 2, 1, "Greys")
    n = spectrum.shape[0]
    freq = (np.arange(n) - n // 2) * 2 / n  # x pi
    top = np.log10(max(spectrum.max(), 1e-30))
    _heat(fig, np.log10(spectrum + 1e-30), 2, 2, "Magma", x=freq, y=freq, zmin=top - 6, zmax=top)  # six decades
    fig.update_xaxes(title_text=view("freq", lang), row=2, col=2)
    fig.update_layout(height=640, **LAYOUT)
    return fig


def trained_spectra_figure(m: dict, lang: str) -> go.Figure:
    names = ["real", *m["architectures"]]
    titles = []
    for a in names:
        share = m["spectra"][a].get("nyquist_share")
        if share is None:  # the architectures keep one share per seed; the heat map is seed 0's
            share = m["spectra"][a]["seeds"]["0"]["nyquist_share"]
        titles.append(view("trained", lang, name=view(a, lang), v=share))
    fig = make_subplots(rows=1, cols=4, subplot_titles=titles, horizontal_spacing=0.04)
    for i, a in enumerate(names, 1):
        s = np.asarray(m["spectra"][a]["spectrum"])
        n = s.shape[0]
        freq = (np.arange(n) - n // 2) * 2 / n
        fig.add_trace(
            go.Heatmap(z=np.log10(s + 1e-12), x=freq, y=freq, colorscale="Magma", showscale=False, zmin=-7, zmax=-1),
            1,
            i,
        )
        fig.update_yaxes(scaleanchor=f"x{i}", autorange="reversed", row=1, col=i, showticklabels=i == 1)
        fig.update_xaxes(title_text=view("freq", lang), row=1, col=i)
    fig.update_layout(height=330, **LAYOUT)
    fig.update_annotations(font_size=11)
    return fig


def modulation_figure(scale, shift, scale_a, shift_a, lang: str) -> go.Figure:
    fig = make_subplots(
        rows=2, cols=1, subplot_titles=(view("scale", lang), view("shift", lang)), vertical_spacing=0.18
    )
    channels = np.arange(len(scale))
    for row, (now, start, colour) in enumerate(((scale, scale_a, "#2563eb"), (shift, shift_a, "#d97706")), 1):
        fig.add_trace(go.Bar(x=channels, y=now, marker_color=colour, showlegend=False), row, 1)
        fig.add_trace(
            go.Scatter(
                x=channels,
                y=start,
                mode="markers",
                marker=dict(symbol="line-ew-open", size=9, color="#6b7280", line_width=2),
                name=view("at_a", lang),
                showlegend=row == 1,
            ),
            row,
            1,
        )
        fig.update_xaxes(title_text=view("channel", lang), row=row, col=1)
    fig.update_layout(height=480, legend=dict(orientation="h", y=1.12, x=1, xanchor="right"), **LAYOUT)
    return fig


def norm_diagram(lang: str) -> str:
    """Four N x C blocks (each cell stands for all H x W positions of one sample and channel), the cells that one
    normalisation averages together shaded: SVG drawn here, captions as HTML so that they wrap."""
    cells, size = 4, 24
    kinds = [("bn", "c"), ("ln", "n"), ("in", "nc"), ("cbn", "c")]  # what stays fixed within one average
    figures = []
    for kind, fixed in kinds:
        parts = []
        for n in range(cells):
            for c in range(cells):
                shaded = (n == 1 or "n" not in fixed) and (c == 1 or "c" not in fixed)
                fill = "#2563eb" if shaded else "#e5e7eb"
                parts.append(
                    f'<rect x="{c * size}" y="{n * size}" width="{size - 3}" height="{size - 3}" fill="{fill}" rx="2"/>'
                )
            if kind == "cbn":  # gamma, beta come per sample from y or z
                parts.append(f'<circle cx="{cells * size + 8}" cy="{n * size + 10}" r="5" fill="#d97706"/>')
        svg = f'<svg viewBox="0 0 {cells * size + 16} {cells * size}" width="{cells * size + 16}" role="img">{"".join(parts)}</svg>'
        figures.append(f"<figure>{svg}<figcaption>{html.escape(view(f'norm.{kind}', lang))}</figcaption></figure>")
    batch, channel, space = (html.escape(view(f"norm.{k}", lang)) for k in ("batch", "channel", "space"))
    legend = f"<p>↓ {batch} · → {channel} · {space}</p>"
    return f'<div class="arch-norms">{legend}<div>{"".join(figures)}</div></div>'

"""The O-GAN tab's pictures: the code as bars, the interpolation as an animation, the frame the scrub slider shows."""

from __future__ import annotations

from pathlib import Path

import gradio as gr
import numpy as np
import plotly.graph_objects as go
from PIL import Image

from demos.digit_input import show_digits

CODE_AXIS = {"en": "dimension", "zh": "维度"}


def code_figure(code: np.ndarray, lang: str = "en") -> go.Figure:
    fig = go.Figure(go.Bar(y=code, marker_color=["#2563eb" if v >= 0 else "#d97706" for v in code]))
    fig.update_layout(height=220, margin=dict(l=30, r=10, t=30, b=30), template="plotly_white", title="0.9·N(E(x))")
    fig.update_xaxes(title_text=CODE_AXIS[lang])
    return fig


def animation(images: np.ndarray, path: Path) -> str:
    """(F, 1, 28, 28) frames -> a looping GIF that plays the path forth and back; its path."""
    pics = [Image.fromarray(show_digits(img[None])) for img in images]
    pics[0].save(path, save_all=True, append_images=pics[1:] + pics[-2:0:-1], duration=120, loop=0)
    return str(path)


def scrub_frame(frames, index):
    """The frame of the path the scrub slider points at."""
    if frames is None:
        return None
    i = int(np.clip(index, 0, len(frames) - 1))
    return show_digits(frames[i][None])


def fit_scrub(frames, index):
    """After a new path: the scrub slider spans exactly its frames, and the frame in view is redrawn."""
    if frames is None:
        return gr.skip(), None
    i = int(np.clip(index, 0, len(frames) - 1))
    return gr.Slider(maximum=len(frames) - 1, value=i), show_digits(frames[i][None])

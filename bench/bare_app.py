"""The baseline for the benchmarks: a minimal Gradio app with one no-op endpoint.

`python bench/bare_app.py` imports gradio only (the cold-start baseline); with BARE_IMPORT_TORCH=1 it also imports
torch (the memory baseline: what any torch + gradio app pays before loading a model); with BARE_PLOT=1 the page also
shows one three-point Plotly figure (the browser baseline: what any page with a gr.Plot pays when it first draws one).
"""

import os

if os.environ.get("BARE_IMPORT_TORCH") == "1":
    import torch  # noqa: F401

import gradio as gr


def noop(text: str) -> str:
    return text


with gr.Blocks() as demo:
    box = gr.Textbox()
    out = gr.Textbox()
    box.submit(noop, box, out, api_name="noop")
    if os.environ.get("BARE_PLOT") == "1":
        import plotly.graph_objects as go

        gr.Plot(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))

if __name__ == "__main__":
    demo.launch()

"""The baseline for the benchmarks: a minimal Gradio app with one no-op endpoint.

`python bench/bare_app.py` imports gradio only (the cold-start baseline); with BARE_IMPORT_TORCH=1 it also imports
torch (the memory baseline: what any torch + gradio app pays before loading a model).
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

if __name__ == "__main__":
    demo.launch()

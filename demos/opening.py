"""When a tab computes its opening panels, so that each tab shows results before any click.

Run alone (`python -m demos.<tab>`), a tab computes them when the page loads. In the composed app they are computed the
first time the tab is shown: a hidden "opener" button per tab, which the page script (assets/page.js) clicks once
when its tab is on screen. Measured in the browser: every event makes Gradio's page refresh the loading state of every
output of every event that has run so far, each lookup a walk over the whole component tree, so 26 opening events
for eight tabs at page load blocked the main thread for 0.6-1.2 s at a time; now a page load runs one tab's events.
"""

from __future__ import annotations

import contextlib

import gradio as gr

_composed = False
_openers: dict[int, gr.Button] = {}  # id(tab's Blocks) -> its opener


@contextlib.contextmanager
def composed():
    """While the app imports its tabs: their opening events wait for the tab to be shown."""
    global _composed
    _composed = True
    try:
        yield
    finally:
        _composed = False


def on_open(demo: gr.Blocks, fn, inputs, outputs, name: str, **kwargs):
    """Run `fn` on the tab's default inputs when the tab opens: a private endpoint `<name>_initial`. Returns the
    event, to chain `.then` on."""
    kwargs = {"api_name": f"{name}_initial", "api_visibility": "private", **kwargs}
    if not _composed:
        return demo.load(fn, inputs, outputs, **kwargs)
    if id(demo) not in _openers:  # in the DOM but not shown; placed wherever the tab's first opening event is
        _openers[id(demo)] = gr.Button(visible="hidden", elem_id=f"{name}-opener", elem_classes="tab-opener")
    return _openers[id(demo)].click(fn, inputs, outputs, **kwargs)

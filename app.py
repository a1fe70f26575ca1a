"""Scientific Spaces Explorables: one interactive tab per article of the Scientific Spaces blog (kexue.fm).

`build_demo()` composes the tab modules listed in `demos.tabs.SHOWN`; `python app.py` launches the app.
`?tab=<id>` in the URL opens that tab.
"""

from __future__ import annotations

import importlib
from unittest import mock

import gradio as gr
from gradio.routes import App

from demos.common import LAZY, launch_kwargs
from demos.errors import message, quote
from demos.guard import Blocks
from demos.i18n import I18N
from demos.tabs import SHOWN


def warn_unknown_tab(request: gr.Request) -> None:
    """Deep link: the page script opens the tab named by `?tab=<id>`; an unknown one is named here in a warning.
    No output on purpose: the page refreshes the loading state of every event output on each event, and for gr.Tabs
    that means reading every component of every tab (measured: 0.2-0.5 s of the main thread per event)."""
    tab = request.query_params.get("tab") if request else None
    if tab is not None and tab not in SHOWN:
        gr.Warning(message("unknown_tab", value=quote(tab), choices=", ".join(SHOWN)))


def import_tabs() -> dict:
    """Each tab module builds its own gr.Blocks, so that it runs alone. Gradio makes a FastAPI app for every Blocks it
    closes (about 0.15 s each on 2 cores), which the composed app never serves: skip those while importing the tabs.
    Import them before our own Blocks: a module's `with gr.Blocks()` inside our context would render it twice."""
    with mock.patch.object(App, "create_app", return_value=None):
        return {tab_id: importlib.import_module(f"demos.{tab_id}") for tab_id in SHOWN}


def build_demo() -> gr.Blocks:
    modules = import_tabs()
    # Gradio's cache (results, uploads) is pruned every 5 minutes of files older than 15: disk stays bounded
    with Blocks(title="Scientific Spaces Explorables", delete_cache=(300, 900)) as root:
        gr.Markdown(I18N("app.title"), elem_classes="app-title")
        gr.Markdown(I18N("app.tagline"), elem_classes="app-tagline")
        with gr.Tabs(elem_id="tabs", overflow_behavior="wrap"):  # every tab one tap away on a phone
            for tab_id in SHOWN:
                with gr.Tab(I18N(f"app.tab.{tab_id}"), id=tab_id, elem_id=f"tab-{tab_id}"):
                    modules[tab_id].demo.render()
        root.load(  # queued, so that its warning shows; no concurrency limit: it never waits behind a tab's work
            warn_unknown_tab, None, None, api_name="app_warn_tab", api_visibility="private", concurrency_limit=None
        )
    examples = {name: args for m in modules.values() for name, args in getattr(m, "API_EXAMPLES", {}).items()}
    modules["guide"].API_SOURCE.update(blocks=root, examples=examples)  # the Guide's snippets cover every tab
    return root


demo = build_demo()

if __name__ == "__main__":
    demo.launch(prevent_thread_lock=True, **launch_kwargs())
    for model in LAZY:  # the page is served first; the models load on a background thread right after
        model.start()
    demo.block_thread()

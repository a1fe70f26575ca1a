"""Guide tab (kexue.fm/archives/6508): how to use each tab, cite, call the API, run offline and reproduce the weights.

The API section is generated from the endpoints of the app it is rendered in (`describe_api`), so it stays true as
tabs are added. Runs alone: `python -m demos.guide`.
"""

from __future__ import annotations

import functools
import re

import gradio as gr

from demos.articles import ARTICLES
from demos.common import article_header, markdown, page_language
from demos.guide_text import API_ZH, RETURNS, WEIGHTS_TABLE
from demos.i18n import I18N
from demos.opening import on_open
from demos.tabs import SHOWN
from models import hub

OFFLINE = """\
```bash
# run the app with no network at all: the weights are bundled under assets/weights/
HF_HUB_OFFLINE=1 python app.py
# load every model through the Hugging Face Hub code path instead (pinned revisions, strict loading)
EXPLORABLES_WEIGHTS=hub python app.py
# write a snapshot (safetensors + config + model card + metrics) and, with a token, push it
python -m training.publish --help
```"""


def describe_api(
    blocks: gr.Blocks,
    examples: dict[str, dict[str, str]] | None = None,
    url: str = "http://127.0.0.1:7860",
    lang: str = "en",
) -> str:
    """Markdown with a `gradio_client` call for every public endpoint of `blocks`, summaries in `lang`.

    Argument values come from `examples` (endpoint -> parameter -> Python source, declared by each tab as
    API_EXAMPLES) where a tab gives one, else from the UI's own default value.
    """
    info = blocks.get_api_info()["named_endpoints"]
    defaults = {f"/{fn.api_name}": fn.inputs for fn in blocks.fns.values() if fn.api_name}
    examples = examples or {}
    parts = [f'```python\nfrom gradio_client import Client, handle_file\n\nclient = Client("{url}")\n```']
    for endpoint, spec in sorted(info.items()):
        summary = (spec.get("description") or "").strip().splitlines()
        first = API_ZH.get(endpoint, "") if lang == "zh" else (summary[0] if summary else "")
        lines = [f"#### `{endpoint}`", "", first, "", "```python", "result = client.predict("]
        for param, comp in zip(spec["parameters"], defaults.get(endpoint, []), strict=False):
            name = param["parameter_name"]
            value = examples.get(endpoint, {}).get(name, repr(comp.value))
            lines.append(f"    {name}={value},  # {param['python_type']['type']}")
        lines += [f'    api_name="{endpoint}",', ")", "```"]
        returns = ", ".join(f"{r['component']}" for r in spec["returns"])
        lines.append(RETURNS[lang][len(spec["returns"]) > 1].format(r=returns))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


# the composed app and its tabs' API examples, set by app.build_demo(); standalone, this tab alone
API_SOURCE: dict = {}


def page_url(request: gr.Request | None) -> str:
    """The address this page was served from (the Space's, behind its proxy), for the snippets."""
    if request is None or not request.headers.get("host"):
        return "http://127.0.0.1:7860"
    scheme = request.headers.get("x-forwarded-proto", "http").split(",")[0].strip()
    return f"{scheme}://{request.headers['host']}"


@functools.lru_cache(maxsize=16)
def _api_markdown(url: str, lang: str) -> str:
    return describe_api(API_SOURCE.get("blocks", demo), API_SOURCE.get("examples"), url, lang)


def api_for_page(request: gr.Request = None) -> str:
    return _api_markdown(page_url(request), page_language(request))


def _reproduce_command(name: str) -> str:
    """The command block under '## Reproduce' in the snapshot's model card."""
    card = hub.bundled_dir(name) / "README.md"
    match = re.search(r"## Reproduce\s*```bash\n(.*?)```", card.read_text(), flags=re.S) if card.is_file() else None
    return match.group(1).strip() if match else "(no model card)"


def describe_weights(lang: str = "en") -> str:
    """Every model in the hub registry: where it lives, whether it is bundled, and how to reproduce it."""
    head, yes, no = WEIGHTS_TABLE[lang]
    rows = [head, "|---|---|---|---|"]
    for name, entry in hub.REGISTRY.items():
        bundled = yes if (hub.bundled_dir(name) / "model.safetensors").is_file() else no
        rows.append(
            f"| {name} | [{entry.repo_id}](https://huggingface.co/{entry.repo_id}) | `{entry.revision[:12]}` | {bundled} |"
        )
    commands = [f"**{name}**\n\n```bash\n{_reproduce_command(name)}\n```" for name in hub.REGISTRY]
    return "\n".join(rows) + "\n\n" + "\n\n".join(commands)


def describe_citations() -> str:
    return "\n\n".join(f"- {ARTICLES[t].apa()}" for t in SHOWN)


def weights_for_page(request: gr.Request = None) -> str:
    return describe_weights(page_language(request))


with gr.Blocks() as demo:
    article_header("guide", "guide.summary")
    gr.Markdown(I18N("guide.tabs_title"), elem_classes="section-title")
    for tab_id in SHOWN:
        with gr.Accordion(I18N(f"app.tab.{tab_id}"), open=False):
            markdown(I18N(f"guide.tab.{tab_id}"))
            gr.Markdown(f"`?tab={tab_id}` · [{ARTICLES[tab_id].url}]({ARTICLES[tab_id].url})")
    gr.Markdown(I18N("guide.api_title"), elem_classes="section-title")
    gr.Markdown(I18N("guide.api_intro"))
    api_md = gr.Markdown(elem_id="guide-api")  # filled for each page: its language and its address
    gr.Markdown(I18N("guide.offline_title"), elem_classes="section-title")
    gr.Markdown(OFFLINE)
    weights_md = gr.Markdown(describe_weights(), elem_id="guide-weights")
    gr.Markdown(I18N("guide.cite_title"), elem_classes="section-title")
    gr.Markdown(describe_citations(), elem_classes="citations")  # APA lines keep the articles' English titles
    gr.Markdown(I18N("guide.license_title"), elem_classes="section-title")
    gr.Markdown(I18N("guide.license"))

    on_open(demo, api_for_page, None, api_md, "guide_api", queue=False)
    on_open(demo, weights_for_page, None, weights_md, "guide_weights", queue=False)

if __name__ == "__main__":
    from demos.common import launch_kwargs

    demo.launch(**launch_kwargs())

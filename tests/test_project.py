"""Project-level promises: the Space front matter, the two README commands, CI, translations, the tab registry,
deep links, and each tab module running alone."""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from contextlib import nullcontext
from pathlib import Path

import gradio as gr
import pytest
from huggingface_hub import SpaceCard
from support import ROOT, free_port

from demos.articles import ARTICLES
from demos.i18n import EN, ZH
from demos.tabs import PENDING, SHOWN, api_prefix
from models import hub

GRADIO_NAMESPACES = {  # gradio's own top-level translation keys: a key named like these renders as [object Object]
    "3D_model", "_name", "annotated_image", "audio", "blocks", "chat_interface", "chatbot", "checkbox", "code",
    "color_picker", "common", "dataframe", "dropdown", "errors", "file", "highlighted_text", "image", "label", "login",
    "number", "plot", "radio", "slider", "upload_text", "video",
}  # fmt: skip


def test_space_front_matter_matches_the_installed_stack():
    card = SpaceCard.load(ROOT / "README.md")
    assert card.data.sdk == "gradio"
    assert card.data.sdk_version == gr.__version__
    assert card.data.python_version == "3.11"
    assert card.data.app_file == "app.py"
    assert sorted(card.data.models or []) == sorted(e.repo_id for e in hub.REGISTRY.values())


def test_readme_has_exactly_the_two_commands_and_ci_runs_the_second():
    blocks = re.findall(r"```bash\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.S)
    commands = [b.strip() for b in blocks if "\n" not in b.strip()]
    assert commands[:2] == ["pip install -r requirements.txt && python app.py", "bash scripts/test.sh"]
    assert "exec bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def test_requirements_pin_every_runtime_dependency():
    lines = [line for line in (ROOT / "requirements.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][^\s]*", line) for line in lines), lines
    assert "torch==2.13.0" in lines and f"gradio=={gr.__version__}" in lines


def test_translations_cover_both_languages_and_avoid_gradio_namespaces():
    assert EN.keys() == ZH.keys()
    assert all("." in key and key.split(".")[0] not in GRADIO_NAMESPACES for key in EN)
    same_in_both = {"shared.cite_bibtex", "app.tab.ogan", "app.tab.onlstm"}  # names, not words
    assert all(ZH[key].strip() and ZH[key] != EN[key] for key in EN.keys() - same_in_both)


def test_every_key_the_app_uses_is_translated_and_no_string_is_dead():
    import app

    configs = [app.demo.get_config_file()] + [
        importlib.import_module(f"demos.{t}").demo.get_config_file() for t in PENDING
    ]
    used = set(re.findall(r'"key": "([^"]+)"', json.dumps(configs, default=str).replace('\\"', '"')))
    assert used, "the config carries no translation keys"
    assert used == EN.keys(), (used - EN.keys(), EN.keys() - used)  # none missing, none dead


def test_every_shown_tab_has_its_article_label_and_guide_text():
    for tab_id in SHOWN:
        assert tab_id in ARTICLES
        assert f"app.tab.{tab_id}" in EN and f"guide.tab.{tab_id}" in EN


def test_tabs_appear_in_order_with_deep_link_ids():
    import app

    tabs = [b for b in app.demo.blocks.values() if isinstance(b, gr.Tab)]
    assert [t.id for t in tabs] == list(SHOWN)


@pytest.mark.parametrize("query", [{"tab": "guide"}, {"tab": "nope"}, {}])
def test_deep_link_warns_only_about_unknown_tabs(query):
    import app

    request = type("Request", (), {"query_params": query})()
    with pytest.warns(UserWarning, match="There is no tab 'nope'") if query.get("tab") == "nope" else nullcontext():
        assert app.warn_unknown_tab(request) is None


def test_no_event_outputs_a_layout_that_holds_a_tab():
    """The page refreshes every event output's loading state on each event; for the tab container that reads every
    component of every tab, so nothing may update it (a deep link is opened by the page script instead)."""
    import app

    tabs = [b for b in app.demo.blocks.values() if isinstance(b, gr.Tabs)]
    outputs = {id(o) for f in app.demo.fns.values() for o in f.outputs}
    assert tabs and not any(id(t) in outputs for t in tabs)


def test_public_endpoints_carry_their_tab_prefix():
    import app

    public = [f.api_name for f in app.demo.fns.values() if f.api_visibility == "public"]
    prefixes = {api_prefix(t) for t in SHOWN}
    assert public and all(name.split("_")[0] in prefixes for name in public)


def test_every_tab_computes_its_opening_panels_privately():
    import app

    opening = {f.api_name: f.api_visibility for f in app.demo.fns.values() if f.api_name.endswith("_initial")}
    assert {name.split("_")[0] for name in opening} == {api_prefix(t) for t in SHOWN}
    assert set(opening.values()) == {"private"}


def test_tabs_open_when_shown_not_when_the_page_loads():
    """One tab's events on a page load instead of every tab's: each opener is clicked by the page script."""
    import app

    page_load = [f.api_name for f in app.demo.fns.values() if any(t[1] == "load" for t in f.targets)]
    assert page_load == ["app_warn_tab"]
    openers = {b.elem_id for b in app.demo.blocks.values() if "tab-opener" in (b.elem_classes or [])}
    assert len(openers) == len(SHOWN) and all(o.endswith("-opener") for o in openers)
    assert ".tab-opener" in app.launch_kwargs()["js"]


def test_article_citations_follow_the_blog_format():
    a = ARTICLES["smooth"]
    assert a.apa() == (
        "Su, J. (2019, May 20). 函数光滑化杂谈：不可导函数的可导逼近 [Smoothing functions: differentiable "
        "approximations of non-differentiable functions] [Blog post]. Scientific Spaces (科学空间). https://kexue.fm/archives/6620"
    )
    assert (
        a.bibtex().startswith("@online{kexuefm-6620,") and "url={\\url{https://kexue.fm/archives/6620}}" in a.bibtex()
    )


@pytest.mark.parametrize("tab_id", SHOWN)
def test_each_tab_module_runs_alone(tab_id):
    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "GRADIO_SERVER_NAME": "127.0.0.1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", f"demos.{tab_id}"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/info", timeout=1) as r:
                    info = json.loads(r.read())
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
                time.sleep(0.2)
        else:
            pytest.fail(f"demos.{tab_id} did not start")
        assert all(name.startswith(f"/{api_prefix(tab_id)}_") for name in info["named_endpoints"])
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_gitignore_keeps_artifacts_and_runs_out_of_git():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert {"tests/artifacts/", "runs/", ".venv/"} <= set(ignored)
    assert Path(ROOT / "tests" / "e2e").is_dir()


def _imports(path: Path) -> set[str]:
    """The top-level packages (app, demos, models, training, ...) a file imports, at any depth of its code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [("models", {"app", "demos", "training"}), ("demos", {"app", "training"}), ("training", {"app", "demos"})],
)
def test_imports_point_one_way_app_demos_models_and_training_models(folder, forbidden):
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & forbidden)
        for path in (ROOT / folder).rglob("*.py")
        if _imports(path) & forbidden
    }
    assert not offenders


def _rebound_imports(path: Path) -> list[str]:
    """Names a module imports at its top and then assigns again anywhere in it (`encode = gr.Button(...)` after
    importing a function `encode` makes every later call reach the button)."""
    tree = ast.parse(path.read_text())
    imported = {
        (a.asname or a.name).split(".")[0]
        for node in tree.body
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for a in node.names
    }
    stored = (n for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    return sorted({f"{n.id} (line {n.lineno})" for n in stored if n.id in imported})


def test_no_module_rebinds_a_name_it_imports():
    offenders = {
        str(path.relative_to(ROOT)): _rebound_imports(path)
        for folder in ("demos", "models", "training")
        for path in (ROOT / folder).rglob("*.py")
        if _rebound_imports(path)
    }
    assert not offenders


def test_the_app_never_imports_training():
    assert "training" not in _imports(ROOT / "app.py")


def test_building_the_app_leaves_torch_to_the_background_loaders():
    """The page is served before any model loads: importing torch (about 1 s on 2 cores) happens on the loaders."""
    code = "import sys, app; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _training_imports(path: Path) -> tuple[set[str], list[int]]:
    """The training.* modules a file imports, and the lines of those imports made inside a function."""
    tree, found, nested = ast.parse(path.read_text()), set(), []
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("training"):
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("training")]
        if names:
            found |= {n for n in names if (ROOT / (n.replace(".", "/") + ".py")).is_file()}
            if id(node) not in top_level:
                nested.append(node.lineno)
    return found, nested


def test_training_has_no_import_cycles_and_hides_no_import_in_a_function():
    graph, nested = {}, {}
    for path in (ROOT / "training").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        graph[module], lines = _training_imports(path)
        if lines:
            nested[module] = lines
    assert not nested

    def reaches(start: str, target: str, seen: set) -> bool:
        return any(n == target or (n not in seen and reaches(n, target, seen | {n})) for n in graph.get(start, ()))

    assert not [m for m in graph if reaches(m, m, {m})]

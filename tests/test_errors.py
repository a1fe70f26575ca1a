"""Error messages: every one in English and Chinese with the same placeholders, every input name a handler gives
translated, and no handler raising a one-language gr.Error of its own."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import gradio as gr
import pytest

from demos.errors import MESSAGES, NAMES, error, quote

DEMOS = Path(__file__).resolve().parents[1] / "demos"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(template: str) -> set[str]:
    """The values a template takes; `{x_zh}` (the Chinese text of `{x}`) counts as `x`."""
    return {name.split(".")[0].removesuffix("_zh") for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_each_message_has_both_languages_with_the_same_values(key):
    en, zh = MESSAGES[key]
    assert CJK.search(zh) and not CJK.search(en)
    assert _fields(en) == _fields(zh)


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
            yield (node.func.id if isinstance(node.func, ast.Name) else node.func.attr), node


def test_every_input_name_a_handler_gives_is_translated():
    named = set()
    for path in DEMOS.glob("*.py"):
        for fn, node in _calls(path):
            if fn == "parse_number" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                named.add(node.args[1].value)
            for kw in node.keywords:
                if fn == "parse_vector" and kw.arg == "what" and isinstance(kw.value, ast.Constant):
                    named.add(kw.value.value)
    assert named and named <= set(NAMES), sorted(named - set(NAMES))


def test_no_handler_raises_an_error_in_one_language():
    offenders = [
        f"{path.name}:{node.lineno}"
        for path in DEMOS.glob("*.py")
        if path.name != "errors.py"
        for fn, node in _calls(path)
        if fn == "Error"
    ]
    assert not offenders


def test_an_error_reads_english_then_chinese_and_quotes_input_escaped():
    err = error("number", "Seed", value=quote("<b>" + "x" * 100))
    assert isinstance(err, gr.Error)
    en, zh = str(err.message).split(" / ")
    assert en.startswith("Seed must be a number") and zh.startswith("随机种子须是数字")
    assert "<b>" not in en and "&lt;b&gt;" in en and len(en) < 80

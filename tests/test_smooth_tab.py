"""demos/smooth.py handlers called directly: results, JSON shape, and clear errors for bad input."""

from __future__ import annotations

import json
from types import SimpleNamespace

import gradio as gr
import numpy as np
import plotly.graph_objects as go
import pytest

from demos import smooth as tab
from demos.common import parse_number, parse_vector
from models import smooth


@pytest.mark.parametrize("name", list(smooth.FUNCTIONS))
def test_every_pair_returns_a_figure_and_json(name):
    fig, result = tab.smooth_pair(name, 2.0, tab.DEFAULT_VECTOR, 2, tab.DEFAULT_BATCH)
    assert isinstance(fig, go.Figure) and len(fig.data) >= 3
    json.dumps(result, allow_nan=False)  # a browser can parse it
    assert result["function"] == name and result["K"] == 2.0
    assert result["bound_holds"] in (True, None)


def test_max_lse_values_on_the_default_vector():
    _, r = tab.smooth_pair("max_lse", 1.0, "[2, 1, 4, 5, 3]", 2, None)
    x = np.array([2.0, 1, 4, 5, 3])
    assert r["exact"] == 5.0
    assert r["smooth"] == pytest.approx(np.log(np.exp(x).sum()))
    assert r["upper"] == pytest.approx(5 + np.log(5))


def test_topk_reports_both_soft_versions():
    _, r = tab.smooth_pair("topk", 20, "2 1 4 5 3", 2, None)
    np.testing.assert_allclose(r["smooth"], [0, 0, 1, 1, 0], atol=1e-6)
    assert sum(r["soft_topk_2024"]) == pytest.approx(2) and r["error_bound"] is None


def test_batch_accepts_the_api_table_form():
    table = {"headers": ["t", "s"], "data": [[1, 2.0], [0, -1.0], [1, -0.5]], "metadata": None}
    _, r = tab.smooth_pair("f1", 1000, "", 2, table)
    assert r["exact"] == pytest.approx(2 / 3) and r["smooth"] == pytest.approx(2 / 3, abs=1e-6)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   ,, ", "empty"),
        ("1, two, 3", "'two', which is not a number"),
        ("1, nan", "finite"),
        ("1, inf", "finite"),
        ("1e400", "finite"),
        ("1, 2e7", "±1,000,000"),
        (", ".join(["1"] * 10_000), "10000 entries; the limit is 1000"),
        (None, "must be text"),
        (12, "must be text"),
        ("2, 1, 🙂", "'🙂', which is not a number"),
        ("1\x00 2", "not a number"),
    ],
)
def test_bad_vectors_get_a_clear_message(text, message):
    with pytest.raises(gr.Error, match=message):
        parse_vector(text)


def test_vector_parsing_accepts_brackets_semicolons_and_newlines():
    np.testing.assert_array_equal(parse_vector("[2; 1\n4,5 3]"), [2, 1, 4, 5, 3])


def test_vector_parsing_accepts_full_width_input_from_a_chinese_keyboard():
    np.testing.assert_array_equal(parse_vector("【２，１；４、５ ３】"), [2, 1, 4, 5, 3])


@pytest.mark.parametrize(
    ("K", "message"),
    [
        (0, "greater than 0"),
        (-1, "greater than 0"),
        ("abc", "must be a number"),
        (float("nan"), "finite"),
        (1e5, "at most 10000"),
        (None, "must be a number"),
    ],
)
def test_bad_temperatures_get_a_clear_message(K, message):
    with pytest.raises(gr.Error, match=message):
        tab.smooth_pair("max_lse", K, "1, 2", 2, None)


@pytest.mark.parametrize(
    ("function", "k", "batch", "message"),
    [
        ("softmaxx", 2, None, "Unknown function"),
        ("topk", 9, None, "whole number from 1 to 5"),
        ("topk", 1.5, None, "whole number"),
        ("f1", 2, None, "batch is empty"),
        ("f1", 2, [[1, 2, 3]], "exactly two cells"),
        ("accuracy", 2, [[2, 0.5]], "Labels must be 0 or 1"),
        ("accuracy", 2, [[1, "x"]], "not a number"),
        ("accuracy", 2, [[1, None]], "not a number"),
    ],
)
def test_bad_pair_arguments_get_a_clear_message(function, k, batch, message):
    with pytest.raises(gr.Error, match=message):
        tab.smooth_pair(function, 1.0, "2, 1, 4, 5, 3", k, batch)


def test_experiment_returns_a_plot_a_table_and_json():
    fig, table, payload = tab.smooth_experiment(0, 0.1, 100)
    assert isinstance(fig, go.Figure)
    assert [r["recipe"] for r in payload["results"]] == list(tab.soft_f1_experiment.RECIPES)
    assert [row[0] for row in table["data"]] == ["cross-entropy", "−soft F1", "cross-entropy, then −soft F1"]
    assert payload["results"][1]["test_f1"] == pytest.approx(table["data"][1][1], abs=1e-4)


def test_a_chinese_page_gets_the_experiment_and_the_pair_in_chinese():
    page = SimpleNamespace(headers={"accept-language": "zh-CN"})
    fig, table, _ = tab.smooth_experiment(0, 0.1, 100, request=page)
    assert table["headers"][0] == "训练损失" and table["data"][0][0] == "交叉熵"
    assert all("F1" in t.name and not t.name.startswith("cross") for t in fig.data if t.mode == "lines")
    fig, _ = tab.smooth_pair("max_lse", 1.0, "2, 1, 4", request=page)
    assert "误差" in fig.layout.annotations[1].text and "max_lse" not in fig.layout.annotations[0].text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((-1, 0.1, 100), "Seed"),
        ((0, 0.0, 100), "Share"),
        ((0, 0.01, 100), "at least 0.02"),
        ((0, 0.1, 20), "Steps"),
        ((0, 0.1, 1e6), "Steps"),
        (("x", 0.1, 100), "Seed"),
    ],
)
def test_bad_experiment_settings_get_a_clear_message(args, message):
    with pytest.raises(gr.Error, match=message):
        tab.smooth_experiment(*args)


def test_parse_number_accepts_integers_given_as_floats():
    assert parse_number(3.0, "k", 1, 5, integer=True) == 3

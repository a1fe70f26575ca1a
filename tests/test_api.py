"""The launched app driven with gradio_client: the exact set of public endpoints, each endpoint with good and bad
input, the server still serving after errors, and the Guide's generated snippets run as written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from gradio_client.exceptions import AppError

PUBLIC_ENDPOINTS = {
    "/ogan_encode",
    "/ogan_interpolate",
    "/ogan_sample",
    "/ogan_edit",
    "/arch_compare",
    "/arch_checkerboard",
    "/arch_selfmod",
    "/iresnet_fixed_point",
    "/iresnet_roundtrip",
    "/iresnet_sample",
    "/iresnet_logdet",
    "/iresnet_density",
    "/onlstm_parse",
    "/onlstm_gates",
    "/cln_generate",
    "/cln_mechanics",
    "/smooth_pair",
    "/smooth_experiment",
    "/terms_mine",
    "/terms_segment",
}
TABLE = {"headers": ["t", "s"], "data": [[1, 1.0]], "metadata": None}  # the batch input; ignored by vector pairs


def test_public_endpoints_are_exactly_the_documented_set(client):
    assert set(client.view_api(print_info=False, return_format="dict")["named_endpoints"]) == PUBLIC_ENDPOINTS


def test_the_readme_lists_every_public_endpoint():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    listed = readme.split("## Calling it from code", 1)[1].split("```", 1)[0]
    assert set(re.findall(r"`(/[a-z_]+)`", listed)) == PUBLIC_ENDPOINTS


def test_smooth_pair_returns_a_plotly_figure_and_the_values(client):
    plot, result = client.predict("max_lse", 1.0, "2, 1, 4, 5, 3", 2, TABLE, api_name="/smooth_pair")
    assert plot["type"] == "plotly" and json.loads(plot["plot"])["data"]
    assert result["exact"] == 5.0 and result["lower"] <= result["smooth"] <= result["upper"]
    assert result["bound_holds"] is True


def test_smooth_pair_batch_functions_take_the_table(client):
    table = {"headers": ["t", "s"], "data": [[1, 3.0], [0, -2.0], [1, 0.5], [0, 0.2]], "metadata": None}
    _, result = client.predict("f1", 100.0, "", 2, table, api_name="/smooth_pair")
    assert result["exact"] == pytest.approx(0.8)
    assert result["lower"] <= result["smooth"] <= result["upper"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("max_lse", 1.0, "", 2, TABLE), "empty"),
        (("max_lse", 1.0, ", ".join(["1"] * 10_000), 2, TABLE), "limit is 1000"),
        (("max_lse", 1.0, "1, NaN, 3", 2, TABLE), "finite"),
        (("max_lse", 1.0, "1, inf", 2, TABLE), "finite"),
        (("max_lse", 1.0, "one, two", 2, TABLE), "not a number"),
        (("max_lse", 0.0, "1, 2", 2, TABLE), "K must be greater than 0"),
        (("max_lse", -3.0, "1, 2", 2, TABLE), "K must be greater than 0"),
        (("nope", 1.0, "1, 2", 2, TABLE), "must be one of: .*; not 'nope'"),
        (("topk", 1.0, "1, 2", 5, TABLE), "whole number from 1 to 2"),
        (("f1", 1.0, "", 2, {"headers": ["t", "s"], "data": [], "metadata": None}), "batch is empty"),
    ],
)
def test_smooth_pair_bad_input_gets_a_clear_error_and_the_server_keeps_serving(client, args, message):
    with pytest.raises(AppError, match=message):
        client.predict(*args, api_name="/smooth_pair")
    _, result = client.predict("relu_softplus", 2.0, "0", 2, TABLE, api_name="/smooth_pair")
    assert result["exact"] == [0.0]


def test_smooth_experiment_reports_true_f1_for_three_recipes(client):
    _, table, payload = client.predict(0, 0.1, 300, api_name="/smooth_experiment")
    assert [r["recipe"] for r in payload["results"]] == ["cross_entropy", "soft_f1", "cross_entropy_then_soft_f1"]
    assert [row[0] for row in table["data"]] == ["cross-entropy", "−soft F1", "cross-entropy, then −soft F1"]
    f1 = {r["recipe"]: r["test_f1"] for r in payload["results"]}
    assert f1["soft_f1"] > f1["cross_entropy"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0, 0.9, 300), "to 0.5, not"),
        ((0, 0.1, 0), "from 50 to"),
        ((-5, 0.1, 300), "Seed"),
    ],
)
def test_smooth_experiment_bad_input_gets_a_clear_error(client, args, message):
    with pytest.raises(AppError, match=message):
        client.predict(*args, api_name="/smooth_experiment")


def test_guide_snippets_run_as_written_against_the_app(app_url):
    """The Guide's gradio_client code, generated from the live endpoint list, works when pasted."""
    import app  # noqa: F401 (building the app gives the Guide every tab's endpoints)
    from demos import guide

    host = app_url.split("://", 1)[1].rstrip("/")
    text = guide.api_for_page(type("Request", (), {"headers": {"host": host}})())  # as the page at app_url shows it
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1 + len(PUBLIC_ENDPOINTS)
    namespace: dict = {}
    exec(blocks[0], namespace)
    for code in blocks[1:]:
        exec(code, namespace)
        assert namespace["result"] is not None
    namespace["client"].close()

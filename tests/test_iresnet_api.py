"""The i-ResNet endpoints through gradio_client against the launched app: each section with good and bad input."""

from __future__ import annotations

import gradio as gr
import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError

from demos.digit_input import DIGITS
from demos.iresnet import iresnet_logdet


def sketch(path: str) -> dict:
    return {"background": None, "layers": [], "composite": handle_file(path), "id": None}


def test_fixed_point_below_one_converges_within_the_banach_bound(client):
    path, err, grid, result = client.predict(0.7, 1.0, -0.5, 60, api_name="/iresnet_fixed_point")
    assert result["guaranteed"] and result["converged_to_x"]
    assert all(b <= a for a, b in zip(result["errors"], result["errors"][1:], strict=False))
    assert path["type"] == err["type"] == grid["type"] == "plotly"


def test_fixed_point_above_one_is_not_guaranteed_and_here_fails(client):
    *_, result = client.predict(1.5, 0.3, 0.2, 200, api_name="/iresnet_fixed_point")
    assert not result["guaranteed"] and not result["converged_to_x"]


@pytest.mark.parametrize(
    ("args", "message"), [((0.5, float("nan"), 1, 10), "finite"), ((0.05, 1, 1, 10), "at least 0.1")]
)
def test_fixed_point_handler_refuses_what_the_api_cannot_send(args, message):
    """NaN cannot travel in JSON and the slider stops c < 0.1; the handler still checks both itself."""
    import gradio as gr

    from demos.iresnet import iresnet_fixed_point

    with pytest.raises(gr.Error, match=message):
        iresnet_fixed_point(*args)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0.0, 1, 1, 10), "from 0.1 to"),  # the slider's own check
        ((-1, 1, 1, 10), "from 0.1 to"),
        ((1.6, 1, 1, 10), "to 1.5, not"),
        ((0.5, 50, 1, 10), "±10"),
        ((0.5, 1, 1, 10**6), "to 200, not"),
    ],
)
def test_fixed_point_bad_input_gets_a_clear_message(client, args, message):
    with pytest.raises(AppError, match=message):
        client.predict(*args, api_name="/iresnet_fixed_point")


def test_roundtrip_comes_back_within_1e4_after_50_iterations(client):
    flow_strip, contrast_strip, result = client.predict(sketch(str(DIGITS[3])), api_name="/iresnet_roundtrip")
    assert result["iterations"] == [1, 2, 5, 10, 20, 50]
    assert result["flow_max_abs_error"]["50"] <= 1e-4
    assert set(result["contrast_max_abs_error"]) == {"1", "2", "5", "10", "20", "50"}
    assert flow_strip and contrast_strip


def test_roundtrip_of_a_blank_drawing_says_so(client, tmp_path):
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("RGBA", (280, 280), (0, 0, 0, 0)).save(blank)
    with pytest.raises(AppError, match="blank"):
        client.predict(sketch(str(blank)), api_name="/iresnet_roundtrip")


def test_roundtrip_of_a_huge_image_works(client, tmp_path):
    from PIL import Image, ImageDraw

    big = tmp_path / "big.png"
    img = Image.new("RGB", (4000, 4000), "white")
    ImageDraw.Draw(img).line([(1000, 800), (3000, 800), (1800, 3400)], fill="black", width=250)
    img.save(big)
    *_, result = client.predict(sketch(str(big)), api_name="/iresnet_roundtrip")
    assert result["flow_max_abs_error"]["50"] <= 1e-4


def test_samples_are_seeded(client):
    a = client.predict(3, 4, 0.8, api_name="/iresnet_sample")[1]
    b = client.predict(3, 4, 0.8, api_name="/iresnet_sample")[1]
    assert a == b and a["n"] == 4 and all(s <= 100 for s in a["steps_per_block"])


@pytest.mark.parametrize(("args", "message"), [((0, 0, 0.8), "from 1 to"), ((0, 4, 9), "to 1.5, not")])
def test_sample_bad_input(client, args, message):
    with pytest.raises(AppError, match=message):
        client.predict(*args, api_name="/iresnet_sample")


def test_logdet_series_approaches_the_exact_value(client):
    _, result = client.predict(30, 4, 0, api_name="/iresnet_logdet")
    errors = [abs(s - result["exact"]) for s in result["series"]]
    assert errors[-1] < errors[0] and errors[-1] < 1e-3 and result["hutchinson_std"] > 0


def test_logdet_bad_input(client):
    with pytest.raises(AppError, match="from 1 to"):
        client.predict(0, 4, 0, api_name="/iresnet_logdet")


def test_logdet_roulette_is_off_by_default(client):
    _, result = client.predict(10, 4, 0, api_name="/iresnet_logdet")
    assert result["roulette_p"] is None and result["roulette_mean"] is None


def test_logdet_roulette_is_seeded_and_placed_at_its_expected_terms(client):
    _, first = client.predict(2, 4, 5, 0.5, api_name="/iresnet_logdet")
    _, again = client.predict(2, 4, 5, 0.5, api_name="/iresnet_logdet")
    assert first["roulette_expected_terms"] == 3.0
    assert first["roulette_mean"] == again["roulette_mean"] and first["roulette_std"] > 0


def test_logdet_roulette_probability_above_the_slider_is_refused(client):
    with pytest.raises(AppError, match=r"to 0\.9, not 0\.95"):
        client.predict(5, 4, 0, 0.95, api_name="/iresnet_logdet")


def test_logdet_roulette_probability_below_one_in_twenty_is_refused(client):
    with pytest.raises(AppError, match=r"Roulette stopping probability must lie from 0\.05 to 0\.9"):
        client.predict(30, 16, 0, 0.001, api_name="/iresnet_logdet")


@pytest.mark.parametrize("bad", ["abc", float("nan"), -0.1])
def test_logdet_roulette_handler_refuses_what_the_api_cannot_send(bad):
    with pytest.raises(gr.Error, match="Roulette stopping probability"):
        iresnet_logdet(5, 4, 0, bad)


@pytest.mark.parametrize("name", ["eight_gaussians", "two_moons", "checkerboard", "rings"])
def test_each_density_has_nearly_all_its_mass_on_the_plot(client, name):
    _, info = client.predict(name, api_name="/iresnet_density")
    assert 0.9 < info["mass_on_grid"] <= 1.01


def test_unknown_density_is_refused(client):
    with pytest.raises(AppError):
        client.predict("spiral", api_name="/iresnet_density")


def test_a_chinese_page_gets_the_log_det_and_density_figures_in_chinese():
    from types import SimpleNamespace

    from demos.iresnet import iresnet_density

    page = SimpleNamespace(headers={"accept-language": "zh-CN"})
    fig, _ = iresnet_logdet(5, 2, 0, 0.5, request=page)
    names = {t.name for t in fig.data}
    assert "精确值" in names and any(n.startswith("俄罗斯轮盘") for n in names)
    density, _ = iresnet_density("rings", request=page)
    assert {t.name for t in density.data} >= {"流模型样本", "数据"}

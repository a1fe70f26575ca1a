"""The GAN-architecture endpoints through gradio_client against the launched app: samples with the measured metrics,
the checkerboard lab's coverage, SELF-MOD's modulation, and bad input."""

from __future__ import annotations

import pytest
from gradio_client.exceptions import AppError
from PIL import Image

from models import hub


def picture(value) -> Image.Image:
    """An image output: a file path, or gradio_client's dict holding one (the server runs in this process)."""
    return Image.open(value["path"] if isinstance(value, dict) else value)


def test_compare_samples_all_three_generators_from_one_seed_with_their_metrics(client):
    *grids, readout, result = client.predict(seed=3, n=4, api_name="/arch_compare")
    assert len(grids) == 3
    assert {picture(g).size for g in grids} == {(2 * 28 * 7, 2 * 28 * 7)}  # 4 digits in a 2 x 2 mosaic
    assert set(result["architectures"]) == {"dcgan", "resnet", "selfmod"}
    measured = hub.metrics("gan-arch-mnist")["architectures"]
    for a, row in result["architectures"].items():
        assert row["fid_by_seed"] == [s["fid"] for s in measured[a]["seeds"].values()]
        assert row["macs"] == measured[a]["macs"] and row["sampling_ms"] > 0
    assert "Seed 3" in readout


def test_the_same_seed_gives_the_same_samples(client):
    first = client.predict(seed=5, n=2, api_name="/arch_compare")
    again = client.predict(seed=5, n=2, api_name="/arch_compare")
    assert all(picture(a).tobytes() == picture(b).tobytes() for a, b in zip(first[:3], again[:3], strict=True))


@pytest.mark.parametrize(("k", "s", "ratio_2d"), [(3, 2, 4.0), (4, 2, 1.0), (5, 2, 2.25)])
def test_checkerboard_reports_the_coverage_ratio(client, k, s, ratio_2d):
    _, readout, result = client.predict(k, s, 1, "transposed", api_name="/arch_checkerboard")
    assert result["coverage_ratio_2d"] == ratio_2d
    assert f"k = {k}" in readout


def test_resize_then_convolve_is_even_and_leaves_no_pattern(client):
    _, _, result = client.predict(3, 2, 3, "resize", api_name="/arch_checkerboard")
    assert result["coverage_ratio_1d"] == result["coverage_ratio_2d"] == 1.0
    assert result["random_nyquist_share"] == pytest.approx(0.0, abs=1e-9)


def test_selfmod_returns_one_scale_and_shift_per_channel_of_the_chosen_layer(client):
    for layer, channels in (("bn0", 128), ("bn1", 64), ("bn2", 32)):
        image, _, _, result = client.predict(layer, 0, 1, 0.5, "", api_name="/arch_selfmod")
        assert len(result["scale"]) == len(result["shift"]) == channels
        assert picture(image).size == (3 * 28 * 7, 28 * 7)  # A, z, B


def test_selfmod_at_t_0_is_seed_a_and_the_modulation_moves_with_t(client):
    *_, at_a = client.predict("bn1", 0, 1, 0.0, "", api_name="/arch_selfmod")
    *_, at_b = client.predict("bn1", 0, 1, 1.0, "", api_name="/arch_selfmod")
    *_, again = client.predict("bn1", 0, 2, 0.0, "", api_name="/arch_selfmod")
    assert at_a["z"] == again["z"]  # t = 0 is seed A whatever B is
    assert at_a["scale"] != at_b["scale"]


def test_selfmod_takes_an_explicit_z(client):
    z = ", ".join(["0.5"] * 64)
    _, _, readout, result = client.predict("bn2", 0, 1, 0.5, z, api_name="/arch_selfmod")
    assert result["z_source"] == "given" and result["z"] == [0.5] * 64
    assert "given through the API" in readout and "between seed" not in readout


@pytest.mark.parametrize(
    ("args", "endpoint", "says"),
    [
        ((0, 1, 1, "transposed"), "/arch_checkerboard", "Kernel size"),
        ((3, 4, 1, "transposed"), "/arch_checkerboard", "larger than the kernel"),
        ((3, 2, 100, "transposed"), "/arch_checkerboard", "Layers"),
        ((3, 2, 1, "deconv"), "/arch_checkerboard", "deconv"),
        (("bn1", 0, 1, "nan", ""), "/arch_selfmod", "finite"),
        (("bn1", 0, 1, 0.5, "1, 2, nan"), "/arch_selfmod", "nan"),
        (("bn1", 0, 1, 0.5, "1, 2, 3"), "/arch_selfmod", "exactly 64"),
        (("bn9", 0, 1, 0.5, ""), "/arch_selfmod", "bn9"),
        ((-1, 4), "/arch_compare", "Seed"),
        ((0, 1000), "/arch_compare", "Samples per generator"),
    ],
)
def test_bad_input_gets_a_clear_message(client, args, endpoint, says):
    with pytest.raises(AppError, match=says):
        client.predict(*args, api_name=endpoint)
    assert client.predict(3, 2, 1, "transposed", api_name="/arch_checkerboard")[2]["kernel"] == 3  # still serving

"""The O-GAN endpoints through gradio_client against the launched app: good input, every kind of bad input, and
determinism."""

from __future__ import annotations

import json

import gradio as gr
import numpy as np
import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError
from PIL import Image, ImageDraw

from demos.ogan import ogan_sample
from demos.ogan_results import comparison_markdown
from models import hub

OFFSETS = [0.0] * 8


def png(tmp_path, array: np.ndarray, name: str) -> str:
    path = tmp_path / name
    Image.fromarray(array).save(path)
    return str(path)


def sketch(path: str | None) -> dict:
    """A Sketchpad value as gradio_client sends it."""
    f = handle_file(path) if path else None
    return {"background": None, "layers": [], "composite": f, "id": None}


@pytest.fixture
def seven(tmp_path) -> str:
    img = Image.new("RGBA", (280, 280), (0, 0, 0, 0))
    ImageDraw.Draw(img).line([(70, 60), (210, 60), (120, 240)], fill=(0, 0, 0, 255), width=18)
    return png(tmp_path, np.asarray(img), "seven.png")


def test_encode_returns_images_and_a_64_number_code(client, seven):
    seen, recon, plot, judge_in, judge_out, result = client.predict(sketch(seven), api_name="/ogan_encode")
    assert len(result["code"]) == result["n_z"] == 64
    assert abs(np.std(result["code"]) - 0.9) < 1e-3
    assert 0 <= result["reconstruction_pixel_mse"] < 0.25
    assert seen and recon and plot["type"] == "plotly"
    assert judge_in["label"] == str(result["judge"]["input"]["class"])
    assert judge_out["label"] == str(result["judge"]["reconstruction"]["class"])


def test_the_judge_reads_test_digits_correctly(client):
    """The shipped judge and the preprocessing agree on real test digits, so its readings of drawings mean something."""
    from demos.digit_input import DIGITS

    for digit, path in enumerate(DIGITS):
        *_, result = client.predict(sketch(str(path)), api_name="/ogan_encode")
        assert result["judge"]["input"]["class"] == digit


def test_encode_accepts_a_plain_image_file_with_a_white_background(client, tmp_path):
    img = Image.new("RGB", (300, 500), "white")
    ImageDraw.Draw(img).ellipse([60, 100, 240, 400], outline="black", width=25)
    *_, result = client.predict(sketch(png(tmp_path, np.asarray(img), "zero.png")), api_name="/ogan_encode")
    assert len(result["code"]) == 64


@pytest.mark.parametrize(
    ("array", "message"),
    [
        (np.zeros((280, 280, 4), np.uint8), "blank"),
        (np.full((280, 280, 3), 255, np.uint8), "blank"),
        (np.zeros((280, 280, 3), np.uint8), "blank"),
    ],
    ids=["transparent", "all-white", "all-black"],
)
def test_blank_pictures_get_a_friendly_message(client, tmp_path, array, message):
    with pytest.raises(AppError, match=message):
        client.predict(sketch(png(tmp_path, array, "blank.png")), api_name="/ogan_encode")


def test_no_picture_gets_a_clear_message(client):
    with pytest.raises(AppError, match="No image"):
        client.predict(sketch(None), api_name="/ogan_encode")


def test_a_huge_upload_is_handled(client, tmp_path):
    img = Image.new("L", (4000, 4000), 255)
    ImageDraw.Draw(img).line([(1000, 800), (3000, 800), (1800, 3400)], fill=0, width=300)
    *_, result = client.predict(sketch(png(tmp_path, np.asarray(img), "huge.png")), api_name="/ogan_encode")
    assert len(result["code"]) == 64


def test_a_file_that_is_not_an_image_is_refused(client, tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("not an image")
    with pytest.raises(AppError):
        client.predict(sketch(str(path)), api_name="/ogan_encode")


def test_interpolation_is_deterministic_and_has_the_frames(client):
    args = ("example", sketch(None), 3, "seed", sketch(None), 11, 8, "spherical")
    _, gif, result, *_ = client.predict(*args, api_name="/ogan_interpolate")
    _, _, again, *_ = client.predict(*args, api_name="/ogan_interpolate")
    assert result == again and result["frames"] == 8 and len(result["a"]) == 64
    with Image.open(gif["path"]) as anim:  # the server runs in this process, so its file is readable here
        assert anim.format == "GIF" and anim.n_frames == 2 * 8 - 2  # there and back


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("example", None, 12, "seed", None, 1, 8, "linear"), "Example digit"),
        (("seed", None, -1, "seed", None, 1, 8, "linear"), "Seed"),
        (("seed", None, 1, "seed", None, 2, 100, "linear"), "must lie from"),
        (("drawing", None, 0, "seed", None, 2, 8, "linear"), "No image"),
    ],
)
def test_interpolation_bad_input_gets_a_clear_message(client, args, message):
    a_kind, a_img, a_val, b_kind, b_img, b_val, frames, method = args
    with pytest.raises(AppError, match=message):
        client.predict(
            a_kind, sketch(a_img), a_val, b_kind, sketch(b_img), b_val, frames, method, api_name="/ogan_interpolate"
        )


def test_samples_are_reproducible_from_the_seed(client):
    _, a = client.predict(5, 4, api_name="/ogan_sample")
    _, b = client.predict(5, 4, api_name="/ogan_sample")
    _, c = client.predict(6, 4, api_name="/ogan_sample")
    assert a == b and a != c and len(a["codes"]) == 4


def test_noise_scale_shrinks_the_same_codes(client):
    _, full = client.predict(5, 3, 1.0, api_name="/ogan_sample")
    _, half = client.predict(5, 3, 0.5, api_name="/ogan_sample")
    np.testing.assert_allclose(half["codes"], 0.5 * np.array(full["codes"]), atol=1e-4)
    assert half["scale"] == 0.5


@pytest.mark.parametrize(("scale", "message"), [(0, "must lie from"), (-1, "must lie from"), (2, "must lie from")])
def test_a_noise_scale_off_the_slider_gets_a_clear_message(client, scale, message):
    with pytest.raises(AppError, match=message):
        client.predict(5, 3, scale, api_name="/ogan_sample")


@pytest.mark.parametrize("scale", [float("nan"), "big", None])
def test_a_noise_scale_that_is_not_a_number_is_refused(scale):
    with pytest.raises(gr.Error, match="Noise scale must be"):
        ogan_sample(5, 3, scale)


def test_mixture_codes_differ_from_prior_codes_and_are_reproducible(client):
    _, prior = client.predict(5, 4, 1.0, "prior", api_name="/ogan_sample")
    _, a = client.predict(5, 4, 1.0, "mixture", api_name="/ogan_sample")
    _, b = client.predict(5, 4, 1.0, "mixture", api_name="/ogan_sample")
    assert a == b and a["source"] == "mixture" and len(a["codes"]) == 4
    assert not np.allclose(a["codes"], prior["codes"])


def test_typical_samples_are_reproducible_prior_codes(client):
    _, a = client.predict(5, 4, 1.0, "typical", api_name="/ogan_sample")
    _, b = client.predict(5, 4, 1.0, "typical", api_name="/ogan_sample")
    assert a == b and a["source"] == "typical" and len(a["codes"]) == 4
    _, mixture = client.predict(5, 4, 1.0, "mixture", api_name="/ogan_sample")
    assert not np.allclose(a["codes"], mixture["codes"])


def test_an_unknown_code_source_is_refused():
    with pytest.raises(gr.Error, match="Code source must be one of prior, typical, mixture"):
        ogan_sample(5, 3, 1.0, "uniform")


def test_sample_count_is_limited(client):
    with pytest.raises(AppError, match="must lie from"):
        client.predict(0, 1000, api_name="/ogan_sample")


def test_edit_moves_the_code_along_the_directions(client):
    _, sample = client.predict(1, 1, api_name="/ogan_sample")
    code = ", ".join(map(str, sample["codes"][0]))
    _, same = client.predict(code, *OFFSETS, api_name="/ogan_edit")
    np.testing.assert_allclose(same["code"], sample["codes"][0], atol=1e-4)
    _, moved = client.predict(code, 2.0, *OFFSETS[1:], api_name="/ogan_edit")
    assert np.linalg.norm(np.subtract(moved["code"], same["code"])) > 0.01


@pytest.mark.parametrize(
    ("code", "message"),
    [("", "empty"), ("1, 2, 3", "exactly 64"), ("x", "not a number"), (", ".join(["nan"] * 64), "finite")],
)
def test_edit_bad_codes_get_a_clear_message(client, code, message):
    with pytest.raises(AppError, match=message):
        client.predict(code, *OFFSETS, api_name="/ogan_edit")


def test_scratch_files_are_reused_not_accumulated(tmp_path, monkeypatch):
    from demos import common

    monkeypatch.setattr(common, "SCRATCH", tmp_path)
    first, again = common.scratch_file("terms.csv"), common.scratch_file("terms.csv")
    assert first == again == tmp_path / "terms.csv" and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_comparison_names_the_other_base_loss_its_steps_and_numbers(lang):
    m = json.loads((hub.bundled_dir("ogan-mnist") / "metrics.json").read_text())
    loss = m["config"]["loss"]
    runs = [r for r in m.values() if isinstance(r, dict) and r.get("correlation_weight", 0) > 0]
    other = next(r for r in runs if r.get("loss", loss) != loss)  # the O-GAN trained with the other base loss
    text = comparison_markdown(lang)
    assert f"{other['loss']} " in text and f"{other['sample_confident_share']:.1%}" in text
    assert f"{other['steps']:,}" in text  # its numbers are from a shorter run than the shipped model's


def test_a_picked_test_digit_reaches_the_model_as_the_test_set_holds_it():
    from PIL import Image

    from demos import ogan
    from demos.digit_input import DIGITS, show_digits, test_digit

    raw = np.asarray(Image.open(DIGITS[7]), dtype=np.float32) / 255
    np.testing.assert_array_equal(test_digit(7), raw)
    shown = ogan._encode_example("7")[0]
    np.testing.assert_array_equal(shown["value"], show_digits(raw))
    assert shown["label"] == "As the model sees it: test digit 7, as MNIST holds it"

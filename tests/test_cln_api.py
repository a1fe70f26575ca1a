"""The Conditional-LayerNorm endpoints through gradio_client against the launched app: samples with the judge's
scores, reproducible seeds, the mechanics of one norm, and bad input answered with a clear message."""

from __future__ import annotations

import pytest
from gradio_client.exceptions import AppError

from models import hub
from models.cln import CondLM


def generate(client, **kw):
    args = {"alpha": 1.0, "samples": 4, "length": 32, "temperature": 1.0, "top_p": 1.0, "seed": 0, "prefix": ""}
    args["contrast"] = 1.0
    return client.predict(**{**args, **kw}, api_name="/cln_generate")


def test_generate_returns_judged_samples_as_cards_and_json(client):
    cards, summary, result = generate(client, samples=3)
    assert len(result["samples"]) == 3 and result["settings"]["samples"] == 3
    assert all(0 <= s["p_positive"] <= 1 and len(s["text"]) <= 32 for s in result["samples"])
    assert cards.count('class="cln-card"') == 3 and "P = " in cards and "3" in summary


def test_the_same_seed_gives_the_same_text_and_another_seed_another(client):
    first = [s["text"] for s in generate(client, seed=7)[2]["samples"]]
    assert first == [s["text"] for s in generate(client, seed=7)[2]["samples"]]
    assert first != [s["text"] for s in generate(client, seed=8)[2]["samples"]]


def test_a_prefix_is_continued(client):
    *_, result = generate(client, prefix="房间", samples=2)
    assert all(s["text"].startswith("房间") for s in result["samples"])


def test_the_condition_moves_the_judges_verdicts(client):
    neg = generate(client, alpha=0.0, samples=16, length=64, seed=3)[2]["mean_p_positive"]
    pos = generate(client, alpha=1.0, samples=16, length=64, seed=3)[2]["mean_p_positive"]
    assert pos > neg + 0.2


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"prefix": "好" * 10_000}, "the limit is 32"),
        ({"prefix": "好评😀"}, "never saw"),
        ({"seed": -1}, "The seed must be a whole number from 0 to 2147483647"),
    ],
)
def test_bad_generate_input_gets_a_clear_bilingual_message_and_the_app_keeps_serving(client, kw, message):
    with pytest.raises(AppError, match=message) as err:
        generate(client, **kw)
    assert " / " in str(err.value)  # the Chinese half follows the English one
    assert len(generate(client, samples=1)[2]["samples"]) == 1


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"temperature": 0}, "from 0.1 to"),
        ({"temperature": 100}, "to 2, not"),
        ({"top_p": 0}, "from 0.05 to"),
        ({"top_p": 1.5}, "to 1, not"),
        ({"samples": 1000}, "to 16, not"),
        ({"alpha": -0.5}, "from 0 to"),
        ({"length": 5000}, "to 120, not"),
        ({"contrast": 10}, "to 3, not"),
    ],
)
def test_a_slider_value_out_of_range_is_refused_with_its_range(client, kw, message):
    with pytest.raises(AppError, match=message):
        generate(client, **kw)


def test_mechanics_at_scale_zero_is_plain_layer_norm(client):
    _, table, kl, m = client.predict("这家酒店的服务", 1.0, 0.0, 8, api_name="/cln_mechanics")
    assert m["cln"] == pytest.approx(m["ln"], abs=1e-4) and m["kl_to_plain"] == pytest.approx(0, abs=1e-6)
    assert len(table["data"]) == 8 and "KL" in kl


def test_mechanics_of_the_trained_norm_moves_gamma_and_the_next_character(client):
    _, _, _, m = client.predict("这家酒店的服务", 0.0, 1.0, 8, api_name="/cln_mechanics")
    assert m["gamma"] != pytest.approx(m["gamma_plain"]) and m["kl_to_plain"] > 1e-3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", 1.0, 1.0, 8), None),
        (("酒店", 1.0, 2.0, 8), "to 1, not"),
        (("酒店", 1.0, 1.0, 9), "to 8, not"),
        (("酒店", 1.0, 1.0, 2.5), "The norm must be a whole number from 0 to 8"),
        (("酒店" * 20, 1.0, 1.0, 8), "the limit is 32"),
    ],
)
def test_bad_mechanics_input_gets_a_clear_message(client, args, message):
    if message is None:  # an empty text reads the line break alone: still a valid vector
        assert len(client.predict(*args, api_name="/cln_mechanics")[3]["x_hat"]) == 256
        return
    with pytest.raises(AppError, match=message):
        client.predict(*args, api_name="/cln_mechanics")


def test_the_bundled_weights_fit_the_budget_and_load_through_the_hub_table():
    size = sum(p.stat().st_size for name in ("cln-reviews", "sentiment-judge") for p in hub.bundled_dir(name).iterdir())
    assert size <= 20 * 2**20
    model = hub.load(CondLM, "cln-reviews")
    assert model.cond == "cln" and len(model.blocks) == 4

"""The ON-LSTM endpoints through gradio_client against the launched app: trees, words, gates, and bad input."""

from __future__ import annotations

import json

import pytest
from gradio_client.exceptions import AppError

from models import hub
from models.onlstm_parse import flatten


def parse(client, text, max_len=None, layer=None, gold=None):
    """Omitted arguments take the UI's defaults: the validated rule's granularity and layer."""
    given = {"max_len": max_len, "layer": layer, "gold": gold}
    return client.predict(text=text, **{k: v for k, v in given.items() if v is not None}, api_name="/onlstm_parse")


def test_parse_returns_a_tree_over_every_character_and_words_that_rebuild_the_text(client):
    trees, plot, words, _, _, result = parse(client, "苹果的颜色是什么")
    (sentence,) = result["sentences"]
    assert flatten(sentence["tree"]) == "苹果的颜色是什么"
    assert "".join(d["token"] for d in words) == "苹果的颜色是什么"
    assert trees.count("<svg") == 1 and plot["type"] == "plotly"
    assert result["rule"]["max_len"] == result["validated_rule"]["max_len"]


def test_default_tree_comes_from_the_forward_models_validated_gap_score(client):
    *_, result = parse(client, "中国人民站起来了")
    (sentence,) = result["sentences"]
    assert result["source"] == "forward" and {t["reader"] for t in result["rule"]["terms"]} == {"forward"}
    assert len(sentence["gap_scores"]) == 8 and sentence["gap_scores"][0] == 0.0
    assert len(sentence["input_levels"]) == 3 and all(len(d) == 8 for d in sentence["input_levels"])
    assert "reverse_distances" not in sentence  # the right-to-left model is read only when asked for


def test_both_directions_add_the_right_to_left_models_signals(client):
    *_, result = parse(client, "中国人民站起来了", layer="both")
    (sentence,) = result["sentences"]
    assert result["rule"]["terms"] == result["validated_rule"]["two_way"]["terms"]
    assert len(sentence["reverse_distances"]) == 3 and all(len(d) == 8 for d in sentence["reverse_distances"])


def test_granularity_bounds_the_length_of_every_word(client):
    *_, result = parse(client, "中国人民站起来了，世界和平发展", max_len=3)
    for sentence in result["sentences"]:
        assert all(len(w) <= 3 for w in sentence["words_by_max_len"]["3"])
        assert [len(w) for w in sentence["words_by_max_len"]["1"]] == [1] * len(sentence["text"])


def test_every_forward_layer_alone_can_build_the_tree(client):
    for layer in range(3):
        *_, result = parse(client, "爱真的需要勇气", layer=str(layer))
        assert result["rule"]["layer"] == layer and len(result["sentences"][0]["distances"]) == 3


def test_long_text_is_split_into_sentences_of_at_most_200_characters(client):
    text = "今天天气很好。" * 20 + "长" * 450
    *_, result = parse(client, text)
    lengths = [len(s["text"]) for s in result["sentences"]]
    assert max(lengths) <= 200 and sum(lengths) == len(text) and len(lengths) == 23


def test_gold_segmentation_is_scored(client):
    *_, gold_words, line, result = parse(client, "爱真的需要勇气", gold="爱 真的 需要 勇气")
    assert [d["token"] for d in gold_words] == ["爱", "真的", "需要", "勇气"]
    assert 0 <= result["gold_scores"]["f1"] <= 1 and "F1" in line


def test_gold_that_spells_another_text_is_ignored_with_a_note(client):
    *_, line, result = parse(client, "爱真的需要勇气", gold="苹果 的")
    assert result["gold_scores"] is None and "does not spell" in line


def test_user_text_is_escaped_in_the_tree_drawing(client):
    trees, *_ = parse(client, "<b>粗</b>")
    assert "<b>" not in trees and "&lt;" in trees


@pytest.mark.parametrize("text", ["，。！？", "😀🎉🚀", "hello world", "a\x00b\x07c中文"])
def test_odd_text_still_gets_a_tree(client, text):
    *_, result = parse(client, text)
    assert result["sentences"] and all(flatten(s["tree"]) == s["text"] for s in result["sentences"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("",), "empty"),
        (("\x00\x01 \n",), "empty"),
        (("字" * 100_000,), "limit is 2,000"),
        (("爱真的", 2, "7"), "must be one of"),
        (("爱真的", 2, "-1"), "must be one of"),
    ],
)
def test_bad_input_gets_a_clear_message(client, args, message):
    with pytest.raises(AppError, match=message):
        parse(client, *args)


def test_gates_endpoint_gives_one_gate_vector_per_character(client):
    heat, box, result = client.predict(text="爱真的需要勇气", api_name="/onlstm_gates")
    for key in ("gates", "input_gates"):
        assert len(result[key]) == 7 and all(len(g) == result["levels"] for g in result[key])
        assert all(0 <= v <= 1 + 1e-6 for g in result[key] for v in g)
    assert heat["type"] == box["type"] == "plotly" and len(json.loads(heat["plot"])["data"]) == 2
    names = [t["name"] for t in json.loads(box["plot"])["data"]]
    assert names == [f"{arrow} {k}" for arrow in "→←" for _ in ("d", "e") for k in range(3)]


def test_gates_endpoint_refuses_empty_text(client):
    with pytest.raises(AppError, match="empty"):
        client.predict(text="   ", api_name="/onlstm_gates")


def test_gates_default_to_the_forward_layer_that_segments_best_alone(client):
    *_, result = client.predict(text="爱真的需要勇气", layer="both", api_name="/onlstm_gates")
    assert (
        result["layer"]
        == json.loads((hub.bundled_dir("onlstm-peoples-daily") / "config.json").read_text())["rule"]["layer"]
    )


def test_a_layer_the_model_lacks_is_refused_by_the_handler_too():
    import gradio as gr

    from demos import onlstm as tab

    with pytest.raises(gr.Error, match="Layer"):
        tab.onlstm_parse("爱真的", 2, 7)


def test_the_chart_shifts_gap_scores_so_the_lowest_real_gap_is_zero():
    from demos import onlstm as tab

    assert tab._relative([0.0, -1.5, 0.5, -1.0]).tolist() == [0.0, 0.0, 2.0, 0.5]  # gaps[0] is no gap
    assert tab._relative([0.0]).tolist() == [0.0]


def test_a_chinese_page_gets_the_parse_figures_and_the_gold_line_in_chinese():
    from types import SimpleNamespace

    from demos import onlstm as tab

    page = SimpleNamespace(headers={"accept-language": "zh-CN,zh;q=0.9"})
    _, signal, _, _, line, _ = tab.onlstm_parse("苹果的颜色是什么", 2, "forward", "苹果 的 颜色 是 什么", request=page)
    assert signal.layout.yaxis.title.text == "间隙得分（相对值）" and line.startswith("与标准分词相比")
    heat, _, _ = tab.onlstm_gates("爱真的需要勇气", request=page)
    assert heat.layout.yaxis.title.text == "层级"

"""demos/terms.py: its handlers directly, and its endpoints through gradio_client against the launched app."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError

from demos import terms as tab

ZH = (tab.EXAMPLES / "peoples_daily_1998_excerpt.txt").read_text(encoding="utf-8")


def column(shown: dict, name: str) -> list:
    return [row[shown["headers"].index(name)] for row in shown["data"]]


def test_mining_an_example_gives_a_table_sorted_by_termhood():
    shown, _fig, highlighted, csv_path, result = tab.terms_mine(ZH)
    scores = column(shown, "termhood")
    assert len(scores) > 50 and scores == sorted(scores, reverse=True)
    assert result["language"] == "zh" and result["terms"][0]["term"] == shown["data"][0][0]
    assert any(label == "term" for _, label in highlighted)
    with open(csv_path, encoding="utf-8") as f:
        assert f.readline().startswith("term,termhood,frequency")


def test_chinese_shows_only_the_columns_that_carry_information():
    shown, *_, result = tab.terms_mine(ZH)
    assert "after a determiner" not in shown["headers"] and "plurals counted with it" not in shown["headers"]
    assert "weight" not in shown["headers"]  # equal to termhood for Chinese: shown once
    assert all(t["after a determiner"] is None and t["weight"] == t["termhood"] for t in result["terms"])


def test_a_chinese_page_gets_chinese_headers_and_only_the_top_terms_badged():
    page = SimpleNamespace(headers={"accept-language": "zh-CN,zh;q=0.9"})
    shown, _fig, highlighted, _csv, result = tab.terms_mine(ZH, request=page)
    assert shown["headers"][0] == "术语" and all(label in (None, "术语") for _, label in highlighted)
    badged = {piece for piece, label in highlighted if label}
    assert badged and badged <= {t["term"] for t in result["terms"][: tab.TOP_BADGED]}


def test_english_segmentation_keeps_the_spaces_between_words():
    text = "Gradient descent updates the weights. Gradient descent is simple."
    pieces, result = tab.terms_segment(text, "en")
    assert "".join(piece for piece, _ in pieces) == text and "Gradient" in result["tokens"]


def test_english_example_lists_single_words_with_a_blank_cohesion():
    text = (tab.EXAMPLES / "pytorch_nn_docstrings_excerpt.txt").read_text(encoding="utf-8")
    shown, *_, result = tab.terms_mine(text)
    rows = list(zip(column(shown, "term"), column(shown, "cohesion"), strict=True))
    assert [c for t, c in rows if " " not in t] and all(c is None for t, c in rows if " " not in t)
    assert any(" " in t and c is not None for t, c in rows)
    assert result["language"] == "en"
    shares, scores = column(shown, "after a determiner"), column(shown, "termhood")
    assert all(0 <= s <= 1 for s in shares) and scores == sorted(scores, reverse=True)


def test_english_plurals_share_the_row_of_their_singular():
    text = (tab.EXAMPLES / "pytorch_nn_docstrings_excerpt.txt").read_text(encoding="utf-8")
    shown, *_ = tab.terms_mine(text)
    plurals = [p for cell in column(shown, "plurals counted with it") for p in cell.split(", ") if p]
    assert plurals and not set(column(shown, "term")) & set(plurals)


def test_highlighted_view_keeps_markup_as_plain_text():
    text = ("<script>alert(1)</script>神经网络训练。" * 30) + ZH[:2000]
    _, _, highlighted, _, _ = tab.terms_mine(text)
    assert "".join(piece for piece, _ in highlighted).startswith("<script>alert(1)</script>")


def test_highlighted_view_is_the_text_with_plain_runs_in_one_piece():
    text = (tab.EXAMPLES / "pytorch_nn_docstrings_excerpt.txt").read_text(encoding="utf-8")[:6000]
    _, _, highlighted, _, _ = tab.terms_mine(text)
    assert text.startswith("".join(piece for piece, _ in highlighted))
    labels = [label for _, label in highlighted]
    assert "term" in labels and not any(a is None and b is None for a, b in itertools.pairwise(labels))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        (None, "empty"),
        ("a\x00b", "binary"),
        ("字" * (tab.MAX_BYTES // 3 + 1), "limit is 20 MB"),
    ],
)
def test_bad_text_gets_a_clear_message(text, message):
    with pytest.raises(Exception, match=message):
        tab.read_input(text, None)


def test_uploads_in_other_encodings_are_decoded(tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes("人民日报的新闻".encode("gb18030"))
    assert tab.read_input(None, str(path)) == "人民日报的新闻"
    path.write_bytes("人民日报".encode("utf-16"))
    assert tab.read_input(None, str(path)) == "人民日报"


def test_binary_uploads_are_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(Exception, match="binary"):
        tab.read_input(None, str(path))


@pytest.mark.parametrize("text", ["字", "🙂🙂🙂 😀", "mixed 中文 and English 混合 text", "。。。！！"])
def test_tiny_and_odd_texts_are_answered(text):
    shown, *_ = tab.terms_mine(text)
    assert isinstance(shown["data"], list) and shown["headers"]
    assert all(len(row) == len(shown["headers"]) for row in shown["data"])


def test_segment_endpoint_returns_tokens_that_rebuild_the_text(client):
    _pieces, result = client.predict(ZH[:3000], "zh", api_name="/terms_segment")
    assert "".join(result["tokens"]) == "".join(ZH[:3000].split())


def test_mine_endpoint_with_an_upload(client):
    path = tab.EXAMPLES / "pytorch_nn_docstrings_excerpt.txt"
    table, _plot, _highlighted, _csv_file, result = client.predict(
        "", handle_file(str(path)), "auto", 0, 2.5, 1.2, api_name="/terms_mine"
    )
    assert result["language"] == "en" and table["data"]


@pytest.mark.parametrize(
    ("args", "message"),
    [(("", None, "auto", 0, 2.5, 1.2), "empty"), (("text", None, "fr", 0, 2.5, 1.2), "must be one of")],
)
def test_mine_endpoint_bad_input(client, args, message):
    with pytest.raises(AppError, match=message):
        client.predict(*args, api_name="/terms_mine")


def test_a_short_text_gets_a_looser_entropy_threshold_and_a_real_ranking():
    text = " ".join((tab.EXAMPLES / "pytorch_nn_docstrings_excerpt.txt").read_text(encoding="utf-8").split()[:229])
    shown, *_, result = tab.terms_mine(text)
    assert result["thresholds"]["min_entropy"] == tab.SHORT_TEXT_ENTROPY
    assert len(shown["data"]) >= 20  # with the long-text default only a handful pass
    _, *_, as_asked = tab.terms_mine(text, min_entropy=1.3)  # a threshold the person chose is kept
    assert as_asked["thresholds"]["min_entropy"] == 1.3


def test_segment_reads_an_uploaded_file_as_mining_does():
    path = tab.EXAMPLES / "pytorch_nn_docstrings_excerpt.txt"
    _, from_file = tab.terms_segment("", "auto", str(path))
    _, from_box = tab.terms_segment(path.read_text(encoding="utf-8"), "auto")
    assert from_file["tokens"] == from_box["tokens"] and from_file["language"] == "en"

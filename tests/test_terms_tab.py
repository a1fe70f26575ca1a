"""demos/terms.py: its handlers directly, and its endpoints through gradio_client against the launched app."""

from __future__ import annotations

import itertools

import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError

from demos import terms as tab

ZH = (tab.EXAMPLES / "peoples_daily_1998_excerpt.txt").read_text(encoding="utf-8")


def test_mining_an_example_gives_a_table_sorted_by_termhood():
    table, _fig, highlighted, csv_path, result = tab.terms_mine(ZH)
    scores = [row[tab.COLUMNS.index("termhood")] for row in table]
    assert len(table) > 50 and scores == sorted(scores, reverse=True)
    assert all(row[tab.COLUMNS.index("after a determiner")] is None for row in table)  # Chinese has no articles
    assert scores == [row[tab.COLUMNS.index("weight")] for row in table]
    assert result["language"] == "zh" and result["terms"][0]["term"] == table[0][0]
    assert any(label == "term" for _, label in highlighted)
    with open(csv_path, encoding="utf-8") as f:
        assert f.readline().startswith("term,termhood,frequency")


def test_english_example_lists_single_words_with_a_blank_cohesion():
    text = (tab.EXAMPLES / "pytorch_nn_docstrings_excerpt.txt").read_text(encoding="utf-8")
    table, *_, result = tab.terms_mine(text)
    cohesion = tab.COLUMNS.index("cohesion")
    singles = [row for row in table if " " not in row[0]]
    assert singles and all(row[cohesion] is None for row in singles)
    assert any(" " in row[0] and row[cohesion] is not None for row in table)
    assert result["language"] == "en"
    shares = [row[tab.COLUMNS.index("after a determiner")] for row in table]
    scores = [row[tab.COLUMNS.index("termhood")] for row in table]
    assert all(0 <= s <= 1 for s in shares) and scores == sorted(scores, reverse=True)


def test_english_plurals_share_the_row_of_their_singular():
    text = (tab.EXAMPLES / "pytorch_nn_docstrings_excerpt.txt").read_text(encoding="utf-8")
    table, *_ = tab.terms_mine(text)
    plurals = [p for row in table for p in row[tab.COLUMNS.index("plurals counted with it")].split(", ") if p]
    assert plurals and not {row[0] for row in table} & set(plurals)


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
    table, *_ = tab.terms_mine(text)
    assert isinstance(table, list)


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

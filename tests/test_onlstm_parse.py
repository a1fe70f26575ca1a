"""models/onlstm_parse.py: reading distances as boundaries, greedy splitting, and cutting trees."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.onlstm_parse import (
    Combination,
    Rule,
    Term,
    build_tree,
    depth_cuts,
    flatten,
    gap_scores,
    pieces,
    split_until_short,
)


def test_start_reading_puts_a_characters_distance_before_it():
    assert gap_scores([0.1, 0.9, 0.2], "start") == [0.0, 0.9, 0.2]


def test_end_reading_puts_a_characters_distance_after_it():
    assert gap_scores([0.1, 0.9, 0.2], "end") == [0.0, 0.1, 0.9]


def test_unknown_reading_is_refused():
    with pytest.raises(ValueError, match="direction"):
        gap_scores([0.1], "middle")


def test_split_until_short_cuts_at_the_largest_gaps_first():
    gaps = [0.0, 0.1, 0.9, 0.2, 0.8, 0.3]  # text of 6 characters
    assert split_until_short(gaps, 6) == []
    assert split_until_short(gaps, 4) == [2]
    assert split_until_short(gaps, 3) == [2, 4]  # the right part (4 characters) is split again
    assert split_until_short(gaps, 2) == [2, 4]
    assert split_until_short(gaps, 1) == [1, 2, 3, 4, 5]


@given(st.lists(st.floats(0, 1), min_size=1, max_size=40), st.integers(1, 8))
def test_pieces_rebuild_the_text_and_respect_the_length(gaps, max_len):
    text = "".join(chr(0x4E00 + i) for i in range(len(gaps)))
    words = pieces(text, split_until_short(gaps, max_len))
    assert "".join(words) == text and all(1 <= len(w) <= max_len for w in words)


def test_depth_cuts_follow_the_tree_levels():
    tree = build_tree(list("苹果的颜色是什么"), [0.0, 0.1, 0.5, 0.7, 0.1, 0.6, 0.9, 0.2])
    assert flatten(tree) == "苹果的颜色是什么"
    assert depth_cuts(tree, 1) == [6]
    assert pieces("苹果的颜色是什么", sorted(depth_cuts(tree, 2))) == ["苹果的", "颜色是", "什", "么"]


def test_rule_reads_the_chosen_signal():
    signals = {"surprisal": [0.0, 0.0, 5.0, 0.0], "distances": [[0.9, 0.1, 0.1, 0.1], [0.0, 0.8, 0.0, 0.0]]}
    assert Rule(-1, "start", 2).segment("abcd", signals) == ["ab", "cd"]
    assert Rule(1, "end", 2).segment("abcd", signals) == ["ab", "cd"]
    assert Rule(1, "start", 3).segment("abcd", signals) == ["a", "bcd"]


def test_combination_adds_the_standardised_signals_of_both_readers():
    signals = {
        "forward": {"surprisal": [0.0] * 4, "distances": [[0.1, 0.9, 0.1, 0.1]]},
        "reverse": {"surprisal": [1.0, 2.0, 3.0, 4.0], "distances": []},
    }
    combination = Combination(
        (Term("forward", 0, "end", 2.0, mean=0.5, std=0.5), Term("reverse", -1, "start", -1.0, mean=3.0, std=1.0)),
        max_len=2,
    )
    # forward, end reading: [0, 0.1, 0.9, 0.1] -> standardised [., -0.8, 0.8, -0.8]; reverse: [., 2, 3, 4] -> [., -1, 0, 1]
    assert combination.gaps(signals) == pytest.approx([0.0, 2 * -0.8 + 1.0, 2 * 0.8, 2 * -0.8 - 1.0])
    assert combination.segment("abcd", signals) == ["ab", "cd"]


def test_combination_survives_its_dict_form_and_reads_as_a_formula():
    combination = Combination((Term("forward", 2, "end", 0.75, 0.2, 0.01), Term("reverse", 0, "start", -1.35)), 2)
    assert Combination.from_dict(combination.to_dict()) == combination
    assert combination.describe() == "0.75 × forward layer 2 (end) − 1.35 × reverse layer 0 (start)"

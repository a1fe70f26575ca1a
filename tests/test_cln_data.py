"""The review split: duplicates and contradictory texts removed before a fixed 80/10/10 split."""

from __future__ import annotations

from training.cln.data import dedupe, normalise, split


def test_normalise_folds_width_and_whitespace():
    assert normalise("  很好！\t\t不错  ") == "很好! 不错"


def test_dedupe_keeps_each_text_once_and_drops_texts_under_both_labels():
    pairs, counts = dedupe(["好", "好 ", "很好", "一般"], ["差", "差", "一般"])
    assert sorted(pairs) == [("好", 1), ("差", 0), ("很好", 1)]
    assert counts["in_both_dropped"] == 1 and counts["kept"] == 3


def test_split_is_fixed_disjoint_and_eighty_ten_ten():
    pairs = [(f"评论{k}", k % 2) for k in range(100)]
    a, b = split(pairs), split(list(reversed(pairs)))
    assert a == b
    assert [len(a[k]) for k in ("train", "validation", "test")] == [80, 10, 10]
    seen = [t for part in a.values() for t, _ in part]
    assert len(seen) == len(set(seen)) == 100

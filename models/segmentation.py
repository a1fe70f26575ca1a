"""Scoring a segmentation against the gold one, SIGHAN-style: a word counts when both of its boundaries match."""

from __future__ import annotations


def word_spans(lines: list[list[str]]) -> set[tuple[int, int]]:
    """Gold word spans in the raw text ("\\n".join of the concatenated lines)."""
    spans, pos = set(), 0
    for words in lines:
        for w in words:
            spans.add((pos, pos + len(w)))
            pos += len(w)
        pos += 1  # the line break
    return spans


def f1(gold: set, predicted: set) -> dict:
    tp = len(gold & predicted)
    p, r = tp / max(len(predicted), 1), tp / max(len(gold), 1)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def boundary_f1(gold: set, predicted: set) -> dict:
    return f1({e for _, e in gold}, {e for _, e in predicted})

"""What the evaluation and the combination search read off a model: per line its surprisal and per-layer gate
signals, and the word / boundary F1 of a segmentation against the gold one."""

from __future__ import annotations

from models.onlstm import CharLM, as_signals
from models.segmentation import boundary_f1, f1, word_spans


def signals(model: CharLM, texts: list[str], batch: int = 32) -> list[dict]:
    """Per line: surprisal and per-layer distances, as numpy arrays. Lines are read in length-sorted batches."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out: list[dict] = [{}] * len(texts)
    for start in range(0, len(order), batch):
        idx = order[start : start + batch]
        for i, r in zip(idx, model.read([texts[i] for i in idx]), strict=True):
            out[i] = as_signals(r)
    return out


def score(gold_lines: list[list[str]], predicted_lines: list[list[str]]) -> dict:
    gold, predicted = word_spans(gold_lines), word_spans(predicted_lines)
    word = f1(gold, predicted)
    return {**{f"word_{k}": v for k, v in word.items()}, "boundary_f1": boundary_f1(gold, predicted)["f1"]}

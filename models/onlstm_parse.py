"""From per-character signals to trees and words: greedy top-down splitting (Shen et al., arXiv 1810.09536).

A *gap score* rates the boundary before each character: gaps[k] for the boundary between character k-1 and k
(gaps[0] is unused). The ON-LSTM's distance d_t = 1 - mean(master forget gate) after reading character t gives two
readings: `start` (a high d_t means character t begins a new unit: gaps[k] = d_k) and `end` (a high d_t means the
unit closes after character t: gaps[k] = d_{k-1}). Which one holds depends on the layer and is chosen on held-out
lines. A plain language model's surprisal of character k reads as `start`.

A *combination* adds several such signals, each standardised, with weights: the distances (and the input levels,
e_t = mean of the master input gate) of every layer of a model reading left to right and of one reading right to
left (which sees what follows a gap), in both readings.
"""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass

import numpy as np

Tree = str | list  # a leaf (a piece of text) or [left, right]
SIGNAL_KEYS = {"forget": "distances", "input": "input_levels"}  # a Term's gate -> its key in the signals


def gap_scores(signal: list[float], direction: str) -> list[float]:
    """Per-character signal -> gap scores, gaps[k] for the boundary before character k (gaps[0] = 0)."""
    if direction == "start":
        return [0.0, *list(signal[1:])]
    if direction == "end":
        return [0.0, *list(signal[:-1])]
    raise ValueError(f"direction must be 'start' or 'end', not {direction!r}")


def build_tree(items: list, gaps: list[float]) -> Tree:
    """Greedy top-down split: the largest gap score splits first; returns a nested binary tree of the items."""
    if len(items) <= 1:
        return items[0] if items else []
    k = max(range(1, len(items)), key=lambda j: gaps[j])  # never split before the first item
    return [build_tree(items[:k], gaps[:k]), build_tree(items[k:], gaps[k:])]


def split_until_short(gaps: list[float], max_len: int) -> list[int]:
    """Split [0, n) top-down at the largest gap until every piece has at most `max_len` characters.

    Returns the sorted cut positions (each k means a boundary before character k).
    """
    cuts, stack = [], [(0, len(gaps))]
    while stack:
        a, b = stack.pop()
        if b - a <= max_len:
            continue
        k = max(range(a + 1, b), key=lambda j: gaps[j])
        cuts.append(k)
        stack += [(a, k), (k, b)]
    return sorted(cuts)


def pieces(text: str, cuts: list[int]) -> list[str]:
    edges = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(edges) if b > a]


DESCRIBE_ZH = {  # the words of Combination.describe in Chinese
    "layer": "第 {k} 层",
    "input level": "输入层级",
    "surprisal": "惊异度",
    "forward": "正向",
    "reverse": "反向",
    "end": "词尾",
    "start": "词首",
}


@dataclass(frozen=True)
class Rule:
    """How one signal becomes words: which layer (or 'surprisal'), which reading, pieces of at most `max_len`."""

    layer: int  # -1: the language model's surprisal
    direction: str
    max_len: int

    def gaps(self, signals: dict) -> list[float]:
        signal = signals["surprisal"] if self.layer < 0 else signals["distances"][self.layer]
        return gap_scores(list(signal), self.direction)

    def segment(self, text: str, signals: dict) -> list[str]:
        return pieces(text, split_until_short(self.gaps(signals), self.max_len))


def depth_cuts(tree: Tree, depth: int, offset: int = 0) -> list[int]:
    """The cut positions of the tree's top `depth` levels."""
    if depth <= 0 or isinstance(tree, str):
        return []
    left, right = tree
    n_left = len(flatten(left))
    return [*depth_cuts(left, depth - 1, offset), offset + n_left, *depth_cuts(right, depth - 1, offset + n_left)]


def flatten(tree: Tree) -> str:
    return tree if isinstance(tree, str) else "".join(flatten(t) for t in tree)


@dataclass(frozen=True)
class Term:
    """One signal of a combination: a reader's ('forward' or 'reverse' model) layer distance (`gate` "forget") or input
    level (`gate` "input"; layer -1: the surprisal) in one reading, standardised with the validation lines' `mean` and
    `std`, times `weight`."""

    reader: str
    layer: int
    direction: str
    weight: float
    mean: float = 0.0
    std: float = 1.0
    gate: str = "forget"

    def standardised(self, signals: dict) -> np.ndarray:
        s = signals[self.reader]
        raw = s["surprisal"] if self.layer < 0 else s[SIGNAL_KEYS[self.gate]][self.layer]
        return (np.asarray(gap_scores(list(raw), self.direction), dtype=np.float64) - self.mean) / self.std


@dataclass(frozen=True)
class Combination:
    """Gap scores as a weighted sum of standardised signals; words are pieces of at most `max_len` characters.
    `signals` maps each reader to its per-character signals ({"surprisal": (T,), "distances": [(T,) per layer]})."""

    terms: tuple[Term, ...]
    max_len: int

    def gaps(self, signals: dict) -> list[float]:
        total = sum(t.weight * t.standardised(signals) for t in self.terms)
        return [0.0, *total[1:].tolist()]

    def segment(self, text: str, signals: dict) -> list[str]:
        return pieces(text, split_until_short(self.gaps(signals), self.max_len))

    def describe(self, lang: str = "en") -> str:
        """'0.75 × forward layer 2 (end) − 1.35 × forward layer 1 input level (start) + …' (or in Chinese)"""
        words = DESCRIBE_ZH if lang == "zh" else {}
        parts = []
        for t in self.terms:
            layer = words.get("layer", "layer {k}").format(k=t.layer)
            gate = words.get("input level", " input level") if t.gate == "input" else ""
            signal = words.get("surprisal", "surprisal") if t.layer < 0 else layer + gate
            reader, direction = words.get(t.reader, t.reader), words.get(t.direction, t.direction)
            parts.append(f"{'−' if t.weight < 0 else '+'} {abs(t.weight):g} × {reader} {signal} ({direction})")
        return " ".join(parts).removeprefix("+ ")

    def to_dict(self) -> dict:
        return {"terms": [asdict(t) for t in self.terms], "max_len": self.max_len}

    @classmethod
    def from_dict(cls, d: dict) -> Combination:
        return cls(tuple(Term(**t) for t in d["terms"]), int(d["max_len"]))

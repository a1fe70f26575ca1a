"""Words from two models reading in opposite directions: a weighted sum of their standardised signals, the weights
chosen on the validation lines by greedy forward selection.

    python -m training.onlstm train --name onlstm-rev --reverse --max-chars 10354688 --minutes 70 --threads 2
    python -m training.onlstm combine --forward onlstm --reverse onlstm-rev [--out runs/onlstm-combine.json]

A forward model sees only what precedes a gap, a reverse model (`--reverse`) only what follows it. The candidate
signals are, for ON-LSTMs, every layer's distance d = 1 - mean(master forget gate) and input level e = mean(master
input gate), each in both readings (`start`, `end`; never the surprisal: the trees come from the ordered neurons),
and for plain LSTMs their surprisal in both readings. Each is standardised with the
validation lines' mean and spread. The search starts from the best single signal and piece length (the evaluation's
own rule search), then adds one signal at a time with the weight that helps validation word F1 most (weights
±0.25, ±0.5, ±1) and nudges every weight by ±0.1 / ±0.25 while that helps, up to MAX_TERMS signals. Walking these
nested combinations from the shortest, it moves to a longer one whenever that beats the one kept so far by at least
MIN_GAIN, and chooses the piece length again for the one it keeps. Everything is then fixed
and applied to the test lines. training/onlstm/evaluate.py uses this for the shipped numbers; this command runs it alone.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch

from models.onlstm_parse import SIGNAL_KEYS, Combination, Term, pieces, split_until_short
from models.segmentation import f1, word_spans
from training.onlstm.signals import score, signals
from training.onlstm.train import load_run, split_lines

READERS = ("forward", "reverse")
START_WEIGHTS = (-1.0, -0.5, -0.25, 0.25, 0.5, 1.0)
NUDGES = (-0.25, -0.1, 0.1, 0.25)
MAX_TERMS, MIN_GAIN = 6, 0.002
MAX_LENS = range(1, 7)


Key = tuple[str, int, str, str]  # (reader, layer, direction, gate): one signal; layer -1 is the surprisal


def candidates(signals: dict[str, dict]) -> list[Key]:
    """Every signal the search may use: for ON-LSTMs each layer's distance, then each layer's input level; the
    surprisal (layer -1) only for plain models."""
    out = []
    for reader, s in signals.items():
        if not s["distances"]:
            out += [(reader, -1, d, "forget") for d in ("start", "end")]
        for gate, key in SIGNAL_KEYS.items():
            out += [(reader, k, d, gate) for k in range(len(s.get(key, []))) for d in ("start", "end")]
    return out


def term(key: Key, weight: float = 1.0, mean: float = 0.0, std: float = 1.0) -> Term:
    reader, layer, direction, gate = key
    return Term(reader, layer, direction, weight, mean, std, gate)


def standardisers(lines: list[dict], keys: list[tuple]) -> dict[tuple, tuple[float, float]]:
    """Each signal's mean and spread over the gaps of `lines` (gaps[0] is no gap and is left out)."""
    out = {}
    for key in keys:
        values = np.concatenate([term(key).standardised(line)[1:] for line in lines])  # the raw gap scores
        out[key] = (float(values.mean()), float(values.std()) + 1e-12)
    return out


class Search:
    """Validation word F1 of weighted sums of standardised signals, with each signal's gap lines computed once."""

    def __init__(self, texts: list[str], gold: list[list[str]], lines: list[dict], stats: dict):
        self.texts, self.gold_spans, self.stats = texts, word_spans(gold), stats
        self.z = {key: [term(key, 1.0, m, s).standardised(line) for line in lines] for key, (m, s) in stats.items()}

    def f1(self, weights: dict[tuple, float], max_len: int) -> float:
        predicted = []
        for i, text in enumerate(self.texts):
            gaps = sum(w * self.z[key][i] for key, w in weights.items())
            predicted.append(pieces(text, split_until_short(list(gaps), max_len)))
        return f1(self.gold_spans, word_spans(predicted))["f1"]

    def combination(self, weights: dict[tuple, float], max_len: int) -> Combination:
        terms = [term(key, round(w, 4), *self.stats[key]) for key, w in weights.items() if round(w, 4) != 0]
        return Combination(tuple(terms), max_len)  # a signal whose weight the nudges took to zero is left out


def choose(texts: list[str], gold: list[list[str]], lines: list[dict]) -> tuple[Combination, list[dict]]:
    """Greedy forward selection on these (validation) lines; returns the combination and the path it took."""
    keys = candidates(lines[0])
    search = Search(texts, gold, lines, standardisers(lines, keys))
    best, weights, max_len = max(
        ((search.f1({k: 1.0}, n), {k: 1.0}, n) for k in keys for n in MAX_LENS), key=lambda t: t[0]
    )
    steps = [(best, weights)]
    while len(weights) < min(MAX_TERMS, len(keys)):  # always take the best addition; the prefix is chosen below
        f, weights = max(
            (
                (search.f1({**weights, k: w}, max_len), {**weights, k: w})
                for k in keys
                if k not in weights
                for w in START_WEIGHTS
            ),
            key=lambda t: t[0],
        )
        for key in list(weights):  # nudge every weight while it helps
            for nudge in NUDGES:
                nudged = {**weights, key: weights[key] + nudge}
                g = search.f1(nudged, max_len)
                if g > f:
                    f, weights = g, nudged
        steps.append((f, weights))
    chosen = 0  # a longer prefix only when it beats the best shorter one by MIN_GAIN
    for i, (f, _) in enumerate(steps):
        if f >= steps[chosen][0] + MIN_GAIN:
            chosen = i
    weights = steps[chosen][1]
    best, max_len = max((search.f1(weights, n), n) for n in MAX_LENS)
    path = [{"terms": _names(w), "word_f1": f, "chosen": i == chosen} for i, (f, w) in enumerate(steps)]
    path.append({"terms": _names(weights), "max_len": max_len, "word_f1": best, "final": True})
    return search.combination(weights, max_len), path


def _names(weights: dict) -> dict[str, float]:
    """'forward:layer2:end', 'forward:input1:start', 'reverse:surprisal:start' -> weight."""
    names = {}
    for (reader, layer, direction, gate), w in weights.items():
        signal = "surprisal" if layer < 0 else f"{'layer' if gate == 'forget' else 'input'}{layer}"
        names[f"{reader}:{signal}:{direction}"] = round(w, 4)
    return names


def paired(forward: list[dict], reverse: list[dict]) -> list[dict]:
    return [{"forward": f, "reverse": r} for f, r in zip(forward, reverse, strict=True)]


def add_arguments(sub) -> None:
    p = sub.add_parser("combine", help="the forward + reverse combination search alone")
    p.add_argument("--forward", default="onlstm")
    p.add_argument("--reverse", default="onlstm-rev")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--out", type=Path, default=None)


def run(args: argparse.Namespace) -> dict:
    torch.set_num_threads(args.threads)
    split = split_lines()
    texts = {k: ["".join(w) for w in split[k]] for k in ("validation", "test")}
    models = {"forward": load_run(args.forward)[0], "reverse": load_run(args.reverse)[0]}
    sig = {k: paired(*(signals(models[r], texts[k]) for r in READERS)) for k in texts}
    combination, path = choose(texts["validation"], split["validation"], sig["validation"])
    test = [combination.segment(t, s) for t, s in zip(texts["test"], sig["test"], strict=True)]
    result = {
        "runs": {k: v for k, v in vars(args).items() if k not in ("out", "command")},
        "chosen": combination.to_dict(),
        "path": path,
    }
    result["test"] = score(split["test"], test)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    if args.out:
        args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    return result

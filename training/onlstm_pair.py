"""Words from two ON-LSTMs reading in opposite directions: a forward model sees only what precedes a gap, a reverse
model (`python -m training.onlstm train --reverse`) only what follows it; their gap scores are averaged.

    python -m training.onlstm train --name onlstm-rev --reverse --max-chars 10354688 --minutes 70 --threads 2
    python -m training.onlstm_pair --forward onlstm --backward onlstm-rev [--out runs/onlstm-pair.json]

Everything is chosen on the validation lines and then fixed: each model's best layer and reading (as in
training/onlstm_eval.py), the weight w of the forward model's standardised gap scores against the reverse model's
(z-scored with the validation lines' mean and spread), and the piece length. Reported on the test lines beside each
model alone.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np
import torch

from models.onlstm_parse import gap_scores, pieces, split_until_short
from training.onlstm import load_run, split_lines
from training.onlstm_eval import MAX_LENS, choose_rule, score, signals

WEIGHTS = (0.25, 0.5, 0.75)


def gaps(sig: list[dict], layer: int, direction: str) -> list[np.ndarray]:
    return [np.asarray(gap_scores(list(s["distances"][layer]), direction)) for s in sig]


def gaps_of(sig: dict, rule) -> dict[str, list[np.ndarray]]:
    """Each split's gap scores under one model's chosen layer and reading."""
    return {k: gaps(lines, rule.layer, rule.direction) for k, lines in sig.items()}


def standardised(lines: list[np.ndarray], reference: list[np.ndarray]) -> list[np.ndarray]:
    """Gap scores minus the reference lines' mean, over their spread (gaps[0] is no gap and is left out)."""
    values = np.concatenate([g[1:] for g in reference])
    return [(g - values.mean()) / (values.std() + 1e-12) for g in lines]


def segment(texts: list[str], gap_lines: list[np.ndarray], max_len: int) -> list[list[str]]:
    return [pieces(t, split_until_short(list(g), max_len)) for t, g in zip(texts, gap_lines, strict=True)]


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(prog="python -m training.onlstm_pair", description=__doc__.split("\n\n")[0])
    p.add_argument("--forward", default="onlstm")
    p.add_argument("--backward", default="onlstm-rev")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    split = split_lines()
    texts = {k: ["".join(w) for w in split[k]] for k in ("validation", "test")}
    runs, single = {}, {}
    for role, name in (("forward", args.forward), ("backward", args.backward)):
        model, info = load_run(name)
        sig = {k: signals(model, texts[k]) for k in texts}
        rule, _ = choose_rule(list(range(model.n_layers)), texts["validation"], split["validation"], sig["validation"])
        runs[role] = (rule, sig)
        single[role] = {
            "run": name,
            **info,
            "rule": vars(rule),
            "test": score(split["test"], [rule.segment(t, s) for t, s in zip(texts["test"], sig["test"], strict=True)]),
        }
    chosen = {r: gaps_of(runs[r][1], runs[r][0]) for r in ("forward", "backward")}  # split -> gap lines, per model
    by_split = {
        k: [standardised(chosen[r][k], chosen[r]["validation"]) for r in ("forward", "backward")] for k in texts
    }

    def combined(k: str, w: float) -> list[np.ndarray]:
        f, b = by_split[k]
        return [w * x + (1 - w) * y for x, y in zip(f, b, strict=True)]

    table = [
        {
            "weight": w,
            "max_len": n,
            "word_f1": score(split["validation"], segment(texts["validation"], combined("validation", w), n))[
                "word_f1"
            ],
        }
        for w, n in itertools.product(WEIGHTS, MAX_LENS)
    ]
    best = max(table, key=lambda row: row["word_f1"])
    result = {
        "single": single,
        "validation": table,
        "chosen": best,
        "test": score(split["test"], segment(texts["test"], combined("test", best["weight"]), best["max_len"])),
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))
    if args.out:
        args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    return result


if __name__ == "__main__":
    main()

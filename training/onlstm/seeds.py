"""How much the words an ON-LSTM induces depend on its training seed: one recipe, several seeds, one budget.

    for s in 0 1 3; do python -m training.onlstm train --name onlstm-seed$s --seed $s --minutes 80 \\
        --max-chars 8990720 --threads 1 & done          # three at once on 2 cores, 8.99M characters each
    python -m training.onlstm train --name onlstm-s2 --seed 2 --minutes 45 --threads 1   # alone: 8.99M in 45 min
    python -m training.onlstm seeds --runs onlstm-seed0 onlstm-seed1 onlstm-s2 onlstm-seed3 [--publish]

The recipe is the shipped one (3 layers, hidden 256, chunk 8, dropout 0.1), at most 8.99M characters. Each run is read
at its best validation checkpoint (`best.pt`, validation every 500 steps: step 2000, 8.19M characters). For each run the rule is
chosen on the validation lines by the same search as the evaluation (training/onlstm/evaluate.py), then applied to the
test lines. --publish adds the table to the shipped snapshot's metrics.json and model card (same weights).
"""

from __future__ import annotations

import argparse
import json

import torch

from models.onlstm import CharLM
from training.onlstm.evaluate import apply, as_stored, card, choose_rule, perplexity, primer
from training.onlstm.signals import score, signals
from training.onlstm.train import SNAPSHOT, load_run, split_lines
from training.publish import check_snapshot, write_snapshot


def study_one(name: str, texts: dict, gold: dict, primer: str = "") -> dict:
    model, info = load_run(name)
    model = as_stored(model, primer)
    sig = {k: signals(model, texts[k]) for k in ("validation", "test")}
    rule, table = choose_rule(list(range(model.n_layers)), texts["validation"], gold["validation"], sig["validation"])
    test = score(gold["test"], apply(rule, texts["test"], sig["test"]))
    return {
        "run": name,
        **info,
        "rule": vars(rule),
        "validation_word_f1": max(t["word_f1"] for t in table),
        "test_word_f1": test["word_f1"],
        "test_boundary_f1": test["boundary_f1"],
        "test_perplexity": perplexity(sig["test"]),
    }


def add_arguments(sub) -> None:
    p = sub.add_parser("seeds", help="the seed study: the same recipe with other seeds, each with its own rule")
    p.add_argument("--runs", nargs="+", required=True, help="run names under runs/")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--publish", action="store_true", help="add the table to the shipped snapshot")


def run(args: argparse.Namespace) -> list[dict]:
    torch.set_num_threads(args.threads)
    split = split_lines()
    texts = {k: ["".join(w) for w in split[k]] for k in ("validation", "test")}
    rows = [study_one(name, texts, split, primer(split)) for name in args.runs]
    print(json.dumps(rows, indent=1))
    if args.publish:
        metrics = {**check_snapshot(SNAPSHOT), "seed_study": rows}
        write_snapshot(CharLM.from_pretrained(str(SNAPSHOT)).half().eval(), SNAPSHOT, metrics, card(metrics))
    return rows

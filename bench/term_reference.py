"""A plain-Python reference for the term-mining statistics: the same n-gram counts, minimum-split PMI and boundary
entropies as models/term_mining.py, written the usual way with dicts and collections.Counter. It exists to be
measured against (throughput and memory), and the tests check both give the same numbers."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from models.term_mining import is_separator


def sentences(text: str) -> list[str]:
    out, buf = [], []
    for ch in text:
        if is_separator(ch):
            if buf:
                out.append("".join(buf))
                buf = []
        else:
            buf.append(ch)
    if buf:
        out.append("".join(buf))
    return out


def statistics(text: str, max_n: int = 5) -> dict[str, tuple[int, float, float, float]]:
    """word -> (count, cohesion, left entropy, right entropy) for every n-gram of 2..max_n characters."""
    counts: Counter[str] = Counter()
    left: defaultdict[str, Counter] = defaultdict(Counter)
    right: defaultdict[str, Counter] = defaultdict(Counter)
    edge = 0
    for s in sentences(text):
        for n in range(1, max_n + 1):
            for i in range(len(s) - n + 1):
                w = s[i : i + n]
                counts[w] += 1
                if n > 1:
                    edge += 1
                    left[w][s[i - 1] if i > 0 else f"^{edge}"] += 1  # each sentence edge is a neighbour of its own
                    right[w][s[i + n] if i + n < len(s) else f"${edge}"] += 1
    total = sum(c for w, c in counts.items() if len(w) == 1)

    def entropy(counter: Counter) -> float:
        m = sum(counter.values())
        return -sum(c / m * math.log(c / m) for c in counter.values())

    out = {}
    for w, c in counts.items():
        if len(w) < 2:
            continue
        cohesion = min(math.log(c * total / (counts[w[:s]] * counts[w[s:]])) for s in range(1, len(w)))
        out[w] = (c, cohesion, entropy(left[w]), entropy(right[w]))
    return out

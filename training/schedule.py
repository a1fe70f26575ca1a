"""The learning-rate factor the training commands share: a short linear warm-up, then a cosine decay to a floor."""

from __future__ import annotations

import math


def warmup_cosine(fraction: float, floor: float, warmup: float = 0.02, first: float = 0.0) -> float:
    """Factor for the learning rate at `fraction` of the budget; during warm-up at least `first / warmup`."""
    if fraction < warmup:
        return max(fraction, first) / warmup
    return floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * min(1.0, fraction)))

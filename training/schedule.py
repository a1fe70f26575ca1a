"""The learning-rate factor the training commands share: a short linear warm-up, then a cosine decay to a floor."""

from __future__ import annotations

import math


def warmup_cosine(fraction: float, floor: float, warmup: float = 0.02, first: float = 0.0) -> float:
    """Factor for the learning rate at `fraction` of the budget; during warm-up at least `first / warmup`."""
    if fraction < warmup:
        return max(fraction, first) / warmup
    return floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * min(1.0, fraction)))


def cooldown(fraction: float, share: float) -> float:
    """Factor for the learning rate at `fraction` of the budget: constant, then linear to zero over the last `share`
    of it (a warmup-stable-decay schedule without the warm-up; `share` 0 keeps it constant)."""
    if share <= 0 or fraction <= 1 - share:
        return 1.0
    return max(0.0, (1 - fraction) / share)

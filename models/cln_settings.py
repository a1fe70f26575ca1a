"""The settings of one batch of sampled reviews (no torch here, so that the tab's defaults cost nothing at start-up)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    alpha: float = 1.0  # 0: negative, 1: positive, between: a mix of the two condition vectors
    samples: int = 4
    length: int = 64  # new characters at most
    temperature: float = 1.0
    top_p: float = 1.0
    seed: int = 0
    prefix: str = ""
    contrast: float = 1.0  # w: sharpen the condition against its opposite, l(α) + w·(l(α) − l(1 − α))

"""Training checkpoints, written atomically: a crash mid-write leaves the previous checkpoint intact."""

from __future__ import annotations

from pathlib import Path

import torch


def save(path: Path, **state) -> None:
    """torch.save the given entries to `path`; modules and optimisers are stored as their state_dict."""
    path.parent.mkdir(parents=True, exist_ok=True)
    entries = {k: v.state_dict() if hasattr(v, "state_dict") else v for k, v in state.items()}
    torch.save(entries, path.with_suffix(".tmp"))
    path.with_suffix(".tmp").replace(path)


def slim(src: Path, dst: Path, half: bool = True) -> None:
    """Copy a checkpoint without its optimiser state, by default with floats stored as float16: the weights alone,
    half the size (used to bring runs back from a lent GPU machine; loading casts them back to float32)."""
    state = torch.load(src, weights_only=True, map_location="cpu")
    state.pop("opt", None)

    def to_half(v):
        if isinstance(v, dict):
            return {k: to_half(x) for k, x in v.items()}
        return v.half() if isinstance(v, torch.Tensor) and v.is_floating_point() else v

    dst.parent.mkdir(parents=True, exist_ok=True)
    torch.save({k: to_half(v) if half and k in ("model", "ema") else v for k, v in state.items()}, dst)

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

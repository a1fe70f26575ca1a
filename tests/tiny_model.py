"""A tiny hub-format model used only by the tests of the weight-loading path (never shipped as a demo)."""

from __future__ import annotations

import torch
from huggingface_hub import PyTorchModelHubMixin
from torch import nn


class TinyNet(nn.Module, PyTorchModelHubMixin):
    def __init__(self, hidden: int = 4):
        super().__init__()
        self.inner = nn.Linear(2, hidden)
        self.outer = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # (B, 2) -> (B, 1)
        return self.outer(torch.tanh(self.inner(x)))


class OtherNet(nn.Module, PyTorchModelHubMixin):
    """Different parameter names: loading TinyNet weights into it must fail under strict=True."""

    def __init__(self, hidden: int = 4):
        super().__init__()
        self.layer = nn.Linear(2, hidden)

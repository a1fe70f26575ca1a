"""training/schedule.py: warm-up, then cosine decay to the floor."""

from __future__ import annotations

import pytest

from training.schedule import warmup_cosine


def test_warm_up_rises_linearly_from_the_first_value():
    assert warmup_cosine(0.0, floor=0.05) == 0.0
    assert warmup_cosine(0.0, floor=0.02, first=1e-3) == pytest.approx(0.05)
    assert warmup_cosine(0.01, floor=0.05) == pytest.approx(0.5)


def test_decay_reaches_the_floor_at_the_end_and_stays_there():
    assert warmup_cosine(0.02, floor=0.05) == pytest.approx(1.0, abs=1e-2)
    assert warmup_cosine(0.5, floor=0.05) == pytest.approx(0.525)
    assert warmup_cosine(1.0, floor=0.05) == pytest.approx(0.05) == warmup_cosine(1.7, floor=0.05)

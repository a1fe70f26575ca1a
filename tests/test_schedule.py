"""training/schedule.py: warm-up, then cosine decay to the floor."""

from __future__ import annotations

import pytest

from training.schedule import cooldown, warmup_cosine


def test_warm_up_rises_linearly_from_the_first_value():
    assert warmup_cosine(0.0, floor=0.05) == 0.0
    assert warmup_cosine(0.0, floor=0.02, first=1e-3) == pytest.approx(0.05)
    assert warmup_cosine(0.01, floor=0.05) == pytest.approx(0.5)


def test_decay_reaches_the_floor_at_the_end_and_stays_there():
    assert warmup_cosine(0.02, floor=0.05) == pytest.approx(1.0, abs=1e-2)
    assert warmup_cosine(0.5, floor=0.05) == pytest.approx(0.525)
    assert warmup_cosine(1.0, floor=0.05) == pytest.approx(0.05) == warmup_cosine(1.7, floor=0.05)


def test_cooldown_holds_the_rate_then_falls_linearly_to_zero():
    assert cooldown(0.0, share=0.3) == cooldown(0.7, share=0.3) == 1.0
    assert cooldown(0.85, share=0.3) == pytest.approx(0.5)
    assert cooldown(1.0, share=0.3) == 0.0 and cooldown(1.2, share=0.3) == 0.0


def test_a_cooldown_of_zero_keeps_the_rate_constant():
    assert cooldown(0.99, share=0.0) == cooldown(1.0, share=0.0) == 1.0

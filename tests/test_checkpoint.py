"""training/checkpoint.py: atomic saves, and the slim copy that brings weights back from a lent GPU machine."""

from __future__ import annotations

import torch

from training.checkpoint import save, slim


def make_checkpoint(path):
    model = torch.nn.Linear(3, 2)
    opt = torch.optim.Adam(model.parameters())
    model(torch.ones(1, 3)).sum().backward()
    opt.step()
    save(path, model=model, opt=opt, step=7, config={"width": 3})
    return model


def test_save_leaves_no_temporary_file(tmp_path):
    make_checkpoint(tmp_path / "run" / "checkpoint.pt")
    assert [p.name for p in (tmp_path / "run").iterdir()] == ["checkpoint.pt"]


def test_slim_drops_the_optimiser_and_keeps_the_rest(tmp_path):
    make_checkpoint(tmp_path / "checkpoint.pt")
    slim(tmp_path / "checkpoint.pt", tmp_path / "slim.pt")
    state = torch.load(tmp_path / "slim.pt", weights_only=True)
    assert "opt" not in state and state["step"] == 7 and state["config"] == {"width": 3}


def test_slim_weights_are_float16_and_load_back_to_within_its_rounding(tmp_path):
    model = make_checkpoint(tmp_path / "checkpoint.pt")
    slim(tmp_path / "checkpoint.pt", tmp_path / "slim.pt")
    state = torch.load(tmp_path / "slim.pt", weights_only=True)
    assert all(v.dtype == torch.float16 for v in state["model"].values())
    again = torch.nn.Linear(3, 2)
    again.load_state_dict(state["model"])
    assert again.weight.dtype == torch.float32
    torch.testing.assert_close(again.weight, model.weight, atol=1e-3, rtol=1e-3)


def test_slim_can_keep_float32(tmp_path):
    model = make_checkpoint(tmp_path / "checkpoint.pt")
    slim(tmp_path / "checkpoint.pt", tmp_path / "slim.pt", half=False)
    state = torch.load(tmp_path / "slim.pt", weights_only=True)
    assert "opt" not in state and torch.equal(state["model"]["weight"], model.weight)

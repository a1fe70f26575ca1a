"""Training smoke tests on a tiny synthetic corpus: both stages run, the loss falls, stage 2 starts from stage 1,
a run resumes from its checkpoint, and the evaluation's measures count what they say."""

from __future__ import annotations

import argparse

import pytest
import torch

from training.cln import evaluate, train

POS = ["服务很好很满意", "房间干净很好", "很满意下次再来"] * 20
NEG = ["服务太差很失望", "房间很脏太差", "很失望不会再来"] * 20


@pytest.fixture
def tiny_data(monkeypatch, tmp_path):
    labelled = [(t, 1) for t in POS] + [(t, 0) for t in NEG]
    splits = {"train": labelled, "validation": labelled[::7], "test": labelled[::5]}
    monkeypatch.setattr(train, "reviews", lambda: (splits, {}))
    monkeypatch.setattr(train, "pretraining_lines", lambda: POS + NEG + ["人民日报的一行"] * 10)
    monkeypatch.setattr(train, "RUNS", tmp_path)
    return tmp_path


def args(**kw) -> argparse.Namespace:
    base = dict(
        stage="pretrain",
        name="pre",
        cond="cln",
        init="pre",
        steps=30,
        minutes=5,
        dim=32,
        layers=1,
        heads=2,
        block=16,
        dropout=0.0,
        batch=8,
        lr=3e-3,
        cond_lr=10.0,
        warmup=0.1,
        seed=0,
        threads=1,
        valid_every=10,
    )
    return argparse.Namespace(**{**base, **kw})


def losses(capsys) -> list[float]:
    return [
        float(line.split("validation loss ")[1].split()[0])
        for line in capsys.readouterr().out.splitlines()
        if "validation loss" in line
    ]


def test_both_stages_train_and_the_loss_falls(tiny_data, capsys):
    train.train(args())
    pre = losses(capsys)
    assert all(map(torch.isfinite, torch.tensor(pre))) and pre[-1] < pre[0]
    model = train.train(args(stage="finetune", name="ft", steps=20))
    assert model.cond == "cln" and (tiny_data / "ft" / "best.pt").is_file()
    ft = losses(capsys)
    assert ft[-1] <= pre[-1] + 0.05  # stage 2 starts where stage 1 ended, not from scratch


def test_a_run_resumes_from_its_checkpoint(tiny_data, capsys):
    train.train(args(steps=10))
    train.train(args(steps=20))
    out = capsys.readouterr().out
    assert "resumed pre at step 10" in out and "stopped at step 20" in out


def test_distinct2_and_copying_count_what_they_say():
    assert evaluate.distinct2(["abab"]) == pytest.approx(2 / 3)
    index = evaluate.span_index(["一二三四五六七八九十甲乙丙"])
    assert evaluate.copied_share(["零一二三四五六七八九十甲乙", "完全不同的一句话没有重复的"], index) == 0.5
    assert evaluate.spearman([0, 1, 2, 3], [0.1, 0.2, 0.5, 0.9]) == pytest.approx(1.0)

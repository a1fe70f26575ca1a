"""training/iresnet/options.py on a tiny budget: every estimator and every training variant is measured, and
publishing adds the study to a copy of the toys snapshot without touching its weights."""

from __future__ import annotations

import json
import math
import shutil

import pytest

from models import hub
from training.iresnet import options as study
from training.iresnet.__main__ import parse


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("options")
    return study.run(parse(["options", "--steps", "2", "--seeds", "1", "--repeats", "3", "--out", str(out)])), out


def test_every_estimator_and_training_variant_is_measured(tiny):
    metrics, out = tiny
    assert json.loads((out / "metrics.json").read_text()) == metrics
    assert len(metrics["estimators_on_shipped_eight_gaussians"]) == len(study.ESTIMATORS)
    assert [r["run"] for r in metrics["training"]] == [label for label, *_ in study.TRAINING]
    numbers = [v for e in metrics["estimators_on_shipped_eight_gaussians"] for k, v in e.items() if k != "estimator"]
    assert all(math.isfinite(v) for v in numbers)


def test_roulette_rows_state_their_expected_cost(tiny):
    rows = {e["estimator"]: e for e in tiny[0]["estimators_on_shipped_eight_gaussians"]}
    assert rows["roulette 2 + Geometric(0.5)"]["expected_terms_per_block"] == 3.0
    assert rows["series 3 terms"]["expected_terms_per_block"] == 3


def test_publishing_adds_the_study_to_the_card_and_keeps_the_weights(tiny, tmp_path, monkeypatch):
    copy = tmp_path / "iresnet-toys"
    shutil.copytree(hub.bundled_dir("iresnet-toys"), copy)
    before = (copy / "model.safetensors").read_bytes()
    monkeypatch.setattr(study, "TOYS", copy)
    study.publish(study.ToyFlows.from_pretrained(copy).eval(), tiny[0])
    assert "Residual Flows' options" in (copy / "README.md").read_text()
    assert json.loads((copy / "metrics.json").read_text())["residual_flows_options"] == tiny[0]
    assert (copy / "model.safetensors").read_bytes() == before

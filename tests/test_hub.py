"""models/hub.py: bundled snapshot first, the real hub code path (offline, from a seeded cache) on request or as a
fallback, strict loading, and a clear error when neither source has the weights."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import huggingface_hub
import pytest
import torch
from hub_cache import seed_hub_cache
from tiny_model import OtherNet, TinyNet

from models import hub
from training.publish import CardInfo, write_snapshot

CARD = CardInfo(title="Tiny", summary="A test model.", data="None.", command="pytest")


@pytest.fixture
def snapshot(tmp_path, monkeypatch):
    """A bundled snapshot of TinyNet under a temporary assets/weights, and its reference weights."""
    torch.manual_seed(0)
    model = TinyNet(hidden=6)
    monkeypatch.setattr(hub, "WEIGHTS_DIR", tmp_path / "weights")
    write_snapshot(model, tmp_path / "weights" / "tiny", {"loss": 0.1}, CARD)
    return model.state_dict()


@pytest.fixture
def offline_cache(tmp_path, monkeypatch, snapshot):
    """An offline HF cache holding the same snapshot as repo explorables/tiny; returns a registry pinned to it."""
    cache = tmp_path / "hub-cache"
    commit = seed_hub_cache(tmp_path / "weights" / "tiny", "explorables/tiny", cache)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(cache))
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    return {"tiny": hub.WeightsEntry("explorables/tiny", commit, "test model")}


def assert_same_weights(model: torch.nn.Module, reference: dict) -> None:
    state = model.state_dict()
    assert state.keys() == reference.keys()
    for key, value in reference.items():
        assert torch.equal(state[key], value), key


def test_bundled_snapshot_loads_with_its_config(snapshot, offline_cache):
    model = hub.load(TinyNet, "tiny", offline_cache)
    assert model.inner.out_features == 6  # from config.json, not the class default
    assert not model.training
    assert_same_weights(model, snapshot)


def test_env_forces_the_hub_path_and_it_matches_the_bundled_load(snapshot, offline_cache, monkeypatch, tmp_path):
    monkeypatch.setenv(hub.ENV_SOURCE, "hub")
    (tmp_path / "weights" / "tiny" / "model.safetensors").write_bytes(b"corrupt")  # proves the bundle is not read
    assert_same_weights(hub.load(TinyNet, "tiny", offline_cache), snapshot)


def test_missing_bundle_falls_back_to_the_hub_cache(snapshot, offline_cache, tmp_path):
    (tmp_path / "weights" / "tiny" / "model.safetensors").unlink()
    assert_same_weights(hub.load(TinyNet, "tiny", offline_cache), snapshot)


def test_neither_source_gives_a_clear_error(offline_cache, tmp_path, monkeypatch):
    monkeypatch.setattr(hub, "WEIGHTS_DIR", tmp_path / "nowhere")
    missing = {"tiny": hub.WeightsEntry("explorables/absent", "0" * 40, "not in the cache")}
    with pytest.raises(hub.WeightsUnavailable, match=r"neither bundled .* nor available from the hub"):
        hub.load(TinyNet, "tiny", missing)


def test_the_hub_path_refuses_a_repo_without_safetensors(snapshot, offline_cache, monkeypatch, tmp_path):
    pickled = tmp_path / "pickled"
    pickled.mkdir()
    (pickled / "config.json").write_text((tmp_path / "weights" / "tiny" / "config.json").read_text())
    torch.save(snapshot, pickled / "pytorch_model.bin")
    cache = huggingface_hub.constants.HF_HUB_CACHE
    seed_hub_cache(pickled, "explorables/pickled", Path(cache), revision="v1")
    monkeypatch.setenv(hub.ENV_SOURCE, "hub")
    table = {"tiny": hub.WeightsEntry("explorables/pickled", "v1", "a pickle only")}
    with pytest.raises(hub.WeightsUnavailable, match="only from safetensors"):
        hub.load(TinyNet, "tiny", table)


def test_every_registered_model_pins_the_named_revision():
    assert {entry.revision for entry in hub.REGISTRY.values()} == {hub.REVISION} and hub.REVISION != "main"


def test_loading_is_strict(snapshot, offline_cache):
    with pytest.raises(RuntimeError, match="Missing key"):
        hub.load(OtherNet, "tiny", offline_cache)


def test_unknown_model_name_is_refused(offline_cache):
    with pytest.raises(KeyError, match="unknown model"):
        hub.load(TinyNet, "nope", offline_cache)


def test_bad_source_setting_is_refused(monkeypatch):
    monkeypatch.setenv(hub.ENV_SOURCE, "cloud")
    with pytest.raises(ValueError, match="'bundled' or 'hub'"):
        hub.source()


@pytest.mark.parametrize("name", sorted(hub.REGISTRY))
def test_shipped_snapshot_loads_by_repo_id_from_the_hub_cache_and_equals_the_bundle(name, tmp_path, monkeypatch):
    from training.publish import check_snapshot

    entry = hub.REGISTRY[name]
    check_snapshot(hub.bundled_dir(name))
    bundled = hub.load(entry.cls(), name)
    seed_hub_cache(hub.bundled_dir(name), entry.repo_id, tmp_path / "hub", revision=entry.revision)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setenv(hub.ENV_SOURCE, "hub")
    assert_same_weights(hub.load(entry.cls(), name), bundled.state_dict())


@pytest.mark.parametrize("name", sorted(hub.REGISTRY))
def test_shipped_snapshot_fits_the_size_budget(name):
    size = sum(p.stat().st_size for p in hub.bundled_dir(name).iterdir())
    assert size <= 15 * 2**20, f"{name}: {size / 2**20:.1f} MB"


def test_the_onlstm_tab_weights_fit_15_mb_together():
    names = [n for n in hub.REGISTRY if n.startswith("onlstm-")]
    size = sum(p.stat().st_size for n in names for p in hub.bundled_dir(n).iterdir())
    assert len(names) == 2 and size <= 15 * 2**20, f"{size / 2**20:.1f} MB"


def test_the_iresnet_tab_weights_fit_20_mb_together():
    names = [n for n in hub.REGISTRY if n.startswith("iresnet-")]
    size = sum(p.stat().st_size for n in names for p in hub.bundled_dir(n).iterdir())
    assert len(names) == 3 and size <= 20 * 2**20, f"{size / 2**20:.1f} MB"


def test_metrics_come_from_the_hub_cache_when_the_hub_is_asked_for(tmp_path, monkeypatch):
    entry = hub.REGISTRY["cln-reviews"]
    bundled = hub.metrics("cln-reviews")
    seed_hub_cache(hub.bundled_dir("cln-reviews"), entry.repo_id, tmp_path / "hub", revision=entry.revision)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setenv(hub.ENV_SOURCE, "hub")
    assert hub.metrics("cln-reviews") == bundled
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "empty"))
    with pytest.raises(hub.WeightsUnavailable):
        hub.metrics("cln-reviews")


@pytest.mark.parametrize(
    ("tab", "table", "name"),
    [
        ("ogan_results", "comparison_markdown", "ogan-mnist"),
        ("onlstm_results", "results_markdown", "onlstm-peoples-daily"),
        ("iresnet_results", "results_markdown", "iresnet-mnist"),
    ],
)
def test_each_tabs_measured_table_comes_through_the_hub_loader(tab, table, name, tmp_path, monkeypatch):
    """With the hub asked for, a tab's table is the hub copy's: a changed number in the cached metrics.json shows."""
    import importlib

    render = getattr(importlib.import_module(f"demos.{tab}"), table)
    bundled = render("en")
    changed = tmp_path / "snapshot"
    shutil.copytree(hub.bundled_dir(name), changed)
    m = json.loads((changed / "metrics.json").read_text())
    target, key = {
        "ogan_results": (m, "reconstruction_class_consistency"),
        "iresnet_results": (m, "test_bits_per_dim"),
        "onlstm_results": (m.get("onlstm"), "word_f1"),
    }[tab]
    target[key] = 0.123456
    (changed / "metrics.json").write_text(json.dumps(m))
    entry = hub.REGISTRY[name]
    seed_hub_cache(changed, entry.repo_id, tmp_path / "hub", revision=entry.revision)
    if tab == "iresnet_results":
        seed_hub_cache(hub.bundled_dir("iresnet-toys"), hub.REGISTRY["iresnet-toys"].repo_id, tmp_path / "hub", "v1")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setenv(hub.ENV_SOURCE, "hub")
    assert render("en") != bundled

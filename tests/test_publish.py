"""training/publish.py: snapshot folders (safetensors + config + card + metrics) and pushing with the hub client
patched (no network)."""

from __future__ import annotations

import json
from unittest import mock

import pytest
from huggingface_hub import ModelCard
from tiny_model import TinyNet

from models import hub
from training import publish

CARD = publish.CardInfo(title="Tiny net", summary="For tests.", data="Synthetic.", command="python -m training.tiny")


def test_snapshot_has_the_four_files_and_a_card_with_the_metrics(tmp_path):
    out = publish.write_snapshot(TinyNet(), tmp_path / "snap", {"accuracy": 0.987654, "epochs": 3}, CARD)
    assert sorted(p.name for p in out.iterdir()) == sorted(publish.SNAPSHOT_FILES)
    assert json.loads((out / "config.json").read_text()) == {"hidden": 4}
    card = ModelCard.load(out / "README.md")
    assert card.data.license == "mit"
    assert "| accuracy | 0.9877 |" in card.text
    assert "python -m training.tiny" in card.text


def test_check_refuses_an_incomplete_or_pickled_snapshot(tmp_path):
    out = publish.write_snapshot(TinyNet(), tmp_path / "snap", {"x": 1}, CARD)
    (out / "pytorch_model.bin").write_bytes(b"pickle")
    with pytest.raises(ValueError, match="pickle-style"):
        publish.check_snapshot(out)
    (out / "pytorch_model.bin").unlink()
    (out / "metrics.json").unlink()
    with pytest.raises(ValueError, match=r"missing metrics\.json"):
        publish.check_snapshot(out)


def test_push_creates_the_repo_uploads_the_snapshot_and_tags_the_pinned_revision(tmp_path):
    out = publish.write_snapshot(TinyNet(), tmp_path / "snap", {"x": 1}, CARD)
    with (
        mock.patch("huggingface_hub.HfApi.create_repo") as create_repo,
        mock.patch("huggingface_hub.HfApi.upload_folder", return_value=mock.Mock(oid="abc123")) as upload,
        mock.patch("huggingface_hub.HfApi.create_tag") as create_tag,
    ):
        commit = publish.push(out, "someone/tiny", token="hf_test")
    create_repo.assert_called_once_with(repo_id="someone/tiny", repo_type="model", private=False, exist_ok=True)
    kwargs = upload.call_args.kwargs
    assert kwargs["repo_id"] == "someone/tiny" and kwargs["folder_path"] == str(out)
    assert sorted(kwargs["allow_patterns"]) == sorted(publish.SNAPSHOT_FILES)
    assert commit == "abc123"
    create_tag.assert_called_once_with(
        "someone/tiny", tag=hub.REVISION, revision="abc123", repo_type="model", exist_ok=False
    )


def test_cli_check_prints_the_metrics(tmp_path, capsys):
    out = publish.write_snapshot(TinyNet(), tmp_path / "snap", {"fid": 4.2}, CARD)
    publish.main(["check", str(out)])
    assert json.loads(capsys.readouterr().out) == {"fid": 4.2}

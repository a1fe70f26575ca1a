"""The one place that resolves and loads model weights.

Resolution for a model `name` of the table below:
1. the bundled snapshot `assets/weights/<name>/` (config.json + model.safetensors), unless
2. `EXPLORABLES_WEIGHTS=hub` is set, or the snapshot is absent: then the pinned revision's config.json and
   model.safetensors, and nothing else, from the Hugging Face cache (offline with HF_HUB_OFFLINE=1) or the hub.
Both paths end in `PyTorchModelHubMixin.from_pretrained(<local folder>, strict=True)`; weights come only from
safetensors (a repo without model.safetensors is refused, never read as a pickle). Repo ids and revisions come from
this table, never from user input.
"""

from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from huggingface_hub import PyTorchModelHubMixin, hf_hub_download, snapshot_download
from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError, OfflineModeIsEnabled

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS_DIR = ROOT / "assets" / "weights"
ENV_SOURCE = "EXPLORABLES_WEIGHTS"
HUB_FILES = ("config.json", "model.safetensors")  # what the hub path fetches: never pytorch_model.bin


@dataclass(frozen=True)
class WeightsEntry:
    repo_id: str
    revision: str  # a pinned commit (or tag) on the hub
    description: str
    model_class: str = ""  # "module:Class", for tools that load every registered model

    def cls(self) -> type:
        module, name = self.model_class.split(":")
        return getattr(importlib.import_module(module), name)


# name -> where its weights live. A model is added here when its issue lands with a measured snapshot.
# The revision is the tag `python -m training.publish push` creates on the commit it uploads (REVISION).
REVISION = "v1"
REGISTRY: dict[str, WeightsEntry] = {
    "mnist-judge": WeightsEntry(
        "scientific-spaces-explorables/mnist-judge",
        REVISION,
        "MNIST classifier that judges digits",
        "models.mnist_judge:MnistJudge",
    ),
    "ogan-mnist": WeightsEntry(
        "scientific-spaces-explorables/ogan-mnist", REVISION, "O-GAN on MNIST: generator + encoder", "models.ogan:OGAN"
    ),
    "ogan-mnist-ablation": WeightsEntry(
        "scientific-spaces-explorables/ogan-mnist-ablation",
        REVISION,
        "The O-GAN's control: the same GAN trained without the correlation term",
        "models.ogan:OGAN",
    ),
    "gan-arch-mnist": WeightsEntry(
        "scientific-spaces-explorables/gan-arch-mnist",
        REVISION,
        "DCGAN, ResNet and SELF-MOD generators on MNIST, trained with one recipe",
        "models.gan_arch:GeneratorSet",
    ),
    "onlstm-peoples-daily": WeightsEntry(
        "scientific-spaces-explorables/onlstm-peoples-daily",
        REVISION,
        "Character-level ON-LSTM on the People's Daily 1998",
        "models.onlstm:CharLM",
    ),
    "onlstm-peoples-daily-reverse": WeightsEntry(
        "scientific-spaces-explorables/onlstm-peoples-daily-reverse",
        REVISION,
        "The same ON-LSTM reading each line right to left",
        "models.onlstm:CharLM",
    ),
    "lstm-peoples-daily": WeightsEntry(
        "scientific-spaces-explorables/lstm-peoples-daily",
        REVISION,
        "The ON-LSTM's baseline: a plain character LSTM of the same size",
        "models.onlstm:CharLM",
    ),
    "lstm-peoples-daily-reverse": WeightsEntry(
        "scientific-spaces-explorables/lstm-peoples-daily-reverse",
        REVISION,
        "The plain LSTM baseline reading each line right to left",
        "models.onlstm:CharLM",
    ),
    "iresnet-mnist": WeightsEntry(
        "scientific-spaces-explorables/iresnet-mnist",
        REVISION,
        "Invertible-ResNet flow on MNIST",
        "models.iresnet_mnist:MnistFlow",
    ),
    "iresnet-mnist-contrast": WeightsEntry(
        "scientific-spaces-explorables/iresnet-mnist-contrast",
        REVISION,
        "The same MNIST flow without the Lipschitz constraint",
        "models.iresnet_mnist:MnistFlow",
    ),
    "cln-reviews": WeightsEntry(
        "scientific-spaces-explorables/cln-reviews",
        REVISION,
        "Character Transformer with Conditional LayerNorm: reviews of a chosen sentiment",
        "models.cln:CondLM",
    ),
    "sentiment-judge": WeightsEntry(
        "scientific-spaces-explorables/sentiment-judge",
        REVISION,
        "Character n-gram TF-IDF + logistic regression: the independent judge of review sentiment",
        "models.sentiment_judge:SentimentJudge",
    ),
    "iresnet-toys": WeightsEntry(
        "scientific-spaces-explorables/iresnet-toys",
        REVISION,
        "i-ResNet flows on four 2-D toy densities",
        "models.iresnet:ToyFlows",
    ),
}


class WeightsUnavailable(RuntimeError):
    """Neither the bundled snapshot nor the hub could provide a model's weights."""


def bundled_dir(name: str) -> Path:
    return WEIGHTS_DIR / name


def source() -> str:
    """'bundled' (default: snapshot first, hub as fallback) or 'hub' (always the hub)."""
    value = os.environ.get(ENV_SOURCE, "bundled").strip().lower()
    if value not in ("bundled", "hub"):
        raise ValueError(f"{ENV_SOURCE} must be 'bundled' or 'hub', not {value!r}")
    return value


def load(cls: type[PyTorchModelHubMixin], name: str, registry: dict[str, WeightsEntry] | None = None):
    """Load model `name` as an instance of `cls` (in eval mode), from the bundled snapshot or the hub."""
    table = REGISTRY if registry is None else registry
    if name not in table:
        raise KeyError(f"unknown model {name!r}; known: {sorted(table)}")
    entry = table[name]
    local = bundled_dir(name)
    if source() == "bundled" and (local / "model.safetensors").is_file():
        return cls.from_pretrained(str(local), strict=True)
    try:
        folder = Path(snapshot_download(entry.repo_id, revision=entry.revision, allow_patterns=list(HUB_FILES)))
    except (LocalEntryNotFoundError, OfflineModeIsEnabled, HfHubHTTPError, OSError) as err:
        raise WeightsUnavailable(
            f"weights for {name!r} are neither bundled at {local} nor available from the hub repo "
            f"{entry.repo_id}@{entry.revision} ({type(err).__name__}: {err}). Restore the snapshot folder, "
            f"pre-download the repo into the Hugging Face cache, or run with network access."
        ) from err
    if not (folder / "model.safetensors").is_file():
        raise WeightsUnavailable(
            f"{entry.repo_id}@{entry.revision} has no model.safetensors; weights are loaded only from safetensors"
        )
    return cls.from_pretrained(str(folder), strict=True)


def _json(name: str, filename: str, registry: dict[str, WeightsEntry] | None) -> dict:
    table = REGISTRY if registry is None else registry
    entry, local = table[name], bundled_dir(name) / filename
    if source() == "bundled" and local.is_file():
        return json.loads(local.read_text())
    try:
        return json.loads(Path(hf_hub_download(entry.repo_id, filename, revision=entry.revision)).read_text())
    except (LocalEntryNotFoundError, OfflineModeIsEnabled, HfHubHTTPError, OSError) as err:
        raise WeightsUnavailable(f"{filename} of {name!r} is neither bundled nor in the hub cache ({err})") from err


def metrics(name: str, registry: dict[str, WeightsEntry] | None = None) -> dict:
    """The measured metrics.json of model `name`, resolved like its weights (bundled snapshot or the pinned hub file)."""
    return _json(name, "metrics.json", registry)


def config(name: str, registry: dict[str, WeightsEntry] | None = None) -> dict:
    """The config.json of model `name` (its constructor's arguments), resolved like its weights."""
    return _json(name, "config.json", registry)

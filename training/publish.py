"""Write a model snapshot in Hugging Face Hub format and, optionally, push it.

A snapshot folder holds exactly what `models.hub` loads and what the hub repo serves:
    config.json          the model's __init__ arguments (PyTorchModelHubMixin)
    model.safetensors    the weights (never pickle)
    metrics.json         written by the model's evaluation command
    README.md            the model card: data, command to reproduce, metrics, licence

Each training module calls `write_snapshot` from its `evaluate` command. Pushing:

    python -m training.publish push assets/weights/<name> --repo-id <user>/<repo> [--token ...]
    python -m training.publish check assets/weights/<name>
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from huggingface_hub import HfApi, ModelCard, ModelCardData
from safetensors import safe_open

from models.hub import REVISION

SNAPSHOT_FILES = ("config.json", "model.safetensors", "metrics.json", "README.md")

CARD_TEMPLATE = """---
{{ card_data }}
---

# {{ title }}

{{ summary }}

## Data

{{ data }}

## Reproduce

```bash
{{ command }}
```

## Metrics

Measured by the command above on a 2-core CPU; the same numbers are in `metrics.json`.

| metric | value |
|---|---|
{% for name, value in metrics.items() %}| {{ name }} | {{ value }} |
{% endfor %}

## Licence

{{ license_note }}
"""


@dataclass
class CardInfo:
    title: str
    summary: str  # what the model is, which article it serves, our own words
    data: str  # the training data, its split and licence
    command: str  # the exact command that trains and evaluates it
    license: str = "mit"
    license_note: str = "Code and weights: MIT. The training data keeps its own licence (see Data)."
    tags: list[str] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)


def _format(value: object) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def model_card(info: CardInfo, metrics: dict) -> ModelCard:
    data = ModelCardData(
        license=info.license,
        library_name="pytorch",
        tags=["scientific-spaces-explorables", "model_hub_mixin", *info.tags],
        datasets=info.datasets or None,
    )
    flat = {k: _format(v) for k, v in sorted(metrics.items()) if not isinstance(v, (dict, list))}  # as metrics.json
    return ModelCard.from_template(
        data,
        template_str=CARD_TEMPLATE,
        title=info.title,
        summary=info.summary,
        data=info.data,
        command=info.command,
        metrics=flat,
        license_note=info.license_note,
    )


def write_snapshot(model, out_dir: str | Path, metrics: dict, card: CardInfo) -> Path:
    """Save `model` (a PyTorchModelHubMixin) with its metrics and model card into `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)  # config.json + model.safetensors (+ a default card we overwrite)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n")
    model_card(card, metrics).save(out / "README.md")
    check_snapshot(out)
    return out


def rerender_card(folder: str | Path, card_of) -> Path:
    """Rewrite a snapshot's model card from its own metrics.json, with `card_of(metrics) -> CardInfo`."""
    folder = Path(folder)
    metrics = json.loads((folder / "metrics.json").read_text())
    model_card(card_of(metrics), metrics).save(folder / "README.md")
    print(f"wrote {folder / 'README.md'}")
    return folder / "README.md"


def check_snapshot(folder: str | Path) -> dict:
    """Raise ValueError unless `folder` is a complete snapshot; return its metrics."""
    folder = Path(folder)
    missing = [f for f in SNAPSHOT_FILES if not (folder / f).is_file()]
    if missing:
        raise ValueError(f"{folder} is not a complete snapshot: missing {', '.join(missing)}")
    pickles = [p.name for p in folder.iterdir() if p.suffix in (".bin", ".pt", ".pth", ".pkl", ".ckpt")]
    if pickles:
        raise ValueError(f"{folder} holds pickle-style weights ({', '.join(pickles)}); only safetensors is allowed")
    json.loads((folder / "config.json").read_text())
    with safe_open(str(folder / "model.safetensors"), framework="pt") as f:
        if not list(f.keys()):
            raise ValueError(f"{folder}/model.safetensors holds no tensors")
    return json.loads((folder / "metrics.json").read_text())


def push(folder: str | Path, repo_id: str, token: str | None = None, private: bool = False, tag: str = REVISION) -> str:
    """Create (if needed) the model repo, upload the snapshot as one commit and tag it `tag` (the revision
    models/hub.py pins); return the commit id."""
    check_snapshot(folder)
    api = HfApi(token=token)
    api.create_repo(repo_id=repo_id, repo_type="model", private=private, exist_ok=True)
    info = api.upload_folder(
        folder_path=str(folder),
        repo_id=repo_id,
        repo_type="model",
        allow_patterns=list(SNAPSHOT_FILES),
        commit_message=f"Upload snapshot from {Path(folder).name}",
    )
    commit = getattr(info, "oid", None) or str(info)
    api.create_tag(repo_id, tag=tag, revision=commit, repo_type="model", exist_ok=False)
    return commit


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m training.publish", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="verify a snapshot folder and print its metrics")
    check.add_argument("folder")
    up = sub.add_parser("push", help="upload a snapshot folder to the hub (needs a token with write access)")
    up.add_argument("folder")
    up.add_argument("--repo-id", required=True)
    up.add_argument("--token", default=None, help="defaults to the HF_TOKEN environment variable or cached login")
    up.add_argument("--private", action="store_true")
    up.add_argument("--tag", default=REVISION, help="the tag to create on the uploaded commit (the pinned revision)")
    args = parser.parse_args(argv)
    if args.command == "check":
        print(json.dumps(check_snapshot(args.folder), indent=2))
    else:
        commit = push(args.folder, args.repo_id, args.token, args.private, args.tag)
        print(f"pushed {args.folder} to {args.repo_id} at commit {commit}, tagged {args.tag} (pinned in models/hub.py)")


if __name__ == "__main__":
    main()

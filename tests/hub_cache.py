"""Seed a Hugging Face cache folder from snapshot files, exactly as `hf_hub_download` lays it out, so the real hub
code path can be exercised offline: blobs/<sha256>, snapshots/<commit>/<file> -> ../../blobs/<sha256>, refs/<rev>."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path


def seed_hub_cache(src: Path, repo_id: str, cache_dir: Path, revision: str = "main") -> str:
    """Copy every file of `src` into the cache as repo `repo_id`; return the (synthetic) commit id."""
    repo_dir = cache_dir / ("models--" + repo_id.replace("/", "--"))
    files = sorted(p for p in src.rglob("*") if p.is_file())
    commit = hashlib.sha1(b"".join(p.read_bytes() for p in files)).hexdigest()
    snapshot = repo_dir / "snapshots" / commit
    for f in files:
        blob = repo_dir / "blobs" / hashlib.sha256(f.read_bytes()).hexdigest()
        blob.parent.mkdir(parents=True, exist_ok=True)
        if not blob.exists():
            shutil.copyfile(f, blob)
        link = snapshot / f.relative_to(src)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(os.path.relpath(blob, link.parent))
    (repo_dir / "refs").mkdir(parents=True, exist_ok=True)
    (repo_dir / "refs" / revision).write_text(commit)
    return commit

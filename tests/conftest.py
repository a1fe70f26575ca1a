"""Test set-up. The environment is fixed here, at import time, before gradio or huggingface_hub is imported:
analytics off, the hub offline (a cache miss online stalls ~23 s on a closed network), temp and example-cache dirs
private to this run. One app is launched per test session and shared by the API and browser tests."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TMP = Path(tempfile.mkdtemp(prefix="explorables-tests-"))
os.environ.update(
    GRADIO_ANALYTICS_ENABLED="False",
    HF_HUB_OFFLINE="1",
    HF_HUB_DISABLE_TELEMETRY="1",
    GRADIO_TEMP_DIR=str(_TMP / "gradio"),
    GRADIO_EXAMPLES_CACHE=str(_TMP / "examples"),
)
os.environ.pop("EXPLORABLES_WEIGHTS", None)
sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
from support import free_port  # noqa: E402


@pytest.fixture(scope="session")
def app_url():
    """The real app, launched once in this process with its theme, CSS and translations."""
    import app

    _, url, _ = app.demo.launch(
        prevent_thread_lock=True, quiet=True, server_name="127.0.0.1", server_port=free_port(), **app.launch_kwargs()
    )
    yield url.rstrip("/")
    app.demo.close()


@pytest.fixture(scope="session")
def client(app_url):
    from gradio_client import Client

    c = Client(app_url, verbose=False, download_files=False)
    yield c
    c.close()

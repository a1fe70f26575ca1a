"""demos/guide.py: the Guide is generated from the running app and the shipped snapshots, so it stays true."""

from __future__ import annotations

from demos import guide
from demos.tabs import SHOWN
from models import hub


def test_api_section_has_one_call_per_public_endpoint():
    import app

    text = guide.api_md.value
    public = {f"/{f.api_name}" for f in app.demo.fns.values() if f.api_visibility == "public"}
    assert {line.split("`")[1] for line in text.splitlines() if line.startswith("#### ")} == public


def test_weights_section_lists_every_model_with_its_reproduce_command():
    text = guide.describe_weights()
    for name, entry in hub.REGISTRY.items():
        assert entry.repo_id in text
        assert guide._reproduce_command(name).splitlines()[0] in text
        assert "python -m training." in guide._reproduce_command(name)


def test_citations_cover_every_shown_tab():
    text = guide.describe_citations()
    assert text.count("https://kexue.fm/archives/") == len(SHOWN)

"""demos/guide.py: the Guide is generated from the running app and the shipped snapshots, so it stays true."""

from __future__ import annotations

from demos import guide
from demos.tabs import SHOWN
from models import hub


def page(host: str = "", language: str = "en-US"):
    """A stand-in for gr.Request: the headers the Guide reads."""
    headers = {"accept-language": language, **({"host": host} if host else {})}
    return type("Request", (), {"headers": headers})()


def test_api_section_has_one_call_per_public_endpoint():
    import app

    text = guide.api_for_page(page())
    public = {f"/{f.api_name}" for f in app.demo.fns.values() if f.api_visibility == "public"}
    assert {line.split("`")[1] for line in text.splitlines() if line.startswith("#### ")} == public


def test_the_snippets_use_the_address_the_page_came_from():
    import app  # noqa: F401 (the whole app's endpoints)

    text = guide.api_for_page(page("explorables.example.org:8080"))
    assert 'Client("http://explorables.example.org:8080")' in text
    proxied = type("Request", (), {"headers": {"host": "x.hf.space", "x-forwarded-proto": "https"}})()
    assert 'Client("https://x.hf.space")' in guide.api_for_page(proxied)


def test_the_chinese_page_describes_every_endpoint_in_chinese():
    import app

    text = guide.api_for_page(page(language="zh-CN,zh;q=0.9"))
    public = {f"/{f.api_name}" for f in app.demo.fns.values() if f.api_visibility == "public"}
    assert set(guide.API_ZH) == public
    assert all(summary in text for summary in guide.API_ZH.values()) and "返回" in text and "Returns" not in text


def test_weights_section_lists_every_model_with_its_reproduce_command():
    text = guide.describe_weights()
    for name, entry in hub.REGISTRY.items():
        assert entry.repo_id in text
        assert guide._reproduce_command(name).splitlines()[0] in text
        assert "python -m training." in guide._reproduce_command(name)


def test_citations_cover_every_shown_tab():
    text = guide.describe_citations()
    assert text.count("https://kexue.fm/archives/") == len(SHOWN)

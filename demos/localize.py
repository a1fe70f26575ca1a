"""Server-drawn text (figure labels, table headers) in the page's language, from a table of (English, Chinese)
pairs: the one lookup every tab's `<tab>_text.py` shares."""

from __future__ import annotations

from collections.abc import Callable


def in_language(table: dict[str, tuple[str, str]], key: str, lang: str, **values) -> str:
    en, zh = table[key]
    chosen = zh if lang == "zh" else en
    return chosen.format(**values) if values else chosen


def lookup(table: dict[str, tuple[str, str]]) -> Callable[..., str]:
    """`view(key, lang, **values)` over `table`."""
    return lambda key, lang, **values: in_language(table, key, lang, **values)

"""Every user-facing string, in English and Chinese, behind prefixed keys (a bare key such as `plot` collides with
gradio's own translation namespaces). Each tab keeps its strings side by side in its own `<tab>_text.py`; this module
merges them. The browser locale picks the language; `I18N` is passed to `launch()`."""

from __future__ import annotations

import gradio as gr

from demos import (
    cln_text,
    gan_arch_text,
    guide_text,
    iresnet_text,
    ogan_text,
    onlstm_text,
    shared_text,
    smooth_text,
    terms_text,
)

EN: dict[str, str] = {}
ZH: dict[str, str] = {}
for _module in (
    shared_text,
    ogan_text,
    gan_arch_text,
    iresnet_text,
    onlstm_text,
    cln_text,
    smooth_text,
    terms_text,
    guide_text,
):
    for _key, (_en, _zh) in _module.STRINGS.items():
        EN[_key], ZH[_key] = _en, _zh

I18N = gr.I18n(en=EN, zh=ZH, **{"zh-CN": ZH})

"""Conditional LayerNorm tab (kexue.fm/archives/7124): reviews of a chosen sentiment, or any mix of the two, streamed
character by character and judged by an independent classifier; the measured table; one vector through LN and CLN.

Runs alone: `python -m demos.cln`.
"""

from __future__ import annotations

import math
import unicodedata

import gradio as gr

from demos import cln_views as views
from demos.common import article_header, lazy, markdown, model_queue, page_language, quote
from demos.errors import error
from demos.i18n import I18N
from demos.opening import link, on_open
from models import hub
from models.cln_settings import Settings


def _load_model():
    from models.cln import CondLM  # torch loads on the background thread, after the page is served

    return hub.load(CondLM, "cln-reviews").float().requires_grad_(False)


def _load_judge():
    from models.sentiment_judge import SentimentJudge

    return hub.load(SentimentJudge, "sentiment-judge").float().requires_grad_(False)


MODEL, JUDGE = lazy(_load_model), lazy(_load_judge)
QUEUE = model_queue("cln")
MAX_SAMPLES, LENGTH, TEMPERATURE, TOP_P, CONTRAST, MAX_PREFIX = 16, (8, 120), (0.1, 2.0), (0.05, 1.0), (0, 3), 32
STREAM_EVERY = 4  # characters between two updates of the page
DEFAULT = Settings()
MECH_TEXT = "这家酒店的服务"
API_EXAMPLES = {
    "/cln_generate": {"alpha": "1.0", "samples": "4", "length": "64", "seed": "0", "contrast": "1.0"},
    "/cln_mechanics": {"text": f"'{MECH_TEXT}'", "alpha": "1.0", "scale": "1.0", "layer": "8"},
}
NAMES = {  # (English, Chinese) names of the inputs, for error messages
    "alpha": ("The mix α", "混合系数 α"),
    "samples": ("The number of samples", "样本数"),
    "length": ("The length", "长度"),
    "temperature": ("The temperature", "温度"),
    "top_p": ("Top-p", "Top-p"),
    "contrast": ("The contrast w", "对比系数 w"),
    "seed": ("The seed", "随机种子"),
    "prefix": ("The prefix", "开头"),
    "text": ("The text", "文本"),
    "scale": ("The scale", "缩放系数"),
    "layer": ("The norm", "归一化层"),
}


def _number(value, key: str, low: float, high: float, integer: bool = False) -> float:
    """A finite number in [low, high] (a whole one if `integer`), or a bilingual gr.Error."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = math.nan
    if not math.isfinite(v) or not low <= v <= high or (integer and v != int(v)):
        show = (lambda b: str(int(b))) if integer else (lambda b: f"{b:g}")
        raise error("integer" if integer else "range", NAMES[key], low=show(low), high=show(high), value=quote(value))
    return int(v) if integer else v


def _text(value, key: str, model) -> str:
    """NFKC-normalised text (the training text was) of at most MAX_PREFIX characters the model knows."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise error("text", NAMES[key], kind=type(value).__name__)
    value = " ".join(unicodedata.normalize("NFKC", value).split())
    if len(value) > MAX_PREFIX:
        raise error("long", NAMES[key], n=len(value), limit=MAX_PREFIX)
    unknown = sorted({ch for ch in value if ch not in model.index})
    if unknown:
        raise error("unknown_chars", NAMES[key], chars=quote(" ".join(unknown), 40))
    return value


def cln_generate(
    alpha=1.0,
    samples=4,
    length=64,
    temperature=1.0,
    top_p=1.0,
    seed=0,
    prefix="",
    contrast=1.0,
    request: gr.Request = None,
):
    """Sample reviews of a sentiment (or a mix of the two) and judge each one; streams while it generates.

    Args:
        alpha: the condition's mix, 0 (negative) to 1 (positive).
        samples: how many reviews, 1..16.
        length: new characters at most, 8..120 (a review also ends at its own line break).
        temperature: 0.1..2. top_p: nucleus sampling, 0.05..1. seed: 0..2**31-1, the same seed gives the same text.
        prefix: optional text to continue, up to 32 characters the model knows.
        contrast: w, 0..3: sample from l(α) + w·(l(α) − l(1 − α)); 0 is the conditional model alone.
    Returns:
        The samples as HTML cards, a summary line, and JSON: settings, and per sample its text and the judge's
        P(positive).
    """
    from models.cln_sampling import stream

    model, lang = MODEL.get(), page_language(request)
    s = Settings(
        alpha=_number(alpha, "alpha", 0, 1),
        samples=_number(samples, "samples", 1, MAX_SAMPLES, integer=True),
        length=_number(length, "length", *LENGTH, integer=True),
        temperature=_number(temperature, "temperature", *TEMPERATURE),
        top_p=_number(top_p, "top_p", *TOP_P),
        seed=_number(seed, "seed", 0, 2**31 - 1, integer=True),
        prefix=_text(prefix, "prefix", model),
        contrast=_number(contrast, "contrast", *CONTRAST),
    )
    ids: list[list[int]] = [[] for _ in range(s.samples)]
    for step, ids in enumerate(stream(model, s)):
        if step % STREAM_EVERY == 0:
            yield views.cards([s.prefix + model.decode(x) for x in ids], None, lang), "", None
    texts = [s.prefix + model.decode(x) for x in ids]
    positive = JUDGE.get().positive(texts)
    result = {
        "settings": s.__dict__,
        "samples": [{"text": t, "p_positive": round(p, 4)} for t, p in zip(texts, positive, strict=True)],
        "mean_p_positive": round(sum(positive) / len(positive), 4),
    }
    yield views.cards(texts, positive, lang), views.summary(positive, s.alpha, s.seed, lang), result


def cln_mechanics(text=MECH_TEXT, alpha=1.0, scale=1.0, layer=8, request: gr.Request = None):
    """One hidden vector through LayerNorm and Conditional LayerNorm.

    Args:
        text: 1..32 characters the model reads; the vector is the one at its last character.
        alpha: the condition's mix, 0..1. scale: multiplies W_γ and W_β, 0 (plain LN) .. 1 (trained CLN).
        layer: which norm, 0..8 (2k and 2k+1: before attention and before the MLP of block k+1; 8: the final norm).
    Returns:
        A figure of γ(c), β(c) and the norm's output, the next-character table, a line with the KL divergence to
        plain LN, and the numbers as JSON.
    """
    from models.cln_mechanics import mechanics, norms

    model, lang = MODEL.get(), page_language(request)
    text = _text(text, "text", model)
    alpha, scale = _number(alpha, "alpha", 0, 1), _number(scale, "scale", 0, 1)
    layer = _number(layer, "layer", 0, len(norms(model)) - 1, integer=True)
    m = mechanics(model, text, alpha, scale, layer)
    kl = views.text("kl", lang, scale=f"{scale:g}", kl=f"{m['kl_to_plain']:.4f}")
    table = {"headers": views.next_headers(lang), "data": views.next_table(m, lang)}
    return views.mechanics_figure(m, layer, lang), table, kl, m


def cln_results(request: gr.Request = None):
    """The measured table and the mixing curves, from the snapshot's metrics.json."""
    lang, metrics = page_language(request), hub.metrics("cln-reviews")
    return views.results_markdown(metrics, lang), views.mix_figure(metrics, lang)


with gr.Blocks() as demo:
    article_header("cln", "cln.summary")
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300):
            sentiment = gr.Radio(
                [(I18N("cln.negative"), 0.0), (I18N("cln.positive"), 1.0)],
                value=1.0,
                label=I18N("cln.sentiment"),
                elem_id="cln-sentiment",
            )
            alpha = gr.Slider(0, 1, value=DEFAULT.alpha, step=0.05, label=I18N("cln.alpha"), elem_id="cln-alpha")
            with gr.Row():
                samples = gr.Slider(1, MAX_SAMPLES, value=DEFAULT.samples, step=1, label=I18N("cln.samples"))
                length = gr.Slider(*LENGTH, value=DEFAULT.length, step=1, label=I18N("cln.length"))
            with gr.Row():
                temperature = gr.Slider(
                    *TEMPERATURE, value=DEFAULT.temperature, step=0.05, label=I18N("cln.temperature")
                )
                top_p = gr.Slider(*TOP_P, value=DEFAULT.top_p, step=0.05, label=I18N("cln.top_p"))
            contrast = gr.Slider(
                *CONTRAST,
                value=DEFAULT.contrast,
                step=0.1,
                label=I18N("cln.contrast"),
                info=I18N("cln.contrast_info"),
                elem_id="cln-contrast",
            )
            with gr.Row():
                seed = gr.Number(DEFAULT.seed, precision=0, label=I18N("cln.seed"), elem_id="cln-seed")
                prefix = gr.Textbox("", label=I18N("cln.prefix"), max_length=MAX_PREFIX, elem_id="cln-prefix")
            with gr.Row():
                generate = gr.Button(I18N("cln.generate"), variant="primary", elem_id="cln-generate")
                stop = gr.Button(I18N("cln.stop"), variant="stop", elem_id="cln-stop")
        with gr.Column(scale=3, min_width=360):
            cards = gr.HTML(label=I18N("cln.output"), elem_id="cln-cards")
            batch_summary = gr.Markdown(elem_id="cln-summary")
            result = gr.JSON(visible=False)
    sentiment.input(None, sentiment, alpha, js="(v) => v")
    gen_io = ([alpha, samples, length, temperature, top_p, seed, prefix, contrast], [cards, batch_summary, result])
    event = gr.on([generate.click, prefix.submit], cln_generate, *gen_io, api_name="cln_generate", **QUEUE)
    stop.click(None, cancels=[event])
    link(alpha=alpha, n=samples, length=length, T=temperature, top_p=top_p, seed=seed, prefix=prefix, contrast=contrast)
    on_open(demo, cln_generate, *gen_io, "cln_generate", **QUEUE)

    gr.Markdown(I18N("cln.results_title"), elem_classes="section-title")
    with gr.Row(equal_height=False):
        results = gr.Markdown(elem_id="cln-results")
        mix_plot = gr.Plot(label=I18N("cln.mix_plot"), show_label=False, elem_id="cln-mix")
    on_open(demo, cln_results, None, [results, mix_plot], "cln_results", queue=False)

    gr.Markdown(I18N("cln.mech_title"), elem_classes="section-title")
    markdown(I18N("cln.mech_intro"))
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300):
            mech_text = gr.Textbox(MECH_TEXT, label=I18N("cln.mech_text"), max_length=MAX_PREFIX)
            mech_alpha = gr.Slider(0, 1, value=1.0, step=0.05, label=I18N("cln.alpha"))
            scale = gr.Slider(0, 1, value=1.0, step=0.05, label=I18N("cln.mech_scale"), elem_id="cln-scale")
            layer = gr.Slider(0, 8, value=8, step=1, label=I18N("cln.mech_layer"))
            show = gr.Button(I18N("cln.mech_run"), elem_id="cln-mech-run")
            kl = gr.Markdown(elem_id="cln-kl")
            next_chars = gr.Dataframe(label=I18N("cln.mech_next"), interactive=False, elem_id="cln-next")
        with gr.Column(scale=3, min_width=360):
            mech_plot = gr.Plot(label=I18N("cln.mech_plot"), show_label=False, elem_id="cln-mech-plot")
            mech_json = gr.JSON(visible=False)
    mech_io = ([mech_text, mech_alpha, scale, layer], [mech_plot, next_chars, kl, mech_json])
    gr.on(
        [show.click, scale.release, layer.release, mech_alpha.release],
        cln_mechanics,
        *mech_io,
        api_name="cln_mechanics",
        trigger_mode="always_last",
        **QUEUE,
    )
    link(text=mech_text, mix=mech_alpha, scale=scale, layer=layer)
    on_open(demo, cln_mechanics, *mech_io, "cln_mechanics", **QUEUE)

if __name__ == "__main__":
    from demos.common import launch_kwargs

    for item in (MODEL, JUDGE):
        item.start()
    demo.launch(**launch_kwargs())

"""ON-LSTM tab (kexue.fm/archives/6621): type a Chinese sentence, read the tree a character-level ON-LSTM induces
from its master gates, the distances, the words at a chosen granularity, and the gates themselves.

Runs alone: `python -m demos.onlstm`.
"""

from __future__ import annotations

import json
import re
import unicodedata

import gradio as gr
import numpy as np
import plotly.graph_objects as go

from demos.common import ASSETS, article_header, lazy, markdown, model_queue, page_language, parse_number
from demos.errors import error
from demos.i18n import EN, I18N, ZH
from demos.onlstm_results import results_markdown
from demos.onlstm_text import view
from demos.onlstm_views import highlight, integer_picture, signal_plot, tree_svg
from demos.opening import link, on_open
from models import hub
from models.onlstm_parse import Combination, Rule, build_tree, depth_cuts, pieces, split_until_short
from models.segmentation import boundary_f1, f1, word_spans

MAX_SENTENCE, MAX_TEXT = 200, 2000  # characters: longer text is split into sentences; beyond MAX_TEXT it is refused
MAX_LEN_CHOICES = 8
N_LAYERS = 3  # the shipped models have three layers (the choices of the tree source)
EXAMPLES = json.loads((ASSETS / "examples" / "onlstm" / "test_lines.json").read_text(encoding="utf-8"))
ARTICLE_SENTENCES = ["苹果的颜色是什么", "爱真的需要勇气"]
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
API_EXAMPLES = {"/onlstm_parse": {"text": "'苹果的颜色是什么'"}, "/onlstm_gates": {"text": "'爱真的需要勇气'"}}


def _load(name: str = "onlstm-peoples-daily"):
    from models.onlstm import CharLM

    return hub.load(CharLM, name).requires_grad_(False)


MODEL = lazy(_load)
REVERSE = lazy(lambda: _load("onlstm-peoples-daily-reverse"))  # reads right to left: the "both directions" source
QUEUE = model_queue("onlstm")


def validated_rule() -> dict:
    """The rule stored with the bundled snapshot (for the UI's defaults before the model is loaded)."""
    try:
        rule = hub.config("onlstm-peoples-daily").get("rule")
    except hub.WeightsUnavailable:
        rule = None
    return rule or {"layer": 2, "direction": "end", "max_len": 2}


# ---------------------------------------------------------------- helpers


def sentences(text) -> list[str]:
    """Validate the input and split it into sentences of at most MAX_SENTENCE characters (control characters go)."""
    if not isinstance(text, str):
        raise error("sentence_type", kind=type(text).__name__)
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")
    if not text.strip():
        raise error("sentence_empty")
    if len(text) > MAX_TEXT:
        raise error("sentence_long", n=len(text), limit=MAX_TEXT, each=MAX_SENTENCE)
    out = []
    for piece in _SENTENCE_END.split(text):
        piece = piece.strip()
        out += [piece[i : i + MAX_SENTENCE] for i in range(0, len(piece), MAX_SENTENCE)]
    return out


FORWARD, BOTH = "forward", "both"  # tree sources: the validated gap score of the forward model, or of both models


def _source(model, layer) -> str | int:
    """FORWARD (default, or empty): the forward model's validated gap score; BOTH: the validated gap score of both
    reading directions; a number: that forward layer's distances alone."""
    if layer is None or layer in ("", FORWARD, BOTH):
        return layer or FORWARD
    return int(parse_number(layer, "Layer", 0, model.n_layers - 1, integer=True))


def _direction(model, layer: int) -> str:
    return model.rule["directions"][layer]


def _read(model, parts: list[str]) -> list[dict]:
    unknown = sum(ch not in model.index for s in parts for ch in s) / max(1, sum(map(len, parts)))
    if unknown > 0.5:
        gr.Warning(
            f"{unknown:.0%} of the characters are outside the model's vocabulary (it read Chinese news): "
            "the tree below says little."
        )
    return model.read(parts)


def _gold_score(gold, parts: list[str], words: list[list[str]], lang: str = "en") -> tuple[list, str, dict | None]:
    """Optional gold segmentation (words separated by spaces) of the same text -> highlight, a line, scores."""
    if not isinstance(gold, str) or not gold.strip():
        return [], "", None
    gold_words = gold.split()
    if "".join(gold_words) != "".join(parts):
        return [], view("gold_mismatch", lang), None
    predicted = [w for ws in words for w in ws]
    spans_gold, spans_pred = word_spans([gold_words]), word_spans([predicted])
    scores = {**f1(spans_gold, spans_pred), "boundary_f1": boundary_f1(spans_gold, spans_pred)["f1"]}
    line = view("gold_line", lang, p=scores["precision"], r=scores["recall"], f=scores["f1"], b=scores["boundary_f1"])
    return highlight([gold_words]), line, {k: round(v, 4) for k, v in scores.items()}


# ---------------------------------------------------------------- endpoints


def onlstm_parse(text, max_len=None, layer=None, gold="", request: gr.Request = None):
    """Induce a binary tree and word boundaries for each sentence from the ON-LSTM's master gates.

    Args:
        text: Chinese text, at most 2000 characters; split into sentences of at most 200 characters.
        max_len: granularity: split top-down until pieces have at most this many characters (1-8); empty = the rule
            chosen on the validation lines.
        layer: "forward" (default) = the validated gap score, a weighted sum of the forward model's standardised layer
            distances and input levels; "both" = the validated gap score of the forward and the right-to-left model;
            "0", "1", "2" = that forward layer's distances alone.
        gold: optional gold segmentation of the same text, words separated by spaces, to score against.
    Returns:
        Tree drawings (HTML), the gap scores (or the layer's distances) as a bar chart, the words, the gold words (if
        given), a score line, and JSON: per sentence the tree (nested lists), the gap scores, the distances and input
        levels of every layer (of the reverse model too with "both"), and the words for every max_len and for the
        tree cut at depths 1-6.
    """
    lang = page_language(request)
    from models.onlstm import as_signals

    model = MODEL.get()
    parts = sentences(text)
    source = _source(model, layer)
    m = model.rule["max_len"] if max_len in (None, "") else parse_number(max_len, "Granularity", 1, 8, integer=True)
    if isinstance(source, int):
        rule = Rule(source, _direction(model, source), m)
    else:
        validated = model.rule["two_way"] if source == BOTH else model.rule
        rule = Combination(Combination.from_dict(validated).terms, m)
    signals = {"forward": _read(model, parts)}
    if source == BOTH:
        signals["reverse"] = REVERSE.get().read(parts)
    svgs, words, cuts, shown, out = [], [], [], [], []
    for i, s in enumerate(parts):
        sig = {reader: as_signals(signals[reader][i]) for reader in signals}
        gaps = rule.gaps(sig["forward"]) if isinstance(source, int) else rule.gaps(sig)
        tree = build_tree(list(s), gaps)
        c = split_until_short(gaps, m)
        svgs.append(tree_svg(tree))
        words.append(pieces(s, c))
        cuts.append(c)
        shown.append(sig["forward"]["distances"][source] if isinstance(source, int) else _relative(gaps))
        signal_lists = {
            f"{prefix}{key}": [[round(float(v), 4) for v in d] for d in sig[reader][key]]
            for reader, prefix in (("forward", ""), ("reverse", "reverse_"))
            if reader in sig
            for key in ("distances", "input_levels")
        }
        out.append(
            {
                "text": s,
                "tree": tree,
                "gap_scores": [round(float(v), 4) for v in gaps],
                **signal_lists,
                "words_by_max_len": {
                    str(n): pieces(s, split_until_short(gaps, n)) for n in range(1, MAX_LEN_CHOICES + 1)
                },
                "words_by_depth": {str(n): pieces(s, sorted(depth_cuts(tree, n))) for n in range(1, 7)},
            }
        )
    gold_hl, gold_line, gold_scores = _gold_score(gold, parts, words, lang)
    used = vars(rule) if isinstance(source, int) else rule.to_dict()
    result = {
        "source": source,
        "rule": used,
        "validated_rule": model.rule,
        "sentences": out,
        "gold_scores": gold_scores,
    }
    trees = '<div class="onlstm-trees">' + "".join(svgs) + "</div>"
    title = view("distance_layer", lang, layer=source) if isinstance(source, int) else view("gap_score", lang)
    return trees, signal_plot(parts, shown, cuts, title), highlight(words), gold_hl, gold_line, result


def _relative(gaps: list[float]) -> np.ndarray:
    """Gap scores shifted so the lowest real gap is 0 (only their order matters); the first character has no gap."""
    g = np.array(gaps)
    return np.concatenate([[0.0], g[1:] - g[1:].min()]) if len(g) > 1 else np.zeros(len(g))


def onlstm_gates(text, layer=None, request: gr.Request = None):
    """The master forget and input gates of one layer for each character of the first sentence, and every layer's
    distances and input levels.

    Args:
        text: Chinese text (the first sentence, at most 200 characters, is shown).
        layer: "0", "1", "2" = that forward layer (0 = bottom); "forward" or "both" = the forward layer that segments
            best alone.
    Returns:
        Two heat-maps (levels x characters: the master forget gate f̃ above, the master input gate ĩ below), box plots
        of the distances and input levels per layer of both models (→ forward, ← reverse) for this text, and JSON
        with the gates.
    """
    lang = page_language(request)
    from plotly.subplots import make_subplots

    from models.onlstm import as_signals

    model = MODEL.get()
    s = sentences(text)[0]
    k = _source(model, layer)
    k = k if isinstance(k, int) else model.rule["layer"]
    r = _read(model, [s])[0]
    gates, input_gates = r["gates"][k].numpy(), r["input_gates"][k].numpy()  # (T, L) each
    heat = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08, subplot_titles=("f̃", "ĩ"))
    for row, g in ((1, gates), (2, input_gates)):
        heat.add_trace(go.Heatmap(z=g.T, colorscale="Viridis", zmin=0, zmax=1, showscale=row == 1), row=row, col=1)
        heat.update_yaxes(title_text=view("level", lang), row=row, col=1)
    heat.update_layout(height=420, margin=dict(l=50, r=10, t=30, b=40))
    heat.update_xaxes(tickmode="array", tickvals=list(range(len(s))), ticktext=list(s), tickangle=0)
    box = make_subplots(rows=1, cols=2, subplot_titles=("d = 1 − mean(f̃)", "e = mean(ĩ)"))
    for arrow, read in (("→", r), ("←", REVERSE.get().read([s])[0])):  # the forward model, then the reverse one
        sig = as_signals(read)
        for col, key in ((1, "distances"), (2, "input_levels")):
            for j, d in enumerate(sig[key]):
                box.add_trace(go.Box(y=d, name=f"{arrow} {j}", boxpoints="all", jitter=0.3), row=1, col=col)
    box.update_layout(height=320, margin=dict(l=50, r=10, t=30, b=40), showlegend=False)
    result = {
        "text": s,
        "layer": k,
        "levels": gates.shape[1],
        "gates": np.round(gates, 4).tolist(),
        "input_gates": np.round(input_gates, 4).tolist(),
    }
    return heat, box, result


def _pick_example(label):
    for e in EXAMPLES:
        if e["text"] == label:
            return e["text"], " ".join(e["gold"])
    return (label, "") if label else (gr.skip(), gr.skip())


RULE = validated_rule()

EN["onlstm.results"], ZH["onlstm.results"] = results_markdown("en"), results_markdown("zh")


with gr.Blocks() as demo:
    article_header("onlstm", "onlstm.summary")
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=320):
            text = gr.Textbox(
                value=ARTICLE_SENTENCES[0], label=I18N("onlstm.text"), lines=2, max_lines=6, elem_id="onlstm-text"
            )
            example = gr.Dropdown(
                ARTICLE_SENTENCES + [e["text"] for e in EXAMPLES],
                value=None,
                label=I18N("onlstm.example"),
                elem_id="onlstm-example",
            )
            gold = gr.Textbox("", label=I18N("onlstm.gold"), lines=1, max_lines=4, elem_id="onlstm-gold")
        with gr.Column(scale=1, min_width=240):
            max_len = gr.Slider(1, MAX_LEN_CHOICES, value=RULE["max_len"], step=1, label=I18N("onlstm.max_len"))
            layer = gr.Radio(
                [(I18N("onlstm.source.forward"), FORWARD), (I18N("onlstm.source.both"), BOTH)]
                + [(I18N(f"onlstm.source.{k}"), str(k)) for k in range(N_LAYERS)],
                value=FORWARD,
                label=I18N("onlstm.layer"),
                elem_id="onlstm-layer",
            )
            parse = gr.Button(I18N("onlstm.parse"), variant="primary", elem_id="onlstm-parse")
    trees = gr.HTML(elem_id="onlstm-trees")
    words = gr.HighlightedText(
        label=I18N("onlstm.words"),
        color_map={"word": "#bfdbfe", "next": "#fde68a"},
        show_legend=False,
        show_inline_category=False,
        combine_adjacent=False,
        elem_id="onlstm-words",
    )
    gold_words = gr.HighlightedText(
        label=I18N("onlstm.gold_words"),
        color_map={"word": "#bbf7d0", "next": "#fbcfe8"},
        show_legend=False,
        show_inline_category=False,
        combine_adjacent=False,
    )
    gold_line = gr.Markdown(elem_id="onlstm-gold-score")
    distances = gr.Plot(label=I18N("onlstm.distances"))
    parse_json = gr.JSON(visible=False)
    parse_inputs, parse_outputs = (
        [text, max_len, layer, gold],
        [trees, distances, words, gold_words, gold_line, parse_json],
    )
    gr.on([parse.click, text.submit], onlstm_parse, parse_inputs, parse_outputs, api_name="onlstm_parse", **QUEUE)
    link(text=text, max_len=max_len, layer=layer)
    on_open(demo, onlstm_parse, parse_inputs, parse_outputs, "onlstm_parse", **QUEUE)
    max_len.release(
        onlstm_parse, parse_inputs, parse_outputs, api_name="onlstm_regranulate", api_visibility="private", **QUEUE
    )
    example.select(_pick_example, example, [text, gold], api_name="onlstm_example", api_visibility="private").then(
        onlstm_parse, parse_inputs, parse_outputs, api_name="onlstm_example_parse", api_visibility="private", **QUEUE
    )

    gr.Markdown(I18N("onlstm.results_title"), elem_classes="section-title")
    gr.Markdown(I18N("onlstm.results"), elem_id="onlstm-results")

    gr.Markdown(I18N("onlstm.gates_title"), elem_classes="section-title")
    markdown(I18N("onlstm.gates_intro"))
    show_gates = gr.Button(I18N("onlstm.show_gates"), elem_id="onlstm-show-gates")
    with gr.Row(equal_height=False):
        heat = gr.Plot(label=I18N("onlstm.heat"), elem_id="onlstm-heat")
        box = gr.Plot(label=I18N("onlstm.box"))
    gates_json = gr.JSON(visible=False)
    gates_io = ([text, layer], [heat, box, gates_json])
    show_gates.click(onlstm_gates, *gates_io, api_name="onlstm_gates", **QUEUE)
    on_open(demo, onlstm_gates, *gates_io, "onlstm_gates", **QUEUE)

    gr.Markdown(I18N("onlstm.integer_title"), elem_classes="section-title")
    markdown(I18N("onlstm.integer_intro"))
    with gr.Row():
        d_f = gr.Slider(1, 16, value=5, step=1, label="d_f")
        d_i = gr.Slider(1, 16, value=11, step=1, label="d_i")
    strip = gr.HTML(integer_picture(5, 11), elem_id="onlstm-strip")
    markdown(I18N("onlstm.integer_legend"))
    gr.on(
        [d_f.change, d_i.change],
        integer_picture,
        [d_f, d_i],
        strip,
        api_name="onlstm_integer_picture",
        api_visibility="private",
        queue=False,
    )

if __name__ == "__main__":
    from demos.common import launch_kwargs

    MODEL.start()
    REVERSE.start()
    demo.launch(**launch_kwargs())

"""Term-mining tab (kexue.fm/archives/6540): paste or upload a text, discover its words and domain terms without a
dictionary, see them ranked against general language, highlighted in the text, and download them as CSV.

Runs alone: `python -m demos.terms`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import gradio as gr
import numpy as np

from demos.common import (
    ASSETS,
    article_header,
    markdown,
    model_queue,
    page_language,
    parse_number,
    quote,
    scratch_file,
)
from demos.errors import error, message
from demos.i18n import I18N
from demos.opening import link, on_open
from demos.terms_views import (
    BADGE,
    COLUMNS,
    HEADERS,
    HIGHLIGHT_UNITS,
    VIEW,
    WORD_BADGE,
    highlight_terms,
    informative,
    pmi_figure,
    terms_figure,
)
from models import general_frequency, term_mining

MAX_BYTES = 20_000_000  # input limit, stated in the UI
QUEUE = model_queue("terms")  # mining and segmenting a 20 MB text take one line: never two at once
EXAMPLES = ASSETS / "examples" / "terms"
OPENING_TEXT = EXAMPLES / "peoples_daily_1998_excerpt.txt"  # in the text box when the tab opens, already mined
LANGUAGES = ["auto", "zh", "en"]
DEFAULT_ENTROPY = 1.2  # nats; chosen on the People's Daily corpus (models/term_mining.default_thresholds)
SHORT_TEXT_UNITS, SHORT_TEXT_ENTROPY = 2000, 0.6  # a word seen twice has at most ln 2 = 0.69 nats of boundary entropy
TOP_BADGED = 50  # only the top-ranked terms are marked in the text: marking every discovered word tells nothing
_SAMPLE = "'国务院总理李鹏今天上午在人民大会堂会见了日本客人。李鹏总理说，中日两国经济合作前景广阔。' * 5"
API_EXAMPLES = {  # for the Guide's generated snippets (run from the repository root)
    "/terms_mine": {"text": "''", "upload": 'handle_file("assets/examples/terms/peoples_daily_1998_excerpt.txt")'},
    "/terms_segment": {"text": _SAMPLE},
}


def read_input(text: str | None, upload) -> str:
    """Pasted text, or an uploaded .txt file (UTF-8, UTF-16 with BOM or GB18030 detected), within the size limit."""
    if upload is not None:
        path = Path(upload if isinstance(upload, str) else upload.name)
        raw = path.read_bytes()
        if len(raw) > MAX_BYTES:
            raise error("upload_big", mb=len(raw) / 1e6, limit=f"{MAX_BYTES / 1e6:.0f}")
        if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise error("binary")
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))  # only with a byte-order mark: bare UTF-16 is undetectable
        for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise error("encoding")
    if not isinstance(text, str) or not text.strip():
        raise error("text_empty")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise error("text_big", mb=len(text.encode("utf-8")) / 1e6, limit=f"{MAX_BYTES / 1e6:.0f}")
    if "\x00" in text:
        raise error("nul")
    return text


def _thresholds(min_count, min_cohesion, min_entropy) -> dict:
    out = {}
    if min_count:  # 0 = automatic
        out["min_count"] = parse_number(min_count, "Minimum frequency", 1, 10**6, integer=True)
    out["min_cohesion"] = parse_number(min_cohesion, "Minimum cohesion", -100, 100)
    out["min_entropy"] = parse_number(min_entropy, "Minimum boundary entropy", -1e-9, 20)
    return out


def _mine(text, language, thresholds, progress, desc: str = "counting n-grams") -> term_mining.Mined:
    if language not in LANGUAGES:
        raise error("language", choices=", ".join(LANGUAGES), value=quote(language))
    progress(0.1, desc=desc)
    return term_mining.mine(text, None if language == "auto" else language, **thresholds)


def terms_mine(
    text: str,
    upload=None,
    language: str = "auto",
    min_count: int = 0,
    min_cohesion: float = 2.5,
    min_entropy: float = 1.2,  # DEFAULT_ENTROPY
    request: gr.Request = None,
    progress=gr.Progress(),  # noqa: B008 (gradio's documented way to ask for a progress bar)
):
    """Discover the words (Chinese) or terms and phrases (space-separated languages) of a text and rank them by
    domain specificity against a general-language frequency table.

    Args:
        text: the text (up to 20 MB). upload: or a .txt file. language: 'auto', 'zh' or 'en'.
        min_count: minimum frequency (0 = automatic, grows with the text). min_cohesion: minimum-split PMI in nats.
        min_entropy: minimum left and right boundary entropy in nats.
    Returns:
        The ranked table, a plot of domain score against frequency, the start of the text with the terms
        highlighted, a CSV file, and JSON with the terms and their statistics.
    """
    lang = page_language(request)
    text = read_input(text, upload)
    thresholds = _thresholds(min_count, min_cohesion, min_entropy)
    mined = _mine(text, language, thresholds, progress, VIEW[lang]["count"])
    if mined.total < SHORT_TEXT_UNITS and thresholds["min_entropy"] == DEFAULT_ENTROPY:
        # the default asks a term's neighbours for 1.2 nats, which a term seen fewer than 4 times cannot reach
        thresholds["min_entropy"] = SHORT_TEXT_ENTROPY
        mined = _mine(text, language, thresholds, progress, VIEW[lang]["count"])
        gr.Info(message("short_text", n=mined.total, entropy=SHORT_TEXT_ENTROPY))
    progress(0.6, desc=VIEW[lang]["compare"])
    rows = term_mining.domain_terms(mined, general_frequency.load(mined.language))
    table = [
        [
            r.term,
            round(r.termhood, 3),
            r.count,
            ", ".join(r.other_forms),
            round(r.weight, 3),
            round(r.domain_score, 3),
            r.general_count,
            None if r.after_determiner is None else round(r.after_determiner, 3),
            None if r.cohesion is None else round(r.cohesion, 3),
            round(r.left_entropy, 3),
            round(r.right_entropy, 3),
        ]
        for r in rows
    ]
    progress(0.8, desc=VIEW[lang]["highlight"])
    top = {form for r in rows[:TOP_BADGED] for form in (r.term, *r.other_forms)}
    highlighted = highlight_terms(text, mined, top, BADGE[lang])
    csv_path = scratch_file("terms.csv")
    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([COLUMNS, *table])
    result = {
        "language": mined.language,
        "units": mined.total,
        "thresholds": {
            **term_mining.default_thresholds(mined.total),
            **thresholds,
        },
        "terms": [dict(zip(COLUMNS, row, strict=True)) for row in table[:1000]],
    }
    keep = informative(table)
    shown = {"headers": [HEADERS[lang][i] for i in keep], "data": [[row[i] for i in keep] for row in table]}
    return shown, terms_figure(rows[:5000], lang), highlighted, str(csv_path), result


def terms_segment(text: str, language: str = "auto", upload=None, request: gr.Request = None):
    """Segment a text with the lexicon discovered in that same text (max-probability path). Like terms_mine, a file
    given in `upload` is used instead of `text`, so both buttons read the same source.

    Returns:
        The segmentation as highlighted pieces (the text between them kept, spaces included), and JSON with the list
        of tokens (the first 20,000 units).
    """
    badge = WORD_BADGE[page_language(request)]
    text = read_input(text, upload)
    mined = _mine(text, language, {}, lambda *a, **k: None)
    words = {c.word for c in mined.words}
    pieces, tokens, last = [], [], 0
    for a, b in term_mining.segment(mined, limit=HIGHLIGHT_UNITS):
        token = text[a:b]
        if text[last:a]:
            pieces.append((text[last:a], None))  # what lies between two tokens: spaces, punctuation
        if not token.isspace():
            tokens.append(token)
            pieces.append((token, badge if (token.lower() if mined.language != "zh" else token) in words else None))
        else:
            pieces.append((token, None))
        last = b
    return pieces, {"language": mined.language, "tokens": tokens}


def _source_note(upload):
    """A note under the text box while a file is loaded, so both buttons' source is named on screen."""
    return gr.Markdown(visible=upload is not None)


def pmi_explainer(text: str, request: gr.Request = None):
    """The first sentence, with the PMI of each adjacent pair: low PMI marks a likely cut."""
    lang = page_language(request)
    text = read_input(text, None)
    mined = term_mining.mine(text, None)
    enc, V, total = mined.encoded, len(mined.encoded.alphabet), mined.total
    ids = enc.ids
    end = int(np.argmax(ids[1:] == term_mining.BOUNDARY)) + 1 if (ids[1:] == term_mining.BOUNDARY).any() else len(ids)
    first = ids[: min(end, 60)]
    if len(first) < 2:
        raise error("pmi_short")
    uni, bi = mined.tables[0], mined.tables[1]
    pairs = first[:-1] + first[1:] * V
    left, right = (np.maximum(uni.lookup(u), 0.5) for u in (first[:-1], first[1:]))  # 0.5: units no table counts
    pmi = np.log(np.maximum(bi.lookup(pairs), 0.5) * total / (left * right))
    return pmi_figure([enc.alphabet[i] for i in first], pmi, lang)


with gr.Blocks() as demo:
    article_header("terms", "terms.summary")
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            text = gr.Textbox(
                OPENING_TEXT.read_text(encoding="utf-8"),
                label=I18N("terms.text"),
                lines=10,
                max_lines=20,
                elem_id="terms-text",
            )
            upload = gr.File(label=I18N("terms.upload"), file_types=[".txt"], type="filepath")
            file_note = gr.Markdown(I18N("terms.file_in_use"), visible=False, elem_id="terms-file-note")
        with gr.Column(scale=1, min_width=240):
            language = gr.Radio(
                [(I18N(f"terms.lang.{code}"), code) for code in LANGUAGES], value="auto", label=I18N("terms.language")
            )
            with gr.Accordion(I18N("terms.advanced"), open=False):
                min_count = gr.Number(0, precision=0, label=I18N("terms.min_count"))
                min_cohesion = gr.Slider(0, 8, value=2.5, step=0.1, label=I18N("terms.min_cohesion"))
                min_entropy = gr.Slider(0, 4, value=DEFAULT_ENTROPY, step=0.1, label=I18N("terms.min_entropy"))
            run = gr.Button(I18N("terms.run"), variant="primary", elem_id="terms-run")
            segment_btn = gr.Button(I18N("terms.segment"), elem_id="terms-segment")
    gr.Examples([[str(p)] for p in sorted(EXAMPLES.glob("*.txt"))], inputs=[upload], label=I18N("shared.examples"))
    table = gr.Dataframe(
        headers=COLUMNS, label=I18N("terms.table"), interactive=False, max_height=420, elem_id="terms-table"
    )
    with gr.Row(equal_height=False):
        plot = gr.Plot(label=I18N("terms.plot"))
        csv_file = gr.File(label=I18N("terms.csv"))
    highlighted = gr.HighlightedText(
        label=I18N("terms.highlighted"),
        color_map={"term": "#93c5fd", "术语": "#93c5fd", "word": "#fde68a", "词": "#fde68a"},
        elem_id="terms-highlight",
    )
    result = gr.JSON(visible=False)
    mine_io = (
        [text, upload, language, min_count, min_cohesion, min_entropy],
        [table, plot, highlighted, csv_file, result],
    )
    run.click(terms_mine, *mine_io, api_name="terms_mine", **QUEUE)
    link(language=language, min_count=min_count, cohesion=min_cohesion, entropy=min_entropy)
    on_open(demo, terms_mine, *mine_io, "terms_mine", **QUEUE)  # the excerpt in the box, mined
    upload.change(_source_note, upload, file_note, api_name="terms_source", api_visibility="private", queue=False)
    segment_btn.click(terms_segment, [text, language, upload], [highlighted, result], api_name="terms_segment", **QUEUE)
    gr.Markdown(I18N("terms.explain_title"), elem_classes="section-title")
    markdown(I18N("terms.explain_general"))
    pmi_plot = gr.Plot(label=I18N("terms.pmi"), elem_id="terms-pmi")
    gr.Button(I18N("terms.explain_run")).click(
        pmi_explainer, text, pmi_plot, api_name="terms_pmi", api_visibility="private", **QUEUE
    )
    on_open(demo, pmi_explainer, text, pmi_plot, "terms_pmi", **QUEUE)  # the panel opens computed

if __name__ == "__main__":
    from demos.common import launch_kwargs

    demo.launch(**launch_kwargs())

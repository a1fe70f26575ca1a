"""Smooth approximations tab (kexue.fm/archives/6620): every hard function of the article beside its smooth version,
with a temperature slider and the error bound as a band, plus a live soft-F1 training experiment.

Runs alone: `python -m demos.smooth`.
"""

from __future__ import annotations

from dataclasses import asdict

import gradio as gr
import numpy as np

from demos.common import article_header, markdown, page_language, parse_number, parse_vector, quote
from demos.errors import error
from demos.i18n import I18N
from demos.opening import link, on_open
from demos.smooth_plots import experiment_figure, pair_figure
from demos.smooth_text import view
from models import smooth, soft_f1_experiment

MAX_K = 1e4
MIN_SHARE = 0.02
EXPERIMENT_COLUMNS = ("recipe", "test_f1", "train_f1", "test_accuracy")
STEPS = (50, 1000)
DEFAULT_VECTOR = "2, 1, 4, 5, 3"
DEFAULT_BATCH = [
    [1, 2.1],
    [1, 0.4],
    [1, -0.3],
    [0, -1.5],
    [0, -0.2],
    [0, 0.6],
    [0, -2.2],
    [0, -0.8],
    [0, -1.1],
    [0, 0.1],
    [1, 1.2],
    [0, -3.0],
]


def parse_batch(batch: object) -> tuple[np.ndarray, np.ndarray]:
    """Rows of (label 0/1, score) from the table editor, a list of rows, or {'data': rows}; -> (labels, scores)."""
    rows = batch.get("data") if isinstance(batch, dict) else batch
    if hasattr(rows, "values") and hasattr(rows, "columns"):  # a pandas DataFrame
        rows = rows.values.tolist()
    if not isinstance(rows, (list, tuple)) or not rows:
        raise error("batch_empty")
    if any(not isinstance(r, (list, tuple)) or len(r) != 2 for r in rows):
        raise error("batch_row")
    labels = parse_vector([r[0] for r in rows], what="The label column")
    scores = parse_vector([r[1] for r in rows], what="The score column")
    if not np.isin(labels, (0.0, 1.0)).all():
        raise error("labels")
    return labels, scores


def _json_safe(values: dict) -> dict:
    """NaN (an unknown bound) becomes null: browsers' JSON has no NaN."""

    def fix(v):
        if isinstance(v, list):
            return [fix(u) for u in v]
        return None if isinstance(v, float) and np.isnan(v) else v

    return {key: fix(v) for key, v in values.items()}


def smooth_pair(function: str, K: float, vector: str, k: int = 2, batch: object = None, request: gr.Request = None):
    """Hard vs smooth value of one function pair at temperature K.

    Args:
        function: one of max_lse, onehot_softmax, argmax_softargmax, accuracy, f1, topk, abs, step, relu_softplus, cumax.
        K: the temperature (sharpness), 0 < K <= 10000.
        vector: numbers such as "2, 1, 4, 5, 3" (the points, for abs/step/relu_softplus); ignored by accuracy and f1.
        k: how many entries top-k keeps (topk only).
        batch: rows of [label 0/1, score] (accuracy and f1 only).
    Returns:
        A plot, and a JSON with the exact value, the smooth value, the bound [lower, upper] and whether it holds
        (plus, for accuracy and f1, the gradient of the soft metric with respect to each score).
    """
    if function not in smooth.FUNCTIONS:
        raise error("function", value=quote(function, 40), choices=", ".join(smooth.FUNCTIONS))
    K = parse_number(K, "K", 0.0, MAX_K)
    labels = None
    if smooth.FUNCTIONS[function] == "batch":
        labels, x = parse_batch(batch)
    else:
        x = parse_vector(vector)
    k = parse_number(k, "k", 1, len(x), integer=True) if function == "topk" else 1
    pair = smooth.evaluate(function, K, x, k, labels)
    result = {"function": function, "K": K, "n": len(x), **_json_safe(asdict(pair))}
    result["bound_holds"] = (
        None
        if np.isnan(pair.error_bound)
        else bool(
            np.all(np.asarray(pair.smooth) >= np.asarray(pair.lower) - 1e-9)
            and np.all(np.asarray(pair.smooth) <= np.asarray(pair.upper) + 1e-9)
        )
    )
    if labels is not None:
        result["gradient_wrt_scores"] = smooth.soft_metric_gradient(function, labels, x, K).tolist()
    if function == "topk":
        result["k"] = k
        result["soft_topk_2024"] = smooth.soft_topk_esp(x, K, k).tolist()
    return pair_figure(function, K, x, k, labels, pair, page_language(request)), result


def smooth_experiment(seed: int = 0, positive_share: float = 0.1, steps: int = 300, request: gr.Request = None):
    """Train a logistic regression with cross-entropy, -soft F1, and cross-entropy then -soft F1; report true F1.

    Args:
        seed: integer seed of the data and the training (0..2**31-1).
        positive_share: share of positive points, 0.02 <= share <= 0.5.
        steps: Adam steps per loss, 50..1000.
    Returns:
        A plot of the held-out points with each decision boundary, a table, and the results as JSON.
    """
    seed = parse_number(seed, "Seed", 0, 2**31 - 1, integer=True)
    share = parse_number(positive_share, "Share of positives", 0.0, 0.5)
    if share < MIN_SHARE:
        raise error("share_low", low=MIN_SHARE)
    steps = parse_number(steps, "Steps", *STEPS, integer=True)
    data, results = soft_f1_experiment.run(seed=seed, positive_share=share, steps=steps)
    lang = page_language(request)
    rows = [[view(f"recipe.{r.recipe}", lang), round(r.test_f1, 4), round(r.train_f1, 4), round(r.test_accuracy, 4)]
            for r in results]  # fmt: skip
    table = {"headers": [view(f"head.{h}", lang) for h in EXPERIMENT_COLUMNS], "data": rows}
    payload = {"seed": seed, "positive_share": share, "steps": steps, "results": [asdict(r) for r in results]}
    return experiment_figure(data, results, lang), table, payload


def _show_controls(function: str):
    """Show the formula of the chosen pair and only the inputs it uses."""
    kind = smooth.FUNCTIONS.get(function, "vector")
    formulas = [gr.update(visible=name == function) for name in smooth.FUNCTIONS]
    return [
        *formulas,
        gr.update(visible=kind != "batch"),
        gr.update(visible=function == "topk"),
        gr.update(visible=kind == "batch"),
    ]


with gr.Blocks() as demo:
    article_header("smooth", "smooth.summary")
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=320):
            function = gr.Dropdown(
                [(I18N(f"smooth.pair.{n}"), n) for n in smooth.FUNCTIONS],
                value="max_lse",
                label=I18N("smooth.function"),
            )
            formulas = [
                markdown(I18N(f"smooth.formula.{n}"), visible=n == "max_lse", elem_classes="formula")
                for n in smooth.FUNCTIONS
            ]
            log_k = gr.Slider(-2, 3, value=0, step=0.01, label=I18N("smooth.log_k"))
            K = gr.Number(1.0, label=I18N("smooth.k_value"), minimum=None)
            vector = gr.Textbox(DEFAULT_VECTOR, label=I18N("smooth.vector"), max_lines=3)
            k = gr.Slider(1, 20, value=2, step=1, label=I18N("smooth.topk"), visible=False)
            batch = gr.Dataframe(
                DEFAULT_BATCH,
                headers=["t", "s"],
                datatype=["number", "number"],
                type="array",
                label=I18N("smooth.batch"),
                visible=False,
                column_count=2,
            )
        with gr.Column(scale=3, min_width=420):
            plot = gr.Plot(label=I18N("smooth.plot_label"), elem_id="smooth-plot")
            result = gr.JSON(label=I18N("smooth.result"), elem_id="smooth-result")
    inputs = [function, K, vector, k, batch]
    log_k.input(None, log_k, K, js="(s) => Number(Math.pow(10, s).toPrecision(4))")
    K.change(None, K, log_k, js="(k) => (k > 0 ? Math.min(3, Math.max(-2, Math.log10(k))) : -2)")
    function.change(
        _show_controls,
        function,
        [*formulas, vector, k, batch],
        api_name="smooth_controls",
        api_visibility="private",
        queue=False,
    )
    gr.on(
        [function.change, K.change, vector.submit, k.release, batch.change],
        smooth_pair,
        inputs,
        [plot, result],
        api_name="smooth_pair",
    )
    link(pair=function, K=K, vector=vector, k=k)
    on_open(demo, smooth_pair, inputs, [plot, result], "smooth")
    gr.Examples(
        [
            ["argmax_softargmax", 5, DEFAULT_VECTOR, 2],
            ["topk", 20, DEFAULT_VECTOR, 2],
            ["relu_softplus", 2, "-2, -0.5, 0, 0.5, 2", 2],
            ["cumax", 3, "0.5, 2, 1, -1, 0", 2],
        ],
        inputs=inputs[:4],
        outputs=[plot, result],
        fn=smooth_pair,
        example_labels=["soft-argmax, K = 5", "soft-k-max, k = 2, K = 20", "softplus, K = 2", "cumax, K = 3"],
        label=I18N("shared.examples"),
        run_on_click=True,
        api_name="smooth_example",
        api_visibility="private",
    )

    gr.Markdown("---")
    gr.Markdown(I18N("smooth.experiment_title"), elem_classes="section-title")
    markdown(I18N("smooth.experiment_intro"))
    with gr.Row():
        seed = gr.Number(0, precision=0, label=I18N("smooth.seed"), elem_id="smooth-seed")
        share = gr.Slider(MIN_SHARE, 0.5, value=0.1, step=0.01, label=I18N("smooth.positive_share"))
        steps = gr.Slider(*STEPS, value=300, step=50, label=I18N("smooth.steps"))
        run = gr.Button(I18N("smooth.run"), variant="primary", elem_id="smooth-run")
    with gr.Row(equal_height=False):
        exp_plot = gr.Plot(label=I18N("smooth.experiment_plot"))
        with gr.Column():
            exp_table = gr.Dataframe(
                headers=[view(f"head.{h}", "en") for h in EXPERIMENT_COLUMNS],
                label=I18N("smooth.experiment_table"),
                interactive=False,
                elem_id="smooth-table",
            )
            exp_json = gr.JSON(visible=False)
    exp_io = ([seed, share, steps], [exp_plot, exp_table, exp_json])
    run.click(smooth_experiment, *exp_io, api_name="smooth_experiment")
    link(seed=seed, share=share, steps=steps)
    on_open(demo, smooth_experiment, *exp_io, "smooth_experiment")

if __name__ == "__main__":
    from demos.common import launch_kwargs

    demo.launch(**launch_kwargs())

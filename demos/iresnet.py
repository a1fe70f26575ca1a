"""Invertible-ResNet tab (kexue.fm/archives/6482): watch the fixed-point inverse converge (or not), round-trip a digit
through the MNIST flow and its contrast model (c = 1.5), compare log-det estimators, and see the learned densities.

Runs alone: `python -m demos.iresnet`.
"""

from __future__ import annotations

import gradio as gr
import numpy as np

from demos.common import article_header, markdown, model_queue, page_language, parse_number
from demos.digit_input import chosen_pixels, digit_button, digit_pixels, digit_sketchpad
from demos.errors import error, quote
from demos.i18n import EN, I18N, ZH
from demos.iresnet_flows import CONTRAST, FLOW, TOYS, density_panel, one_thread
from demos.iresnet_results import DENSITIES, results_markdown, samples_note
from demos.iresnet_text import view
from demos.iresnet_views import (
    deformation,
    fixed_point_figures,
    logdet_figure,
    real_digits,
    round_trip,
    sample_grid,
    strip,
)
from demos.opening import link, on_open
from models import fixed_point as fp

ROUNDTRIP_K = [1, 2, 5, 10, 20, 50]
MAX_ITERATIONS, MAX_SAMPLES = 200, 36
_THREE = 'dict(background=None, layers=[], composite=handle_file("assets/examples/ogan/digit_3.png"), id=None)'
API_EXAMPLES = {"/iresnet_roundtrip": {"image": _THREE}}


QUEUE = model_queue("iresnet")


def _point(value, name: str) -> float:
    return parse_number(value, name, -1e3, 1e3)


# ---------------------------------------------------------------- fixed point, live (no model)


def iresnet_fixed_point(c=0.7, x1=1.0, x2=-0.5, iterations=30, request: gr.Request = None):
    """Invert y = x + c·φ(x) by x_{k+1} = y − c·φ(x_k), starting from x_0 = y.

    Args:
        c: the Lipschitz constant of c·φ, from 0.1 to 1.5 (invertibility is guaranteed only below 1).
        x1, x2: the point x whose image y = F(x) is inverted (each within ±10).
        iterations: how many fixed-point steps (1 to 200).
    Returns:
        The plane with the iterates, the error per step on a log scale with the Banach bound, the grid deformed by F
        over the Jacobian-determinant heat-map, and JSON with the iterates and errors.
    """
    c = parse_number(c, "c", 0.0, 1.5)
    if c < 0.1:
        raise error("c_low", value=f"{c:g}")
    x = np.array([_point(x1, "x1"), _point(x2, "x2")])
    if np.abs(x).max() > 10:
        raise error("point")
    n = int(parse_number(iterations, "Iterations", 1, MAX_ITERATIONS, integer=True))
    y = fp.forward(x, c)
    xs = fp.iterates(y, c, n)
    errors = np.linalg.norm(xs - x, axis=1)
    path, err = fixed_point_figures(xs, x, y, errors, c, page_language(request))
    settled = float(np.linalg.norm(xs[-1] - xs[-2]))
    result = {
        "c": c,
        "y": y.round(8).tolist(),
        "iterates": xs.round(8).tolist(),
        "errors": [float(e) for e in errors],
        "last_step": settled,
        "converged_to_x": bool(errors[-1] < 1e-6),
        "guaranteed": c < 1,
    }
    return path, err, deformation(round(c, 3)), result


# ---------------------------------------------------------------- MNIST: round trip and samples


def iresnet_roundtrip(image):
    """Send a digit through the MNIST flow, z = F(x), and back by fixed-point iteration; the same for the contrast.

    Args:
        image: a drawing (Sketchpad value) or an image file of a digit.
    Returns:
        Two strips (flow, contrast model): x, z laid out as an image, and the reconstructions after 1, 2, 5, 10, 20
        and 50 iterations per block; JSON with each model's max-abs pixel error per iteration count.
    """
    return _roundtrip_pixels(digit_pixels(image))


def _roundtrip_pixels(pixels: np.ndarray):
    one_thread()
    flow_images, flow_err = round_trip(FLOW.get(), pixels, ROUNDTRIP_K)
    contrast_images, contrast_err = round_trip(CONTRAST.get(), pixels, ROUNDTRIP_K)
    result = {"iterations": ROUNDTRIP_K, "flow_max_abs_error": flow_err, "contrast_max_abs_error": contrast_err}
    return strip(flow_images), strip(contrast_images), result


def _roundtrip_chosen(image, digit, choice, request: gr.Request = None):
    """What a person's Round trip does: the drawing, or the test digit (0-9) chosen after it (demos.digit_input
    .digit_button), named above the flow's strip."""
    lang = page_language(request)
    pixels, source = chosen_pixels(image, digit, choice, lang)
    flow, contrast, result = _roundtrip_pixels(pixels)
    return gr.update(value=flow, label=view("flow_of", lang, source=source)), contrast, result


def _samples_note(request: gr.Request = None) -> str:
    return samples_note(page_language(request))


def iresnet_sample(seed=0, n=16, temperature=1.0):
    """Sample digits from the MNIST flow: z ~ N(0, T²I), x = F⁻¹(z) by fixed-point iteration.

    Args:
        seed: random seed (0 to 2^31-1).
        n: how many samples (1 to 36).
        temperature: T, the prior's standard deviation (0 to 1.5; the judge reads T = 1 best, see the card).
    Returns:
        A grid of samples and JSON with the seed and the fixed-point steps used per block.
    """
    one_thread()
    import torch

    seed = int(parse_number(seed, "Seed", 0, 2**31 - 1, integer=True))
    n = int(parse_number(n, "Number of samples", 1, MAX_SAMPLES, integer=True))
    t = parse_number(temperature, "Temperature", 0.0, 1.5)
    z = torch.randn(n, 16, 7, 7, generator=torch.Generator().manual_seed(seed)) * t
    x, steps = FLOW.get().inverse(z, iterations=100, tol=1e-5)
    return sample_grid(x[:, 0].numpy()), {
        "seed": seed,
        "n": n,
        "temperature": t,
        "steps_per_block": [len(s) for s in steps],
    }


# ---------------------------------------------------------------- 2-D flows: log-det estimators and densities


def iresnet_logdet(terms=10, probes=4, seed=0, roulette=0.0, request: gr.Request = None):
    """Log-det of the eight-Gaussians flow at eight points: exact, the truncated series, Hutchinson's estimate, and
    optionally the Russian-roulette estimate (Residual Flows).

    Args:
        terms: series terms N (1 to 30); with roulette, the terms always computed before the roulette starts.
        probes: Hutchinson probes per estimate (1 to 16).
        seed: random seed of the probes and the roulette.
        roulette: the roulette's stopping probability p per further term (0 = off, else up to 0.9).
    Returns:
        A plot of each estimator against the number of terms (with the spread over 8 repeats as error bars; the
        roulette sits at its expected number of terms) and JSON with the numbers.
    """
    lang = page_language(request)
    one_thread()
    import torch

    n_terms = int(parse_number(terms, "Terms", 1, 30, integer=True))
    n_probes = int(parse_number(probes, "Probes", 1, 16, integer=True))
    seed = int(parse_number(seed, "Seed", 0, 2**31 - 1, integer=True))
    p = _roulette_probability(roulette)
    from models.iresnet import estimator_comparison
    from models.toy_densities import eight_gaussians

    x = eight_gaussians(8, torch.Generator().manual_seed(3))
    e = estimator_comparison(TOYS.get().flows["eight_gaussians"], x, n_terms, n_probes, seed, p)
    exact, series, runs, spin = e["exact"], e["series"], e["runs"], e["roulette_runs"]
    fig = logdet_figure(exact, series, runs, spin, n_probes, p, lang)
    result = {
        "exact": exact,
        "series": series,
        "hutchinson_mean": float(np.mean(runs)),
        "hutchinson_std": float(np.std(runs)),
        "terms": n_terms,
        "probes": n_probes,
        "roulette_p": p,
        "roulette_expected_terms": None if p is None else n_terms + (1 - p) / p,
        "roulette_mean": None if spin is None else float(np.mean(spin)),
        "roulette_std": None if spin is None else float(np.std(spin)),
    }
    return fig, result


def _roulette_probability(value) -> float | None:
    """0 turns the roulette off; otherwise a stopping probability from 0.05 to 0.9 (the slider's steps): at least one
    term in 20 stops the series, so the expected extra terms stay under 19 (and never exceed MAX_EXTRA_TERMS)."""
    try:
        if float(value) == 0:
            return None
    except (TypeError, ValueError):
        pass
    return parse_number(value, "Roulette stopping probability", 0.05, 0.9, closed=True)


def iresnet_density(name="eight_gaussians", request: gr.Request = None):
    """The learned density of one 2-D flow as a heat-map with 600 samples drawn through the inverse.

    Args:
        name: eight_gaussians, two_moons, checkerboard or rings.
    Returns:
        The heat-map figure and JSON with the probability mass on the plotted square.
    """
    if name not in DENSITIES or name not in TOYS.get().flows:
        raise error("density", value=quote(name), choices=", ".join(DENSITIES))
    fig, info = density_panel(name, page_language(request))
    return fig, info


def _roundtrip_example(d, request: gr.Request = None):
    """The round trip of test digit d (0-9) as the test set holds it; nothing while none is picked."""
    return _roundtrip_chosen(None, d, "digit", request) if d is not None else gr.skip()


EN["iresnet.results"], ZH["iresnet.results"] = results_markdown("en"), results_markdown("zh")


with gr.Blocks() as demo:
    article_header("iresnet", "iresnet.summary")

    gr.Markdown(I18N("iresnet.fp_title"), elem_classes="section-title")
    markdown(I18N("iresnet.fp_intro"))
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=240):
            c = gr.Slider(0.1, 1.5, value=0.7, step=0.01, label=I18N("iresnet.c"), elem_id="iresnet-c")
            x1 = gr.Number(1.0, label="x₁")
            x2 = gr.Number(-0.5, label="x₂")
            iterations = gr.Slider(1, MAX_ITERATIONS, value=30, step=1, label=I18N("iresnet.iterations"))
            run_fp = gr.Button(I18N("iresnet.run_fp"), variant="primary", elem_id="iresnet-run-fp")
        with gr.Column(scale=3), gr.Row():
            fp_path = gr.Plot(label=I18N("iresnet.path"))  # drawn when the tab opens, in the page's language
            fp_err = gr.Plot(label=I18N("iresnet.error"), elem_id="iresnet-error")
    fp_grid = gr.Plot(label=I18N("iresnet.grid"))
    with gr.Accordion(I18N("iresnet.details"), open=False):
        fp_json = gr.JSON(show_label=False, elem_id="iresnet-fp-json")
    gr.on(
        [run_fp.click, c.release, iterations.release, x1.submit, x2.submit],
        iresnet_fixed_point,
        [c, x1, x2, iterations],
        [fp_path, fp_err, fp_grid, fp_json],
        api_name="iresnet_fixed_point",
    )
    link(c=c, x1=x1, x2=x2, iterations=iterations)
    on_open(demo, iresnet_fixed_point, [c, x1, x2, iterations], [fp_path, fp_err, fp_grid, fp_json], "iresnet_fp")

    gr.Markdown(I18N("iresnet.rt_title"), elem_classes="section-title")
    markdown(I18N("iresnet.rt_intro"))
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=260):
            pad = digit_sketchpad(280, I18N("iresnet.pad"), height=360, elem_id="iresnet-pad")
            run_rt = gr.Button(I18N("iresnet.run_rt"), variant="primary", elem_id="iresnet-run-rt")
            example = gr.Radio(
                [str(d) for d in range(10)], value="3", label=I18N("iresnet.example"), elem_id="iresnet-example"
            )
        with gr.Column(scale=3):
            markdown(I18N("iresnet.strip_legend"))
            flow_strip = gr.Image(
                label=I18N("iresnet.flow_strip"),
                interactive=False,
                format="png",
                elem_id="iresnet-flow-strip",
                elem_classes="figure",
            )
            contrast_strip = gr.Image(
                label=I18N("iresnet.contrast_strip"), interactive=False, format="png", elem_classes="figure"
            )
            with gr.Accordion(I18N("iresnet.details"), open=False):
                rt_json = gr.JSON(show_label=False, elem_id="iresnet-rt-json")
    rt_out = [flow_strip, contrast_strip, rt_json]
    digit_button(run_rt, pad, example, rt_out, _roundtrip_chosen, iresnet_roundtrip, "iresnet_roundtrip", **QUEUE)
    example.change(_roundtrip_example, example, rt_out, api_name="iresnet_example", api_visibility="private", **QUEUE)
    link(digit=example)
    on_open(demo, _roundtrip_example, example, rt_out, "iresnet_example", **QUEUE)  # the panel opens computed

    gr.Markdown(I18N("iresnet.sample_title"), elem_classes="section-title")
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=240):
            seed = gr.Number(0, precision=0, label=I18N("iresnet.seed"))
            n = gr.Slider(1, MAX_SAMPLES, value=16, step=1, label=I18N("iresnet.n"))
            temperature = gr.Slider(0.0, 1.5, value=1.0, step=0.05, label=I18N("iresnet.temperature"))
            run_sample = gr.Button(I18N("iresnet.run_sample"), variant="primary", elem_id="iresnet-run-sample")
        grid = gr.Image(label=I18N("iresnet.samples"), interactive=False, format="png", elem_id="iresnet-samples")
        real = gr.Image(
            real_digits(), label=I18N("iresnet.real_digits"), interactive=False, format="png", elem_id="iresnet-real"
        )
    samples_md = gr.Markdown(elem_id="iresnet-samples-note")
    sample_json = gr.JSON(visible=False)
    sample_io = ([seed, n, temperature], [grid, sample_json])
    run_sample.click(iresnet_sample, *sample_io, api_name="iresnet_sample", **QUEUE)
    link(seed=seed, n=n, T=temperature)
    on_open(demo, iresnet_sample, *sample_io, "iresnet_sample", **QUEUE)
    on_open(demo, _samples_note, None, samples_md, "iresnet_samples_note", queue=False)

    gr.Markdown(I18N("iresnet.logdet_title"), elem_classes="section-title")
    markdown(I18N("iresnet.logdet_intro"))
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=240):
            terms = gr.Slider(1, 30, value=10, step=1, label=I18N("iresnet.terms"))
            probes = gr.Slider(1, 16, value=4, step=1, label=I18N("iresnet.probes"))
            probe_seed = gr.Number(0, precision=0, label=I18N("iresnet.seed"))
            roulette = gr.Slider(0, 0.9, value=0, step=0.05, label=I18N("iresnet.roulette"), elem_id="iresnet-roulette")
            run_logdet = gr.Button(I18N("iresnet.run_logdet"), variant="primary", elem_id="iresnet-run-logdet")
        logdet_plot = gr.Plot(label=I18N("iresnet.logdet_plot"), elem_id="iresnet-logdet")
    logdet_json = gr.JSON(visible=False)
    logdet_io = ([terms, probes, probe_seed, roulette], [logdet_plot, logdet_json])
    triggers = [run_logdet.click, terms.release, probes.release, roulette.release]
    gr.on(triggers, iresnet_logdet, *logdet_io, api_name="iresnet_logdet", **QUEUE)
    link(terms=terms, probes=probes, probe_seed=probe_seed, roulette=roulette)
    on_open(demo, iresnet_logdet, *logdet_io, "iresnet_logdet", **QUEUE)

    gr.Markdown(I18N("iresnet.density_title"), elem_classes="section-title")
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=240):
            density = gr.Radio(
                [(I18N(f"iresnet.density.{d}"), d) for d in DENSITIES],
                value="eight_gaussians",
                label=I18N("iresnet.density"),
            )
            run_density = gr.Button(I18N("iresnet.run_density"), variant="primary", elem_id="iresnet-run-density")
        density_plot = gr.Plot(label=I18N("iresnet.density_plot"), elem_id="iresnet-density")
    density_json = gr.JSON(visible=False)
    density_io = (density, [density_plot, density_json])
    gr.on([run_density.click, density.change], iresnet_density, *density_io, api_name="iresnet_density", **QUEUE)
    link(density=density)
    on_open(demo, iresnet_density, *density_io, "iresnet_density", **QUEUE)

    gr.Markdown(I18N("iresnet.results_title"), elem_classes="section-title")
    gr.Markdown(I18N("iresnet.results"), elem_id="iresnet-results")

if __name__ == "__main__":
    from demos.common import launch_kwargs

    for model in (FLOW, CONTRAST, TOYS):
        model.start()
    demo.launch(**launch_kwargs())

"""GAN-architectures tab (kexue.fm/archives/6549): DCGAN, a ResNet generator and SELF-MOD trained with one recipe and
measured side by side, a checkerboard lab for strided upsampling, and SELF-MOD's γ(z), β(z) as z moves.

Runs alone: `python -m demos.gan_arch`.
"""

from __future__ import annotations

import functools
import time

import gradio as gr
import numpy as np

from demos.common import article_header, lazy, markdown, model_queue, page_language, parse_number, parse_vector
from demos.digit_input import digit_grid, show_digits
from demos.errors import error, quote
from demos.gan_arch_text import view
from demos.gan_arch_views import (
    board_figure,
    claims_markdown,
    curves_figure,
    layer_table,
    measured_table,
    modulation_figure,
    norm_diagram,
    trained_spectra_figure,
)
from demos.i18n import I18N
from demos.opening import link, on_open
from models import hub

ARCHITECTURES = ("dcgan", "resnet", "selfmod")  # models.gan_arch's, named here so that building the UI needs no torch
UPSAMPLING = ("transposed", "resize")  # models.checkerboard.MODES

NAME = "gan-arch-mnist"
MAX_SAMPLES = 64
NORM_LAYERS = ("bn0", "bn1", "bn2")
QUEUE = model_queue("gan_arch")


@functools.cache
def _metrics() -> dict:
    """The snapshot's metrics.json, read once (every comparison and table reads it)."""
    return hub.metrics(NAME)


def _load():
    from models.gan_arch import GeneratorSet

    return hub.load(GeneratorSet, NAME).requires_grad_(False)


MODEL = lazy(_load)


def _codes(seed: int, n: int, n_z: int):
    import torch

    return torch.randn(n, n_z, generator=torch.Generator().manual_seed(seed))  # (n, n_z)


def _architecture(value: object) -> str:
    if value not in ARCHITECTURES:
        raise error("architecture", value=quote(value), choices=", ".join(ARCHITECTURES))
    return value


def arch_compare(seed=0, n=16, request: gr.Request = None):
    """Sample the three trained generators (DCGAN, ResNet, SELF-MOD) from the same codes.

    Args:
        seed: a whole number from 0 to 2**31 - 1; it draws the same codes z for all three. n: samples each, 1..64.
    Returns:
        Three grids (DCGAN, ResNet, SELF-MOD), a readout, and JSON with each architecture's measured metrics (FID and
        judged confidence per seed, parameters, multiply-adds, training time, power at (π, π)) and this call's
        sampling time.
    """
    seed = parse_number(seed, "Seed", 0, 2**31 - 1, integer=True)
    n = parse_number(n, "Number of samples", 1, MAX_SAMPLES, integer=True)
    model, metrics, lang = MODEL.get(), _metrics(), page_language(request)
    z = _codes(seed, n, model.n_z)
    grids, result = [], {"seed": seed, "n": n, "architectures": {}}
    for a in ARCHITECTURES:
        started = time.perf_counter()
        images = model.sample(a, z).numpy()
        ms = 1000 * (time.perf_counter() - started)
        grids.append(digit_grid(images))
        e = metrics["architectures"][a]
        result["architectures"][a] = {
            "fid_by_seed": [s["fid"] for s in e["seeds"].values()],
            "confident_share_by_seed": [s["confident_share"] for s in e["seeds"].values()],
            "nyquist_share_by_seed": [s["nyquist_share"] for s in metrics["spectra"][a]["seeds"].values()],
            "params": e["params"],
            "macs": e["macs"],
            "seconds_per_1k_steps": e["seconds_per_1k_steps"],
            "sampling_ms": round(ms, 1),
        }
    result["claims_hold"] = {k: c["holds"] for k, c in metrics["claims"].items()}
    times = ", ".join(f"{view(a, lang)} {r['sampling_ms']:.0f} ms" for a, r in result["architectures"].items())
    return *grids, view("compare_readout", lang, seed=seed, n=n, times=times), result


def arch_checkerboard(kernel=3, stride=2, layers=1, mode="transposed", request: gr.Request = None):
    """Coverage and random-layer output of strided upsampling: transposed convolution or resize-then-convolve.

    Args:
        kernel: kernel size k, 1..8. stride: s, 1..4 and at most k. layers: 1..4 stacked layers.
        mode: "transposed" (zeros between inputs, then a k x k convolution) or "resize" (nearest-neighbour, then one).
    Returns:
        A figure (1-D and 2-D coverage, random layers on a constant input, its spectrum), a readout, and JSON with the
        coverage ratios (max : min) and the share of the random output's power at (π, π).
    """
    from models import checkerboard

    k = parse_number(kernel, "Kernel size", 1, 8, integer=True)
    s = parse_number(stride, "Stride", 1, 4, integer=True)
    depth = parse_number(layers, "Layers", 1, 4, integer=True)
    if mode not in UPSAMPLING:
        raise error("upsampling", value=quote(mode), choices=", ".join(UPSAMPLING))
    if s > k:
        raise error("stride_kernel", s=s, k=k)
    lang, n = page_language(request), checkerboard.input_side(s, depth)
    cov1 = checkerboard.coverage_1d(k, s, depth, mode, n)
    cov2 = checkerboard.coverage(k, s, depth, mode, n)
    random = checkerboard.random_layers(k, s, depth, mode, n=n)
    spectrum = checkerboard.power_spectrum(random)
    result = {
        "kernel": k,
        "stride": s,
        "layers": depth,
        "mode": mode,
        "output_side": len(cov1),
        "coverage_ratio_1d": checkerboard.unevenness(cov1),
        "coverage_ratio_2d": checkerboard.unevenness(cov2),
        "coverage_1d_period": [int(c) for c in cov1[: s**depth]],
        "random_nyquist_share": checkerboard.nyquist_share(spectrum),
    }
    why = view("why_even" if result["coverage_ratio_2d"] == 1 else "why_uneven", lang)
    readout = view(
        "board_readout", lang, mode=view(f"mode.{mode}", lang), k=k, s=s, L=depth, u1=result["coverage_ratio_1d"], u2=result["coverage_ratio_2d"], why=why,
        ny=result["random_nyquist_share"],
    )  # fmt: skip
    return board_figure(cov1, cov2, random, spectrum, lang), readout, result


def arch_selfmod(layer="bn1", seed_a=0, seed_b=1, t=0.0, z="", request: gr.Request = None):
    """SELF-MOD's modulation at one BatchNorm layer of the trained generator, for a code between two seeds' codes.

    Args:
        layer: "bn0" (128 channels, 7x7), "bn1" (64, 14x14) or "bn2" (32, 28x28).
        seed_a, seed_b: whole numbers from 0 to 2**31 - 1; their codes are the ends of a great-circle path.
        t: 0..1, the position on that path. z: optional, 64 numbers separated by commas: used instead of the path.
    Returns:
        Samples at A, at z and at B, a figure of the scale 1 + γ(z) and shift β(z) per channel (seed A's as marks),
        a readout, and JSON with z, the scale and the shift.
    """
    import torch

    from models.ogan import interpolate

    if layer not in NORM_LAYERS:
        raise error("norm_layer", value=quote(layer), choices=", ".join(NORM_LAYERS))
    a_seed = parse_number(seed_a, "Seed A", 0, 2**31 - 1, integer=True)
    b_seed = parse_number(seed_b, "Seed B", 0, 2**31 - 1, integer=True)
    t = parse_number(t, "t", 0.0, 1.0, closed=True)
    model, lang = MODEL.get(), page_language(request)
    a, b = _codes(a_seed, 1, model.n_z)[0], _codes(b_seed, 1, model.n_z)[0]
    given = not (isinstance(z, str) and not z.strip())
    if not given:
        code = interpolate(a, b, 101, "spherical")[round(t * 100)]
    else:
        values = parse_vector(z, max_len=model.n_z, what="z")
        if len(values) != model.n_z:
            raise error("code_length", n=model.n_z, got=len(values))
        code = torch.from_numpy(values).float()
    norm = getattr(model.generators["selfmod"], layer)
    with torch.no_grad():
        (scale, shift), (scale_a, shift_a) = (
            [v[0].numpy() for v in norm.modulation(c[None])] for c in (code, a)
        )  # (C,) each
        images = model.sample("selfmod", torch.stack([a, code, b])).numpy()
    result = {
        "layer": layer,
        "seed_a": a_seed,
        "seed_b": b_seed,
        "t": t,
        "z_source": "given" if given else "path",
        "z": np.round(code.numpy(), 5).tolist(),
        "scale": np.round(scale, 5).tolist(),
        "shift": np.round(shift, 5).tolist(),
    }
    where = view("z_given", lang) if given else view("on_path", lang, t=t, a=a_seed, b=b_seed)
    readout = view(
        "mod_readout", lang, layer=view("layer_name", lang, i=NORM_LAYERS.index(layer) + 1), where=where,
        g0=scale.min(), g1=scale.max(), b0=shift.min(), b1=shift.max(),
        dg=np.abs(scale - scale_a).mean(), db=np.abs(shift - shift_a).mean(),
    )  # fmt: skip
    return show_digits(images), modulation_figure(scale, shift, scale_a, shift_a, lang), readout, result


def _layers(architecture="dcgan", request: gr.Request = None):
    rows = _metrics()["architectures"][_architecture(architecture)]["layers"]
    return layer_table(rows, page_language(request))


def _measured_views(request: gr.Request = None):
    """What the tab shows from metrics.json, in the page's language."""
    m, lang = _metrics(), page_language(request)
    return (
        measured_table(m, lang),
        claims_markdown(m, lang),
        curves_figure(m, lang),
        trained_spectra_figure(m, lang),
        norm_diagram(lang),
        _layers("dcgan", request),
    )


with gr.Blocks() as demo:
    article_header("gan_arch", "arch.summary")

    gr.Markdown(I18N("arch.compare_title"), elem_classes="section-title")
    markdown(I18N("arch.compare_intro"))
    with gr.Row():
        seed = gr.Number(0, precision=0, minimum=0, maximum=2**31 - 1, label=I18N("arch.seed"), elem_id="arch-seed")
        n = gr.Slider(1, MAX_SAMPLES, value=16, step=1, label=I18N("arch.n"), elem_id="arch-n")
        sample = gr.Button(I18N("arch.sample"), variant="primary", elem_id="arch-sample")
    with gr.Row():
        grids = [
            gr.Image(
                label=I18N(f"arch.{a}"), interactive=False, format="png", elem_id=f"arch-{a}", elem_classes="figure"
            )
            for a in ARCHITECTURES
        ]
    compare_readout = gr.Markdown(elem_id="arch-compare-readout")
    compare_json = gr.JSON(visible=False)
    compare_io = ([seed, n], [*grids, compare_readout, compare_json])
    gr.on([sample.click, seed.submit, n.release], arch_compare, *compare_io, api_name="arch_compare", **QUEUE)
    link(seed=seed, n=n)
    on_open(demo, arch_compare, *compare_io, "arch_compare", **QUEUE)

    gr.Markdown(I18N("arch.measured"), elem_classes="section-title")
    table = gr.Markdown(elem_id="arch-table")
    claims = gr.Markdown(elem_id="arch-claims")
    curves = gr.Plot(label=I18N("arch.curves"), elem_id="arch-curves")
    with gr.Accordion(I18N("arch.layers_title"), open=False):
        layers_of = gr.Radio(
            [(I18N(f"arch.{a}"), a) for a in ARCHITECTURES],
            value="dcgan",
            label=I18N("arch.layers_of"),
            elem_id="arch-layers-of",
        )
        layers = gr.Dataframe(label=I18N("arch.layers"), interactive=False, elem_id="arch-layers")
    layers_of.change(_layers, layers_of, layers, api_name="arch_layers", api_visibility="private", queue=False)

    gr.Markdown("---")
    gr.Markdown(I18N("arch.board_title"), elem_classes="section-title")
    markdown(I18N("arch.board_intro"))
    with gr.Row():
        kernel = gr.Slider(1, 8, value=3, step=1, label=I18N("arch.kernel"), elem_id="arch-kernel")
        stride = gr.Slider(1, 4, value=2, step=1, label=I18N("arch.stride"), elem_id="arch-stride")
        depth = gr.Slider(1, 4, value=1, step=1, label=I18N("arch.depth"), elem_id="arch-depth")
        mode = gr.Radio(
            [(I18N(f"arch.mode.{m}"), m) for m in UPSAMPLING],
            value="transposed",
            label=I18N("arch.mode"),
            elem_id="arch-mode",
        )
    board_readout = gr.Markdown(elem_id="arch-board-readout")
    board_plot = gr.Plot(label=I18N("arch.board_plot"), elem_id="arch-board")
    board_json = gr.JSON(visible=False)
    board_io = ([kernel, stride, depth, mode], [board_plot, board_readout, board_json])
    gr.on(
        [kernel.release, stride.release, depth.release, mode.change],
        arch_checkerboard,
        *board_io,
        api_name="arch_checkerboard",
        trigger_mode="always_last",
    )
    link(kernel=kernel, stride=stride, layers=depth, upsampling=mode)
    on_open(demo, arch_checkerboard, *board_io, "arch_checkerboard")
    gr.Markdown(I18N("arch.trained_title"), elem_classes="section-title")
    spectra = gr.Plot(label=I18N("arch.trained_plot"), elem_id="arch-spectra")

    gr.Markdown("---")
    gr.Markdown(I18N("arch.mod_title"), elem_classes="section-title")
    markdown(I18N("arch.mod_intro"))
    with gr.Row():
        layer = gr.Radio(
            [(I18N(f"arch.layer.{m}"), m) for m in NORM_LAYERS],
            value="bn1",
            label=I18N("arch.layer"),
            elem_id="arch-layer",
        )
        seed_a = gr.Number(
            0, precision=0, minimum=0, maximum=2**31 - 1, label=I18N("arch.seed_a"), elem_id="arch-seed-a"
        )
        seed_b = gr.Number(
            1, precision=0, minimum=0, maximum=2**31 - 1, label=I18N("arch.seed_b"), elem_id="arch-seed-b"
        )
    t = gr.Slider(0, 1, value=0.5, step=0.01, label=I18N("arch.t"), elem_id="arch-t")
    z_text = gr.Textbox("", visible=False, max_length=4000)  # the API's optional z
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=300):
            mod_samples = gr.Image(
                label=I18N("arch.mod_samples"), interactive=False, format="png", elem_id="arch-mod-samples"
            )
            mod_readout = gr.Markdown(elem_id="arch-mod-readout")
        mod_plot = gr.Plot(label=I18N("arch.mod_plot"), elem_id="arch-mod-plot", scale=3)
    mod_json = gr.JSON(visible=False)
    mod_io = ([layer, seed_a, seed_b, t, z_text], [mod_samples, mod_plot, mod_readout, mod_json])
    gr.on(
        [layer.change, seed_a.submit, seed_b.submit, t.release],
        arch_selfmod,
        *mod_io,
        api_name="arch_selfmod",
        trigger_mode="always_last",
        **QUEUE,
    )
    link(layer=layer, a=seed_a, b=seed_b, t=t)
    on_open(demo, arch_selfmod, *mod_io, "arch_selfmod", **QUEUE)
    gr.Markdown(I18N("arch.norms_title"), elem_classes="section-title")
    norms = gr.HTML(elem_id="arch-norms")
    on_open(demo, _measured_views, None, [table, claims, curves, spectra, norms, layers], "arch_measured")

if __name__ == "__main__":
    from demos.common import launch_kwargs

    demo.launch(**launch_kwargs())

"""O-GAN tab (kexue.fm/archives/6409): draw a digit, encode it with the discriminator, reconstruct it, interpolate
between codes, sample, move a code along the encoder's principal directions, and compare with the ablation.

Runs alone: `python -m demos.ogan`.
"""

from __future__ import annotations

import gradio as gr
import numpy as np

from demos.common import (
    ASSETS,
    article_header,
    markdown,
    model_queue,
    page_language,
    parse_number,
    parse_vector,
    scratch_file,
)
from demos.digit_input import chosen_pixels, digit_button, digit_grid, digit_pixels, digit_sketchpad, show_digits
from demos.errors import error, quote
from demos.i18n import EN, I18N, ZH
from demos.ogan_codes import JUDGE, MODEL, SOURCES, code_from, encode_digit
from demos.ogan_results import comparison_markdown
from demos.ogan_text import view
from demos.ogan_views import animation, code_figure, fit_scrub, scrub_frame
from demos.opening import link, on_open

EXAMPLES = ASSETS / "examples" / "ogan"
MAX_FRAMES, MAX_SAMPLES, N_DIRECTIONS = 32, 64, 8
MAX_NOISE_SCALE = 1.5
CODE_SOURCES = ["prior", "typical", "mixture"]
_SEVEN = 'dict(background=None, layers=[], composite=handle_file("assets/examples/ogan/digit_7.png"), id=None)'
API_EXAMPLES = {  # for the Guide's generated snippets (run from the repository root)
    "/ogan_encode": {"image": _SEVEN},
    "/ogan_interpolate": {"a_kind": "'drawing'", "a_image": _SEVEN, "b_image": "None"},
    "/ogan_edit": {"code": repr(", ".join(["0.9", "-0.9"] * 32))},
}
QUEUE = model_queue("ogan")


# ---------------------------------------------------------------- endpoints


def ogan_encode(image, request: gr.Request = None):
    """Encode a digit with the discriminator and reconstruct it: x_hat = G(0.9 N(E(x))).

    Args:
        image: a drawing (Sketchpad value) or an image file; any size, dark ink on light paper or the reverse.
    Returns:
        The input as the model sees it (28x28), the reconstruction, the code as a bar chart, the judge's class
        probabilities for the input and for the reconstruction, and JSON with the code and the judge's readings.
    """
    return _encode_pixels(digit_pixels(image), page_language(request))


def _encode_pixels(pixels: np.ndarray, lang: str = "en"):
    recon, code, readings, result = encode_digit(pixels)
    return show_digits(pixels), show_digits(recon), code_figure(code, lang), readings[0], readings[1], result


def ogan_interpolate(
    a_kind="example", a_image=None, a_value=3, b_kind="example", b_image=None, b_value=8, frames=8, method="spherical"
):
    """Decode a path between two codes, each from a drawing, an example digit (0-9) or a random seed.

    Args:
        a_kind: 'drawing', 'example' or 'seed'. a_image: the drawing (when a_kind is 'drawing'). a_value: digit or seed.
        b_kind, b_image, b_value: the same for the end point.
        frames: 2..32 frames. method: 'linear' or 'spherical'.
    Returns:
        The strip of frames, the GIF animation (file), and JSON with both codes.
    """
    import torch

    from models.ogan import interpolate

    frames = parse_number(frames, "Frames", 2, MAX_FRAMES, integer=True)
    if method not in ("linear", "spherical"):
        raise error("method", value=quote(method))
    a, b = code_from(a_kind, a_image, a_value), code_from(b_kind, b_image, b_value)
    path = interpolate(torch.from_numpy(a), torch.from_numpy(b), frames, method)
    images = MODEL.get().generator(path).numpy()  # (F, 1, 28, 28)
    gif = animation(images, scratch_file("interpolation.gif"))
    result = {
        "a": [round(float(v), 5) for v in a],
        "b": [round(float(v), 5) for v in b],
        "method": method,
        "frames": frames,
    }
    return show_digits(images), gif, result, images


def ogan_sample(seed=0, n=16, scale=1.0, source="prior"):
    """Sample n digits (1..64) with a seed: prior codes, only the prior samples the encoder finds typical, or codes
    drawn from the mixture fitted to the encoder's codes of real digits.

    Args:
        seed: any whole number from 0. n: how many digits. scale: the noise scale (above 0, at most 1.5); below 1 is the
            "truncation trick": prior codes shrink towards 0, mixture codes towards their component's centre.
        source: "prior" (z ~ N(0, scale^2 I), what the GAN was trained on), "typical" (prior samples kept only when the
            encoder's code of the picture is as likely as a real digit's under the fitted code mixture: rejection
            sampling) or "mixture" (codes drawn from that mixture: the encoder picks where real digits live).
    Returns:
        A grid image and JSON with the seed, the scale, the source and the codes.
    """
    import torch

    seed = parse_number(seed, "Seed", 0, 2**31 - 1, integer=True)
    n = parse_number(n, "Number of samples", 1, MAX_SAMPLES, integer=True)
    scale = parse_number(scale, "Noise scale", 0.0, MAX_NOISE_SCALE)
    if source not in CODE_SOURCES:
        raise error("code_source", value=quote(source), choices=", ".join(CODE_SOURCES))
    model = MODEL.get()
    g = torch.Generator().manual_seed(seed)
    try:
        if source == "typical":
            # at σ = 1 about 70% pass, so mostly one round; give up after 50 rounds (tiny σ can pass almost none)
            z, images = model.sample_typical(n, g, scale, batch=2 * n, max_draws=100 * n)
        else:
            z = model.sample_codes(n, g, scale, source)
            images = model.generator(z)
    except ValueError:  # a snapshot without a fitted mixture, or a filter nothing passes
        raise error("no_mixture") from None
    codes = np.round(z.numpy(), 5).tolist()
    result = {"seed": seed, "n": n, "scale": scale, "source": source, "codes": codes}
    return digit_grid(images.numpy()), result


def ogan_edit(code: str, pc1=0.0, pc2=0.0, pc3=0.0, pc4=0.0, pc5=0.0, pc6=0.0, pc7=0.0, pc8=0.0):
    """Move a code along the top principal directions of the encoder's codes over the training set.

    Args:
        code: the code, numbers separated by commas (e.g. the 'code' of ogan_encode).
        pc1..pc8: how far to move along each of the 8 directions, in standard deviations of the training codes (-4..4).
    Returns:
        The decoded image and JSON with the edited code.
    """
    import torch

    offsets = (pc1, pc2, pc3, pc4, pc5, pc6, pc7, pc8)

    model = MODEL.get()
    z = parse_vector(code, max_len=model.n_z, what="The code")
    if len(z) != model.n_z:
        raise error("code_length", n=model.n_z, got=len(z))
    steps = torch.tensor(
        [parse_number(o, f"Offset {i + 1}", -4.0 - 1e-9, 4.0) for i, o in enumerate(offsets)], dtype=torch.float32
    )
    edited = torch.from_numpy(z).float() + (steps * model.direction_std) @ model.directions  # (n_z,)
    image = model.generator(edited[None]).numpy()
    return show_digits(image), {"code": np.round(edited.numpy(), 5).tolist(), "offsets": steps.tolist()}


def _code_text(result: dict) -> str:
    return ", ".join(f"{v:.4f}" for v in result["code"])


def _encode_chosen(image, digit, choice, request: gr.Request = None):
    """What a person's Encode does: the drawing, or the test digit (0-9) chosen after it (demos.digit_input
    .digit_button), with its name above the input as the model sees it."""
    lang = page_language(request)
    pixels, source = chosen_pixels(image, digit, choice, lang)
    seen, *rest = _encode_pixels(pixels, lang)
    return gr.update(value=seen, label=view("seen", lang, source=source)), *rest


def _encode_example(digit, request: gr.Request = None):
    """The test digit picked (0-9) encoded; nothing while none is picked."""
    return _encode_chosen(None, digit, "digit", request) if digit is not None else gr.skip()


def _seed_code(seed) -> str:
    return ", ".join(f"{v:.4f}" for v in code_from("seed", None, seed))


# ---------------------------------------------------------------- the tab


def _choices(values: list[str]) -> list:
    return [(I18N(f"ogan.choice.{v}"), v) for v in values]


EN["ogan.compare_table"], ZH["ogan.compare_table"] = comparison_markdown("en"), comparison_markdown("zh")


with gr.Blocks() as demo:
    article_header("ogan", "ogan.summary")
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=300):
            pad = digit_sketchpad(280, I18N("ogan.pad"), height=420, elem_id="ogan-pad")
            encode = gr.Button(I18N("ogan.encode"), variant="primary", elem_id="ogan-encode")
            example = gr.Radio(
                [str(d) for d in range(10)], value="7", label=I18N("ogan.example"), elem_id="ogan-example"
            )
        with gr.Column(scale=2, min_width=400):
            with gr.Row():
                seen = gr.Image(
                    label=I18N("ogan.seen"), interactive=False, format="png", height=200, elem_id="ogan-seen"
                )
                recon = gr.Image(
                    label=I18N("ogan.recon"), interactive=False, format="png", height=200, elem_id="ogan-recon"
                )
            with gr.Row():
                judge_in = gr.Label(num_top_classes=3, label=I18N("ogan.judge_input"), elem_id="ogan-judge-input")
                judge_out = gr.Label(num_top_classes=3, label=I18N("ogan.judge_recon"), elem_id="ogan-judge-recon")
            code_plot = gr.Plot(label=I18N("ogan.code"))
            code_json = gr.JSON(visible=False)
    encode_out = [seen, recon, code_plot, judge_in, judge_out, code_json]
    digit_button(encode, pad, example, encode_out, _encode_chosen, ogan_encode, "ogan_encode", **QUEUE)
    example.change(_encode_example, example, encode_out, api_name="ogan_example", api_visibility="private", **QUEUE)
    link(digit=example)
    on_open(demo, _encode_example, example, encode_out, "ogan_example", **QUEUE)

    gr.Markdown(I18N("ogan.interp_title"), elem_classes="section-title")
    with gr.Row(equal_height=False):
        with gr.Column(min_width=260):
            a_kind = gr.Radio(_choices(SOURCES), value="example", label=I18N("ogan.from"))
            a_value = gr.Number(3, precision=0, label=I18N("ogan.value_hint"))
            gr.Markdown(I18N("ogan.a_drawing_note"))
        with gr.Column(min_width=260):
            b_kind = gr.Radio(_choices(SOURCES), value="seed", label=I18N("ogan.to"))
            b_value = gr.Number(7, precision=0, label=I18N("ogan.value_hint"), elem_id="ogan-b-value")
            b_pad = digit_sketchpad(200, I18N("ogan.b_pad"))
        with gr.Column(min_width=200):
            frames = gr.Slider(2, MAX_FRAMES, value=8, step=1, label=I18N("ogan.frames"))
            method = gr.Radio(_choices(["spherical", "linear"]), value="spherical", label=I18N("ogan.method"))
            run_interp = gr.Button(I18N("ogan.interpolate"), variant="primary", elem_id="ogan-interpolate")
    strip = gr.Image(label=I18N("ogan.strip"), interactive=False, format="png", elem_id="ogan-strip")
    with gr.Row(equal_height=False):
        scrub = gr.Slider(0, 7, value=0, step=1, label=I18N("ogan.scrub"))  # spans the frames of the path shown
        frame = gr.Image(label=I18N("ogan.frame"), interactive=False, format="png", height=200)
        gif = gr.File(label=I18N("ogan.gif"), elem_id="ogan-gif")
    interp_json = gr.JSON(visible=False)
    frames_state = gr.State()
    interp_io = (
        [a_kind, pad, a_value, b_kind, b_pad, b_value, frames, method],
        [strip, gif, interp_json, frames_state],
    )
    run_interp.click(ogan_interpolate, *interp_io, api_name="ogan_interpolate", **QUEUE).then(
        fit_scrub,
        [frames_state, scrub],
        [scrub, frame],
        api_name="ogan_scrub_after",
        api_visibility="private",
        queue=False,
    )
    # the tab opens alive: the default interpolation, a sample grid and a decoded seed code are there before any click
    link(start=a_kind, a=a_value, end=b_kind, b=b_value, frames=frames, path=method)
    on_open(demo, ogan_interpolate, *interp_io, "ogan_interpolate", **QUEUE).then(
        fit_scrub,
        [frames_state, scrub],
        [scrub, frame],
        api_name="ogan_scrub_initial",
        api_visibility="private",
        queue=False,
    )
    scrub.change(
        scrub_frame, [frames_state, scrub], frame, api_name="ogan_scrub", api_visibility="private", queue=False
    )

    gr.Markdown(I18N("ogan.sample_title"), elem_classes="section-title")
    with gr.Row(equal_height=False):
        with gr.Column(min_width=220):
            sample_seed = gr.Number(0, precision=0, label=I18N("ogan.seed"), elem_id="ogan-seed")
            sample_n = gr.Slider(1, MAX_SAMPLES, value=16, step=1, label=I18N("ogan.n_samples"))
            sample_scale = gr.Slider(
                0.05, MAX_NOISE_SCALE, value=1.0, step=0.05, label=I18N("ogan.scale"), info=I18N("ogan.scale_info")
            )
            sample_source = gr.Radio(
                _choices(CODE_SOURCES),
                value="prior",
                label=I18N("ogan.source"),
                info=I18N("ogan.source_info"),
                elem_id="ogan-source",
            )
            run_sample = gr.Button(I18N("ogan.sample"), variant="primary", elem_id="ogan-sample")
        grid = gr.Image(label=I18N("ogan.samples"), interactive=False, format="png", elem_id="ogan-grid")
    sample_json = gr.JSON(visible=False)
    sample_io = ([sample_seed, sample_n, sample_scale, sample_source], [grid, sample_json])
    run_sample.click(ogan_sample, *sample_io, api_name="ogan_sample", **QUEUE)
    link(seed=sample_seed, n=sample_n, scale=sample_scale, source=sample_source)
    on_open(demo, ogan_sample, *sample_io, "ogan_sample", **QUEUE)

    gr.Markdown(I18N("ogan.edit_title"), elem_classes="section-title")
    markdown(I18N("ogan.edit_intro"))
    with gr.Row(equal_height=False):
        with gr.Column(scale=2):
            code_box = gr.Textbox(label=I18N("ogan.code_box"), lines=2, max_lines=4)
            with gr.Row():
                use_encoded = gr.Button(I18N("ogan.use_encoded"))
                use_seed = gr.Button(I18N("ogan.use_seed"))
            sliders = []
            with gr.Row():
                for half in range(2):
                    with gr.Column(min_width=200):
                        sliders += [
                            gr.Slider(-4, 4, value=0, step=0.1, label=f"PC {i + 1}")
                            for i in range(half * 4, half * 4 + 4)
                        ]
        edited = gr.Image(label=I18N("ogan.edited"), interactive=False, format="png", height=240, elem_id="ogan-edited")
    edit_json = gr.JSON(visible=False)
    use_encoded.click(
        lambda r: _code_text(r) if r else gr.skip(),
        code_json,
        code_box,
        api_name="ogan_use_encoded",
        api_visibility="private",
        queue=False,
    )
    use_seed.click(_seed_code, sample_seed, code_box, api_name="ogan_use_seed", api_visibility="private", **QUEUE)
    gr.on(
        [code_box.change, *[s.release for s in sliders]],
        ogan_edit,
        [code_box, *sliders],
        [edited, edit_json],
        api_name="ogan_edit",
        **QUEUE,
    )
    on_open(demo, _seed_code, sample_seed, code_box, "ogan_seed_code", **QUEUE).then(
        ogan_edit,
        [code_box, *sliders],
        [edited, edit_json],
        api_name="ogan_edit_initial",
        api_visibility="private",
        **QUEUE,
    )

    gr.Markdown(I18N("ogan.compare_title"), elem_classes="section-title")
    gr.Markdown(I18N("ogan.compare_table"), elem_id="ogan-compare")
    with gr.Row(equal_height=False):
        gr.Image(str(EXAMPLES / "ogan_samples.png"), label=I18N("ogan.ogan_samples"), interactive=False, height=260)
        gr.Image(
            str(EXAMPLES / "ablation_samples.png"), label=I18N("ogan.ablation_samples"), interactive=False, height=260
        )

if __name__ == "__main__":
    from demos.common import launch_kwargs

    MODEL.start()
    JUDGE.start()
    demo.launch(**launch_kwargs())

"""Opening panels and links: the address's values reach a tab's opening events only when the control takes them."""

from __future__ import annotations

import warnings

import gradio as gr
import pytest

from demos.opening import MAX_LINK_TEXT, from_address, link, on_open


def request(**query):
    return type("Request", (), {"query_params": query})()


@pytest.fixture
def opening():
    """A one-slider tab whose opening event echoes the slider: (the event's function, the slider, its outputs)."""
    with gr.Blocks() as demo:
        c = gr.Slider(0.1, 1.5, value=0.7, step=0.01)
        out = gr.Textbox()
        link(c=c)
        on_open(demo, lambda value: f"drawn at c = {value}", c, out, "toy")
    event = next(f for f in demo.fns.values() if f.api_name == "toy_initial")
    return event.fn, c, event.outputs


def test_a_slider_takes_a_number_within_its_range():
    slider = gr.Slider(0.1, 1.5, value=0.7, step=0.01)
    assert from_address(slider, "0.9") == 0.9
    for bad in ("abc", "nan", "inf", "2", "0.05", ""):
        with pytest.raises(ValueError):
            from_address(slider, bad)


def test_a_whole_number_slider_refuses_fractions():
    frames = gr.Slider(2, 32, value=8, step=1)
    assert from_address(frames, "12") == 12 and isinstance(from_address(frames, "12"), int)
    with pytest.raises(ValueError, match="whole number"):
        from_address(frames, "12.5")


def test_a_radio_takes_only_its_values_not_its_labels():
    radio = gr.Radio([("Spherical", "spherical"), ("Linear", "linear")], value="spherical")
    assert from_address(radio, "linear") == "linear"
    with pytest.raises(ValueError, match="spherical, linear"):
        from_address(radio, "Linear")


def test_a_text_box_takes_short_text_only():
    box = gr.Textbox()
    assert from_address(box, "今天天气很好") == "今天天气很好"
    with pytest.raises(ValueError):
        from_address(box, "字" * (MAX_LINK_TEXT + 1))


def test_linking_a_plot_is_refused():
    with gr.Blocks(), pytest.raises(TypeError):
        link(figure=gr.Plot())


def test_the_opening_event_draws_and_shows_the_linked_value(opening):
    fn, *_ = opening
    assert fn(0.7, request(c="0.9")) == ["drawn at c = 0.9", 0.9]


def test_without_the_key_the_default_is_drawn_and_the_control_left_alone(opening):
    fn, *_ = opening
    drawn, control = fn(0.7, request(tab="iresnet"))
    assert drawn == "drawn at c = 0.7" and isinstance(control, type(gr.skip()))


def test_a_bad_value_is_named_in_both_languages_and_the_default_kept(opening):
    fn, *_ = opening
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        drawn, _ = fn(0.7, request(c="<b>9</b>"))
    assert drawn == "drawn at c = 0.7"
    text = " ".join(str(w.message) for w in caught)
    assert "c=&lt;b&gt;9&lt;/b&gt;" in text and "a number from 0.1 to 1.5" in text and "0.1 到 1.5 之间的数" in text


def test_the_opening_event_also_outputs_its_linked_controls(opening):
    _, c, outputs = opening
    assert len(outputs) == 2 and outputs[1] is c

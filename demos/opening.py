"""When a tab computes its opening panels, and how a link restores what it showed.

A tab computes its opening panels the first time it is shown: a hidden "opener" button per tab, which the page
script (assets/page.js, in the app and in a tab run alone) clicks once when its tab is on screen. Measured in the
browser: every event makes Gradio's page refresh the loading state of every output of every event run so far, each
lookup a walk over the whole component tree, so 26 opening events for eight tabs at page load blocked the main
thread for 0.6-1.2 s at a time; now a page load runs one tab's events.

A tab's main controls are linked to the page address (`link`): as one changes, the page script writes it into the URL
(`?tab=iresnet&c=0.9`, remembered per tab), and when the tab opens its opening events take the linked values from
the address, validated here (a bad one is named in a warning and the default kept), and show them in the controls.
"""

from __future__ import annotations

import inspect
import math

import gradio as gr

from demos.errors import message, quote

_openers: dict[int, gr.Button] = {}  # id(tab's Blocks) -> its opener
_links: dict[int, str] = {}  # id(control) -> its key in the address
MAX_LINK_TEXT = 300  # characters of a linked text box that go into the address


def link(**controls) -> None:
    """Each control (a slider, number, radio, dropdown or text box) follows the page address under its keyword."""
    for key, control in controls.items():
        if not isinstance(control, gr.Slider | gr.Number | gr.Radio | gr.Dropdown | gr.Textbox):
            raise TypeError(f"cannot link a {type(control).__name__} to the address")
        _links[id(control)] = key
        limit = MAX_LINK_TEXT if isinstance(control, gr.Textbox) else 100
        remember = f"(value) => {{ window.explorables?.remember({key!r}, value, {limit}); }}"
        control.change(None, control, None, js=remember)


def from_address(control, text: str):
    """The value `text` (from the address) means for `control`. ValueError((English, Chinese)) says what it takes when
    `text` means none."""
    if isinstance(control, gr.Radio | gr.Dropdown):
        values = [c[1] if isinstance(c, tuple | list) else c for c in control.choices]
        match = [v for v in values if str(v) == text]
        if not match:
            choices = ", ".join(map(str, values))
            raise ValueError((f"one of {choices}", f"以下之一：{choices}"))
        return match[0]
    if isinstance(control, gr.Textbox):
        if len(text) > MAX_LINK_TEXT:
            raise ValueError((f"at most {MAX_LINK_TEXT} characters", f"最多 {MAX_LINK_TEXT} 个字符"))
        return text
    low, high = control.minimum, control.maximum
    whole = isinstance(control, gr.Number) and control.precision == 0
    if isinstance(control, gr.Slider):
        whole = float(control.step).is_integer() and float(low).is_integer()
    bounded = low is not None and high is not None
    expected = (
        ("a whole number" if whole else "a number") + (f" from {low:g} to {high:g}" if bounded else ""),
        (f"{low:g} 到 {high:g} 之间的" if bounded else "") + ("整数" if whole else "数"),
    )
    try:
        value = float(text)
    except ValueError:
        raise ValueError(expected) from None
    if not math.isfinite(value) or (whole and not value.is_integer()):
        raise ValueError(expected)
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(expected)
    return int(value) if whole else value


def _restored(inputs: list, values: list, request: gr.Request | None) -> list[int]:
    """Put the address's values of linked inputs into `values`; the positions restored."""
    query = request.query_params if request is not None else {}
    done = []
    for i, control in enumerate(inputs):
        key = _links.get(id(control))
        if key is None or key not in query:
            continue
        try:
            values[i] = from_address(control, query[key])
            done.append(i)
        except ValueError as bad:
            en, zh = bad.args[0]
            gr.Warning(message("link_value", param=quote(key), value=quote(query[key]), expected=en, expected_zh=zh))
    return done


def _restoring(fn, inputs: list, outputs: list):
    """`fn` as an opening event: its linked inputs taken from the address and shown in their controls."""
    positions = [i for i, control in enumerate(inputs) if id(control) in _links]
    if not positions:
        return fn, outputs
    wants_request = "request" in inspect.signature(fn).parameters

    def call(args):
        *values, request = args
        restored = set(_restored(inputs, values, request))
        result = fn(*values, request=request) if wants_request else fn(*values)
        return result, [values[i] if i in restored else gr.skip() for i in positions]

    def extended(result, shown: list) -> list:
        return [*([result] if len(outputs) == 1 else result), *shown]

    if inspect.isgeneratorfunction(fn):  # a streaming handler: every update it yields, the controls beside it

        def opened(*args):
            results, shown = call(args)
            for result in results:
                yield extended(result, shown)

    else:

        def opened(*args):
            return extended(*call(args))

    # Gradio passes the request to a parameter annotated gr.Request among the positional ones: one per input, then it
    param = inspect.Parameter
    opened.__signature__ = inspect.Signature(
        [param(f"input_{i}", param.POSITIONAL_OR_KEYWORD) for i in range(len(inputs))]
        + [param("request", param.POSITIONAL_OR_KEYWORD, annotation=gr.Request)]
    )
    opened.__annotations__ = {"request": gr.Request}
    return opened, [*outputs, *(inputs[i] for i in positions)]


def on_open(demo: gr.Blocks, fn, inputs, outputs, name: str, **kwargs):
    """Run `fn` on the tab's inputs (linked ones from the address) when the tab opens: a private endpoint
    `<name>_initial`. Returns the event, to chain `.then` on."""
    inputs = [] if inputs is None else list(inputs) if isinstance(inputs, list | tuple) else [inputs]
    outputs = list(outputs) if isinstance(outputs, list | tuple) else [outputs]
    fn, outputs = _restoring(fn, inputs, outputs)
    kwargs = {"api_name": f"{name}_initial", "api_visibility": "private", **kwargs}
    if id(demo) not in _openers:  # in the DOM but not shown; placed wherever the tab's first opening event is
        _openers[id(demo)] = gr.Button(visible="hidden", elem_id=f"{name}-opener", elem_classes="tab-opener")
    return _openers[id(demo)].click(fn, inputs, outputs, **kwargs)

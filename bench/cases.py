"""The calls the latency benchmark makes, one list per public endpoint: each tab adds its endpoints here.
Arguments mirror what a user sends from the tab (the UI's defaults or its examples)."""

from pathlib import Path

from gradio_client import handle_file

DIGIT = str(Path(__file__).resolve().parent.parent / "assets" / "examples" / "ogan" / "digit_7.png")
SKETCH = {"background": None, "layers": [], "composite": handle_file(DIGIT), "id": None}
EMPTY_SKETCH = {"background": None, "layers": [], "composite": None, "id": None}
BATCH = {"headers": ["t", "s"], "data": [[1, 2.1], [0, -1.5], [1, 0.4], [0, 0.6]], "metadata": None}

CASES: dict[str, list[tuple]] = {
    "/smooth_pair": [
        ("max_lse", 1.0, "2, 1, 4, 5, 3", 2, BATCH),
        ("topk", 20.0, "2, 1, 4, 5, 3", 2, BATCH),
        ("f1", 3.0, "", 2, BATCH),
        ("relu_softplus", 2.0, "-2, -0.5, 0, 0.5, 2", 2, BATCH),
    ],
    "/smooth_experiment": [(0, 0.1, 300)],
    "/ogan_encode": [(SKETCH,)],
    "/ogan_interpolate": [
        ("drawing", SKETCH, 0, "seed", EMPTY_SKETCH, 3, 8, "spherical"),
        ("example", EMPTY_SKETCH, 3, "example", EMPTY_SKETCH, 8, 8, "linear"),
    ],
    "/ogan_sample": [(0, 16)],
    "/ogan_edit": [(", ".join(["0.5", "-0.5"] * 32), 1.0, 0, 0, 0, -1.0, 0, 0, 0)],
}

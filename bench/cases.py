"""The calls the latency benchmark makes, one list per public endpoint: each tab adds its endpoints here.
Arguments mirror what a user sends from the tab (the UI's defaults or its examples)."""

from pathlib import Path

from gradio_client import handle_file

DIGIT = str(Path(__file__).resolve().parent.parent / "assets" / "examples" / "ogan" / "digit_7.png")
SKETCH = {"background": None, "layers": [], "composite": handle_file(DIGIT), "id": None}
EMPTY_SKETCH = {"background": None, "layers": [], "composite": None, "id": None}
SENTENCE_50 = "国务院总理李鹏今天上午在人民大会堂会见了来访的日本客人，双方就进一步发展两国经济合作交换了意见。"
BATCH = {"headers": ["t", "s"], "data": [[1, 2.1], [0, -1.5], [1, 0.4], [0, 0.6]], "metadata": None}
TERMS = Path(__file__).resolve().parent.parent / "assets" / "examples" / "terms"


def chinese_100kb() -> str:
    """100 KB (UTF-8) of real Chinese: the bundled People's Daily excerpt, then the reviews excerpt."""
    text = "\n".join(
        (TERMS / f).read_text(encoding="utf-8") for f in ("peoples_daily_1998_excerpt.txt", "reviews_excerpt.txt")
    )
    return text.encode("utf-8")[:100_000].decode("utf-8", errors="ignore")


ZH_100KB = chinese_100kb()

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
    "/arch_compare": [(0, 16)],
    "/arch_checkerboard": [(3, 2, 1, "transposed"), (3, 2, 2, "resize")],
    "/arch_selfmod": [("bn1", 0, 1, 0.5, ""), ("bn0", 3, 8, 0.2, "")],
    "/onlstm_parse": [
        (SENTENCE_50, 2, "forward", ""),  # the default tree source
        (SENTENCE_50, 2, "both", ""),  # with the right-to-left twin: two models read the sentence
        ("苹果的颜色是什么", 3, "2", "苹果 的 颜色 是 什么"),
    ],
    "/onlstm_gates": [(SENTENCE_50, "2")],
    "/iresnet_fixed_point": [(0.7, 1.0, -0.5, 30), (1.3, 0.4, 0.2, 100)],
    "/iresnet_roundtrip": [(SKETCH,)],
    "/iresnet_sample": [(0, 16, 0.8)],
    "/iresnet_logdet": [(10, 4, 0)],
    "/iresnet_density": [("eight_gaussians",), ("rings",)],
    "/cln_generate": [(1.0, 4, 64, 1.0, 1.0, 0, "", 1.0), (0.0, 4, 64, 1.0, 1.0, 1, "房间", 1.0)],
    "/cln_mechanics": [("这家酒店的服务", 1.0, 1.0, 8), ("质量", 0.0, 0.5, 3)],
    "/terms_mine": [(ZH_100KB, None, "auto", 0, 2.5, 1.2)],
    "/terms_segment": [(ZH_100KB[:20_000], "auto")],
}

"""The calls the latency benchmark makes, one list per public endpoint: each tab adds its endpoints here.
Arguments mirror what a user sends from the tab (the UI's defaults or its examples)."""

BATCH = {"headers": ["t", "s"], "data": [[1, 2.1], [0, -1.5], [1, 0.4], [0, 0.6]], "metadata": None}

CASES: dict[str, list[tuple]] = {
    "/smooth_pair": [
        ("max_lse", 1.0, "2, 1, 4, 5, 3", 2, BATCH),
        ("topk", 20.0, "2, 1, 4, 5, 3", 2, BATCH),
        ("f1", 3.0, "", 2, BATCH),
        ("relu_softplus", 2.0, "-2, -0.5, 0, 0.5, 2", 2, BATCH),
    ],
    "/smooth_experiment": [(0, 0.1, 300)],
}

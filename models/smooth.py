"""Smooth approximations of non-differentiable functions, with their error bounds.

Su Jianlin, "函数光滑化杂谈：不可导函数的可导逼近" (https://kexue.fm/archives/6620, 2019) and the smooth maximum
post it builds on (https://kexue.fm/archives/3290, 2015). Everything follows from one building block, the
temperature-K log-sum-exp

    LSE_K(x) = (1/K) ln sum_i exp(K x_i),      max(x) <= LSE_K(x) <= max(x) + ln(n)/K,

whose gradient is softmax(Kx), the smooth one-hot of the argmax. Each pair below returns the hard value, the
smooth value and an interval that provably holds both (the bounds marked "derived" are ours, not the article's;
their one-line proofs are in the comments). All functions are plain numpy; nothing here knows about a UI.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Pair:
    """One hard/smooth comparison: scalar or vector values and a bound on the smooth value."""

    exact: float | list[float]
    smooth: float | list[float]
    lower: float | list[float]  # the smooth value lies in [lower, upper] (element-wise)
    upper: float | list[float]
    error: float  # the distance between smooth and exact (absolute, or the norm named in `note`)
    error_bound: float  # a proven upper bound on `error`; nan when no bound is known
    note: str = ""


# ---------------------------------------------------------------- building blocks


def lse(x: np.ndarray, K: float) -> float:
    """(1/K) log sum exp(K x), computed stably by factoring out the max."""
    m = x.max()
    return float(m + np.log(np.exp(K * (x - m)).sum()) / K)


def softmax(x: np.ndarray, K: float = 1.0) -> np.ndarray:
    z = K * (x - x.max())
    e = np.exp(z)
    return e / e.sum()


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-x)) without overflow, and accurate in the far tails (it reaches 0 only when exp(x) underflows)."""
    e = np.exp(-np.abs(x))
    return np.where(np.asarray(x) >= 0, 1 / (1 + e), e / (1 + e))


def softplus(x: np.ndarray, K: float) -> np.ndarray:
    """(1/K) ln(1 + exp(Kx)) = LSE_K of (0, x): the smooth ReLU."""
    return np.logaddexp(0.0, K * x) / K


def smooth_abs(x: np.ndarray, K: float) -> np.ndarray:
    """(1/K) ln(exp(Kx) + exp(-Kx)) = LSE_K of (x, -x): the smooth |x| of post 3290."""
    return np.logaddexp(K * x, -K * x) / K


def onehot(i: int, n: int) -> np.ndarray:
    v = np.zeros(n)
    v[i] = 1.0
    return v


def _top_two_gap(x: np.ndarray) -> float:
    s = np.sort(x)
    return float(s[-1] - s[-2]) if len(x) > 1 else np.inf


def softmax_mass_bound(x: np.ndarray, K: float) -> float:
    """Derived: 1 - max softmax(Kx) <= (n-1) exp(-K * gap), gap = top-1 minus top-2 entry.

    Every other entry j has p_j / p_max = exp(-K (x_max - x_j)) <= exp(-K gap), and p_max <= 1.
    """
    n = len(x)
    if n == 1:
        return 0.0
    return float(min(1.0, (n - 1) * np.exp(-K * _top_two_gap(x))))


# ---------------------------------------------------------------- vector pairs


def max_vs_lse(x: np.ndarray, K: float) -> Pair:
    m, s = float(x.max()), lse(x, K)
    bound = float(np.log(len(x)) / K)
    return Pair(m, s, m, m + bound, s - m, bound, "max ≤ LSE_K ≤ max + ln(n)/K")


def onehot_vs_softmax(x: np.ndarray, K: float) -> Pair:
    n = len(x)
    hard, p = onehot(int(x.argmax()), n), softmax(x, K)
    # ||p - onehot||_1 = 2 (1 - p_max): the mass outside the argmax counted twice.
    err, bound = float(np.abs(p - hard).sum()), 2 * softmax_mass_bound(x, K)
    lo = np.clip(hard - bound / 2, 0, 1)
    hi = np.clip(hard + bound / 2, 0, 1)
    return Pair(hard.tolist(), p.tolist(), lo.tolist(), hi.tolist(), err, bound, "L1 distance ≤ 2(n−1)e^{−KΔ}")


def argmax_vs_softargmax(x: np.ndarray, K: float) -> Pair:
    """argmax as a 1-based index, and its smooth version sum_i i * softmax(Kx)_i."""
    n = len(x)
    i_star = int(x.argmax()) + 1
    p = softmax(x, K)
    soft = float(np.dot(np.arange(1, n + 1), p))
    # Derived: |sum_j (j - i*) p_j| <= max_j |j - i*| * sum_{j != i*} p_j <= (n-1)(1 - p_max).
    bound = (n - 1) * softmax_mass_bound(x, K)
    return Pair(
        float(i_star), soft, i_star - bound, i_star + bound, abs(soft - i_star), bound, "|soft − i*| ≤ (n−1)²e^{−KΔ}"
    )


def cumax_pair(x: np.ndarray, K: float) -> Pair:
    """The ON-LSTM gate cumax(x) = cumsum(softmax(x)) beside its hard limit, a step up at the argmax."""
    n = len(x)
    hard = np.cumsum(onehot(int(x.argmax()), n))
    soft = np.cumsum(softmax(x, K))
    # Derived: before the argmax cumax_j <= mass outside it; from it on 1 - cumax_j <= the same mass.
    bound = softmax_mass_bound(x, K)
    return Pair(
        hard.tolist(),
        soft.tolist(),
        np.clip(hard - bound, 0, 1).tolist(),
        np.clip(hard + bound, 0, 1).tolist(),
        float(np.abs(soft - hard).max()),
        bound,
        "max-norm distance ≤ (n−1)e^{−KΔ}",
    )


def topk_multihot(x: np.ndarray, k: int) -> np.ndarray:
    hard = np.zeros(len(x))
    hard[np.argsort(-x, kind="stable")[:k]] = 1.0
    return hard


def soft_topk_recursion(x: np.ndarray, K: float, k: int) -> np.ndarray:
    """The article's soft-k-max: shift to x >= 0, then k rounds of softmax, each masking what was already taken.

    p <- p + softmax(K (1 - p) * x). The result sums to k; there is no known proof that it stays in [0, 1].
    """
    z = x - x.min()
    p = np.zeros(len(x))
    for _ in range(k):
        p = p + softmax((1.0 - p) * z, K)
    return p


def soft_topk_esp(x: np.ndarray, K: float, k: int) -> np.ndarray:
    """The principled soft top-k of the 2024 follow-up (kexue.fm/archives/10373), beyond the 2019 article.

    p = gradient of (1/K) ln e_k(exp(Kx)), e_k the k-th elementary symmetric polynomial: p_i is the probability
    that i belongs to a k-subset drawn with weight exp(K * sum of its entries). Entries lie in [0, 1], sum to k.
    Computed as p_i = w_i e_{k-1}(w without i) / e_k(w) with a log-space forward/backward recursion, O(n k).
    """
    n = len(x)
    logw = K * (x - x.max())
    # fwd[i, j] = log e_j(w_1..w_i); bwd[i, j] = log e_j(w_{i+1}..w_n)
    fwd = np.full((n + 1, k + 1), -np.inf)
    bwd = np.full((n + 2, k + 1), -np.inf)
    fwd[:, 0] = 0.0
    bwd[:, 0] = 0.0
    for i in range(1, n + 1):
        fwd[i, 1:] = np.logaddexp(fwd[i - 1, 1:], fwd[i - 1, :-1] + logw[i - 1])
    for i in range(n, 0, -1):
        bwd[i - 1, 1:] = np.logaddexp(bwd[i, 1:], bwd[i, :-1] + logw[i - 1])
    total = fwd[n, k]
    p = np.empty(n)
    for i in range(n):  # e_{k-1} of all but i = sum_a fwd[i, a] * bwd[i+1, k-1-a]
        terms = fwd[i, :k] + bwd[i + 1, k - 1 :: -1]
        p[i] = np.exp(logw[i] + np.logaddexp.reduce(terms) - total)
    return p


def topk_pair(x: np.ndarray, K: float, k: int) -> Pair:
    """No band is claimed: no bound is known, and the recursion can even leave [0, 1] (x = [0, 1], k = 2, K = 1
    gives [0.70, 1.30]); the principled `soft_topk_esp` always stays inside."""
    hard = topk_multihot(x, k)
    soft = soft_topk_recursion(x, K, k)
    unknown = [float("nan")] * len(x)
    return Pair(
        hard.tolist(),
        soft.tolist(),
        unknown,
        unknown,
        float(np.abs(soft - hard).sum()),
        float("nan"),
        "no error bound is known for the soft-k-max recursion (it can even leave [0, 1]); the L1 gap is measured",
    )


# ---------------------------------------------------------------- batch metrics (binary labels t, scores s)


def _hard_predictions(s: np.ndarray) -> np.ndarray:
    return (s > 0).astype(float)


def accuracy_pair(t: np.ndarray, s: np.ndarray, K: float) -> Pair:
    """accuracy = mean 1[pred == t]; soft accuracy = mean probability given to the true class, p = sigmoid(K s)."""
    h, p = _hard_predictions(s), sigmoid(K * s)
    acc = float((h == t).mean())
    soft = float(np.mean(t * p + (1 - t) * (1 - p)))
    # Derived: per sample |soft - hard correctness| = sigmoid(-K|s|); average it.
    bound = float(np.mean(sigmoid(-K * np.abs(s))))
    return Pair(
        acc, soft, max(0.0, acc - bound), min(1.0, acc + bound), abs(soft - acc), bound, "|soft − acc| ≤ mean σ(−K|s|)"
    )


def f1_hard(t: np.ndarray, pred: np.ndarray) -> float:
    tp = float((t * pred).sum())
    denom = float((t + pred).sum())
    return 2 * tp / denom if denom > 0 else 1.0  # no positives anywhere: perfect by convention


def f1_soft(t: np.ndarray, p: np.ndarray) -> float:
    """F1 = 2 TP / (2 TP + FP + FN) = 2 sum(t p) / sum(t + p), with the one-hot prediction replaced by p."""
    denom = float((t + p).sum())
    return 2 * float((t * p).sum()) / denom if denom > 0 else 1.0


def f1_pair(t: np.ndarray, s: np.ndarray, K: float) -> Pair:
    h, p = _hard_predictions(s), sigmoid(K * s)
    eps = sigmoid(-K * np.abs(s))  # |p_i - h_i|
    lo_p, hi_p = np.clip(h - eps, 0, 1), np.clip(h + eps, 0, 1)
    # Derived: d softF1 / d p_i is >= 0 when t_i = 1 and <= 0 when t_i = 0, so over the box [lo_p, hi_p]
    # the extremes sit at opposite corners; the hard F1 (p = h) and the soft F1 both lie inside.
    lower = f1_soft(t, np.where(t == 1, lo_p, hi_p))
    upper = f1_soft(t, np.where(t == 1, hi_p, lo_p))
    exact, soft = f1_hard(t, h), f1_soft(t, p)
    return Pair(exact, soft, lower, upper, abs(soft - exact), upper - lower, "hard and soft F1 both lie in the band")


def soft_metric_gradient(name: str, t: np.ndarray, s: np.ndarray, K: float) -> np.ndarray:
    """d(soft metric)/d(scores): the direction training would move each score; the hard metric's gradient is 0.

    soft accuracy: (2t_i - 1) K p_i (1 - p_i) / n;   soft F1 = 2A/B: 2 (t_i B - A) / B^2 * K p_i (1 - p_i).
    """
    p = sigmoid(K * s)
    dp_ds = K * p * (1 - p)
    if name == "accuracy":
        return (2 * t - 1) * dp_ds / len(t)
    a, b = float((t * p).sum()), float((t + p).sum())
    return 2 * (t * b - a) / b**2 * dp_ds if b > 0 else np.zeros_like(s)


# ---------------------------------------------------------------- scalar functions on a grid


def _two_term_lse_pair(hard: np.ndarray, soft: np.ndarray, K: float, note: str) -> Pair:
    """A max of two terms beside its LSE_K: the max bound with n = 2 gives hard <= soft <= hard + ln2/K (derived)."""
    bound = float(np.log(2) / K)
    return Pair(
        hard.tolist(), soft.tolist(), hard.tolist(), (hard + bound).tolist(), float((soft - hard).max()), bound, note
    )


def abs_pair(x: np.ndarray, K: float) -> Pair:
    return _two_term_lse_pair(np.abs(x), smooth_abs(x, K), K, "|x| = max(x, −x) ≤ · ≤ |x| + ln2/K")


def step_pair(x: np.ndarray, K: float) -> Pair:
    hard = (x > 0).astype(float) + 0.5 * (x == 0)
    soft = sigmoid(K * x)
    err = sigmoid(-K * np.abs(x))  # exact pointwise error; it is 1/2 at 0 for every K
    return Pair(
        hard.tolist(),
        soft.tolist(),
        np.clip(hard - err, 0, 1).tolist(),
        np.clip(hard + err, 0, 1).tolist(),
        float(np.abs(soft - hard).max()),
        float(err.max()),
        "pointwise error σ(−K|x|): uniform only away from 0",
    )


def relu_pair(x: np.ndarray, K: float) -> Pair:
    return _two_term_lse_pair(np.maximum(x, 0.0), softplus(x, K), K, "ReLU = max(0, x) ≤ softplus_K ≤ ReLU + ln2/K")


# ---------------------------------------------------------------- one entry point

# name -> what it takes: a vector x, a batch (labels t, scores s), or points x of a scalar function
FUNCTIONS: dict[str, str] = {
    "max_lse": "vector",
    "onehot_softmax": "vector",
    "argmax_softargmax": "vector",
    "accuracy": "batch",
    "f1": "batch",
    "topk": "vector",
    "abs": "scalar",
    "step": "scalar",
    "relu_softplus": "scalar",
    "cumax": "vector",
}

_VECTOR = {
    "max_lse": max_vs_lse,
    "onehot_softmax": onehot_vs_softmax,
    "argmax_softargmax": argmax_vs_softargmax,
    "cumax": cumax_pair,
}
_BATCH = {"accuracy": accuracy_pair, "f1": f1_pair}
_SCALAR = {"abs": abs_pair, "step": step_pair, "relu_softplus": relu_pair}


def evaluate(name: str, K: float, x: np.ndarray, k: int = 1, labels: np.ndarray | None = None) -> Pair:
    """Evaluate pair `name` at temperature K. Batch pairs read labels t and scores s = x."""
    if name == "topk":
        return topk_pair(x, K, k)
    if name in _VECTOR:
        return _VECTOR[name](x, K)
    if name in _BATCH:
        assert labels is not None and len(labels) == len(x), "a batch needs one label per score"
        return _BATCH[name](labels, x, K)
    return _SCALAR[name](x, K)

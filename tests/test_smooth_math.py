"""models/smooth.py against plain numpy references (written here the naive way), with hypothesis over random
vectors and temperatures; and every bound checked to hold."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from models import smooth

finite = st.floats(-5, 5, allow_nan=False, allow_infinity=False)
vectors = arrays(np.float64, st.integers(1, 8), elements=finite)
temperatures = st.floats(0.05, 20)
batches = st.integers(1, 12).flatmap(
    lambda n: st.tuples(
        arrays(np.float64, n, elements=st.sampled_from([0.0, 1.0])), arrays(np.float64, n, elements=finite)
    )
)


def ref_softmax(x, K):
    e = np.exp(K * x)
    return e / e.sum()


def ref_f1(t, pred):
    tp = np.sum((t == 1) & (pred == 1))
    fp = np.sum((t == 0) & (pred == 1))
    fn = np.sum((t == 1) & (pred == 0))
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


# ------------------------------------------------------------------ values against the references


@given(vectors, temperatures)
def test_lse_matches_the_naive_formula(x, K):
    assert smooth.lse(x, K) == pytest.approx(np.log(np.sum(np.exp(K * x))) / K, rel=1e-9, abs=1e-9)


@given(vectors, temperatures)
def test_softmax_matches_and_is_the_gradient_of_lse(x, K):
    p = smooth.softmax(x, K)
    np.testing.assert_allclose(p, ref_softmax(x, K), rtol=1e-9, atol=1e-12)
    h = 1e-6
    grad = [
        (smooth.lse(x + h * np.eye(len(x))[i], K) - smooth.lse(x - h * np.eye(len(x))[i], K)) / (2 * h)
        for i in range(len(x))
    ]
    np.testing.assert_allclose(p, grad, atol=1e-5)


@given(vectors, temperatures)
def test_soft_argmax_is_the_index_weighted_softmax(x, K):
    expected = float(np.sum(np.arange(1, len(x) + 1) * ref_softmax(x, K)))
    assert smooth.argmax_vs_softargmax(x, K).smooth == pytest.approx(expected, rel=1e-9)


def test_soft_argmax_reproduces_the_articles_numbers():
    x = np.array([2.0, 1, 4, 5, 3])
    got = [round(smooth.argmax_vs_softargmax(x, K).smooth, 2) for K in (1, 5, 50)]
    assert got == [3.73, 3.99, 4.0]


@given(batches, temperatures)
def test_accuracy_and_f1_match_their_definitions(batch, K):
    t, s = batch
    p = 1 / (1 + np.exp(-K * s))
    acc = smooth.accuracy_pair(t, s, K)
    assert acc.exact == pytest.approx(np.mean((s > 0) == (t == 1)))
    assert acc.smooth == pytest.approx(np.mean(np.where(t == 1, p, 1 - p)))
    f1 = smooth.f1_pair(t, s, K)
    assert f1.exact == pytest.approx(ref_f1(t, (s > 0).astype(float)))
    denom = np.sum(t + p)
    assert f1.smooth == pytest.approx(2 * np.sum(t * p) / denom if denom else 1.0)


@given(arrays(np.float64, st.integers(0, 8), elements=st.sampled_from([0.0, 1.0])).filter(lambda t: len(t) > 0))
def test_soft_f1_equals_f1_on_hard_predictions(t):
    pred = t[::-1].copy()  # any 0/1 prediction
    assert smooth.f1_soft(t, pred) == pytest.approx(ref_f1(t, pred))


@given(vectors, temperatures, st.integers(1, 8))
def test_soft_k_max_follows_the_recursion_and_sums_to_k(x, K, k):
    k = min(k, len(x))
    z, p = x - x.min(), np.zeros(len(x))
    for _ in range(k):
        p = p + ref_softmax((1 - p) * z, K)
    got = smooth.soft_topk_recursion(x, K, k)
    np.testing.assert_allclose(got, p, rtol=1e-9, atol=1e-12)
    assert got.sum() == pytest.approx(k)


@given(arrays(np.float64, st.integers(1, 7), elements=finite), st.floats(0.05, 5), st.integers(1, 7))
def test_soft_topk_2024_equals_brute_force_over_subsets(x, K, k):
    k = min(k, len(x))
    subsets = list(itertools.combinations(range(len(x)), k))
    weights = np.array([np.exp(K * x[list(S)].sum()) for S in subsets])
    expected = np.zeros(len(x))
    for S, w in zip(subsets, weights, strict=True):
        expected[list(S)] += w
    expected /= weights.sum()
    got = smooth.soft_topk_esp(x, K, k)
    np.testing.assert_allclose(got, expected, rtol=1e-7, atol=1e-10)
    assert np.all((got >= -1e-12) & (got <= 1 + 1e-12))


def test_soft_k_max_recursion_can_leave_the_unit_interval():
    """A counterexample to [0, 1] for the article's recursion; the 2024 version stays inside."""
    x = np.array([0.0, 1.0])
    np.testing.assert_allclose(smooth.soft_topk_recursion(x, 1.0, 2), [0.7021, 1.2979], atol=1e-4)
    np.testing.assert_allclose(smooth.soft_topk_esp(x, 1.0, 2), [1.0, 1.0])


def test_soft_topk_tends_to_the_multihot():
    x = np.array([2.0, 1, 4, 5, 3])
    np.testing.assert_allclose(smooth.soft_topk_recursion(x, 20, 2), [0, 0, 1, 1, 0], atol=1e-6)
    np.testing.assert_allclose(smooth.soft_topk_esp(x, 50, 2), [0, 0, 1, 1, 0], atol=1e-6)


@given(arrays(np.float64, st.integers(1, 50), elements=finite), temperatures)
def test_scalar_functions_match_their_formulas(x, K):
    np.testing.assert_allclose(smooth.smooth_abs(x, K), np.log(np.exp(K * x) + np.exp(-K * x)) / K, rtol=1e-9)
    np.testing.assert_allclose(smooth.softplus(x, K), np.log1p(np.exp(K * x)) / K, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(smooth.sigmoid(K * x), 1 / (1 + np.exp(-K * x)), rtol=1e-9, atol=1e-15)


@given(vectors, temperatures)
def test_cumax_is_the_cumulative_softmax(x, K):
    pair = smooth.cumax_pair(x, K)
    np.testing.assert_allclose(pair.smooth, np.cumsum(ref_softmax(x, K)), rtol=1e-9)
    assert pair.exact[-1] == 1.0 and pair.smooth[-1] == pytest.approx(1.0)


# ------------------------------------------------------------------ bounds


def _within(value, lower, upper, tol=1e-9):
    v, lo, hi = (np.asarray(a, dtype=float) for a in (value, lower, upper))
    return bool(np.all(lo - tol <= v) and np.all(v <= hi + tol))


@settings(max_examples=200)
@given(
    st.sampled_from([n for n, kind in smooth.FUNCTIONS.items() if kind != "batch"]),
    vectors,
    temperatures,
    st.integers(1, 8),
)
def test_every_bound_holds_for_vectors_and_points(name, x, K, k):
    pair = smooth.evaluate(name, K, x, min(k, len(x)))
    if name == "topk":  # no bound is claimed for the recursion
        assert np.isnan(pair.error_bound) and np.all(np.isnan(pair.lower))
        return
    assert _within(pair.smooth, pair.lower, pair.upper), pair
    assert _within(pair.exact, pair.lower, pair.upper), pair
    if np.isfinite(pair.error_bound):
        assert pair.error <= pair.error_bound + 1e-9, pair


@settings(max_examples=200)
@given(st.sampled_from(["accuracy", "f1"]), batches, temperatures)
def test_every_bound_holds_for_batches(name, batch, K):
    t, s = batch
    pair = smooth.evaluate(name, K, s, labels=t)
    assert _within(pair.smooth, pair.lower, pair.upper), pair
    assert _within(pair.exact, pair.lower, pair.upper), pair
    assert pair.error <= pair.error_bound + 1e-9


@given(vectors)
def test_lse_bound_is_tight_when_all_entries_are_equal(x):
    same = np.full_like(x, x[0])
    pair = smooth.max_vs_lse(same, 3.0)
    assert pair.smooth == pytest.approx(pair.upper, abs=1e-9)


@pytest.mark.parametrize("name", ["max_lse", "onehot_softmax", "argmax_softargmax", "cumax", "abs", "relu_softplus"])
def test_error_vanishes_as_temperature_grows(name):
    x = np.array([2.0, 1, 4, 5, 3])
    errors = [smooth.evaluate(name, K, x).error for K in (1, 10, 100, 1000)]
    assert all(a >= b for a, b in itertools.pairwise(errors))
    assert errors[-1] < 1e-3


def test_large_temperatures_and_spreads_stay_finite():
    x = np.array([-1e6, 0.0, 1e6])
    for name, kind in smooth.FUNCTIONS.items():
        labels = np.array([0.0, 1.0, 1.0]) if kind == "batch" else None
        pair = smooth.evaluate(name, 1e4, x, 2, labels)
        assert np.all(np.isfinite(pair.smooth)) and np.isfinite(pair.error), name


@given(batches, st.floats(0.1, 5), st.sampled_from(["accuracy", "f1"]))
def test_soft_metric_gradients_match_finite_differences(batch, K, name):
    t, s = batch
    h = 1e-6
    fd = [
        (smooth.evaluate(name, K, s + h * e, labels=t).smooth - smooth.evaluate(name, K, s - h * e, labels=t).smooth)
        / (2 * h)
        for e in np.eye(len(s))
    ]
    np.testing.assert_allclose(smooth.soft_metric_gradient(name, t, s, K), fd, atol=1e-6)

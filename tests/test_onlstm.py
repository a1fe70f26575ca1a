"""models/onlstm.py: cumax, the master-gate update against the article's integer picture, shapes, and tree building."""

from __future__ import annotations

import torch

from models.onlstm import ONLSTMCell, build_tree, cumax


def test_cumax_is_monotone_from_near_zero_to_one():
    y = cumax(torch.randn(5, 16))
    assert torch.all(y[:, 1:] >= y[:, :-1]) and torch.allclose(y[:, -1], torch.ones(5))


def onehot_cumsum(level: int, n: int, reverse: bool = False) -> torch.Tensor:
    v = torch.zeros(n)
    v[level] = 1
    return v.flip(0).cumsum(0).flip(0) if reverse else v.cumsum(0)


def test_unified_update_reproduces_the_integer_picture():
    """With one-hot master gates the soft formula copies history above d_f, input below d_i, mixes in between."""
    n = 8
    c_prev, c_hat, f, i = torch.randn(n), torch.randn(n), torch.rand(n), torch.rand(n)
    for d_f, d_i in [(2, 5), (5, 2), (3, 3)]:
        mf, mi = onehot_cumsum(d_f, n), onehot_cumsum(d_i, n, reverse=True)
        w = mf * mi
        c = w * (f * c_prev + i * c_hat) + (mf - w) * c_prev + (mi - w) * c_hat
        for k in range(n):
            if d_f <= k <= d_i:
                expected = f[k] * c_prev[k] + i[k] * c_hat[k]
            elif k >= d_f:
                expected = c_prev[k]
            elif k <= d_i:
                expected = c_hat[k]
            else:
                expected = torch.tensor(0.0)
            assert torch.isclose(c[k], expected), (d_f, d_i, k)


def test_cell_shapes_and_distance_range():
    torch.manual_seed(0)
    cell = ONLSTMCell(input_size=6, hidden_size=16, chunk=4)
    out, dist, (h, c) = cell(torch.randn(7, 3, 6))
    assert out.shape == (7, 3, 16) and dist.shape == (7, 3) and h.shape == c.shape == (3, 16)
    assert torch.all((dist >= 0) & (dist <= 1 - 1 / cell.levels + 1e-6))


def test_build_tree_reproduces_the_articles_examples():
    assert build_tree(list("abc"), [0.0, 0.9, 0.1]) == ["a", ["b", "c"]]
    words = ["苹果", "的", "颜色", "是", "什么"]
    assert build_tree(words, [0.0, 0.2, 0.5, 0.3, 0.9]) == [[["苹果", "的"], ["颜色", "是"]], "什么"]
    words = ["爱", "真的", "需要", "勇气"]
    assert build_tree(words, [0.0, 0.9, 0.5, 0.3]) == ["爱", ["真的", ["需要", "勇气"]]]


def test_build_tree_of_one_item_is_the_item():
    assert build_tree(["字"], [0.3]) == "字"

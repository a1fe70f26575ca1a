"""models/onlstm.py: cumax, the master-gate update against the article's integer picture, shapes, and tree building."""

from __future__ import annotations

import pytest
import torch

from models.onlstm import CharLM, ONLSTMCell, as_signals, cumax, distance, input_level
from models.onlstm_parse import build_tree


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
    out, gates, input_gates, (h, c) = cell(torch.randn(7, 3, 6))
    dist, level = distance(gates), input_level(input_gates)
    assert out.shape == (7, 3, 16) and gates.shape == input_gates.shape == (7, 3, 4) and h.shape == c.shape == (3, 16)
    assert dist.shape == level.shape == (7, 3)
    assert torch.all((dist >= 0) & (dist <= 1 - 1 / cell.levels + 1e-6))
    assert torch.all((level >= 0) & (level <= 1 - 1 / cell.levels + 1e-6))  # 1 - cumax ends at 0 on the top level


def test_build_tree_reproduces_the_articles_examples():
    assert build_tree(list("abc"), [0.0, 0.9, 0.1]) == ["a", ["b", "c"]]
    words = ["苹果", "的", "颜色", "是", "什么"]
    assert build_tree(words, [0.0, 0.2, 0.5, 0.3, 0.9]) == [[["苹果", "的"], ["颜色", "是"]], "什么"]
    words = ["爱", "真的", "需要", "勇气"]
    assert build_tree(words, [0.0, 0.9, 0.5, 0.3]) == ["爱", ["真的", ["需要", "勇气"]]]


def test_build_tree_of_one_item_is_the_item():
    assert build_tree(["字"], [0.3]) == "字"


def reference_cell(cell: ONLSTMCell, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The cell written out step by step with repeat_interleave, as in the paper: the master gates of every step."""
    h = x.new_zeros(x.shape[1], cell.hidden_size)
    c = torch.zeros_like(h)
    forget, write = [], []
    for t in range(x.shape[0]):
        g = cell.ih(x[t]) + cell.hh(h)
        mf, mi = cumax(g[:, : cell.levels]), 1 - cumax(g[:, cell.levels : 2 * cell.levels])
        o, f, i, c_hat = g[:, 2 * cell.levels :].chunk(4, dim=1)
        mf_u, mi_u = mf.repeat_interleave(cell.chunk, 1), mi.repeat_interleave(cell.chunk, 1)
        w = mf_u * mi_u
        c = w * (f.sigmoid() * c + i.sigmoid() * c_hat.tanh()) + (mf_u - w) * c + (mi_u - w) * c_hat.tanh()
        h = o.sigmoid() * c.tanh()
        forget.append(mf)
        write.append(mi)
    return torch.stack(forget), torch.stack(write)


def test_scripted_recurrence_matches_the_step_by_step_formula():
    torch.manual_seed(1)
    cell = ONLSTMCell(input_size=5, hidden_size=12, chunk=3)
    x = torch.randn(6, 2, 5)
    _, gates, input_gates, _ = cell(x)
    forget, write = reference_cell(cell, x)
    assert torch.allclose(gates, forget, atol=1e-6) and torch.allclose(input_gates, write, atol=1e-6)


def tiny_lm(ordered: bool = True) -> CharLM:
    torch.manual_seed(0)
    return CharLM(
        "的是苹果颜色什么爱真需要勇气", embed=8, hidden=16, layers=2, chunk=4, ordered=ordered, cutoffs=(4,)
    ).eval()


def test_reading_lines_in_a_padded_batch_equals_reading_each_alone():
    model = tiny_lm()
    lines = ["苹果的颜色是什么", "爱真的"]
    together = model.read(lines)
    for line, r in zip(lines, together, strict=True):
        alone = model.read([line])[0]
        assert r["surprisal"].shape == (len(line),)
        assert torch.allclose(r["surprisal"], alone["surprisal"], atol=1e-5)
        assert all(torch.allclose(a, b, atol=1e-6) for a, b in zip(r["gates"], alone["gates"], strict=True))


def test_a_reverse_model_reads_right_to_left_and_answers_in_text_order():
    forward = tiny_lm()
    backward = CharLM(**{**forward._hub_mixin_config, "reverse": True}).eval()
    backward.load_state_dict(forward.state_dict())
    line = "苹果的颜色是什么"
    (mirrored,) = forward.read([line[::-1]])
    (r,) = backward.read([line])
    assert torch.allclose(r["surprisal"], mirrored["surprisal"].flip(0), atol=1e-6)
    for key in ("gates", "input_gates"):
        assert all(torch.allclose(a, b.flip(0), atol=1e-6) for a, b in zip(r[key], mirrored[key], strict=True))


@pytest.mark.parametrize("ordered", [True, False])
def test_a_primed_model_reads_each_line_as_if_after_the_primer_line(ordered):
    model = tiny_lm(ordered)
    primed = CharLM(**{**model._hub_mixin_config, "primer": "爱真的需要勇气"}).eval()
    primed.load_state_dict(model.state_dict())
    lines = ["苹果的颜色是什么", "是什么"]
    for line, r in zip(lines, primed.read(lines), strict=True):
        (whole,) = model.read(["爱真的需要勇气\n" + line])  # the primer, a line break, the line
        assert torch.allclose(r["surprisal"], whole["surprisal"][-len(line) :], atol=1e-5)
        assert all(
            torch.allclose(a, b[-len(line) :], atol=1e-5) for a, b in zip(r["gates"], whole["gates"], strict=True)
        )
    assert not torch.allclose(primed.read(lines[:1])[0]["surprisal"], model.read(lines[:1])[0]["surprisal"])


def test_a_primed_reverse_model_reads_the_primer_first_in_its_own_direction():
    model = CharLM(**{**tiny_lm()._hub_mixin_config, "reverse": True}).eval()
    primed = CharLM(**{**model._hub_mixin_config, "primer": "爱真的"}).eval()
    primed.load_state_dict(model.state_dict())
    (r,) = primed.read(["苹果"])
    (whole,) = model.read(["苹果\n爱真的"])  # reading right to left, the primer comes first
    assert torch.allclose(r["surprisal"], whole["surprisal"][:2], atol=1e-5)


def test_the_primer_state_follows_new_weights():
    model = CharLM(**{**tiny_lm()._hub_mixin_config, "primer": "爱真的"}).eval()
    before = model.read(["苹果"])[0]["surprisal"]
    model.load_state_dict(tiny_lm().state_dict() | {"embedding.weight": torch.zeros_like(model.embedding.weight)})
    assert not torch.allclose(model.read(["苹果"])[0]["surprisal"], before)


def test_unknown_characters_map_to_the_unknown_id():
    assert tiny_lm().encode("苹x\n").tolist()[1:] == [0, 1]


def test_plain_baseline_has_no_gates_and_a_finite_loss():
    model = tiny_lm(ordered=False)
    ids = model.encode("\n苹果的颜色是什么").unsqueeze(1)
    loss, _ = model.loss(ids[:-1], ids[1:])
    (r,) = model.read(["爱真的"])
    assert torch.isfinite(loss) and r["gates"] == [] and r["input_gates"] == []


def test_signals_give_every_layer_a_distance_and_an_input_level_per_character():
    sig = as_signals(tiny_lm().read(["苹果的颜色"])[0])
    assert [d.shape for d in sig["distances"]] == [d.shape for d in sig["input_levels"]] == [(5,), (5,)]


def test_snapshot_round_trip_keeps_the_rule(tmp_path):
    model = tiny_lm()
    rule = {"layer": 1, "direction": "end", "max_len": 2, "directions": ["start", "end"]}
    saved = CharLM(**{**model._hub_mixin_config, "rule": rule})
    saved.load_state_dict(model.state_dict())
    saved.save_pretrained(tmp_path)
    loaded = CharLM.from_pretrained(str(tmp_path), strict=True)
    assert loaded.rule == rule and loaded.alphabet == model.alphabet
    assert torch.allclose(loaded.read(["苹果"])[0]["surprisal"], model.read(["苹果"])[0]["surprisal"])

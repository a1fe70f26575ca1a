"""The Conditional-LayerNorm model: the zero-initialised start equals the unconditional LM, the condition mixes
linearly, the key/value cache changes nothing, and sampling is reproducible and stays in the vocabulary."""

from __future__ import annotations

import itertools

import pytest
import torch

from models.cln import BREAK, CondLayerNorm, CondLM
from models.cln_mechanics import mechanics, norms
from models.cln_sampling import nucleus, sample, stream
from models.cln_settings import Settings

ALPHABET = "好差的酒店服务很不"


def tiny(cond: str = "cln", seed: int = 0) -> CondLM:
    torch.manual_seed(seed)
    return CondLM(ALPHABET, dim=32, layers=2, heads=2, block=24, cond=cond, cond_dim=8, dropout=0.0).eval()


def trained_like(model: CondLM) -> CondLM:
    """Move W_γ, W_β away from zero, as fine-tuning does (with unit-scale label vectors, as training starts them)."""
    torch.nn.init.normal_(model.labels.weight, std=1.0)
    for norm in norms(model):
        torch.nn.init.normal_(norm.cond_gamma.weight, std=0.5)
        torch.nn.init.normal_(norm.cond_beta.weight, std=0.5)
    return model


def ids(text: str, model: CondLM) -> torch.Tensor:
    return torch.tensor([[BREAK, *model.encode(text)]])


def test_stage_two_starts_with_exactly_the_unconditional_models_logits():
    lm = tiny("none")
    cln = tiny("cln", seed=1)
    missing, unexpected = cln.load_state_dict(lm.state_dict(), strict=False)
    assert not unexpected and missing and all("cond_" in k or k == "labels.weight" for k in missing)
    x = ids("酒店服务很好", lm)
    for alpha in (0.0, 0.3, 1.0):
        assert torch.equal(cln(x, torch.tensor([alpha])), lm(x))


def test_conditional_norm_with_zero_maps_is_plain_layer_norm():
    norm = CondLayerNorm(16, cond_dim=4)
    x, c = torch.randn(3, 5, 16), torch.randn(3, 4)
    expected = torch.nn.functional.layer_norm(x, (16,))
    assert torch.allclose(norm(x, c), expected, atol=1e-6) and torch.allclose(norm(x), expected, atol=1e-6)


def test_trained_condition_changes_the_logits_and_scale_zero_removes_it():
    model = trained_like(tiny())
    x = ids("酒店很", model)
    neg, pos = model(x, torch.tensor([0.0])), model(x, torch.tensor([1.0]))
    assert not torch.allclose(neg, pos)
    assert torch.allclose(model(x, torch.tensor([0.0]), scale=0.0), model(x, torch.tensor([1.0]), scale=0.0))


def test_the_condition_of_a_mix_is_the_mix_of_the_two_label_vectors():
    model = tiny()
    neg, pos = model.labels.weight
    assert torch.allclose(model.condition(torch.tensor([0.25]))[0], 0.75 * neg + 0.25 * pos)


@pytest.mark.parametrize("cond", ["cln", "token", "none"])
def test_the_key_value_cache_gives_the_logits_of_a_full_forward(cond):
    model = trained_like(tiny()) if cond == "cln" else tiny(cond)
    x = ids("酒店服务很好的", model)
    alpha = None if cond == "none" else torch.tensor([0.7])
    cache = [{} for _ in model.blocks]
    model(x[:, :4], alpha, cache=cache)
    steps = [model(x[:, k : k + 1], alpha, cache=cache)[:, -1] for k in range(4, x.shape[1])]
    full = model(x, alpha)[:, 4:]
    assert torch.allclose(torch.stack(steps, dim=1), full, atol=1e-5)


def test_padding_is_left_out_of_the_loss():
    model = tiny()
    x = ids("好的", model)
    padded = torch.cat([x, torch.full((1, 3), -1)], dim=1)
    assert torch.allclose(model.loss(x, torch.ones(1)), model.loss(padded, torch.ones(1)))


def test_nucleus_keeps_the_smallest_set_that_reaches_top_p():
    logits = torch.log(torch.tensor([[0.5, 0.3, 0.15, 0.05]]))
    kept = torch.isfinite(nucleus(logits.clone(), 0.7))
    assert kept.tolist() == [[True, True, False, False]]
    assert torch.isfinite(nucleus(logits.clone(), 1.0)).all()


def test_the_same_seed_gives_the_same_samples_and_another_seed_others():
    model = trained_like(tiny())
    a = sample(model, Settings(samples=3, length=12, seed=5))
    assert a == sample(model, Settings(samples=3, length=12, seed=5))
    assert a != sample(model, Settings(samples=3, length=12, seed=6))


def test_samples_stay_in_the_vocabulary_and_within_the_length():
    model = tiny()
    texts = sample(model, Settings(samples=6, length=10, temperature=2.0, top_p=1.0, prefix="酒店"))
    assert all(len(t) <= 10 and "\n" not in t and "�" not in t and set(t) <= set(ALPHABET) for t in texts)


def test_streaming_grows_each_sample_one_character_at_a_time():
    model = tiny()
    lengths = [sum(map(len, ids)) for ids in stream(model, Settings(samples=2, length=8, temperature=2.0, top_p=1.0))]
    assert lengths == sorted(lengths) and all(b - a <= 2 for a, b in itertools.pairwise(lengths))


def test_mechanics_at_scale_zero_is_layer_norm_and_leaves_the_next_character_alone():
    model = trained_like(tiny())
    plain = mechanics(model, "酒店", alpha=1.0, scale=0.0, layer=1)
    assert plain["kl_to_plain"] == pytest.approx(0.0, abs=1e-6)
    assert plain["cln"] == pytest.approx(plain["ln"], abs=1e-5)
    moved = mechanics(model, "酒店", alpha=1.0, scale=1.0, layer=1)
    assert moved["kl_to_plain"] > 1e-4 and moved["gamma"] != pytest.approx(moved["gamma_plain"])

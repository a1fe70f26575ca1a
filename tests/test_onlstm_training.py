"""training/onlstm/ on a tiny corpus: resumable training, rule choice, baselines."""

from __future__ import annotations

import argparse

import numpy as np
import pytest
import torch

from models.onlstm_parse import Rule
from training.onlstm import combine as onlstm_combine
from training.onlstm import evaluate as ev
from training.onlstm import seeds as onlstm_seeds
from training.onlstm import signals as sg
from training.onlstm import train as tr
from training.onlstm.__main__ import parse

LINES = [
    ["苹果", "的", "颜色", "是", "什么"],
    ["爱", "真的", "需要", "勇气"],
    ["中国", "人民", "站", "起来", "了"],
] * 20


def args(tmp_path, **kw) -> argparse.Namespace:
    base = dict(name="tiny", plain=False, reverse=False, minutes=10.0, max_chars=2000, hidden=16, layers=2, chunk=4, embed=8,
                dropout=0.0, batch=4, bptt=8, lr=3e-3, seed=0, threads=1, device="cpu", valid_every=0)  # fmt: skip
    return argparse.Namespace(**{**base, **kw})


@pytest.fixture
def runs(tmp_path, monkeypatch):
    monkeypatch.setattr(tr, "RUNS", tmp_path)
    return tmp_path


def test_training_stops_at_the_character_budget_and_resumes(runs, tmp_path):
    data = {"train": LINES}
    tr.train(args(tmp_path, max_chars=256), data)
    first = torch.load(runs / "tiny" / "checkpoint.pt", weights_only=True)
    assert first["chars"] == 256
    tr.train(args(tmp_path, max_chars=512), data)
    again = torch.load(runs / "tiny" / "checkpoint.pt", weights_only=True)
    assert again["step"] == 2 * first["step"] and again["chars"] == 512


def test_the_best_validation_weights_are_kept_and_evaluated(runs, tmp_path):
    tr.train(args(tmp_path, max_chars=2048, valid_every=4), {"train": LINES, "validation": LINES})
    best = torch.load(runs / "tiny" / "best.pt", weights_only=True)
    latest = torch.load(runs / "tiny" / "checkpoint.pt", weights_only=True)
    assert best["step"] % 4 == 0 and best["step"] <= latest["step"] and "opt" not in best
    model, info = tr.load_run("tiny")
    assert info["steps"] == best["step"]
    data = tr.batchify(tr.stream(model, LINES), 32)
    assert tr.stream_loss(model, data, 8) == pytest.approx(best["valid_loss"], rel=1e-5)


def test_plain_baseline_trains_with_the_same_command(runs, tmp_path):
    model = tr.train(args(tmp_path, name="plain", plain=True, max_chars=256), {"train": LINES})
    assert not model.ordered and model.read(["苹果"])[0]["gates"] == []


def test_a_reverse_run_trains_on_each_line_read_right_to_left(runs, tmp_path):
    model = tr.train(args(tmp_path, name="rev", reverse=True, max_chars=256), {"train": LINES})
    assert model.reverse and tr.load_run("rev")[0].reverse
    assert tr.stream(model, LINES[:1]).tolist() == model.encode("\n么什是色颜的果苹").tolist()


def test_the_split_keeps_file_order():
    split = tr.split_lines()
    n = sum(map(len, split.values()))
    assert len(split["test"]) == n // 10 and len(split["validation"]) == n // 20
    assert split["train"][-1] != split["validation"][0]


def test_alphabet_keeps_characters_seen_twice():
    assert tr.make_alphabet([["甲乙"], ["甲"]]) == "甲"


def test_random_split_has_the_true_number_of_words():
    texts = ["".join(w) for w in LINES[:3]]
    out = ev.random_split(texts, LINES[:3])
    assert [len(w) for w in out] == [len(w) for w in LINES[:3]] and ["".join(w) for w in out] == texts


def test_rule_choice_finds_a_planted_signal():
    texts = ["".join(w) for w in LINES[:3]]
    sig = []
    for words in LINES[:3]:
        ends = np.cumsum([len(w) for w in words]) - 1  # the last character of each word
        d = np.zeros(sum(map(len, words)))
        d[ends] = 1.0
        sig.append({"surprisal": np.zeros_like(d), "distances": [np.zeros_like(d), d]})
    rule, table = ev.choose_rule([0, 1], texts, LINES[:3], sig)
    assert (rule.layer, rule.direction) == (1, "end") and max(t["word_f1"] for t in table) == 1.0
    assert ev.apply(Rule(1, "end", rule.max_len), texts, sig) == LINES[:3]


def test_every_character_scores_like_the_issue_says():
    split = tr.split_lines()
    texts = ["".join(w) for w in split["test"]]
    s = sg.score(split["test"], [list(t) for t in texts])
    assert s["word_f1"] == pytest.approx(0.36, abs=0.02) and s["boundary_f1"] == pytest.approx(0.754, abs=0.01)


def test_seed_study_chooses_each_runs_rule_on_validation_and_scores_test(runs, tmp_path):

    tr.train(args(tmp_path, name="tiny-seed", max_chars=512), {"train": LINES})
    texts = {k: ["".join(w) for w in LINES[:6]] for k in ("validation", "test")}
    gold = {k: LINES[:6] for k in ("validation", "test")}
    row = onlstm_seeds.study_one("tiny-seed", texts, gold)
    assert row["run"] == "tiny-seed" and row["chars"] == 512
    assert row["test_word_f1"] == pytest.approx(row["validation_word_f1"])  # the same lines: the same score
    assert 0 <= row["test_boundary_f1"] <= 1 and row["test_perplexity"] > 1
    assert row["rule"]["max_len"] in ev.MAX_LENS


def planted(lines: list[list[str]], reader_with_signal: str) -> list[dict]:
    """Per line both readers' signals: noise everywhere, and the word ends in layer 1 of one reader."""
    rng = np.random.default_rng(0)
    out = []
    for words in lines:
        n = sum(map(len, words))
        ends = np.zeros(n)
        ends[np.cumsum([len(w) for w in words]) - 1] = 1.0
        line = {}
        for reader in ("forward", "reverse"):
            layer1 = ends + 0.1 * rng.random(n) if reader == reader_with_signal else rng.random(n)
            line[reader] = {"surprisal": rng.random(n), "distances": [rng.random(n), layer1]}
        out.append(line)
    return out


def test_signals_are_standardised_on_the_reference_lines():
    from training.onlstm.combine import standardisers

    lines = [{"forward": {"surprisal": np.array([0.0, 1.0, 3.0]), "distances": []}}]
    key = ("forward", -1, "start", "forget")
    (mean, std) = standardisers(lines, [key])[key]
    assert mean == pytest.approx(2.0) and std == pytest.approx(1.0)  # the gaps are [1, 3]; gaps[0] is no gap


def test_candidates_are_every_layers_distance_and_input_level_in_both_readings_and_surprisal_only_without_gates():
    from training.onlstm.combine import candidates

    line = {
        "forward": {"surprisal": [0.0], "distances": [[0.0], [0.0]], "input_levels": [[0.0], [0.0]]},
        "reverse": {"surprisal": [0.0], "distances": [], "input_levels": []},
    }
    assert candidates(line) == [
        ("forward", 0, "start", "forget"), ("forward", 0, "end", "forget"),
        ("forward", 1, "start", "forget"), ("forward", 1, "end", "forget"),
        ("forward", 0, "start", "input"), ("forward", 0, "end", "input"),
        ("forward", 1, "start", "input"), ("forward", 1, "end", "input"),
        ("reverse", -1, "start", "forget"), ("reverse", -1, "end", "forget"),
    ]  # fmt: skip


def test_combination_search_finds_a_signal_planted_in_an_input_level():
    from training.onlstm.combine import choose

    texts = ["".join(w) for w in LINES[:6]]
    lines = [
        {"forward": {**line["reverse"], "input_levels": line["forward"]["distances"]}}
        for line in planted(LINES[:6], "forward")
    ]  # the word ends sit in layer 1's input level; the distances are noise
    combination, path = choose(texts, LINES[:6], lines)
    assert path[-1]["word_f1"] == 1.0 and "forward:input1:end" in path[0]["terms"]
    assert combination.terms[0].gate == "input"


@pytest.mark.parametrize("reader", ["forward", "reverse"])
def test_combination_search_finds_a_planted_signal_in_either_reader(reader):
    from training.onlstm.combine import choose

    texts = ["".join(w) for w in LINES[:6]]
    combination, path = choose(texts, LINES[:6], planted(LINES[:6], reader))
    assert path[-1]["word_f1"] == 1.0 and f"{reader}:layer1:end" in path[0]["terms"]
    assert [combination.segment(t, s) for t, s in zip(texts, planted(LINES[:6], reader), strict=True)] == LINES[:6]


def test_combination_search_keeps_a_longer_combination_only_when_it_helps():

    texts = ["".join(w) for w in LINES[:6]]
    _, path = onlstm_combine.choose(texts, LINES[:6], planted(LINES[:6], "forward"))
    steps, final = path[:-1], path[-1]
    assert [len(s["terms"]) for s in steps] == list(range(1, onlstm_combine.MAX_TERMS + 1))
    kept = next(i for i, s in enumerate(steps) if s["chosen"])
    assert final["terms"] == steps[kept]["terms"] and kept == 0  # the planted signal alone is perfect
    assert all(s["word_f1"] < steps[kept]["word_f1"] + onlstm_combine.MIN_GAIN for s in steps[kept + 1 :])


def test_a_forward_and_a_reverse_run_are_combined_on_validation(runs, tmp_path, monkeypatch):
    data = {"train": LINES, "validation": LINES[:6], "test": LINES[6:12]}
    tr.train(args(tmp_path, name="fwd", max_chars=512), data)
    tr.train(args(tmp_path, name="bwd", reverse=True, max_chars=512), data)
    monkeypatch.setattr(onlstm_combine, "split_lines", lambda: data)
    result = onlstm_combine.run(parse(["combine", "--forward", "fwd", "--reverse", "bwd", "--threads", "1"]))
    assert result["chosen"]["max_len"] in onlstm_combine.MAX_LENS and result["path"]
    assert all(t["layer"] >= 0 for t in result["chosen"]["terms"])  # ON-LSTMs: their gates only, never surprisal
    assert 0.0 <= result["test"]["word_f1"] <= 1.0


def evaluate_tiny(tmp_path, monkeypatch) -> dict:
    """Train the four tiny runs (ON-LSTM and plain LSTM, each both ways) and evaluate them with --publish."""
    data = {"train": LINES, "validation": LINES[:6], "test": LINES[6:12]}
    for name, kw in [
        ("f", {}),
        ("r", {"reverse": True}),
        ("p", {"plain": True}),
        ("pr", {"plain": True, "reverse": True}),
    ]:
        tr.train(args(tmp_path, name=name, max_chars=512, **kw), data)
    monkeypatch.setattr(ev, "split_lines", lambda: data)
    monkeypatch.setattr(ev, "load_peoples_daily", lambda: LINES)
    for attr in ("SNAPSHOT", "SNAPSHOT_REVERSE", "BASELINE", "BASELINE_REVERSE", "EXAMPLES"):
        monkeypatch.setattr(ev, attr, tmp_path / "out" / attr)
    a = argparse.Namespace(name="f", reverse="r", baseline="p", baseline_reverse="pr", threads=1, publish=True)
    return ev.evaluate(a)


def test_evaluation_publishes_both_models_in_float16_with_the_combination(runs, tmp_path, monkeypatch):
    from models.onlstm import CharLM
    from models.onlstm_parse import Combination

    metrics = evaluate_tiny(tmp_path, monkeypatch)
    forward = CharLM.from_pretrained(str(tmp_path / "out" / "SNAPSHOT"))
    reverse = CharLM.from_pretrained(str(tmp_path / "out" / "SNAPSHOT_REVERSE"))
    assert reverse.reverse and not forward.reverse and reverse.rule is None
    assert Combination.from_dict(forward.rule) == Combination.from_dict(metrics["rule"])
    from safetensors import safe_open

    with safe_open(str(tmp_path / "out" / "SNAPSHOT" / "model.safetensors"), framework="pt") as f:
        assert all(f.get_tensor(k).dtype == torch.float16 for k in f.keys())  # noqa: SIM118 (no __iter__)
    assert metrics["plain_lstm_surprisal"]["rule"]["terms"][0]["layer"] == -1  # plain models: surprisal only
    assert metrics["word_f1"] == metrics["onlstm"]["word_f1"]
    assert {t["reader"] for t in metrics["rule"]["terms"]} == {"forward"}  # the shipped tree: one model
    assert {t.reader for t in Combination.from_dict(forward.rule["two_way"]).terms} <= {"forward", "reverse"}
    assert all(t["gate"] == "forget" for t in metrics["onlstm_distances_only"]["rule"]["terms"])
    assert metrics["two_way_gain_over_plain_lstm_word_f1"] == pytest.approx(
        metrics["onlstm_two_way"]["word_f1"] - metrics["plain_lstm_two_way"]["word_f1"]
    )


def test_evaluation_publishes_the_plain_lstm_baselines_with_their_cards(runs, tmp_path, monkeypatch):
    from models.onlstm import CharLM

    metrics = evaluate_tiny(tmp_path, monkeypatch)
    for folder, reverse in (("BASELINE", False), ("BASELINE_REVERSE", True)):
        model = CharLM.from_pretrained(str(tmp_path / "out" / folder))
        assert not model.ordered and model.reverse == reverse
        assert "Plain character LSTM" in (tmp_path / "out" / folder / "README.md").read_text()
    assert metrics["plain_lstm_two_way"]["reverse"]["chars"] == 512


def test_evaluation_reads_the_shipped_snapshots_without_the_runs_and_keeps_the_seed_study(runs, tmp_path, monkeypatch):
    import json
    import shutil

    first = evaluate_tiny(tmp_path, monkeypatch)
    published = tmp_path / "out" / "SNAPSHOT" / "metrics.json"
    study = [{"run": "seed0", "test_word_f1": 0.5, "chars": 512}]
    published.write_text(json.dumps({**json.loads(published.read_text()), "seed_study": study}))
    for name in ("f", "r", "p", "pr"):
        shutil.rmtree(runs / name)
    a = argparse.Namespace(name="f", reverse="r", baseline="p", baseline_reverse="pr", threads=1, publish=True)
    again = ev.evaluate(a)
    assert again["word_f1"] == first["word_f1"] and again["chars"] == first["chars"] == 512  # the same float16 weights
    assert again["plain_lstm_surprisal_word_f1"] == first["plain_lstm_surprisal_word_f1"]
    assert again["plain_lstm_two_way_word_f1"] == first["plain_lstm_two_way_word_f1"]
    assert again["reverse_onlstm"]["chars"] == 512 and json.loads(published.read_text())["seed_study"] == study


def test_combination_search_ends_when_every_signal_is_in(monkeypatch):

    monkeypatch.setattr(onlstm_combine, "MIN_GAIN", -1.0)  # every step is taken: the search runs out of signals

    texts = ["".join(w) for w in LINES[:6]]
    rng = np.random.default_rng(1)
    lines = []
    for text in texts:  # plain models: one surprisal per reader, so only four candidates
        lines.append({r: {"surprisal": rng.random(len(text)), "distances": []} for r in ("forward", "reverse")})
    combination, _ = onlstm_combine.choose(texts, LINES[:6], lines)
    assert len(combination.terms) == 4 and all(t.layer == -1 for t in combination.terms)


def test_a_signal_whose_weight_was_nudged_to_zero_is_left_out_of_the_combination():
    from training.onlstm.combine import Search

    texts = ["".join(w) for w in LINES[:2]]
    lines = planted(LINES[:2], "forward")
    keys = [("forward", 1, "end", "forget"), ("forward", 0, "start", "forget")]
    search = Search(texts, LINES[:2], lines, {key: (0.0, 1.0) for key in keys})
    combination = search.combination({keys[0]: 1.0, keys[1]: 0.0}, 2)
    assert [(t.layer, t.direction) for t in combination.terms] == [(1, "end")]

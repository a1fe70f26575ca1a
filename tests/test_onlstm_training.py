"""training/onlstm.py and training/onlstm_eval.py on a tiny corpus: resumable training, rule choice, baselines."""

from __future__ import annotations

import argparse

import numpy as np
import pytest
import torch

from models.onlstm_parse import Rule
from training import onlstm as tr
from training import onlstm_eval as ev

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
    s = ev.score(split["test"], [list(t) for t in texts])
    assert s["word_f1"] == pytest.approx(0.36, abs=0.02) and s["boundary_f1"] == pytest.approx(0.754, abs=0.01)


def test_seed_study_chooses_each_runs_rule_on_validation_and_scores_test(runs, tmp_path):
    from training import onlstm_seeds

    tr.train(args(tmp_path, name="tiny-seed", max_chars=512), {"train": LINES})
    texts = {k: ["".join(w) for w in LINES[:6]] for k in ("validation", "test")}
    gold = {k: LINES[:6] for k in ("validation", "test")}
    row = onlstm_seeds.study_one("tiny-seed", texts, gold)
    assert row["run"] == "tiny-seed" and row["chars"] == 512
    assert row["test_word_f1"] == pytest.approx(row["validation_word_f1"])  # the same lines: the same score
    assert 0 <= row["test_boundary_f1"] <= 1 and row["test_perplexity"] > 1
    assert row["rule"]["max_len"] in ev.MAX_LENS


def test_pair_gap_scores_are_standardised_on_the_reference_lines():
    from training.onlstm_pair import standardised

    lines = [np.array([0.0, 1.0, 3.0]), np.array([0.0, 5.0])]
    z = standardised(lines, lines)
    values = np.concatenate([g[1:] for g in z])
    assert values.mean() == pytest.approx(0.0, abs=1e-9) and values.std() == pytest.approx(1.0)


def test_pair_of_a_forward_and_a_reverse_run_is_chosen_on_validation(runs, tmp_path, monkeypatch):
    from training import onlstm_pair

    data = {"train": LINES, "validation": LINES[:6], "test": LINES[6:12]}
    tr.train(args(tmp_path, name="fwd", max_chars=512), data)
    tr.train(args(tmp_path, name="bwd", reverse=True, max_chars=512), data)
    monkeypatch.setattr(onlstm_pair, "split_lines", lambda: data)
    result = onlstm_pair.main(["--forward", "fwd", "--backward", "bwd", "--threads", "1"])
    assert result["chosen"] == max(result["validation"], key=lambda row: row["word_f1"])
    assert len(result["validation"]) == len(onlstm_pair.WEIGHTS) * len(ev.MAX_LENS)
    assert 0.0 <= result["test"]["word_f1"] <= 1.0 and result["single"]["backward"]["run"] == "bwd"

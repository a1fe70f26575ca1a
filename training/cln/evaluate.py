"""Measure the conditional review generator and its ablations; write metrics.json, the model card and the snapshot.

    python -m training.cln evaluate          # runs/cln (+ runs/cln-pretrain, cln-token, cln-scratch) -> assets/weights/cln-reviews

Everything is measured on the weights as shipped (float16, cast back to float32), at the tab's default settings
(models/cln_settings.Settings), against the independent judge (assets/weights/sentiment-judge):
- condition accuracy: 500 samples per label, the share the judge assigns to the requested label, at the default
  contrast w and without it (w = 0: the conditional model alone);
- fluency: the samples' perplexity under the stage-1 LM (no condition), beside real test reviews';
- mixing: c = (1 − α)·e_neg + α·e_pos for 11 values of α, 100 samples each; Spearman of α against the mean P(pos);
- diversity: character distinct-2 of the 1,000 samples against 1,000 real test reviews cut to the same length;
- copying: the share of texts holding a 12-character span of the training text (People's Daily and training reviews);
- fit: test-review perplexity per label (conditional, unconditional stage 1), and the LM as a classifier
  (argmax over labels of p(text | label)). Test reviews are cut to the model's context (127 characters).
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import torch

from models.cln import BREAK, CondLM
from models.cln_sampling import sample
from models.cln_settings import Settings
from models.sentiment_judge import SentimentJudge
from training.cln.card import card
from training.cln.data import pretraining_lines, reviews
from training.cln.train import RUNS
from training.publish import write_snapshot

SNAPSHOT = Path("assets/weights/cln-reviews")
JUDGE = Path("assets/weights/sentiment-judge")
ABLATIONS = {"cln": "two-stage zero-init CLN", "cln-token": "condition token", "cln-scratch": "CLN from scratch"}
SPAN = 12
ALPHAS = [k / 10 for k in range(11)]


def load_run(name: str) -> tuple[CondLM, dict]:
    """A run's best-validation weights, rounded through float16 as the snapshot stores them."""
    state = torch.load(RUNS / name / "best.pt", weights_only=True, map_location="cpu")
    model = CondLM(**state["config"])
    model.load_state_dict({k: v.half().float() for k, v in state["model"].items()})
    info = {"step": state["step"], "minutes": round(state["elapsed"] / 60, 1), "valid_loss": state["valid_loss"]}
    return model.eval(), info


def distinct2(texts: list[str]) -> float:
    grams = [t[i : i + 2] for t in texts for i in range(len(t) - 1)]
    return len(set(grams)) / max(1, len(grams))


def span_index(lines: list[str], span: int = SPAN) -> set[int]:
    return {hash(line[i : i + span]) for line in lines for i in range(len(line) - span + 1)}


def copied_share(texts: list[str], index: set[int], span: int = SPAN) -> float:
    hits = sum(any(hash(t[i : i + span]) in index for i in range(len(t) - span + 1)) for t in texts)
    return hits / max(1, len(texts))


def spearman(x: list[float], y: list[float]) -> float:
    def ranks(v):
        order = sorted(range(len(v)), key=v.__getitem__)
        r = [0.0] * len(v)
        for rank, i in enumerate(order):
            r[i] = rank
        return torch.tensor(r)

    rx, ry = ranks(x), ranks(y)
    return torch.corrcoef(torch.stack([rx, ry]))[0, 1].item()


@torch.no_grad()
def review_nll(model: CondLM, texts: list[str], label: float | None, batch: int = 64) -> torch.Tensor:
    """Total nats of each text (its characters and the closing line break), (N,)."""
    limit = model.block - (1 if model.cond == "token" else 0)
    out = []
    for start in range(0, len(texts), batch):
        chunk = [[*[BREAK, *model.encode(t)][:limit], BREAK] for t in texts[start : start + batch]]
        ids = torch.full((len(chunk), max(map(len, chunk))), -1, dtype=torch.long)
        for b, seq in enumerate(chunk):
            ids[b, : len(seq)] = torch.tensor(seq)
        alpha = None if label is None or model.cond == "none" else torch.full((len(chunk),), label)
        out.append(model.loss(ids, alpha, reduction="none").sum(dim=1))
    return torch.cat(out)


def fit(model: CondLM, test: list[tuple[str, int]], base: CondLM) -> dict:
    texts, labels = [t for t, _ in test], torch.tensor([y for _, y in test])
    chars = torch.tensor([min(len(t), model.block - 2) + 1 for t in texts], dtype=torch.float)
    nll = torch.stack([review_nll(model, texts, float(y)) for y in (0, 1)], dim=1)  # (N, 2)
    own = nll.gather(1, labels[:, None]).squeeze(1)
    plain = review_nll(base, texts, None)
    out = {"lm_classifier_accuracy": round((nll.argmin(dim=1) == labels).float().mean().item(), 4)}
    for y, name in enumerate(("negative", "positive")):
        mask = labels == y
        out[f"test_perplexity_{name}"] = round(math.exp(own[mask].sum() / chars[mask].sum()), 2)
        out[f"test_perplexity_{name}_unconditional"] = round(math.exp(plain[mask].sum() / chars[mask].sum()), 2)
    return out


def condition_samples(model: CondLM, judge: SentimentJudge, contrast: float) -> tuple[list[str], list[bool]]:
    """500 samples per label (seeds 0–4, 100 each) at the default settings with contrast w; and which were judged
    as asked."""
    texts, correct = [], []
    for label in (0, 1):
        for seed in range(5):
            batch = sample(model, Settings(alpha=float(label), samples=100, seed=seed, contrast=contrast))
            texts += batch
            correct += [(p > 0.5) == bool(label) for p in judge.positive(batch)]
    return texts, correct


@torch.no_grad()
def perplexity(lm: CondLM, texts: list[str]) -> float:
    """Per-character perplexity of texts (and their closing line break) under an unconditional LM."""
    nll = review_nll(lm, texts, None)
    return round(math.exp(nll.sum().item() / sum(len(t) + 1 for t in texts)), 2)


def generation(model: CondLM, judge: SentimentJudge, index: set[int], real: list[str], base: CondLM) -> dict:
    d = Settings()
    texts, correct = condition_samples(model, judge, d.contrast)
    _, plain = condition_samples(model, judge, 0.0)
    mix = []
    for k, a in enumerate(ALPHAS):
        batch = sample(model, Settings(alpha=a, samples=100, seed=100 + k))
        mix.append(sum(judge.positive(batch)) / len(batch))
    real_cut = [t[: d.length] for t in real[: len(texts)]]
    return {
        "condition_accuracy": round(sum(correct) / len(correct), 4),
        "condition_accuracy_negative": round(sum(correct[:500]) / 500, 4),
        "condition_accuracy_positive": round(sum(correct[500:]) / 500, 4),
        "condition_accuracy_without_contrast": round(sum(plain) / len(plain), 4),
        "condition_accuracy_without_contrast_negative": round(sum(plain[:500]) / 500, 4),
        "condition_accuracy_without_contrast_positive": round(sum(plain[500:]) / 500, 4),
        "stage1_perplexity_samples": perplexity(base, texts),
        "stage1_perplexity_real_test": perplexity(base, real_cut),
        "mixing_alpha": ALPHAS,
        "mixing_mean_p_positive": [round(x, 4) for x in mix],
        "mixing_spearman": round(spearman(ALPHAS, mix), 4),
        "distinct2_samples": round(distinct2(texts), 4),
        "distinct2_real_test": round(distinct2(real_cut), 4),
        "copied_12char_share_samples": round(copied_share(texts, index), 4),
        "copied_12char_share_real_test": round(copied_share(real_cut, index), 4),
        "mean_sample_length": round(sum(map(len, texts)) / len(texts), 1),
        "samples": [{"alpha": float(i >= 500), "text": t} for i, t in enumerate(texts[::100])],
    }


def evaluate(names: list[str] | None = None, threads: int = 2) -> dict:
    torch.set_num_threads(threads)
    started = time.perf_counter()
    splits, counts = reviews()
    judge = SentimentJudge.from_pretrained(str(JUDGE)).float()
    judge_metrics = json.loads((JUDGE / "metrics.json").read_text())
    index = span_index(pretraining_lines())
    real = [t for t, _ in splits["test"]]
    base, base_info = load_run("cln-pretrain")
    table = {}
    for name in names or list(ABLATIONS):
        if not (RUNS / name / "best.pt").is_file():
            print(f"{name}: no run, skipped", flush=True)
            continue
        cached = RUNS / name / "evaluation.json"  # a run's measures, kept until its weights change
        if cached.is_file() and cached.stat().st_mtime > (RUNS / name / "best.pt").stat().st_mtime:
            table[name] = json.loads(cached.read_text())
        else:
            model, info = load_run(name)
            table[name] = {**info, **fit(model, splits["test"], base), **generation(model, judge, index, real, base)}
            cached.write_text(json.dumps(table[name], ensure_ascii=False))
        print(
            name, json.dumps({k: v for k, v in table[name].items() if k != "samples"}, ensure_ascii=False), flush=True
        )
    metrics = {
        **table[next(iter(table))],  # the first run measured is the one that ships
        "judge_test_accuracy": judge_metrics["test_accuracy"],
        "data": counts | {k: len(v) for k, v in splits.items()},
        "stage1": base_info,
        "defaults": Settings().__dict__,
        "ablations": {name: {k: v for k, v in row.items() if k != "samples"} for name, row in table.items()},
        "evaluation_minutes": round((time.perf_counter() - started) / 60, 1),
    }
    return metrics


def publish(metrics: dict) -> Path:
    model, _ = load_run("cln")
    return write_snapshot(model.half(), SNAPSHOT, metrics, card(metrics))

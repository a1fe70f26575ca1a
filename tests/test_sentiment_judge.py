"""The sentiment judge: TF-IDF rows of unit length, a fit that separates a toy set, and the shipped judge's verdicts."""

from __future__ import annotations

import torch

from models import hub
from models.sentiment_judge import SentimentJudge
from training.cln.judge import accuracy, fit, fit_idf

POSITIVE = ["很好很满意", "服务很好", "满意推荐", "很好推荐"]
NEGATIVE = ["很差很失望", "服务太差", "失望不推荐", "太差了"]


def test_every_text_becomes_a_unit_length_row():
    judge = SentimentJudge(features=1 << 10)
    x = judge.vectorise(["很好", "很差很差很差", "a"]).to_dense()
    assert torch.allclose(x.norm(dim=1), torch.ones(3))


def test_a_fitted_judge_separates_a_toy_set():
    judge = SentimentJudge(features=1 << 12)
    texts = POSITIVE + NEGATIVE
    fit_idf(judge, texts)
    y = torch.tensor([1.0] * 4 + [0.0] * 4)
    fit(judge, judge.vectorise(texts), y, penalty=1e-4)
    assert accuracy(judge, judge.vectorise(texts), y) == 1.0
    assert judge.positive(["很满意"])[0] > 0.5 > judge.positive(["很失望"])[0]


def test_the_shipped_judge_reads_clear_reviews_right():
    judge = hub.load(SentimentJudge, "sentiment-judge").float()
    pos, neg = judge.positive(["房间干净，服务热情，下次还会再来。", "质量太差了，用了两天就坏了，非常失望。"])
    assert pos > 0.7 and neg < 0.3
    assert hub.metrics("sentiment-judge")["test_accuracy"] >= 0.85

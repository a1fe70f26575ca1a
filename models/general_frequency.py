"""General-language word frequencies, and the domain score of a mined word against them.

Chinese: the word counts of jieba's dictionary (349k words, MIT). English: the unigram counts of `wordsegment`
(333k words from the Google Web Trillion Word corpus, Apache-2.0). Both ship inside their PyPI packages.

    domain_score(w) = ln( p_domain(w) / p_general(w) ),   p_general(w) = (c(w) + alpha) / (N + alpha * |V|)

and a word the table lacks backs off to the product of its parts' general probabilities. Either way its
probability is small but finite, so the most domain-specific words rank *first*. (Su's posted code divided by a missing count, got NaN, and NaN sorted last:
exactly the words a domain glossary wants were ranked at the bottom.)
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from pathlib import Path

ALPHA = 0.5
FUNCTION_WORDS = 150  # "the", "of", "will", "be", ... taken from the table itself, not from a hand-made list


@dataclass(frozen=True)
class GeneralTable:
    language: str
    counts: dict[str, int]
    total: int
    function_words: frozenset[str]  # the most frequent words of the language (English: a phrase may not end in one)

    def count(self, word: str) -> int:
        return self.counts.get(word if self.language == "zh" else word.lower(), 0)

    def probability(self, word: str) -> float:
        """Smoothed general probability. A word the table lacks backs off to the product of its parts' probabilities
        (characters in Chinese, words elsewhere), as if they met by chance; one missing unit gets alpha / N'."""
        if self.count(word) == 0:
            parts = list(word) if self.language == "zh" else word.split(" ")
            if len(parts) > 1:
                return math.prod(self.probability(p) for p in parts)
        return (self.count(word) + ALPHA) / (self.total + ALPHA * len(self.counts))


@functools.cache
def load(language: str) -> GeneralTable:
    """'zh' (jieba's dictionary) or 'en' (wordsegment's unigrams); read once per process."""
    if language == "zh":
        import jieba

        counts = {}
        with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
            for line in f:
                word, count, *_ = line.split(" ")
                counts[word] = int(count)
    elif language == "en":
        import wordsegment

        counts = {}
        with open(Path(wordsegment.__file__).parent / "unigrams.txt", encoding="utf-8") as f:
            for line in f:
                word, count = line.rstrip("\n").split("\t")
                counts[word] = int(count)
    else:
        raise ValueError(f"no general frequency table for language {language!r}")
    top = sorted(counts, key=counts.get, reverse=True)[:FUNCTION_WORDS]
    return GeneralTable(language, counts, sum(counts.values()), frozenset(top))


def domain_score(count: int, total: int, general: GeneralTable, word: str) -> float:
    """ln of how much more often `word` occurs in the domain text than in general language; always finite."""
    return math.log((count / total) / general.probability(word))

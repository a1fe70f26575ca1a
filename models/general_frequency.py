"""General-language word frequencies, and the domain score of a mined word against them.

Chinese: the word counts of jieba's dictionary (349k words, MIT). English: the unigram and bigram counts of
`wordsegment` (333k words and 286k word pairs from the Google Web Trillion Word corpus, Apache-2.0; its keys are
lower-case letters and digits only, so "don't" is looked up as "dont"). Both ship inside their PyPI packages.

    domain_score(w) = ln( p_domain(w) / p_general(w) ),   p_general(w) = (c(w) + alpha) / (N + alpha * |V|)

A word the table lacks backs off to the product of its parts' general probabilities (Chinese: its most probable
split into dictionary words, so 关系正常化 scores as 关系 + 正常化, not as five characters); an English phrase chains its
word pairs, p(a b c) = p(a) p(b|a) p(c|b), with a pair the table lacks (it lists only pairs seen about 40k times or
more) taken as independent but never more likely than the rarest listed pair. Either way the probability is small
but finite, so the most domain-specific words rank *first*. (Su's posted code divided by a missing count, got NaN,
and NaN sorted last: exactly the words a domain glossary wants were ranked at the bottom.)
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

ALPHA = 0.5
FUNCTION_WORDS = 150  # Chinese: 的, 了, 在, 是, ... taken from the table itself
# English grammar words: a phrase may not start or end with one ("of the", "will be"). The closed classes are
# written out because the web table's most frequent words also include nouns that head real terms ("file system",
# "object name", "mailing list").
_ENGLISH_GRAMMAR = """a an the this that these those some any each every either neither no all both half several many much more
    most few fewer less least other another such what which who whom whose whatever whichever whoever i me my mine
    myself you your yours yourself yourselves he him his himself she her hers herself it its itself we us our ours
    ourselves they them their theirs themselves one ones be am is are was were been being have has had having do does
    did doing done will would shall should can could may might must ought need not nor and or but if then else so
    than because since while although though unless until whether as of in on at by for with without within from to
    into onto upon about above below over under between among through during before after against along across
    around behind beyond near off out up down via per there here when where why how also too very just only even
    still yet again ever never always often already cannot instead however therefore thus hence otherwise whereas
    e.g i.e etc"""
ENGLISH_FUNCTION_WORDS = frozenset(_ENGLISH_GRAMMAR.split())
# Words that open a noun phrase: how often a candidate follows one tells a noun ("the working tree", "a commit")
# from a command, an option or an adjective ("git log", "--force", "current"); see term_mining.domain_terms.
_DETERMINERS = "a an the this that these those each every its their your our any no another"
ENGLISH_DETERMINERS = frozenset(_DETERMINERS.split())


def _key(word: str) -> str:
    """How wordsegment spells a word: lower-case letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", word.lower())


@dataclass(frozen=True)
class GeneralTable:
    language: str
    counts: dict[str, int]
    total: int
    function_words: frozenset[str]  # grammar words: a multi-unit term may not start or end with one
    pairs: dict[str, int] = field(default_factory=dict)  # English word pairs "a b" -> count (empty for Chinese)
    determiners: frozenset[str] = frozenset()  # words that open a noun phrase (empty for Chinese: it has no articles)

    def count(self, word: str) -> int:
        if self.language == "zh":
            return self.counts.get(word, 0)
        if " " in word:
            return self.pairs.get(" ".join(_key(w) for w in word.split(" ")), 0)
        return self.counts.get(_key(word), 0)

    def probability(self, word: str) -> float:
        """Smoothed general probability (see the module docstring)."""
        if self.language != "zh" and " " in word:
            return self._phrase_probability(word.split(" "))
        if self.count(word) == 0:
            if self.language == "zh" and len(word) > 1:
                return self._best_split_probability(word)
            parts = [p for p in re.split(r"[^a-z0-9]+", word.lower()) if p]
            if len(parts) > 1:
                return math.prod(self.probability(p) for p in parts)
        return (self.count(word) + ALPHA) / (self.total + ALPHA * len(self.counts))

    def _best_split_probability(self, word: str) -> float:
        """A Chinese word the dictionary lacks: its most probable split into dictionary words (关系正常化 -> 关系 +
        正常化), each piece a word or a single character, as if the pieces met by chance."""
        best = [1.0] + [0.0] * len(word)
        for end in range(1, len(word) + 1):
            for start in range(end):
                piece = word[start:end]
                if end - start == 1 or (piece != word and self.count(piece)):
                    best[end] = max(best[end], best[start] * self.probability(piece))
        return best[-1]

    @functools.cached_property
    def _pair_stats(self) -> tuple[int, int]:
        return sum(self.pairs.values()), min(self.pairs.values())

    def _phrase_probability(self, words: list[str]) -> float:
        p = self.probability(words[0])
        if not self.pairs:
            return p * math.prod(self.probability(w) for w in words[1:])
        pair_total, rarest = self._pair_stats
        for a, b in itertools.pairwise(words):
            pa, pb = self.probability(a), self.probability(b)
            c = self.pairs.get(f"{_key(a)} {_key(b)}", 0)
            pab = c / pair_total if c else min(pa * pb, rarest / pair_total)
            p *= pab / pa
        return p


def _read_counts(path: Path, sep: str, key=lambda k: k) -> dict[str, int]:
    counts: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, count, *_ = line.rstrip("\n").split(sep)
            counts[key(word)] = counts.get(key(word), 0) + int(count)
    return counts


@functools.cache
def load(language: str) -> GeneralTable:
    """'zh' (jieba's dictionary) or 'en' (wordsegment's unigrams and bigrams); read once per process."""
    if language == "zh":
        import jieba

        counts = _read_counts(Path(jieba.__file__).parent / "dict.txt", " ")
        top = sorted(counts, key=counts.get, reverse=True)[:FUNCTION_WORDS]
        return GeneralTable("zh", counts, sum(counts.values()), frozenset(top))
    if language == "en":
        import wordsegment

        folder = Path(wordsegment.__file__).parent
        counts = _read_counts(folder / "unigrams.txt", "\t")
        pairs = _read_counts(folder / "bigrams.txt", "\t", lambda k: " ".join(_key(w) for w in k.split(" ")))
        return GeneralTable("en", counts, sum(counts.values()), ENGLISH_FUNCTION_WORDS, pairs, ENGLISH_DETERMINERS)
    raise ValueError(f"no general frequency table for language {language!r}")


def domain_score(count: int, total: int, general: GeneralTable, *forms: str) -> float:
    """ln of how much more often a word occurs in the domain text than in general language; always finite. Several
    `forms` of one word (singular and plural) pool their general probabilities, as `count` pools their counts."""
    return math.log((count / total) / sum(general.probability(f) for f in forms))

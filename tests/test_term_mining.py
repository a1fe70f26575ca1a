"""models/term_mining.py: statistics equal a plain-Python reference, planted words are found and segmented,
numbers are one unit, English phrases work, and words missing from the general table rank first (not NaN-last)."""

from __future__ import annotations

import itertools
import math
import random
import re

import numpy as np
import pytest

from bench.term_reference import statistics
from models import general_frequency as gf
from models import term_mining as tm

CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 400)]


def planted_corpus(seed: int = 0, n_sentences: int = 3000) -> tuple[str, list[str], list[list[str]]]:
    """Sentences built from a known vocabulary of 2-4 character words (Zipf-like frequencies)."""
    rng = random.Random(seed)
    vocab = sorted({"".join(rng.sample(CJK, rng.choice([2, 2, 3, 4]))) for _ in range(150)})
    weights = [1 / (i + 1) for i in range(len(vocab))]
    sentences = [rng.choices(vocab, weights, k=rng.randint(3, 9)) for _ in range(n_sentences)]
    return "。".join("".join(s) for s in sentences), vocab, sentences


def test_counts_cohesion_and_entropies_equal_the_plain_python_reference():
    text, _, _ = planted_corpus(n_sentences=300)
    reference = statistics(text, max_n=4)
    mined = tm.mine(text, "zh", max_n=4, min_count=1, min_cohesion=-math.inf, min_entropy=0.0)
    got = {c.word: c for c in tm.candidates(mined.tables, mined.encoded.alphabet, mined.total, 1, -math.inf, 0.0)}
    assert got.keys() == reference.keys()
    for word, (count, cohesion, left, right) in list(reference.items())[:2000]:
        c = got[word]
        assert c.count == count
        assert c.cohesion == pytest.approx(cohesion, abs=1e-9)
        assert c.left_entropy == pytest.approx(left, abs=1e-9) and c.right_entropy == pytest.approx(right, abs=1e-9)


def test_planted_words_are_discovered_first():
    text, vocab, _ = planted_corpus()
    words = [c.word for c in tm.mine(text, "zh").words]
    top = words[:50]
    assert sum(w in vocab for w in top) / len(top) >= 0.95


def test_segmentation_recovers_the_planted_words():
    text, _, sentences = planted_corpus()
    mined = tm.mine(text, "zh")
    predicted = {(a, b) for a, b in tm.segment(mined) if text[a:b] != "。"}
    gold, pos = set(), 0
    for s in sentences:
        for w in s:
            gold.add((pos, pos + len(w)))
            pos += len(w)
        pos += 1
    tp = len(gold & predicted)
    assert 2 * tp / (len(gold) + len(predicted)) >= 0.9


def test_segmentation_covers_the_text_without_gaps():
    text = "今天天气很好，我们去公园散步。１２月３１日，３．５％的增长。"
    spans = tm.segment(tm.mine(text * 20, "zh"))
    assert spans[0][0] == 0 and spans[-1][1] == len(text) * 20
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))


def test_a_number_is_one_unit():
    enc = tm.encode("１２月３１日，3.5%和２０００年", "zh")
    units = [enc.alphabet[i] for i in enc.ids]
    assert units == ["#", "月", "#", "日", "", "#", "和", "#", "年"]
    assert enc.text_of(5, 1) == (7, 11)  # "3.5%"


def test_english_units_are_words_and_phrases_are_found():
    rng = random.Random(1)
    phrases = ["neural network", "gradient descent", "loss function", "learning rate"]
    filler = ["we", "use", "a", "the", "with", "and", "then", "train", "model", "data", "small", "large"]
    text = ". ".join(
        " ".join([*rng.sample(filler, 3), rng.choice(phrases), *rng.sample(filler, 2)]) for _ in range(800)
    )
    mined = tm.mine(text)
    assert mined.language == "en"
    found = [c.word for c in mined.words]
    assert all(p in found for p in phrases)


def test_language_detection():
    assert tm.detect_language("今天天气很好，我们去公园散步。") == "zh"
    assert tm.detect_language("The gradient of the loss function.") == "en"
    assert tm.detect_language("Transformer 模型的注意力机制") == "zh"


@pytest.mark.parametrize("text", ["", "字", "。。。", "🙂🙂🙂", "<script>alert(1)</script>", "a"])
def test_tiny_or_odd_inputs_give_no_words_and_no_error(text):
    mined = tm.mine(text)
    assert mined.words == [] or all(w.count >= 2 for w in mined.words)
    spans = tm.segment(mined)
    assert all(0 <= a < b <= len(text) for a, b in spans)


def test_words_missing_from_the_general_table_rank_first_with_a_finite_score():
    table = gf.GeneralTable("zh", {"我们": 1000, "发展": 500}, 10_000, frozenset({"我们"}))
    common = table.probability("我们")
    unseen = table.probability("扶贫攻坚")
    assert 0 < unseen < common and math.isfinite(gf.domain_score(5, 1000, table, "扶贫攻坚"))
    assert gf.domain_score(5, 1000, table, "扶贫攻坚") > gf.domain_score(5, 1000, table, "发展")


def test_shipped_general_tables_load():
    zh, en = gf.load("zh"), gf.load("en")
    assert zh.count("中国") > 0 and en.count("the") > en.count("gradient") > 0
    assert "the" in en.function_words and "gradient" not in en.function_words


def test_domain_terms_drop_number_shapes_and_are_ranked_by_weight():
    text, _vocab, _ = planted_corpus()
    text += "。" + "。".join(f"{i}月" for i in range(1, 13)) * 20
    terms = tm.domain_terms(tm.mine(text, "zh"), gf.load("zh"))
    assert terms and all(tm.NUMBER not in t.term for t in terms)
    weights = [t.weight for t in terms]
    assert weights == sorted(weights, reverse=True) and all(np.isfinite([t.domain_score for t in terms]))
    t = terms[0]
    assert t.weight == pytest.approx(1000 * t.count / tm.mine(text, "zh").total * t.domain_score)


def test_weight_puts_a_frequent_specific_word_above_a_rare_name():
    table = gf.GeneralTable("en", {"commit": 1000, "the": 10**6}, 10**7, gf.ENGLISH_FUNCTION_WORDS)
    rare, core = gf.domain_score(3, 10_000, table, "bjarmason"), gf.domain_score(300, 10_000, table, "commit")
    assert rare > core  # by ratio alone the name wins ...
    assert 3 * rare < 300 * core  # ... by weight the domain's core word does


def test_english_single_words_are_candidates_without_cohesion():
    rng = random.Random(2)
    filler = ["we", "use", "a", "the", "with", "and", "then", "to", "of", "it", "is", "on"]
    text = ". ".join(" ".join([*rng.sample(filler, 4), "pathspec", *rng.sample(filler, 3)]) for _ in range(300))
    mined = tm.mine(text + ". x y x y x y", "en")
    singles = {c.word: c for c in mined.single_words}
    assert "pathspec" in singles and singles["pathspec"].cohesion is None
    assert "x" not in singles and all(len(w) >= 2 for w in singles)
    terms = tm.domain_terms(mined, gf.load("en"))
    assert terms[0].term == "pathspec"
    assert not any(t.term in gf.ENGLISH_FUNCTION_WORDS for t in terms)


def _prose(rng: random.Random, n: int, *phrases: str) -> str:
    filler = ["we", "use", "with", "and", "then", "to", "of", "it", "is", "on", "see", "for"]
    return ". ".join(" ".join([*rng.sample(filler, 3), rng.choice(phrases), *rng.sample(filler, 3)]) for _ in range(n))


def test_noun_cue_ranks_a_noun_above_an_equally_frequent_command():
    rng = random.Random(3)
    nouns = ["the reflog", "a reflog", "this reflog", "its reflog"]
    commands = ["git bisect", "run bisect", "call bisect", "try bisect"]
    text = _prose(rng, 400, *nouns, *commands, *commands)  # bisect twice as often as reflog
    terms = {t.term: t for t in tm.domain_terms(tm.mine(text, "en"), gf.load("en"))}
    noun, command = terms["reflog"], terms["bisect"]
    assert noun.after_determiner == 1.0 and command.after_determiner == 0.0
    assert noun.termhood > command.termhood and command.weight > noun.weight  # bisect is the more frequent
    assert noun.termhood == pytest.approx(noun.weight * math.sqrt((noun.count + 0.1) / (noun.count + 1)))


def test_after_determiner_counts_whole_phrases_exactly():
    rng = random.Random(4)
    phrases = ["the working tree", "this working tree", "working tree", "some working tree"]
    text = _prose(rng, 600, *phrases, "the index", "a branch", "remote", "those tags")
    mined = tm.mine(text, "en")
    (phrase,) = [c for c in mined.words if c.word == "working tree"]
    counts = tm.after_determiner_counts(mined, [phrase], gf.ENGLISH_DETERMINERS)
    expected = len(re.findall(r"\b(the|this) working tree", text))
    assert counts.tolist() == [expected] and 0 < expected < phrase.count  # "some" is not a determiner here


@pytest.mark.parametrize(
    ("term", "singular"),
    [("tables", "table"), ("queries", "query"), ("indexes", "index"), ("foreign tables", "foreign table")],
)
def test_singular_of_joins_a_plural_to_a_singular_the_text_has(term, singular):
    assert tm.singular_of(term, {singular, term}) == singular
    assert tm.singular_of(term, {term}) == term  # no singular in the text: nothing to join


@pytest.mark.parametrize("word", ["class", "status", "analysis"])
def test_singular_of_leaves_words_that_only_look_plural(word):
    assert tm.singular_of(word, {word, word[:-1]}) == word


def test_plural_and_singular_are_one_term_with_pooled_counts():
    rng = random.Random(6)
    singular = ["the table", "a table", "this table", "its table"]
    plural = ["the tables", "these tables", "those tables", "their tables"]
    text = _prose(rng, 500, *singular, *plural, "git bisect")
    mined = tm.mine(text, "en")
    single = {c.word: c for c in mined.single_words}
    terms = {t.term: t for t in tm.domain_terms(mined, gf.load("en"))}
    table = terms["table"]
    assert "tables" not in terms and table.other_forms == ("tables",)
    assert table.count == single["table"].count + single["tables"].count
    assert table.after_determiner == 1.0
    assert table.domain_score == pytest.approx(
        gf.domain_score(table.count, mined.total, gf.load("en"), "table", "tables")
    )


def test_noun_cue_is_off_where_text_has_no_articles():
    zh_text, _vocab, _ = planted_corpus(n_sentences=400)
    no_articles = _prose(random.Random(5), 400, "pytypeobject", "pyobject call", "tp flags")
    for text, language in [(zh_text, "zh"), (no_articles, "en")]:
        terms = tm.domain_terms(tm.mine(text, language), gf.load(language))
        assert terms and all(t.after_determiner is None and t.termhood == t.weight for t in terms)


def test_chinese_text_has_no_single_character_candidates():
    text, _vocab, _ = planted_corpus(n_sentences=500)
    assert tm.mine(text, "zh").single_words == []


def test_english_general_lookups_use_wordsegment_spelling():
    en = gf.load("en")
    assert en.count("don't") == en.count("dont") > 0 and en.count("Commit") == en.count("commit") > 0
    assert en.count("file system") > 0  # a listed word pair


def test_english_phrase_probability_uses_listed_pairs():
    table = gf.GeneralTable("en", {"file": 100, "system": 100}, 10_000, frozenset(), {"file system": 50, "a b": 1})
    independent = table.probability("file") * table.probability("system")
    assert table.probability("file system") > 100 * independent  # a fixed phrase, not a chance meeting
    unlisted = gf.GeneralTable("en", {"file": 100, "system": 100}, 10_000, frozenset(), {"a b": 10**6})
    assert unlisted.probability("file system") == pytest.approx(independent)  # rarest pair (p = 1) caps nothing
    capped = gf.GeneralTable("en", {"file": 100, "system": 100}, 10_000, frozenset(), {"a b": 1, "c d": 10**9})
    assert capped.probability("file system") == pytest.approx(1 / (10**9 + 1))  # p(file) p(system | file) = p(pair)


def test_chinese_backoff_splits_into_dictionary_words():
    table = gf.GeneralTable("zh", {"关系": 1000, "正常化": 100, "关": 10}, 100_000, frozenset())
    by_words = table.probability("关系") * table.probability("正常化")
    assert table.probability("关系正常化") == pytest.approx(by_words)
    assert table.probability("关系正常化") > math.prod(table.probability(ch) for ch in "关系正常化")


def test_lookup_in_an_empty_table_finds_nothing():
    table = tm.NgramTable(2, np.array([], dtype=np.int64), np.array([], dtype=np.int64), np.array([]), np.array([]))
    assert table.lookup(np.array([3, 5])).tolist() == [0, 0]

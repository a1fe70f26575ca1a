"""training/term_mining/english.py: matching, gold parsing, precision@k and the baselines, on small made-up inputs
(the corpora themselves come from Debian packages and are only read by the evaluation command)."""

from __future__ import annotations

import pytest

from models import general_frequency as gf
from training.term_mining import english as en


@pytest.mark.parametrize(
    ("term", "folded"),
    [
        ("Branches", "branch"),
        ("remote-tracking branches", "remote tracking branch"),
        ("dependencies", "dependency"),
        ("tree_objects", "tree object"),
        ("process", "process"),
        ("analysis", "analysis"),
        ("status", "status"),
    ],
)
def test_fold_matches_plurals_hyphens_and_case(term, folded):
    assert en.fold(term) == folded


def test_glossary_keeps_other_spellings_and_abbreviations_not_glosses():
    gold = en.glossary_terms(
        [
            "commit-ish (also committish)",
            "object identifier (oid)",
            "Foreign table (relation)",
            "Multi-version concurrency control (MVCC)",
            "Free space map (fork)",
            "commit graph, representations and usage",
        ]
    )
    assert gold == {
        "commit ish",
        "committish",
        "object identifier",
        "oid",
        "foreign table",
        "multi version concurrency control",
        "mvcc",
        "free space map",
        "commit graph",
    }


def test_precision_counts_each_folded_form_once():
    gold = {"branch", "working tree"}
    p, top = en.precision_at(["branch", "branches", "Working-tree", "file", "option"], gold, k=3)
    assert top == ["branch", "working tree", "file"] and p == pytest.approx(2 / 3)


def test_precision_of_a_short_ranking_divides_by_k():
    assert en.precision_at(["branch"], {"branch"}, k=4)[0] == 0.25


def test_plain_frequency_ranks_grammar_first_and_the_filtered_one_does_not():
    text = ". ".join(["the working tree of the repository"] * 5 + ["a branch"] * 2)
    plain = en.ngram_frequency(text)
    filtered = en.ngram_frequency(text, grammar_words=gf.ENGLISH_FUNCTION_WORDS)
    assert plain[0] == "the"
    assert filtered[:3] == ["working", "tree", "repository"] and "working tree" in filtered
    assert not any(g.split(" ")[0] in {"the", "of", "a"} for g in filtered)


def test_yake_per_document_sums_ranks_over_documents():
    import yake

    repeated = "The working tree holds files. Edit the working tree often."
    once = "A bare repository has no working files at all, only history."
    top_of = [kw.lower() for kw, _ in yake.KeywordExtractor(lan="en", n=3, top=20).extract_keywords(once)]
    ranked = en.yake_per_document([repeated] * 3 + [once])
    assert ranked[0] == yake.KeywordExtractor(lan="en", n=3, top=1).extract_keywords(repeated)[0][0].lower()
    assert set(top_of) <= set(ranked)


def test_rst_glossary_entries_are_the_three_space_lines_of_the_block():
    source = "Intro\n   not a term\n\n.. glossary::\n\n   ``>>>``\n      The prompt.\n\n   abstract base class\n      An ABC.\n"
    assert en.rst_glossary_entries(source) == [">>>", "abstract base class"]


def test_rst_text_keeps_the_words_of_roles_links_and_literals():
    source = (
        "Call :func:`len` or :meth:`~dict.get`, see `the tutorial <https://x>`_ and ``x = 1``.\n\n.. note::\n=====\n"
    )
    assert en.rst_text(source).strip() == "Call len or dict.get, see the tutorial and x = 1."


def test_words_are_numbered_by_frequency_with_ties_in_sorted_order_and_keep_their_offsets():
    from models.term_mining import BOUNDARY, NUMBER, encode_words

    text = "Beta alpha, beta 42 gamma.\nalpha Beta"
    enc = encode_words(text)
    assert enc.alphabet == ["", "beta", "alpha", NUMBER, "gamma"]  # 3x, 2x, then the 1x units in sorted order
    assert [enc.alphabet[i] for i in enc.ids] == ["beta", "alpha", "", "beta", NUMBER, "gamma", "", "", "alpha", "beta"]
    assert (enc.ids == BOUNDARY).sum() == 3  # the comma, the full stop and the line break
    assert [text[s:e] for s, e in zip(enc.starts, enc.ends, strict=True)][:2] == ["Beta", "alpha"]

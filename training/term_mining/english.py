"""Evaluate the term miner's English ranking against a technical manual's own glossary, beside YAKE and frequency.

    python -m training.term_mining evaluate-english [--out bench/results/term_mining_english.json]

Corpora: Debian packages, downloaded and unpacked by training/data.py (never installed).
- git-doc: the manual pages and guides (AsciiDoc sources, 2.4 MB) without the glossary; `linkgit:git-add[1]` markup
  becomes `git-add`. Gold: the 87 entries of gitglossary(7), with the spellings given in brackets (committish, oid).
- postgresql-doc-15: the HTML manual as text (6.9 MB) without the glossary and the index. Gold: the 132 entries of its
  glossary (Appendix M), with the abbreviations given in brackets (MVCC, TPS).
- python3.11-doc: the reStructuredText sources of the Python manual (9.4 MB of text, roles and directives stripped)
  without the glossary. Gold: the 128 entries of its glossary. Added after the ranking's noun cue was chosen on git,
  so it is held out for everything in the ranking.

Rankings compared at k = 100:
- ours: `domain_terms(mine(text))`, the ranking the tab shows (termhood), and the same without its noun cue (weight);
- YAKE 0.7.3 (n <= 3), run the way it is meant to be run: on each document, top 20, a term's score summed over the
  documents as (21 - rank) / 20; and on the whole corpus as one text (both reported, the better one is the bar);
- plain n-gram frequency: every 1- to 3-gram inside a sentence, by count;
- n-gram frequency without n-grams that start or end with a grammar word (our own filter, the same list the miner
  uses): a stronger baseline than the issue names, reported beside it.
Matching: lower case, hyphens and underscores as spaces, each word's plural folded (-ies -> -y, -ses/-xes/-ches/-shes
-> drop -es, -s -> drop unless -ss/-is/-us); a ranked term counts once per folded form, and the top k are the first k
distinct forms. Nothing was tuned on the PostgreSQL or the Python corpus.
"""

from __future__ import annotations

import collections
import dataclasses
import html
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from models import general_frequency, term_mining
from training.data import fetch_deb

OUT = Path("bench/results/term_mining_english.json")
K = 100
YAKE_PER_DOCUMENT = 20


@dataclass
class Corpus:
    name: str
    package: str
    version: str
    documents: list[str]
    gold: set[str]  # folded forms

    @property
    def text(self) -> str:
        return "\n".join(self.documents)


def fold_word(w: str) -> str:
    if len(w) > 3 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and re.search(r"(s|x|ch|sh)es$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not re.search(r"(ss|is|us)$", w):
        return w[:-1]
    return w


def fold(term: str) -> str:
    """The form terms are matched in: lower case, hyphens/underscores as spaces, plurals folded word by word."""
    return " ".join(fold_word(w) for w in re.split(r"[\s_-]+", term.lower().strip()) if w)


def _abbreviates(short: str, heading: str) -> bool:
    """'MVCC' for 'Multi-version concurrency control', 'oid' for 'object identifier': the same first letter, and
    the letters in order within the heading's."""
    short, heading = short.lower(), heading.lower()
    it = iter(heading)
    return bool(short) and short[0] == heading[0] and all(ch in it for ch in short)


def glossary_terms(entries: list[str]) -> set[str]:
    """Glossary headings -> folded gold terms. 'Foreign table (relation)' gives 'foreign table' (a bracketed gloss
    is not a term); a bracketed other spelling ('commit-ish (also committish)') or abbreviation ('Multi-version
    concurrency control (MVCC)', 'object identifier (oid)') is a term too."""
    gold = set()
    for entry in entries:
        heading = re.sub(r"\s*\(.*?\)", "", entry).split(",")[0]
        gold.add(fold(heading))
        for inside in re.findall(r"\(([^)]*)\)", entry):
            if inside.startswith("also ") or _abbreviates(inside, heading):
                gold.add(fold(inside.removeprefix("also ")))
    return gold - {""}


def precision_at(ranked: list[str], gold: set[str], k: int = K) -> tuple[float, list[str]]:
    """Share of the first k distinct folded forms of `ranked` that are gold terms, and those forms."""
    seen: list[str] = []
    for term in ranked:
        f = fold(term)
        if f and f not in seen:
            seen.append(f)
            if len(seen) == k:
                break
    return sum(f in gold for f in seen) / k, seen


def git_corpus() -> Corpus:
    root = fetch_deb("git-doc")
    docs = root / "usr/share/doc/git-doc"
    glossary = (docs / "glossary-content.txt").read_text(encoding="utf-8")
    entries = [m.group(1) for m in re.finditer(r"^\[\[def_[^\]]*\]\](.*)::$", glossary, flags=re.M)]
    entries = [e.replace(" concept, representations and usage", "") for e in entries]
    documents = [
        re.sub(r"linkgit:([\w.-]+)\[\d\]", r"\1", p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(docs.glob("*.txt"))
        if "glossary" not in p.name
    ]
    return Corpus("git", "git-doc", (root / "VERSION").read_text().strip(), documents, glossary_terms(entries))


def html_text(page: str) -> str:
    page = re.sub(r"(?s)<(script|style)[^>]*>.*?</\1>", " ", page)
    page = re.sub(r"(?s)<div class=\"nav(header|footer)\">.*?</div>", "\n", page)
    page = re.sub(r"</(p|div|h\d|li|dt|dd|tr|td|th|pre|title)>|<br\s*/?>", "\n", page)
    return re.sub(r"[ \t]+", " ", html.unescape(re.sub(r"<[^>]+>", "", page)))


def postgresql_corpus() -> Corpus:
    root = fetch_deb("postgresql-doc-15")
    pages = root / "usr/share/doc/postgresql-doc-15/html"
    glossary = (pages / "glossary.html").read_text(encoding="utf-8")
    entries = [
        html.unescape(re.sub(r"<[^>]+>", "", t)).strip() for t in re.findall(r"<dt[^>]*>(.*?)</dt>", glossary, re.S)
    ]
    documents = [
        html_text(p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(pages.glob("*.html"))
        if p.name not in ("glossary.html", "bookindex.html")
    ]
    version = (root / "VERSION").read_text().strip()
    return Corpus("postgresql", "postgresql-doc-15", version, documents, glossary_terms(entries))


def rst_text(source: str) -> str:
    """reStructuredText -> prose: `:func:`len`` -> len, `text <target>`_ -> text, ``code`` -> code; directive
    lines and section underlines dropped."""
    source = re.sub(r":[\w:.-]+:`[~!]?([^`<]*?)\s*(<[^>]*>)?`", r"\1", source)
    source = re.sub(r"`([^`<]*?)\s*<[^>]*>`_+", r"\1", source)
    source = re.sub(r"``([^`]*)``", r"\1", source)
    source = re.sub(r"(?m)^\s*\.\. .*$", "", source)
    return re.sub(r"(?m)^[=*\-~^\"#+`]{3,}\s*$", "", source)


def rst_glossary_entries(source: str) -> list[str]:
    """The terms of a Sphinx `.. glossary::` block: its lines indented by exactly three spaces."""
    block = source.split(".. glossary::", 1)[1]
    return [m.group(1).replace("``", "") for m in re.finditer(r"(?m)^   (\S.*?)\s*$", block)]


def python_corpus() -> Corpus:
    root = fetch_deb("python3.11-doc")
    sources = root / "usr/share/doc/python3.11/html/_sources"
    entries = rst_glossary_entries((sources / "glossary.rst.txt").read_text(encoding="utf-8"))
    documents = [
        rst_text(p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(sources.rglob("*.rst.txt"))
        if p.name != "glossary.rst.txt"
    ]
    return Corpus(
        "python", "python3.11-doc", (root / "VERSION").read_text().strip(), documents, glossary_terms(entries)
    )


def ngram_frequency(text: str, max_n: int = 3, grammar_words: frozenset[str] = frozenset()) -> list[str]:
    """All 1..max_n-grams of words inside sentences (the miner's tokeniser), most frequent first; with
    `grammar_words`, n-grams that start or end with one are left out."""
    enc = term_mining.encode_words(text)
    units = [enc.alphabet[i] if i != term_mining.BOUNDARY else None for i in enc.ids]
    counts: collections.Counter = collections.Counter()
    for n in range(1, max_n + 1):
        for i in range(len(units) - n + 1):
            gram = units[i : i + n]
            if None in gram or term_mining.NUMBER in gram or gram[0] in grammar_words or gram[-1] in grammar_words:
                continue
            counts[" ".join(gram)] += 1
    return [g for g, _ in counts.most_common(20 * K)]


def yake_whole(text: str) -> list[str]:
    import yake

    return [kw for kw, _ in yake.KeywordExtractor(lan="en", n=3, top=5 * K).extract_keywords(text)]


def yake_per_document(documents: list[str]) -> list[str]:
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=3, top=YAKE_PER_DOCUMENT)
    score: collections.Counter = collections.Counter()
    for doc in documents:
        for rank, (kw, _) in enumerate(extractor.extract_keywords(doc)):
            score[kw.lower()] += (YAKE_PER_DOCUMENT - rank) / YAKE_PER_DOCUMENT
    return [kw for kw, _ in score.most_common(5 * K)]


def ours(text: str, noun_cue: bool = True) -> list[str]:
    general = general_frequency.load("en")
    if not noun_cue:
        general = dataclasses.replace(general, determiners=frozenset())
    return [t.term for t in term_mining.domain_terms(term_mining.mine(text, "en"), general)]


def evaluate_corpus(corpus: Corpus) -> dict:
    text = corpus.text
    rankings, seconds = {}, {}
    grammar = general_frequency.ENGLISH_FUNCTION_WORDS
    for name, rank in [
        ("ours", lambda: ours(text)),
        ("ours_without_noun_cue", lambda: ours(text, noun_cue=False)),
        ("yake_per_document", lambda: yake_per_document(corpus.documents)),
        ("yake_whole_corpus", lambda: yake_whole(text)),
        ("plain_ngram_frequency", lambda: ngram_frequency(text)),
        ("ngram_frequency_without_grammar_word_edges", lambda: ngram_frequency(text, grammar_words=grammar)),
    ]:
        t0 = time.perf_counter()
        rankings[name] = rank()
        seconds[name] = round(time.perf_counter() - t0, 2)
    scored = {name: precision_at(r, corpus.gold) for name, r in rankings.items()}
    p = {name: s[0] for name, s in scored.items()}
    yake_best = max(p["yake_per_document"], p["yake_whole_corpus"])
    bar_base = max(yake_best, p["plain_ngram_frequency"])
    strong_base = max(bar_base, p["ngram_frequency_without_grammar_word_edges"])
    return {
        "corpus": f"{corpus.package} {corpus.version}",
        "documents": len(corpus.documents),
        "megabytes_utf8": round(len(text.encode("utf-8")) / 1e6, 2),
        "gold_terms": len(corpus.gold),
        **{f"precision_at_{K}_{name}": v for name, v in p.items()},
        "ratio_to_better_of_yake_and_plain_frequency": round(p["ours"] / bar_base, 3),
        "ratio_to_best_baseline_including_filtered_frequency": round(p["ours"] / strong_base, 3),
        "seconds": seconds,
        "top_k": {name: s[1] for name, s in scored.items()},
        "hits_ours": [t for t in scored["ours"][1] if t in corpus.gold],
    }


def evaluate(out: Path = OUT) -> dict:
    result = {corpus.name: evaluate_corpus(corpus) for corpus in (git_corpus(), postgresql_corpus(), python_corpus())}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    return result

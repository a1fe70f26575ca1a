"""Unsupervised word and term discovery without a dictionary: n-gram statistics, cohesion, boundary entropy.

Su Jianlin, "分享一次专业领域词汇的无监督挖掘" (https://kexue.fm/archives/6540), building on 3913, 4256, 5476 and 5597.
A string w is a word candidate when it is frequent, cohesive, and free at both ends:

    cohesion(w) = min over splits w = a|b of  ln( p(w) / (p(a) p(b)) )        (minimum-split PMI, nats)
    H_left(w)   = entropy of the units seen just before w (each sentence edge counts as a distinct neighbour)
    H_right(w)  = the same after w

A unit is a character in Chinese and a word in space-separated languages; a number is one unit. Counting is
vectorised: the text becomes an array of unit ids, every n-gram a base-V int64 key, and all statistics come from
sorting those keys (np.unique, searchsorted), never from Python dictionaries. Then: de-redundancy of phrases
(`drop_compounds`), a max-probability segmenter over the discovered lexicon (`segment`), and the ranking against
general language (`domain_terms`, with models/general_frequency.py). No UI, no torch.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from dataclasses import dataclass

import numpy as np

BOUNDARY = 0  # id of every separator (punctuation, spaces, line breaks): no n-gram crosses it


def is_separator(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in "PSZC" and cat != "Co"


NUMBER = "#"  # how a run of digits shows inside a candidate: "#月" stands for １月, １２月, ...
_DIGITS = np.array([ord(c) for c in "0123456789０１２３４５６７８９"], dtype=np.uint32)
_NUMBER_TAIL = np.array([ord(c) for c in ".%．％"], dtype=np.uint32)  # 3.5% and ３．５％ stay one number


@dataclass
class Encoded:
    ids: np.ndarray  # (U,) int64 unit ids, BOUNDARY at separators; ids >= 1 ordered by frequency
    alphabet: list[str]  # id -> unit (alphabet[0] is the separator; a number is the unit NUMBER)
    starts: np.ndarray  # (U,) character offset where each unit starts
    ends: np.ndarray  # (U,) character offset where it ends
    joiner: str  # "" for Chinese (units are characters), " " for space-separated text (units are words)

    def text_of(self, first: int, n: int) -> tuple[int, int]:
        """Character span of the n units from unit `first`."""
        return int(self.starts[first]), int(self.ends[first + n - 1])


def _ranked(values: np.ndarray, separator) -> tuple[np.ndarray, list]:
    """Unit values -> ids ranked by descending frequency from 1 (small ids keep n-gram keys small); separators -> 0.
    Ties keep the units' sorted order."""
    uniq, inverse = np.unique(values, return_inverse=True)
    return _rank(inverse.reshape(-1), uniq, separator)


def _rank(inverse: np.ndarray, uniq, separator) -> tuple[np.ndarray, list]:
    """`_ranked` for values already numbered: inverse (U,) indexes the sorted distinct units `uniq`."""
    counts = np.bincount(inverse, minlength=len(uniq))
    sep = np.array([separator(u) for u in uniq], dtype=bool)
    kept = [i for i in np.argsort(-counts, kind="stable") if not sep[i]]
    rank = np.zeros(len(uniq), dtype=np.int64)
    rank[kept] = np.arange(1, len(kept) + 1)
    return rank[inverse], [""] + [uniq[i] for i in kept]


def encode_chars(text: str) -> Encoded:
    """Chinese (or any unsegmented script): every character is a unit, except that a number is one unit
    (numbers are one symbol, so "１２月" and "３月" share the shape "#月", one word in the People's Daily convention)."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    digit = np.isin(codes, _DIGITS)
    numeric = digit | (np.isin(codes, _NUMBER_TAIL) & np.concatenate([[False], digit[:-1]]))
    starts = np.flatnonzero(~(numeric & np.concatenate([[False], numeric[:-1]])))  # continues the number before it
    unit_codes = np.where(digit[starts], np.uint32(ord(NUMBER)), codes[starts])
    ids, alphabet = _ranked(unit_codes, lambda c: c != ord(NUMBER) and is_separator(chr(c)))
    ends = np.append(starts[1:], len(codes))
    return Encoded(ids, [""] + [chr(c) for c in alphabet[1:]], starts, ends, "")


WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*|[^\w\s]|\n")


def encode_words(text: str) -> Encoded:
    """Space-separated text: every (lower-cased) word is a unit, numbers are NUMBER, punctuation and line breaks
    are separators; spaces are not, so phrases ("neural network") are n-grams of words.

    Words are numbered through a dictionary as they are found, so memory grows with the vocabulary, not with a
    fixed-width string per word (a numpy string array of 3.5M words, as wide as the longest, took 5.8 GB at 20 MB)."""
    vocab: dict[str, int] = {}
    raw, starts, ends = array("q"), array("q"), array("q")
    for m in WORD.finditer(text):
        token = m.group()
        raw.append(vocab.setdefault(NUMBER if token[0].isdigit() else token.lower(), len(vocab)))
        starts.append(m.start())
        ends.append(m.end())
    if not raw:
        return Encoded(np.zeros(0, np.int64), [""], np.zeros(0, np.int64), np.zeros(0, np.int64), " ")
    units = list(vocab)
    order = sorted(range(len(units)), key=units.__getitem__)  # the distinct words in sorted order
    position = np.empty(len(units), dtype=np.int64)
    position[order] = np.arange(len(units))
    inverse = position[np.frombuffer(raw, dtype=np.int64)]
    ids, alphabet = _rank(inverse, [units[i] for i in order], lambda u: u != NUMBER and not u[0].isalnum())
    return Encoded(ids, alphabet, np.frombuffer(starts, dtype=np.int64), np.frombuffer(ends, dtype=np.int64), " ")


def detect_language(text: str) -> str:
    """'zh' when at least a fifth of the letters are CJK, else 'en' (any space-separated language)."""
    sample = text[:200_000]
    cjk = sum(1 for ch in sample if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    letters = sum(1 for ch in sample if ch.isalpha())
    return "zh" if letters and cjk / letters >= 0.2 else "en"


def encode(text: str, language: str = "zh") -> Encoded:
    return encode_chars(text) if language == "zh" else encode_words(text)


@dataclass
class NgramTable:
    n: int
    keys: np.ndarray  # (M,) sorted unique keys of the n-grams that do not cross a boundary
    counts: np.ndarray  # (M,)
    left_entropy: np.ndarray  # (M,) nats
    right_entropy: np.ndarray  # (M,)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """Counts of `keys` (0 where absent)."""
        if len(self.keys) == 0:  # a text with no n-gram of this order inside one sentence
            return np.zeros(np.shape(keys), dtype=self.counts.dtype)
        pos = np.searchsorted(self.keys, keys)
        pos = np.minimum(pos, len(self.keys) - 1)
        found = self.keys[pos] == keys
        return np.where(found, self.counts[pos], 0)


def _entropy_by_group(groups: np.ndarray, neighbours: np.ndarray, n_groups: int, V: int) -> np.ndarray:
    """Entropy (nats) of the neighbour units within each group (groups are indices 0..n_groups-1).

    Each sentence edge counts as a neighbour seen once: a word that starts sentences is free there, not stuck.
    (Group, neighbour) pairs are packed into one int64 and counted with a single sort.
    """
    m = np.bincount(groups, minlength=n_groups).astype(np.float64)
    edge = neighbours == BOUNDARY
    pairs, counts = np.unique(groups[~edge].astype(np.int64) * V + neighbours[~edge], return_counts=True)
    owner = pairs // V
    p = counts / m[owner]
    entropy = np.bincount(owner, weights=-p * np.log(p), minlength=n_groups)
    edges = np.bincount(groups[edge], minlength=n_groups)
    return entropy + edges * np.log(np.maximum(m, 1)) / np.maximum(m, 1)


def count_ngrams(enc: Encoded, max_n: int, unit_entropy: bool = False) -> list[NgramTable]:
    """Tables for n = 1..max_n. Keys: key(w) = sum_k id(w_k) * V^k, so the first s characters are key mod V^s.

    Boundary entropies are computed for n >= 2, and for single units too when `unit_entropy` (English words can be
    terms on their own; a Chinese character rarely is, and skipping it saves time on large texts)."""
    ids = enc.ids
    V = len(enc.alphabet)
    if V**max_n >= 2**63:
        raise ValueError(f"{V} distinct characters and n = {max_n} overflow 64-bit keys; lower max_n")
    padded = np.concatenate([[BOUNDARY], ids, np.full(max_n + 1, BOUNDARY)])  # a boundary before and after
    tables = []
    keys = np.zeros(len(ids), dtype=np.int64)
    valid = np.ones(len(ids), dtype=bool)
    for n in range(1, max_n + 1):
        nxt = padded[n : n + len(ids)]  # the n-th character of the n-gram starting at each position
        keys = keys + nxt * V ** (n - 1)
        valid &= nxt != BOUNDARY
        starts = np.flatnonzero(valid)
        k = keys[starts]
        uniq, inverse, counts = np.unique(k, return_inverse=True, return_counts=True)
        left = padded[starts]  # the character before (index shifted by the leading boundary)
        right = padded[starts + n + 1]
        tables.append(
            NgramTable(
                n,
                uniq,
                counts,
                _entropy_by_group(inverse, left, len(uniq), V) if n > 1 or unit_entropy else np.zeros(len(uniq)),
                _entropy_by_group(inverse, right, len(uniq), V) if n > 1 or unit_entropy else np.zeros(len(uniq)),
            )
        )
    return tables


def decode_key(key: int, n: int, alphabet: list[str], joiner: str = "") -> str:
    V = len(alphabet)
    units = []
    for _ in range(n):
        key, c = divmod(key, V)
        units.append(alphabet[c])
    return joiner.join(units)


@dataclass
class Candidate:
    word: str
    n: int  # length in units
    key: int  # its n-gram key
    count: int
    cohesion: float | None  # minimum-split PMI, nats (None for a single word: it has no split)
    left_entropy: float
    right_entropy: float
    score: float


def candidates(
    tables: list[NgramTable],
    alphabet: list[str],
    total: int,
    min_count: int,
    min_cohesion: float,
    min_entropy: float,
    joiner: str = "",
) -> list[Candidate]:
    """Multi-unit n-grams passing the three thresholds, scored by log count x cohesion x boundary freedom."""
    V = len(alphabet)
    out = []
    for t in tables[1:]:
        n = t.n
        keep = t.counts >= min_count
        keys, counts = t.keys[keep], t.counts[keep]
        log_pw = np.log(counts / total)
        cohesion = np.full(len(keys), np.inf)
        for s in range(1, n):  # split after the first s units
            a = tables[s - 1].lookup(keys % V**s)
            b = tables[n - s - 1].lookup(keys // V**s)
            cohesion = np.minimum(cohesion, log_pw - np.log(a / total) - np.log(b / total))
        le, ri = t.left_entropy[keep], t.right_entropy[keep]
        free = np.minimum(le, ri)
        ok = (cohesion >= min_cohesion) & (free >= min_entropy)
        score = np.log(counts) * np.minimum(cohesion, 8.0) * np.minimum(free, 3.0)
        for i in np.flatnonzero(ok):
            word = decode_key(int(keys[i]), n, alphabet, joiner)
            out.append(
                Candidate(
                    word,
                    n,
                    int(keys[i]),
                    int(counts[i]),
                    float(cohesion[i]),
                    float(le[i]),
                    float(ri[i]),
                    float(score[i]),
                )
            )
    out.sort(key=lambda c: -c.score)
    return out


def single_words(table: NgramTable, alphabet: list[str], min_count: int, min_entropy: float) -> list[Candidate]:
    """Space-separated text: single words that recur and are free at both ends are candidates too ("pathspec",
    "reflog"); without a split they have no cohesion. Numbers, single letters and words without a letter are left out."""
    keep = (table.counts >= min_count) & (np.minimum(table.left_entropy, table.right_entropy) >= min_entropy)
    out = []
    for i in np.flatnonzero(keep):
        word = alphabet[int(table.keys[i])]
        if len(word) < 2 or not any(ch.isalpha() for ch in word):  # "x", "i": variables and letters, not terms
            continue
        count, le, ri = int(table.counts[i]), float(table.left_entropy[i]), float(table.right_entropy[i])
        out.append(Candidate(word, 1, int(table.keys[i]), count, None, le, ri, math.log(count) * min(le, ri, 3.0)))
    out.sort(key=lambda c: -c.score)
    return out


def drop_compounds(cands: list[Candidate], joiner: str = "") -> list[Candidate]:
    """De-redundancy for Chinese: a candidate that splits into two multi-unit candidates is a phrase of two words,
    not a word (领导+干部, 金融+危机); keep the parts. Two- and three-unit words cannot split that way and stay.
    Space-separated text keeps its multi-word phrases: there a phrase *is* the term."""
    if joiner:
        return cands
    words = {c.word for c in cands}
    return [c for c in cands if not any(c.word[:s] in words and c.word[s:] in words for s in range(2, len(c.word) - 1))]


def default_thresholds(n_units: int) -> dict:
    """Thresholds that scale with the amount of text: a word must recur, more so in a longer text."""
    return {
        "min_count": max(2, round(2 * math.log10(max(n_units, 10)) - 5)),
        "min_cohesion": 2.5,  # chosen with min_entropy from 2 x 3 settings on the People's Daily corpus (README)
        "min_entropy": 1.2,
    }


@dataclass
class Mined:
    language: str
    encoded: Encoded
    tables: list[NgramTable]
    total: int  # units that are not separators
    words: list[Candidate]  # multi-unit words and phrases, ranked, compounds removed
    single_words: list[Candidate]  # space-separated text only: recurring free single words (empty for Chinese)


def mine(text: str, language: str | None = None, max_n: int = 5, **thresholds) -> Mined:
    """Discover the words (Chinese) or terms and phrases (space-separated languages) of `text`."""
    language = language or detect_language(text)
    enc = encode(text, language)
    max_n = max(1, min(max_n, int(62 / math.log2(max(len(enc.alphabet), 2)))))  # keys must fit in 63 bits
    spaced = bool(enc.joiner)
    tables = count_ngrams(enc, max_n, unit_entropy=spaced)
    total = int((enc.ids != BOUNDARY).sum())
    params = {**default_thresholds(total), **thresholds}
    words = candidates(tables, enc.alphabet, total, joiner=enc.joiner, **params)
    singles = single_words(tables[0], enc.alphabet, params["min_count"], params["min_entropy"]) if spaced else []
    return Mined(language, enc, tables, total, drop_compounds(words, enc.joiner), singles)


# ---------------------------------------------------------------- segmentation with the discovered lexicon


def _span_keys(ids: np.ndarray, starts: np.ndarray, n: int, V: int) -> np.ndarray:
    key = np.zeros(len(starts), dtype=np.int64)
    for k in range(n):
        key += ids[starts + k] * V**k
    return key


def segment(
    mined: Mined, words: list[Candidate] | None = None, rounds: int = 2, limit: int | None = None
) -> list[tuple[int, int]]:
    """Max-probability segmentation of the mined text (its first `limit` units) into (start, end) character spans.

    Round 1 scores a word by its n-gram count; each later round re-estimates every word's probability from how
    often the previous segmentation actually used it (Viterbi re-estimation: an n-gram that is mostly a piece of a
    longer word loses the count it never earns as a token). Separators are tokens of their own.
    """
    enc, words = mined.encoded, mined.words if words is None else words
    ids, V = enc.ids[:limit], len(enc.alphabet)
    if len(ids) == 0:
        return []
    max_n = max([c.n for c in words], default=1)
    counts = {1: (mined.tables[0].keys, mined.tables[0].counts.astype(np.float64))}
    for n in range(2, max_n + 1):
        ws = sorted((c.key, c.count) for c in words if c.n == n)
        counts[n] = (np.array([k for k, _ in ws], dtype=np.int64), np.array([c for _, c in ws], dtype=np.float64))
    # the key of the n-gram that ends at each unit, for every length, and whether it stays inside a sentence
    padded = np.concatenate([np.full(max_n, BOUNDARY), ids])
    ends_keys, inside, key, ok = [], [], ids.copy(), ids != BOUNDARY
    for L in range(1, max_n + 1):
        if L > 1:
            prev = padded[max_n - L + 1 : max_n - L + 1 + len(ids)]
            ok = ok & (prev != BOUNDARY)
            key = prev + key * V
        ends_keys.append(key.copy())
        inside.append(ok.copy())
    for _ in range(rounds):
        total = max(sum(float(c.sum()) for _, c in counts.values()), 1.0)
        lp = np.full((len(ids), max_n), -np.inf)
        lp[ids == BOUNDARY, 0] = 0.0
        for L, (ks, cs) in counts.items():
            if not len(ks):
                continue
            pos = np.minimum(np.searchsorted(ks, ends_keys[L - 1]), len(ks) - 1)
            hit = inside[L - 1] & (ks[pos] == ends_keys[L - 1]) & (cs[pos] > 0)
            lp[hit, L - 1] = np.log(cs[pos[hit]] / total)
        lp[(ids != BOUNDARY) & np.isinf(lp[:, 0]), 0] = math.log(0.5 / total)  # a unit never used alone
        lengths = _viterbi(lp, max_n)
        starts = np.cumsum(np.concatenate([[0], lengths[:-1]]))
        # re-estimate: how often each lexicon entry was used as a token
        for L, (ks, _) in counts.items():
            sel = starts[(lengths == L) & (ids[starts] != BOUNDARY)]
            counts[L] = (ks, _count_in(ks, _span_keys(ids, sel, L, V)))
    return [enc.text_of(int(a), int(n)) for a, n in zip(starts, lengths, strict=True)]


def _count_in(keys: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """How often each of `keys` (sorted) occurs in `observed`."""
    used, freq = np.unique(observed, return_counts=True)
    pos = np.minimum(np.searchsorted(used, keys), max(len(used) - 1, 0))
    hit = (used[pos] == keys) if len(used) else np.zeros(len(keys), dtype=bool)
    return np.where(hit, freq[pos] if len(used) else 0, 0).astype(np.float64)


def _viterbi(lp: np.ndarray, max_n: int) -> np.ndarray:
    """lp[i, L-1] = log-probability of the token of L units that ends at unit i -> token lengths, in order."""
    n_units = len(lp)
    best = np.zeros(n_units + 1)
    back = np.ones(n_units + 1, dtype=np.int64)
    for i in range(1, n_units + 1):  # best[i]: best score of the first i units
        m = min(max_n, i)
        cand = best[i - m : i][::-1] + lp[i - 1, :m]
        j = int(np.argmax(cand))
        best[i], back[i] = cand[j], j + 1
    lengths, i = [], n_units
    while i > 0:
        lengths.append(back[i])
        i -= back[i]
    return np.array(lengths[::-1], dtype=np.int64)


# ---------------------------------------------------------------- domain terms


@dataclass
class Term:
    term: str
    count: int
    cohesion: float | None
    left_entropy: float
    right_entropy: float
    general_count: int
    domain_score: float  # ln(p_domain / p_general), smoothed: finite for words the general table lacks
    weight: float  # p_domain * domain_score in millinats: the term's share of KL(this text || general language)
    after_determiner: float | None  # share of its occurrences right after "the", "a", "this", ...; None: no cue
    termhood: float  # the ranking: weight * sqrt(smoothed after_determiner), or the weight where there is no cue
    other_forms: tuple[str, ...] = ()  # plurals counted with it ("tables" with "table"); its counts include theirs


NOUN_CUE_MIN_SHARE = 0.02  # determiners must make up this share of the text's words for the noun cue to apply


def after_determiner_counts(mined: Mined, cands: list[Candidate], determiners: frozenset[str]) -> np.ndarray | None:
    """How many occurrences of each candidate directly follow a determiner; None when the text has too few
    determiners for the count to mean anything (Chinese, a language without these articles, a list of names)."""
    enc = mined.encoded
    det_ids = [i for i, unit in enumerate(enc.alphabet) if i != BOUNDARY and unit in determiners]
    after = np.flatnonzero(np.isin(enc.ids[:-1], det_ids)) + 1  # (A,) unit positions right after a determiner
    if not det_ids or len(after) < NOUN_CUE_MIN_SHARE * max(mined.total, 1):
        return None
    V, out = len(enc.alphabet), np.zeros(len(cands))
    for n in {c.n for c in cands}:
        idx = np.array([i for i, c in enumerate(cands) if c.n == n])
        keys = np.array([cands[i].key for i in idx], dtype=np.int64)
        order = np.argsort(keys)
        starts = after[after + n <= len(enc.ids)]
        out[idx[order]] = _count_in(keys[order], _span_keys(enc.ids, starts, n, V))
    return out


PLURAL_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""))  # queries -> query, indexes -> index, tables -> table


def singular_of(term: str, words: set[str]) -> str:
    """The singular of a space-separated term when the text has it as a candidate too, else the term itself: the
    last word loses -ies/-es/-s ("foreign tables" -> "foreign table", "queries" -> "query"). Only forms present in
    `words` are joined, so "caches" joins "cache" (its -es reading, "cach", is not in the text)."""
    *head, last = term.split(" ")
    if last.endswith(("ss", "us", "is")):  # class, status, analysis: not plurals
        return term
    for ending, replacement in PLURAL_ENDINGS:
        if last.endswith(ending) and len(last) > len(ending) + 1:
            singular = " ".join([*head, last[: -len(ending)] + replacement])
            if singular in words:
                return singular_of(singular, words)  # a chain ends at a form with no shorter one
    return term


def domain_terms(mined: Mined, general) -> list[Term]:
    """The mined words (and, in space-separated text, single words) ranked by their weight in the divergence of this
    text from general language, p_here * ln(p_here / p_general): specific *and* frequent comes first. (Ranking by the
    ratio alone puts a name seen six times above the domain's core vocabulary; the table can be re-sorted by it.)

    In English prose the weight is multiplied by sqrt((a + 0.1) / (c + 1)), a the occurrences right after a
    determiner, c all occurrences: a domain term is a noun ("the working tree", "a commit"), while commands, options,
    identifiers and adjectives ("git log", "pytypeobject", "current") rarely follow an article. Chinese has no
    articles, so there the ranking is the weight.

    In space-separated text a plural and its singular are one term ("tables" counts with "table"): their counts,
    general probabilities and determiner counts are summed, and the row shows the singular with its cohesion and
    boundary entropies.

    A candidate that starts or ends with a grammar word of the language ("will be", "number of", 的情况下,
    钱其琛说) is grammar around a term, not a term, and is dropped. Numbers are shapes, not terms.
    """
    from models.general_frequency import domain_score

    kept = []
    for c in [*mined.words, *mined.single_words]:
        if NUMBER in c.word.split(" ") or (mined.language == "zh" and NUMBER in c.word):
            continue
        parts = c.word.split(" ") if mined.encoded.joiner else c.word
        if parts[0] in general.function_words or parts[-1] in general.function_words:
            continue
        kept.append(c)
    after = after_determiner_counts(mined, kept, general.determiners) if general.determiners else None
    groups: dict[str, list[int]] = {}  # singular -> indices into kept of it and its plurals
    words = {c.word for c in kept} if mined.encoded.joiner else set()
    for i, c in enumerate(kept):
        groups.setdefault(singular_of(c.word, words) if words else c.word, []).append(i)
    terms = []
    for word, members in groups.items():
        head = next(i for i in members if kept[i].word == word)
        count = sum(kept[i].count for i in members)
        forms = [kept[i].word for i in members]
        score = domain_score(count, mined.total, general, *forms)
        weight = 1000 * count / mined.total * score
        a = None if after is None else float(sum(after[i] for i in members))
        c = kept[head]
        terms.append(
            Term(
                word,
                count,
                c.cohesion,
                c.left_entropy,
                c.right_entropy,
                sum(general.count(f) for f in forms),
                score,
                weight,
                None if a is None else a / count,
                weight if a is None else float(weight * math.sqrt((a + 0.1) / (count + 1))),
                tuple(f for f in forms if f != word),
            )
        )
    terms.sort(key=lambda t: -t.termhood)
    return terms

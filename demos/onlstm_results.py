"""The ON-LSTM tab's measured segmentation table, in English and Chinese, from the snapshot's metrics.json through
models/hub.py. No model calls here."""

from __future__ import annotations

from models import hub
from models.onlstm_parse import DESCRIBE_ZH, Combination

RESULTS_TEXT = {
    "en": {
        "head": "| method (test lines) | word P | word R | word F1 | boundary F1 |",
        "onlstm": "the ON-LSTM's tree: the validated gap score of its gates, pieces ≤ {max_len} characters",
        "distances": "the same search, distances d only (the article's signal)",
        "single": "its best single layer: layer {layer} ('{direction}' reading), pieces ≤ {max_len} characters",
        "lstm": "a plain LSTM of the same size, split at its surprisal (the same search)",
        "own": "the ON-LSTM split at its own surprisal",
        "two_way": "with a right-to-left twin: both ON-LSTMs' gates",
        "lstm_two_way": "with a right-to-left twin: both plain LSTMs' surprisal",
        "every": "every character a word",
        "random": "random split with the true number of words",
        "notes": "{lines} test lines ({chars:,} characters), never trained on. The gap score is {rule}; its weights "
        "and the piece length were chosen on the validation lines (d = 1 − mean of the master forget gate, e = mean of "
        "the master input gate). Ordered neurons add {gain:+.3f} word F1 over the plain LSTM with one model each, "
        "{two_way_gain:+.3f} with a second model reading right to left (the plain LSTMs' surprisal catches up when it "
        "also sees what follows a gap). Test perplexity per character {ppl:.0f} (right to left {rev_ppl:.0f}; plain "
        "LSTM {lstm_ppl:.0f}). Training characters: {train_chars:,} and {rev_chars:,} for the two ON-LSTMs, "
        "{lstm_chars:,} for the plain LSTM (the fused LSTM is faster, so it read more in less time). {vocab:.1%} of the "
        "distinct multi-character words induced are words of the corpus' gold vocabulary. Published unsupervised "
        "segmenters reach about 0.73–0.80 word F1 on PKU with far larger corpora.",
        "missing": "No measurements: the snapshot has no metrics.json.",
    },
    "zh": {
        "head": "| 方法（测试句） | 词准确率 | 词召回率 | 词 F1 | 边界 F1 |",
        "onlstm": "ON-LSTM 的树：验证集选出的门信号间隙得分，每段不超过 {max_len} 字",
        "distances": "同样的搜索，只用距离 d（原文的信号）",
        "single": "最好的单层：第 {layer} 层（{direction}读法），每段不超过 {max_len} 字",
        "lstm": "同样大小的普通 LSTM，按惊异度切分（同样的搜索）",
        "own": "ON-LSTM 按自身的惊异度切分",
        "two_way": "加上从右往左读的孪生模型：两个 ON-LSTM 的门",
        "lstm_two_way": "加上从右往左读的孪生模型：两个普通 LSTM 的惊异度",
        "every": "每个字单独成词",
        "random": "按真实词数随机切分",
        "notes": "{lines} 个测试句（{chars:,} 字），从未参与训练。间隙得分为 {rule}；权重和每段长度都在验证集上选定"
        "（d = 1 − 主遗忘门的均值，e = 主输入门的均值）。各用一个模型时，有序神经元比普通 LSTM 的词 F1 高 {gain:+.3f}；"
        "再加一个从右往左读的模型时只高 {two_way_gain:+.3f}（普通 LSTM 的惊异度看到间隙之后的内容后就追上来了）。"
        "每字测试困惑度 {ppl:.0f}（从右到左 {rev_ppl:.0f}；普通 LSTM {lstm_ppl:.0f}）。训练字数：两个 ON-LSTM 分别 "
        "{train_chars:,} 和 {rev_chars:,}，普通 LSTM {lstm_chars:,}（融合实现更快，用更少的时间读了更多字）。"
        "诱导出的不同多字词中有 {vocab:.1%} 属于语料的标准词表。已发表的无监督分词方法在 PKU 上的词 F1 约为 0.73–0.80，"
        "所用语料大得多。",
        "missing": "没有可用的指标：快照中缺少 metrics.json。",
    },
}


def _direction(direction: str, lang: str) -> str:
    return DESCRIBE_ZH.get(direction, direction) if lang == "zh" else direction


def results_markdown(lang: str = "en") -> str:
    """The measured segmentation table, read from the bundled snapshot's metrics.json."""
    t = RESULTS_TEXT[lang]
    try:
        m = hub.metrics("onlstm-peoples-daily")
    except hub.WeightsUnavailable:
        return t["missing"]

    def row(name: str, r: dict) -> str:
        return f"| {name} | {r['word_precision']:.3f} | {r['word_recall']:.3f} | {r['word_f1']:.3f} | {r['boundary_f1']:.3f} |"

    base, single = m["plain_lstm_surprisal"], m["onlstm_best_single_layer"]
    lines = [
        t["head"],
        "|---|---|---|---|---|",
        row("**" + t["onlstm"].format(**m["rule"]) + "**", m["onlstm"]),
        row(t["distances"], m["onlstm_distances_only"]),
        row(
            t["single"].format(**{**single["rule"], "direction": _direction(single["rule"]["direction"], lang)}), single
        ),
        row("**" + t["lstm"] + "**", base),
        row(t["own"], m["onlstm_own_surprisal"]),
        row(t["two_way"], m["onlstm_two_way"]),
        row(t["lstm_two_way"], m["plain_lstm_two_way"]),
        row(t["every"], m["every_character"]),
        row(t["random"], m["random_split_true_count"]),
        "",
        t["notes"].format(
            lines=m["test_lines"],
            chars=m["test_characters"],
            rule=Combination.from_dict(m["rule"]).describe(lang),
            gain=m["gain_over_plain_lstm_word_f1"],
            two_way_gain=m["two_way_gain_over_plain_lstm_word_f1"],
            ppl=m["test_perplexity"],
            rev_ppl=m["reverse_onlstm"]["test_perplexity"],
            lstm_ppl=base["test_perplexity"],
            train_chars=m["chars"],
            rev_chars=m["reverse_onlstm"]["chars"],
            lstm_chars=base["chars"],
            vocab=m["induced_multichar_words_in_gold_vocabulary_distinct"],
        ),
    ]
    return "\n".join(lines)

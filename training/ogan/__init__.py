"""The O-GAN on MNIST and its ablation (the same GAN without the correlation term): train, evaluate, card.

    python -m training.data mnist && python -m training.judge
    python -m training.ogan train & python -m training.ogan train --ablation; wait   # the shipped recipe, side by side
    python -m training.ogan evaluate --publish     # metrics.json, model card and snapshot in assets/weights/ogan-mnist
    python -m training.ogan card                   # re-render the card from the snapshot's metrics.json
    python -m training.ogan drawings               # the shipped model on test digits preprocessed as drawings are

The defaults are the shipped recipe: hinge loss, λ = 0.5, batch 64, Adam 2e-4 (β1 = 0.5), bfloat16 autocast, 120k
steps on one thread each (the two runs share the 2 cores; about 130 minutes on a CPU with AVX512-BF16). Checkpoints
live in runs/<name>/ (git-ignored); a run resumes where it stopped.
"""

"""The GAN-architecture comparison on MNIST: DCGAN, a ResNet generator and SELF-MOD, one recipe, two seeds each.

    python -m training.data mnist && python -m training.judge
    python -m training.gan_arch train --workers 2   # 3 architectures x 2 seeds, two runs at a time on one thread each
    python -m training.gan_arch evaluate --publish  # FID curves, judged confidence, cost; snapshots of seed 0

The recipe is the O-GAN tab's without the ρ term (training/ogan/train.py `fit`): hinge loss, the O-GAN encoder with
one output as the critic, batch 64, Adam 2e-4 (β1 = 0.5), an EMA of the generator, bfloat16 autocast, 8k steps per
run; an EMA snapshot every 1k steps feeds the FID-against-steps curves. Runs live in runs/arch-<architecture>-s<seed>/
(git-ignored) and resume where they stopped.
"""

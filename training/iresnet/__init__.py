"""The invertible-ResNet flows: the MNIST flow, its contrast model (c = 1.5), the 2-D toy flows, and the study of
Residual Flows' options.

    python -m training.iresnet mnist --name iresnet --minutes 45 --threads 1 &      # resumable: rerun to continue
    python -m training.iresnet mnist --name contrast --c 1.5 --minutes 6
    python -m training.iresnet toys                                                 # the four 2-D densities
    python -m training.iresnet evaluate --publish                                   # metrics.json + cards + snapshots
    python -m training.iresnet options --publish                                    # the study, into iresnet-toys

The exact commands that produced each shipped snapshot are in its model card.
"""

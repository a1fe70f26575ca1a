"""The character-level ON-LSTM on the People's Daily 1998 corpus, its right-to-left twin and its plain-LSTM baselines:
train, evaluate (with the forward + reverse combination search), and the seed study.

    python -m training.onlstm train --name onlstm --minutes 45 --threads 1 &          # resumable: rerun to continue
    python -m training.onlstm train --name lstm --plain --max-chars <chars the ON-LSTM saw> --threads 1
    python -m training.onlstm evaluate --publish      # metrics.json + cards + snapshots (forward and reverse)
    python -m training.onlstm combine                 # the combination search alone
    python -m training.onlstm seeds --runs ...        # the seed study

Split (fixed, by order in the file): the last 10% of the lines are the test set, the 5% before them validation,
the rest training. The gold segmentation is removed for training; it is used only to score the induced boundaries.
Checkpoints live in runs/<name>/ (git-ignored): checkpoint.pt (the latest, to resume) and best.pt (the weights with
the lowest validation loss so far, what evaluation reads). `--device cuda` trains the same way on a GPU.
"""

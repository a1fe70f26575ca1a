"""The Conditional-LayerNorm review generator: data (data.py), training in two stages (train.py), the sentiment judge
(judge.py), evaluation into metrics.json (evaluate.py), the model card (card.py). `python -m training.cln --help`."""

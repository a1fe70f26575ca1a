"""The term miner's measured numbers (it has no weights): Chinese on the People's Daily corpus (chinese.py) and English
against three technical manuals' own glossaries (english.py).

    python -m training.term_mining evaluate            # bench/results/term_mining.json
    python -m training.term_mining evaluate-english    # bench/results/term_mining_english.json
"""

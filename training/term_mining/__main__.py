"""python -m training.term_mining {evaluate,evaluate-english}: see the package docstring."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from training.term_mining import chinese, english


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m training.term_mining", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("evaluate", help="precision@k and segmentation F1 on the People's Daily corpus")
    e.add_argument("--out", type=Path, default=chinese.OUT)
    en = sub.add_parser("evaluate-english", help="precision@100 against a manual's own glossary, beside YAKE")
    en.add_argument("--out", type=Path, default=english.OUT)
    args = parser.parse_args(argv)
    result = chinese.evaluate(args.out) if args.command == "evaluate" else english.evaluate(args.out)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

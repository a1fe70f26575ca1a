"""python -m training.ogan {train,evaluate,card,drawings}: see the package docstring."""

from __future__ import annotations

import argparse
import json

from training.ogan import card, evaluate, train
from training.publish import rerender_card


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m training.ogan", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    train.add_arguments(sub.add_parser("train", help="train (or resume) one run; the defaults are the shipped recipe"))
    evaluate.add_arguments(sub.add_parser("evaluate", help="measure the runs with the judge; --publish ships them"))
    sub.add_parser("card", help="re-render the shipped snapshot's card from its metrics.json")
    sub.add_parser("drawings", help="measure the shipped snapshot on test digits preprocessed as drawings are")
    args = p.parse_args(argv)
    if args.command == "train":
        train.train(args)
    elif args.command == "evaluate":
        evaluate.evaluate(args)
    elif args.command == "drawings":
        print(json.dumps(evaluate.measure_drawings(), indent=2))
    else:
        rerender_card(evaluate.SNAPSHOT, card.card)


if __name__ == "__main__":
    main()

"""python -m training.gan_arch {train,evaluate,card}: see the package docstring."""

from __future__ import annotations

import argparse

from training.gan_arch import card, evaluate, train
from training.publish import rerender_card


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m training.gan_arch", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    train.add_arguments(sub.add_parser("train", help="train (or resume) the runs; the defaults are the shipped recipe"))
    evaluate.add_arguments(sub.add_parser("evaluate", help="FID curves, cost, spectra, claims; --publish ships seed 0"))
    sub.add_parser("card", help="re-derive the claims from the snapshot's metrics.json and re-render its card")
    args = p.parse_args(argv)
    if args.command == "train":
        train.train(args)
    elif args.command == "evaluate":
        evaluate.evaluate(args)
    else:
        evaluate.recompute_claims(evaluate.SNAPSHOT / "metrics.json")
        rerender_card(evaluate.SNAPSHOT, card.card)


if __name__ == "__main__":
    main()

"""python -m training.iresnet {mnist,toys,evaluate,options,samples}: see the package docstring."""

from __future__ import annotations

import argparse

from training.iresnet import evaluate, options, samples, train


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m training.iresnet", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    train.add_arguments(sub)
    evaluate.add_arguments(sub)
    options.add_arguments(sub)
    samples.add_arguments(sub)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    commands = {
        "mnist": train.train_mnist,
        "toys": train.train_toys,
        "evaluate": evaluate.evaluate,
        "options": options.run,
        "samples": samples.judge_samples,
    }
    commands[args.command](args)


if __name__ == "__main__":
    main()

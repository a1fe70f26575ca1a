"""python -m training.onlstm {train,evaluate,combine,seeds}: see the package docstring."""

from __future__ import annotations

import argparse
import json

from training.onlstm import combine, evaluate, seeds, train


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m training.onlstm", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    for module in (train, evaluate, combine, seeds):
        module.add_arguments(sub)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    if args.command == "train":
        train.train(args)
    elif args.command == "evaluate":
        print(json.dumps(evaluate.evaluate(args), indent=1, ensure_ascii=False))
    else:
        {"combine": combine.run, "seeds": seeds.run}[args.command](args)


if __name__ == "__main__":
    main()

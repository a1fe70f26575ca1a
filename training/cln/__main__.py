"""python -m training.cln {train,judge,evaluate}: see each module's docstring."""

from __future__ import annotations

import argparse
import json

from training.cln import evaluate, judge, train


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m training.cln", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    train.add_arguments(sub.add_parser("train", help="train the generator (both stages by default) or an ablation"))
    sub.add_parser("judge", help="train the independent sentiment judge and publish its snapshot")
    e = sub.add_parser("evaluate", help="measure the runs, write metrics.json, the card and the snapshot")
    e.add_argument("--runs", nargs="*", default=list(evaluate.ABLATIONS), help="runs to measure (the first ships)")
    e.add_argument("--threads", type=int, default=2)
    e.add_argument("--no-publish", action="store_true", help="print the metrics only")
    args = p.parse_args(argv)
    if args.command == "train":
        train.run(args)
    elif args.command == "judge":
        judge.main()
    else:
        metrics = evaluate.evaluate(args.runs, args.threads)
        print(json.dumps({k: v for k, v in metrics.items() if k != "samples"}, indent=1, ensure_ascii=False))
        if not args.no_publish:
            print("snapshot:", evaluate.publish(metrics))


if __name__ == "__main__":
    main()

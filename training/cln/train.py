"""Train the conditional review generator in the article's two stages, or one of the ablations.

    python -m training.cln train                      # the shipped recipe: stage 1 (pretrain) then stage 2 (cln)
    python -m training.cln train --stage finetune --cond token --name cln-token        # ablation (c)
    python -m training.cln train --stage scratch --name cln-scratch                    # ablation (b)

Stage 1 trains the unconditional LM (cond="none") on the People's Daily lines and the training reviews. Stage 2 builds
the conditional model, copies every stage-1 weight into it (the new W_γ, W_β stay zero, so its logits are exactly
stage 1's) and fine-tunes it on the labelled training reviews. "scratch" trains the conditional model on the reviews
alone for the steps of both stages. Every run is resumable (runs/<name>/checkpoint.pt, rewritten every two minutes);
best.pt keeps the weights with the lowest validation loss.
"""

from __future__ import annotations

import argparse
import math
import time
from collections import Counter
from pathlib import Path

import torch

from models.cln import CondLM
from training.checkpoint import save
from training.cln.data import pretraining_lines, reviews
from training.schedule import warmup_cosine

RUNS = Path("runs")
PRETRAINED = "cln-pretrain"


def make_alphabet(lines: list[str], min_count: int = 2) -> str:
    counts = Counter(ch for line in lines for ch in line)
    return "".join(sorted(ch for ch, n in counts.items() if n >= min_count and ch != "\n"))


def stream(model: CondLM, lines: list[str]) -> torch.Tensor:
    """Lines as one id sequence, each preceded by a line break, and a final break."""
    return torch.tensor(model.encode("".join("\n" + line for line in lines) + "\n"), dtype=torch.long)


def crops(data: torch.Tensor, batch: int, length: int, gen: torch.Generator) -> torch.Tensor:
    """`batch` random windows of `length` ids: (batch, length)."""
    starts = torch.randint(0, len(data) - length, (batch,), generator=gen)
    return torch.stack([data[s : s + length] for s in starts.tolist()])


class Streams:
    """The text a stage reads: one unlabelled stream (stage 1) or one stream per label (stage 2 and scratch)."""

    def __init__(self, model: CondLM, stage: str, part: str = "train"):
        self.labelled = stage != "pretrain"
        if self.labelled:
            texts = reviews()[0][part]
            self.data = [stream(model, [t for t, y in texts if y == label]) for label in (0, 1)]
        else:
            lines = pretraining_lines() if part == "train" else [t for t, _ in reviews()[0][part]]
            self.data = [stream(model, lines)]
        self.length = model.block + (0 if model.cond == "token" else 1)

    def batch(self, size: int, gen: torch.Generator) -> tuple[torch.Tensor, torch.Tensor | None]:
        if not self.labelled:
            return crops(self.data[0], size, self.length, gen), None
        labels = torch.randint(0, 2, (size,), generator=gen)
        windows = [crops(self.data[y], 1, self.length, gen)[0] for y in labels.tolist()]
        return torch.stack(windows), labels.float()

    @torch.no_grad()
    def loss(self, model: CondLM, batches: int = 16, size: int = 32) -> float:
        """Mean validation loss over fixed windows (the same every call)."""
        gen = torch.Generator().manual_seed(1234)
        model.eval()
        total = sum(self._one(model, *self.batch(size, gen)) for _ in range(batches)) / batches
        model.train()
        return total

    @staticmethod
    def _one(model: CondLM, ids: torch.Tensor, alpha: torch.Tensor | None) -> float:
        with torch.autocast("cpu", dtype=torch.bfloat16):
            return model.loss(ids, alpha).item()


def build(args: argparse.Namespace) -> tuple[CondLM, dict]:
    """The model a stage starts from: stage 1 and scratch from random weights, stage 2 from stage 1's best weights."""
    if args.stage == "finetune":
        base = torch.load(RUNS / args.init / "best.pt", weights_only=True, map_location="cpu")
        config = {**base["config"], "cond": args.cond}
        model = CondLM(**config)
        missing, unexpected = model.load_state_dict(base["model"], strict=False)
        assert not unexpected and all("cond_" in k or k == "labels.weight" for k in missing), (missing, unexpected)
        return model, config
    lines = pretraining_lines()
    config = {
        "alphabet": make_alphabet(lines),
        "dim": args.dim,
        "layers": args.layers,
        "heads": args.heads,
        "block": args.block,
        "cond": "none" if args.stage == "pretrain" else args.cond,
        "dropout": args.dropout,
    }
    return CondLM(**config), config


def train(args: argparse.Namespace) -> CondLM:
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model, config = build(args)
    if config["cond"] == "cln":  # the condition vectors start at unit scale (W_γ, W_β are zero, so nothing moves yet)
        torch.nn.init.normal_(model.labels.weight, std=1.0)
    conditional = [p for n, p in model.named_parameters() if "cond_" in n or n.startswith("labels")]
    rest = [p for n, p in model.named_parameters() if not ("cond_" in n or n.startswith("labels"))]
    groups = [{"params": rest, "base_lr": args.lr}]
    groups += [{"params": conditional, "base_lr": args.lr * args.cond_lr}] if conditional else []
    opt = torch.optim.AdamW(groups, lr=args.lr, weight_decay=0.01, betas=(0.9, 0.98), fused=True)
    step, elapsed, best = 0, 0.0, math.inf
    ckpt, best_path = RUNS / args.name / "checkpoint.pt", RUNS / args.name / "best.pt"
    gen = torch.Generator().manual_seed(args.seed)
    if ckpt.is_file():
        state = torch.load(ckpt, weights_only=True, map_location="cpu")
        assert state["config"] == config, f"{ckpt} was trained with another configuration"
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        step, elapsed, best = state["step"], state["elapsed"], state["best"]
        gen.set_state(state["gen"])
        print(f"resumed {args.name} at step {step} ({elapsed / 60:.1f} min)", flush=True)
    data, valid = Streams(model, args.stage), Streams(model, args.stage, "validation")
    started, last_save, losses = time.perf_counter() - elapsed, time.perf_counter(), []

    def checkpoint() -> None:
        save(
            ckpt,
            model=model,
            opt=opt,
            step=step,
            elapsed=time.perf_counter() - started,
            best=best,
            config=config,
            gen=gen.get_state(),
            stage=args.stage,
        )

    model.train()
    while step < args.steps and time.perf_counter() - started < 60 * args.minutes:
        for group in opt.param_groups:
            group["lr"] = group["base_lr"] * warmup_cosine(step / args.steps, floor=0.1, warmup=args.warmup)
        ids, alpha = data.batch(args.batch, gen)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            loss = model.loss(ids, alpha)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        losses.append(loss.item())
        if step % 50 == 0:
            rate = step / (time.perf_counter() - started) * 60
            print(f"{args.name} step {step} loss {sum(losses) / len(losses):.3f} ({rate:.0f} steps/min)", flush=True)
            losses = []
        if step % args.valid_every == 0 or step == args.steps:
            v = valid.loss(model)
            print(f"{args.name} step {step} validation loss {v:.3f} (ppl {math.exp(v):.1f})", flush=True)
            if v < best:
                best = v
                save(
                    best_path,
                    model=model,
                    step=step,
                    valid_loss=v,
                    config=config,
                    elapsed=time.perf_counter() - started,
                )
        if time.perf_counter() - last_save > 120:
            checkpoint()
            last_save = time.perf_counter()
    checkpoint()
    print(f"{args.name}: stopped at step {step}, {(time.perf_counter() - started) / 60:.1f} min", flush=True)
    return model.eval()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--stage",
        default="all",
        choices=["all", "pretrain", "finetune", "scratch"],
        help="all: pretrain, then finetune (the shipped recipe)",
    )
    p.add_argument("--name", default="", help="run folder under runs/ (default: cln-pretrain / cln)")
    p.add_argument("--cond", default="cln", choices=["cln", "token"], help="how stage 2 (or scratch) conditions")
    p.add_argument("--init", default=PRETRAINED, help="the stage-1 run that stage 2 starts from")
    p.add_argument(
        "--steps", type=int, default=0, help="optimiser steps (default: 2400 pretrain, 1200 finetune, 3600 scratch)"
    )
    p.add_argument("--minutes", type=float, default=90, help="a wall-clock guard; the steps decide the schedule")
    p.add_argument("--dim", type=int, default=256)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--block", type=int, default=128)
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=0.0)
    p.add_argument("--cond-lr", type=float, default=1.0, help="learning-rate multiplier of the condition's parameters")
    p.add_argument("--warmup", type=float, default=0.03)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--valid-every", type=int, default=200)


DEFAULTS = {"pretrain": (2400, 1e-3), "finetune": (1200, 3e-4), "scratch": (3600, 1e-3)}


def run(args: argparse.Namespace) -> None:
    stages = ["pretrain", "finetune"] if args.stage == "all" else [args.stage]
    for stage in stages:
        steps, lr = DEFAULTS[stage]
        name = args.name if args.name and len(stages) == 1 else (PRETRAINED if stage == "pretrain" else "cln")
        train(
            argparse.Namespace(
                **{**vars(args), "stage": stage, "name": name, "steps": args.steps or steps, "lr": args.lr or lr}
            )
        )

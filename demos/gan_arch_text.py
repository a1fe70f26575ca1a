"""The GAN-architecture tab's strings, English and Chinese side by side (merged into demos.i18n), and the text the
server draws into figures and readouts (`view`)."""

from __future__ import annotations

from demos.localize import lookup

STRINGS: dict[str, tuple[str, str]] = {
    "arch.summary": (
        "The article surveys how image GAN generators are built, from DCGAN to SELF-MOD, and makes three practical "
        "claims that this tab measures on MNIST. **DCGAN** enlarges the picture with stride-2 transposed convolutions "
        "followed by BatchNorm and ReLU; it is fast and light. A transposed convolution with kernel $k$ and stride $s$ "
        "spreads every input pixel over a $k$-wide window placed every $s$ outputs, so an output pixel is reached by "
        "$\\lceil k/s\\rceil$ or $\\lfloor k/s\\rfloor$ inputs: unless $s$ divides $k$, coverage is uneven and leaves a "
        "**checkerboard**. **ResNet generators** enlarge by nearest-neighbour upsampling and then use stride-1 $3\\times3$ "
        "convolutions in residual blocks: no checkerboard, similar quality in the author's experience, but much slower. "
        "**Conditional BatchNorm** lets a condition $y$ choose the scale and shift after normalising; **SELF-MOD** "
        "conditions every BatchNorm of an unconditional generator on its own noise,\n\n"
        "$$h \\;\\mapsto\\; \\frac{h-\\mu_{\\text{batch}}}{\\sigma_{\\text{batch}}}\\odot\\bigl(1+\\gamma(z)\\bigr)+\\beta(z),$$\n\n"
        "with $\\gamma,\\beta$ two-layer MLPs of $z$; the article reports faster convergence with it. AdaIN (and "
        "StyleGAN) normalise per sample instead of per batch. Below, three generators trained with one recipe and two "
        "seeds each, a lab for the checkerboard, and the SELF-MOD generator's $\\gamma(z),\\beta(z)$ as you move $z$.",
        "文章梳理了图像 GAN 生成器从 DCGAN 到 SELF-MOD 的结构演变，并给出三条实践判断，本页在 MNIST 上逐一测量。"
        "**DCGAN** 用步长为 2 的转置卷积放大图像，后接 BatchNorm 与 ReLU，速度快、占用小。核大小为 $k$、步长为 $s$ 的转置卷积"
        "把每个输入像素铺到宽 $k$ 的窗口上，窗口每隔 $s$ 个输出放一个，于是每个输出像素被 $\\lceil k/s\\rceil$ 或 "
        "$\\lfloor k/s\\rfloor$ 个输入覆盖：除非 $s$ 整除 $k$，覆盖就不均匀，留下**棋盘格**。**ResNet 生成器**先做最近邻上采样，"
        "再在残差块里用步长 1 的 $3\\times3$ 卷积：没有棋盘格，作者的经验是质量相近，但慢得多。**条件 BatchNorm** 让条件 $y$ "
        "决定归一化之后的缩放与平移；**SELF-MOD** 让无条件生成器的每个 BatchNorm 以它自己的噪声为条件，\n\n"
        "$$h \\;\\mapsto\\; \\frac{h-\\mu_{\\text{batch}}}{\\sigma_{\\text{batch}}}\\odot\\bigl(1+\\gamma(z)\\bigr)+\\beta(z),$$\n\n"
        "其中 $\\gamma,\\beta$ 是 $z$ 的两层 MLP；文章说用上它收敛更快。AdaIN（以及 StyleGAN）则按单个样本而不是按批归一化。"
        "下面是用同一配方、各两个随机种子训练的三个生成器，一个棋盘格实验室，以及移动 $z$ 时 SELF-MOD 生成器的 $\\gamma(z),\\beta(z)$。",
    ),
    "arch.compare_title": ("Three generators, one recipe", "三个生成器，同一配方"),
    "arch.compare_intro": (
        "The same critic, hinge loss, batch, optimiser, steps and seeds for all three; only the generator differs. "
        "One seed draws the same codes $z$ for each of them.",
        "三者的判别器、hinge 损失、批大小、优化器、步数和随机种子完全相同，只有生成器不同。同一个种子为三者抽取同样的 $z$。",
    ),
    "arch.seed": ("Seed (0 to 2³¹ − 1)", "随机种子（0 到 2³¹ − 1）"),
    "arch.n": ("Samples per generator", "每个生成器的样本数"),
    "arch.sample": ("Sample all three", "三者同时采样"),
    "arch.dcgan": ("DCGAN (transposed convolutions)", "DCGAN（转置卷积）"),
    "arch.resnet": ("ResNet (upsample + 3×3 convolutions)", "ResNet（上采样 + 3×3 卷积）"),
    "arch.selfmod": ("SELF-MOD (DCGAN, BatchNorm modulated by z)", "SELF-MOD（DCGAN，BatchNorm 由 z 调制）"),
    "arch.measured": ("Measured (2 seeds each)", "测量结果（各 2 个种子）"),
    "arch.curves": ("FID against training steps", "FID 随训练步数的变化"),
    "arch.layers_title": ("Layers, parameters and multiply-adds", "逐层形状、参数量与乘加次数"),
    "arch.layers_of": ("Generator", "生成器"),
    "arch.layers": ("Layer table (per sample)", "逐层表（每个样本）"),
    "arch.board_title": ("Checkerboard lab", "棋盘格实验室"),
    "arch.board_intro": (
        "Ones in, all-ones kernels: the count at each output pixel is how many paths join it to the input. Random "
        "layers on a constant input show the pattern the architecture imposes before any training. Everything runs "
        "on a torus, so no border effect is mixed in.",
        "输入全为 1、卷积核全为 1 时，每个输出像素上的计数就是它与输入相连的路径数。随机初始化的层作用在常数输入上，"
        "显示的是训练之前结构本身带来的图案。计算在环面上进行，不混入边界效应。",
    ),
    "arch.kernel": ("Kernel size k", "卷积核大小 k"),
    "arch.stride": ("Stride s", "步长 s"),
    "arch.depth": ("Layers", "层数"),
    "arch.mode": ("Upsampling", "上采样方式"),
    "arch.mode.transposed": ("transposed convolution", "转置卷积"),
    "arch.mode.resize": ("resize, then convolution", "先放大再卷积"),
    "arch.board_plot": ("Coverage, random layers and their spectrum", "覆盖计数、随机层输出及其频谱"),
    "arch.trained_title": ("The spectrum of trained samples", "训练后样本的频谱"),
    "arch.trained_plot": ("Mean power spectrum of samples and of real digits", "样本与真实数字的平均功率谱"),
    "arch.mod_title": ("Normalisation explorer: SELF-MOD's γ(z) and β(z)", "归一化探索：SELF-MOD 的 γ(z) 与 β(z)"),
    "arch.mod_intro": (
        "Pick a layer of the trained SELF-MOD generator and move $z$ from one seed's code to another's (along the "
        "great circle). The bars are the scale $1+\\gamma(z)$ and shift $\\beta(z)$ that layer applies to each channel "
        "after BatchNorm; the grey marks are their values at seed A.",
        "选择训练好的 SELF-MOD 生成器的一层，让 $z$ 从种子 A 的编码沿大圆移动到种子 B 的编码。柱子是这一层在 BatchNorm "
        "之后对每个通道施加的缩放 $1+\\gamma(z)$ 与平移 $\\beta(z)$；灰色标记是它们在种子 A 处的值。",
    ),
    "arch.layer": ("Layer", "层"),
    "arch.layer.bn0": ("1: 128 channels at 7×7", "第 1 层：128 通道，7×7"),
    "arch.layer.bn1": ("2: 64 channels at 14×14", "第 2 层：64 通道，14×14"),
    "arch.layer.bn2": ("3: 32 channels at 28×28", "第 3 层：32 通道，28×28"),
    "arch.seed_a": ("Seed A", "种子 A"),
    "arch.seed_b": ("Seed B", "种子 B"),
    "arch.t": ("From A (0) to B (1)", "从 A（0）到 B（1）"),
    "arch.mod_samples": ("Samples at A, at the chosen z, at B", "A 处、所选 z 处、B 处的样本"),
    "arch.mod_plot": ("Scale and shift per channel", "每个通道的缩放与平移"),
    "arch.norms_title": ("Which axes each normalisation averages over", "各种归一化在哪些维度上求平均"),
}

VIEW: dict[str, tuple[str, str]] = {
    "dcgan": ("DCGAN", "DCGAN"),
    "resnet": ("ResNet", "ResNet"),
    "selfmod": ("SELF-MOD", "SELF-MOD"),
    "real": ("real digits", "真实数字"),
    "seed": ("seed {s}", "种子 {s}"),
    "step": ("training step", "训练步数"),
    "fid": ("FID (judge features)", "FID（判别特征）"),
    "curves": ("FID against steps (lower is better)", "FID 随步数变化（越低越好）"),
    "cov1": ("1-D: inputs reaching each output", "一维：到达每个输出的输入数"),
    "cov2": ("2-D coverage (max/min {r:.3g})", "二维覆盖（最大/最小 {r:.3g}）"),
    "random": ("Random layers on a constant input", "常数输入经随机层的输出"),
    "spectrum": ("Its power spectrum", "它的功率谱"),
    "output": ("output position", "输出位置"),
    "count": ("count", "计数"),
    "freq": ("frequency (×π)", "频率（×π）"),
    "trained": ("{name}: share at (π, π) {v:.2e}", "{name}：(π, π) 处占比 {v:.2e}"),
    "channel": ("channel", "通道"),
    "scale": ("scale 1 + γ(z)", "缩放 1 + γ(z)"),
    "shift": ("shift β(z)", "平移 β(z)"),
    "at_a": ("at seed A", "种子 A 处"),
    "board_readout": (
        "**{mode}**, k = {k}, s = {s}, {L} layer(s): coverage in 1-D {u1:.3g} : 1, in 2-D {u2:.3g} : 1 (max : min; "
        "1 : 1 is even). {why} Random layers: share of power at (π, π) {ny:.2e}.",
        "**{mode}**，k = {k}，s = {s}，{L} 层：一维覆盖 {u1:.3g} : 1，二维 {u2:.3g} : 1（最大 : 最小；1 : 1 表示均匀）。"
        "{why}随机层输出在 (π, π) 处的功率占比 {ny:.2e}。",
    ),
    "why_even": (
        "The stride divides the kernel, or every output sees the same resized window.",
        "步长整除卷积核，或每个输出看到同样的放大窗口。",
    ),
    "why_uneven": (
        "The stride does not divide the kernel: ⌈k/s⌉ and ⌊k/s⌋ inputs alternate.",
        "步长不整除卷积核：⌈k/s⌉ 与 ⌊k/s⌋ 个输入交替出现。",
    ),
    "mod_readout": (
        "{layer}: {where}. Across channels, 1 + γ(z) ranges {g0:.2f} … {g1:.2f} and β(z) {b0:.2f} … {b1:.2f}; from "
        "seed A they moved by {dg:.3f} and {db:.3f} on average.",
        "{layer}：{where}。各通道的 1 + γ(z) 在 {g0:.2f} … {g1:.2f} 之间，β(z) 在 {b0:.2f} … {b1:.2f} 之间；相对种子 A "
        "平均变化 {dg:.3f} 与 {db:.3f}。",
    ),
    "on_path": ("t = {t:.2f} between seed {a} and seed {b}", "在种子 {a} 与种子 {b} 之间 t = {t:.2f}"),
    "z_given": ("the z given through the API", "通过 API 给定的 z"),
    "mode.transposed": ("transposed convolution", "转置卷积"),
    "mode.resize": ("resize, then convolution", "先放大再卷积"),
    "layer_name": ("layer {i}", "第 {i} 层"),
    "compare_readout": (
        "Seed {seed}, {n} samples each. Time to draw them here: {times}.",
        "种子 {seed}，每个生成器 {n} 个样本。本次生成耗时：{times}。",
    ),
    "head.generator": ("generator", "生成器"),
    "head.params": ("parameters", "参数量"),
    "head.macs": ("multiply-adds / sample", "每样本乘加"),
    "head.speed": ("s / 1k steps (2 cores)", "秒 / 千步（2 核）"),
    "head.fid": ("FID, seed 0 / 1", "FID，种子 0 / 1"),
    "head.confident": ("confident samples, seed 0 / 1", "置信样本，种子 0 / 1"),
    "head.nyquist": ("power at (π, π), seed 0 / 1", "(π, π) 处功率，种子 0 / 1"),
    "head.layer": ("layer", "层"),
    "head.kind": ("kind", "类型"),
    "head.shape": ("output shape", "输出形状"),
    "head.layer_params": ("parameters", "参数量"),
    "head.layer_macs": ("multiply-adds", "乘加次数"),
    "claims": (
        "**The article's claims, measured here** (a difference within the seed spread counts as none):",
        "**文章的判断在这里的测量结果**（差异不超过种子间差异即视为无差异）：",
    ),
    "claim.speed": (
        "DCGAN is much faster than ResNet at similar quality — {v}: ResNet takes {r:.2f}× DCGAN's time per step; FID "
        "DCGAN − ResNet at equal steps {q}; at equal training time (ResNet's FID there: {f}) {t}.",
        "DCGAN 比 ResNet 快得多且质量相近 —— {v}：ResNet 每步耗时是 DCGAN 的 {r:.2f} 倍；FID（DCGAN − ResNet）在相同步数下 "
        "{q}；在相同训练时间下（ResNet 此时的 FID：{f}）{t}。",
    ),
    "claim.selfmod": (
        "SELF-MOD converges better — {v}: final FID SELF-MOD − DCGAN {q}; first checkpoint at DCGAN's final FID: "
        "SELF-MOD {s}, DCGAN {d}.",
        "SELF-MOD 收敛更好 —— {v}：最终 FID（SELF-MOD − DCGAN）{q}；首次达到 DCGAN 最终 FID 的检查点：SELF-MOD {s}，DCGAN {d}。",
    ),
    "claim.board": (
        "Transposed convolutions leave a checkerboard — {v}: share of power at (π, π), DCGAN {d:.2e} vs ResNet {r:.2e} "
        "(real digits {real:.2e}); ResNet − DCGAN {q}. Our DCGAN uses 4×4 kernels with stride 2, which cover evenly "
        "(set k = 4, s = 2 in the lab below).",
        "转置卷积留下棋盘格 —— {v}：(π, π) 处功率占比 DCGAN {d:.2e}，ResNet {r:.2e}（真实数字 {real:.2e}）；ResNet − DCGAN "
        "{q}。我们的 DCGAN 用 4×4 卷积核、步长 2，覆盖是均匀的（可在下方实验室设 k = 4、s = 2 查看）。",
    ),
    "holds": ("holds here", "在这里成立"),
    "fails": ("does not hold here", "在这里不成立"),
    "verdict.no difference": ("no difference beyond the seed spread", "差异不超过种子间差异"),
    "verdict.a better": ("the first is lower beyond the seed spread", "前者更低，超出种子间差异"),
    "verdict.b better": ("the second is lower beyond the seed spread", "后者更低，超出种子间差异"),
    "not_reached": ("not reached", "未达到"),
    "step_n": ("step {n:,}", "第 {n:,} 步"),
    "norm.batch": ("N (batch)", "N（批）"),
    "norm.channel": ("C (channels)", "C（通道）"),
    "norm.space": ("H, W (positions)", "H, W（位置）"),
    "norm.bn": ("BatchNorm: per channel, over the batch and positions", "BatchNorm：每个通道，在批与位置上求平均"),
    "norm.ln": ("LayerNorm: per sample, over channels and positions", "LayerNorm：每个样本，在通道与位置上求平均"),
    "norm.in": (
        "InstanceNorm / AdaIN: per sample and channel, over positions",
        "InstanceNorm / AdaIN：每个样本每个通道，在位置上求平均",
    ),
    "norm.cbn": (
        "Conditional BN / SELF-MOD: BatchNorm's average; γ, β from y or z per sample",
        "条件 BN / SELF-MOD：平均方式同 BatchNorm；γ、β 由每个样本的 y 或 z 给出",
    ),
}

view = lookup(VIEW)

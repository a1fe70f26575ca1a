"""The invertible-ResNet tab's strings, English and Chinese side by side (merged into demos.i18n)."""

from __future__ import annotations

from demos.localize import lookup

STRINGS: dict[str, tuple[str, str]] = {
    "iresnet.summary": (
        "A residual block $y=x+g(x)$ is invertible whenever $\\operatorname{Lip}(g)<1$: then $x\\mapsto y-g(x)$ is a contraction, and iterating $x_{k+1}=y-g(x_k)$ from $x_0=y$ converges to the unique preimage, with\n\n$$\\|x_k-x\\|\\le\\frac{c^k}{1-c}\\,\\|x_1-x_0\\|,\\qquad c=\\operatorname{Lip}(g).$$\n\nThe constraint costs little: divide each weight matrix by its spectral norm (power iteration) and multiply by $c<1$. For a flow one also needs $\\log|\\det(I+J_g)|$; the article's trick is the power series\n\n$$\\log\\det(I+J_g)=\\sum_{k\\ge1}\\frac{(-1)^{k+1}}{k}\\operatorname{tr}\\big(J_g^k\\big),\\qquad \\operatorname{tr}(A)\\approx v^\\top A v,\\ v\\sim\\mathcal N(0,I),$$\n\ntruncated after a few terms, each trace estimated with Hutchinson's probe. Below: the inversion live in 2-D, a round trip through our MNIST flow and through the same network trained with $c=1.5$, the estimators against the exact value, and learned densities.",
        "残差块 $y=x+g(x)$ 只要满足 $\\operatorname{Lip}(g)<1$ 就可逆：此时 $x\\mapsto y-g(x)$ 是压缩映射，从 $x_0=y$ 出发迭代 $x_{k+1}=y-g(x_k)$ 会收敛到唯一的原像，并且\n\n$$\\|x_k-x\\|\\le\\frac{c^k}{1-c}\\,\\|x_1-x_0\\|,\\qquad c=\\operatorname{Lip}(g).$$\n\n这个约束代价很小：每个权重矩阵除以它的谱范数（幂迭代求得）再乘以 $c<1$。作为流模型还需要 $\\log|\\det(I+J_g)|$，原文的技巧是幂级数\n\n$$\\log\\det(I+J_g)=\\sum_{k\\ge1}\\frac{(-1)^{k+1}}{k}\\operatorname{tr}\\big(J_g^k\\big),\\qquad \\operatorname{tr}(A)\\approx v^\\top A v,\\ v\\sim\\mathcal N(0,I),$$\n\n截断到前几项，每个迹用 Hutchinson 随机向量估计。下面依次是：二维的实时求逆、一个数字在我们的 MNIST 流模型与 $c=1.5$ 的同结构网络中的往返、各估计量与精确值的对比，以及学到的密度。",
    ),
    "iresnet.results_title": (
        "Measured",
        "实测结果",
    ),
    "iresnet.fp_title": (
        "The fixed point, live",
        "实时观察不动点迭代",
    ),
    "iresnet.fp_intro": (
        "The map is $F(x)=x+c\\,\\varphi(x)$ with a fixed 1-Lipschitz $\\varphi$ (a rotated $(\\sin x_2,\\sin x_1)$), so $\\operatorname{Lip}(c\\varphi)=c$. Pick a point $x$; the app computes $y=F(x)$ and inverts it. Below $c=1$ the error falls at least as fast as the dashed Banach bound; from $c=1$ on the iterates may oscillate, wander, or settle on another preimage, and the heat-map shows where $\\det J_F<0$: the plane folds over itself.",
        "映射为 $F(x)=x+c\\,\\varphi(x)$，其中 $\\varphi$ 是固定的 1-Lipschitz 函数（旋转后的 $(\\sin x_2,\\sin x_1)$），因此 $\\operatorname{Lip}(c\\varphi)=c$。选一个点 $x$，应用算出 $y=F(x)$ 再求逆。$c<1$ 时误差至少按虚线的 Banach 上界下降；从 $c=1$ 起迭代可能振荡、游走或停在另一个原像上，热力图标出 $\\det J_F<0$ 的区域：平面在那里折叠。",
    ),
    "iresnet.c": (
        "Lipschitz constant c",
        "Lipschitz 常数 c",
    ),
    "iresnet.iterations": (
        "Iterations",
        "迭代次数",
    ),
    "iresnet.run_fp": (
        "Invert",
        "求逆",
    ),
    "iresnet.path": (
        "Iterates x_k in the plane",
        "平面上的迭代点 x_k",
    ),
    "iresnet.error": (
        "Error ‖x_k − x‖ (log scale)",
        "误差 ‖x_k − x‖（对数坐标）",
    ),
    "iresnet.grid": (
        "The grid mapped by F over det J_F (red: negative, folded)",
        "网格经 F 变形，底色为 det J_F（红色为负：折叠）",
    ),
    "iresnet.details": (
        "Details (JSON)",
        "详细数据（JSON）",
    ),
    "iresnet.rt_title": (
        "Round trip a digit",
        "一个数字的往返",
    ),
    "iresnet.rt_intro": (
        "Draw a digit or pick a test digit: the flow maps it to $z=F(x)$ (16×7×7 numbers, shown here on the 28×28 grid) and back by fixed-point iteration, block by block. The lower strip is the same architecture trained with $c=1.5$: its blocks need not be contractions, and the iteration need not come back.",
        "画一个数字或选一个测试数字：流模型把它映射为 $z=F(x)$（16×7×7 个数，这里排回 28×28 显示），再逐块用不动点迭代映射回来。下方是同样结构但取 $c=1.5$ 训练的网络：它的残差块不一定是压缩映射，迭代不一定回得去。",
    ),
    "iresnet.pad": (
        "Draw a digit",
        "画一个数字",
    ),
    "iresnet.run_rt": (
        "Round trip",
        "往返",
    ),
    "iresnet.example": (
        "Or a test digit",
        "或选一个测试数字",
    ),
    "iresnet.strip_legend": (
        "Each strip: $x$, $z=F(x)$, then the reconstruction after 1, 2, 5, 10, 20 and 50 iterations per block.",
        "每一行：$x$，$z=F(x)$，然后是每块迭代 1、2、5、10、20、50 次后的重构。",
    ),
    "iresnet.flow_strip": (
        "i-ResNet flow (c = 0.9)",
        "i-ResNet 流模型（c = 0.9）",
    ),
    "iresnet.contrast_strip": (
        "Contrast: the same flow with c = 1.5",
        "对照：同样的流模型，c = 1.5",
    ),
    "iresnet.sample_title": (
        "Samples from the flow",
        "从流模型采样",
    ),
    "iresnet.seed": (
        "Seed",
        "随机种子",
    ),
    "iresnet.n": (
        "Samples",
        "样本数",
    ),
    "iresnet.temperature": (
        "Temperature T (z ~ N(0, T²I))",
        "温度 T（z ~ N(0, T²I)）",
    ),
    "iresnet.real_digits": (
        "Real test digits, for comparison",
        "真实测试数字（对照）",
    ),
    "iresnet.run_sample": (
        "Sample",
        "采样",
    ),
    "iresnet.samples": (
        "Digits decoded by the inverse",
        "逆映射解码出的数字",
    ),
    "iresnet.logdet_title": (
        "Estimating the log-determinant",
        "估计对数行列式",
    ),
    "iresnet.logdet_intro": (
        "On the eight-Gaussians flow, where the exact 2-D value is cheap: the series with exact traces shows the truncation error alone; Hutchinson's estimate adds the noise of random probes (the error bar is the spread over 8 repeats). Russian roulette (Residual Flows) keeps going past N terms with probability 1 − p per term and re-weights each term by 1 / P(reached): no truncation bias, at the price of more noise.",
        "在八个高斯的二维流模型上比较，二维时精确值很便宜：用精确迹计算的级数只反映截断误差；Hutchinson 估计还带有随机向量的噪声（误差棒是 8 次重复的标准差）。俄罗斯轮盘赌（Residual Flows）在 N 项之后每项以 1 − p 的概率继续，并把每一项除以到达它的概率：没有截断偏差，代价是更大的噪声。",
    ),
    "iresnet.terms": (
        "Series terms N",
        "级数项数 N",
    ),
    "iresnet.probes": (
        "Hutchinson probes",
        "Hutchinson 随机向量个数",
    ),
    "iresnet.run_logdet": (
        "Compare",
        "比较",
    ),
    "iresnet.roulette": (
        "Russian roulette: stopping probability p per extra term (0 = off)",
        "俄罗斯轮盘赌：每多一项的停止概率 p（0 = 关闭）",
    ),
    "iresnet.logdet_plot": (
        "Exact vs series vs Hutchinson",
        "精确值、级数与 Hutchinson 估计",
    ),
    "iresnet.density_title": (
        "Learned 2-D densities",
        "学到的二维密度",
    ),
    "iresnet.density": (
        "Density",
        "密度",
    ),
    "iresnet.density.eight_gaussians": ("eight Gaussians", "八个高斯"),
    "iresnet.density.two_moons": ("two moons", "双月"),
    "iresnet.density.checkerboard": ("checkerboard", "棋盘格"),
    "iresnet.density.rings": ("rings", "圆环"),
    "iresnet.run_density": (
        "Show",
        "显示",
    ),
    "iresnet.density_plot": (
        "p(x) of the flow, with samples drawn through the inverse",
        "流模型的 p(x)，以及经逆映射得到的样本",
    ),
}

VIEW: dict[str, tuple[str, str]] = {  # what the server draws, in the page's language
    "error": ("error", "误差"),
    "exact": ("exact", "精确值"),
    "series": ("series, exact traces", "级数（精确迹）"),
    "hutchinson": ("Hutchinson, {n} probe(s)", "Hutchinson，{n} 个探针"),
    "roulette": ("Russian roulette, {n} + Geometric({p})", "俄罗斯轮盘，{n} + Geometric({p})"),
    "terms": ("terms N", "项数 N"),
    "mean_logdet": ("mean log|det J_F| over 8 points", "8 个点上 log|det J_F| 的均值"),
    "flow_samples": ("flow samples", "流模型样本"),
    "data": ("data", "数据"),
    "flow_of": ("i-ResNet flow (c = 0.9): {source}", "i-ResNet 流模型（c = 0.9）：{source}"),
}


view = lookup(VIEW)

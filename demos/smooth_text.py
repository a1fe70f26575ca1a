"""The smooth-approximations tab's strings, English and Chinese side by side (merged into demos.i18n)."""

from __future__ import annotations

from demos.localize import in_language, lookup

STRINGS: dict[str, tuple[str, str]] = {
    "smooth.summary": (
        "Networks output continuous numbers, but they are judged by discrete ones: a class label, an accuracy, an F1 score. These metrics contain a max, an argmax or a threshold, so their gradient is zero almost everywhere, and the loss we can train on (cross-entropy) is only a proxy for them. The article's remedy is to *soften* the hard functions, and nearly all of them follow from one smooth maximum:\n\n$$\\mathrm{LSE}_K(x)=\\frac1K\\ln\\sum_{i=1}^n e^{Kx_i},\\qquad \\max_i x_i\\le\\mathrm{LSE}_K(x)\\le\\max_i x_i+\\frac{\\ln n}{K}.$$\n\nIts gradient is $\\mathrm{softmax}(Kx)$, a smooth one-hot of the argmax; weighting the positions $1,\\dots,n$ by it gives a smooth argmax; replacing one-hot predictions with probabilities turns accuracy and F1 into differentiable objectives. Choose a pair, move the temperature $K$, and watch the smooth version close in on the hard one inside its error band. The experiment below trains one classifier on cross-entropy and on $-$soft F1.",
        "神经网络输出的是连续数值，但评价它的却是离散量：类别、准确率、F1。这些指标里含有 max、argmax 或阈值，梯度几乎处处为零，而我们能训练的损失（交叉熵）只是它们的替身。文章的办法是把这些硬函数“软化”，而几乎所有软化都来自同一个光滑最大值：\n\n$$\\mathrm{LSE}_K(x)=\\frac1K\\ln\\sum_{i=1}^n e^{Kx_i},\\qquad \\max_i x_i\\le\\mathrm{LSE}_K(x)\\le\\max_i x_i+\\frac{\\ln n}{K}.$$\n\n它的梯度是 $\\mathrm{softmax}(Kx)$，即 argmax 的光滑 one-hot；用它对位置 $1,\\dots,n$ 加权就得到光滑的 argmax；把 one-hot 预测换成概率，准确率和 F1 就成了可导的目标。选一组函数、拖动温度 $K$，看光滑版本如何在误差带内逼近硬版本。下方的实验分别用交叉熵和 $-$soft F1 训练同一个分类器。",
    ),
    "smooth.function": (
        "Function pair",
        "函数对",
    ),
    "smooth.vector": (
        "Vector x (numbers separated by commas or spaces, at most 1000; press Enter to apply)",
        "向量 x（用逗号或空格分隔，最多 1000 个数；按回车应用）",
    ),
    "smooth.log_k": (
        "Temperature, log₁₀ K (drag; K from 0.01 to 1000)",
        "温度 log₁₀ K（拖动；K 从 0.01 到 1000）",
    ),
    "smooth.k_value": (
        "K (type an exact value, 0 < K ≤ 10000)",
        "K（可直接输入，0 < K ≤ 10000）",
    ),
    "smooth.topk": (
        "k, for top-k",
        "top-k 中的 k",
    ),
    "smooth.batch": (
        "Batch: label t ∈ {0, 1} and score s (a logit; p = σ(K s)), at most 1000 rows",
        "批数据：标签 t ∈ {0, 1} 与得分 s（logit；p = σ(K s)），最多 1000 行",
    ),
    "smooth.plot_label": (
        "Hard beside smooth, and the error as K grows",
        "硬函数与光滑版本对照，以及误差随 K 的变化",
    ),
    "smooth.result": (
        "Values (exact, smooth, bound)",
        "数值（精确值、光滑值、界）",
    ),
    "smooth.pair.max_lse": (
        "max  vs  log-sum-exp",
        "max 对 logsumexp",
    ),
    "smooth.pair.onehot_softmax": (
        "one-hot(argmax)  vs  softmax",
        "one-hot(argmax) 对 softmax",
    ),
    "smooth.pair.argmax_softargmax": (
        "argmax  vs  soft-argmax",
        "argmax 对 soft-argmax",
    ),
    "smooth.pair.accuracy": (
        "accuracy  vs  soft accuracy",
        "准确率 对 软准确率",
    ),
    "smooth.pair.f1": (
        "F1  vs  soft F1",
        "F1 对 软 F1",
    ),
    "smooth.pair.topk": (
        "top-k  vs  soft-k-max",
        "top-k 对 soft-k-max",
    ),
    "smooth.pair.abs": (
        "|x|  vs  smooth |x|",
        "|x| 对 光滑 |x|",
    ),
    "smooth.pair.step": (
        "step  vs  sigmoid",
        "阶跃函数 对 sigmoid",
    ),
    "smooth.pair.relu_softplus": (
        "ReLU  vs  softplus",
        "ReLU 对 softplus",
    ),
    "smooth.pair.cumax": (
        "cumulative argmax  vs  cumax",
        "累积 argmax 对 cumax",
    ),
    "smooth.formula.max_lse": (
        "$\\mathrm{LSE}_K(x)=\\frac1K\\ln\\sum_i e^{Kx_i}$, bounded by $\\max x\\le\\mathrm{LSE}_K\\le\\max x+\\frac{\\ln n}{K}$ (equality on the right when all entries are equal).",
        "$\\mathrm{LSE}_K(x)=\\frac1K\\ln\\sum_i e^{Kx_i}$，满足 $\\max x\\le\\mathrm{LSE}_K\\le\\max x+\\frac{\\ln n}{K}$（各分量相等时右边取等号）。",
    ),
    "smooth.formula.onehot_softmax": (
        "$\\mathrm{softmax}(Kx)_i=e^{Kx_i}/\\sum_j e^{Kx_j}$ is the gradient of $\\mathrm{LSE}_K$. With $\\Delta$ the gap between the two largest entries, $\\lVert\\mathrm{softmax}(Kx)-\\mathrm{onehot}\\rVert_1=2(1-p_{\\max})\\le 2(n-1)e^{-K\\Delta}$.",
        "$\\mathrm{softmax}(Kx)_i=e^{Kx_i}/\\sum_j e^{Kx_j}$ 是 $\\mathrm{LSE}_K$ 的梯度。记 $\\Delta$ 为最大两个分量之差，则 $\\lVert\\mathrm{softmax}(Kx)-\\mathrm{onehot}\\rVert_1=2(1-p_{\\max})\\le 2(n-1)e^{-K\\Delta}$。",
    ),
    "smooth.formula.argmax_softargmax": (
        "$\\mathrm{softargmax}_K(x)=\\sum_{i=1}^n i\\,\\mathrm{softmax}(Kx)_i$ (1-based), and $|\\mathrm{softargmax}_K-i^*|\\le(n-1)(1-p_{\\max})\\le(n-1)^2e^{-K\\Delta}$.",
        "$\\mathrm{softargmax}_K(x)=\\sum_{i=1}^n i\\,\\mathrm{softmax}(Kx)_i$（下标从 1 开始），且 $|\\mathrm{softargmax}_K-i^*|\\le(n-1)(1-p_{\\max})\\le(n-1)^2e^{-K\\Delta}$。",
    ),
    "smooth.formula.accuracy": (
        "$\\mathrm{acc}=\\frac1{|B|}\\sum_{x\\in B}\\langle 1_{\\text{true}},1_{\\text{pred}}\\rangle$ becomes $\\frac1{|B|}\\sum_{x\\in B}\\langle 1_{\\text{true}},p\\rangle$, the mean probability of the true class, with $p=\\sigma(Ks)$. Per sample the gap is $\\sigma(-K|s|)$, so $|\\widetilde{\\mathrm{acc}}-\\mathrm{acc}|\\le\\frac1{|B|}\\sum\\sigma(-K|s|)$.",
        "$\\mathrm{acc}=\\frac1{|B|}\\sum_{x\\in B}\\langle 1_{\\text{真}},1_{\\text{预测}}\\rangle$ 软化为 $\\frac1{|B|}\\sum_{x\\in B}\\langle 1_{\\text{真}},p\\rangle$，即真实类别的平均概率，$p=\\sigma(Ks)$。每个样本的差为 $\\sigma(-K|s|)$，故 $|\\widetilde{\\mathrm{acc}}-\\mathrm{acc}|\\le\\frac1{|B|}\\sum\\sigma(-K|s|)$。",
    ),
    "smooth.formula.f1": (
        "$F_1=\\frac{2TP}{2TP+FP+FN}=\\frac{2\\sum_x t(x)\\hat y(x)}{\\sum_x t(x)+\\hat y(x)}$; soft $F_1$ puts $p=\\sigma(Ks)$ in place of $\\hat y$. It rises with $p$ on positives and falls with $p$ on negatives, so moving each $p$ by at most $\\sigma(-K|s|)$ gives the band that holds both.",
        "$F_1=\\frac{2TP}{2TP+FP+FN}=\\frac{2\\sum_x t(x)\\hat y(x)}{\\sum_x t(x)+\\hat y(x)}$；软 $F_1$ 用 $p=\\sigma(Ks)$ 代替 $\\hat y$。它对正样本的 $p$ 单调增、对负样本的 $p$ 单调减，因此让每个 $p$ 最多移动 $\\sigma(-K|s|)$ 就得到同时包含两者的误差带。",
    ),
    "smooth.formula.topk": (
        "soft-$k$-max: $x\\leftarrow x-\\min x$, $p^{(0)}=0$, $p^{(i)}=p^{(i-1)}+\\mathrm{softmax}\\big(K(1-p^{(i-1)})\\otimes x\\big)$ for $i=1..k$. It sums to $k$, but no error bound is known and its entries can even leave $[0,1]$ (try $x=0,1$ with $k=2$), so the gap is measured. Shown too (orange): the 2024 follow-up's soft top-$k$, $\\nabla_x\\frac1K\\ln\\sum_{|S|=k}e^{K\\sum_{i\\in S}x_i}$.",
        "soft-$k$-max：$x\\leftarrow x-\\min x$，$p^{(0)}=0$，$p^{(i)}=p^{(i-1)}+\\mathrm{softmax}\\big(K(1-p^{(i-1)})\\otimes x\\big)$，$i=1..k$。其和为 $k$，但没有已知的误差界，分量甚至可能超出 $[0,1]$（试试 $x=0,1$、$k=2$），所以这里直接测量差距。同时给出（橙色）2024 年续篇的软 top-$k$：$\\nabla_x\\frac1K\\ln\\sum_{|S|=k}e^{K\\sum_{i\\in S}x_i}$。",
    ),
    "smooth.formula.abs": (
        "$|x|\\approx\\frac1K\\ln(e^{Kx}+e^{-Kx})=\\mathrm{LSE}_K(x,-x)$, so $|x|\\le\\cdot\\le|x|+\\frac{\\ln2}{K}$ (post 3290). The vector's entries are the points evaluated.",
        "$|x|\\approx\\frac1K\\ln(e^{Kx}+e^{-Kx})=\\mathrm{LSE}_K(x,-x)$，故 $|x|\\le\\cdot\\le|x|+\\frac{\\ln2}{K}$（见 3290 号文章）。向量的各分量即为取值点。",
    ),
    "smooth.formula.step": (
        "$\\theta(x)\\approx\\sigma(Kx)=\\frac1{1+e^{-Kx}}$, the derivative of the smooth ReLU. The pointwise error is $\\sigma(-K|x|)$: it vanishes away from 0 but is $\\tfrac12$ at 0 for every $K$.",
        "$\\theta(x)\\approx\\sigma(Kx)=\\frac1{1+e^{-Kx}}$，即光滑 ReLU 的导数。逐点误差为 $\\sigma(-K|x|)$：远离 0 时趋于零，但在 0 处对任何 $K$ 都是 $\\tfrac12$。",
    ),
    "smooth.formula.relu_softplus": (
        "$\\max(x,0)\\approx\\frac1K\\ln(1+e^{Kx})=\\mathrm{LSE}_K(0,x)$, so $\\mathrm{ReLU}\\le\\mathrm{softplus}_K\\le\\mathrm{ReLU}+\\frac{\\ln2}{K}$.",
        "$\\max(x,0)\\approx\\frac1K\\ln(1+e^{Kx})=\\mathrm{LSE}_K(0,x)$，故 $\\mathrm{ReLU}\\le\\mathrm{softplus}_K\\le\\mathrm{ReLU}+\\frac{\\ln2}{K}$。",
    ),
    "smooth.formula.cumax": (
        "The ON-LSTM gate $\\mathrm{cumax}(x)=\\mathrm{cumsum}(\\mathrm{softmax}(Kx))$ softens a step that jumps from 0 to 1 at the argmax; $\\lVert\\mathrm{cumax}-\\text{step}\\rVert_\\infty\\le 1-p_{\\max}\\le(n-1)e^{-K\\Delta}$.",
        "ON-LSTM 的门 $\\mathrm{cumax}(x)=\\mathrm{cumsum}(\\mathrm{softmax}(Kx))$ 软化了在 argmax 处从 0 跳到 1 的阶跃；$\\lVert\\mathrm{cumax}-\\text{阶跃}\\rVert_\\infty\\le 1-p_{\\max}\\le(n-1)e^{-K\\Delta}$。",
    ),
    "smooth.experiment_title": (
        "Experiment: train on cross-entropy, on −soft F1, or on both",
        "实验：用交叉熵、用 −软 F1、或两者先后训练",
    ),
    "smooth.experiment_intro": (
        "A logistic regression on two overlapping Gaussian classes, positives rare. The same model is trained with cross-entropy, with $-$soft $F_1$ from scratch, and with cross-entropy followed by $-$soft $F_1$ (the article's advice). The table reports the *true* $F_1$ at threshold 0.5 on 1000 held-out points.",
        "在两个相互重叠、正样本稀少的高斯类上做逻辑回归。同一个模型分别用交叉熵、从头用 $-$软 $F_1$、以及先交叉熵后 $-$软 $F_1$（文章的建议）训练。表中是 1000 个留出样本上阈值 0.5 的*真实* $F_1$。",
    ),
    "smooth.seed": (
        "Seed",
        "随机种子",
    ),
    "smooth.positive_share": (
        "Share of positives",
        "正样本比例",
    ),
    "smooth.steps": (
        "Adam steps per loss",
        "每种损失的 Adam 步数",
    ),
    "smooth.run": (
        "Run experiment",
        "运行实验",
    ),
    "smooth.experiment_plot": (
        "Held-out points and the three decision boundaries",
        "留出样本与三条决策边界",
    ),
    "smooth.experiment_table": (
        "True F1 of each recipe",
        "各方案的真实 F1",
    ),
}

VIEW: dict[str, tuple[str, str]] = {  # what the server draws, in the page's language
    "bound": ("bound", "上下界"),
    "smooth": ("smooth", "光滑近似"),
    "hard": ("hard", "原函数"),
    "soft_topk": ("soft top-k (2024)", "软 top-k（2024）"),
    "index": ("index i", "下标 i"),
    "p_sigma": ("p = σ(K s)  (blue: t = 1)", "p = σ(K s)（蓝色：t = 1）"),
    "sample": ("sample", "样本"),
    "your_points": ("your points", "你的数据点"),
    "error": ("error", "误差"),
    "error_as_K": ("error as K grows", "误差随 K 增大的变化"),
    "recipe.cross_entropy": ("cross-entropy", "交叉熵"),
    "recipe.soft_f1": ("−soft F1", "−软 F1"),
    "recipe.cross_entropy_then_soft_f1": ("cross-entropy, then −soft F1", "先交叉熵，再 −软 F1"),
    "head.recipe": ("training loss", "训练损失"),
    "head.test_f1": ("test F1", "测试 F1"),
    "head.train_f1": ("train F1", "训练 F1"),
    "head.test_accuracy": ("test accuracy", "测试准确率"),
}


view = lookup(VIEW)


def pair_name(name: str, lang: str) -> str:
    """A function pair's name as the dropdown shows it."""
    return in_language(STRINGS, f"smooth.pair.{name}", lang)

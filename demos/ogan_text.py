"""The O-GAN tab's strings, English and Chinese side by side (merged into demos.i18n)."""

from __future__ import annotations

from demos.localize import lookup

STRINGS: dict[str, tuple[str, str]] = {
    "ogan.summary": (
        "A GAN's discriminator already reads every image closely, so why train a separate encoder? O-GAN makes the discriminator output a whole vector $E(x)\\in\\mathbb{R}^{n_z}$ and uses only its mean as the realism score, $D(x)=\\operatorname{avg}(E(x))$. Mean and spread of $E(x)$ stay free for the GAN game; its *shape* is asked to carry the noise, by adding the Pearson correlation to both players' losses:\n\n$$\\mathcal{L}_{E,G}\\;\\mathrel{+}=\\;-\\lambda\\,\\rho\\big(z,\\,E(G(z))\\big),\\qquad \\rho(a,b)=\\cos\\big(\\mathcal N(a),\\mathcal N(b)\\big),\\quad \\mathcal N(v)=\\frac{v-\\operatorname{avg}(v)}{\\operatorname{std}(v)}.$$\n\nAfter training, the discriminator *is* an encoder: a digit is reconstructed as $\\hat x=G\\big(0.9\\,\\mathcal N(E(x))\\big)$. Our model is a small MNIST O-GAN ($n_z=64$, λ = 0.5, SELF-MOD generator, EMA weights, hinge loss) trained for 120k steps in bfloat16, about an hour of a 2-core CPU; the panel at the bottom measures the claim against the same GAN trained without the ρ term.",
        "GAN 的判别器本来就在仔细“看”每一张图，为什么还要另训一个编码器？O-GAN 让判别器输出一个向量 $E(x)\\in\\mathbb{R}^{n_z}$，只用它的均值作为真实度打分 $D(x)=\\operatorname{avg}(E(x))$。均值和方差留给 GAN 的博弈，而向量的“形状”被要求携带噪声：在两个玩家的损失里都加上皮尔逊相关系数\n\n$$\\mathcal{L}_{E,G}\\;\\mathrel{+}=\\;-\\lambda\\,\\rho\\big(z,\\,E(G(z))\\big),\\qquad \\rho(a,b)=\\cos\\big(\\mathcal N(a),\\mathcal N(b)\\big),\\quad \\mathcal N(v)=\\frac{v-\\operatorname{avg}(v)}{\\operatorname{std}(v)}.$$\n\n训练完成后判别器*就是*编码器：重构为 $\\hat x=G\\big(0.9\\,\\mathcal N(E(x))\\big)$。这里的模型是一个小型 MNIST O-GAN（$n_z=64$，λ = 0.5，SELF-MOD 生成器，EMA 权重，hinge 损失），以 bfloat16 训练 12 万步，约相当于双核 CPU 一小时的计算量；页面底部把它与去掉 ρ 项、其余完全相同的 GAN 做了对比测量。",
    ),
    "ogan.pad": (
        "Draw a digit",
        "画一个数字",
    ),
    "ogan.encode": (
        "Encode and reconstruct",
        "编码并重构",
    ),
    "ogan.example": (
        "…or pick a test digit",
        "……或选一个测试集数字",
    ),
    "ogan.seen": (
        "As the model sees it (28×28)",
        "模型看到的输入（28×28）",
    ),
    "ogan.recon": (
        "Reconstruction G(0.9·N(E(x)))",
        "重构 G(0.9·N(E(x)))",
    ),
    "ogan.code": (
        "The code N(E(x)) the discriminator assigns",
        "判别器给出的编码 N(E(x))",
    ),
    "ogan.judge_input": (
        "An independent classifier reads the input as…",
        "一个独立的分类器把输入读作……",
    ),
    "ogan.judge_recon": (
        "…and the reconstruction as",
        "……把重构读作",
    ),
    "ogan.interp_title": (
        "Interpolate between two codes",
        "在两个编码之间插值",
    ),
    "ogan.from": (
        "From",
        "起点",
    ),
    "ogan.to": (
        "To",
        "终点",
    ),
    "ogan.value_hint": (
        "Example digit (0–9) or seed",
        "示例数字（0–9）或随机种子",
    ),
    "ogan.a_drawing_note": (
        "“drawing” uses the digit drawn above; “test digit” takes 0–9, “seed” any whole number.",
        "“手绘”使用上方画的数字；“测试数字”取 0–9；“随机种子”取任意非负整数。",
    ),
    "ogan.b_pad": (
        "Second drawing (for “To: drawing”)",
        "第二幅手绘（终点选“手绘”时使用）",
    ),
    "ogan.frames": (
        "Frames",
        "帧数",
    ),
    "ogan.choice.drawing": (
        "drawing",
        "手绘",
    ),
    "ogan.choice.example": (
        "test digit",
        "测试数字",
    ),
    "ogan.choice.seed": (
        "seed",
        "随机种子",
    ),
    "ogan.choice.spherical": (
        "spherical",
        "球面",
    ),
    "ogan.choice.linear": (
        "linear",
        "线性",
    ),
    "ogan.method": (
        "Path",
        "路径",
    ),
    "ogan.interpolate": (
        "Interpolate",
        "插值",
    ),
    "ogan.strip": (
        "Frames from start to end",
        "从起点到终点的各帧",
    ),
    "ogan.scrub": (
        "Scrub through the frames",
        "拖动查看各帧",
    ),
    "ogan.frame": (
        "Frame",
        "当前帧",
    ),
    "ogan.gif": (
        "Animation (GIF)",
        "动画（GIF）",
    ),
    "ogan.sample_title": (
        "Sample",
        "随机采样",
    ),
    "ogan.seed": (
        "Seed",
        "随机种子",
    ),
    "ogan.n_samples": (
        "How many",
        "数量",
    ),
    "ogan.sample": (
        "Sample",
        "采样",
    ),
    "ogan.samples": (
        "Samples G(z)",
        "样本 G(z)",
    ),
    "ogan.scale": (
        "Noise scale σ",
        "噪声尺度 σ",
    ),
    "ogan.scale_info": (
        "1 samples the distribution the GAN was trained on. Below 1 is the truncation trick, which makes many GANs' samples cleaner at the cost of variety; for this model it does not: the panel at the bottom measures σ = 0.8 and 0.6. With the mixture, σ shrinks each component towards its centre.",
        "取 1 时按训练时的分布采样。小于 1 即“截断技巧”：它能让许多 GAN 的样本更干净，代价是多样性；对这个模型却没有效果，页面底部的对比表给出了 σ = 0.8 和 0.6 的测量结果。选择混合分布时，σ 把每个分量向其中心收缩。",
    ),
    "ogan.source": (
        "Codes from",
        "编码来源",
    ),
    "ogan.source_info": (
        'The prior N(0, σ²I) is what the GAN was trained on; some of its codes fall between two digit classes. A Gaussian mixture fitted to the encoder\'s codes of the 55k training digits tells where real digits live. "Typical" keeps only prior samples whose picture the encoder places as likely as 95% of held-out real digits (rejection sampling: the same look, fewer in-between digits). "Mixture" draws the codes from it: cleaner digits, less like the test set\'s. The panel at the bottom measures all three.',
        "先验 N(0, σ²I) 是 GAN 训练时用的分布，其中一部分编码落在两个数字类别之间。拟合自编码器对 5.5 万张训练数字编码的高斯混合分布，刻画了真实数字所在的位置。“典型”只保留这样的先验样本：编码器给出的编码至少和 95% 的留出真实数字一样可能（拒绝采样：观感不变，介于两类之间的数字更少）。“混合分布”直接从中抽取编码：数字更清晰，但与测试集的分布差得更远。页面底部的对比表给出了三者的测量结果。",
    ),
    "ogan.choice.typical": (
        "prior, typical samples only",
        "先验，仅保留典型样本",
    ),
    "ogan.choice.prior": (
        "prior N(0, σ²I)",
        "先验 N(0, σ²I)",
    ),
    "ogan.choice.mixture": (
        "mixture fitted to encoded digits",
        "拟合编码的混合分布",
    ),
    "ogan.edit_title": (
        "Latent directions",
        "隐空间方向",
    ),
    "ogan.edit_intro": (
        "The sliders move a code along the top principal components of the encoder's codes over the 55k training digits, in units of their standard deviation. Start from the last encoded digit or from a seed.",
        "滑块沿着编码器在 5.5 万张训练数字上的编码的主成分方向移动一个编码，单位是该方向上的标准差。可以从刚编码的数字或某个随机种子出发。",
    ),
    "ogan.code_box": (
        "Code (64 numbers)",
        "编码（64 个数）",
    ),
    "ogan.use_encoded": (
        "Use the encoded digit",
        "使用刚编码的数字",
    ),
    "ogan.use_seed": (
        "Use the sample seed",
        "使用采样的随机种子",
    ),
    "ogan.edited": (
        "Decoded after the move",
        "移动后的解码结果",
    ),
    "ogan.compare_title": (
        "Does the encoder come for free? O-GAN beside the same GAN without the ρ term",
        "编码器真的是“免费”的吗？O-GAN 与去掉 ρ 项的同一个 GAN 对比",
    ),
    "ogan.ogan_samples": (
        "O-GAN samples",
        "O-GAN 样本",
    ),
    "ogan.ablation_samples": (
        "Ablation samples",
        "对照组样本",
    ),
}


VIEW: dict[str, tuple[str, str]] = {  # what the server labels, in the page's language
    "seen": ("As the model sees it: {source}", "模型看到的输入：{source}"),
}
view = lookup(VIEW)

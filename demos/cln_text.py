"""The Conditional-LayerNorm tab's strings, English and Chinese side by side. STRINGS are the page's labels (merged
into demos.i18n); VIEW holds what the server formats in the page's language (error messages are in demos/errors.py)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "app.tab.cln": ("Conditional LayerNorm", "条件层归一化"),
    "cln.summary": (
        "How do you make a pre-trained language model write *to order*, a positive review or a negative one, "
        "without rebuilding it? The article borrows the trick of conditional BatchNorm and AdaIN from GANs: let the "
        "normalisation's scale and shift depend on the condition. A Transformer normalises with LayerNorm, so its "
        "$\\gamma$ and $\\beta$ get a learned term in the condition vector $c$:\n\n"
        "$$\\operatorname{LN}(x)=\\gamma\\odot\\frac{x-\\mu}{\\sigma}+\\beta,\\qquad "
        "\\operatorname{CLN}(x\\mid c)=(\\gamma+W_\\gamma c)\\odot\\frac{x-\\mu}{\\sigma}+(\\beta+W_\\beta c).$$\n\n"
        "The detail that makes it work on a pre-trained model: $W_\\gamma$ and $W_\\beta$ start at **zero**, so at "
        "the first step of fine-tuning the model is exactly the one it was, and it only learns to follow $c$. Our "
        "model is a small character-level Transformer trained here on two CPU cores: first without a condition on "
        "the People's Daily and reviews, then, with every LayerNorm made conditional, on reviews labelled negative "
        "or positive. Because $c=(1-\\alpha)\\,e_{\\text{neg}}+\\alpha\\,e_{\\text{pos}}$ is just a vector, any mix "
        "of the two is a condition too. An independent classifier (character n-grams and logistic regression) "
        "judges every sample.",
        "怎样让一个预训练语言模型*按要求*写作——写一条好评或差评——而不必重新搭建它？文章借用了 GAN 里条件 "
        "BatchNorm 与 AdaIN 的做法：让归一化的缩放和平移依赖于条件。Transformer 用的是 LayerNorm，于是给它的 "
        "$\\gamma$、$\\beta$ 各加上一项条件向量 $c$ 的线性变换：\n\n"
        "$$\\operatorname{LN}(x)=\\gamma\\odot\\frac{x-\\mu}{\\sigma}+\\beta,\\qquad "
        "\\operatorname{CLN}(x\\mid c)=(\\gamma+W_\\gamma c)\\odot\\frac{x-\\mu}{\\sigma}+(\\beta+W_\\beta c).$$\n\n"
        "关键细节：$W_\\gamma$、$W_\\beta$ **全零初始化**，所以微调的第一步模型与原来完全相同，之后只需学会跟随 "
        "$c$。我们的模型是在两个 CPU 核上训练的小型字级 Transformer：先在人民日报与评论上无条件预训练，再把每个 "
        "LayerNorm 换成条件版本，在标注了正面/负面的评论上微调。$c=(1-\\alpha)\\,e_{\\text{neg}}+\\alpha\\,"
        "e_{\\text{pos}}$ 只是一个向量，所以两者的任意混合也是条件。每个样本都由一个独立的分类器（字 n-gram + "
        "逻辑回归）评判。",
    ),
    "cln.sentiment": ("Sentiment", "情感"),
    "cln.negative": ("negative", "负面"),
    "cln.positive": ("positive", "正面"),
    "cln.alpha": ("Mix α (0 = negative, 1 = positive)", "混合系数 α（0 = 负面，1 = 正面）"),
    "cln.samples": ("Samples (1–16)", "样本数（1–16）"),
    "cln.length": ("Length: new characters at most (8–120)", "长度：最多生成的字数（8–120）"),
    "cln.temperature": ("Temperature (0.1–2)", "温度（0.1–2）"),
    "cln.top_p": ("Top-p (0.05–1)", "Top-p（0.05–1）"),
    "cln.contrast": ("Contrast w (0–3; 0 = the conditional model alone)", "对比系数 w（0–3；0 = 仅用条件模型）"),
    "cln.contrast_info": (
        "Each character is drawn from l(α) + w·(l(α) − l(1 − α)): the same model read under the opposite condition "
        "is subtracted, as DExperts does with an expert and an anti-expert.",
        "每个字从 l(α) + w·(l(α) − l(1 − α)) 中采样：减去同一模型在相反条件下的 logits，与 DExperts 用专家与反专家"
        "的做法相同。",
    ),
    "cln.seed": ("Seed (the same seed gives the same text)", "随机种子（相同种子生成相同文本）"),
    "cln.prefix": ("Prefix to continue (optional, up to 32 characters)", "续写的开头（可选，最多 32 个字）"),
    "cln.generate": ("Generate", "生成"),
    "cln.stop": ("Stop", "停止"),
    "cln.output": ("Samples and the judge's verdicts", "样本与评判结果"),
    "cln.results_title": ("### Measured", "### 实测结果"),
    "cln.mix_plot": ("Mixing curve", "混合曲线"),
    "cln.mech_title": ("### Mechanics: one vector through LN and CLN", "### 机制：一个向量经过 LN 与 CLN"),
    "cln.mech_intro": (
        "The hidden vector that enters the chosen norm at the last character of the text. The slider multiplies "
        "$W_\\gamma$ and $W_\\beta$: at 0 the norm is plain LayerNorm (the zero-initialised start, whatever the "
        "condition), at 1 it is the trained CLN. Below, the model's next-character probabilities at that scale "
        "beside those at 0.",
        "取文本最后一个字处进入所选归一化层的隐向量。滑块给 $W_\\gamma$、$W_\\beta$ 乘上系数：为 0 时就是普通 "
        "LayerNorm（全零初始化时的状态，与条件无关），为 1 时是训练好的 CLN。下方对比该系数下与系数为 0 时模型对"
        "下一个字的预测概率。",
    ),
    "cln.mech_text": ("Text read by the model (up to 32 characters)", "模型读入的文本（最多 32 个字）"),
    "cln.mech_scale": ("Scale of W_γ, W_β (0 = LN, 1 = trained CLN)", "W_γ、W_β 的缩放（0 = LN，1 = 训练后的 CLN）"),
    "cln.mech_layer": (
        "Norm: 2k and 2k + 1 are before the attention and the MLP of block k + 1, 8 the final norm",
        "归一化层：2k 与 2k + 1 分别在第 k + 1 块的注意力与 MLP 之前，8 为最后一层",
    ),
    "cln.mech_run": ("Show", "显示"),
    "cln.mech_plot": ("γ(c), β(c) and the output of the norm", "γ(c)、β(c) 与归一化层的输出"),
    "cln.mech_next": ("Next character", "下一个字"),
    "guide.tab.cln": (
        "Choose a sentiment (or drag the mix α), then **Generate**: reviews stream in character by character, each "
        "with the judge's verdict; **Stop** ends a long batch. The seed makes a batch reproducible; a prefix is "
        "continued. The table holds the measured numbers of our model and of two alternatives trained on the same "
        "budget. **Mechanics** follows one hidden vector through LayerNorm and Conditional LayerNorm.",
        "选择情感（或拖动混合系数 α），然后点**生成**：评论逐字流式出现，每条附评判器的结论；**停止**可中止。"
        "随机种子使结果可复现；可给定开头让模型续写。表格是我们的模型与两个同等预算训练的对照的实测数据。"
        "**机制**面板展示一个隐向量经过 LayerNorm 与条件 LayerNorm 的变化。",
    ),
}

# Formatted on the server, in the language the browser asks for (Accept-Language); not part of gr.I18n.
VIEW: dict[str, tuple[str, str]] = {
    "verdict_pos": ("judged positive", "判为正面"),
    "verdict_neg": ("judged negative", "判为负面"),
    "summary": (
        "{n} samples at α = {alpha}: {pos} judged positive, mean P(positive) = {mean}; seed {seed}",
        "α = {alpha} 的 {n} 个样本：{pos} 个判为正面，平均 P(正面) = {mean}；随机种子 {seed}",
    ),
    "running": ("generating…", "生成中……"),
    "empty": ("(ended at once)", "（立即结束）"),
    "mix_title": (
        "Judge's mean P(positive) against the mix α (100 samples per point)",
        "评判器给出的平均 P(正面) 随混合系数 α 的变化（每点 100 个样本）",
    ),
    "mix_x": ("α (0 = negative condition, 1 = positive)", "α（0 = 负面条件，1 = 正面）"),
    "mix_y": ("mean P(positive)", "平均 P(正面)"),
    "mech_title": (
        "Norm {layer}: γ(c) and β(c) per unit, and the output",
        "第 {layer} 个归一化层：各维的 γ(c)、β(c) 与输出",
    ),
    "unit": ("unit (the first 64 of 256)", "维度（256 维中的前 64 维）"),
    "kl": (
        "KL(scale {scale} ‖ plain LN) of the next character: {kl} nats",
        "下一个字分布的 KL(缩放 {scale} ‖ 普通 LN)：{kl} nats",
    ),
    "char": ("character", "字"),
    "p_scale": ("p at this scale", "此缩放下的概率"),
    "p_plain": ("p with plain LN", "普通 LN 下的概率"),
    "trained_gamma": ("γ(c)", "γ(c)"),
    "plain_gamma": ("γ (scale 0)", "γ（缩放 0）"),
    "trained_beta": ("β(c)", "β(c)"),
    "plain_beta": ("β (scale 0)", "β（缩放 0）"),
    "out_ln": ("LN(x)", "LN(x)"),
    "out_cln": ("CLN(x | c)", "CLN(x | c)"),
}

"""The Guide tab's strings, English and Chinese side by side (merged into demos.i18n)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "guide.summary": (
        "The original post is Su's guide to reading his site: a layout that adapts to any screen, a print view, a cite button on every post, a search box, categories and tags, and comments with a LaTeX preview. This tab does the same for the app: what each tab shows and how to read it, how to cite, how to call every endpoint from code, how to run it offline, and how the model weights are made and published.",
        "原文是苏剑林写的本站阅读指南：自适应各种屏幕的排版、打印视图、每篇文章的引用按钮、搜索框、分类与标签、支持 LaTeX 预览的评论。本页对这个应用做同样的事：每个标签页展示什么、怎么读，如何引用，如何用代码调用每个接口，如何离线运行，以及模型权重如何训练和发布。",
    ),
    "guide.tabs_title": (
        "What each tab does",
        "各标签页的用途",
    ),
    "guide.api_title": (
        "Calling the app from code",
        "用代码调用本应用",
    ),
    "guide.api_intro": (
        "Every action in the app is a public endpoint. Install `gradio_client` and call it with the app's URL (`http://127.0.0.1:7860` locally, or the Space's id). The list below is generated from the running app.",
        "应用里的每个操作都是公开接口。安装 `gradio_client`，用应用地址（本地为 `http://127.0.0.1:7860`，或 Space 的 id）调用即可。下面的列表由正在运行的应用自动生成。",
    ),
    "guide.offline_title": (
        "Running offline, reproducing and publishing the weights",
        "离线运行、复现与发布模型权重",
    ),
    "guide.cite_title": (
        "How to cite",
        "如何引用",
    ),
    "guide.license_title": (
        "Licence",
        "许可",
    ),
    "guide.tab.smooth": (
        "Pick a **function pair** and a **temperature** $K$ (drag the log-scale slider or type $K$). The left plot puts the hard function (dashed or outlined) beside its smooth version (blue) and shades the interval the bound guarantees; the right plot shows, on log axes, how the error falls as $K$ grows and the bound above it. Edit the vector (or, for accuracy and F1, the batch table) and press Enter. The JSON lists the exact value, the smooth value, the bound and whether it holds. The experiment trains one logistic regression three ways and reports the true F1 of each on held-out data.",
        "选择一组**函数对**和**温度** $K$（拖动对数刻度滑块或直接输入 $K$）。左图把硬函数（虚线或空心标记）与其光滑版本（蓝色）放在一起，并用阴影标出误差界保证的区间；右图在对数坐标下显示误差随 $K$ 增大而下降的过程及其上界。修改向量（准确率与 F1 则修改批数据表）后按回车。JSON 给出精确值、光滑值、误差界以及界是否成立。实验部分用三种方式训练同一个逻辑回归，并报告各自在留出数据上的真实 F1。",
    ),
    "guide.tab.terms": (
        "Paste a text (Chinese, English or another space-separated language) or upload a .txt, or pick an example, then **Mine terms**: the table ranks the discovered words by how much more often they occur here than in general language (sortable; download it as CSV), the plot sets domain score against frequency, and the text comes back with the terms highlighted. **Segment with the discovered words** cuts the text with the discovered lexicon. The advanced fold holds the thresholds; the explainer colours one sentence by the PMI of each adjacent pair.",
        "粘贴一段文本（中文、英文或其他以空格分词的语言）或上传 .txt，也可以选一个示例，然后点**挖掘术语**：表格按“在这里比在通用语料中常见多少”给发现的词排序（可排序，可下载 CSV），散点图把领域得分和频数放在一起，原文中的术语会被高亮。**用发现的词分词**会用发现的词表切分全文。高级选项里是各个阈值；解释部分把一句话按相邻字对的 PMI 着色。",
    ),
    "guide.tab.guide": (
        "This page: how to use the app, call it from code, cite it, and run it offline.",
        "本页：如何使用本应用、用代码调用、引用，以及离线运行。",
    ),
    "guide.license": (
        "Code: MIT. The summaries in this app are our own words; the articles belong to Su Jianlin and are published under CC BY-NC-ND 2.5 China, so the app links to them instead of reproducing them. Each model card states the licence of its weights and training data.",
        "代码：MIT 许可。应用中的概述均为我们自己的文字；原文归苏剑林所有，以 CC BY-NC-ND 2.5 中国大陆许可发布，因此本应用只链接原文而不转载。各模型卡片写明了权重与训练数据的许可。",
    ),
    "guide.tab.ogan": (
        "Draw a digit (pick the brush first) or choose a test digit, then **Encode**: you see the 28×28 input the model receives, the reconstruction $G(0.9\\,\\mathcal N(E(x)))$ and the 64 numbers of the code. **Interpolate** decodes a path between two codes (drawings, test digits or seeds); scrub with the slider or download the GIF. **Sample** draws a grid from a seed, with codes from the prior (all of them, or only the samples the encoder finds typical of real digits) or from a mixture fitted to the encoder's codes of real digits. **Latent directions** moves a code along the encoder's principal components. The table at the bottom holds the measured numbers of the O-GAN and of the ablation.",
        "画一个数字（先选画笔）或选一个测试集数字，然后点**编码并重构**：可以看到模型接收的 28×28 输入、重构 $G(0.9\\,\\mathcal N(E(x)))$ 以及 64 维编码。**插值**在两个编码（手绘、测试数字或随机种子）之间解码一条路径，可拖动滑块或下载 GIF。**随机采样**按种子生成一组数字，编码可取自先验（全部样本，或只保留编码器认为像真实数字的样本），或取自拟合真实数字编码的混合分布。**隐空间方向**沿编码器的主成分移动编码。底部的表格是 O-GAN 与对照组的实测数字。",
    ),
    "guide.tab.gan_arch": (
        "**Sample all three** draws the same codes through DCGAN, the ResNet generator and SELF-MOD, trained with one recipe; the tables give each one's measured cost and quality (two seeds each), the FID curves and whether each of the article's claims holds here. The **checkerboard lab** sets kernel, stride, layers and the upsampling kind, and shows how many inputs reach each output, what random layers do to a constant input and its spectrum, beside the spectra of trained samples. The **normalisation explorer** moves $z$ between two seeds and draws the scale and shift SELF-MOD applies per channel.",
        "**三者同时采样**把同样的编码送进用同一配方训练的 DCGAN、ResNet 生成器和 SELF-MOD；表格给出各自实测的代价与质量（各两个种子）、FID 曲线，以及文章的每条判断在这里是否成立。**棋盘格实验室**可设置卷积核、步长、层数与上采样方式，显示每个输出被多少输入覆盖、随机层对常数输入的输出及其频谱，并与训练后样本的频谱对照。**归一化探索**让 $z$ 在两个种子之间移动，画出 SELF-MOD 对每个通道施加的缩放与平移。",
    ),
    "guide.tab.onlstm": (
        "Type a Chinese sentence or pick an example, then **Parse**: each sentence gets the tree a character-level ON-LSTM induces from its master forget and input gates (a twin reading right to left can join in), the gap score before every character, and the words read off the tree. Move the granularity slider for coarser or finer pieces; a test-set example also shows its gold words and scores. **Show the gates** draws the master forget and input gates per character; the integer picture explains the cell with two sliders.",
        "输入一句中文或选一个示例，然后点**解析**：每句话都会得到字级 ON-LSTM 用主遗忘门和主输入门诱导出的树（还可以加入从右往左读的孪生模型）、每个字之前的间隙得分，以及从树上读出的词。拖动粒度滑块得到更粗或更细的切分；测试集示例还会显示标准分词和得分。**显示门的取值**画出每个字的主遗忘门和主输入门；整数图景用两个滑块解释这个单元。",
    ),
    "guide.tab.iresnet": (
        "**Invert** runs the fixed-point iteration on a 2-D map whose Lipschitz constant you set: below 1 it converges inside the Banach bound, above 1 it can fail and the plane folds. **Round trip** sends a drawn or test digit through the MNIST flow and back, beside the contrast model with c = 1.5. **Sample** decodes digits from the prior; **Compare** sets the log-det estimators against the exact value; **Show** draws a learned 2-D density.",
        "**求逆**在一个 Lipschitz 常数可调的二维映射上做不动点迭代：小于 1 时在 Banach 上界内收敛，大于 1 时可能失败，平面发生折叠。**往返**把手绘或测试数字送进 MNIST 流模型再取回，旁边是 c = 1.5 的对照模型。**采样**从先验解码数字；**比较**把对数行列式的估计量与精确值对照；**显示**画出学到的二维密度。",
    ),
}

# each public endpoint's one-line summary in Chinese (the English one is the handler's docstring)
API_ZH: dict[str, str] = {
    "/arch_checkerboard": "步长上采样的覆盖计数与随机层输出：转置卷积，或先放大再卷积。",
    "/arch_compare": "用同样的编码对三个训练好的生成器（DCGAN、ResNet、SELF-MOD）采样。",
    "/arch_selfmod": "SELF-MOD 生成器某个 BatchNorm 层的调制量，编码取两个种子编码之间的一点。",
    "/cln_generate": "按情感（或两者的任意混合）采样评论，并逐条评判；生成时流式返回。",
    "/cln_mechanics": "一个隐向量分别经过 LayerNorm 与 Conditional LayerNorm。",
    "/iresnet_density": "一个二维流学到的密度热图，以及经逆变换抽取的 600 个样本。",
    "/iresnet_fixed_point": "用 x_{k+1} = y − c·φ(x_k)（从 x_0 = y 开始）求 y = x + c·φ(x) 的逆。",
    "/iresnet_logdet": "八高斯流在八个点上的对数行列式：精确值、截断级数、Hutchinson 估计，以及可选的俄罗斯轮盘估计。",
    "/iresnet_roundtrip": "把一个数字送进 MNIST 流 z = F(x)，再用不动点迭代取回；对照模型同样处理。",
    "/iresnet_sample": "从 MNIST 流采样：z ~ N(0, T²I)，用不动点迭代求 x = F⁻¹(z)。",
    "/ogan_edit": "沿编码器在训练集上编码的主方向移动一个编码。",
    "/ogan_encode": "用判别器编码一个数字并重构：x_hat = G(0.9 N(E(x)))。",
    "/ogan_interpolate": "在两个编码之间解码一条路径，端点可以是手绘、示例数字（0–9）或随机种子。",
    "/ogan_sample": "按种子采样 n 个数字（1–64）：先验编码、只保留编码器认为典型的先验样本，或取自拟合真实数字编码的混合分布。",
    "/onlstm_gates": "第一句每个字在某一层的主遗忘门与主输入门，以及各层的距离与输入层级。",
    "/onlstm_parse": "用 ON-LSTM 的主门为每句话诱导一棵二叉树和词边界。",
    "/smooth_experiment": "分别用交叉熵、−soft F1、先交叉熵再 −soft F1 训练逻辑回归，报告真实 F1。",
    "/smooth_pair": "某一组函数在温度 K 下的硬值与光滑值。",
    "/terms_mine": "发现文本中的词（中文）或术语与短语（空格分词的语言），并按与通用语料词频的对比给出领域性排序。",
    "/terms_segment": "用从同一文本中发现的词表切分它（最大概率路径）；与 `terms_mine` 一样，给了 `upload` 文件就用文件而不是 `text`。",
}
RETURNS = {"en": ("Returns: {r}.", "Returns a tuple of: {r}."), "zh": ("返回：{r}。", "返回一个元组：{r}。")}
WEIGHTS_TABLE = {  # header, bundled yes, bundled no
    "en": ("| model | hub repo | revision | bundled |", "yes", "no"),
    "zh": ("| 模型 | Hub 仓库 | 版本 | 随应用附带 |", "是", "否"),
}

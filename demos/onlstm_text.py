"""The ON-LSTM tab's strings, English and Chinese side by side (merged into demos.i18n)."""

from __future__ import annotations

from demos.localize import lookup

STRINGS: dict[str, tuple[str, str]] = {
    "onlstm.summary": (
        "An LSTM's hidden units are interchangeable: shuffle them (and their weights) and nothing changes. ON-LSTM gives them an order. Before each update it estimates two *levels*: $d_f$, up to where history is kept, and $d_i$, up to where the new input is written. High levels are rewritten rarely and carry long spans, low levels change at every step: nested spans, that is, a tree. Softened, the one-hot levels become cumulative softmaxes, the master gates\n\n$$\\tilde f_t=\\operatorname{cumax}(W_{\\tilde f}x_t+U_{\\tilde f}h_{t-1}+b_{\\tilde f}),\\quad \\tilde i_t=1-\\operatorname{cumax}(W_{\\tilde i}x_t+U_{\\tilde i}h_{t-1}+b_{\\tilde i}),\\quad \\omega_t=\\tilde f_t\\circ\\tilde i_t,$$\n$$c_t=\\omega_t\\circ(f_t\\circ c_{t-1}+i_t\\circ\\hat c_t)+(\\tilde f_t-\\omega_t)\\circ c_{t-1}+(\\tilde i_t-\\omega_t)\\circ\\hat c_t.$$\n\nThe distance $d_t=1-\\frac1n\\sum_k\\tilde f_t(k)$ says how little the present needs the past; splitting a sentence top-down at the largest distance gives a binary tree. Our model goes further than the article's word-level demo: it reads **characters** of the People's Daily (1998) with no segmentation at all, so any words it finds, it found itself. The tree is built from a weighted sum of its layers' standardised distances and *input levels* $e_t=\\frac1n\\sum_k\\tilde i_t(k)$ (how high the new character is written: the article's $d_i$), the weights chosen on held-out lines. A twin model that reads each line right to left (it sees what *follows* a gap) can join in.",
        "LSTM 的隐藏单元是可以互换的：把单元连同权重一起打乱，结果不变。ON-LSTM 给它们排了序。每次更新前先估计两个*层级*：$d_f$，历史信息保留到哪一层；$d_i$，当前输入写到哪一层。高层级很少被改写，承载长跨度信息；低层级每步都在变：跨度层层嵌套，也就是一棵树。把 one-hot 的层级软化为 softmax 的累积和，就得到主门\n\n$$\\tilde f_t=\\operatorname{cumax}(W_{\\tilde f}x_t+U_{\\tilde f}h_{t-1}+b_{\\tilde f}),\\quad \\tilde i_t=1-\\operatorname{cumax}(W_{\\tilde i}x_t+U_{\\tilde i}h_{t-1}+b_{\\tilde i}),\\quad \\omega_t=\\tilde f_t\\circ\\tilde i_t,$$\n$$c_t=\\omega_t\\circ(f_t\\circ c_{t-1}+i_t\\circ\\hat c_t)+(\\tilde f_t-\\omega_t)\\circ c_{t-1}+(\\tilde i_t-\\omega_t)\\circ\\hat c_t.$$\n\n距离 $d_t=1-\\frac1n\\sum_k\\tilde f_t(k)$ 表示当前对历史的依赖有多弱；在距离最大处自顶向下切分句子，就得到一棵二叉树。我们的模型比原文的词级演示更进一步：它逐**字**读《人民日报》（1998），完全不做分词，所以它找到的词都是自己发现的。树由各层标准化后的距离与*输入层级* $e_t=\\frac1n\\sum_k\\tilde i_t(k)$（新字被写到多高的层级，即原文的 $d_i$）加权求和建成，权重在留出的句子上选定。还可以加入一个从右往左读每一行的孪生模型（它看得到间隙*之后*的内容）。",
    ),
    "onlstm.text": (
        "Chinese text (up to 2,000 characters; each sentence up to 200 is parsed)",
        "中文文本（最多 2000 字；逐句解析，每句最多 200 字）",
    ),
    "onlstm.example": (
        "Examples: the article's sentences, then held-out test lines (with their gold words)",
        "示例：原文的句子，以及留出的测试句（附标准分词）",
    ),
    "onlstm.gold": (
        "Gold segmentation to compare with (optional, words separated by spaces)",
        "用于对比的标准分词（可选，词之间用空格分隔）",
    ),
    "onlstm.max_len": (
        "Granularity: split until pieces have at most this many characters (default: the rule chosen on validation lines)",
        "粒度：切分到每段不超过这么多字（默认值：在验证集上选出的规则）",
    ),
    "onlstm.layer": (
        "Build the tree from",
        "建树依据",
    ),
    "onlstm.source.forward": (
        "the ON-LSTM (validated gap score)",
        "ON-LSTM（验证集选出的间隙得分）",
    ),
    "onlstm.source.both": (
        "with its right-to-left twin (validated gap score)",
        "加上从右往左读的孪生模型（验证集选出的间隙得分）",
    ),
    "onlstm.source.0": (
        "forward layer 0 (bottom)",
        "正向第 0 层（最底层）",
    ),
    "onlstm.source.1": (
        "forward layer 1",
        "正向第 1 层",
    ),
    "onlstm.source.2": (
        "forward layer 2 (top)",
        "正向第 2 层（最顶层）",
    ),
    "onlstm.parse": (
        "Parse",
        "解析",
    ),
    "onlstm.words": (
        "Induced words",
        "诱导出的词",
    ),
    "onlstm.gold_words": (
        "Gold words",
        "标准分词",
    ),
    "onlstm.distances": (
        "Gap score before each character, or the chosen layer's distance (orange: a piece starts here)",
        "每个字之前的间隙得分，或所选层的距离（橙色：一段从这里开始）",
    ),
    "onlstm.results_title": (
        "How well does it segment? Measured on held-out lines",
        "分词效果如何？在留出的测试句上实测",
    ),
    "onlstm.gates_title": (
        "Inside the gates",
        "门的内部",
    ),
    "onlstm.gates_intro": (
        "The heat-maps show the master forget gate $\\tilde f_t$ (top) and the master input gate $\\tilde i_t$ (bottom) over the levels (rows, low to high) after each character of the first sentence: where the bright region of $\\tilde f_t$ starts is the level from which history is kept; where that of $\\tilde i_t$ ends, the level up to which the character is written. The box plots compare the distances $d$ and input levels $e$ of all layers for this text: each layer uses its own range, which is why the signals are standardised and each one's reading (word start or word end) is chosen on validation lines.",
        "热力图展示第一句每个字之后主遗忘门 $\\tilde f_t$（上）和主输入门 $\\tilde i_t$（下）在各层级（行，由低到高）上的取值：$\\tilde f_t$ 亮区开始的位置是历史被保留的起始层级，$\\tilde i_t$ 亮区结束的位置是这个字被写到的最高层级。箱线图比较本段文字在各层的距离 $d$ 和输入层级 $e$：每一层的取值范围不同，所以各信号先标准化，每个信号的读法（词首还是词尾）在验证集上选定。",
    ),
    "onlstm.show_gates": (
        "Show the gates",
        "显示门的取值",
    ),
    "onlstm.heat": (
        "Master forget and input gates of the chosen layer",
        "所选层的主遗忘门和主输入门",
    ),
    "onlstm.box": (
        "Distances and input levels of each layer for this text (→ left to right, ← right to left)",
        "本段文字在各层的距离和输入层级（→ 从左往右，← 从右往左）",
    ),
    "onlstm.integer_title": (
        "The integer picture",
        "整数图景",
    ),
    "onlstm.integer_intro": (
        "The article derives the cell from hard levels. Move $d_f$ (history is kept from this level up) and $d_i$ (the input is written up to this level) and see what each of 16 levels does.",
        "原文先用“硬”层级推导出这个单元。拖动 $d_f$（从这一层往上保留历史）和 $d_i$（输入写到这一层为止），看 16 个层级各自做什么。",
    ),
    "onlstm.integer_legend": (
        "Blue: the new input is copied in. Amber: history is copied unchanged. Purple: the usual LSTM mix $f\\circ c_{t-1}+i\\circ\\hat c_t$. White: nothing survives (only when $d_f>d_i$).",
        "蓝色：复制新输入。琥珀色：原样保留历史。紫色：常规 LSTM 混合 $f\\circ c_{t-1}+i\\circ\\hat c_t$。白色：什么也不留（仅当 $d_f>d_i$）。",
    ),
}

VIEW: dict[str, tuple[str, str]] = {  # what the server draws, in the page's language
    "distance_layer": ("d = 1 − mean(f̃), layer {layer}", "d = 1 − mean(f̃)，第 {layer} 层"),
    "gap_score": ("gap score (relative)", "间隙得分（相对值）"),
    "level": ("level", "层级"),
    "gold_mismatch": (
        "The gold segmentation does not spell the same text; it is ignored.",
        "标准分词拼出的不是同一段文本，已忽略。",
    ),
    "gold_line": (
        "Against the gold segmentation: word precision {p:.2f}, recall {r:.2f}, F1 {f:.2f}; boundary F1 {b:.2f}.",
        "与标准分词相比：词准确率 {p:.2f}，召回率 {r:.2f}，F1 {f:.2f}；边界 F1 {b:.2f}。",
    ),
}


view = lookup(VIEW)

"""The term-mining tab's strings, English and Chinese side by side (merged into demos.i18n)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "terms.summary": (
        "How do you find the vocabulary of a field nobody has written a dictionary for? Su's recipe needs only text. First discover *words* without a dictionary: a string is a word when it recurs, when its parts stick together more than chance would make them, and when it is free at both ends:\n\n$$\\mathrm{cohesion}(w)=\\min_{w=a|b}\\ln\\frac{p(w)}{p(a)\\,p(b)},\\qquad H_{\\text{left}}(w)=-\\sum_{c}p(c\\mid\\cdot w)\\ln p(c\\mid\\cdot w)\\ \\text{(and the same on the right)}.$$\n\nThen compare each word's frequency here with its frequency in general language; what is far more common here is the domain's own vocabulary: $\\mathrm{score}(w)=\\ln\\frac{p_{\\text{here}}(w)}{p_{\\text{general}}(w)}$, with additive smoothing so that a word the general table has never seen gets a large, finite score. (The article's posted code let such words become NaN, which sorts *last*: the most domain-specific words fell to the bottom.)",
        "一个没有人编过词典的领域，怎么找到它的词汇？苏剑林的做法只需要文本。先在没有词典的情况下发现*词*：一个字符串要成为词，需要反复出现、内部凝固程度远超偶然，并且左右两边都自由：\n\n$$\\mathrm{cohesion}(w)=\\min_{w=a|b}\\ln\\frac{p(w)}{p(a)\\,p(b)},\\qquad H_{\\text{left}}(w)=-\\sum_{c}p(c\\mid\\cdot w)\\ln p(c\\mid\\cdot w)\\ \\text{（右边同理）}.$$\n\n再把每个词在这里的频率与在通用语料中的频率比较，这里明显更常见的就是该领域自己的词汇：$\\mathrm{score}(w)=\\ln\\frac{p_{\\text{here}}(w)}{p_{\\text{general}}(w)}$，并做加性平滑，使通用词表里没有的词得到一个较大而有限的分数。（原文贴出的代码让这类词变成 NaN，而 NaN 排在*最后*：最有领域特色的词反而沉到了底部。）",
    ),
    "terms.text": (
        "Text (Chinese or a space-separated language; up to 20 MB)",
        "文本（中文或以空格分词的语言；最多 20 MB）",
    ),
    "terms.upload": (
        "…or upload a .txt file (UTF-8, UTF-16 or GB18030)",
        "……或上传 .txt 文件（UTF-8、UTF-16 或 GB18030）",
    ),
    "terms.language": (
        "Language",
        "语言",
    ),
    "terms.lang.auto": ("detect", "自动识别"),
    "terms.lang.zh": ("Chinese", "中文"),
    "terms.lang.en": ("English (or any space-separated language)", "英文（或其他以空格分词的语言）"),
    "terms.advanced": (
        "Advanced thresholds",
        "高级阈值",
    ),
    "terms.min_count": (
        "Minimum frequency (0 = automatic)",
        "最低频数（0 为自动）",
    ),
    "terms.min_cohesion": (
        "Minimum cohesion (nats)",
        "最低凝固度（nats）",
    ),
    "terms.min_entropy": (
        "Minimum boundary entropy (nats)",
        "最低边界熵（nats）",
    ),
    "terms.run": (
        "Mine terms",
        "挖掘术语",
    ),
    "terms.segment": (
        "Segment with the discovered words",
        "用发现的词分词",
    ),
    "terms.table": (
        "Domain terms, by termhood: specific, frequent and (in English) used as nouns first (click a column to sort)",
        "领域术语，按术语度排序：有领域特色、常见且（英文中）作名词用的在前（点击列名排序）",
    ),
    "terms.plot": (
        "Domain score against frequency",
        "领域分数与频数",
    ),
    "terms.csv": (
        "CSV download",
        "CSV 下载",
    ),
    "terms.highlighted": (
        "The text with the discovered terms marked (first 20,000 units)",
        "标出已发现术语的文本（前 20000 个单元）",
    ),
    "terms.explain_title": (
        "How it works, step by step",
        "一步一步看它如何工作",
    ),
    "terms.explain_general": (
        "1. Count every 1- to 5-unit n-gram (a unit is a character in Chinese, a word elsewhere; a number is one unit).\n2. Keep the n-grams that recur, stick together (cohesion) and are free at both ends (boundary entropy).\n3. Drop phrases that split into two discovered words (领导+干部).\n4. Score each word against general language: $\\ln\\frac{c_{\\text{here}}/N_{\\text{here}}}{(c_{\\text{general}}+0.5)/(N_{\\text{general}}+0.5|V|)}$. A word missing from the general table has $c_{\\text{general}}=0$: with the $+0.5$ it scores high and finite, as it should. In English, single words that recur and are free at both ends are candidates too (they have no cohesion).\n5. Rank by weight $= 1000\\,p_{\\text{here}}\\cdot\\text{domain score}$, the term's share of the divergence between this text and general language: specific *and* frequent first. Sorting by domain score alone puts a name seen six times above the domain's core words.\n6. In English, termhood $=$ weight $\\times\\sqrt{(a+0.1)/(c+1)}$, where $a$ of the term's $c$ occurrences follow a determiner (the, a, this, each, …): a domain term is a noun (*the* working tree, *a* commit), while commands, options, identifiers and adjectives (git log, current, given) rarely take one. On three software manuals this lifts precision@100 against the manual's own glossary by 0.06 to 0.07 (README). Chinese has no articles: there termhood is the weight. A plural is counted with its singular when the text has both (tables with table: one row, the plural listed beside it). The button below colours the first sentence by the PMI of each adjacent pair: the orange pairs are the likely cuts.",
        "1. 统计所有 1 到 5 个单元的 n-gram（中文的单元是字，其他语言是词；一个数字串算一个单元）。\n2. 保留反复出现、内部凝固（凝固度）且两端自由（边界熵）的 n-gram。\n3. 去掉能拆成两个已发现词的短语（领导+干部）。\n4. 与通用语料比较打分：$\\ln\\frac{c_{\\text{here}}/N_{\\text{here}}}{(c_{\\text{general}}+0.5)/(N_{\\text{general}}+0.5|V|)}$。通用词表里没有的词 $c_{\\text{general}}=0$，加上 $+0.5$ 后分数高且有限，这正是应有的结果。英文里，反复出现且两端自由的单个词也是候选（单个词没有凝固度）。\n5. 按权重 $= 1000\\,p_{\\text{here}}\\cdot\\text{领域分}$ 排序，即该词在本文与通用语言之间散度中所占的份额：既有领域特色又常见的在前。只按领域分排序，出现六次的人名会排在领域核心词之前。\n6. 英文里，术语度 $=$ 权重 $\\times\\sqrt{(a+0.1)/(c+1)}$，其中该词 $c$ 次出现中有 $a$ 次紧跟在限定词（`the`、`a`、`this`、`each`……）之后：领域术语是名词（`the working tree`、`a commit`），命令、选项、标识符和形容词（`git log`、`current`、`given`）很少带冠词。在三本软件手册上，这使对照手册自带术语表的前 100 名准确率（precision@100）提高 0.06 到 0.07（见 README）。中文没有冠词，术语度就是权重。文本中单复数都出现时，复数并入单数计数（`tables` 并入 `table`：一行，复数列在旁边）。下方按钮按相邻两个单元的 PMI 给第一句话着色：橙色的位置最可能是切分点。",
    ),
    "terms.pmi": (
        "Pair PMI in the first sentence",
        "第一句中相邻单元的 PMI",
    ),
    "terms.explain_run": (
        "Show pair cohesion for the first sentence",
        "显示第一句的相邻凝固度",
    ),
    "terms.file_in_use": (
        "A file is loaded: Mine and Segment read the file, not this box. Remove the file to use the box.",
        "已载入文件：“挖掘”和“分词”都读取该文件，而不是这个文本框。移除文件即可改用文本框。",
    ),
}

"""Every error message the app shows, in English and Chinese side by side. A gr.Error's text is not translated by
the page, so each message carries both languages ("English / 中文"); values quoted from the input are short and
escaped by the caller (demos.guard.excerpt, demos.common.quote)."""

from __future__ import annotations

import html

import gradio as gr

MESSAGES: dict[str, tuple[str, str]] = {
    # numbers and vectors (demos.common, demos.guard)
    "missing": ("{name} is missing.", "缺少{name_zh}。"),
    "number": ("{name} must be a number, not '{value}'.", "{name_zh}须是数字，而不是“{value}”。"),
    "finite": ("{name} must be a finite number, not {value}.", "{name_zh}须是有限的数，而不是 {value}。"),
    "range": ("{name} must lie from {low} to {high}, not {value}.", "{name_zh}须在 {low} 到 {high} 之间，而不是 {value}。"),
    "open_range": (
        "{name} must be greater than {low} and at most {high}, not {value}.",
        "{name_zh}须大于 {low} 且不超过 {high}，而不是 {value}。",
    ),
    "integer": (
        "{name} must be a whole number from {low} to {high}, not {value}.",
        "{name_zh}须是 {low} 到 {high} 之间的整数，而不是 {value}。",
    ),
    "vector_type": (
        "{name} must be text such as '2, 1, 4, 5, 3', not {kind}.",
        "{name_zh}须是像“2, 1, 4, 5, 3”这样的文本，而不是 {kind}。",
    ),
    "vector_empty": ("{name} is empty: enter numbers such as '2, 1, 4, 5, 3'.", "{name_zh}是空的：请输入像“2, 1, 4, 5, 3”这样的数。"),
    "vector_long": ("{name} has {n} entries; the limit is {limit}.", "{name_zh}有 {n} 项，上限是 {limit}。"),
    "vector_nan": ("{name} contains '{value}', which is not a number.", "{name_zh}含有“{value}”，它不是数字。"),
    "vector_finite": (
        "{name} contains {value}; only finite numbers are allowed (no NaN or infinity).",
        "{name_zh}含有 {value}；只接受有限的数（不能是 NaN 或无穷）。",
    ),
    "vector_bound": ("{name} contains {value}; entries must lie within ±1,000,000.", "{name_zh}含有 {value}；每项须在 ±1,000,000 以内。"),
    # choices, text and files (demos.guard)
    "choice": ("{name} must be one of: {choices}; not '{value}'.", "{name_zh}须是以下之一：{choices}；而不是“{value}”。"),
    "text": ("{name} must be text, not {kind}.", "{name_zh}须是文本，而不是 {kind}。"),
    "long": ("{name} has {n:,} characters; the limit is {limit:,}.", "{name_zh}有 {n:,} 个字符，上限是 {limit:,}。"),
    "file": ("{name} must be a file (an upload), not {kind}.", "{name_zh}须是上传的文件，而不是 {kind}。"),
    "file_big": ("{name}: the file has {mb:.1f} MB; the limit is {limit} MB.", "{name_zh}：文件有 {mb:.1f} MB，上限是 {limit} MB。"),
    "image": (
        "{name}: this file is not an image I can read (PNG, JPEG, WebP, GIF or BMP).",
        "{name_zh}：无法读取这个文件（支持 PNG、JPEG、WebP、GIF、BMP 图像）。",
    ),
    "image_side": (
        "{name}: the image is {w}×{h} pixels; the limit is {limit} a side.",
        "{name_zh}：图像为 {w}×{h} 像素，每边上限 {limit}。",
    ),
    "shape": (
        "{endpoint} could not use this input ({kind}). The API page (footer, 'Use via API') shows what each input takes.",
        "{endpoint} 无法使用这个输入（{kind}）。每个输入的格式见 API 页面（页脚 “Use via API”）。",
    ),
    "model": ("The model could not be loaded: {detail}", "模型无法加载：{detail}"),
    # Conditional LayerNorm
    "unknown_chars": (
        "{name} holds characters the model never saw in training: {chars}. Remove or replace them.",
        "{name_zh}含有模型训练中从未见过的字：{chars}。请删除或替换。",
    ),
    # the app (app.py)
    "unknown_tab": (
        "There is no tab '{value}'; the first tab is open. Tabs: {choices}.",
        "没有名为“{value}”的标签页，已打开第一个标签页。可用：{choices}。",
    ),
    "link_value": (
        "The link's {param}={value} is not a value this control takes ({expected}); its default is used.",
        "链接中的 {param}={value} 不是这个控件能取的值（{expected_zh}），已改用默认值。",
    ),
    # digits (demos.digit_input)
    "no_image": (
        "No image: draw a digit on the pad, or choose a test digit.",
        "没有图像：请在画板上写一个数字，或选一个测试数字。",
    ),
    "not_image": ("That file is not an image I can read (use PNG, JPEG or WebP).", "无法读取这个文件（请用 PNG、JPEG 或 WebP 图像）。"),
    "image_type": ("Expected an image, got {kind}.", "需要图像，而不是 {kind}。"),
    "blank": ("The drawing is blank (or nearly): draw the digit larger.", "画板是空的（或几乎是空的）：请把数字写大一些。"),
    "unusable": ("That image cannot be used: {detail}.", "无法使用这张图像：{detail}。"),
    # O-GAN
    "source": ("Unknown source '{value}': use one of {choices}.", "未知的来源“{value}”：请用 {choices} 之一。"),
    "method": ("Interpolation must be 'linear' or 'spherical', not '{value}'.", "插值方式须是 'linear' 或 'spherical'，而不是“{value}”。"),
    "code_source": ("Code source must be one of {choices}; got '{value}'.", "编码来源须是 {choices} 之一，而不是“{value}”。"),
    "no_mixture": (
        "This snapshot has no fitted code mixture, or no sample passed the typicality filter at this noise scale.",
        "这个快照没有拟合好的编码混合分布，或在此噪声尺度下没有样本通过典型性筛选。",
    ),
    "code_length": ("The code needs exactly {n} numbers; it has {got}.", "编码须恰好有 {n} 个数，现在有 {got} 个。"),
    # GAN architectures
    "architecture": ("Architecture must be one of {choices}, not '{value}'.", "结构须是 {choices} 之一，而不是“{value}”。"),
    "stride_kernel": (
        "The stride ({s}) is larger than the kernel ({k}): some outputs would be reached by no input. Use s ≤ k.",
        "步长（{s}）大于卷积核（{k}）：有些输出不会被任何输入覆盖。请让 s ≤ k。",
    ),
    "upsampling": ("Upsampling must be one of {choices}, not '{value}'.", "上采样方式须是 {choices} 之一，而不是“{value}”。"),
    "norm_layer": ("Layer must be one of {choices}, not '{value}'.", "层须是 {choices} 之一，而不是“{value}”。"),
    # i-ResNet
    "c_low": ("c must be at least 0.1, not {value}.", "c 至少为 0.1，而不是 {value}。"),
    "point": ("Keep the point within ±10 on each axis.", "请让点的每个坐标都在 ±10 以内。"),
    "density": ("Unknown density '{value}': choose one of {choices}.", "未知的密度“{value}”：请从 {choices} 中选择。"),
    # ON-LSTM
    "sentence_type": ("Expected text, got {kind}.", "需要文本，而不是 {kind}。"),
    "sentence_empty": ("The text is empty: type a Chinese sentence or pick an example.", "文本是空的：请输入一个中文句子或选一个例句。"),
    "sentence_long": (
        "The text has {n:,} characters; the limit is {limit:,} (it is parsed sentence by sentence, up to {each} "
        "characters each).",
        "文本有 {n:,} 个字，上限是 {limit:,}（按句分析，每句最多 {each} 个字）。",
    ),
    # smooth approximations
    "batch_empty": (
        "The batch is empty: give rows of (label, score), e.g. [[1, 2.1], [0, -0.5]].",
        "批次是空的：请给出 (标签, 分数) 的行，例如 [[1, 2.1], [0, -0.5]]。",
    ),
    "batch_row": (
        "Each batch row needs exactly two cells: a label (0 or 1) and a score.",
        "批次的每一行须恰好有两格：标签（0 或 1）和分数。",
    ),
    "labels": ("Labels must be 0 or 1.", "标签须是 0 或 1。"),
    "function": ("Unknown function '{value}'; choose one of: {choices}.", "未知的函数“{value}”；请从以下选择：{choices}。"),
    "share_low": (
        "Share of positives must be at least {low} so that the held-out set has positives.",
        "正样本比例至少为 {low}，留出集里才会有正样本。",
    ),
    # term mining
    "upload_big": ("The file has {mb:.1f} MB; the limit is {limit} MB.", "文件有 {mb:.1f} MB，上限是 {limit} MB。"),
    "binary": ("That file looks binary, not text: upload a .txt file.", "这个文件像是二进制文件而非文本：请上传 .txt 文件。"),
    "encoding": (
        "The file is not UTF-8, UTF-16 or GB18030 text: save it as UTF-8 and upload it again.",
        "文件不是 UTF-8、UTF-16 或 GB18030 文本：请另存为 UTF-8 后重新上传。",
    ),
    "text_empty": ("The text is empty: paste some text or upload a .txt file.", "文本是空的：请粘贴文本或上传 .txt 文件。"),
    "text_big": ("The text has {mb:.1f} MB; the limit is {limit} MB.", "文本有 {mb:.1f} MB，上限是 {limit} MB。"),
    "nul": ("The text contains NUL characters: it looks binary, not text.", "文本含有 NUL 字符：它像是二进制数据而非文本。"),
    "language": ("Language must be one of {choices}, not '{value}'.", "语言须是 {choices} 之一，而不是“{value}”。"),
    "short_text": (
        "A short text ({n} words or characters): a term seen only a few times cannot have varied neighbours, so the "
        "boundary-entropy threshold was lowered to {entropy} nats for it. A longer text ranks terms more reliably.",
        "文本较短（{n} 个词或字）：只出现几次的词，其左右邻接不可能很丰富，因此边界熵阈值降到了 {entropy} 奈特。"
        "更长的文本能给出更可靠的排序。",
    ),
    "pmi_short": (
        "The first sentence is too short to show pair cohesion: it needs two units.",
        "第一句太短，无法显示相邻单元的凝聚度：至少需要两个单元。",
    ),
}  # fmt: skip

NAMES: dict[str, str] = {  # the English names handlers give their inputs -> Chinese
    "Seed": "随机种子",
    "Example digit": "示例数字",
    "Frames": "帧数",
    "Number of samples": "样本数",
    "Noise scale": "噪声尺度",
    "The code": "编码",
    "c": "c",
    "x1": "x1",
    "x2": "x2",
    "Iterations": "迭代次数",
    "Temperature": "温度",
    "Terms": "项数",
    "Probes": "探针数",
    "Roulette stopping probability": "轮盘停止概率",
    "Layer": "层",
    "Kernel size": "卷积核大小",
    "Stride": "步长",
    "Layers": "层数",
    "Seed A": "种子 A",
    "Seed B": "种子 B",
    "t": "t",
    "z": "z",
    "Granularity": "粒度",
    "The label column": "标签列",
    "The score column": "分数列",
    "The vector": "向量",
    "K": "K",
    "k": "k",
    "Share of positives": "正样本比例",
    "Steps": "步数",
    "Minimum frequency": "最低频次",
    "Minimum cohesion": "最低凝聚度",
    "Minimum boundary entropy": "最低边界熵",
}


def message(key: str, name: str | tuple[str, str] = ("", ""), **values) -> str:
    """'English / 中文' for message `key`; `name` is an English name of NAMES, or an (English, Chinese) pair."""
    en_name, zh_name = (name, NAMES[name]) if isinstance(name, str) else name
    en, zh = MESSAGES[key]
    return en.format(name=en_name, **values) + " / " + zh.format(name_zh=zh_name, **values)


def error(key: str, name: str | tuple[str, str] = ("", ""), **values) -> gr.Error:
    """A user error: both languages, and no traceback in the log (demos.guard logs one line)."""
    return gr.Error(message(key, name, **values), print_exception=False)


def quote(text: object, limit: int = 20) -> str:
    """A short, HTML-escaped echo of user input for error messages (gradio's toasts render HTML)."""
    return html.escape(str(text)[:limit])

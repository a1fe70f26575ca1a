"""The blog articles this app explains: titles, dates, links, and how to cite them.

Citation formats follow the blog's own footer (an APA-style line and a BibTeX `@online` entry keyed kexuefm-<id>).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

AUTHOR_ZH = "苏剑林"
AUTHOR_EN = "Su, J."
SITE = "Scientific Spaces (科学空间)"


@dataclass(frozen=True)
class Article:
    tab_id: str  # the ?tab=<id> deep link and the i18n prefix
    archive: int  # kexue.fm/archives/<archive>
    title_zh: str
    title_en: str
    date: dt.date
    related: tuple[tuple[str, str], ...] = ()  # (label, url) of posts the tab also draws on

    @property
    def url(self) -> str:
        return f"https://kexue.fm/archives/{self.archive}"

    def apa(self) -> str:
        when = f"{self.date.year}, {self.date.strftime('%B')} {self.date.day}"
        return f"{AUTHOR_EN} ({when}). {self.title_zh} [{self.title_en}] [Blog post]. {SITE}. {self.url}"

    def bibtex(self) -> str:
        return (
            f"@online{{kexuefm-{self.archive},\n"
            f"  title={{{self.title_zh}}},\n"
            f"  author={{{AUTHOR_ZH}}},\n"
            f"  year={{{self.date.year}}},\n"
            f"  month={{{self.date.strftime('%b')}}},\n"
            f"  url={{\\url{{{self.url}}}}},\n"
            f"}}"
        )


ARTICLES: dict[str, Article] = {
    a.tab_id: a
    for a in [
        Article(
            "ogan",
            6409,
            "O-GAN：简单修改，让GAN的判别器变成一个编码器！",
            "O-GAN: a simple change that turns a GAN's discriminator into an encoder",
            dt.date(2019, 3, 6),
            related=(("arXiv 1903.01931", "https://arxiv.org/abs/1903.01931"),),
        ),
        Article(
            "gan_arch",
            6549,
            "从DCGAN到SELF-MOD：GAN的模型架构发展一览",
            "From DCGAN to SELF-MOD: a tour of GAN architectures",
            dt.date(2019, 4, 19),
            related=(
                ("SELF-MOD, arXiv 1810.01365", "https://arxiv.org/abs/1810.01365"),
                ("Distill: checkerboard artifacts", "https://distill.pub/2016/deconv-checkerboard/"),
            ),
        ),
        Article(
            "smooth",
            6620,
            "函数光滑化杂谈：不可导函数的可导逼近",
            "Smoothing functions: differentiable approximations of non-differentiable functions",
            dt.date(2019, 5, 20),
            related=(("寻求一个光滑的最大值函数 (2015)", "https://kexue.fm/archives/3290"),),
        ),
        Article(
            "terms",
            6540,
            "分享一次专业领域词汇的无监督挖掘",
            "Unsupervised mining of a domain's vocabulary",
            dt.date(2019, 4, 10),
            related=(
                ("新词发现 (3913)", "https://kexue.fm/archives/3913"),
                ("最小熵原理 (5476)", "https://kexue.fm/archives/5476"),
            ),
        ),
        Article(
            "iresnet",
            6482,
            "细水长flow之可逆ResNet：极致的暴力美学",
            "Flow models, part 3: the invertible ResNet, brute force at its most elegant",
            dt.date(2019, 3, 21),
            related=(
                ("arXiv 1811.00995", "https://arxiv.org/abs/1811.00995"),
                ("Residual Flows, arXiv 1906.02735", "https://arxiv.org/abs/1906.02735"),
            ),
        ),
        Article(
            "onlstm",
            6621,
            "ON-LSTM：用有序神经元表达层次结构",
            "ON-LSTM: expressing hierarchy with ordered neurons",
            dt.date(2019, 5, 28),
            related=(("arXiv 1810.09536", "https://arxiv.org/abs/1810.09536"),),
        ),
        Article(
            "cln",
            7124,
            "基于Conditional Layer Normalization的条件文本生成",
            "Conditional text generation with Conditional Layer Normalization",
            dt.date(2019, 12, 14),
            related=(("bert4keras", "https://github.com/bojone/bert4keras"),),
        ),
        Article(
            "guide",
            6508,
            "科学空间浏览指南（FAQ）",
            "A browsing guide to Scientific Spaces (FAQ)",
            dt.date(2019, 3, 26),
        ),
    ]
}

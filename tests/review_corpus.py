"""Folders of generated appraisal reports for `appraisal review`'s tests and benchmark (written for this project).

Each report follows the cadre-annual form (title, salutation, the opening formula, the numbered headings, body,
落款) and is 2,000–4,000 字 of sentences put together at random from phrase lists, names and figures, so two
reports share no run of 50 字 unless one is planted: the phrasing every report shares (salutation, 现将…报告如下,
headings, the guiding-thought formula) is shorter than that. Some reports get the defects an office sends back:
a placeholder, a missing figure, a missing section, last year's date opening a paragraph, half-width commas.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯健俊帆雪琳晨欣博然"
PLACE = "东西南北中新安和平兴福宁康泰华明阳光河山湖江溪桥城川林丰源盛茂隆昌荣祥瑞德顺永长青云岭峰"
TOPICS = [
    "营商环境优化",
    "项目建设",
    "招商引资",
    "民生保障",
    "乡村振兴",
    "安全生产",
    "生态环境保护",
    "基层治理",
    "数字政府建设",
    "城市更新",
    "农村人居环境整治",
    "政务服务改革",
    "产业链培育",
    "消费市场提振",
    "信访积案化解",
    "防汛抗旱",
    "文明城市创建",
    "养老服务体系",
    "教育资源布局",
    "医疗服务能力",
    "就业创业",
    "财政收支管理",
]
ACTIONS = [
    "牵头协调",
    "组织推进",
    "跟踪督办",
    "统筹谋划",
    "具体落实",
    "深入调研",
    "研究制定",
    "集中攻坚",
    "分类推进",
    "逐项销号",
    "上门服务",
    "现场办公",
    "专题研究",
    "联合检查",
    "常态化开展",
    "全程代办",
]
OBJECTS = [
    ("重点项目", "个"),
    ("企业诉求", "件"),
    ("专项行动", "次"),
    ("村级集体经济", "个村"),
    ("老旧小区", "个"),
    ("培训班", "期"),
    ("政策文件", "份"),
    ("矛盾纠纷", "起"),
    ("督查检查", "次"),
    ("惠企资金", "万元"),
    ("新增就业岗位", "个"),
    ("道路改造", "公里"),
    ("高标准农田", "亩"),
    ("隐患整改", "处"),
    ("走访企业", "家"),
]
RESULTS = [
    "群众满意度明显提升",
    "得到上级部门肯定",
    "形成了可复制的经验做法",
    "全年目标任务顺利完成",
    "工作成效在全市考评中位居前列",
    "相关做法被省级简报刊发",
    "有效化解了一批历史遗留问题",
    "各项指标稳中有进",
]
SLOGANS = [
    "坚持以习近平新时代中国特色社会主义思想为指导",
    "深入学习贯彻党的二十大和二十届历次全会精神",
    "牢固树立以人民为中心的发展思想",
    "严格落实中央八项规定及其实施细则精神",
]
HEADINGS = [
    ("一、品行修养", None),
    ("二、理论学习", None),
    ("三、四项主要工作实绩", "group"),
    ("（一）服务中心实绩", None),
    ("（二）分管工作实绩", None),
    ("（三）创新创优实绩", None),
    ("（四）有潜在、长远效应基础工作实绩", None),
    ("四、党建工作", None),
    ("五、依法行政", None),
    ("六、廉政建设", None),
    ("七、最不满意的一项工作和急需提高的一个方面能力", "group"),
    ("（一）最不满意的一项工作", None),
    ("（二）急需提高的一个方面能力", None),
]
DEFECTS = ("placeholder", "missing-figure", "missing-section", "last-year", "halfwidth")


@dataclass
class Report:
    path: Path
    name: str
    year: int
    defects: tuple[str, ...]
    paragraphs: list[str]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _place(rng: random.Random) -> str:
    return "".join(rng.sample(PLACE, 2)) + rng.choice(("街道", "村", "园区", "片区", "路", "镇"))


def sentence(rng: random.Random, year: int) -> str:
    """One sentence of 30–60 字, its words and figures drawn at random."""
    thing, unit = rng.choice(OBJECTS)
    month = rng.randint(1, 12)
    parts = [
        f"{month}月以来，" if rng.random() < 0.3 else "",
        f"围绕{rng.choice(TOPICS)}，{rng.choice(('本人', '我', '本人', ''))}",
        f"在{_place(rng)}{rng.choice(ACTIONS)}{thing}{rng.randint(3, 980)}{unit}，",
        f"协调解决{_place(rng)}等地问题{rng.randint(2, 90)}个，" if rng.random() < 0.5 else "",
        f"{rng.choice(RESULTS)}。",
    ]
    return "".join(parts)


def paragraph(rng: random.Random, year: int, chars: int) -> str:
    out = ""
    while len(out) < chars:
        out += sentence(rng, year)
    return out


def report_text(rng: random.Random, name: str, year: int, zi: int, defects: tuple[str, ...]) -> list[str]:
    """The report's paragraphs: title, salutation, body under numbered headings, 落款."""
    text_sections = [h for h, kind in HEADINGS if kind is None]
    dropped = rng.choice(text_sections[3:]) if "missing-section" in defects else None
    per_section = zi // len(text_sections)
    lines = [f"{year}年度考核个人总结", "尊敬的各位领导、同志们："]
    lines.append(
        f"{year}年，我{rng.choice(SLOGANS)}，认真履行{_place(rng)}工作职责。现将本人{year}年度思想和工作情况报告如下："
    )
    for heading, kind in HEADINGS:
        if heading == dropped:
            continue
        lines.append(heading)
        if kind == "group":
            continue
        for _ in range(2):
            lines.append(paragraph(rng, year, per_section // 2))
    body = [i for i, line in enumerate(lines) if len(line) > 60]
    if "placeholder" in defects:
        i = rng.choice(body)
        lines[i] = lines[i].replace("，", "，全年共完成XX项任务，", 1)
    if "missing-figure" in defects:
        i = rng.choice(body)
        lines[i] = lines[i].replace("。", "，完成固定资产投资亿元。", 1)
    if "last-year" in defects:
        i = rng.choice(body)
        lines[i] = f"{year - 1}年12月，" + lines[i]
    if "halfwidth" in defects:
        i = rng.choice(body)
        lines[i] = lines[i].replace("，", ",")
    lines.append("以上报告，请予审议。不妥之处，敬请批评指正。")
    lines += [name, f"{year}年12月{rng.randint(1, 28)}日"]
    return lines


def write(path: Path, lines: list[str]) -> None:
    if path.suffix == ".docx":
        from docx import Document

        document = Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(str(path))
    elif path.suffix == ".md":
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_folder(
    folder: Path,
    count: int,
    *,
    seed: int = 1,
    year: int = 2026,
    defect_rate: float = 0.4,
    suffixes: tuple[str, ...] = (".docx", ".txt", ".md"),
) -> list[Report]:
    """`count` reports in `folder` (a third in sub-folders by 科室), 2,000–4,000 字 each."""
    rng = random.Random(seed)
    reports = []
    for number in range(count):
        name = _name(rng)
        defects = tuple(d for d in DEFECTS if rng.random() < defect_rate / 2) if rng.random() < defect_rate else ()
        lines = report_text(rng, name, year, rng.randint(2000, 4000), defects)
        sub = folder / f"第{number % 3 + 1}科" if number % 3 else folder
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{number + 1:04d}-{name}{suffixes[number % len(suffixes)]}"
        write(path, lines)
        reports.append(Report(path, name, year, defects, lines))
    return reports


def plant(reports: list[Report], passage: str, *holders: int) -> None:
    """Put `passage` as a paragraph of its own into the given reports (after their second body paragraph)."""
    for number in holders:
        report = reports[number]
        lines = list(report.paragraphs)
        at = next(i for i, line in enumerate(lines) if line.startswith("二、")) + 1
        lines.insert(at, passage)
        report.paragraphs = lines
        write(report.path, lines)


PLANTED = (
    "针对辖区老旧厂房闲置多年、产权关系复杂的情况，本人带领专班逐户摸清底数，会同自然资源、住建和税务部门"
    "建立联审机制，采取收储一批、盘活一批、改造一批的办法，引入文化创意和智能制造企业入驻，"
    "把沉睡多年的低效用地变成了带动就业的新平台，周边群众称之为家门口的产业园，这项工作也让我深刻体会到"
    "抓落实必须敢于啃硬骨头。"
)

"""Chinese names in pinyin order, as a 花名册 lists them (李明 before 王芳 before 张伟), not in code-point order
(张 U+5F20 before 李 U+674E before 王 U+738B). The readings are the checker's (`checks/data/chars.txt`, made from
pypinyin: the usual reading first); a surname that reads otherwise as a surname (单 shàn, 曾 zēng) is read so at
the start of a name."""

from __future__ import annotations

from functools import cache
from importlib import resources

# Surnames whose usual reading as a word is not their reading as a surname.
_SURNAMES = {
    "单": "shan4",
    "曾": "zeng1",
    "解": "xie4",
    "仇": "qiu2",
    "查": "zha1",
    "朴": "piao2",
    "区": "ou1",
    "盖": "ge3",
    "乐": "yue4",
    "任": "ren2",
    "华": "hua4",
    "覃": "qin2",
    "缪": "miao4",
    "折": "she2",
    "尉": "yu4",
    "员": "yun4",
    "种": "chong2",
    "召": "shao4",
    "繁": "po2",
    "翟": "zhai2",
    "长": "chang2",
    "重": "chong2",
}


@cache
def _readings() -> dict[str, str]:
    """Each character's usual reading with its tone (`ming2`; the neutral tone as 5)."""
    data = resources.files("appraisal.checks").joinpath("data", "chars.txt").read_text(encoding="utf-8")
    readings: dict[str, str] = {}
    for line in data.splitlines():
        if line.startswith(("#", "=")):
            continue
        ch, _, rest = line.partition("\t")
        usual = rest.split("\t")[0].split(" ")[0]
        if len(ch) == 1 and usual:
            readings[ch] = usual if usual[-1].isdigit() else usual + "5"
    return readings


def pinyin_key(text: str, *, name: bool = False) -> str:
    """A key that sorts `text` in pinyin order: each character by its reading and tone (`li3 ming2`), other
    characters as they are (lower case). `name`: the first character is read as a surname."""
    readings = _readings()
    parts: list[str] = []
    for index, ch in enumerate(text):
        reading = _SURNAMES.get(ch) if name and index == 0 else None
        parts.append(reading or readings.get(ch) or ch.lower())
    return " ".join(parts)


def path_key(shown: str) -> tuple[str, str]:
    """A file's place in the list: its path below the folder in pinyin order, each part's first character read as
    a surname (files are mostly named after their writer: `张三.docx`, `一科/李四述职.docx`); ties by the name."""
    return "/".join(pinyin_key(part, name=True) for part in shown.split("/")), shown

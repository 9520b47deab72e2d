"""Text marked as classified (秘密, 机密, 绝密) or internal (内部) is never sent to a model.

The guard reads text as a person does, not as a string: before matching, each character is NFKC-normalised (full
width brackets and stars become their plain forms), the marking words' traditional forms become simplified (機密,
絕密, 內部資料, 密級), and every whitespace (ASCII, ideographic, line breaks) and invisible character (zero width,
soft hyphen, word joiner, variation selector) is dropped, so `机\u200b密`, `内 部 资 料` and `秘密\n★` are what
they look like. Every star glyph (★ ☆ ✭ ✱ * ＊, the Wingdings star Word inserts) and every bracket shape
(【】〖〗「」［］（）…) counts, and ㊙ is a marking by itself.

What counts as marked (SPEC §8: "text marked 秘密/机密/绝密 or 内部"):
- 绝密 and 机密 anywhere: a self-review has no need of them, and a false alarm only costs the user an edit;
- 秘密 and 内部 are ordinary words (严守国家秘密, 内部控制, 内部审计), so only as markings: 秘密 next to a star
  (`秘密★1年`, `★秘密`), 秘密 or 内部 alone in brackets (`【内部】`, `（秘密）`, `〖内部资料〗` — a bracketed
  topic such as `【内部控制】` is a heading, not a marking), 内部资料 / 内部文件 / 内部材料 / 内部参考 / 内部刊物 /
  内部传阅 / 内部使用, 仅限内部 / 仅供内部 / 限于内部, 注意保密, 密级, and ㊙.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from appraisal.text.lazy_regex import lazy_compile

# Traditional (and Japanese) forms of the characters the markings are written with; only for matching.
_SIMPLIFIED = str.maketrans("機絕絶內級資參傳閱僅於祕", "机绝绝内级资参传阅仅于秘")
# ㊙ (CIRCLED IDEOGRAPH SECRET) is a marking by itself; NFKC would make it a bare 秘, so it is kept as it is.
_CIRCLED_SECRET = "㊙"
_STARS = (
    "*⁎⁑∗⊛⋆⍟★☆⚝✡\u2722-\u273d❂❃❉❊❋⧆⭐⭑⭒\u2be8-\u2beb🌟🔯\U0001f7af-\U0001f7d4"
    "\uf02a\uf0a9-\uf0b6"  # the Symbol and Wingdings stars Word stores in the private use area
)
_OPEN = "【〖「『\\[(〔<《〈{⦅〘〚⟦⟨❲❰⸢⸤﹁﹃"
_CLOSE = "】〗」』\\])〕>》〉}⦆〙〛⟧⟩❳❱⸣⸥﹂﹄"
_INTERNAL_WORDS = "资料|文件|材料|参考|刊物|传阅|使用"
# 手机, 飞机, 计算机, 危机…, and 密码, 密切, 密集…: together they make 机密 without meaning it.
_MACHINE_WORDS = set("手飞司电主单客危时契转生有随算印音拉录换耳相")
_DENSE_WORDS = set("码切集度封布植")

_MARKED = lazy_compile(
    rf"绝密|机密|{_CIRCLED_SECRET}"
    rf"|[{_STARS}]+秘密|秘密[{_STARS}]"
    rf"|[{_OPEN}](?:秘密|内部)(?:{_INTERNAL_WORDS})?[{_STARS}]?[^{_CLOSE}{_OPEN}]{{0,6}}?[{_CLOSE}]"
    rf"|内部(?:{_INTERNAL_WORDS})|内部[{_STARS}]"
    r"|(?:仅限|仅供|限于)内部"
    r"|注意保密"
    r"|密级"
)
# What may follow 秘密/内部 inside brackets and still be a marking: a period of secrecy (`★1年`, `★长期`) or a
# plain suffix of the internal words. A topic (`【内部控制】`, `（内部审计）`) is not.
_BRACKETED_REST = lazy_compile(rf"^[{_STARS}]?(?:\d+年|长期|\d+个月)?$")


@dataclass(frozen=True)
class SecretMark:
    """Where a marking was found (a label such as 原文 or 素材第3条) and the marking as it stands in the text
    (its spaces and invisible characters left out)."""

    where: str
    marking: str


def _invisible(char: str) -> bool:
    """Whitespace, format characters (zero width, soft hyphen, BOM, word joiner) and variation selectors."""
    return char.isspace() or unicodedata.category(char) == "Cf" or "\ufe00" <= char <= "\ufe0f"


def normalised(text: str) -> tuple[str, list[int]]:
    """`text` as the guard reads it, and for each of its characters the index of the character it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if _invisible(char):
            continue
        plain = char if char == _CIRCLED_SECRET else unicodedata.normalize("NFKC", char).translate(_SIMPLIFIED)
        for piece in plain:
            if not _invisible(piece):
                chars.append(piece)
                origin.append(index)
    return "".join(chars), origin


def _is_marking(match: re.Match[str]) -> bool:
    found = match.group()
    if found == "机密":  # 手机密码, 计算机密切: a word ending in 机 before one starting with 密
        text, start, end = match.string, match.start(), match.end()
        return not (start > 0 and text[start - 1] in _MACHINE_WORDS and end < len(text) and text[end] in _DENSE_WORDS)
    if found[0] not in _OPEN.replace("\\", ""):
        return True
    inner = re.sub(rf"^(?:秘密|内部)(?:{_INTERNAL_WORDS})?", "", found[1:-1])
    return _BRACKETED_REST.match(inner) is not None


def _markings(text: str) -> list[str]:
    plain, origin = normalised(text)
    found: list[str] = []
    position = 0
    while (match := _MARKED.search(plain, position)) is not None:
        if not _is_marking(match):  # a bracketed topic: what follows its opening bracket is read again
            position = match.start() + 1
            continue
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        found.append("".join(c for c in text[start:end] if not _invisible(c)))
        position = match.end()
    return found


def secret_marks(texts: Sequence[tuple[str, str]]) -> list[SecretMark]:
    """The markings in each (label, text) pair, in order."""
    return [SecretMark(label, marking) for label, text in texts for marking in _markings(text)]

"""Text marked as classified (秘密, 机密, 绝密) or internal (内部) is never sent to a model.

绝密 and 机密 are refused wherever they appear: a self-review has no need of them and a false alarm only costs the
user an edit. 秘密 and 内部 are ordinary words (严守国家秘密, 内部管理), so they are refused as markings only: with
★ (`秘密★1年`), in brackets (`【内部】`), after 密级, or as 内部资料 / 内部文件 / 仅限内部 and the like.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_MARKED = re.compile(
    r"绝密|机密"
    r"|[★☆]\s*秘密|秘密\s*[★☆]"
    r"|[【\[〔［（(<《]\s*(?:秘密|内部)[^】\]〕］）)>》]{0,6}[】\]〕］）)>》]"
    r"|密\s*级"
    r"|内部(?:资料|文件|材料|使用|参考|刊物|传阅|事项|情况)"
    r"|(?:仅限|仅供|限于)内部"
    r"|注意保密"
)


@dataclass(frozen=True)
class SecretMark:
    """Where a marking was found (a label such as 原文 or 素材第 3 条) and the marking itself."""

    where: str
    marking: str


def secret_marks(texts: Sequence[tuple[str, str]]) -> list[SecretMark]:
    """The markings in each (label, text) pair, in order."""
    return [SecretMark(label, m.group()) for label, text in texts for m in _MARKED.finditer(text)]

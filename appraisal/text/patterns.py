"""Date and number patterns several parts of the program look for, written once."""

from __future__ import annotations

from appraisal.text.lazy_regex import lazy_compile

YEAR_NIAN = lazy_compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
"""A four-digit year of this or the last century followed by 年 (`2025年`, `2025 年度`): group 1 is the year."""

MEASURES = (
    r"(?:万|亿|%|％|元|个|人|户|次|家|项|件|条|名|所|场|期|批|篇|座|处|台|辆|套|份|间|株|头|只|起|岁|倍|天|周"
    r"|小时|分钟|公里|千米|米|吨|亩|平方米|公顷|学年|季度|年|月|日|号|楼|层|页|章|节|课|级|届|位)"
)
"""What may follow a figure as its unit or measure word (a regex group): a range's unit, 余 and 多 after a figure,
a figure split from its measure word across two lines."""

PAGE_NUMBER_LINE = lazy_compile(
    r"[ \t\u3000]*(?:[-－—–‐·•][ \u3000]*[0-9０-９]{1,3}[ \u3000]*[-－—–‐·•]"
    r"|第[ \u3000]*[0-9０-９]{1,3}[ \u3000]*页(?:[ \u3000]*[，,/]?[ \u3000]*共[ \u3000]*[0-9０-９]{1,3}[ \u3000]*页)?"
    r"|[0-9０-９]{1,3}[ \u3000]*/[ \u3000]*[0-9０-９]{1,3}|[0-9０-９]{1,3})[ \t\u3000]*"
)
"""A line that is only a page number left from a PDF (`— 3 —`, `- 12 -`, `第3页 共12页`, `3/12`, `7`): use
`fullmatch`."""

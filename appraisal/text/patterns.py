"""Date and number patterns several parts of the program look for, written once."""

from __future__ import annotations

from appraisal.text.lazy_regex import lazy_compile

YEAR_NIAN = lazy_compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
"""A four-digit year of this or the last century followed by 年 (`2025年`, `2025 年度`): group 1 is the year."""

PAGE_NUMBER_LINE = lazy_compile(
    r"[ \t\u3000]*(?:[-－—–‐·•][ \u3000]*[0-9０-９]{1,3}[ \u3000]*[-－—–‐·•]"
    r"|第[ \u3000]*[0-9０-９]{1,3}[ \u3000]*页(?:[ \u3000]*[，,/]?[ \u3000]*共[ \u3000]*[0-9０-９]{1,3}[ \u3000]*页)?"
    r"|[0-9０-９]{1,3}[ \u3000]*/[ \u3000]*[0-9０-９]{1,3}|[0-9０-９]{1,3})[ \t\u3000]*"
)
"""A line that is only a page number left from a PDF (`— 3 —`, `- 12 -`, `第3页 共12页`, `3/12`, `7`): use
`fullmatch`."""

"""Date and number patterns several parts of the program look for, written once."""

from __future__ import annotations

from appraisal.text.lazy_regex import lazy_compile

YEAR_NIAN = lazy_compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
"""A four-digit year of this or the last century followed by 年 (`2025年`, `2025 年度`): group 1 is the year."""

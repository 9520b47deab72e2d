"""The writer's particulars in a document: `姓名：张三　单位：…` lines, the 落款 (name and date at the end) and the
year in the title. Each finder returns spans into the line, so the importer can account for every character."""

from __future__ import annotations

import re
from dataclasses import dataclass

from appraisal.draft import YEARS
from appraisal.text.chars import HAN
from appraisal.text.lazy_regex import lazy_compile

_CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_YEAR = r"(?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4})"
_MONTH_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_DATE = lazy_compile(
    rf"(?P<year>{_YEAR})\s*年\s*(?P<month>{_MONTH_DAY})\s*月(?:\s*{_MONTH_DAY}\s*[日号])?"
    r"|(?P<y2>\d{4})\s*[.\-/．]\s*(?P<m2>\d{1,2})(?:\s*[.\-/．]\s*\d{1,2})?"
)
_DATE_LABEL = lazy_compile(r"(?:日期|时间)\s*[:：]\s*")
_TITLE_YEAR = lazy_compile(rf"(?P<year>{_YEAR})\s*年")
_YEAR_LABEL = lazy_compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年度")
_DATE_MAX_CHARS = 80  # `日期：二〇二六年十二月三十一日` with generous spacing fits well within this

_NAME = rf"[{HAN}Xx×]{{2,4}}|[{HAN}]{{1,6}}[·•．.][{HAN}]{{1,8}}"
_NAME_ONLY = lazy_compile(rf"(?:{_NAME})")
_NAME_LABELS = r"姓\s*名|述职人|报告人|总结人|撰写人|填报人|签\s*名|署\s*名|本\s*人"
_LABELS = {
    "name": _NAME_LABELS,
    "unit": r"工作单位|所在单位|单\s*位|部\s*门|处\s*室|科\s*室",
    "position": r"现任职务|职\s*务|岗\s*位|职\s*位",
}
_LABEL = lazy_compile(
    "(?:" + "|".join(f"(?P<{field}>{pattern})" for field, pattern in _LABELS.items()) + r")\s*[:：]\s*"
)
_UNIT_SUFFIX = lazy_compile(
    r"(?:局|委|办|厅|部|院|所|中心|科|处|室|队|站|公司|学校|大学|医院|镇|乡|街道|政府|委员会|办公室|支部|党委|党组|馆|社区|村|组|股|台|会)$"
)
_NOT_SIGNATURE = lazy_compile(r"特此|报告|评议|审议|此致|敬礼|谢谢|以上|指正|总结|计划|述职|述廉|前言|引言|开头|结束")
_SENTENCE = set('。；;，,！!？?、“”"')


@dataclass(frozen=True)
class Field:
    """A profile value found in a line: which field, and where its value is (offsets into the line)."""

    name: str  # "name", "unit", "position", "date"
    start: int
    end: int


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if all(ch in _CN_DIGITS for ch in text) and len(text) == 4:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    value = 0
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
        return value
    return _CN_DIGITS.get(text, 0)


def year_in_title(text: str) -> int | None:
    """`2026年度个人总结` → 2026; also written in Chinese numerals (二〇二六年度)."""
    match = _TITLE_YEAR.search(text)
    if not match:
        return None
    year = _cn_number(match.group("year"))
    return year if year in YEARS else None


def years_named(text: str) -> list[int]:
    """Every `2026年度` in the text, as years."""
    return [int(m.group(1)) for m in _YEAR_LABEL.finditer(text)]


_YEAR_MENTION = lazy_compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!度)")


def years_mentioned(text: str) -> list[int]:
    """Every `2023年` (not `2023年度`) in the text, as years."""
    return [int(m.group(1)) for m in _YEAR_MENTION.finditer(text)]


def date_line(text: str) -> tuple[int, int, int] | None:
    """A line that is only a date (`2026年12月20日`, `二〇二六年十二月`, `2026.12.20`, `日期：…`):
    (start, end, appraisal year). A report signed in January to March is about the year before."""
    start = 0
    label = _DATE_LABEL.match(text)
    if label:
        start = label.end()
    match = _DATE.fullmatch(text, start)
    if not match:
        return None
    year = _cn_number(match.group("year") or match.group("y2"))
    month = _cn_number(match.group("month") or match.group("m2"))
    if not (year in YEARS and 1 <= month <= 12):
        return None
    return start, len(text), year - 1 if month <= 3 else year


def _looks_like_name(text: str) -> bool:
    return bool(_NAME_ONLY.fullmatch(text)) and not _NOT_SIGNATURE.search(text)


_CELL_LABEL = lazy_compile(
    "(?:" + "|".join(f"(?P<{field}>{pattern})" for field, pattern in _LABELS.items()) + r")\s*[:：]?"
)


def cell_label(text: str) -> str | None:
    """The profile field a form cell such as `姓 名` or `现任职务：` labels, if any."""
    match = _CELL_LABEL.fullmatch(text)
    if match is None:
        return None
    return next(name for name in _LABELS if match.group(name))


def plausible(field: str, value: str) -> bool:
    """Whether `value` can be what a form cell labelled `field` holds."""
    if field == "name":
        return _looks_like_name(value)
    return 0 < len(value) <= 40 and not any(ch in _SENTENCE for ch in value) and "\n" not in value


def labelled_fields(text: str) -> list[Field] | None:
    """`姓名：张三　单位：XX局　职务：科长` — a line made only of labelled particulars, else None."""
    matches = list(_LABEL.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    fields: list[Field] = []
    for i, match in enumerate(matches):
        value_end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end() : value_end]
        stripped = value.strip()
        if not stripped or any(ch in _SENTENCE for ch in stripped) or len(stripped) > 40:
            return None
        start = match.end() + (len(value) - len(value.lstrip()))
        field = next(name for name in _LABELS if match.group(name))
        if field == "name" and not _looks_like_name(stripped):
            return None
        fields.append(Field(field, start, start + len(stripped)))
    return fields


def signature_fields(text: str) -> list[Field] | None:
    """A 落款 line: `张三`, `述职人：张三`, `XX局办公室　张三`, or one of these followed by a date."""
    labelled = labelled_fields(text)
    if labelled is not None:
        return labelled
    if len(text) > 40 or any(ch in _SENTENCE for ch in text):
        return None
    if _looks_like_name(text):
        return [Field("name", 0, len(text))]
    parts = list(re.finditer(r"\S+", text))
    if len(parts) >= 2 and _looks_like_name(parts[-1].group()):
        unit_start, unit_end = parts[0].start(), parts[-2].end()
        if _UNIT_SUFFIX.search(text[unit_start:unit_end]) and not _NOT_SIGNATURE.search(text):
            return [Field("unit", unit_start, unit_end), Field("name", parts[-1].start(), parts[-1].end())]
    if _UNIT_SUFFIX.search(text) and not re.search(r"\s", text) and not _NOT_SIGNATURE.search(text):
        return [Field("unit", 0, len(text))]
    return None


def signature_with_date(text: str) -> tuple[list[Field], int] | None:
    """A line with a date at its end and, optionally, a name before it: fields and the appraisal year."""
    dated = date_line(text)
    if dated is not None:
        return [Field("date", dated[0], dated[1])], dated[2]
    for match in re.finditer(r"\s+", text):
        if len(text) - match.end() > _DATE_MAX_CHARS:
            continue  # far too long to be a date: not copied, so that a huge last line costs linear time
        head, tail = text[: match.start()], text[match.end() :]
        tail_date = date_line(tail)
        if tail_date is None:
            continue
        fields = signature_fields(head)
        if fields is None:
            return None
        offset = match.end()
        return [*fields, Field("date", offset + tail_date[0], offset + tail_date[1])], tail_date[2]
    return None

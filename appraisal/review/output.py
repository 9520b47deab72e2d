"""How a review is written: `table` for the terminal, `csv` for WPS/Excel, `json` for scripts (SPEC §10), `html`
(in `appraisal.review.html`). Each format is one record of FORMATS; the command's choices come from it.

The table fits 100 columns, counting a Chinese character as two: one line per report (sent back first), its
reasons on the lines below it, then the shared passages. The CSV is UTF-8 with a byte-order mark, which is how
Excel and WPS know it is not in the local code page, one row per report, errors and warnings by family in columns.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from appraisal.review.overview import by_files, ordered, summary
from appraisal.review.row import FAMILY_NAMES
from appraisal.review.run import Review
from appraisal.review.written import COLUMNS, TABLE_HEADER
from appraisal.text.lists import name_list

WIDTH = 100
_QUOTE = 80  # characters of a passage quoted in the table (the HTML and JSON give it whole)


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    write: Callable[[Review], bytes]
    help: str


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells (…… marks a cut) and padded with spaces to exactly `width`."""
    if cells(text) > width:
        while cells(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - cells(text))


def wrap(text: str, width: int, indent: str) -> list[str]:
    """`text` in lines of at most `width` cells after `indent`; no line starts with closing punctuation."""
    lines: list[str] = []
    line = ""
    for ch in text:
        if cells(indent + line + ch) > width and line and ch not in "，。、；：？！）》”’":
            lines.append(indent + line)
            line = ""
        line += ch
    lines.append(indent + line)
    return lines


def table(review: Review) -> bytes:
    out = [TABLE_HEADER]  # how a later review knows the file for a result, not a report (`written`)
    for row in ordered(review):
        template = row.template_name.split("（")[0] or ("—" if row.error else "未识别")  # the name without （…）
        values = (
            row.verdict,
            row.file,
            row.name or "—",
            template,
            str(row.year or "—"),
            "—" if row.error else str(row.errors),
            "—" if row.error else str(row.warnings),
        )
        out.append(" ".join(fit(v, w) for v, (_, w) in zip(values, COLUMNS, strict=True)).rstrip())
        for reason in row.reasons:
            out.extend(wrap(f"· {reason}", WIDTH, " " * 11))
    out.append("")
    for files, numbers in by_files(review):
        total = sum(review.shared[n].chars for n in numbers)
        names = "、".join(review.rows[r].file for r in files)
        out.extend(wrap(f"{names}：相同段落 {len(numbers)} 处，共 {total} 字", WIDTH, ""))
        for n in numbers:
            passage = review.shared[n]
            where = "；".join(f"第{p}段" for _, p in passage.places)
            quote = passage.text if len(passage.text) <= _QUOTE else passage.text[:_QUOTE] + "……"
            out.extend(wrap(f"{n + 1}. （{passage.chars} 字，{where}）“{quote}”", WIDTH, "    "))
    out.extend(wrap(summary(review), WIDTH, ""))
    return "".join(line + "\n" for line in out).encode("utf-8")


# ---------------------------------------------------------------- csv


def csv_bytes(review: Review) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    families = list(FAMILY_NAMES)
    writer.writerow(
        [
            "结论",
            "原因",
            "文件",
            "姓名",
            "模板",
            "年度",
            "字数",
            "缺少栏目",
            "错误",
            "提示",
            *(f"{FAMILY_NAMES[f]}（错误）" for f in families),
            *(f"{FAMILY_NAMES[f]}（提示）" for f in families),
        ]
    )
    for row in ordered(review):
        writer.writerow(
            [
                row.verdict,
                "；".join(row.reasons),
                row.file,
                row.name,
                row.template_name or ("" if row.error else "未识别"),
                row.year or "",
                "" if row.error else row.zi,
                name_list(row.missing),
                "" if row.error else row.errors,
                "" if row.error else row.warnings,
                *(row.families.get(f, (0, 0))[0] for f in families),
                *(row.families.get(f, (0, 0))[1] for f in families),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


# ---------------------------------------------------------------- json


def as_json(review: Review) -> dict[str, object]:
    """SPEC §10's shape, with the verdict, reasons, missing sections and counts by family added to each report."""
    reports: list[dict[str, object]] = []
    for row in review.rows:
        entry: dict[str, object] = {
            "file": row.file,
            "name": row.name,
            "template": row.template,
            "year": row.year,
            "errors": row.errors,
            "warnings": row.warnings,
            "verdict": row.verdict,
            "reasons": row.reasons,
            "missing": row.missing,
            "families": {family: {"errors": e, "warnings": w} for family, (e, w) in row.families.items()},
            "findings": [
                {
                    "rule": f.rule,
                    "severity": f.severity,
                    "family": f.family,
                    "place": f.place,
                    "message": f.message,
                    "count": f.count,
                }
                for f in row.findings
            ],
        }
        if row.error is not None:
            entry["error"] = row.error
        reports.append(entry)
    shared = [
        {
            "files": [review.rows[r].file for r in passage.reports],
            "text": passage.text,
            "chars": passage.chars,
            "places": [{"file": review.rows[r].file, "paragraph": p} for r, p in passage.places],
        }
        for passage in review.shared
    ]
    return {"reports": reports, "shared": shared, "interrupted": review.interrupted, "total": review.total}


def json_bytes(review: Review) -> bytes:
    return (json.dumps(as_json(review), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _html(review: Review) -> bytes:
    from appraisal.review.html import html_bytes

    return html_bytes(review)


FORMATS = {
    f.name: f
    for f in (
        Format("table", ".txt", table, "终端表格（默认）"),
        Format("csv", ".csv", csv_bytes, "WPS、Excel 可直接打开的表格"),
        Format("html", ".html", _html, "可排序、可打印的网页报告"),
        Format("json", ".json", json_bytes, "供程序读取"),
    )
}

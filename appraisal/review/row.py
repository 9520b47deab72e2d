"""What `appraisal review` knows of one report: its row (file, name, template, year, findings by family, verdict).

A row is built in a worker process (`appraisal.review.read`) and sent back whole, so it holds plain values only.
The verdict is decided afterwards in the main process (`decide`), once the passages shared with other reports are
known: a report is sent back (需退回修改) for an error of the checker, a missing section, a year that is not the
report's own (last year's text left in), another year than the one under review, a passage shared with another
report, or a file that cannot be read; otherwise it can go up (可以上报), whatever its other warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from appraisal.review.shared import Prints
from appraisal.text.lists import name_list

PASS = "可以上报"
RETURN = "需退回修改"
# Warnings that still send a report back: last year's dates left in (the office returns those, SPEC §10).
SENT_BACK_WARNINGS = frozenset({"year-mismatch"})

# The checker's rule families (`Rule.family`) as the office reads them; an unknown family shows its own name.
FAMILY_NAMES = {
    "completeness": "未填写完整",
    "facts": "事实核对",
    "language": "语言文字",
    "layout": "格式",
    "length": "篇幅",
    "numbers": "数字用法",
    "punctuation": "标点",
    "repetition": "重复",
    "wording": "提法",
}


@dataclass(frozen=True)
class ReviewFinding:
    """One finding (or identical ones of a paragraph, `count`) as the review lists it."""

    rule: str
    title: str  # the rule's Chinese name (占位符)
    family: str
    severity: str  # "error" / "warning"
    place: str  # 第N段第M字, or "" for the report as a whole
    message: str
    count: int = 1


@dataclass
class ReportRow:
    """One report. `error` is set (and nothing else is known) when the file could not be read."""

    file: str  # as shown: relative to the folder it was found in
    path: str  # absolute, for the HTML links and scripts
    name: str = ""
    template: str | None = None  # id, when the template was given or recognised with confidence
    template_name: str = ""
    year: int | None = None
    missing: list[str] = field(default_factory=list)  # titles of the required sections with no text
    errors: int = 0
    warnings: int = 0
    families: dict[str, tuple[int, int]] = field(default_factory=dict)  # family → (errors, warnings)
    findings: list[ReviewFinding] = field(default_factory=list)
    error: str | None = None
    zi: int = 0
    # The body's segments and fingerprints (`appraisal.review.shared.report_prints`), made in the worker for the
    # shared-passage search; dropped once it is done, never in any output.
    prints: Prints = field(default_factory=lambda: ([], []), repr=False)
    verdict: str = ""
    reasons: list[str] = field(default_factory=list)


def decide(row: ReportRow, year: int | None, shared_with: dict[str, int]) -> None:
    """Set the row's verdict and reasons. `shared_with`: the other reports this one shares passages with, and the
    length (字) of the longest passage shared with each."""
    reasons: list[str] = []
    if row.error is not None:
        reasons.append(f"无法读取：{row.error}")
    else:
        if row.missing:
            reasons.append("缺少栏目：" + name_list(row.missing))
        errors: dict[str, int] = {}
        for finding in row.findings:
            if finding.severity == "error" and finding.rule != "section-empty":
                errors[finding.title] = errors.get(finding.title, 0) + finding.count
        if errors:
            listed = "、".join(f"{title} {count} 处" for title, count in errors.items())
            reasons.append(f"有错误：{listed}")
        other_years = sum(f.count for f in row.findings if f.rule in SENT_BACK_WARNINGS)
        if other_years:
            reasons.append(f"有 {other_years} 处年份与报告年度不符（可能沿用了往年的文字）")
        if year is not None and row.year is not None and row.year != year:
            reasons.append(f"报告年度为 {row.year} 年，不是审阅的 {year} 年")
        for other, chars in sorted(shared_with.items()):
            reasons.append(f"与 {other} 有 {chars} 字相同段落")
    row.verdict = RETURN if reasons else PASS
    if not reasons and row.warnings:
        reasons.append(f"提示 {row.warnings} 处，可由本人酌情修改")  # no reason to send back: said, not counted
    row.reasons = reasons

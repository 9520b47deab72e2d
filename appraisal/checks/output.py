"""How `appraisal check` shows its findings (SPEC §3): `text` for people, `concise` for tools, `json` for programs.

`text` groups the findings of a draft by section and those of a document by paragraph; each finding says 错误 or
提示 and where (第N段第M字), shows its sentence with the flagged words between 〖 and 〗, then the message; a summary
line ends the output (共 N 处：错误 a 处，提示 b 处，其中 c 处可用 --fix 自动修正). `concise` is one line per finding,
`path:line:col: severity rule message`, as compilers print. `json` is `{"files": [{"path", "template", "positions",
"findings"}]}`, where `positions` says what line and column count: the section's text for a draft, the file for a
document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

from appraisal.checks.base import Finding
from appraisal.checks.positions import FindingGroup, group, is_positional
from appraisal.checks.word_places import document_place

FORMATS = ("text", "concise", "json")
OPEN_MARK, CLOSE_MARK = "〖", "〗"
_SENTENCE_ENDS = "。！？；!?;"
_CONTEXT = 30  # characters of the sentence shown on each side of the flagged words, at most


@dataclass
class FileReport:
    """One FILE argument as the output shows it.

    `lines` holds the text the positions point into: for a draft, each section's lines by section id and the
    title under "title"; for a document, its lines (paragraphs of a Word file) under "". `titles` are the draft's
    section titles in template order. `paragraphs` says what a document's line is: "段" for a Word paragraph,
    "行" for a line of a text file; `places` says a Word file's paragraphs as its reader counts them (`word_places`).
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    draft: bool = False
    template: str | None = None
    titles: dict[str, str] = field(default_factory=dict)
    lines: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: str = "行"
    places: dict[int, str] = field(default_factory=dict)  # a Word file's paragraph → 第N段 as its reader counts
    error: str | None = None
    source: str | None = None  # with --fix on a document: the original; `path` is then the fixed copy


def render(reports: Sequence[FileReport], fmt: str) -> str:
    """The whole output for `fmt` (one of FORMATS), ending with a newline when not empty."""
    if fmt == "json":
        import json  # for this format only (~1 ms of every other check)

        return json.dumps({"files": [as_json(r) for r in reports]}, ensure_ascii=False, indent=2) + "\n"
    lines = [line for r in reports for line in as_concise(r)] if fmt == "concise" else as_text(reports)
    return "".join(line + "\n" for line in lines)


# ---------------------------------------------------------------- json


def as_json(report: FileReport) -> dict[str, object]:
    entry: dict[str, object] = {"path": report.path}
    if report.source is not None:
        entry["source"] = report.source
    if report.error is not None:
        entry["error"] = report.error
        entry["findings"] = []
        return entry
    entry["template"] = report.template
    entry["positions"] = "section" if report.draft else "file"
    # Line and column for tools, as ever: the people's paragraph number (blank lines skipped) is not a field.
    entry["findings"] = [{k: v for k, v in asdict(f).items() if k != "paragraph"} for f in report.findings]
    return entry


# ---------------------------------------------------------------- concise


def as_concise(report: FileReport) -> list[str]:
    """`path:line:col: severity rule message`. For a draft, line and column count in a section's text, so the
    section id follows the path (`草稿.json#study:2:8: …`, `#title` for the title) and the message names it."""
    lines = []
    for f in report.findings:
        title = report.titles.get(f.section or "")
        where = f"「{title}」" if title and f"“{title}”" not in f.message else ""
        path = report.path
        if report.draft and (f.section or is_positional(f)):
            path += f"#{f.section or 'title'}"
        lines.append(f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {where}{f.message}")
    return lines


# ---------------------------------------------------------------- text


def severity_word(finding: Finding) -> str:
    return finding.severity.label


def marked_sentence(line: str, column: int, end_column: int) -> str:
    """The sentence of `line` around [column, end_column) (1-based), the span between 〖 and 〗, cut to a few
    dozen characters on each side with …… where the sentence goes on."""
    start, end = column - 1, end_column - 1
    first = max(line.rfind(ch, 0, start) for ch in _SENTENCE_ENDS) + 1
    last = len(line)
    if end > start and line[end - 1] in _SENTENCE_ENDS:
        last = end
    else:
        for ch in _SENTENCE_ENDS:
            at = line.find(ch, end)
            if 0 <= at < last:
                last = at + 1
    while first < start and line[first].isspace():
        first += 1
    left = line[max(first, start - _CONTEXT) : start]
    right = line[end : min(last, end + _CONTEXT)]
    before = "……" if start - _CONTEXT > first else ""
    after = "……" if end + _CONTEXT < last else ""
    return f"{before}{left}{OPEN_MARK}{line[start:end]}{CLOSE_MARK}{right}{after}".rstrip()


def _place(report: FileReport, found: FindingGroup) -> tuple[str, str | None]:
    """(where, sentence): 第N段第M字 (等 n 处) and the first one's marked sentence, or ("", None) for a finding
    about the whole field."""
    finding = found.first
    if not is_positional(finding):
        return "", None
    key = (finding.section or "title") if report.draft else ""
    lines = report.lines.get(key, [])
    text = lines[finding.line - 1] if 1 <= finding.line <= len(lines) else None
    unit = report.paragraphs if not report.draft else "段" if finding.section else ""  # a title is one line
    where = found.place(unit) if report.draft else document_place(finding, report.places, unit)
    if text is None:
        return where, None
    return where, marked_sentence(text, finding.column, finding.end_column)


def _groups(report: FileReport) -> list[tuple[str, list[FindingGroup]]]:
    """The findings under their headings: for a draft 全文 / 标题 / each section in template order; for a document
    全文 / each paragraph (line) in order. Identical findings of one paragraph are one entry with a count."""
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        if report.draft:
            if f.section is not None:
                heading = f"「{report.titles.get(f.section, f.section)}」"
            elif is_positional(f):
                heading = "标题"
            else:
                heading = "全文"
        elif is_positional(f):
            heading = report.places.get(f.line) or f"第{f.line}{report.paragraphs}"
        else:
            heading = "全文"  # about the document as a whole (a part missing from it), not one paragraph
        groups.setdefault(heading, []).append(f)
    if report.draft:
        order = ["全文", "标题", *(f"「{t}」" for t in report.titles.values())]
        ordered = sorted(groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else len(order))
    else:
        ordered = sorted(groups.items(), key=lambda g: g[0] != "全文")  # then the paragraphs, in document order
    return [(heading, group(found)) for heading, found in ordered]


def _finding_lines(report: FileReport, found: FindingGroup) -> list[str]:
    finding = found.first
    where, sentence = _place(report, found)
    fixable = "（可自动修正）" if fixed_by_fix_all(finding) else "（有建议改法，请逐条核对）" if finding.fix else ""
    head = "  ".join(part for part in (severity_word(finding), where, finding.rule + fixable) if part)
    out = [f"  {head}"]
    if sentence:
        out.append(f"    {sentence}")
    count = found.count_words()
    out.append(f"    {count}：{finding.message}" if count else f"    {finding.message}")
    return out


def fixed_by_fix_all(finding: Finding) -> bool:
    """Whether `--fix` (and 修正全部) applies the finding's fix: not a guess left to the writer (`typo-in-context`
    offers a fix, but --fix leaves it alone; counting it, the summary promised a fix that --fix never made)."""
    if finding.fix is None:
        return False
    from appraisal.checks.registry import RULES

    rule = RULES.get(finding.rule)
    return rule is None or rule.fix_all


def summary(findings: Iterable[Finding]) -> str:
    """共 N 处：错误 a 处，提示 b 处，其中 c 处可用 --fix 自动修正 (or 未发现问题)."""
    found = list(findings)
    if not found:
        return "未发现问题。"
    errors = sum(1 for f in found if f.severity == "error")
    fixable = sum(1 for f in found if fixed_by_fix_all(f))
    line = f"共 {len(found)} 处：错误 {errors} 处，提示 {len(found) - errors} 处"
    return line + (f"，其中 {fixable} 处可用 --fix 自动修正。" if fixable else "。")


def as_text(reports: Sequence[FileReport]) -> list[str]:
    """Each file checked: a heading, its findings by section or paragraph (or 未发现问题), then the summary; the
    files that could not be read were reported on stderr and have no part here."""
    out: list[str] = []
    checked = [r for r in reports if r.error is None]
    for report in checked:
        kind = "草稿" if report.draft else "文档"
        out.append(f"{kind} {report.path}" + (f"（由 {report.source} 修正而来）" if report.source else ""))
        if not report.findings:
            out.append("未发现问题。")
        for heading, findings in _groups(report):
            out.append(heading)
            for f in findings:
                out.extend(_finding_lines(report, f))
        if len(checked) > 1 and report.findings:
            out.append(summary(report.findings))
        out.append("")
    total = [f for r in checked for f in r.findings]
    if total or len(checked) > 1:
        out.append(summary(total))
    elif out:
        out.pop()  # one file, nothing found: its 未发现问题 says it all
    return out

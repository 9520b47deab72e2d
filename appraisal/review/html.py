"""The review as one self-contained HTML page: a sortable table of the reports (click a column's heading; names, files
and templates in pinyin order by keys made here, the same in every browser, surnames read as surnames), each
report's findings below it, the shared passages with links both ways; prints on A4 (the table's heading repeats
on each page, no report's block is split across pages). Everything from the reports is escaped; no file, font or
script is fetched from anywhere.
"""

from __future__ import annotations

from html import escape

from appraisal.review.collation import path_key, pinyin_key
from appraisal.review.overview import by_files, ordered, summary
from appraisal.review.row import FAMILY_NAMES, RETURN, ReportRow, ReviewFinding
from appraisal.review.run import Review

_CSS = """
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       font-size: 14px; line-height: 1.6; color: #222; max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 22px; margin: 0 0 6px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #444; }
h3 { font-size: 15px; margin: 0 0 4px; }
p.summary { margin: 0 0 14px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eee; cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.return { color: #b00020; font-weight: bold; } .pass { color: #1b5e20; font-weight: bold; }
td.return, td.pass, td.name { white-space: nowrap; }
.reasons { margin: 0; padding-left: 1.2em; }
section.report, section.passage { border: 1px solid #ccc; border-radius: 4px; padding: 8px 12px; margin: 10px 0; }
section.report, section.passage > div { break-inside: avoid; }
.error { color: #b00020; } .warning { color: #8a6d00; } .muted { color: #666; }
blockquote { margin: 6px 0; padding: 4px 10px; border-left: 4px solid #999; background: #f6f6f6; }
a { color: #0645ad; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  th { cursor: auto; } th::after { content: "" !important; }
  thead { display: table-header-group; } tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""

_SCRIPT = """
document.querySelectorAll("table.sortable th").forEach(function (th, column) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute("data-key") || a.cells[column].textContent;
      var y = b.cells[column].getAttribute("data-key") || b.cells[column].textContent;
      var nx = x.trim() === "" ? NaN : Number(x), ny = y.trim() === "" ? NaN : Number(y);
      var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh-CN");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
"""


_COLUMNS = ("结论", "文件", "姓名", "模板", "年度", "错误", "提示", "原因")


def html_bytes(review: Review) -> bytes:
    rows = ordered(review)
    number = {id(row): index for index, row in enumerate(review.rows)}
    held: dict[int, list[int]] = {}  # report number → the shared passages it holds
    for index, passage in enumerate(review.shared):
        for report in passage.reports:
            held.setdefault(report, []).append(index)
    parts = [
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>考核总结审阅结果</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
        "<h1>考核总结审阅结果</h1>\n",
        f'<p class="summary">{escape(summary(review))}</p>\n',
        '<table class="sortable">\n<thead><tr>',
        *(f"<th>{title}</th>" for title in _COLUMNS),
        "</tr></thead>\n<tbody>\n",
        *(_table_row(row, number[id(row)]) for row in rows),
        "</tbody>\n</table>\n",
        _shared_passages(review),
        "<h2>各份报告的问题</h2>\n",
        *(_report(row, number[id(row)], held.get(number[id(row)], [])) for row in rows),
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
    ]
    return "".join(parts).encode("utf-8")


def _table_row(row: ReportRow, n: int) -> str:
    """A report's row of the table, with the keys it sorts by (`data-key`), linked to its block (`#r{n}`)."""
    returned = row.verdict == RETURN
    reasons = "".join(f"<li>{escape(reason)}</li>" for reason in row.reasons)
    template = row.template_name.split("（")[0] or ("—" if row.error else "未识别")
    return (
        f'<tr><td class="{"return" if returned else "pass"}" data-key="{0 if returned else 1}">'
        f"{escape(row.verdict)}</td>"
        f'<td data-key="{escape(path_key(row.file)[0])}"><a href="#r{n}">{escape(row.file)}</a></td>'
        f'<td class="name" data-key="{escape(pinyin_key(row.name, name=True))}">{escape(row.name or "—")}</td>'
        f'<td data-key="{escape(pinyin_key(template))}">{escape(template)}</td>'
        f'<td class="num">{row.year or "—"}</td>'
        f'<td class="num">{"—" if row.error else row.errors}</td>'
        f'<td class="num">{"—" if row.error else row.warnings}</td>'
        f'<td><ul class="reasons">{reasons}</ul></td></tr>\n'
    )


def _shared_passages(review: Review) -> str:
    """The passages several reports share, grouped by the files that share them, each linked (`#s{index}`)."""
    if not review.shared:
        return ""
    parts = ["<h2>相同段落</h2>\n"]
    for files, numbers in by_files(review):
        names = "、".join(f'<a href="#r{r}">{escape(review.rows[r].file)}</a>' for r in files)
        total = sum(review.shared[n].chars for n in numbers)
        parts.append(f'<section class="passage"><h3>{names}：相同段落 {len(numbers)} 处，共 {total} 字</h3>\n')
        for index in numbers:
            passage = review.shared[index]
            where = "；".join(f"{escape(review.rows[r].file)} 第{p}段" for r, p in passage.places)
            parts.append(
                f'<div id="s{index}"><p class="muted">{index + 1}.（{passage.chars} 字）{where}</p>'
                f"<blockquote>{escape(passage.text)}</blockquote></div>\n"
            )
        parts.append("</section>\n")
    return "".join(parts)


def _report(row: ReportRow, n: int, passages: list[int]) -> str:
    head = f'<section class="report" id="r{n}"><h3>{escape(row.file)}'
    head += f"（{escape(row.name)}）" if row.name else ""
    head += f' <span class="{"return" if row.verdict == RETURN else "pass"}">{escape(row.verdict)}</span></h3>'
    if row.error is not None:
        return head + f'<p class="error">无法读取：{escape(row.error)}</p></section>\n'
    lines = [head]
    families = "，".join(
        f"{escape(FAMILY_NAMES.get(family, family))} 错误 {e} 处、提示 {w} 处"
        for family, (e, w) in sorted(row.families.items())
    )
    template = escape(row.template_name) if row.template_name else "未识别（只检查了内容）"
    lines.append(f'<p class="muted">模板：{template}；年度：{row.year or "未写明"}；{row.zi} 字。{families}</p>')
    if passages:
        links = "、".join(f'<a href="#s{i}">相同段落 {i + 1}</a>' for i in passages)
        lines.append(f"<p>与其他报告相同：{links}</p>")
    lines.append(
        "<ul>" + "".join(_finding_item(f) for f in row.findings) + "</ul>" if row.findings else "<p>未发现问题。</p>"
    )
    return "".join(lines) + "</section>\n"


def _finding_item(f: ReviewFinding) -> str:
    label = "错误" if f.severity == "error" else "提示"
    count = f"（本段 {f.count} 处）" if f.count > 1 else ""
    return (
        f'<li><span class="{escape(f.severity)}">{label}</span> {escape(f.place)} '
        f"{escape(f.message)}{count} <span class='muted'>{escape(f.title)}</span></li>"
    )

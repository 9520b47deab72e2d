"""How long exporting a 20,000-字 draft takes, per format.

    uv run python benchmarks/export_speed.py

Prints the first call (which imports python-docx / markdown-it) and the median of the next runs. Target: well under
a second for Word.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

from appraisal.draft import Draft, count_zi
from appraisal.export import FORMATS, ExportOptions, render
from appraisal.templates import load_template

SENTENCE = "全年牵头推进重点项目建设，完成投资142.6亿元，同比增长8.3%，推动“承诺制+标准地”改革落地见效。"
TARGET_ZI = 20_000
RUNS = 7


def big_draft() -> tuple[Draft, object]:
    template = load_template("cadre-annual")
    draft = Draft.new(template, name="李明", unit="某区发展和改革局", year=2026)
    ids = template.text_section_ids()
    per_section = TARGET_ZI // len(ids)
    paragraph = SENTENCE * 3
    for section_id in ids:
        lines: list[str] = []
        while count_zi("".join(lines)) < per_section:
            lines.append(paragraph)
        draft.sections[section_id] = "\n".join(lines)
    return draft, template


def main() -> int:
    os.environ.setdefault("APPRAISAL_HOME", tempfile.mkdtemp(prefix="appraisal-bench-"))
    draft, template = big_draft()
    paragraphs = sum(len(text.splitlines()) for text in draft.sections.values())
    print(f"草稿：{draft.total_chars()} 字，{paragraphs} 段")
    options = ExportOptions()
    for fmt in FORMATS:
        start = time.perf_counter()
        data = render(draft, template, fmt, options)  # type: ignore[arg-type]
        first = time.perf_counter() - start
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            render(draft, template, fmt, options)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
        print(
            f"{fmt:5} 首次 {first * 1000:7.1f} ms（含导入）  之后中位数 {statistics.median(times) * 1000:7.1f} ms"
            f"  文件 {len(data) / 1024:7.1f} KB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

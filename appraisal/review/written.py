"""What a review writes, known again when a later review walks the folder: `-o 审阅结果.txt` (or any name and
format) may well be written into the folder being reviewed, and is no report. Each format opens the same way every
time: the table with its heading line, the CSV with its byte-order mark and heading row, the JSON with its
`reports` key, the HTML page with its title."""

from __future__ import annotations

from pathlib import Path

# The table's columns: title and width in cells (a Chinese character is two).
COLUMNS = (("结论", 10), ("文件", 30), ("姓名", 8), ("模板", 20), ("年度", 6), ("错误", 6), ("提示", 6))
TABLE_HEADER = " ".join(title + " " * (width - 2 * len(title)) for title, width in COLUMNS).rstrip()
CSV_START = "\ufeff结论,原因,文件,"
JSON_START = '{\n  "reports": ['
HTML_TITLE = "<title>考核总结审阅结果</title>"
_STARTS = (TABLE_HEADER, CSV_START, JSON_START)
_READ = 512  # bytes: every start above lies within them (the HTML title after a short head)


def written_by_review(path: Path) -> bool:
    """Whether a file is the output of a review, in any of its formats, whatever its name."""
    try:
        with path.open("rb") as handle:
            start = handle.read(_READ).decode("utf-8", errors="ignore")
    except OSError:
        return False  # listed as unreadable by the review itself
    return start.startswith(_STARTS) or (start.startswith("<!DOCTYPE html>") and HTML_TITLE in start)

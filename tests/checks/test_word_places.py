"""`check` on a .docx says 第N段 as Word's reader counts: a table is one place and a paragraph in it names its cell;
json keeps the file's own paragraph number for tools."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from appraisal.cli import main


def _report(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("2026年度考核个人总结")
    table = document.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"格{r}{c}"
    table.cell(1, 2).text = "全年完成项目个。"  # a missing figure in row 2, cell 3
    document.add_paragraph("一、品行修养")
    document.add_paragraph("全年参加学习20次,撰写体会3篇。")  # a half-width comma, the 10th character
    document.save(str(path))


def test_after_a_table_the_next_paragraph_is_counted_as_the_reader_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "总结.docx"
    _report(path)
    main(["check", str(path)])
    out = capsys.readouterr().out
    # title 1, the table 2, the heading 3, the paragraph 4 (the file's own count: 1 + 9 cells + 2 = 12)
    assert "第4段第10字  halfwidth-punctuation" in out
    assert "第12段" not in out
    assert "第2段（表格第2行第3格）第7字  missing-figure" in out


def test_json_keeps_the_file_s_paragraph_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "总结.docx"
    _report(path)
    main(["check", "--format", "json", str(path)])
    findings = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    comma = next(f for f in findings if f["rule"] == "halfwidth-punctuation")
    assert comma["line"] == 12

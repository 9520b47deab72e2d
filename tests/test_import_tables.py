"""A Word table in a report is read a row at a time: one paragraph per row, the cells in order with a full-width
space between them, every character kept; the checker's positions still point into the cell a finding is in, and
a fixed copy changes that cell. A cell holding a whole report (a 登记表) keeps its paragraphs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from fuzzing import assert_nothing_lost

from appraisal.cli import main
from appraisal.importing import import_document


def _report(path: Path, rows: list[list[str]]) -> None:
    document = docx.Document()
    for line in ("2025年工作总结和2026年工作计划", "一、主要工作及成效", "全年完成以下指标："):
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in ("二、存在的主要问题", "调查研究不够深入。"):
        document.add_paragraph(line)
    document.save(str(path))


ROWS = [["指标", "2024年", "2025年"], ["地区生产总值（亿元）", "100", "110"], ["新建项目（个）", "XX", "12,3"]]


def test_a_row_is_one_paragraph_with_its_cells_in_order(tmp_path: Path) -> None:
    path = tmp_path / "总结.docx"
    _report(path, ROWS)
    result = import_document(path)
    assert_nothing_lost(result)  # every character of every cell, once, where the document has it
    assert result.draft.sections["work"].split("\n") == [
        "全年完成以下指标：",
        "指标　2024年　2025年",
        "地区生产总值（亿元）　100　110",
        "新建项目（个）　XX　12,3",
    ]


def test_check_points_into_the_cell_and_the_fixed_copy_changes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path / "home"))
    path = tmp_path / "总结.docx"
    _report(path, [*ROWS[:2], ["新建项目,个", "XX", "3"]])
    main(["check", str(path), "--format", "concise"])
    out = capsys.readouterr().out
    lines = import_document(path).document.lines
    xx = lines.index("XX") + 1  # the cell's own paragraph
    comma = lines.index("新建项目,个") + 1
    assert f"{path}:{xx}:1: error placeholder" in out and f"{path}:{comma}:5: warning halfwidth-punctuation" in out
    fixed = tmp_path / "总结.fixed.docx"
    main(["check", str(path), "--fix"])
    capsys.readouterr()
    cells = [cell.text for table in docx.Document(str(fixed)).tables for row in table.rows for cell in row.cells]
    assert cells[:6] == [*ROWS[0], *ROWS[1]] and cells[6:] == ["新建项目，个", "XX", "3"]


def test_a_cell_holding_paragraphs_of_prose_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "总结.docx"
    _report(path, [["重点工作", "PROSE"]])
    document = docx.Document(str(path))
    cell = document.tables[0].cell(0, 1)
    paragraphs = [
        "牵头推进城区供水管网改造。",
        "完成老旧小区改造四十个。",
        "惠及居民一万余户。",
        "群众满意度明显提升。",
    ]
    cell.text = paragraphs[0]
    for text in paragraphs[1:]:
        cell.add_paragraph(text)
    document.save(str(path))
    result = import_document(path)
    assert_nothing_lost(result)
    assert result.draft.sections["work"].split("\n") == ["全年完成以下指标：", "重点工作", *paragraphs]

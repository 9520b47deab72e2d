"""Checking documents: positions in the file the user gave, the year a document is about, fixed copies that keep
the encoding, line ends and Word formatting, and never touch the original."""

from __future__ import annotations

import codecs
from pathlib import Path

import docx
import pytest

from appraisal.checks.documents import check_document, fixed_copy_path, write_fixed_copy
from appraisal.errors import AppraisalError
from appraisal.importing.reader import read_document

BODY = (
    "　　一、品行修养\n"
    "　　坚持问题导向,把调查研究作为履职尽责的基本功，全年走访企业63家次，帮助企业解决困难41个，企业满意度达到98.6%。"
    "始终把政治建设摆在首位，坚决做到“两个维护”，在思想上政治上行动上同党中央保持高度一致。\n"
    "　　二、理论学习\n"
    "　　全年参加理论学习中心组集体学习14次，参加XX党校培训班，撰写学习心得8篇，其中1篇在区委理论学习简报刊发。"
    "坚持学用结合，围绕消费提质扩容开展专题调研，形成调研报告3篇，其中1篇获区主要领导批示。\n"
)


def rows(path: Path) -> list[tuple[str, int, int, int, str | None]]:
    return [(f.rule, f.line, f.column, f.end_column, f.fix) for f in check_document(path).findings]


def content(path: Path) -> list[tuple[str, int, int, int, str | None]]:
    """Findings other than the length rules (a short test document leaves most sections empty)."""
    length = {"section-empty", "section-too-short", "section-too-long", "total-too-long"}
    return [row for row in rows(path) if row[0] not in length]


def test_txt_positions_count_from_the_line_start_with_the_indent(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text("2025年度个人总结\n\n" + BODY, encoding="utf-8")
    assert content(path) == [
        ("halfwidth-punctuation", 4, 9, 10, "，"),
        ("placeholder", 6, 24, 26, None),
    ]


def test_markdown_positions(tmp_path: Path) -> None:
    path = tmp_path / "总结.md"
    path.write_text(
        "# 2025年度个人总结\n\n## 一、品行修养\n\n坚持问题导向,把调查研究作为履职尽责的基本功。\n", encoding="utf-8"
    )
    assert content(path) == [("halfwidth-punctuation", 5, 7, 8, "，")]


def test_document_year_comes_from_the_title(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text("2024年度个人总结\n\n" + BODY.replace("全年参加", "今年（2023年）参加"), encoding="utf-8")
    found = [row for row in rows(path) if row[0] == "year-mismatch"]
    assert found == [("year-mismatch", 6, 6, 11, None)]


def test_document_year_from_the_most_common_nian_du(tmp_path: Path) -> None:
    """No title: the 年度 the text names most is the year under review."""
    body = BODY.replace("全年参加", "2024年度工作中，今年（2023年）参加").replace(
        "始终把", "对照2024年度工作计划，始终把"
    )
    path = tmp_path / "总结.txt"
    path.write_text(body, encoding="utf-8")
    assert [row[:4] for row in rows(path) if row[0] == "year-mismatch"] == [("year-mismatch", 4, 16, 21)]


def test_document_without_any_year_is_not_checked_for_years(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text(BODY.replace("全年参加", "今年（2023年）参加"), encoding="utf-8")
    assert [row for row in rows(path) if row[0] == "year-mismatch"] == []


def test_placeholder_in_a_document_title(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text("20XX年度个人总结\n\n" + BODY, encoding="utf-8")
    assert ("placeholder", 1, 1, 5, None) in rows(path)


def test_missing_sections_are_named_at_the_top(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text("2025年度个人总结\n\n" + BODY, encoding="utf-8")
    found = check_document(path).findings
    empty = [f for f in found if f.rule == "section-empty"]
    assert empty and all((f.line, f.column) == (1, 1) for f in empty)
    assert empty[0].message == "文档中没有“服务中心实绩”这一部分（未找到它的标题和内容）。"
    short = [f for f in found if f.rule == "section-too-short" and f.section == "conduct"]
    assert [(f.line, f.column, f.end_column) for f in short] == [(3, 3, 9)]  # at the heading `一、品行修养`


def test_no_profile_findings_for_documents(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text(BODY, encoding="utf-8")
    assert "profile-incomplete" not in {row[0] for row in rows(path)}


def test_fixed_copy_keeps_gb18030_crlf_and_the_original(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    original = ("2025年度个人总结\r\n\r\n" + BODY.replace("\n", "\r\n")).encode("gb18030")
    path.write_bytes(original)
    copy, count = write_fixed_copy(check_document(path))
    assert (copy, count) == (tmp_path / "总结.fixed.txt", 1)
    assert path.read_bytes() == original
    expected = original.replace("问题导向,把".encode("gb18030"), "问题导向，把".encode("gb18030"))
    assert copy.read_bytes() == expected


def test_fixed_copy_keeps_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    original = codecs.BOM_UTF8 + ("2025年度个人总结\n\n" + BODY).encode("utf-8")
    path.write_bytes(original)
    copy, count = write_fixed_copy(check_document(path))
    assert count == 1
    assert copy.read_bytes() == original.replace("导向,把".encode(), "导向，把".encode())


def test_nothing_to_fix_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text("2025年度个人总结\n\n" + BODY.replace(",", "，"), encoding="utf-8")
    copy, count = write_fixed_copy(check_document(path))
    assert count == 0 and not copy.exists()


def test_fixed_copy_refuses_a_file_changed_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text("2025年度个人总结\n\n" + BODY, encoding="utf-8")
    checked = check_document(path)
    path.write_text("另一段文字,已经改过。\n", encoding="utf-8")
    with pytest.raises(AppraisalError, match="被修改"):
        write_fixed_copy(checked)
    assert not fixed_copy_path(path).exists()


def test_fixed_copy_path() -> None:
    assert fixed_copy_path(Path("/a/总结.docx")) == Path("/a/总结.fixed.docx")


def make_docx(path: Path) -> None:
    """A Word file whose comma and the space after it are in different runs, with a table before the body."""
    document = docx.Document()
    document.add_paragraph("2025年度个人总结")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "周明远"
    document.add_paragraph("一、品行修养")
    paragraph = document.add_paragraph()
    first = paragraph.add_run("坚持问题导向")
    first.bold = True
    paragraph.add_run(",")
    rest = paragraph.add_run(" 把调查研究作为履职尽责的基本功,参加XX党校培训班。")
    rest.italic = True
    document.save(str(path))


def test_docx_positions_are_paragraph_numbers(tmp_path: Path) -> None:
    path = tmp_path / "总结.docx"
    make_docx(path)
    lines = read_document(path).lines
    assert lines[4] == "坚持问题导向, 把调查研究作为履职尽责的基本功,参加XX党校培训班。"
    assert content(path) == [
        ("halfwidth-punctuation", 5, 7, 9, "，"),
        ("halfwidth-punctuation", 5, 24, 25, "，"),
        ("placeholder", 5, 27, 29, None),
    ]


def test_docx_fixed_copy_changes_only_the_text_of_the_runs(tmp_path: Path) -> None:
    path = tmp_path / "总结.docx"
    make_docx(path)
    original = path.read_bytes()
    copy, count = write_fixed_copy(check_document(path))
    assert (copy.name, count) == ("总结.fixed.docx", 2)
    assert path.read_bytes() == original
    fixed = docx.Document(str(copy))
    runs = fixed.paragraphs[2].runs  # the table's paragraphs are not in `paragraphs`
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("坚持问题导向", True, None),
        ("，", None, None),
        ("把调查研究作为履职尽责的基本功，参加XX党校培训班。", None, True),
    ]
    assert read_document(copy).lines[:4] == read_document(path).lines[:4]
    assert [row[0] for row in content(copy)] == ["placeholder"]


def test_text_outside_the_sections_is_checked_too(tmp_path: Path) -> None:
    """A 登记表: a form cell the importer keeps as unmatched text still gets its placeholders reported, at the
    paragraph of the cell, with no section."""
    path = tmp_path / "登记表.docx"
    document = docx.Document()
    form = document.add_table(rows=2, cols=2)
    form.cell(0, 0).text = "姓名"
    form.cell(0, 1).text = "周明远"
    form.cell(1, 0).text = "备注"
    form.cell(1, 1).text = "材料待补充，附件XX份"
    report = document.add_table(rows=1, cols=1).cell(0, 0)
    report.text = "2025年度个人总结"
    report.add_paragraph("一、品行修养")
    report.add_paragraph("坚持问题导向,把调查研究作为基本功。")
    document.save(str(path))
    found = [(f.rule, f.section, f.line, f.column, f.end_column) for f in check_document(path).findings]
    assert ("placeholder", None, 4, 3, 6) in found
    assert ("placeholder", None, 4, 9, 11) in found
    assert ("halfwidth-punctuation", "conduct", 7, 7, 8) in found


def test_a_clean_report_full_of_hard_negatives_has_no_content_findings() -> None:
    """A township deputy head's report, correct as written, dense with what must not be flagged: 万亩千亿,
    亩均, 每公里, 19平方公里, 百分之九十, 8:30, 1:1, 数百万元, 近千万元, 亿元以上, 万元以下, 2019年以来,
    较2024年, 2024年同期, an address, quotes and book titles; and for the word lists and GB/T rules: 党的十八大以来,
    “十四五”期间累计, 2021—2035年, 截至目前, 亩产, 按排名, one range mark (3～5, 1～2). Only its (short) section
    lengths are reported."""
    path = Path(__file__).resolve().parent.parent / "fixtures" / "check" / "clean_township.txt"
    checked = check_document(path)
    assert all(text.strip() for text in checked.result.draft.sections.values())
    assert {f.rule for f in checked.findings} == {"section-too-short"}


def test_the_spaces_joining_a_tables_cells_are_not_the_documents(tmp_path: Path) -> None:
    """The importer joins a data table's cells with a full-width space that is not in the Word file: checking
    the file reported each as 中文之间不应有空格 under 全文, with no place to find it (it has none)."""
    path = tmp_path / "表格.docx"
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for row, texts in enumerate([("老旧小区改造", "完成改造12个，惠及居民860户", "住建局牵头")] * 2):
        for column, text in enumerate(texts):
            table.cell(row, column).text = text
    document.add_paragraph("全面 推进各项工作。")  # a space of the writer's own is still reported
    document.save(str(path))
    found = [(f.rule, f.line, f.column, f.end_column) for f in check_document(path).findings]
    assert [row for row in found if row[0] == "punctuation"] == [("punctuation", 7, 3, 4)]

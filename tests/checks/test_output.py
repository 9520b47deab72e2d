"""`appraisal check` output: the text form a cadre reads (grouped, 错误/提示, 第N段第M字, the sentence with the
span marked, a summary), the concise form for tools, and JSON with the template and what positions count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from appraisal.checks import Finding
from appraisal.checks.output import FORMATS, FileReport, marked_sentence, render, summary
from appraisal.cli import main
from appraisal.commands import check as check_command

from .report import DRAFT, TEXT

TITLES = {"conduct": "品行修养", "study": "理论学习"}


def draft_report() -> FileReport:
    findings = [
        Finding("profile-incomplete", "error", None, 1, 1, 1, "草稿尚未填写单位。"),
        Finding("halfwidth-punctuation", "warning", None, 1, 5, 6, "标题中的半角“,”应改为全角“，”。", "，"),
        Finding("placeholder", "error", "conduct", 2, 17, 19, "“XX”是未填写的占位符，请填上实际内容。"),
        Finding("section-too-short", "warning", "study", 1, 1, 1, "“理论学习”只有 8 字，建议不少于 150 字。"),
    ]
    return FileReport(
        "张三.json",
        findings,
        draft=True,
        template="cadre-annual",
        titles=TITLES,
        lines={
            "title": ["个人总结,2025"],
            "conduct": ["坚持政治建设。", "始终把政治建设摆在首位。积极参加XX党校组织的培训。全年撰写心得5篇。"],
            "study": ["认真学习。"],
        },
    )


def test_text_groups_by_section_and_marks_the_sentence() -> None:
    assert render([draft_report()], "text").splitlines() == [
        "草稿 张三.json",
        "全文",
        "  错误  profile-incomplete",
        "    草稿尚未填写单位。",
        "标题",
        "  提示  第5字  halfwidth-punctuation（可自动修正）",
        "    个人总结〖,〗2025",
        "    标题中的半角“,”应改为全角“，”。",
        "「品行修养」",
        "  错误  第2段第17字  placeholder",
        "    积极参加〖XX〗党校组织的培训。",
        "    “XX”是未填写的占位符，请填上实际内容。",
        "「理论学习」",
        "  提示  section-too-short",
        "    “理论学习”只有 8 字，建议不少于 150 字。",
        "",
        "共 4 处：错误 2 处，提示 2 处，其中 1 处可用 --fix 自动修正。",
    ]


def test_text_for_a_document_groups_by_paragraph() -> None:
    report = FileReport(
        "总结.docx",
        [
            Finding("placeholder", "error", "conduct", 4, 3, 5, "“XX”是未填写的占位符，请填上实际内容。"),
            Finding("typo", "warning", "conduct", 4, 11, 15, "“再接再励”应为“再接再厉”。", "再接再厉"),
        ],
        template=None,
        lines={"": ["标题", "", "一、品行修养", "参加XX培训。今后将再接再励，争取更好成绩。"]},
        paragraphs="段",
    )
    assert render([report], "text").splitlines() == [
        "文档 总结.docx",
        "第4段",
        "  错误  第4段第3字  placeholder",
        "    参加〖XX〗培训。",
        "    “XX”是未填写的占位符，请填上实际内容。",
        "  提示  第4段第11字  typo（可自动修正）",
        "    今后将〖再接再励〗，争取更好成绩。",
        "    “再接再励”应为“再接再厉”。",
        "",
        "共 2 处：错误 1 处，提示 1 处，其中 1 处可用 --fix 自动修正。",
    ]


def test_a_document_finding_about_the_whole_document_comes_first() -> None:
    report = FileReport(
        "总结.txt",
        [
            Finding("typo", "warning", "conduct", 2, 3, 7, "“再接再励”应为“再接再厉”。", "再接再厉"),
            Finding("section-empty", "error", "study", 1, 1, 1, "文档中没有“理论学习”这一部分。"),
        ],
        lines={"": ["一、品行修养", "今后再接再励。"]},
    )
    lines = render([report], "text").splitlines()
    assert lines[1:4] == ["全文", "  错误  section-empty", "    文档中没有“理论学习”这一部分。"]
    assert lines[4:6] == ["第2行", "  提示  第2行第3字  typo（可自动修正）"]


def test_several_files_each_with_a_summary_and_errors_left_out() -> None:
    clean = FileReport("b.json", draft=True, titles=TITLES)
    broken = FileReport("c.txt", error="文件 c.txt 是空的，没有可检查的内容。")
    lines = render([draft_report(), clean, broken], "text").splitlines()
    assert lines.count("共 4 处：错误 2 处，提示 2 处，其中 1 处可用 --fix 自动修正。") == 2
    assert lines[-4:] == [
        "草稿 b.json",
        "未发现问题。",
        "",
        "共 4 处：错误 2 处，提示 2 处，其中 1 处可用 --fix 自动修正。",
    ]
    assert "c.txt" not in "\n".join(lines)
    assert render([broken], "text") == ""


def test_marked_sentence_is_cut_around_the_span() -> None:
    line = "甲" * 50 + "，完成XX项。" + "乙" * 50 + "。"
    assert marked_sentence(line, 54, 56) == "……" + "甲" * 27 + "，完成〖XX〗项。"
    assert marked_sentence("完成。" + "丙" * 40, 6, 7) == "丙" * 2 + "〖丙〗" + "丙" * 30 + "……"
    assert marked_sentence("句子一。句子二。", 1, 5) == "〖句子一。〗"


def test_summary() -> None:
    assert summary([]) == "未发现问题。"
    found = [
        Finding("typo", "warning", None, 1, 1, 2, "。", "甲"),
        Finding("placeholder", "error", None, 1, 1, 2, "。"),
    ]
    assert summary(found) == "共 2 处：错误 1 处，提示 1 处，其中 1 处可用 --fix 自动修正。"
    assert summary(found[1:]) == "共 1 处：错误 1 处，提示 0 处。"


def test_concise_is_the_one_line_form() -> None:
    lines = render([draft_report()], "concise").splitlines()
    assert lines[0] == "张三.json:1:1: error profile-incomplete 草稿尚未填写单位。"
    assert lines[1] == "张三.json#title:1:5: warning halfwidth-punctuation 标题中的半角“,”应改为全角“，”。"
    assert lines[2] == "张三.json#conduct:2:17: error placeholder 「品行修养」“XX”是未填写的占位符，请填上实际内容。"


def test_json_says_the_template_and_what_positions_count() -> None:
    data = json.loads(render([draft_report()], "json"))
    entry = data["files"][0]
    assert (entry["template"], entry["positions"]) == ("cadre-annual", "section")
    assert entry["findings"][2]["section"] == "conduct"


def test_the_command_offers_the_formats_of_the_output_module() -> None:
    assert check_command.FORMATS == FORMATS


def test_command_json_for_a_draft_and_a_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["check", "--format", "json", str(TEXT), str(DRAFT)])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(f["template"], f["positions"]) for f in data["files"]] == [
        ("cadre-annual", "file"),
        ("cadre-annual", "section"),
    ]


def test_command_text_for_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(DRAFT)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0] == f"草稿 {DRAFT}"
    assert "「理论学习」" in out
    assert "    积极参加〖XX〗党校组织的中青年干部培训班，系统学习现代流通体系、数字贸易、……" in out
    assert out[-1] == "共 15 处：错误 5 处，提示 10 处，其中 4 处可用 --fix 自动修正。"


def test_fix_never_overwrites_an_earlier_fixed_copy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    document = tmp_path / "总结.txt"
    document.write_text("一、品行修养\n坚持问题导向,把调查研究作为基本功。\n", encoding="utf-8")
    earlier = tmp_path / "总结.fixed.txt"
    earlier.write_text("我改过的副本", encoding="utf-8")
    code = main(["check", "--fix", str(document)])
    captured = capsys.readouterr()
    second = tmp_path / "总结.fixed(2).txt"
    assert code == 0
    assert earlier.read_text(encoding="utf-8") == "我改过的副本"
    assert second.read_text(encoding="utf-8") == "一、品行修养\n坚持问题导向，把调查研究作为基本功。\n"
    assert captured.err == (
        f"{document}：已修正 1 处，修正后的副本保存为 {second}（总结.fixed.txt 已存在，未覆盖），原文件未改动。\n"
    )
    assert captured.out.startswith(f"文档 {second}（由 {document} 修正而来）")
    main(["check", "--fix", str(document)])
    assert (tmp_path / "总结.fixed(3).txt").exists()
    assert earlier.read_text(encoding="utf-8") == "我改过的副本"


def test_identical_findings_of_a_paragraph_are_reported_once_with_a_count() -> None:
    """One .docx gave 36 separate half-width-comma findings: a paragraph's identical ones are one entry."""
    line = "一,二,三,四,五,六,七,八,九。"
    message = "中文里的半角“,”应改为全角“，”。"
    commas = [
        Finding("halfwidth-punctuation", "warning", None, 3, c + 1, c + 2, message, "，")
        for c, ch in enumerate(line)
        if ch == ","
    ]
    report = FileReport("总结.docx", commas, lines={"": ["标题", "", line]}, paragraphs="段")
    assert render([report], "text").splitlines() == [
        "文档 总结.docx",
        "第3段",
        "  提示  第3段第2字  halfwidth-punctuation（可自动修正）",
        "    一〖,〗二,三,四,五,六,七,八,九。",
        "    本段 8 处，可自动修正：中文里的半角“,”应改为全角“，”。",
        "",
        "共 8 处：错误 0 处，提示 8 处，其中 8 处可用 --fix 自动修正。",
    ]
    assert len(render([report], "concise").splitlines()) == 8  # tools still get every place


def test_a_fix_left_to_the_writer_is_not_promised_to_fix(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """typo-in-context offers a fix that --fix does not apply (a guess: 勠力同心 was to become 努力同心): the output
    said 可自动修正 and counted it as 可用 --fix 自动修正, and --fix then changed nothing and said nothing."""
    guess = Finding("typo-in-context", "warning", None, 2, 5, 6, "“勠力”疑为“努力”之误，“勠”应为“努”。", "努")
    comma = Finding("halfwidth-punctuation", "warning", None, 2, 9, 10, "中文里的半角“,”应改为全角“，”。", "，")
    assert summary([guess, comma]) == "共 2 处：错误 0 处，提示 2 处，其中 1 处可用 --fix 自动修正。"
    assert summary([guess]) == "共 1 处：错误 0 处，提示 1 处。"
    report = FileReport("总结.txt", [guess], lines={"": ["一、述德", "做到勠力同心。"]})
    shown = render([report], "text")
    assert "typo-in-context（有建议改法，请逐条核对）" in shown
    assert "可自动修正" not in shown and "--fix" not in shown

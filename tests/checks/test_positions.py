"""Positions in people's words (第N段第M字) and identical findings of a paragraph folded into one with a count."""

from __future__ import annotations

from appraisal.checks import Finding
from appraisal.checks.positions import finding_place, group, place

COMMA = "中文里的半角“,”应改为全角“，”。"


def comma(line: int, column: int, section: str = "study") -> Finding:
    return Finding("halfwidth-punctuation", "warning", section, line, column, column + 1, COMMA, "，")


def test_place_is_paragraph_and_character() -> None:
    assert place(3, 12) == "第3段第12字"
    assert place(3, 12, "行") == "第3行第12字"
    assert place(1, 5, "") == "第5字"
    assert finding_place(comma(2, 8)) == "第2段第8字"


def test_a_finding_about_the_whole_section_has_no_place() -> None:
    short = Finding("section-too-short", "warning", "study", 1, 1, 1, "“理论学习”只有 8 字。")
    assert finding_place(short) == ""


def test_identical_findings_of_one_paragraph_are_one_entry_with_a_count() -> None:
    found = [comma(1, c) for c in (3, 9, 15, 21, 27, 33, 39, 45)]
    (entry,) = group(found)
    assert entry.count == 8 and entry.first == found[0]
    assert entry.count_words() == "本段 8 处，可自动修正"
    assert entry.place() == "第1段第3字"


def test_other_paragraphs_sections_rules_and_messages_stay_apart() -> None:
    period = Finding("halfwidth-punctuation", "warning", "study", 1, 50, 51, "中文里的半角“.”应改为全角“。”。", "。")
    found = [comma(1, 3), comma(2, 3), comma(1, 3, "law"), period, comma(1, 9)]
    groups = group(found)
    assert [g.count for g in groups] == [2, 1, 1, 1]
    assert groups[0].findings == (found[0], found[4])
    assert groups[1].count_words() == "" and groups[1].place() == "第2段第3字"


def test_findings_about_whole_sections_are_never_folded() -> None:
    short = Finding("section-empty", "error", None, 1, 1, 1, "草稿尚未填写单位。")
    assert [g.count for g in group([short, short])] == [1, 1]


def test_blank_lines_are_not_paragraphs_for_people_but_tools_keep_the_line() -> None:
    """A 素材 went in after two stray blank lines and XX was reported at 第3段: a person counts the paragraphs
    they see. `concise` and `json` keep the text's own line (3) for tools."""
    import json

    from appraisal.checks import check_draft, check_section
    from appraisal.checks.output import FileReport, render

    from .marks import draft_with, template

    text = "\n\n本人XX年来认真履职。\n\n\n全年完成X项。"
    draft = draft_with("intro", text)
    found = [f for f in check_section(draft, template(), "intro") if f.rule == "placeholder"]
    assert [(f.line, f.column) for f in found] == [(3, 3), (6, 5)]
    assert [finding_place(f) for f in found] == ["第1段第3字", "第2段第5字"]
    assert [g.place() for g in group(found)] == ["第1段第3字", "第2段第5字"]
    report = FileReport(path="草稿.json", template="cadre-annual", findings=found)
    assert [(f["line"], f["column"]) for f in json.loads(render([report], "json"))["files"][0]["findings"]] == [
        (3, 3),
        (6, 5),
    ]
    assert "paragraph" not in render([report], "json")
    assert ":3:3:" in render([report], "concise") and ":6:5:" in render([report], "concise")
    whole = [f for f in check_draft(draft, template()) if f.rule == "placeholder" and f.section == "intro"]
    assert [finding_place(f) for f in whole] == ["第1段第3字", "第2段第5字"]

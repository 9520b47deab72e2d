"""Length rules: section-empty, section-too-short, section-too-long, total-too-long."""

from __future__ import annotations

from appraisal.checks import CheckOptions, check_draft, check_section

from .marks import FILLERS, findings, full_draft, template

LENGTH = ("section-empty", "section-too-short", "section-too-long", "total-too-long", "profile-incomplete")


def test_a_complete_draft_has_no_length_findings() -> None:
    assert findings(full_draft(), *LENGTH) == []


def test_required_section_empty_is_an_error() -> None:
    draft = full_draft(law="", weakness__work="　　\n，。")  # blank and punctuation only count as empty
    found = [f for f in check_draft(draft, template()) if f.rule == "section-empty"]
    assert [(f.section, f.line, f.column, f.severity) for f in found] == [
        ("law", 1, 1, "error"),
        ("weakness.work", 1, 1, "error"),
    ]
    assert found[0].message == "“依法行政”尚未填写。"


def test_optional_section_may_be_empty() -> None:
    assert findings(full_draft(intro=""), *LENGTH) == []


def test_too_short_and_too_long() -> None:
    draft = full_draft(law="严格依法履职。" * 2, integrity="严" * 801)
    found = [f for f in check_draft(draft, template()) if f.rule in ("section-too-short", "section-too-long")]
    assert [(f.rule, f.section, f.severity) for f in found] == [
        ("section-too-short", "law", "warning"),
        ("section-too-long", "integrity", "warning"),
    ]
    assert found[0].message == "“依法行政”只有 12 字，建议不少于 100 字。"
    assert found[1].message == "“廉政建设”有 801 字，建议不超过 800 字。"


def test_limits_count_zi_not_punctuation() -> None:
    """99 字 plus punctuation and spaces is still short of 100."""
    draft = full_draft(law="法" * 99 + "，。　 “”")
    assert findings(draft, "section-too-short") == [("section-too-short", "law", 1, 1, 1)]
    draft = full_draft(law="法" * 100 + "。")
    assert findings(draft, "section-too-short") == []


def test_total_too_long() -> None:
    tpl = template()
    draft = full_draft()
    for section, filler in zip(tpl.text_sections(), FILLERS, strict=True):
        draft.sections[section.id] = filler * (section.max_chars or 0)
    total = sum(s.max_chars or 0 for s in tpl.text_sections())
    assert total > 6000
    found = [f for f in check_draft(draft, tpl) if f.rule == "total-too-long"]
    assert [(f.section, f.line, f.column, f.severity) for f in found] == [(None, 1, 1, "warning")]
    assert found[0].message == f"全文共 {total} 字，超过了 6000 字的上限，请适当精简。"


def test_check_section_leaves_out_whole_draft_rules() -> None:
    draft = full_draft(law="")
    draft.profile.name = ""
    assert [f.rule for f in check_section(draft, template(), "law")] == ["section-empty"]
    assert check_section(draft, template(), "conduct") == []


def test_findings_come_in_document_order() -> None:
    draft = full_draft(conduct="认" * 150 + "\n同比增长%，参加XX培训。", law="", study="学" * 150 + "\n完成投资万元。")
    draft.profile.unit = ""
    found = [(f.rule, f.section, f.line, f.column) for f in check_draft(draft, template())]
    assert found == [
        ("profile-incomplete", None, 1, 1),
        ("missing-figure", "conduct", 2, 5),
        ("placeholder", "conduct", 2, 9),
        ("missing-figure", "study", 2, 5),
        ("section-empty", "law", 1, 1),
    ]


def test_disabled_rules_are_skipped() -> None:
    draft = full_draft(law="", conduct="认" * 150 + "同比增长%")
    assert {f.rule for f in check_draft(draft, template())} == {"section-empty", "missing-figure"}
    assert [f.rule for f in check_draft(draft, template(), CheckOptions(disabled=frozenset({"missing-figure"})))] == [
        "section-empty"
    ]

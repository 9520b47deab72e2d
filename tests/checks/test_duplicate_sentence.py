"""`duplicate-sentence`: the same sentence of at least 8 字 twice in the draft; the second one is reported."""

from __future__ import annotations

import pytest

from appraisal.checks import RULES, check_draft, check_section

from .marks import draft_with, spans_of, template, unmark

SENTENCE = "在家庭生活中注重家教家风，教育家属遵纪守法、勤俭持家。"

# Each case: the integrity section's text, with conduct holding SENTENCE in its second paragraph.
CONDUCT = "坚持把政治建设摆在首位，自觉用党的创新理论武装头脑。自觉遵守廉洁纪律规定。\n" + SENTENCE

POSITIVES = [
    "严格遵守中央八项规定精神。⟦" + SENTENCE + "⟧",
    "⟦" + SENTENCE + "⟧严格遵守中央八项规定精神。",
    "⟦在家庭生活中注重家教家风，教育家属遵纪守法、勤俭持家⟧",  # no full stop at the end of the paragraph
    "⟦在家庭生活中注重家教家风， 教育家属遵纪守法、勤俭持家。⟧",  # a stray space does not hide it
    "严格遵守规定。\n⟦" + SENTENCE + "⟧",
    "严格执行领导干部个人有关事项报告制度，如实报告。⟦坚持把政治建设摆在首位，自觉用党的创新理论武装头脑。⟧",
    "⟦坚持把政治建设摆在首位，自觉用党的创新理论武装头脑！⟧",  # another sentence end
    "　　⟦" + SENTENCE + "⟧",  # indented paragraph
    "不收受礼品礼金；教育引导家属子女遵纪守法、勤俭持家，自觉抵制各种诱惑；⟦教育引导家属子女遵纪守法、勤俭持家，自觉抵制各种诱惑；⟧",
    "严以修身。严格落实党风廉政建设责任制，层层传导压力。\n⟦严格落实党风廉政建设责任制，层层传导压力。⟧",
    "全年开展专项检查12次。⟦全年开展专项检查12次。⟧",  # 11 字: below the old limit of 12, above 8
    "坚决做到令行禁止。⟦坚决做到令行禁止。⟧",  # 8 字
    "主动接受监督。⟦自觉遵守廉洁纪律规定。⟧",  # 10 字, the first one in 品行修养
]

NEGATIVES = [
    "严格遵守中央八项规定精神。",
    "效果明显。效果明显。",  # short sentences repeat legitimately
    "开展检查6次。开展检查6次。",  # 6 字
    "狠抓工作落实。狠抓工作落实。",  # 6 字
    "在家庭生活中注重家教家风，教育子女遵纪守法、勤俭持家。",  # one word differs
    "在家庭生活中注重家教家风",  # a part of the sentence only
    "在家庭生活中注重家教家风，教育家属遵纪守法、勤俭持家，带头树立良好家风。",  # a longer sentence
    "坚持把政治建设摆在首位，自觉用党的创新理论武装头脑，不断提高政治判断力。",
    "全年排查风险点14个，制定防控措施22条。全年排查风险点15个，制定防控措施22条。",
    "",
    "严格执行“三重一大”集体决策制度。严格执行“三重一大”集体决策制度的有关规定。",
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_duplicate_found(marked: str) -> None:
    found, expected = spans_of("duplicate-sentence", marked, section="integrity", conduct=CONDUCT)
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_duplicate_not_found(marked: str) -> None:
    found, expected = spans_of("duplicate-sentence", marked, section="integrity", conduct=CONDUCT)
    assert expected == []
    assert found == []


def test_enough_cases() -> None:
    assert len(POSITIVES) >= 10 and len(NEGATIVES) >= 10


def test_the_second_occurrence_is_reported_naming_the_first() -> None:
    draft = draft_with("integrity", "严格遵守中央八项规定精神。" + SENTENCE, conduct=CONDUCT)
    found = [f for f in check_draft(draft, template()) if f.rule == "duplicate-sentence"]
    assert [(f.section, f.line, f.column, f.end_column) for f in found] == [("integrity", 1, 14, 14 + len(SENTENCE))]
    assert found[0].message == "这句话与“品行修养”第 2 段中的一句重复。"
    assert found[0].severity == "warning"


def test_repeat_within_a_section_names_the_paragraph() -> None:
    text, _ = unmark("严格落实党风廉政建设责任制，层层传导压力。\n不收礼。严格落实党风廉政建设责任制，层层传导压力。")
    draft = draft_with("integrity", text)
    found = [f for f in check_section(draft, template(), "integrity") if f.rule == "duplicate-sentence"]
    assert [(f.line, f.column) for f in found] == [(2, 5)]
    assert found[0].message == "这句话与本栏目第 1 段中的一句重复。"


def test_a_repeated_numbered_heading_is_not_a_duplicate_sentence() -> None:
    """Documents list their parts first (一、年度意识形态工作开展情况 …) and then write them out."""
    text = "一、年度意识形态工作开展情况\n二、存在的主要问题\n一、年度意识形态工作开展情况\n一是加强组织领导。"
    found, expected = spans_of("duplicate-sentence", text, section="integrity")
    assert found == expected == []
    found, expected = spans_of(
        "duplicate-sentence",
        "一、加强组织领导，强化责任落实。\n⟦一、加强组织领导，强化责任落实。⟧",
        section="integrity",
    )
    assert found == expected


def test_live_check_of_the_first_section_reports_nothing() -> None:
    """Typing in the section that holds the first occurrence: the repeat is elsewhere, so nothing here."""
    draft = draft_with("integrity", SENTENCE, conduct=CONDUCT)
    assert [f for f in check_section(draft, template(), "conduct") if f.rule == "duplicate-sentence"] == []
    assert len([f for f in check_section(draft, template(), "integrity") if f.rule == "duplicate-sentence"]) == 1


def test_rule_is_a_warning() -> None:
    assert (RULES["duplicate-sentence"].severity, RULES["duplicate-sentence"].fixable) == ("warning", False)

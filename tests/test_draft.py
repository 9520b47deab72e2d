from __future__ import annotations

import datetime as dt

import pytest

from appraisal.draft import Draft, Progress, SectionState, count_zi, default_year, progress, section_state
from appraisal.templates import load_template


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("一年来，本人认真履职。", 9),
        ("完成投资3.5亿元，同比增长12%。", 14),
        ("推进GDP核算改革", 9),
        ("  \n\t　　", 0),
        ("“十四五”规划《条例》", 7),
        ("１２３ＡＢ", 5),
    ],
)
def test_count_zi_counts_cjk_letters_and_digits_only(text: str, expected: int) -> None:
    assert count_zi(text) == expected


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2027, 1, 5), 2026),
        (dt.date(2027, 3, 31), 2026),
        (dt.date(2026, 4, 1), 2026),
        (dt.date(2026, 12, 31), 2026),
    ],
)
def test_default_year_follows_the_appraisal_season(day: dt.date, year: int) -> None:
    assert default_year(day) == year


def test_new_draft_has_every_text_section() -> None:
    template = load_template("cadre-annual")
    draft = Draft.new(template, name="张三", unit="规划局", position="副局长", year=2026)
    assert list(draft.sections) == template.text_section_ids()
    assert draft.title == "2026年度个人总结"
    data = draft.to_json_dict()
    assert list(data)[:3] == ["schema", "id", "template"]


def test_section_states_and_progress() -> None:
    template = load_template("cadre-annual")
    section = template.section("conduct")
    assert section_state(section, "") is SectionState.EMPTY
    assert section_state(section, "坚持学习。") is SectionState.SHORT
    assert section_state(section, "字" * section.min_chars) is SectionState.OK
    assert section.max_chars is not None
    assert section_state(section, "字" * (section.max_chars + 1)) is SectionState.LONG
    draft = Draft.new(template, year=2026)
    total = len(template.text_sections())
    assert progress(draft, template) == Progress(0, total, 0)
    assert progress(draft, template).label() == f"已写 0/{total} 栏"
    # Every part written, three short of their minimum: read as such, not as "完成 75%".
    with_minimum = [part.id for part in template.text_sections() if part.min_chars > 1]
    for part in template.text_sections():
        short = part.id in with_minimum[:3]
        draft.sections[part.id] = "字" * (part.min_chars - 1 if short else max(1, part.min_chars))
    assert progress(draft, template) == Progress(total, total, 3)
    assert progress(draft, template).label() == f"已写 {total}/{total} 栏，3 栏偏短"
    assert progress(draft, template).label(compact=True) == f"{total}/{total}栏，3栏偏短"


def test_fit_to_keeps_text_of_unknown_sections() -> None:
    template = load_template("cadre-annual")
    draft = Draft(template="cadre-annual", sections={"conduct": "甲", "old-section": "不能丢的文字"})
    draft.fit_to(template)
    assert draft.unmatched == "不能丢的文字"
    assert "old-section" not in draft.sections
    assert list(draft.sections.keys())[0] == "conduct"
    assert set(draft.sections) == set(template.text_section_ids())


def test_count_zi_is_isalnum_for_every_kind_of_character() -> None:
    """The regex count equals the definition (`str.isalnum`), underscores, marks and odd digits included."""
    text = "张三_a1２３\u0301é٣ⅷ²，。 \t\u3000《》—…（）🙂𠀀ｱ"
    assert count_zi(text) == sum(1 for ch in text if ch.isalnum())


def test_display_name_does_not_repeat_the_year() -> None:
    template = load_template("cadre-annual")
    assert Draft.new(template, name="李明", year=2025).display_name() == "李明·2025年度个人总结"
    assert Draft.new(template, name="李明", year=2025, title="述职报告").display_name() == "李明·2025年度述职报告"
    assert Draft.new(template, year=2025, title="").display_name() == "（未署名）·2025年度"


def test_move_lines_moves_a_block_to_another_section_and_loses_nothing() -> None:
    draft = Draft.new(load_template("unit-summary"), year=2025)
    draft.sections["intro"] = "开头。\n一、经济发展\n完成投资。\n结尾一句。"
    draft.sections["work"] = "已有内容。"
    draft.move_lines("intro", 1, 3, "work")
    assert draft.sections["intro"] == "开头。\n结尾一句。"
    assert draft.sections["work"] == "已有内容。\n一、经济发展\n完成投资。"
    draft.move_lines("intro", 0, 2, "unmatched")
    assert draft.sections["intro"] == ""
    assert draft.unmatched == "开头。\n结尾一句。"
    with pytest.raises(ValueError):
        draft.move_lines("work", 2, 9, "intro")

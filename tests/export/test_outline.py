"""The shared walk: which sections appear, how headings are numbered, run-in headings and where that setting comes
from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from appraisal.draft import Draft
from appraisal.export import ExportOptions
from appraisal.export.outline import (
    Heading,
    Paragraph,
    build_outline,
    chinese_number,
    heading_number,
    paragraphs_of,
)
from appraisal.templates import Template, load_template

from .samples import deep_template


def outline_labels(template: Template, sections: dict[str, str], run_in: bool | None = False) -> list[str]:
    draft = Draft.new(template, name="张三", year=2026)
    draft.sections.update(sections)
    outline = build_outline(draft, template, ExportOptions(run_in_headings=run_in))
    return [block.label if isinstance(block, Heading) else "¶" + block.full_text for block in outline.blocks]


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 2, 9, 10, 11, 19, 20, 21, 99)] == [
        "一",
        "二",
        "九",
        "十",
        "十一",
        "十九",
        "二十",
        "二十一",
        "九十九",
    ]
    assert chinese_number(100) == "100"


def test_heading_numbers_by_level() -> None:
    assert [heading_number(level, 3) for level in (1, 2, 3, 4, 5)] == ["三、", "（三）", "3.", "（3）", "（3）"]


def test_four_levels_numbered_and_empty_optional_sections_left_out() -> None:
    labels = outline_labels(
        deep_template(),
        {
            "intro": "开头。",
            "work.a.x.one": "重点项目一段。\n重点项目二段。",
            "work.a.y": "招商一段。",
            "plans": "打算一段。",
            "closing": "特此报告。",
        },
    )
    assert labels == [
        "¶开头。",
        "一、主要工作",
        "（一）经济工作",
        "1.项目建设",
        "（1）重点项目",
        "¶重点项目一段。",
        "¶重点项目二段。",
        "2.招商引资",
        "¶招商一段。",
        # work.b is optional and empty: left out, and 民生实事 (required, empty) takes the next number.
        "（二）民生实事",
        # spare (optional, empty) is left out: 下步打算 is 二、, not 三、.
        "二、下步打算",
        "¶打算一段。",
        "¶特此报告。",
    ]


def test_group_appears_only_when_a_child_appears() -> None:
    template = load_template("cadre-annual")
    optional_group = Template.model_validate(
        {
            "id": "g",
            "name": "g",
            "sections": [
                {"id": "a", "title": "甲", "required": True},
                {"id": "grp", "title": "乙组", "children": [{"id": "grp.x", "title": "乙一"}]},
                {"id": "c", "title": "丙", "required": True},
            ],
        }
    )
    assert outline_labels(optional_group, {"a": "甲文。", "c": "丙文。"}) == ["一、甲", "¶甲文。", "二、丙", "¶丙文。"]
    assert outline_labels(optional_group, {"grp.x": "乙一文。"}) == [
        "一、甲",
        "二、乙组",
        "（一）乙一",
        "¶乙一文。",
        "三、丙",
    ]
    # Required children keep their group (and their headings) even while empty, so the gap shows.
    labels = outline_labels(template, {})
    assert "三、四项主要工作实绩" in labels and "（四）有潜在、长远效应基础工作实绩" in labels
    assert not any(label.startswith("¶") for label in labels)


def test_paragraphs_are_trimmed_lines_without_control_characters() -> None:
    text = "\u3000\u3000第一段。  \n\n   \r\n第二段\x0b有竖排符。\r第三段。\u2028第四段。\n\t"
    assert paragraphs_of(text) == ["第一段。", "第二段", "有竖排符。", "第三段。", "第四段。"]
    assert paragraphs_of("含\x00空字符\x07和\ufeff字节序标记。") == ["含空字符和字节序标记。"]


def test_run_in_heading_is_carried_by_the_first_paragraph() -> None:
    labels = outline_labels(
        deep_template(),
        {"work.a.y": "招商一段。\n招商二段。", "work.c": "民生一段。", "plans": "打算。"},
        run_in=True,
    )
    assert labels == [
        "一、主要工作",
        "（一）经济工作",  # a group heading never runs in: it has no paragraph of its own
        "1.项目建设",
        "（1）重点项目",  # empty: the heading stays on its own line
        "2.招商引资",  # level 3: only level-2 headings run in
        "¶招商一段。",
        "¶招商二段。",
        "¶（二）民生实事。民生一段。",
        "二、下步打算",
        "¶打算。",
    ]
    outline = build_outline(
        Draft.new(deep_template(), year=2026).model_copy(update={"sections": {"work.c": "民生。"}}),
        deep_template(),
        ExportOptions(run_in_headings=True),
    )
    paragraph = next(block for block in outline.blocks if isinstance(block, Paragraph))
    assert paragraph.lead is not None and paragraph.lead.label == "（二）民生实事" and paragraph.text == "民生。"


def test_run_in_does_not_double_closing_punctuation() -> None:
    group = {"id": "g", "title": "组", "children": [{"id": "g.a", "title": "为何？"}]}
    template = Template.model_validate({"id": "q", "name": "q", "sections": [group]})
    assert outline_labels(template, {"g.a": "因为。"}, run_in=True)[1] == "¶（一）为何？因为。"


def write_config(home: Path, text: str) -> None:
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "config.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("template_setting", "config", "option", "expected"),
    [
        (False, "", None, False),
        (True, "", None, True),
        (False, "[export]\nrun_in_headings = true\n", None, True),
        (True, "[export]\nrun_in_headings = false\n", None, False),
        (False, "[export]\nrun_in_headings = true\n", False, False),
        (True, "[export]\nrun_in_headings = false\n", True, True),
    ],
)
def test_run_in_setting_precedence(
    appraisal_home: Path, template_setting: bool, config: str, option: bool | None, expected: bool
) -> None:
    """The caller's choice (CLI flag, dialog) beats the user's config file, which beats the template. The config
    file is read once, by the application layer, which fills in the export options."""
    from appraisal.service import Service, Settings

    if config:
        write_config(appraisal_home, config)
    run_in = Service(Settings.load()).export_options(run_in=option).run_in_headings
    labels = outline_labels(deep_template(run_in=template_setting), {"work.c": "民生。"}, run_in=run_in)
    assert ("¶（二）民生实事。民生。" in labels) is expected


def test_title_defaults_to_the_template_title_and_date_has_no_leading_zeros() -> None:
    template = load_template("cadre-annual")
    draft = Draft.new(template, name=" 张三 ", year=2026, title="  ")
    outline = build_outline(draft, template, ExportOptions(date=dt.date(2027, 1, 8)))
    assert outline.title == "2026年度个人总结"
    assert outline.name == "张三"
    assert outline.date_text == "2027年1月8日"

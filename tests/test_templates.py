from __future__ import annotations

from pathlib import Path

import pytest
from cadre import CADRE_TEXT_IDS

from appraisal import paths
from appraisal.errors import AppraisalError
from appraisal.templates import DEFAULT_TEMPLATE, list_templates, load_template, template_ids

EXPECTED_SECTIONS = {
    "cadre-annual": ["intro", "conduct", "study", "results", "party", "law", "integrity", "weakness"],
    "civil-servant": ["intro", "virtue", "ability", "diligence", "achievements", "integrity", "improvement"],
    "duty-report": ["intro", "politics", "duties", "integrity", "law", "shortcomings", "plans", "closing"],
    "unit-summary": ["intro", "work", "problems", "plans"],
}


def test_builtin_templates_have_the_spec_section_ids() -> None:
    templates, errors = list_templates()
    assert errors == []
    by_id = {t.id: t for t in templates}
    assert set(by_id) == set(EXPECTED_SECTIONS)
    for template_id, top_ids in EXPECTED_SECTIONS.items():
        assert [s.id for s in by_id[template_id].sections] == top_ids
    assert by_id["cadre-annual"].text_section_ids() == CADRE_TEXT_IDS
    assert template_ids()[0] == DEFAULT_TEMPLATE


def test_every_text_section_has_guidance_with_the_four_parts() -> None:
    templates, _ = list_templates()
    for template in templates:
        for section in template.text_sections():
            text = template.guidance(section.id)
            for heading in ("## 写什么", "## 回忆提示", "## 示例", "## 常用表述"):
                assert heading in text, (template.id, section.id, heading)


def test_group_sections_hold_no_text_and_children_are_prefixed() -> None:
    template = load_template("cadre-annual")
    results = template.section("results")
    assert results.is_group
    assert [c.id for c in results.children] == [
        "results.service",
        "results.duties",
        "results.innovation",
        "results.foundation",
    ]
    assert "results" not in template.text_section_ids()
    assert template.placed("results.duties").level == 2
    assert template.default_title(2026) == "2026年度个人总结"


def _write_user_template(body: str, template_id: str = "mine") -> Path:
    folder = paths.user_templates_dir() / template_id
    folder.mkdir(parents=True)
    path = folder / "template.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_user_template_is_listed_and_can_override() -> None:
    _write_user_template('name = "我的模板"\n[[sections]]\nid = "work"\ntitle = "工作"\nrequired = true\n')
    template = load_template("mine")
    assert template.name == "我的模板"
    assert template.text_section_ids() == ["work"]
    _write_user_template('name = "覆盖的模板"\n[[sections]]\nid = "intro"\ntitle = "开头"\n', "unit-summary")
    assert load_template("unit-summary").name == "覆盖的模板"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('name = "x"\n[[sections]]\nid = "work"\ntitle = "工作"\nmin_chars = "很多"\n', "sections.0.min_chars"),
        ('name = "x"\n[[sections]]\nid = "work"\n', "sections.0.title"),
        ('name = "x"\nsections = []\n', "sections"),
        ('name = "x"\n[[sections]]\nid = "a"\ntitle = "甲"\n[[sections]]\nid = "a"\ntitle = "乙"\n', "栏目编号 a 重复"),
        ('name = "x"\n[[sections]]\nid = "a"\ntitle = "甲"\nmin_chars = 9\nmax_chars = 3\n', "max_chars"),
        ('name = "x"\ncolour = 1\n[[sections]]\nid = "a"\ntitle = "甲"\n', "colour"),
    ],
)
def test_malformed_template_names_file_and_field(body: str, field: str) -> None:
    path = _write_user_template(body)
    with pytest.raises(AppraisalError) as caught:
        load_template("mine")
    assert str(path) in caught.value.message
    assert field in caught.value.message


def test_of_several_repeated_ids_the_first_in_document_order_is_named() -> None:
    """The template's problems are looked for in the order `Template.walk` gives (a group, then its children):
    `a.x` twice inside the first group is named before `b` twice at the top level after it."""
    nested = '[[sections]]\nid = "a"\ntitle = "甲"\n' + '[[sections.children]]\nid = "a.x"\ntitle = "子"\n' * 2
    _write_user_template('name = "x"\n' + nested + '[[sections]]\nid = "b"\ntitle = "乙"\n' * 2)
    with pytest.raises(AppraisalError, match=r"栏目编号 a\.x 重复"):
        load_template("mine")


def test_broken_toml_names_the_file() -> None:
    path = _write_user_template("name = \n")
    with pytest.raises(AppraisalError, match="格式有误") as caught:
        load_template("mine")
    assert str(path) in caught.value.message
    templates, errors = list_templates()
    assert {t.id for t in templates} == set(EXPECTED_SECTIONS)
    assert len(errors) == 1


def test_unknown_template_lists_the_known_ones() -> None:
    with pytest.raises(AppraisalError, match="cadre-annual"):
        load_template("nope")

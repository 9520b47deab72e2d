"""Last year's plans as a checklist: the sections named 打算/方向/提高…, one item a sentence or numbered point."""

from __future__ import annotations

from appraisal.draft import Draft
from appraisal.plans import plan_sections
from appraisal.service import Service
from appraisal.templates import load_template


def test_the_plan_sections_of_each_builtin_template() -> None:
    assert plan_sections(load_template("cadre-annual")) == ["weakness.ability"]
    assert plan_sections(load_template("civil-servant")) == ["improvement"]
    assert plan_sections(load_template("duty-report")) == ["plans"]
    assert plan_sections(load_template("unit-summary")) == ["plans"]


def test_last_year_plans_one_item_each() -> None:
    template = load_template("duty-report")
    last = Draft(template="duty-report")
    last.sections["plans"] = (
        "下一步，我将重点做好以下工作：\n"
        "一是加强理论武装，每月开展专题学习不少于2次。\n"
        "二是狠抓项目落地；确保重点项目开工率达到90%。\n"
        "（三）从严管党治党，落实一岗双责。"
    )
    last.sections["duties"] = "全年完成各项任务。"  # not a plan
    items = Service.last_year_plans(last, template)
    assert [i.text for i in items] == [
        "加强理论武装，每月开展专题学习不少于2次。",
        "狠抓项目落地；",
        "确保重点项目开工率达到90%。",
        "从严管党治党，落实一岗双责。",
    ]
    assert {(i.section, i.section_title) for i in items} == {("plans", "下步打算")}
    assert Service.last_year_plans(None, template) == []

"""Sections named as people name them (issue 19 item 5): every `--section` takes the id or the Chinese name,
`appraisal templates ID` lists a template's sections, `list` shows the template's Chinese name beside its id."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from appraisal.cli import main
from appraisal.config import AssistConfig
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.notes import load_notes
from appraisal.plainfill import fill_plain
from appraisal.service import Service, Settings
from appraisal.store import create_draft, load_draft
from appraisal.templates import load_template

CADRE = load_template("cadre-annual")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_section_is_found_by_id_title_alias_or_numbered_title() -> None:
    assert CADRE.named_section("results.service").id == "results.service"
    assert CADRE.named_section("服务中心实绩").id == "results.service"
    assert CADRE.named_section("（一）服务中心实绩").id == "results.service"
    assert CADRE.named_section(" 理论 学习 ").id == "study"
    assert CADRE.named_section("四项主要工作实绩").is_group


def test_an_unknown_section_lists_ids_with_names() -> None:
    with pytest.raises(AppraisalError) as caught:
        CADRE.named_section("服务中心")
    assert "没有“服务中心”这个栏目" in caught.value.message
    assert "results.service（服务中心实绩）" in caught.value.message


def test_templates_id_lists_the_sections_with_names_and_limits(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "templates", "cadre-annual")
    assert (code, err) == (0, "")
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0] == ["cadre-annual", "干部年度考核个人总结（四项实绩）"]
    by_id = {row[0].strip(): row[1:] for row in rows[2:] if len(row) == 4}
    assert by_id["study"] == ["理论学习", "必填", "150–800 字"]
    assert by_id["intro"] == ["开头语", "选填", "0–400 字"]
    assert by_id["results.service"] == ["服务中心实绩", "必填", "300–1500 字"]
    assert by_id["results"][:2] == ["四项主要工作实绩", "（分项）"]
    assert "全文建议不超过 6000 字" in out


def test_templates_takes_the_chinese_name_and_rejects_an_unknown_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "templates", "领导干部述职述廉报告")
    assert code == 0 and "shortcomings\t存在不足及原因" in out
    code, out, err = run_cli(capsys, "templates", "述职")
    assert code == 2 and out == ""
    assert err.startswith("没有模板“述职”，可用的有：cadre-annual（干部年度考核个人总结（四项实绩））")


def test_list_shows_the_templates_chinese_name(capsys: pytest.CaptureFixture[str], appraisal_home: Path) -> None:
    create_draft(Draft.new(CADRE, name="张三", year=2026))
    code, out, _ = run_cli(capsys, "list")
    assert code == 0 and "cadre-annual（干部年度考核个人总结（四项实绩））" in out


def test_fill_takes_chinese_names_and_a_group_stands_for_its_parts(appraisal_home: Path) -> None:
    path = create_draft(Draft.new(CADRE, name="陈静", year=2025))
    out = io.StringIO()
    answers = "理论学习的新内容。\n.\n" + "一\n.\n二\n.\n三\n.\n四\n.\n"
    fill_plain(path, io.StringIO(answers), out, only=["理论学习", "四项主要工作实绩"])
    assert "共 5 个栏目" in out.getvalue()
    sections = load_draft(path).sections
    assert sections["study"] == "理论学习的新内容。"
    assert [sections[f"results.{p}"] for p in ("service", "duties", "innovation", "foundation")] == list("一二三四")


def test_assist_takes_the_chinese_name_and_refuses_a_group() -> None:
    service = Service(Settings(assist=AssistConfig(base_url="http://127.0.0.1:9/v1", model="m")))
    draft = Draft.new(CADRE, name="张三", year=2026)
    draft.sections["results.service"] = "全年走访企业86家，协调解决问题21个。"
    request = service.assist_request(draft, CADRE, "服务中心实绩", "polish")
    assert (request.section_id, request.section_title) == ("results.service", "服务中心实绩")
    with pytest.raises(AppraisalError) as caught:
        service.assist_request(draft, CADRE, "四项主要工作实绩", "polish")
    assert "请指定其中一项" in caught.value.message and "results.service（服务中心实绩）" in caught.value.message


def test_note_add_takes_the_chinese_name(capsys: pytest.CaptureFixture[str], appraisal_home: Path) -> None:
    code, _out, err = run_cli(capsys, "note", "add", "走访企业12家", "--section", "服务中心实绩", "--year", "2026")
    assert code == 0, err
    assert [n.section for n in load_notes(2026).notes] == ["results.service"]

"""Who a report speaks for, and its title (issue 22, a tester's voice.txt): a cadre's 全县、全市 is the reach of the
work, not a unit speaking, and a dated title (`2026年度工作总结`) stays the title, with its year, whatever template
is chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import assert_nothing_lost

from appraisal.cli import main
from appraisal.importing import Document, ImportResult, import_summary, parse_document
from appraisal.importing.reader import split_lines
from appraisal.importing.recognise import voice_of
from appraisal.store import load_draft

CADRE = """\
2026年度工作总结
　　一年来，本人在县委县政府的领导下，牵头推进全县重点项目建设，全县实施重点项目38个，全县完成投资45.6亿元。
　　协调全县各乡镇落实用地指标，全县新增市场主体3120户，全市排名第3位。
　　下一步，将继续抓好全县项目建设。
"""


def parse(text: str, template: str | None = None) -> ImportResult:
    result = parse_document(Document(None, "txt", split_lines(text)), template)
    assert_nothing_lost(result)
    return result


def test_a_place_s_scope_is_not_a_unit_speaking() -> None:
    voice = voice_of(CADRE)
    assert (voice.personal, voice.collective) == (1, 0)
    assert voice.name == "personal"
    assert voice.describe() == "正文以个人口吻叙述（本人 1 处，不明显）"


def test_the_words_counted_are_the_words_named() -> None:
    voice = voice_of("我局全年完成投资。我们坚持问题导向，我局推进改革，本局干部作风转变。全局上下齐心。")
    assert voice.collective_words == (("我局", 2), ("我们", 1), ("本局", 1))
    assert voice.describe() == "正文以单位口吻叙述（我局 2 处、我们 1 处、本局 1 处）"


@pytest.mark.parametrize("text", ["坚持自我革命，勇于自我批评。", "我国经济回升向好，我省排名靠前，我党百年奋斗。"])
def test_self_and_country_are_not_the_first_person(text: str) -> None:
    assert voice_of(text).personal == 0


def test_a_cadre_s_first_person_report_is_not_said_to_speak_for_a_unit() -> None:
    result = parse(CADRE)
    said = "；".join(result.reasons)
    assert "单位口吻" not in said and "我们、我局" not in said
    assert "个人口吻" in said
    assert not result.confident  # the title's 工作总结 is a unit's word, the voice a person's: asked, never silent
    assert "未能确定文档所用的模板，暂按「" in import_summary(result) and "--template" in import_summary(result)


@pytest.mark.parametrize("template", [None, "unit-summary", "cadre-annual", "civil-servant", "duty-report"])
def test_a_dated_title_and_its_year_are_kept_whatever_the_template(template: str | None) -> None:
    result = parse(CADRE, template)
    assert result.draft.title == "2026年度工作总结"
    assert result.draft.profile.year == 2026
    summary = import_summary(result)
    assert "第 1 行" not in summary  # the title is no section's heading
    assert "没有找到考核年度" not in summary


def test_a_numbered_dated_line_stays_a_heading() -> None:
    text = "某某局述职报告\n一、2026年度工作总结\n本人全年牵头推进项目建设。\n二、存在的问题\n调研不够深入。\n"
    result = parse(text, "duty-report")
    assert result.draft.title == "某某局述职报告"


def test_check_finds_no_placeholder_the_writer_never_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "voice.txt"
    source.write_text(CADRE, encoding="utf-8")
    draft = tmp_path / "voice.json"
    assert main(["import", str(source), "-o", str(draft)]) == 0
    assert load_draft(draft).title == "2026年度工作总结"
    capsys.readouterr()
    main(["check", str(draft)])
    out = capsys.readouterr().out
    assert "placeholder" not in out and "20**" not in out


def test_a_bare_title_is_never_replaced_by_the_template_s_placeholder() -> None:
    result = parse("工作总结\n" + CADRE.split("\n", 1)[1])
    assert result.draft.title == "工作总结"
    assert "20**" not in result.draft.title


def test_a_unit_summary_under_a_bare_title_is_still_recognised() -> None:
    text = (
        "工作总结\n一、主要工作及成效\n我局全年完成投资。我们推进改革。我局作风转变。\n"
        "二、存在的主要问题\n我局储备不足。\n三、下一年工作安排\n我局将继续抓好。\n"
    )
    result = parse(text)
    assert (result.template.id, result.confident, result.draft.title) == ("unit-summary", True, "工作总结")
    assert result.draft.sections["work"] == "我局全年完成投资。我们推进改革。我局作风转变。"


def test_a_person_s_own_verbs_after_me_are_not_a_unit() -> None:
    """我会同…, 我会认真…, 我所在的…, 我处理…, 我办理… are a person speaking; 我处, 我所 as units still count."""
    voice = voice_of("我会同有关科室认真整改，我会认真落实。我所在的科室负责审批，我处理信访件20件，我办理建议12件。")
    assert (voice.personal, voice.collective) == (5, 0)
    assert voice_of("我处全年办理文件300件，我所全年完成课题3项。").collective_words == (("我处", 1), ("我所", 1))

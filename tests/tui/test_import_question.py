"""The template question when the importer is unsure, driven by keys alone: a first-person report whose headings
are a unit summary's is never imported as a unit's silently — the editor asks, with the evidence in one line."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from appraisal.store import draft_files, load_draft
from appraisal.tui.screens.import_document import ImportScreen, ImportSummaryScreen, TemplateQuestion

from .editing import screen_lines
from .helpers import make_app, make_draft, wait_until

PERSONAL_WITH_UNIT_HEADINGS = """\
2025年工作总结
一、主要工作及成效
本人全年牵头完成固定资产投资二十亿元，我负责的招商专班新引进企业十二家。
二、存在的主要问题
本人在项目储备上还有差距。
三、下一年工作安排
我将继续抓好招商引资。
"""


async def test_the_question_is_asked_with_the_evidence_and_answered_by_keys(tmp_path: Path) -> None:
    make_draft()  # the app opens on the start screen
    source = tmp_path / "report.txt"
    source.write_text(PERSONAL_WITH_UNIT_HEADINGS, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await wait_until(lambda: isinstance(app.screen, ImportScreen))
        await pilot.press(*str(source))  # typed, as a user does
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, TemplateQuestion))
        question = app.screen
        assert isinstance(question, TemplateQuestion)
        assert len(draft_files()) == 1  # nothing created while the question is open
        shown = "".join(screen_lines(app)).replace(" ", "").replace("│", "")
        assert "推测的依据：" in shown and "个人口吻" in shown and "是单位用的模板" in shown
        options = question.query_one("#templates", OptionList)
        for _ in range(len(question.templates)):
            if options.highlighted is not None and question.templates[options.highlighted].id == "cadre-annual":
                break
            await pilot.press("up")
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, ImportSummaryScreen))
        shown = app.screen.text.plain  # type: ignore[attr-defined]
        assert "干部年度考核个人总结（四项实绩）" in shown and "（您选择；" in shown
    made = [d for d in map(load_draft, draft_files()) if "招商专班" in "".join(d.sections.values())]
    assert [d.template for d in made] == ["cadre-annual"]


async def _asked(pilot: Pilot[object], source: Path) -> str:
    """Open the import dialog by I, type the path, Enter: the template question, as the screen shows it."""
    app = pilot.app
    await pilot.pause()
    await pilot.press("i")
    await wait_until(lambda: isinstance(app.screen, ImportScreen))
    await pilot.press(*str(source), "enter")
    await wait_until(lambda: isinstance(app.screen, TemplateQuestion))
    return "".join(screen_lines(app)).replace(" ", "").replace("│", "")


SPEECH = (
    "在全县招商引资工作会议上的讲话\n同志们：\n"
    + "今天召开这次会议，主要是总结工作、部署任务。我们要坚定信心，抓好项目落地。" * 12
    + "\n谢谢大家！\n张三\n2025年12月20日\n"
)


async def test_a_speech_is_said_to_fit_no_template_and_goes_to_the_body_of_the_one_chosen(tmp_path: Path) -> None:
    make_draft()
    source = tmp_path / "speech.txt"
    source.write_text(SPEECH, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        shown = await _asked(pilot, source)
        assert "不符合任何模板" in shown and "讲话类材料" in shown
        await pilot.press("enter")  # the guess
        await wait_until(lambda: isinstance(app.screen, ImportSummaryScreen))
        summary = app.screen.text.plain  # type: ignore[attr-defined]
        assert "该文档不符合任何模板，正文已放入「" in summary
        assert "落款日期：2025年12月20日" in summary


NEWS = (
    "我县召开重点项目推进会\n本报讯（记者 王明）12月5日，我县召开重点项目推进会。会上，各乡镇作了交流发言。"
    "据介绍，今年全县实施重点项目86个。县委书记张强出席会议并讲话。\n"
)


async def test_a_news_story_is_said_to_be_no_report_and_escape_creates_nothing(tmp_path: Path) -> None:
    make_draft()
    source = tmp_path / "news.txt"
    source.write_text(NEWS, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await _asked(pilot, source)
        assert "看起来不是个人总结或述职报告" in shown and "像是新闻报道（有“本报讯”“记者”" in shown
        await pilot.press("escape")
        await wait_until(lambda: isinstance(app.screen, ImportScreen))
        assert len(draft_files()) == 1  # nothing created
        await pilot.press("enter")  # asked again; this time the guess is taken, and the summary says it again
        await wait_until(lambda: isinstance(app.screen, TemplateQuestion))
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, ImportSummaryScreen))
        summary = app.screen.text.plain  # type: ignore[attr-defined]
        assert "该文档不像个人总结或述职报告（像是新闻报道），正文已放入「" in summary
    assert len(draft_files()) == 2

"""Review: all findings, choosing one jumps to its section and position, fixes are applied and saved.
Run with the real checker (through the service), as the user gets it. The draft is checked in a worker: a test
waits for the list as a writer waits for 正在检查全文 to give way to it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import OptionList

from appraisal.checks import CHECK_FAILED, RULES, Context, Field, Finding, Rule, Severity
from appraisal.store import load_draft
from appraisal.tui.screens.dialogs import ConfirmScreen
from appraisal.tui.screens.history import HistoryScreen
from appraisal.tui.screens.review import UNDO_FIXES, ReviewScreen

from .editing import editing
from .helpers import editor_ready, make_app, make_draft, wait_until


def checked(review: ReviewScreen) -> bool:
    summary = str(review.query_one("#review-summary").render())
    return summary.startswith("审阅全文") and "正在检查" not in summary


async def review_of(pilot, app) -> ReviewScreen:  # type: ignore[no-untyped-def]
    """F5, and the review once it has checked the draft."""
    await pilot.press("f5")
    await wait_until(lambda: isinstance(app.screen, ReviewScreen) and checked(app.screen))
    review = app.screen
    assert isinstance(review, ReviewScreen)
    return review


async def test_review_lists_findings_and_jumps_to_line_and_column() -> None:
    sections = {"conduct": "第一段没有问题。", "study": "第一段。\n参加XX局组织的培训班"}
    async with editing(sections, on="conduct", size=(100, 30)) as e:
        review = await review_of(e.pilot, e.app)
        prompts = [str(o.prompt) for o in review.query_one("#review-list", OptionList).options]
        assert any("理论学习" in p and "第2段第3字" in p and "XX" in p for p in prompts)
        index = next(i for i, f in enumerate(review.findings) if f.rule == "placeholder")
        review.query_one("#review-list", OptionList).highlighted = index
        await e.pilot.press("enter")
        await e.pilot.pause()
        assert e.app.screen is e.screen
        assert e.screen.current_id == "study"
        assert e.screen.editor.selection.start == (1, 2)
        assert e.screen.editor.selection.end == (1, 4)
        assert e.screen.editor.selected_text == "XX"
        assert e.screen.editor.has_focus


async def test_fix_all_applies_fixes_saves_and_updates_editor() -> None:
    async with editing({"law": "依法行政,严格执法", "integrity": "廉洁自律,清正廉洁"}, on="law", size=(100, 30)) as e:
        review = await review_of(e.pilot, e.app)
        assert [f.rule for f in review.findings if f.fix is not None] == ["halfwidth-punctuation"] * 2
        await e.pilot.press("f")
        await wait_until(lambda: checked(review))
        assert [f for f in review.findings if f.fix is not None] == []
        assert "halfwidth-punctuation" not in {f.rule for f in review.findings}
        assert load_draft(e.path).sections["law"] == "依法行政，严格执法"
        assert load_draft(e.path).sections["integrity"] == "廉洁自律，清正廉洁"
        await e.pilot.press("escape")
        await e.pilot.pause()
        assert e.screen.editor.text == "依法行政，严格执法"
        # Typing after the fix must not bring the old text back.
        e.screen.editor.move_cursor(e.screen.editor.document.end)
        e.screen.editor.insert("。")
        e.screen.save_now()
        assert load_draft(e.path).sections["law"] == "依法行政，严格执法。"


async def test_fix_all_says_how_to_undo_and_f7_takes_the_fixes_back_by_keys() -> None:
    """Ctrl+Z in the editor did not undo `f`'s fixes (made in sections it does not show), and nothing said what
    would: the notice says F7, and there the version before the fixes is restored with keys alone."""
    async with editing({"law": "依法行政,严格执法", "integrity": "廉洁自律,清正廉洁"}, on="law", size=(100, 30)) as e:
        review = await review_of(e.pilot, e.app)
        await e.pilot.press("f")
        await wait_until(lambda: checked(review))
        assert f"已修正 2 处。{UNDO_FIXES}" in [n.message for n in e.app._notifications]
        await e.pilot.press("escape", "f7")
        await wait_until(lambda: isinstance(e.app.screen, HistoryScreen))
        await e.pilot.press("down", "r")
        await wait_until(lambda: isinstance(e.app.screen, ConfirmScreen))
        await e.pilot.press("y")
        await wait_until(lambda: e.app.screen is e.screen)
        assert e.screen.editor.text == "依法行政,严格执法"
        assert load_draft(e.path).sections["integrity"] == "廉洁自律,清正廉洁"


async def test_fix_selected_only_changes_that_finding() -> None:
    path = make_draft(sections={"law": "依法行政,严格执法\n公正文明,执法为民"})
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        review = await review_of(pilot, app)
        commas = [i for i, f in enumerate(review.rows) if f.rule == "halfwidth-punctuation"]
        assert len(commas) == 2
        review.query_one("#review-list", OptionList).highlighted = commas[1]
        await pilot.press("x")
        await wait_until(lambda: checked(review))
        assert load_draft(path).sections["law"] == "依法行政,严格执法\n公正文明，执法为民"
        assert len([f for f in review.findings if f.rule == "halfwidth-punctuation"]) == 1


async def test_identical_findings_of_a_paragraph_are_one_row_with_a_count() -> None:
    """Eight half-width commas in one paragraph: one row saying 本段 8 处 in the review and in the findings tab;
    fixing that row fixes all eight."""
    text = "一,二,三,四,五,六,七,八,九。"
    async with editing({"law": text}, on="law", size=(120, 40), started=True) as e:
        await wait_until(lambda: bool(e.screen.guidance.findings))
        prompts = [str(o.prompt) for o in e.screen.query_one("#findings-list", OptionList).options]
        commas = [p for p in prompts if "半角“,”" in p]
        assert commas == ["提示 第1段第2字  本段 8 处，可自动修正：中文里的半角“,”应改为全角“，”。"]
        review = await review_of(e.pilot, e.app)
        prompts = [str(o.prompt) for o in review.query_one("#review-list", OptionList).options]
        assert len([p for p in prompts if "本段 8 处" in p]) == 1
        review.query_one("#review-list", OptionList).highlighted = next(
            i for i, f in enumerate(review.rows) if f.rule == "halfwidth-punctuation"
        )
        await e.pilot.press("x")
        await e.pilot.pause()
        assert load_draft(e.path).sections["law"] == "一，二，三，四，五，六，七，八，九。"


async def test_findings_tab_updates_after_typing_pause() -> None:
    async with editing(on="party", size=(100, 30)) as e:
        await e.pilot.press(*"抓好XX支部")
        await wait_until(lambda: "placeholder" in {f.rule for f in e.screen.guidance.findings})
        assert [f.rule for f in e.screen.guidance.findings] == ["section-too-short", "placeholder"]
        assert e.screen.section_list.look_of("party") == "errors"
        prompts = [str(o.prompt) for o in e.screen.query_one("#findings-list", OptionList).options]
        assert "第1段第3字" in prompts[1] and "XX" in prompts[1]


class Raises(Rule):
    """A rule with a bug: it raises on every call."""

    name = "always-raises"
    severity = Severity.WARNING
    title = "总出错的检查"
    description = "总是出错的规则。"

    def check_field(self, item: Field, ctx: Context) -> Iterator[Finding]:
        raise RuntimeError("bug in the rule")


async def test_a_rule_that_raises_is_shown_in_the_findings_and_the_review(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken checker must never look like a clean report: the user sees that a check could not run."""
    monkeypatch.setitem(RULES, Raises.name, Raises())
    path = make_draft(sections={"law": "依法行政,严格执法"})
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await editor_ready(app)
        await wait_until(lambda: editor.started)
        editor.go_to("law")
        await pilot.pause()
        prompts = [str(o.prompt) for o in editor.query_one("#findings-list", OptionList).options]
        assert any("“总出错的检查”检查未能运行" in p for p in prompts)
        assert editor.section_list.look_of("law") == "errors"
        await pilot.press(*"加强")  # and after typing, when only this section is checked again
        await wait_until(lambda: "加强" in editor.session.draft.sections["law"])
        editor.check_section("law")
        await pilot.pause()
        prompts = [str(o.prompt) for o in editor.query_one("#findings-list", OptionList).options]
        assert any("“总出错的检查”检查未能运行" in p for p in prompts)

        review = await review_of(pilot, app)
        summary = str(review.query_one("#review-summary").render())
        assert "全文未发现问题" not in summary
        failed = [f for f in review.findings if f.rule == CHECK_FAILED]
        assert len(failed) == 1 and failed[0].severity is Severity.ERROR
        lines = [str(o.prompt) for o in review.query_one("#review-list", OptionList).options]
        assert "“总出错的检查”检查未能运行" in lines[0]
        assert "halfwidth-punctuation" in {f.rule for f in review.findings}, "the other rules still ran"
        await pilot.press("enter")  # choosing it says it again; no dialog opens
        await pilot.pause()
        assert app.screen is editor
        assert any("检查未能运行" in n.message for n in app._notifications)


async def test_real_checker_profile_finding_opens_profile_dialog() -> None:
    """With the real checker: a missing 单位 is a finding without a section; choosing it opens 个人信息."""
    from textual.widgets import Input

    from appraisal.tui.screens.profile import ProfileScreen

    path = make_draft()
    draft = load_draft(path)
    draft.profile.unit = ""
    from appraisal.store import save_draft

    save_draft(draft, path)
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await editor_ready(app)
        review = await review_of(pilot, app)
        index = next(i for i, f in enumerate(review.findings) if f.rule == "profile-incomplete")
        review.query_one("#review-list", OptionList).highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#profile-unit", Input).value = "某市统计局"
        app.screen.query_one("#profile-title", Input).value = "2025年度述职报告"
        await pilot.click("#ok")
        await pilot.pause()
        assert app.screen is editor
        assert "2025年度述职报告" in str(editor.query_one("#status").render())
    on_disk = load_draft(path)
    assert (on_disk.profile.unit, on_disk.title) == ("某市统计局", "2025年度述职报告")


async def test_fixes_that_cannot_be_saved_are_said_as_every_failed_save_is_and_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The review saves its fixes through the editor's one save path: a full disk is the same sentence as in
    the editor (the fixes kept in memory, retried), not a silent failure."""
    from appraisal.errors import AppraisalError

    from .editing import notices

    async with editing({"law": "依法行政,严格执法"}, on="law", size=(100, 30), notifications=True) as e:

        def no_space(*args: object, **kwargs: object) -> None:
            raise AppraisalError(f"保存 {e.path} 失败：磁盘空间不足。")

        monkeypatch.setattr(e.screen.session.opened, "save", no_space)
        review = await review_of(e.pilot, e.app)
        await e.pilot.press("f")
        await wait_until(lambda: checked(review))
        assert f"保存 {e.path} 失败：磁盘空间不足，文字仍在编辑器中，稍后会自动再试。" in notices(e.app)
        assert e.screen.session.text("law") == "依法行政，严格执法"
        assert load_draft(e.path).sections["law"] == "依法行政,严格执法"


async def test_fix_all_keeps_the_full_width_spaces_between_a_tables_cells() -> None:
    """A Word table is imported a row to a line, its cells joined by a full-width space (README); 修正全部 (F)
    deleted those spaces as 中文之间不应有空格 and ran the cells together (老旧小区改造完成改造12个…). A full-width
    space is now reported without a fix; a half-width one is still fixed."""
    row = "老旧小区改造　完成改造12个，惠及居民860户　住建局牵头"
    async with editing({"intro": f"{row}\n全面 推进各项工作。"}, on="intro", size=(100, 30)) as e:
        review = await review_of(e.pilot, e.app)
        spaces = [f for f in review.findings if f.rule == "punctuation"]
        assert [(f.line, f.fix) for f in spaces] == [(1, None)] * 2 + [(2, "")]
        await e.pilot.press("f")
        await wait_until(lambda: load_draft(e.path).sections["intro"] != f"{row}\n全面 推进各项工作。")
        assert load_draft(e.path).sections["intro"] == f"{row}\n全面推进各项工作。"


async def test_after_fixing_one_row_the_next_row_is_selected() -> None:
    """x on a row, then x again: the second x fixes the row that came after it. Before, the list went back to its
    first row (a section too short, which has no fix: 这一条不能自动修正)."""
    text = "做为分管领导,我再接再励,完成任务。"
    async with editing({"integrity": text}, on="integrity", size=(100, 30)) as e:
        review = await review_of(e.pilot, e.app)
        fixable = [i for i, f in enumerate(review.rows) if f.fix is not None]
        assert len(fixable) == 3 and fixable[0] > 0  # 做为, the commas, 再接再励; a row with no fix before them
        await e.pilot.press(*["down"] * fixable[0], "x")  # 做为
        await wait_until(lambda: checked(review) and len([f for f in review.rows if f.fix is not None]) == 2)
        await e.pilot.press("x")  # the commas
        await wait_until(lambda: checked(review) and len([f for f in review.rows if f.fix is not None]) == 1)
        assert load_draft(e.path).sections["integrity"] == "作为分管领导，我再接再励，完成任务。"


async def test_a_finding_in_the_title_is_listed_as_the_titles() -> None:
    """A title left as 20**年度个人总结: the review listed it as 全文 … 第1段第1字, as if about the whole text,
    while the command line says 标题 第1字."""
    async with editing(size=(100, 30)) as e:
        e.screen.session.draft.title = "20**年度个人总结"
        review = await review_of(e.pilot, e.app)
        prompts = [str(o.prompt) for o in review.query_one("#review-list", OptionList).options]
        title = next(p for p in prompts if "20**" in p)
        assert title.startswith("标题 错误 第1字  ")

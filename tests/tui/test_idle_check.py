"""The dictionary rules (tier `idle`) run in a worker once typing stops, never on the UI thread's typing path; their
findings join the section's and leave it as soon as the text they were found in changes."""

from __future__ import annotations

from pathlib import Path

from appraisal.draft import Draft
from appraisal.service import WHEN_IDLE, Service
from appraisal.templates import load_template
from appraisal.text.counting import LONG
from appraisal.tui.screens.editor_findings import texts_copy

from .helpers import editor_ready, make_app, make_draft, wait_until

PASTED = "全年税收收入同比增长%，完成年度目标。\n" * (LONG // 19 + 1)
"""A pasted document: a section of LONG characters or more, its fast rules run in a worker."""


def rules(editor, section_id: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.rule for f in editor.findings.get(section_id, [])}


async def settled_editor(app):  # type: ignore[no-untyped-def]
    """The editor once its first whole-draft check is done."""
    editor = await editor_ready(app)
    await wait_until(lambda: editor.started and not editor.checks.whole.pending, timeout=60)
    return editor


async def test_a_typo_in_context_appears_once_the_worker_is_done(tmp_path: Path) -> None:
    path = make_draft(sections={"conduct": "全面惯彻落实会议精神，同比增长%。"})
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await editor_ready(app)
        editor.go_to("conduct")
        # The first run loads the dictionary and writes its prebuilt copy into this test's fresh home.
        await wait_until(lambda: "typo-in-context" in rules(editor, "conduct"), timeout=60)
        assert "missing-figure" in rules(editor, "conduct")  # the fast rules' findings are kept beside them
        finding = next(f for f in editor.findings["conduct"] if f.rule == "typo-in-context")
        assert (finding.column, finding.fix) == (3, "贯")
        # Typing changes the text: the idle finding goes with the old text, the fast ones are checked at once.
        editor.editor.move_cursor((0, 0))
        await pilot.press(*"要")
        editor.check_section("conduct")
        assert "typo-in-context" not in {f.rule for f in editor.checks.fast.get("conduct", [])}
        await wait_until(
            lambda: any(f.rule == "typo-in-context" and f.column == 4 for f in editor.findings["conduct"]), timeout=60
        )


async def test_the_typing_path_runs_only_the_fast_rules(tmp_path: Path) -> None:
    path = make_draft(sections={"conduct": "要认真的落实各项政策，进一步进一步加强管理。"})
    app = make_app(path)
    async with app.run_test(size=(100, 30)):
        editor = await editor_ready(app)
        editor.go_to("conduct")
        await wait_until(lambda: {"de-di-de", "repeated-word"} <= rules(editor, "conduct"), timeout=60)
        assert not {"de-di-de", "repeated-word"} & {f.rule for f in editor.checks.fast["conduct"]}


def test_the_idle_worker_reads_a_copy_of_the_texts_the_editor_cannot_change() -> None:
    """The dictionary rules run in a worker on `texts_copy`: what the editor changes in place afterwards (a
    section typed in, the profile) is not in it, and the rules find in it what they find in the whole draft."""
    template = load_template("cadre-annual")
    draft = Draft.new(template, name="周明远", year=2025)
    draft.title = "2025年度个人总结"
    draft.sections["law"] = "要认真的落实各项政策，全面惯彻落实会议精神。"
    copy = texts_copy(draft)
    service = Service()
    found = service.check_section(copy, template, "law", None, WHEN_IDLE)
    assert found == service.check_section(draft.model_copy(deep=True), template, "law", None, WHEN_IDLE)
    assert {f.rule for f in found} >= {"de-di-de", "typo-in-context"}
    draft.sections["law"] = "改过的文字。"
    draft.profile.year, draft.title = 2026, "改过的标题"
    assert copy.sections["law"] == "要认真的落实各项政策，全面惯彻落实会议精神。"
    assert (copy.profile.year, copy.title) == (2025, "2025年度个人总结")


async def test_a_big_section_is_checked_off_the_ui_thread_one_run_at_a_time() -> None:
    """A pasted document: the fast rules on 1.6 million 字 took 6 s on the UI thread after every pause in typing
    (keys waited for it). From counting.LONG characters they run in a worker, one run at a time; findings for a
    text typed in since are dropped, and the section is checked again."""
    import threading

    app = make_app(make_draft(sections={"conduct": PASTED}))
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await settled_editor(app)
        service = editor.service()
        checked = service.check_section
        threads: list[bool] = []
        running: list[int] = []

        def check_section(*args, **kwargs):  # type: ignore[no-untyped-def]
            if args[4] is WHEN_IDLE:  # the dictionary rules: their own worker
                return checked(*args, **kwargs)
            threads.append(threading.current_thread() is threading.main_thread())
            running.append(1)
            try:
                assert len(running) == 1, "two runs at once"
                return checked(*args, **kwargs)
            finally:
                running.pop()

        service.check_section = check_section  # type: ignore[method-assign]
        editor.go_to("conduct")
        editor.editor.move_cursor(editor.editor.document.end)
        editor.checks.fast.pop("conduct", None)
        await pilot.press(*"又一句")
        editor.check_section("conduct")
        await pilot.press("字")
        editor.check_section("conduct")  # while the first run goes on: waits for it
        editor.check_section("conduct")
        await wait_until(lambda: "missing-figure" in {f.rule for f in editor.checks.fast.get("conduct", [])})
        assert threads and not any(threads)  # never on the UI thread
        await wait_until(lambda: not editor.checks.big.running, timeout=60)
        assert editor.session.text("conduct").endswith("又一句字")


async def test_a_big_section_the_checker_fails_on_keeps_its_findings_and_the_next_one_is_checked(caplog) -> None:  # type: ignore[no-untyped-def]
    """The checker's own failure on a big section (not a rule's, which is a finding) is logged; the findings shown
    stay, the app goes on, and a section asked for meanwhile is checked after it."""
    import logging
    import threading

    app = make_app(make_draft(sections={"conduct": PASTED, "study": PASTED}))
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await settled_editor(app)
        service = editor.service()
        checked = service.check_section
        release = threading.Event()
        asked: list[str] = []

        def check_section(draft, template, section_id, *args, **kwargs):  # type: ignore[no-untyped-def]
            if args[1] is WHEN_IDLE:
                return checked(draft, template, section_id, *args, **kwargs)
            asked.append(section_id)
            if section_id == "conduct":
                release.wait(30)
                raise RuntimeError("the checker broke")
            return checked(draft, template, section_id, *args, **kwargs)

        service.check_section = check_section  # type: ignore[method-assign]
        shown = list(editor.checks.fast["conduct"])
        assert "missing-figure" in rules_of(shown)
        editor.checks.fast.pop("study", None)
        with caplog.at_level(logging.ERROR):
            editor.check_section("conduct")
            editor.check_section("study")  # waits for the run on conduct
            assert editor.checks.big_waiting == ["study"]
            release.set()
            await wait_until(lambda: "missing-figure" in rules_of(editor.checks.fast.get("study", [])), timeout=60)
        assert asked == ["conduct", "study"]
        assert editor.checks.fast["conduct"] == shown  # the findings shown stay
        assert "checking a big section failed" in caplog.text
        await pilot.press("a")
        assert app.is_running


def rules_of(found: list) -> set[str]:  # type: ignore[type-arg]
    return {f.rule for f in found}

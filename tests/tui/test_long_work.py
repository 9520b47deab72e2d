"""Long work runs off the UI thread (appraisal/tui/background.py): while an export writes, a document is read for
import, or the review checks the whole draft, the keys go on working — typing lands in the text, Esc leaves a
dialog — and a second request is refused in one sentence. Each test holds the long part with a stand-in that
waits for the test (at most a few seconds) and notes whether it has finished: on the UI thread the keys could only
arrive after it had, and every test here fails."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from appraisal.checks.base import ALL_TIERS
from appraisal.service import Service
from appraisal.store import draft_files, load_draft
from appraisal.tui.screens.dialogs import ConfirmScreen
from appraisal.tui.screens.import_document import ImportScreen
from appraisal.tui.screens.review import ReviewScreen
from appraisal.tui.screens.start import StartScreen

from .editing import editing, notices
from .helpers import make_app, wait_until
from .test_confirm_keys import export_to
from .test_import_document import FREE_FORM, document

INTRO = "本人XX年来认真履职。"
EXPORTING = "正在导出，请等这次导出完成后再导出。"


class Gate:
    """Holds a stand-in until the test lets it go (at most `limit` seconds, so that the old code, which runs it
    on the UI thread where the test cannot let it go, only stalls), and notes its thread and arguments. The limit
    is well above `wait_until`'s: with 4 s, a loaded machine (load 10 under `-n 2`) let the gate open by itself
    before the test's keys had landed, and two tests failed on correct code."""

    def __init__(self, limit: float = 90.0) -> None:
        self.limit = limit
        self.started = threading.Event()
        self.release = threading.Event()
        self.finished = threading.Event()
        self.threads: list[threading.Thread] = []
        self.args: tuple[Any, ...] = ()

    def hold(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def slow(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread())
            self.args = args
            self.started.set()
            self.release.wait(self.limit)
            try:
                return original(*args, **kwargs)
            finally:
                self.finished.set()

        return slow


async def test_typing_goes_on_while_an_export_writes_and_a_second_f6_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate()
    monkeypatch.setattr(Service, "export", gate.hold(Service.export))
    async with editing({"intro": INTRO}, size=(100, 30), started=True, notifications=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await export_to(pilot, tmp_path)
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")  # the placeholder is an error: 仍要导出
        await wait_until(gate.started.is_set)
        await pilot.press(*"导出时写的")
        await wait_until(lambda: editor.editor.text.endswith("导出时写的"))
        assert not gate.finished.is_set(), "the keys waited for the export"
        await pilot.press("f6")  # a second export while one is writing: refused in one sentence
        await pilot.pause()
        assert app.screen is editor and EXPORTING in notices(app)
        gate.release.set()
        await wait_until(lambda: any(n.startswith("已导出：") for n in notices(app)))
        assert gate.threads[0] is not threading.main_thread()
        assert gate.args[1] is not editor.session.draft  # the worker wrote from a copy of the draft
        assert gate.args[1].sections["intro"] == INTRO  # as it was when Enter was pressed
        await pilot.press("ctrl+s")
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".txt"]
    assert load_draft(e.path).sections["intro"] == INTRO + "导出时写的"


async def test_an_exporter_bug_is_one_sentence_and_the_text_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("list index out of range")

    monkeypatch.setattr(Service, "export", broken)
    async with editing({"intro": INTRO}, size=(100, 30), started=True, notifications=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await export_to(pilot, tmp_path)
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(lambda: any("程序出错" in n for n in notices(app)))
        (told,) = [n for n in notices(app) if "程序出错" in n]
        assert told == "导出时程序出错，草稿未受影响；详细情况已记入数据目录中的 appraisal.log。"
        assert app.screen is editor
        await pilot.press(*"又写的")
        await wait_until(lambda: editor.editor.text.endswith("又写的"))
        await pilot.press("ctrl+s")
    assert list(tmp_path.iterdir()) == []
    assert load_draft(e.path).sections["intro"] == INTRO + "又写的"


async def test_esc_leaves_the_import_dialog_while_the_document_is_read_and_nothing_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from appraisal.tui.screens import import_document as screen_module

    gate = Gate()
    monkeypatch.setattr(screen_module, "import_document", gate.hold(screen_module.import_document))
    source = document(tmp_path, "述职.txt", FREE_FORM)
    before = draft_files()
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await wait_until(lambda: isinstance(app.screen, ImportScreen))
        dialog = app.screen
        await pilot.press(*str(source), "enter")
        await wait_until(gate.started.is_set)
        assert not gate.finished.is_set(), "the keys waited for the reading"
        assert str(dialog.query_one("#form-error", Static).render()) == "正在读取 述职.txt……"
        await pilot.press("enter")  # a second Enter while reading: refused in one sentence
        await pilot.pause()
        assert "正在读取文档，请稍候。" in notices(app)
        await pilot.press("escape")
        await wait_until(lambda: isinstance(app.screen, StartScreen))
        assert not gate.finished.is_set(), "Esc waited for the reading"
        gate.release.set()
        await wait_until(gate.finished.is_set)
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)  # the reading's answer went nowhere
    assert len(gate.threads) == 1 and gate.threads[0] is not threading.main_thread()
    assert draft_files() == before


async def test_the_review_checks_in_a_worker_and_esc_goes_back_to_typing(monkeypatch: pytest.MonkeyPatch) -> None:
    gate = Gate()
    held = gate.hold(Service.check_draft)
    typing_path = Service.check_draft

    def check_draft(self: Service, draft: Any, template: Any, last_year: Any = None, tiers: Any = ALL_TIERS) -> Any:
        """Only the whole check is held: the editor's fast tier after each pause runs as before."""
        run = held if tiers == ALL_TIERS else typing_path
        return run(self, draft, template, last_year, tiers)

    monkeypatch.setattr(Service, "check_draft", check_draft)
    async with editing({"intro": INTRO}, size=(100, 30), started=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await pilot.press("f5")
        await wait_until(gate.started.is_set)
        assert not gate.finished.is_set(), "the keys waited for the check"
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert "正在检查全文" in str(review.query_one("#review-summary", Static).render())
        await pilot.press("escape")
        await wait_until(lambda: app.screen is editor)
        await pilot.press(*"审阅时写的")
        await wait_until(lambda: editor.editor.text.endswith("审阅时写的"))
        assert not gate.finished.is_set(), "the keys waited for the check"
        gate.release.set()
        await wait_until(gate.finished.is_set)
        await pilot.press("f5")  # and a review let run lists the findings
        await wait_until(lambda: isinstance(app.screen, ReviewScreen) and bool(app.screen.rows))
        assert any(f.rule == "placeholder" for f in app.screen.rows)  # type: ignore[attr-defined]
    assert gate.threads[0] is not threading.main_thread()


async def test_enter_in_the_export_dialog_before_its_check_is_done_exports_once_the_errors_are_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog finds the draft's errors in a worker: Enter meanwhile is not an export without the question."""
    gate = Gate()
    monkeypatch.setattr(Service, "errors", gate.hold(Service.errors))
    async with editing({"intro": INTRO}, size=(100, 30), started=True, notifications=True) as e:
        app, pilot = e.app, e.pilot
        await export_to(pilot, tmp_path)
        await wait_until(gate.started.is_set)
        assert not gate.finished.is_set(), "the keys waited for the check"
        dialog = app.screen
        assert str(dialog.query_one("#form-error", Static).render()) == "正在检查全文，检查完即导出。"
        gate.release.set()
        # The placeholder is an error. The question is asked as soon as the errors are known; the list beneath it
        # is the text of a box mounted then, drawn once the box composes (seen missing under load at -n 3).
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen) and bool(dialog.query("#export-errors")))
        assert "草稿中还有" in str(dialog.query_one("#export-errors", Static).render())
        await pilot.press("y")
        await wait_until(lambda: any(n.startswith("已导出：") for n in notices(app)))
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".txt"]


async def test_the_editor_checks_the_whole_draft_in_a_worker_and_typing_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After the first frame (and after a restore, fixes, a moved block, the profile) the editor checks every
    section: in a worker, on a copy of the draft."""
    from appraisal.service import TYPING

    gate = Gate()
    held = gate.hold(Service.check_draft)
    whole = Service.check_draft

    def check_draft(self: Service, draft: Any, template: Any, last_year: Any = None, tiers: Any = ALL_TIERS) -> Any:
        run = held if tiers == TYPING and not gate.release.is_set() else whole
        return run(self, draft, template, last_year, tiers)

    monkeypatch.setattr(Service, "check_draft", check_draft)
    async with editing({"intro": INTRO, "conduct": "政治坚定XX。"}, size=(100, 30)) as e:
        pilot, editor = e.pilot, e.screen
        await wait_until(gate.started.is_set)
        assert not gate.finished.is_set(), "the first frame waited for the check"
        await pilot.press("end", *"本人认真学习")
        await wait_until(lambda: editor.editor.text.endswith("本人认真学习"))
        assert not gate.finished.is_set() and not editor.started, "the keys waited for the check"
        gate.release.set()
        await wait_until(lambda: editor.started)
        assert any(f.rule == "placeholder" for f in editor.findings["conduct"])  # found in the copy
        assert editor.session.text(editor.current_id).endswith("本人认真学习")  # the draft has what was typed
    assert gate.threads[0] is not threading.main_thread()


async def test_a_bug_in_the_background_lookups_never_ends_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """Last year's draft and the dictionary rules are looked for in workers with no one to tell: a bug there is
    logged, and the editor goes on (before, the worker's exception ended the app)."""
    from appraisal.service import WHEN_IDLE

    fast = Service.check_section

    def broken_lookup(*args: object) -> None:
        raise RuntimeError("bug in the lookup")

    def check_section(
        self: Service, draft: Any, template: Any, sid: str, last_year: Any = None, tiers: Any = None
    ) -> Any:
        if tiers == WHEN_IDLE:
            raise RuntimeError("bug in the dictionary")
        return fast(self, draft, template, sid, last_year, *(() if tiers is None else (tiers,)))

    monkeypatch.setattr(Service, "last_year_draft", staticmethod(broken_lookup))
    monkeypatch.setattr(Service, "check_section", check_section)
    async with editing({"intro": INTRO}, size=(100, 30), started=True) as e:
        await e.pilot.press("end", *"照常写")
        await wait_until(lambda: e.screen.editor.text.endswith("照常写"))
        e.screen.check_section("intro")
        await e.pilot.pause()
        assert e.app.is_running and e.screen.last_year is None
        assert any(f.rule == "placeholder" for f in e.screen.findings["intro"])


async def test_ctrl_o_while_an_export_writes_is_refused_so_its_result_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Leaving the draft (Ctrl+O) while its files are written would close the screen the export reports to: the
    result sentence (已导出 or why not) would be lost. It is refused in one sentence until the export is done."""
    gate = Gate()
    monkeypatch.setattr(Service, "export", gate.hold(Service.export))
    async with editing({"intro": INTRO}, size=(100, 30), started=True, notifications=True) as e:
        app, pilot, editor = e.app, e.pilot, e.screen
        await export_to(pilot, tmp_path)
        await wait_until(lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(gate.started.is_set)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen is editor
        assert EXPORTING in notices(app)
        gate.release.set()
        await wait_until(lambda: sorted(p.suffix for p in tmp_path.iterdir()) == [".docx", ".txt"])
        await wait_until(lambda: not editor.exporting.running)
        await pilot.press("ctrl+o")
        await wait_until(lambda: isinstance(app.screen, StartScreen))

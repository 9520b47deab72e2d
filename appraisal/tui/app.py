"""The Textual app: the start screen, opening drafts (lock, read-only, errors), quitting without losing text.

Run it with `run_app()`; tests build `AppraisalApp(..., settings=TuiSettings(...))` with short delays and a fixed
clock, and drive it with `run_test()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from appraisal.errors import AppraisalError
from appraisal.store import DraftLockedError, create_draft, draft_files
from appraisal.tui import checking
from appraisal.tui.screens.dialogs import ChoiceScreen, MessageScreen
from appraisal.tui.session import Clock, EditSession, system_clock


@dataclass
class TuiSettings:
    """Timings and hooks. Tests shorten the delays and fix the clock so snapshots do not move."""

    autosave_delay: float = 1.0  # save this long after typing stops
    autosave_max: float = 2.0  # and at least this often while typing goes on
    check_delay: float = 0.3  # run the section's checks this long after typing stops
    retry_delay: float = 5.0  # after a failed save, try again this much later
    clock: Clock = field(default=system_clock)
    cursor_blink: bool = True
    export_folder: Path | None = None  # default destination for exports (None: the current folder)


class AppraisalApp(App[int]):
    """考核自评助手. With `draft_path` it opens that draft; otherwise the start screen (or the new-draft form
    when there are no drafts yet)."""

    TITLE = "考核自评助手"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "退出", priority=True),
        Binding("f1", "help", "帮助"),
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(
        self,
        draft_path: Path | None = None,
        *,
        read_only: bool = False,
        settings: TuiSettings | None = None,
    ) -> None:
        super().__init__()
        self.draft_path = draft_path
        self.start_read_only = read_only
        self.settings = settings or TuiSettings()
        self.disabled_rules = checking.disabled_rules()
        self.theme = "textual-dark"
        self._startup_done = False
        self._leaving = False
        self._when_drawn: list[Callable[[], object]] = []

    def on_mount(self) -> None:
        self._handle_termination()
        if self.draft_path is None:
            self.show_start()
            if not draft_files():
                self.call_after_refresh(self.new_draft)

    def on_ready(self) -> None:
        self._startup_done = True
        for callback in self._when_drawn:
            self.screen.call_after_refresh(callback)
        self._when_drawn.clear()
        if self.draft_path is not None:
            # Straight into the editor; the start screen is built only when the user goes back to it. Opened
            # here, not in on_mount: Textual holds frames back until it is ready, and a screen pushed before
            # that is laid out and drawn twice (about 50 ms more before the user sees the text).
            self.open_draft(self.draft_path, read_only=self.start_read_only)

    def when_drawn(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the current screen has been drawn. At start-up Textual holds every frame back
        until the app is ready, so a plain `call_after_refresh` would run before the user has seen anything."""
        if self._startup_done:
            self.screen.call_after_refresh(callback)
        else:
            self._when_drawn.append(callback)

    def show_start(self) -> bool:
        """Make sure there is a start screen to come back to (there is none when a draft was opened directly).
        True when it was already there."""
        from appraisal.tui.screens.start import StartScreen

        if any(isinstance(screen, StartScreen) for screen in self.screen_stack):
            return True
        self.push_screen(StartScreen())
        return False

    # ------------------------------------------------------------ opening drafts

    def open_draft(self, path: Path, *, read_only: bool = False) -> None:
        """Open the editor on `path`. A locked draft offers read-only; any other problem is one message."""
        from appraisal.tui.screens.editor import EditorScreen

        try:
            session = EditSession(path, read_only=read_only, clock=self.settings.clock)
        except DraftLockedError as exc:
            self.show_start()  # what is left once the question is answered with 返回

            def answer(choice: str | None) -> None:
                if choice == "read-only":
                    self.open_draft(path, read_only=True)

            self.push_screen(
                ChoiceScreen(
                    exc.message, [("read-only", "只读打开"), ("back", "返回")], cancel="back", title="草稿已被占用"
                ),
                answer,
            )
            return
        except AppraisalError as exc:
            self.show_start()
            self.push_screen(MessageScreen(exc.message, title="无法打开草稿"))
            return

        def closed(_: None) -> None:
            if self.show_start():
                self.refresh_start()

        self.push_screen(EditorScreen(session), closed)

    def new_draft(self) -> None:
        from appraisal.draft import Draft
        from appraisal.templates import load_template
        from appraisal.tui.screens.new_draft import NewDraftRequest, NewDraftScreen

        def create(request: NewDraftRequest | None) -> None:
            if request is None:
                return
            try:
                template = load_template(request.template)
                draft = Draft.new(
                    template, name=request.name, unit=request.unit, position=request.position, year=request.year
                )
                path = create_draft(draft)
            except AppraisalError as exc:
                self.push_screen(MessageScreen(exc.message, title="未能新建草稿"))
                return
            self.open_draft(path)

        self.push_screen(NewDraftScreen(), create)

    def import_document(self) -> None:
        from appraisal.tui.screens.import_document import ImportRequest, ImportScreen

        def chosen(request: ImportRequest | None) -> None:
            if request is None:
                return
            try:
                from appraisal.importing import import_document

                result = import_document(request.path, request.template)
                path = create_draft(result.draft)
                summary = result.summary()
            except AppraisalError as exc:
                self.push_screen(MessageScreen(exc.message, title="未能导入"))
                return
            except Exception as exc:  # an importer bug must not take the app (and other open text) down
                self.push_screen(MessageScreen(f"导入 {request.path} 时出错：{exc}", title="未能导入"))
                return
            self.open_draft(path)
            self.push_screen(MessageScreen(f"{summary}\n草稿已保存为 {path}。", title="导入完成"))

        self.push_screen(ImportScreen(), chosen)

    def refresh_start(self) -> None:
        from appraisal.tui.screens.start import StartScreen

        for screen in self.screen_stack:
            if isinstance(screen, StartScreen):
                screen.refresh_drafts()

    # ------------------------------------------------------------ leaving

    def _editors(self) -> list[Screen[None]]:
        from appraisal.tui.screens.editor import EditorScreen

        return [s for s in self.screen_stack if isinstance(s, EditorScreen)]

    def ask_about_unsaved(self, editor: Screen[None], then: Callable[[], None]) -> None:
        """The last save failed: never drop the text silently. Offer save-as, going back, or leaving anyway."""
        from appraisal.tui.screens.editor import EditorScreen
        from appraisal.tui.session import DELETED

        assert isinstance(editor, EditorScreen)
        error = editor.session.error or "保存失败。"
        choices = [("save-as", "另存为"), ("back", "返回编辑"), ("discard", "放弃修改并离开")]
        if editor.session.conflict == DELETED:  # nothing there to overwrite: it may go back where it was
            choices.insert(0, ("save-here", "在原处重新保存"))

        def answer(choice: str | None) -> None:
            if choice == "save-here":
                editor.save_here()
            elif choice == "save-as":
                editor.action_save_as()
            elif choice == "discard":
                editor.close_session()
                then()

        self.push_screen(
            ChoiceScreen(
                f"最近的修改未能保存：{error}\n可以另存为新文件，或返回继续编辑。",
                choices,
                cancel="back",
                title="未能保存",
            ),
            answer,
        )

    def _handle_termination(self) -> None:
        """A closed terminal window (SIGHUP) or `kill` (SIGTERM) saves every open draft before the app ends."""
        import asyncio
        import signal

        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self._terminated)
        except (AttributeError, NotImplementedError, RuntimeError, ValueError):
            pass  # Windows, or not the main thread (tests): the autosave still bounds any loss to ~2 s

    def _terminated(self) -> None:
        """SIGHUP or SIGTERM. Keys already read from the terminal may still be on their way to the editor (in
        the app's queue, then the focused widget's): let them land first, then save. Should the queues not drain
        within a second, save what there is."""
        self.set_timer(1.0, self.save_all_and_exit)
        self.call_later(self._after_queued_keys)

    def _after_queued_keys(self) -> None:
        target = self.screen.focused or self.screen
        target.call_later(self.save_all_and_exit)

    def save_all_and_exit(self) -> None:
        import os
        import threading

        from appraisal.tui.screens.editor import EditorScreen

        if self._leaving:
            return
        self._leaving = True
        for screen in self._editors():
            assert isinstance(screen, EditorScreen)
            screen.finish()
            screen.close_session()
        # Everything is saved and unlocked. With the terminal gone, Textual's own shutdown can block on output
        # that nobody reads; do not linger as an orphan process if it does.
        watchdog = threading.Timer(3.0, os._exit, args=(0,))
        watchdog.daemon = True
        watchdog.start()
        self.exit(0)

    async def action_quit(self) -> None:
        """Save every open draft first; if one cannot be saved, ask instead of quitting."""
        from appraisal.tui.screens.editor import EditorScreen

        for screen in self._editors():
            assert isinstance(screen, EditorScreen)
            if not screen.finish():
                self.ask_about_unsaved(screen, then=self.exit)
                return
        for screen in self._editors():
            assert isinstance(screen, EditorScreen)
            screen.close_session()
        self.exit(0)

    def action_command_palette(self) -> None:
        """The command palette, with a Chinese prompt."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(id="--command-palette", placeholder="输入命令名称搜索，如“导出”……"))

    def action_help(self) -> None:
        from appraisal.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # ------------------------------------------------------------ command palette

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the current screen, in Chinese, plus the app-wide ones."""
        from appraisal.tui.screens.editor import EditorScreen
        from appraisal.tui.screens.start import StartScreen

        target: Screen[Any] = screen
        if not isinstance(target, EditorScreen | StartScreen):
            editors = self._editors()
            target = editors[-1] if editors else target
        if isinstance(target, EditorScreen | StartScreen):
            for title, help_text, callback in target.commands():
                yield SystemCommand(title, help_text, callback)
        yield SystemCommand("新建草稿", "按模板新建一份草稿", self.new_draft)
        yield SystemCommand("导入文档", "把 .txt、.md、.docx 文档导入为草稿", self.import_document)
        yield SystemCommand("帮助", "查看按键和使用说明（F1）", self.action_help)
        yield SystemCommand("退出", "保存后退出（Ctrl+Q）", self.action_quit)


def run_app(draft_path: Path | None = None, *, read_only: bool = False) -> int:
    app = AppraisalApp(draft_path, read_only=read_only)
    result = app.run()
    return result if isinstance(result, int) else 0

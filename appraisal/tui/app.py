"""The Textual app: the start screen, opening drafts (lock, read-only, errors); quitting without losing text is
its base, `leaving.LeavingApp`.

Run it with `run_app()`; tests build `AppraisalApp(..., settings=TuiSettings(...))` with short delays and a fixed
clock, and drive it with `run_test()`.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from appraisal.app import drafts, garbage
from appraisal.app.drafts import DraftFolderReadOnlyError, DraftLockedError, LockInfo, draft_files
from appraisal.app.session import EditSession
from appraisal.app.tui_settings import TuiSettings
from appraisal.errors import AppraisalError
from appraisal.tui import palette
from appraisal.tui.leaving import LeavingApp
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.lazy_dialogs import dialogs
from appraisal.tui.textual_compat.key_hold import START_HOLD_LIMIT, hold_keys
from appraisal.tui.typing_target import pass_typing_on

if TYPE_CHECKING:
    from appraisal.service import Service
    from appraisal.tui.screens.start import StartScreen

NO_TERMINAL = "编辑界面需要在终端中运行，当前没有终端；可用 appraisal fill 草稿 --plain 逐栏填写。"


ALT_DOES_NOTHING = (
    "{key} 在本程序中没有作用，没有输入任何文字。本程序没有菜单栏：按 Ctrl+P 打开命令面板"
    "（导出、历史版本、个人信息等都在其中），按 F1 查看全部按键。"
)
ALT_NOTICE_SECONDS = 6.0


class AppraisalApp(LeavingApp):
    """考核自评助手. With `draft_path` it opens that draft; otherwise the start screen (or the new-draft form
    when there are no drafts yet)."""

    TITLE = "考核自评助手"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "退出", priority=True),
        Binding("f1", "help", "帮助"),
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True),
        # Copy, everywhere (a dialog too): what is selected, else one sentence on how to quit (leaving.py).
        Binding("ctrl+c,super+c", "help_quit", show=False, system=True, priority=True),
    ]

    def __init__(
        self,
        draft_path: Path | None = None,
        *,
        read_only: bool = False,
        settings: TuiSettings | None = None,
        service: Service | None = None,
    ) -> None:
        super().__init__()
        self.draft_path = draft_path
        self.start_read_only = read_only
        self.settings = settings or TuiSettings()
        self._service = service
        self.theme = "textual-dark"
        self._startup_done = False
        self._alt_said_at = -ALT_NOTICE_SECONDS
        self._when_drawn: list[Callable[[], object]] = []

    def on_mount(self) -> None:
        self._handle_termination()
        if self.draft_path is not None:
            # Keys typed while the program starts (the terminal hands them over as soon as the app reads it) reach
            # the app before the editor is open: they wait for the editor instead of going to the blank first
            # screen, which dropped them (every key typed in the first second on a busy machine was lost).
            hold_keys(self, START_HOLD_LIMIT)
        else:
            self.show_start()
            self.when_drawn(garbage.collect_as_usual)  # the start is over once the start screen shows
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

    def service(self) -> Service:
        """The application layer with the user's settings, loaded once, on first use: importing the checker
        costs more than the first frame, so the editor asks for it only once its text is on the screen. Screens
        are given this method, not the app. A config.toml that cannot be read is said once; defaults apply."""
        if self._service is None:
            from appraisal.service import Service, Settings

            try:
                settings = Settings.load()
            except AppraisalError as exc:
                settings = Settings()
                self.notify(f"{exc.message}本次按默认设置检查。", title="设置文件有误", severity="warning", timeout=10)
            for notice in settings.notices():
                self.notify(notice, severity="warning", timeout=10)
            self._service = Service(settings)
        return self._service

    async def on_event(self, event: events.Event) -> None:
        """Typing never goes nowhere: a key typed in a panel goes to the text (see typing_target). Alt+letter is
        not typing: it is said what it does here (nothing) instead of typing the letter."""
        if isinstance(event, events.Key) and not event.is_forwarded and is_alt_letter(event):
            self._say_alt_does_nothing(event)
            return
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            pass_typing_on(self.screen, event)
        await super().on_event(event)

    def _say_alt_does_nothing(self, event: events.Key) -> None:
        """A Word user's Alt+E (the edit menu) or Alt+V (view) typed an e or a v into the text, unseen. The key now does
        nothing and says where the menu's commands are; once while its notice is up, however often it is pressed."""
        now = time.monotonic()
        if now - self._alt_said_at < ALT_NOTICE_SECONDS:
            return
        self._alt_said_at = now
        key = alt_key_name(event)
        self.notify(ALT_DOES_NOTHING.format(key=key), title="没有菜单栏", timeout=ALT_NOTICE_SECONDS)

    def on_not_utf8input(self) -> None:
        """The terminal sends another encoding than UTF-8 (a GBK terminal or SSH client): what it sent shows as �."""
        self.notify(
            "终端发来的文字不是 UTF-8 编码，已显示为“�”，请删去后将终端（或远程登录软件）的字符编码改为 UTF-8 再输入。",
            title="终端编码不对",
            severity="warning",
            timeout=20,
        )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification, whoever raises it, shows its words as written: they carry names and paths the
        user typed (`李[/i]四`, `[red]x`), never markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def when_drawn(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the current screen has been drawn. At start-up Textual holds every frame back
        until the app is ready, so a plain `call_after_refresh` would run before the user has seen anything."""
        if self._startup_done:
            if self.screen_stack:  # empty while the app is closing (a test that ends at once): nothing to draw
                self.screen.call_after_refresh(callback)
        else:
            self._when_drawn.append(callback)

    def show_start(self) -> bool:
        """Make sure there is a start screen to come back to (there is none when a draft was opened directly).
        True when it was already there."""
        if self._start_screens():
            return True
        from appraisal.tui.screens.start import StartScreen  # not loaded to open a draft: the first frame is the text

        self.push_screen(StartScreen(self.service))
        return False

    def _start_screens(self) -> list[StartScreen]:
        """The start screens on the stack (one at most), without loading the start screen's module to find none."""
        start = sys.modules.get("appraisal.tui.screens.start")
        return [] if start is None else [s for s in self.screen_stack if isinstance(s, start.StartScreen)]

    # ------------------------------------------------------------ opening drafts

    def open_draft(self, path: Path, *, read_only: bool = False) -> None:
        """Open the editor on `path`. A locked draft offers read-only; any other problem is one message."""
        try:
            session = EditSession(path, read_only=read_only, clock=self.settings.clock)
        except DraftLockedError as exc:
            self.show_start()  # what is left once the question is answered with 返回
            holder = exc.holder

            def answer(choice: str | None) -> None:
                if choice == "read-only":
                    self.open_draft(path, read_only=True)
                elif choice == "take-over":
                    self.confirm_take_over(path, holder)

            choices = [("read-only", "只读打开"), ("back", "返回")]
            if holder.host != socket.gethostname():  # never stale here: only the user can say it is free
                choices.insert(1, ("take-over", "接手编辑"))
            self.push_screen(
                dialogs.ChoiceScreen(
                    lock_question(exc, path),
                    choices,
                    cancel="back",
                    title="草稿已被占用",
                ),
                answer,
            )
            return
        except DraftFolderReadOnlyError as exc:
            self.show_start()

            def read_only_answer(choice: str | None) -> None:
                if choice == "read-only":
                    self.open_draft(path, read_only=True)

            choices = [("read-only", "只读打开"), ("back", "返回")]
            self.push_screen(
                dialogs.ChoiceScreen(exc.message, choices, cancel="back", title="草稿不能修改"), read_only_answer
            )
            return
        except AppraisalError as exc:
            self.show_start()
            self.push_screen(dialogs.MessageScreen(exc.message, title="无法打开草稿"))
            return

        def closed(_: None) -> None:
            if self.show_start():
                self.refresh_start()

        self.push_screen(EditorScreen(session, self.settings, self.service), closed)

    @on(EditorScreen.Opened)
    def _editor_opened(self, event: EditorScreen.Opened) -> None:
        self.when_drawn(garbage.collect_as_usual)  # the start is over once the text shows
        self.when_drawn(event.editor.after_first_frame)

    # The start screen's messages, handled by name: the start screen is not loaded when a draft is opened directly.
    def on_start_screen_open_draft(self, event: StartScreen.OpenDraft) -> None:
        self.open_draft(event.path)

    def on_start_screen_new_draft(self, _: StartScreen.NewDraft) -> None:
        self.new_draft()

    def on_start_screen_import_document(self, _: StartScreen.ImportDocument) -> None:
        self.import_document()

    def confirm_take_over(self, path: Path, holder: LockInfo) -> None:
        """Take over a lock from another computer once the user confirms, told who holds it and since when."""

        def take_over() -> None:
            try:
                drafts.take_over_lock(path, holder)
            except AppraisalError as exc:
                self.push_screen(dialogs.MessageScreen(exc.message, title="无法接手"))
                return
            self.open_draft(path)

        question = (
            f"这份草稿由另一台电脑上的 {holder.describe()} 锁定。若那台电脑已不再编辑，可以在本机接手；"
            "两边同时编辑会互相覆盖。确定接手吗？"
        )
        dialogs.confirm_then(self, question, take_over, yes="接手编辑", title="接手编辑")

    def new_draft(self) -> None:
        from appraisal.tui.screens.new_draft import NewDraftRequest, NewDraftScreen

        def create(request: NewDraftRequest | None) -> None:
            if request is None:
                return
            try:
                path = drafts.new(
                    request.template,
                    name=request.name,
                    unit=request.unit,
                    position=request.position,
                    year=request.year,
                )
            except AppraisalError as exc:
                self.push_screen(dialogs.MessageScreen(exc.message, title="未能新建草稿"))
                return
            self.open_draft(path)

        self.push_screen(NewDraftScreen(), create)

    def import_document(self) -> None:
        from appraisal.tui.screens.import_document import Imported, ImportScreen, ImportSummaryScreen

        def imported(done: Imported | None) -> None:
            if done is not None:
                self.open_draft(done.path)
                self.push_screen(ImportSummaryScreen(done))

        self.push_screen(ImportScreen(), imported)

    def refresh_start(self) -> None:
        for screen in self._start_screens():
            screen.refresh_drafts()

    def action_command_palette(self) -> None:
        """The command palette, in Chinese."""
        from appraisal.tui.textual_compat.command_palette import Palette

        if self.use_command_palette and not Palette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(Palette())

    def action_help(self) -> None:
        from appraisal.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    # ------------------------------------------------------------ command palette

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The current screen's commands (the editor's when a dialog is over it), then the app-wide ones."""
        editors = self._editors()
        owners: list[EditorScreen | StartScreen] = [*editors, *self._start_screens()]
        owner = next((s for s in owners if s is screen), editors[-1] if editors else None)
        if owner is not None:
            yield from owner.commands()
        yield SystemCommand("新建草稿", "按模板新建一份草稿", self.new_draft)
        yield SystemCommand("导入文档", "把 .txt、.md、.docx 文档导入为草稿", self.import_document)
        yield from palette.commands(self, {"help": ("帮助", "查看按键和使用说明"), "quit": ("退出", "保存后退出")})


def is_alt_letter(event: events.Key) -> bool:
    """Alt with a letter, digit or sign (the terminal sends Esc and the character; Textual names it `alt+e` and
    gives the character, which a text or a line would insert). Not Esc followed at once by a 字 from an input
    method, which Textual names the same way: that 字 is typing."""
    character = event.character
    return event.key.startswith("alt+") and character is not None and character.isascii() and character.isprintable()


def alt_key_name(event: events.Key) -> str:
    """How the help names the key: Alt+E, Alt+Shift+F, Alt+1, Alt+- (Textual's name for the sign is minus)."""
    *modifiers, _ = event.key.split("+")
    character = event.character or ""
    return "+".join([*(part.capitalize() for part in modifiers), character.upper()])


def lock_question(exc: DraftLockedError, path: Path) -> str:
    """Who has the draft open, as a person says it: "本机另一个窗口于 12月1日 19:24 打开了这份草稿", then the
    details (user, computer, process) on a line of their own."""
    holder = exc.holder
    if holder.host == socket.gethostname() and holder.pid == os.getpid():
        return exc.message  # this very window: nothing more to say
    try:
        since = dt.datetime.fromisoformat(holder.since)
    except ValueError:
        when = holder.since
    else:
        this_year = since.year == dt.datetime.now(since.tzinfo).year
        when = f"{'' if this_year else f'{since.year}年'}{since.month}月{since.day}日 {since:%H:%M}"
    details = f"打开者：{holder.user}@{holder.host}，进程 {holder.pid}\n草稿：{path}"
    if holder.host == socket.gethostname():
        return f"本机另一个窗口于 {when} 打开了这份草稿，可以只读方式打开。\n{details}"
    return (
        f"另一台电脑（{holder.host}）于 {when} 打开了这份草稿，可以只读方式打开；若那台电脑已不再编辑，"
        f"可用“appraisal unlock {path}”确认后接手。\n{details}"
    )


def run_app(draft_path: Path | None = None, *, read_only: bool = False, in_browser: bool = False) -> int:
    """Run the app in this terminal. Without a terminal, say so and return 2 (the editor would wait for keys
    that never come, holding the draft's lock). After a crash: where the text is, and a non-zero code.
    `in_browser`: started by `appraisal serve` for a browser tab, talking over pipes instead of a terminal."""
    if not in_browser and not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(NO_TERMINAL, file=sys.stderr)
        return 2
    app = AppraisalApp(draft_path, read_only=read_only)
    result = app.run()
    if app.crash_sentences:
        for sentence in app.crash_sentences:
            print(sentence, file=sys.stderr)
        return app.return_code or 1
    return result if isinstance(result, int) else (app.return_code or 0)

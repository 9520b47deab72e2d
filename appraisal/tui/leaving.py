"""Leaving the app without losing text: Ctrl+Q (asking first about words typed in a dialog and not confirmed), a
closed terminal window (SIGHUP) or `kill` (SIGTERM) after the keys already typed have landed, and a crash (every
open draft saved or copied to a recovery file, one sentence each saying where its text is). Leaving without asking
(those three, and a browser tab closed) keeps the words typed in an open dialog with the draft (unconfirmed.py).

`LeavingApp` is the app's base: `AppraisalApp` adds the start screen and opening drafts.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from appraisal.app.tui_settings import TuiSettings
from appraisal.tui.queued_keys import after_queued_keys, on_app_after_queued_keys
from appraisal.tui.screens.editor import EditorScreen
from appraisal.tui.screens.lazy_dialogs import dialogs
from appraisal.tui.textual_compat.app_hooks import PatchedApp

log = logging.getLogger(__name__)

KEYS_READ_WAIT = 0.5
"""Seconds SIGHUP/SIGTERM waits at most for the keys the terminal driver has read to be posted to the app."""
HOW_TO_QUIT = "要退出本程序，请按 Ctrl+Q（退出前自动保存）。"
QUIT_QUESTION = "quit-question"  # the screen id of Ctrl+Q's question about words typed in a dialog


def _end_process_after(seconds: float, code: int) -> None:
    """A watchdog thread: the process ends after `seconds` even if the event loop never comes back."""
    watchdog = threading.Timer(seconds, os._exit, args=(code,))
    watchdog.daemon = True
    watchdog.start()


class LeavingApp(PatchedApp[int]):
    """The app's ways out, each saving every open editor's text first."""

    settings: TuiSettings

    def __init__(self) -> None:
        super().__init__()
        self.crash_sentences: list[str] = []  # set when the app ends on an error: where each draft's text is
        self._leaving = False
        self._terminating = False  # SIGHUP or SIGTERM has been handled
        self._quit_by_user = False  # Ctrl+Q (or 退出): words left in a dialog were asked about, not kept
        self._dialogs_kept = False
        self._dialog_words_elsewhere: list[Path] = []  # the data folder was full: the words typed went there

    def _editors(self) -> list[EditorScreen]:
        return [s for s in self.screen_stack if isinstance(s, EditorScreen)]

    def _handle_termination(self) -> None:
        """A closed terminal window (SIGHUP) or `kill` (SIGTERM) saves every open draft before the app ends.

        Python runs a plain signal handler between two bytecodes whatever the loop is doing: it starts a watchdog
        that ends the process `settings.termination_grace` seconds later, should the loop never come back (busy
        with long work: a huge draft saving), and hands `_terminated` to the loop, which runs it after the keys already
        posted. The loop's own handler is kept for its wakeup fd, which wakes the loop when another thread took
        the signal; on its own it is not enough: the wakeup byte is dropped when the loop's self-pipe is full
        (a few hundred keys posted while it was busy), and the loop then never hears of the signal. `_terminated`
        runs in the app's context, taken here: the handler's own is the app's only while one of its tasks runs
        (not while the loop waits in select), and the fallback save's timer needs Textual's active app."""
        import asyncio
        import contextvars
        import signal

        def on_signal(signum: int, frame: object) -> None:
            # Saving comes before output: a terminal that stopped reading must not keep the loop from the save.
            ours = self.terminal_driver()
            if ours is not None:
                ours.abandon_stalled_output()
            # With every draft already saved and unlocked (the app was leaving: a browser tab whose server was
            # killed), nothing is at risk: the short grace, not the one that lets a large draft finish saving.
            grace = self.settings.termination_grace if self._text_at_risk() else self.settings.exit_grace
            _end_process_after(grace, 1)
            if not loop.is_closed():
                loop.call_soon_threadsafe(self._terminated, context=apps_context)

        apps_context = contextvars.copy_context()
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(sig, self._terminated)
                signal.signal(sig, on_signal)
        except (AttributeError, NotImplementedError, RuntimeError, ValueError):
            pass  # Windows, or not the main thread (tests): the autosave still bounds any loss to ~2 s

    def _text_at_risk(self) -> bool:
        """Whether an open draft still holds its lock (may have text to save). Called from a signal handler: any
        doubt counts as at risk."""
        try:
            return any(screen.session.opened.lock.held for screen in self._editors())
        except Exception:
            return True

    def _terminated(self) -> None:
        """SIGHUP or SIGTERM (once, whichever handler comes first). Keys already read from the terminal may
        still be on their way to the editor: in the driver's input thread (read, not yet posted: on a loaded
        machine it can be descheduled there), on the event loop (the driver posts each key as a task: it reaches
        the app's queue a loop turn later), then in the app's queue and the focused widget's. Wait until the
        driver has posted every key it read (bounded; the wait blocks the loop, which has nothing else to do
        now, and the keys are posted without it), send the save down the same road behind them, then save.
        Should the queues not drain within a second, save what there is. Keys the kernel still held when the
        window closed are discarded by the kernel at hang-up: no program can save those."""
        if self._terminating:
            return
        self._terminating = True
        ours = self.terminal_driver()
        if ours is not None:
            ours.abandon_stalled_output()
            ours.wait_for_keys_read(KEYS_READ_WAIT)
        driver = self.running_driver()
        self.set_timer(1.0, self._save_without_waiting)
        if driver is None:
            self.call_later(self._save_after_queued_keys)
        else:
            driver.send_message(events.Callback(callback=self._save_after_queued_keys))

    def _save_without_waiting(self) -> None:
        if not self._leaving:
            log.warning("the keys read before SIGHUP/SIGTERM had not landed after 1 s: saving what there is")
        self.save_all_and_exit()

    def _save_after_queued_keys(self) -> None:
        """On the app's queue, behind the keys the driver posted: the save goes behind those the app has passed on."""
        after_queued_keys(self.screen.focused or self.screen, self.save_all_and_exit)

    def keep_unconfirmed(self) -> None:
        """The app ends without asking (a browser tab closed, the window closed, `kill`, a crash): words typed in
        an open dialog (个人信息, a note) are kept with the draft and offered back when it opens again. Once."""
        if self._dialogs_kept or self._quit_by_user:
            return
        self._dialogs_kept = True
        from appraisal.tui.screens import unconfirmed

        try:
            self._dialog_words_elsewhere = unconfirmed.keep(list(self.screen_stack), EditorScreen)
        except Exception:  # leaving: the drafts' own save must still run
            log.exception("words typed in a dialog could not be kept")

    def on_exit_app(self) -> None:
        """Textual's ExitApp, also what a browser tab sends as it closes (the web driver's quit)."""
        self.keep_unconfirmed()

    def save_all_and_exit(self) -> None:
        if self._leaving:
            return
        self._leaving = True
        self.keep_unconfirmed()
        for screen in self._editors():
            if not screen.finish():  # the disk is full or read-only: the text goes to a recovery copy
                screen.session.rescue()
            screen.close_session()
        # Everything is saved (or recovered) and unlocked. With the terminal gone, Textual's own shutdown can block
        # on output that nobody reads; do not linger as an orphan process if it does.
        _end_process_after(self.settings.exit_grace, 0)
        self.exit(0)

    def before_crash(self, error: Exception) -> None:
        """An exception nothing caught: Textual ends the app. First save every open draft (or write a recovery
        copy) and prepare one sentence per draft saying where its text is; the traceback goes to the log file,
        not the user's terminal (textual_compat.app_hooks keeps it from there)."""
        log.error("the app ended on an unexpected error", exc_info=error)
        self.keep_unconfirmed()
        if not self.crash_sentences:
            self.crash_sentences = self._rescue_all() + [
                f"对话框中尚未确认的输入未能随草稿保留（数据目录无法写入），已另存为 {where}。"
                for where in self._dialog_words_elsewhere
            ]

    def _rescue_all(self) -> list[str]:
        sentences: list[str] = []
        for screen in self._editors():
            session, where = screen.rescue()
            if where == session.path:
                sentences.append(f"程序出错退出，您的文字已保存在 {where}。")
            elif where is not None:
                sentences.append(f"程序出错退出，草稿未能保存，您的文字已另存为恢复副本 {where}。")
            elif not session.read_only:
                sentences.append(f"程序出错退出，草稿 {session.path} 最近的修改未能保存。")
        return sentences or ["程序出错退出，没有未保存的文字。"]

    async def action_quit(self) -> None:
        """Save every open draft first; if one cannot be saved, ask instead of quitting. Words typed in a dialog
        and not yet confirmed (a note, 单位 in 个人信息, a path) are asked about first: Ctrl+Q dropped them.
        Ctrl+Q runs as the app reads it, ahead of the keys typed just before it that still wait in the focused
        line's queue: the question waits for them (typed in one burst, F3 Tab 三科 Ctrl+Q quit without asking)."""
        focused = self.screen.focused
        if focused is not None and focused.message_queue_size:
            on_app_after_queued_keys([focused], self.action_quit)
            return
        if self._typed_in_dialogs() and not self._asking_to_quit():

            def answered(leave: bool | None) -> None:
                if leave:
                    self.call_later(self._quit_now)

            question = "对话框中输入的内容还没有确认，退出后不会保留。仍要退出吗？（再按 Ctrl+Q 也是退出）"
            title = "尚未确认的输入"
            self.push_screen(
                dialogs.ConfirmScreen(question, yes="仍要退出", no="返回", title=title, id=QUIT_QUESTION), answered
            )
            return
        await self._quit_now()

    def action_help_quit(self) -> None:
        """Ctrl+C: copy what is selected (in the focused line or editor, else with the mouse on the screen), as
        Word does. With nothing selected Textual said `Do you want to quit? Press [b]ctrl+q[/b] to quit the app`
        in English with its markup shown, or, in the editor, went on to say an internal error was recovered from;
        in a dialog it said nothing. It copies nothing and quits nothing: one Chinese sentence says how to quit."""
        focused = self.screen.focused
        in_text = isinstance(focused, (Input, TextArea))
        selected = focused.selected_text if isinstance(focused, (Input, TextArea)) else ""
        selected = selected or self.screen.get_selected_text() or ""
        if selected:
            self.copy_to_clipboard(selected)
            return
        nothing = "未选中文字，没有复制。" if in_text else ""
        self.notify(f"{nothing}{HOW_TO_QUIT}", timeout=5)

    def _asking_to_quit(self) -> bool:
        """The question about words typed in a dialog is open (whatever is shown over it): Ctrl+Q again quits."""
        return any(screen.id == QUIT_QUESTION for screen in self.screen_stack)

    def _typed_in_dialogs(self) -> bool:
        from appraisal.tui.textual_compat.own_bindings import PatchedInput

        return any(line.typed for screen in self.screen_stack for line in screen.query(PatchedInput))

    async def _quit_now(self) -> None:
        for screen in self._editors():
            if not screen.finish():
                screen.ask_about_unsaved(then=self._exit_by_user)
                return
        for screen in self._editors():
            screen.close_session()
        self._exit_by_user()

    def _exit_by_user(self) -> None:
        self._quit_by_user = True
        self.exit(0)

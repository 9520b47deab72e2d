"""The editor's one way to save the draft: when (the autosaver's moments, kept on one timer), how (the session's
save), and what the writer is told when it fails (one sentence on the error line, and once as a toast).

The editor screen calls `changed()` on every edit, `save_now()` wherever it must save (a section change, review,
export), `saved_elsewhere()` after a save made another way (save-as, save-here); and at the end `finish()` (save
and remember the place), `close()` (release the draft), `rescue()` (the app is ending on an error) or
`last_chance()` (the screen goes away). It hands in what is its own: copying the editor's text into the draft, the
pending check, where the writer is, and how a failure is shown. A failed save keeps the text in memory; a failing
disk is retried, a draft file that another program deleted or rewrote is left alone until the writer chooses
(Ctrl+S).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.timer import Timer

from appraisal.app.autosave import Autosaver
from appraisal.app.session import EditSession, SaveConflict
from appraisal.app.tui_settings import TuiSettings

log = logging.getLogger(__name__)

SetTimer = Callable[..., Timer]


@dataclass
class SaveHooks:
    """What the screen does for the controller."""

    sync: Callable[[], object]  # copy the editor's text into the draft
    check: Callable[[], None]  # the current section's pending check
    remember_position: Callable[[], None]  # after an autosave and at the end: a killed session reopens there
    show_failure: Callable[[str | None], None]  # the sentence on the error line (None: clear it)
    notify_failure: Callable[[str], None]  # the sentence once as a toast
    refresh: Callable[[], None]  # the status bar (save time, 未保存)
    set_timer: SetTimer


class SaveController:
    def __init__(self, session: EditSession, settings: TuiSettings, hooks: SaveHooks) -> None:
        self.session = session
        self.settings = settings
        self.hooks = hooks
        self.autosaver = Autosaver(
            delay=settings.autosave_delay,
            max_interval=settings.autosave_max,
            check_delay=settings.check_delay,
            retry_delay=settings.retry_delay,
            clock=settings.monotonic,
        )
        self._timer: Timer | None = None  # one timer, set for the autosaver's next moment
        self._timer_at: float | None = None
        self._shown_error: str | None = None
        self.closed = False  # the session is closed (its lock released): nothing is saved any more

    def changed(self) -> None:
        """An edit: a save and a check are due a moment after typing stops."""
        self.autosaver.changed()
        self.wake()

    def take_check(self) -> bool:
        """Whether the section being left had a check pending (it is run now, not never)."""
        return self.autosaver.take_check()

    def wake(self) -> None:
        """Keep the one timer set for the autosaver's next moment (earlier when a change brought it forward)."""
        at = self.autosaver.next_at()
        if at is None:
            self._stop_timer()
            return
        if self._timer is not None and self._timer_at is not None and self._timer_at <= at:
            return
        self._stop_timer()
        self._timer_at = at
        delay = max(0.005, at - self.settings.monotonic())  # Textual's timers divide by their delay
        self._timer = self.hooks.set_timer(delay, self._woken, name="autosave")

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._timer_at = None

    def _woken(self) -> None:
        self._timer = self._timer_at = None
        self.run_due()

    def run_due(self) -> None:
        """Check and save if the autosaver says it is time (the timer calls this; tests too, after moving their
        fake clock), then wake again for the next moment."""
        if self.closed:
            return
        due = self.autosaver.due()
        if due.check:
            self.hooks.check()
            self.hooks.refresh()
        if due.save and self.save_now():
            self.hooks.remember_position()  # a killed session reopens where the typing stopped
        self.wake()

    def save_now(self) -> bool:
        """Save if anything changed; on failure say why once and what happens next."""
        self.hooks.sync()
        ok = self.session.save()
        self.autosaver.save_attempted(ok=ok, retry=self.session.conflict is None)
        self.wake()
        if ok:
            self.clear_failure()
        else:
            sentence = self.failure_sentence()
            self.hooks.show_failure(sentence)
            if sentence != self._shown_error:
                self._shown_error = sentence
                self.hooks.notify_failure(sentence)
        self.hooks.refresh()
        return ok

    def saved_elsewhere(self) -> None:
        """Saved another way (save-as, save-here): no save is due any more, not even a retry; no failure shown."""
        self.autosaver.save_attempted(ok=True)
        self.wake()
        self.clear_failure()

    def failure_sentence(self) -> str:
        session = self.session
        if session.conflict is SaveConflict.DELETED:
            return f"草稿 {session.path} 已被其他程序删除，文字仍在编辑器中，按 Ctrl+S 可在原处重新保存或另存为。"
        if session.conflict is SaveConflict.CHANGED:
            return (
                f"草稿 {session.path} 已被其他程序修改，为免覆盖不再自动保存，文字仍在编辑器中，"
                "请按 Ctrl+S 另存为新文件。"
            )
        error = (session.error or "保存失败。").rstrip("。")
        return f"{error}，文字仍在编辑器中，稍后会自动再试。"

    def clear_failure(self) -> None:
        self._shown_error = None
        self.hooks.show_failure(None)

    def stop(self) -> None:
        """The session ends (or the screen leaves): nothing more is due."""
        self.autosaver.stop()
        self._stop_timer()

    def finish(self) -> bool:
        """Save and remember where the writer was; nothing more is due. False when the text could not be saved
        (the session stays open: the writer is asked what to do)."""
        if self.closed:
            return True
        ok = self.save_now()
        self.stop()
        self.hooks.remember_position()
        return ok

    def close(self) -> None:
        """The session ends: the draft's lock is released."""
        if not self.closed:
            self.stop()
            self.closed = True
            self.session.close()

    def rescue(self) -> Path | None:
        """The app is ending on an error: take the editor's text if the widget can still give it, save it or
        write a recovery copy, and release the lock. Where the text is now."""
        try:
            self.hooks.sync()
        except Exception:  # a broken widget must not stop the rescue of the draft: what was synced is saved
            log.exception("the editor's text could not be read while rescuing the draft")
        where = self.session.rescue()
        self.close()
        return where

    def last_chance(self) -> None:
        """The screen goes away while the session is open (the app is closing for another reason: a browser tab
        closed): save what we can, else write a recovery copy (the next open offers it), release the lock. The
        failed save was all there was: the words typed since the last autosave were gone."""
        if not self.closed:
            self.hooks.sync()
            if self.session.rescue() == self.session.path:  # saved (rescue saves first; a copy only if that fails)
                self.hooks.remember_position()  # a browser tab reloaded or closed: reopen where the typing stopped
            self.close()

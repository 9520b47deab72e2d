"""When the editor saves and checks, as a small state machine over an injected clock.

The editor tells it about each change and each save attempt; it answers what is due now and when the next thing
will be. One Textual timer in the editor wakes it at that moment. Tests drive it with a fake clock, no sleeps.
"""

from __future__ import annotations

from dataclasses import dataclass

from appraisal.app.tui_settings import Monotonic


@dataclass(frozen=True)
class Due:
    """What to do now: save the draft, check the current section (either, both or neither)."""

    save: bool = False
    check: bool = False


class Autosaver:
    """Saves a short moment after typing stops (`delay`), at least every `max_interval` while typing goes on, and
    retries a failed save after `retry_delay` (unless told not to: a conflict waits for the user). Checks the
    section `check_delay` after typing stops."""

    def __init__(
        self, *, delay: float, max_interval: float, check_delay: float, retry_delay: float, clock: Monotonic
    ) -> None:
        self.delay = delay
        self.max_interval = max_interval
        self.check_delay = check_delay
        self.retry_delay = retry_delay
        self.clock = clock
        self.last_change = 0.0
        self.unsaved_since: float | None = None  # the first change since the last save attempt
        self.check_pending = False
        self.retry_at: float | None = None

    def changed(self) -> None:
        now = self.clock()
        self.last_change = now
        if self.unsaved_since is None:
            self.unsaved_since = now
        self.check_pending = True

    def save_attempted(self, *, ok: bool, retry: bool = True) -> None:
        """A save just ran (whoever asked for it). A failure is tried again later when `retry`."""
        self.unsaved_since = None
        self.retry_at = self.clock() + self.retry_delay if not ok and retry else None

    def stop(self) -> None:
        """Nothing more is due (the session is closing, or the user chose what to do about a failed save)."""
        self.unsaved_since = None
        self.retry_at = None
        self.check_pending = False

    def take_check(self) -> bool:
        """Claim a pending check now, due or not (the user is leaving the section)."""
        pending, self.check_pending = self.check_pending, False
        return pending

    def _save_at(self) -> float | None:
        moments = []
        if self.unsaved_since is not None:
            moments.append(min(self.last_change + self.delay, self.unsaved_since + self.max_interval))
        if self.retry_at is not None:
            moments.append(self.retry_at)
        return min(moments) if moments else None

    def next_at(self) -> float | None:
        """The clock's value when something will next be due; None when nothing is pending."""
        moments = [m for m in (self._save_at(), self.last_change + self.check_delay if self.check_pending else None)]
        pending = [m for m in moments if m is not None]
        return min(pending) if pending else None

    def due(self) -> Due:
        """What is due now; a check is claimed by asking (a save is claimed by `save_attempted`)."""
        now = self.clock()
        save_at = self._save_at()
        check = self.check_pending and now >= self.last_change + self.check_delay
        if check:
            self.check_pending = False
        return Due(save=save_at is not None and now >= save_at, check=check)

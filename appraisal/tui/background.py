"""Long work off the UI thread: exporting, reading a document to import, checking the whole draft.

Each is a `LongJob` of the screen that starts it: the work runs in a Textual thread worker and its answer comes
back to the UI thread (`call_later`), where the screen acts on it; the keys go on being handled meanwhile. Rules
for the work itself: it never touches a widget, and never the draft being edited — it is given a copy or plain
values. One job of a kind runs at a time: a second request is refused with the job's own sentence (or waits its turn
where its owner keeps a queue: a big section's check). An exception in the work never reaches Textual (which would
end the app): it comes back to the screen, which says one sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Generic, TypeVar

from textual.widget import Widget

from appraisal.errors import AppraisalError

log = logging.getLogger(__name__)

T = TypeVar("T")

# What the screens say while a long job runs, and when a second one is asked for meanwhile.
CHECKING = "正在检查全文……"
CHECK_BUSY = "正在检查全文，请稍候。"
EXPORT_BUSY = "正在导出，请等这次导出完成后再导出。"
READ_BUSY = "正在读取文档，请稍候。"


def failure_sentence(error: Exception, doing: str, unharmed: str, what: str, *args: object) -> str:
    """The one sentence for long work that failed: an `AppraisalError` says its own; anything else is a bug,
    logged with its traceback (`what` % `args`) and said as “<doing>时程序出错，<unharmed>；…appraisal.log。”."""
    if isinstance(error, AppraisalError):
        return error.message
    log.error(what, *args, exc_info=error)
    return f"{doing}时程序出错，{unharmed}；详细情况已记入数据目录中的 appraisal.log。"


class LongJob(Generic[T]):
    """One kind of long work of one screen (`group` names its worker), with the sentence that refuses a second
    request while it runs (None: the owner asks `running` first and lets the request wait)."""

    def __init__(self, node: Widget, group: str, busy_sentence: str | None) -> None:
        self.node = node
        self.group = group
        self.busy_sentence = busy_sentence
        self.running = False

    def refuse_if_running(self) -> bool:
        """True (and the sentence said) when a job of this kind is running."""
        if self.running and self.busy_sentence is not None:
            self.node.notify(self.busy_sentence, severity="warning", timeout=4)
        return self.running

    def start(self, work: Callable[[], T], done: Callable[[T], None], failed: Callable[[Exception], None]) -> bool:
        """Run `work` in a thread; then, on the UI thread, `done` with its result or `failed` with its exception.
        False (and nothing started) when a job of this kind is running already."""
        if self.refuse_if_running():
            return False
        self.running = True

        def finish(outcome: Callable[[], None]) -> None:
            self.running = False
            outcome()

        def body() -> None:
            try:
                result = work()
            except Exception as exc:  # handed to the screen, which says one sentence (and logs what it did not expect)
                self.node.call_later(finish, partial(failed, exc))
                return
            self.node.call_later(finish, partial(done, result))

        self.node.run_worker(body, thread=True, group=self.group, exit_on_error=False)
        return True


class Runs:
    """The runs of one kind of work that a newer run replaces (the whole-draft check, last year's lookup),
    numbered from 1, and the newest whose answer was taken: the answer of an older run comes late and is dropped."""

    def __init__(self) -> None:
        self.started = 0
        self.answered = 0

    def start(self) -> int:
        """A new run: its number, which its answer carries back."""
        self.started += 1
        return self.started

    @property
    def pending(self) -> bool:
        """The newest run started has not answered yet."""
        return self.answered < self.started

    def take(self, run: int, *, newest_only: bool = False) -> bool:
        """Whether to take `run`'s answer: when it is newer than the last one taken (with `newest_only`, only when
        no newer run has started: it answers for what has changed since). Taken, it is the last one taken."""
        if run <= self.answered or (newest_only and run != self.started):
            return False
        self.answered = run
        return True

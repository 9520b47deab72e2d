"""A command that runs once and ends (`appraisal check`): fewer collections of garbage while it runs, and an end
without the interpreter taking itself apart.

- `start()` has garbage collected seldom (`appraisal.app.garbage`) to the end: a check makes millions of small
  objects that reference counting frees, and the collections found almost nothing and walked every module's
  objects again.
- `leave(code)` after such a command does what an exit must — the warm-start file and the log written, stdout and
  stderr flushed — and ends the process with `os._exit`, as mypy's `util.hard_exit` does: a normal exit frees every
  object first (the language model's 146,000-word dictionary, every module), about 5% of a check's instructions
  and more of its time. Where anything is unusual (a flush fails, a thread still runs, `start()` was not called)
  the interpreter exits as it always did.

Only a command that leaves nothing open for the teardown to close (its files written and closed, no thread) is
started so: `appraisal.cli.SHORT_COMMANDS`, by the console script alone (a test calling `main` keeps its own
process's collector).
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from appraisal.app import garbage

_started = False


def start() -> None:
    """The running command is a short one: collect garbage seldom, and let `leave` end the process at once."""
    global _started
    _started = True
    garbage.collect_seldom()


def leave(code: int) -> NoReturn:
    """End the process with exit status `code`: at once after `start()`, else as Python exits."""
    if not _started:
        sys.exit(code)
    import atexit
    import logging
    import threading

    if threading.active_count() > 1:
        sys.exit(code)

    from appraisal.app import warm_start

    try:
        warm_start.finish()  # what its exit hook would write
    except Exception:  # as from an exit hook: said (in the log), and the command's own status stands
        logging.getLogger(__name__).exception("the warm-start file was not written")
    atexit.unregister(logging.shutdown)
    logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # a closed pipe or stream, or none: exit as before
        sys.exit(code)
    os._exit(code)

"""The app as `appraisal serve` starts it for each browser tab: `python -m appraisal.tui.served_app`.

textual-serve runs this with Textual's web driver, which talks to the server over stdin/stdout pipes. The
server asks it to quit when the tab closes or the server stops (the app saves on the way out). If the server
dies without asking (killed), the app would be left waiting on a closed pipe, holding the draft's lock: a
watcher ends it the same graceful way (SIGTERM, which the web driver turns into an exit) once it has been
orphaned.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

ORPHAN_POLL_SECONDS = 1.0


def _end_when_orphaned() -> None:
    """On POSIX an orphan is adopted by another process: its parent id changes. Windows has no such signal."""
    if sys.platform == "win32":
        return
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(ORPHAN_POLL_SECONDS)
            if os.getppid() != parent:
                os.kill(os.getpid(), signal.SIGTERM)
                return

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def main() -> int:
    from appraisal import paths
    from appraisal.logs import configure_logging
    from appraisal.tui.app import run_app

    paths.resolve()  # the environment, read once for this tab's app
    configure_logging()
    _end_when_orphaned()
    return run_app(in_browser=True)


if __name__ == "__main__":
    sys.exit(main())

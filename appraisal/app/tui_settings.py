"""How the editor behaves in time: autosave and check delays, and the clocks. Tests shorten the delays and inject
both clocks, so snapshots do not move and timing tests advance a fake clock instead of sleeping."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from appraisal.app.session import Clock, system_clock

Monotonic = Callable[[], float]


@dataclass
class TuiSettings:
    """Timings and hooks of the Textual app (not the user's config.toml: that is the service's Settings)."""

    autosave_delay: float = 1.0  # save this long after typing stops
    autosave_max: float = 2.0  # and at least this often while typing goes on
    check_delay: float = 0.3  # run the section's checks this long after typing stops
    retry_delay: float = 5.0  # after a failed save, try again this much later
    # SIGHUP/SIGTERM: the process ends this long after the signal however busy it is (enough to save the largest
    # draft); after the drafts are saved on a closed terminal, Textual's own shutdown gets this long.
    termination_grace: float = 15.0
    exit_grace: float = 3.0
    clock: Clock = field(default=system_clock)  # wall time: "已保存 09:30:15"
    monotonic: Monotonic = field(default=time.monotonic)  # elapsed time: when a save or a check is due
    cursor_blink: bool = True
    export_folder: Path | None = None  # default destination for exports (None: paths.export_dir())

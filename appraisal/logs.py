"""Where the program's log goes: `<data dir>/appraisal.log`, never the user's terminal.

A rule that raises is logged with its traceback (`appraisal.checks`); the user is told in one sentence (a
`check-failed` finding) and the developer finds the details in this file.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from pathlib import Path

from appraisal import paths

LOG_FILE = "appraisal.log"
_SECRETS: set[str] = set()  # never written to the log, whatever record carries them (`redact`)


def redact(secret: str) -> None:
    """Keep `secret` (a model's API key) out of every log line from now on: it is written as `***`."""
    if len(secret) >= 4:
        _SECRETS.add(secret)


class _Redacting(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in _SECRETS:
            text = text.replace(secret, "***")
        return text


class _LogFile(logging.FileHandler):
    """Opened on the first record. A log that cannot be written must not become a traceback on the user's
    terminal: the failure is said in one sentence on stderr instead."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.path = path
        self.setFormatter(_Redacting("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def _open(self) -> io.TextIOWrapper:
        """FileHandler's own open made the log 0644 (the umask's); it holds the draft's paths and the errors met,
        so it is private as the drafts are (0600, SPEC §2)."""
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with contextlib.suppress(OSError):  # a log written 0644 by an earlier version
            os.fchmod(fd, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError):  # if the folder cannot be made, opening the file fails: handleError
            paths.ensure_private_dir(self.path.parent)
        try:
            super().emit(record)
        except OSError:  # FileHandler opens the file outside emit's own try (a read-only folder): said the same way
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        print(f"无法写入日志文件 {self.path}。", file=sys.stderr)


def configure_logging() -> Path:
    """Send the `appraisal` loggers to the log file of the current data dir (replacing an earlier one, so a
    changed `APPRAISAL_HOME` is followed); the file's path."""
    path = paths.data_dir() / LOG_FILE
    logger = logging.getLogger("appraisal")
    for handler in [h for h in logger.handlers if isinstance(h, _LogFile)]:
        logger.removeHandler(handler)
        handler.close()
    logger.addHandler(_LogFile(path))
    logger.setLevel(logging.INFO)
    return path

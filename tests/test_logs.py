"""The log file: a log that cannot be written is one sentence on stderr, never a traceback."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from appraisal import paths
from appraisal.logs import LOG_FILE, configure_logging


def test_a_log_file_that_cannot_be_opened_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    """A read-only data folder: opening the log raised out of `log.warning` into whatever was logging."""
    (paths.data_dir() / LOG_FILE).mkdir(parents=True)  # cannot be opened, even by root
    path = configure_logging()
    logging.getLogger("appraisal.test").warning("something worth logging")
    assert capsys.readouterr().err == f"无法写入日志文件 {path}。\n"


def test_a_command_in_a_data_folder_it_cannot_write_ends_without_a_traceback(tmp_path: Path) -> None:
    """`appraisal list` with APPRAISAL_HOME on a read-only disk printed its list, then a traceback at exit (the
    warm-start cache, not written, logged so, and the log could not be opened)."""
    home = tmp_path / "home"
    (home / LOG_FILE).mkdir(parents=True)
    (home / "cache").write_text("")  # no folder can be made there: the warm-start files are not written
    env = {**os.environ, "APPRAISAL_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "appraisal.cli", "list"], capture_output=True, text=True, env=env, timeout=60
    )
    assert "Traceback" not in done.stderr
    assert done.returncode == 0


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_log_file_is_private_as_the_drafts_are() -> None:
    """The log names drafts and the errors met: 0600 (SPEC §2), whatever the umask (FileHandler made it 0644)."""
    path = configure_logging()
    logging.getLogger("appraisal.test").warning("草稿 某某 无法保存")
    for handler in logging.getLogger("appraisal").handlers:
        handler.flush()
    assert path.read_text(encoding="utf-8").endswith("草稿 某某 无法保存\n")
    assert path.stat().st_mode & 0o777 == 0o600

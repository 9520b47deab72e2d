"""Editing one section in the user's own editor ($VISUAL / $EDITOR): a fallback when the terminal's input
method misbehaves. The text goes through a private temp file that is always deleted afterwards."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

from textual.app import App, SuspendNotSupported

from appraisal.errors import AppraisalError
from appraisal.fileio import describe_os_error


@contextlib.contextmanager
def suspended(app: App[object]) -> Iterator[None]:
    """`App.suspend()`, made safe: whatever happens inside, the app resumes. Textual's suspend is a generator
    without try/finally, so an exception passed into it (the editor program missing) left the terminal blank for
    ever. Here the exception is never passed in: the app is resumed first, then the exception goes on. A driver
    that cannot suspend (tests, the web) runs the block without suspending."""
    inner = app.suspend()
    try:
        inner.__enter__()
    except SuspendNotSupported:
        yield
        return
    try:
        yield
    finally:
        inner.__exit__(None, None, None)


def editor_command() -> list[str]:
    """The editor to run: $VISUAL, then $EDITOR, then a common one that is installed."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value, posix=os.name != "nt")
    for candidate in ("notepad",) if os.name == "nt" else ("nano", "vim", "vi"):
        if shutil.which(candidate):
            return [candidate]
    raise AppraisalError("没有找到可用的文本编辑器，请先设置环境变量 EDITOR，例如 EDITOR=nano。")


def edit_text(text: str, suspend: Callable[[], AbstractContextManager[object]]) -> str:
    """Run the editor on `text` and return what the user saved (newlines normalised, no trailing newline)."""
    command = editor_command()
    if shutil.which(command[0]) is None:  # say so before the screen is given up to a program that is not there
        raise AppraisalError(f"无法启动编辑器 {command[0]}：找不到该程序，请检查环境变量 EDITOR。")
    try:
        fd, name = tempfile.mkstemp(prefix="appraisal-", suffix=".txt")  # mkstemp creates the file 0600
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, Path(tempfile.gettempdir()), "创建临时文件")) from exc
    path = Path(name)
    try:
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text + "\n" if text else "")
        except OSError as exc:  # a full or read-only temp disk: one sentence, the section is unchanged
            raise AppraisalError(describe_os_error(exc, path, "写入临时文件")) from exc
        try:
            with suspend():
                result = subprocess.run([*command, str(path)], check=False)
        except FileNotFoundError as exc:
            raise AppraisalError(f"无法启动编辑器 {command[0]}：找不到该程序，请检查环境变量 EDITOR。") from exc
        except OSError as exc:
            raise AppraisalError(f"无法启动编辑器 {command[0]}：{exc.strerror or exc}。") from exc
        if result.returncode != 0:
            raise AppraisalError(f"编辑器 {command[0]} 异常退出（返回码 {result.returncode}），本栏内容未改动。")
        try:
            edited = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise AppraisalError("无法读回编辑器保存的内容（应为 UTF-8 文本），本栏内容未改动。") from exc
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
    return edited.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")

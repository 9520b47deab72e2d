"""Export a draft (SPEC §5): Word laid out to GB/T 9704, plain text for the 登记表, Markdown and HTML.

Contract (the TUI and the CLI code against it): `FORMATS`, `SUFFIX_FORMATS`, `format_named`, `ExportOptions`,
`render`, `default_filename`, `export_to`. A new format is one module with a `render` function plus one line in
`appraisal.formats.EXPORT_FORMATS` (the table the CLI and the TUI are built from).
Every format walks the same outline (`appraisal.export.outline`), so numbering and which sections appear
never differ between formats.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from appraisal.errors import AppraisalError
from appraisal.fileio import fit_name
from appraisal.formats import FORMATS, SUFFIX_FORMATS, ExportFormat, format_named
from appraisal.text.lazy_regex import lazy_compile

__all__ = [
    "FORMATS",
    "SUFFIX_FORMATS",
    "ExportFormat",
    "ExportOptions",
    "default_filename",
    "export_to",
    "exporter",
    "format_named",
    "render",
]

if TYPE_CHECKING:
    from appraisal.draft import Draft
    from appraisal.templates import Template


@dataclass(frozen=True)
class ExportOptions:
    """Choices the user may make. `None` means: the template's setting / today. The user's config file is applied
    above this layer (`appraisal.service.Service.export_options`)."""

    run_in_headings: bool | None = None
    date: dt.date | None = None


class Renderer(Protocol):
    """A format's module: `render` gives the file's bytes."""

    def render(self, draft: Draft, template: Template, options: ExportOptions) -> bytes: ...


def exporter(fmt: str) -> ExportFormat:
    try:
        return FORMATS[fmt]
    except KeyError:
        known = "、".join(FORMATS)
        raise AppraisalError(f"不支持导出为 {fmt}，可选的格式有：{known}。") from None


def render(draft: Draft, template: Template, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The exported file's bytes: the format's module (`ExportFormat.module`) is imported on first use, so
    `appraisal export --to txt` never loads python-docx."""
    renderer: Renderer = importlib.import_module(f"appraisal.export.{exporter(fmt).module}")
    return renderer.render(draft, template, options or ExportOptions())


# Separators and characters Windows forbids, controls, lone surrogates (not encodable), and invisible format
# characters: a right-to-left override would show `张三-\u202excod.exe` as `张三-exe.docx`.
_UNSAFE = lazy_compile(r'[\\/:*?"<>|\s\x00-\x1f\x7f\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+')
_WINDOWS_DEVICES = lazy_compile(r"(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9]|LPT[0-9])(?:\..*)?", re.IGNORECASE)
MAX_STEM_BYTES = 180
"""File names are limited to 255 bytes (ext4, NTFS: 255 UTF-16 units); CJK takes 3 bytes in UTF-8, and the
temporary file written first adds a few more characters, so a long title is cut well below that."""


def _safe(text: str) -> str:
    """A file-name part that is valid on Windows, macOS and Linux."""
    return _UNSAFE.sub("", text).strip(".")[:60]


def default_filename(draft: Draft, template: Template, fmt: str) -> str:
    """`张三-2026年度个人总结.docx`: who and what, as a person would name the file."""
    title = _safe(draft.title) or _safe(template.default_title(draft.profile.year)) or "个人总结"
    name = _safe(draft.profile.name)
    stem = f"{name}-{title}" if name and name not in title else title
    stem = stem.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore").strip(".")
    if _WINDOWS_DEVICES.fullmatch(stem):
        stem = f"{stem}-个人总结"  # `CON.docx` would be a device on Windows, not a file
    return stem + exporter(fmt).suffix


def _free_path(path: Path) -> Path:
    """`path`, or `stem(2).suffix`, `stem(3).suffix`… — the first name no file has."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{fit_name(path.stem, f'({number})', path.suffix)}({number}){path.suffix}")
        number += 1
    return candidate


def export_to(
    draft: Draft,
    template: Template,
    fmt: str,
    *,
    folder: Path | None = None,
    path: Path | None = None,
    overwrite: bool = False,
    options: ExportOptions | None = None,
) -> Path:
    """Render and write atomically; returns the path written.

    With `path`, writes exactly there (an existing file only when `overwrite`, else an error). Otherwise writes
    `default_filename` in `folder` (default: the current directory), choosing `…(2).docx` when that name is taken,
    so no file is ever replaced without the user having named it.
    """
    from appraisal.fileio import atomic_write_bytes, describe_os_error

    data = render(draft, template, fmt, options)
    if path is None:
        target = _free_path((folder or Path.cwd()) / default_filename(draft, template, fmt))
    else:
        target = path
        if target.is_dir():
            raise AppraisalError(f"{target} 是一个文件夹，请给出要保存的文件名。")
        if target.exists() and not overwrite:
            raise AppraisalError(f"{target} 已存在，未覆盖；如需替换请确认覆盖，或换一个文件名。")
    for parent in (target.parent, *target.parent.parents):
        if parent.exists():
            if not parent.is_dir():
                raise AppraisalError(f"无法导出到 {target}：{parent} 不是文件夹。")
            break
    try:
        atomic_write_bytes(target, data, private=False)
    except AppraisalError as exc:
        cause = exc.__cause__
        if isinstance(cause, OSError):
            raise AppraisalError(describe_os_error(cause, target, "导出到")) from cause
        raise
    return target

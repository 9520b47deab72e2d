"""What the service's operations return and raise: checks of a draft or a document, exports, listings; each a
sentence-ready record for both faces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from appraisal.checks import (
    Finding,
)
from appraisal.checks.documents import DocumentCheck
from appraisal.config import config_path
from appraisal.draft import Draft, Progress, progress
from appraisal.errors import AppraisalError
from appraisal.templates import Template

if TYPE_CHECKING:  # each loaded where it is used: `appraisal check` needs none of them
    pass


@dataclass
class DraftCheck:
    """A draft checked from its file: where it is, the draft and its template, the findings, and (with `fix`)
    how many fixes were saved as which revision."""

    path: Path
    draft: Draft
    template: Template
    findings: list[Finding]
    fixed: int = 0

    def section_titles(self) -> dict[str, str]:
        return {s.id: s.title for s in self.template.text_sections()}


@dataclass
class DocumentFix:
    """`fix_document`: the fixed copy written next to the document (`copy` None when nothing was fixed) and the
    check of that copy (or of the document itself when nothing was fixed): what is left to see."""

    source: Path
    copy: Path | None
    count: int
    check: DocumentCheck

    @property
    def findings(self) -> list[Finding]:
        return self.check.findings


@dataclass(frozen=True)
class ExportTarget:
    """One file to write: `fmt` (a name of `appraisal.export.FORMATS`) either at `path` (replaced when
    `overwrite`) or under a free name in `folder`."""

    fmt: str
    folder: Path | None = None
    path: Path | None = None
    overwrite: bool = False


@dataclass
class ExportResult:
    """The files written, and the checker's errors the draft still has (exported anyway: `strict` was off)."""

    written: list[Path]
    errors: list[Finding]


class StrictExportRefused(AppraisalError):
    """`strict` export of a draft with errors: nothing was written; `errors` lists them."""

    def __init__(self, errors: list[Finding]) -> None:
        super().__init__(f"草稿还有 {len(errors)} 处错误，按 --strict 的要求未导出：")
        self.errors = errors


class ExportFailed(AppraisalError):
    """A file could not be written; `written` are the ones written before it."""

    def __init__(self, message: str, written: list[Path]) -> None:
        super().__init__(message)
        self.written = written


class AssistNotConfigured(AppraisalError):
    """Drafting help was asked for but `config.toml` has no `[assist]`: the message says how to configure it."""

    def __init__(self) -> None:
        super().__init__(
            f"还没有配置写作助手，未发送任何内容。如需使用，请在设置文件 {config_path()} 中加入：\n"
            "[assist]\n"
            'base_url = "http://127.0.0.1:11434/v1"   # 单位内部或本机的 OpenAI 兼容接口\n'
            'model = "qwen2.5:7b"                     # 该接口上的模型名称\n'
            'api_key_env = "APPRAISAL_API_KEY"        # 存放密钥的环境变量名，没有密钥可删去这一行\n'
            "timeout = 120                            # 整个答复最多等待的秒数"
        )


@dataclass(frozen=True)
class DraftSummary:
    """One draft in the data dir, for a listing. `problem` is set (and `draft` None) when it cannot be read;
    `template` is None when its template is missing."""

    path: Path
    saved: dt.datetime
    draft: Draft | None = None
    template: Template | None = None
    problem: str = ""

    @property
    def progress(self) -> Progress | None:
        if self.draft is None or self.template is None:
            return None
        return progress(self.draft, self.template)

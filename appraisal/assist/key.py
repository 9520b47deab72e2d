"""The model's key, from the environment variable `config.toml` names: checked before anything is shown or sent,
so that a key that cannot be a header value (a key file's comment line, curly quotes pasted from a chat) is refused
in one sentence without showing it, and registered with the log so that no log line ever holds it. Light to import:
the request flow checks it before the HTTP client is even loaded."""

from __future__ import annotations

import os

from appraisal import logs
from appraisal.config import AssistConfig
from appraisal.errors import AppraisalError
from appraisal.text.lazy_regex import lazy_compile

_HEADER_SAFE = lazy_compile(r"[!-~]+")  # a key goes into a header: visible ASCII only, no spaces, no line breaks


class AssistError(AppraisalError):
    """The model could not give an answer; the message says why in one sentence."""


def api_key(config: AssistConfig) -> str | None:
    """The key from the environment variable the config names (None when it names none). A key that cannot be a
    header value (a key file's comment line, curly quotes pasted from a chat) is refused without showing it."""
    if not config.api_key_env:
        return None
    value = os.environ.get(config.api_key_env, "").strip()
    if not value:
        raise AssistError(f"环境变量 {config.api_key_env} 没有设置，取不到模型的密钥，未发送任何内容。")
    logs.redact(value)
    if not _HEADER_SAFE.fullmatch(value):
        raise AssistError(
            f"环境变量 {config.api_key_env} 中的密钥含有不能用于请求的字符（如换行、注释、空格或中文引号），"
            "请只保留密钥本身，未发送任何内容。"
        )
    return value

"""The one exception type the user ever sees: its message is a finished Chinese sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class AppraisalError(Exception):
    """An error whose message is shown to the user as is (Chinese, one sentence, no traceback)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# pydantic's error types, as a Chinese reason. Templates' own validators already speak Chinese ("Value error, …").
_REASONS = {
    "missing": "缺少这一项",
    "extra_forbidden": "不是可用的项目，请检查拼写",
    "string_type": "应为文字（加引号）",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": '应为列表，如 ["甲", "乙"]',
    "dict_type": '应为表，如 {{ 词语 = "说明" }}',
    "model_type": "应为表",
    "greater_than_equal": "不能小于 {ge}",
    "greater_than": "应大于 {gt}",
    "less_than_equal": "不能大于 {le}",
    "less_than": "应小于 {lt}",
    "string_too_short": "不能为空",
}


def _printable(text: str, limit: int = 60) -> str:
    """A field path as one line: its parts can be keys from the file itself (a key of `"\\n"` must not break the
    sentence in two), so invisible characters are shown escaped and a long key is cut."""
    shown = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def describe_validation_error(error: ValidationError) -> str:
    """The first problem pydantic found, as `字段 checks.disabled：应为列表，如 ["甲", "乙"]` — for the user's
    config file, a template or a draft, so no English reaches the user."""
    first = error.errors()[0]
    where = _printable(".".join(str(part) for part in first["loc"])) or "（顶层）"
    kind = first["type"]
    if kind == "value_error":
        reason = first["msg"].removeprefix("Value error, ")
    else:
        reason = _REASONS.get(kind, "内容不符合要求").format(**first.get("ctx", {}))
    return f"字段 {where}：{reason}"

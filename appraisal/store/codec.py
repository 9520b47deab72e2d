"""A draft file's bytes and back: readable JSON out, strict parsing in (caps, duplicate keys, schema
migration), so that nothing read can later fail to be written back."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from appraisal.draft import SCHEMA_VERSION, Draft
from appraisal.errors import AppraisalError, describe_validation_error

MAX_NESTING = 100  # levels of lists and objects a draft may hold (unknown fields are kept as they are)
MAX_DRAFT_BYTES = 16 * 1024 * 1024  # a report is tens of KB; a 100 MB draft took 20 s to save
MAX_SECTION_CHARS = 3_000_000  # characters in a section (or the unmatched text): as in an imported document


def _json_dict(draft: Draft) -> dict[str, Any]:
    """`Draft.to_json_dict`; pydantic cannot serialise a lone surrogate in a key of a field it does not know (kept
    from a hand-edited file), so such a draft is put in the same order from its plain Python form."""
    try:
        return draft.to_json_dict()
    except UnicodeEncodeError:
        data = draft.model_dump(by_alias=True, mode="python")
        first = ("schema", "id", "template", "profile", "title", "sections", "unmatched", "created", "updated")
        ordered = {key: data.pop(key) for key in (*first, "revision")}
        ordered.update(sorted(data.items()))
        return ordered


def dump_draft(draft: Draft) -> bytes:
    """Readable UTF-8 JSON. Text with lone surrogates (possible from a paste or a hand-edited file) cannot be
    UTF-8: such a draft is written with \\u escapes instead, which still round-trips exactly."""
    data = _json_dict(draft)
    try:
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(data, ensure_ascii=True, indent=2) + "\n").encode("ascii")


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Pre-release drafts kept the profile at the top level and sections as a list of {id, text}."""
    profile = dict(data.pop("profile", {}) or {})
    for key in ("name", "unit", "position", "year"):
        if key in data:
            profile.setdefault(key, data.pop(key))
    data["profile"] = profile
    sections = data.get("sections")
    if isinstance(sections, list):
        data["sections"] = {str(item["id"]): str(item.get("text", "")) for item in sections if isinstance(item, dict)}
    data["schema"] = 1
    return data


MIGRATIONS = {0: _migrate_0_to_1}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema", 0)
    while isinstance(version, int) and version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema"]
    return data


def _nesting(data: object) -> int:
    """How deep lists and objects nest in parsed JSON (a draft itself needs 3 levels)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


def is_newer(raw: bytes) -> bool:
    """Whether `raw` is a draft written by a newer version of the program (a schema above ours)."""
    with contextlib.suppress(ValueError, RecursionError):
        data = json.loads(raw.decode("utf-8-sig"))
        schema = data.get("schema") if isinstance(data, dict) else None
        return isinstance(schema, int) and not isinstance(schema, bool) and schema > SCHEMA_VERSION
    return False


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads keeps the last of two equal keys and drops the first without a word; a hand-edited draft with
    `"conduct"` twice would lose a section's text on the next save."""
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKeyError(key[:40])
        data[key] = value
    return data


def parse(raw: bytes) -> tuple[Draft | None, str]:
    """A draft from bytes, or None and the reason (in Chinese) it is not one."""
    if not raw.strip():
        return None, "文件是空的"
    try:
        data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_refuse_duplicate_keys)
    except _DuplicateKeyError as exc:
        return None, f"键“{exc.key}”重复出现，为免丢掉其中一处的内容，不予读取"
    except UnicodeDecodeError:
        return None, "文件不是 UTF-8 文本"
    except json.JSONDecodeError as exc:
        return None, f"JSON 格式损坏（第 {exc.lineno} 行第 {exc.colno} 列）"
    except (ValueError, RecursionError):  # a number of thousands of digits, arrays nested thousands deep
        return None, "JSON 内容异常（数字过长或嵌套过深）"
    if not isinstance(data, dict):
        return None, "内容不是草稿对象"
    if _nesting(data) > MAX_NESTING:  # it would load, but no save could ever write it back (pydantic stops at 255)
        return None, f"内容嵌套过深（超过 {MAX_NESTING} 层）"
    schema = data.get("schema", 0)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
        return None, "schema 字段无效"
    if schema > SCHEMA_VERSION:
        return None, f"它由更新版本的考核自评助手创建（格式版本 {schema}），请升级后再打开"
    if "template" not in data:
        return None, "缺少 template 字段"
    try:
        data = _migrate(data)
        draft = Draft.model_validate(data)
    except (KeyError, TypeError, ValueError) as exc:
        from pydantic import ValidationError  # loaded only when a draft is not certainly well formed

        if isinstance(exc, ValidationError):
            return None, describe_validation_error(exc)
        return None, "内容不符合草稿格式"
    for section_id, text in (*draft.sections.items(), ("unmatched", draft.unmatched)):
        if len(text) > MAX_SECTION_CHARS:
            return None, f"栏目 {section_id} 超过 {MAX_SECTION_CHARS // 10000} 万字，不像是一份个人总结"
    return draft, ""


def refuse_unopenable(draft: Draft, data: bytes, path: Path) -> None:
    """Raise AppraisalError when `data`, the draft about to be saved to `path`, would be refused on opening (the
    caps of `parse` and `read_bounded`): saved, it could never be opened again. Same limits on both sides."""
    kept = "因此未保存，文件中已保存的内容未作改动，请删去多余的内容"
    for section_id, text in (*draft.sections.items(), ("unmatched", draft.unmatched)):
        if len(text) > MAX_SECTION_CHARS:
            raise AppraisalError(
                f"栏目 {section_id} 有 {len(text)} 字，超过 {MAX_SECTION_CHARS // 10000} 万字的上限，"
                f"保存后将无法再打开，{kept}。"
            )
    if len(data) > MAX_DRAFT_BYTES:
        raise AppraisalError(
            f"草稿 {path} 将超过 {MAX_DRAFT_BYTES // 1024 // 1024} MB 的上限，保存后将无法再打开，{kept}。"
        )


def read_bounded(path: Path) -> bytes:
    """A draft file's bytes; AppraisalError when it is too big to be a draft (read no further than the cap)."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_DRAFT_BYTES + 1)
    if len(raw) > MAX_DRAFT_BYTES:
        raise AppraisalError(
            f"草稿 {path} 过大（超过 {MAX_DRAFT_BYTES // 1024 // 1024} MB），不像是一份个人总结，文件未作任何改动。"
        )
    return raw

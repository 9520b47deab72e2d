"""The drafts folder: new file names, creating a draft, listing drafts, and finding one by a name the user gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from appraisal import paths
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.store.files import DRAFT_SUFFIX, SET_ASIDE_MARK, load_draft, save_draft
from appraisal.text.lazy_regex import lazy_compile

# Separators, characters Windows forbids, controls, lone surrogates, invisible format characters.
_UNSAFE_IN_NAME = lazy_compile(
    r'[\\/:*?"<>|\s\x00-\x1f\x7f\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+'
)


def _safe_stem(text: str, max_bytes: int = 90) -> str:
    """A part of a file name: unsafe characters dropped, cut to `max_bytes` of UTF-8 (file names are limited
    to 255 bytes, and the lock, temp and set-aside files add their own parts to the draft's name)."""
    return _UNSAFE_IN_NAME.sub("", text).encode("utf-8")[:max_bytes].decode("utf-8", "ignore")


def new_draft_path(draft: Draft, folder: Path | None = None) -> Path:
    """A new file name in `folder` from the draft's year, name, template and id. Every part is cleaned: a draft
    read from a file may carry any text in them (`../../x`), and the file must stay inside `folder`."""
    folder = folder or paths.drafts_dir()
    parts = [
        str(draft.profile.year or ""),
        _safe_stem(draft.profile.name),
        _safe_stem(draft.template, 40),
        _safe_stem(draft.id)[:6],
    ]
    return folder / ("-".join(p for p in parts if p) + DRAFT_SUFFIX)


def create_draft(draft: Draft, path: Path | None = None) -> Path:
    """Save a new draft; never over an existing file."""
    path = path or new_draft_path(draft)
    if path.exists():
        raise AppraisalError(f"{path} 已存在，不会覆盖，请换一个文件名。")
    save_draft(draft, path)
    return path


def draft_files(folder: Path | None = None) -> list[Path]:
    """Drafts in the data dir, most recently saved first."""
    folder = folder or paths.drafts_dir()
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob(f"*{DRAFT_SUFFIX}") if p.is_file() and not p.name.startswith(".")]
    saved = []
    for path in files:
        if SET_ASIDE_MARK not in path.name:
            try:
                saved.append((path.stat().st_mtime_ns, path.name, path))
            except FileNotFoundError:
                continue  # deleted (or set aside by another window) since the folder was listed
    return [path for _mtime, _name, path in sorted(saved, reverse=True)]


def most_recent_draft() -> Path | None:
    files = draft_files()
    return files[0] if files else None


def resolve_draft(ref: str) -> Path:
    """A draft named by path, file name, id, or the writer's name (when that picks one draft)."""
    candidate = Path(ref).expanduser()
    if candidate.exists():
        return candidate
    files = draft_files()
    for path in files:
        if ref in (path.name, path.stem):
            return path
    matches: list[tuple[Path, Draft | None]] = []
    for path in files:
        try:
            draft = load_draft(path)
        except AppraisalError:
            # An unreadable draft can still be named by its file name's parts (year-name-template-id),
            # so that `appraisal history 张三 --restore N` reaches it.
            if ref in path.stem.split("-"):
                matches.append((path, None))
            continue
        if ref in (draft.id, draft.profile.name) or path.stem.endswith(ref):
            matches.append((path, draft))
    if len(matches) == 1:
        return matches[0][0]
    if len(matches) > 1:
        listing = "\n".join(f"  {_identify(path, draft)}" for path, draft in matches)
        raise AppraisalError(f"“{ref}”对应 {len(matches)} 份草稿，请用编号或文件路径指明是哪一份：\n{listing}")
    raise AppraisalError(f"找不到草稿“{ref}”：既不是文件路径，也不是已保存草稿的名称或编号。")


def _identify(path: Path, draft: Draft | None) -> str:
    """`编号 3f2a9c1b0d4e  李明·2025年度个人总结  保存于 2026-12-01 19:24`: enough to tell two drafts apart."""
    try:
        saved = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        saved = "时间不详"
    if draft is None:
        return f"{path}（无法读取）  保存于 {saved}"
    return f"编号 {draft.id}  {draft.display_name()}  保存于 {saved}"

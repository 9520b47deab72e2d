from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fresh_interpreter import call_in_new_interpreter

from appraisal import fileio, paths
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.store import (
    HISTORY_MAX,
    HISTORY_RECENT,
    DraftChangedOnDiskError,
    DraftLock,
    DraftLockedError,
    DraftUnreadableError,
    OpenDraft,
    create_draft,
    draft_files,
    list_history,
    load_draft,
    lock_path,
    most_recent_draft,
    resolve_draft,
    restore_revision,
    save_draft,
)
from appraisal.templates import load_template


def make_draft(**sections: str) -> Draft:
    draft = Draft.new(load_template("cadre-annual"), name="张三", unit="规划局", position="副局长", year=2026)
    draft.sections.update(sections)
    return draft


def test_save_is_readable_json_with_private_modes(tmp_path: Path) -> None:
    path = create_draft(make_draft(conduct="坚持学习，严守纪律。"))
    raw = path.read_text(encoding="utf-8")
    assert "坚持学习" in raw  # ensure_ascii=False
    data = json.loads(raw)
    assert data["template"] == "cadre-annual"
    assert data["revision"] == 1
    assert list(data)[0] == "schema"
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700
        history = list_history(path)[0].path
        assert history.stat().st_mode & 0o777 == 0o600
        assert history.parent.stat().st_mode & 0o777 == 0o700
        assert history.parent.parent.stat().st_mode & 0o777 == 0o700
    assert path.parent == paths.drafts_dir()


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("别人的文件", encoding="utf-8")
    with pytest.raises(AppraisalError, match="已存在"):
        create_draft(make_draft(), path)
    assert path.read_text(encoding="utf-8") == "别人的文件"


def test_history_keeps_revisions_and_prunes(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    draft = make_draft()
    for n in range(HISTORY_RECENT + 15):
        draft.sections["conduct"] = f"第{n}稿"
        save_draft(draft, path)
    entries = list_history(path)
    # Saved within the same hour: the newest 20, plus the newest of that hour among the older ones.
    assert HISTORY_RECENT >= 20
    assert [e.revision for e in entries] == [*list(range(HISTORY_RECENT + 15, 15, -1)), 15]
    assert entries[0].load().sections["conduct"] == f"第{HISTORY_RECENT + 14}稿"


def test_history_thinning_keeps_older_work_reachable() -> None:
    import datetime as dt

    from appraisal.store import HistoryEntry, history_to_keep

    now = dt.datetime(2026, 12, 20, 12, 0, 0)
    # Autosaves every 30 seconds for 40 days, newest first.
    entries = [
        HistoryEntry(10_000 - n, (now - dt.timedelta(seconds=30 * n)).strftime("%Y-%m-%d %H:%M:%S"), Path(f"{n}"))
        for n in range(40 * 24 * 120)
    ]
    kept = sorted(history_to_keep(entries, now), key=lambda e: e.revision, reverse=True)
    assert kept[:HISTORY_RECENT] == entries[:HISTORY_RECENT]
    assert len(kept) <= HISTORY_MAX
    hours = {e.saved[:13] for e in kept if now - dt.datetime.fromisoformat(e.saved) < dt.timedelta(days=2)}
    # 49 hour labels: the partial hour two days back counts too.
    assert hours == {(now - dt.timedelta(hours=h)).strftime("%Y-%m-%d %H") for h in range(49)}
    days = {e.saved[:10] for e in kept}
    assert len(days) == 41 and entries[-1].saved[:10] in days  # then one a day, back to the first


def test_restore_makes_old_revision_current_as_a_new_revision(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    draft = make_draft(conduct="初稿内容")
    save_draft(draft, path)
    draft.sections["conduct"] = "误删后的内容"
    save_draft(draft, path)
    restored = restore_revision(path, 1).draft
    assert restored.sections["conduct"] == "初稿内容"
    assert restored.revision == 3
    assert load_draft(path).sections["conduct"] == "初稿内容"
    # The restore itself can be undone.
    assert restore_revision(path, 2).draft.sections["conduct"] == "误删后的内容"
    with pytest.raises(AppraisalError, match="没有第 99 版"):
        restore_revision(path, 99)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "空"),
        (b'{"schema": 1, "template": "cadre-annual", "sections": {"conduct": "\xe5\x9d\x9a', "JSON"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"[1, 2, 3]", "不是草稿"),
        (b'{"schema": 9, "template": "cadre-annual"}', "更新版本"),
        (b'{"schema": 1, "template": "cadre-annual", "sections": {"conduct": 5}}', "sections"),
        (b'{"schema": 1}', "template"),
    ],
)
def test_unreadable_draft_is_reported_never_touched_and_good_revision_offered(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "d.json"
    draft = make_draft(conduct="完好的文字")
    save_draft(draft, path)
    path.write_bytes(content)
    with pytest.raises(DraftUnreadableError) as caught:
        load_draft(path)
    message = caught.value.message
    assert str(path) in message and reason in message
    assert "第 1 版" in message and "--restore 1" in message
    assert caught.value.good_revision is not None
    # Opening for edit and trying to save must leave the bytes alone.
    with pytest.raises(DraftUnreadableError):
        OpenDraft(path)
    assert not lock_path(path).exists()
    assert path.read_bytes() == content
    # The explicit restore keeps the unreadable file aside.
    restored = restore_revision(path, 1).draft
    assert restored.sections["conduct"] == "完好的文字"
    aside = list(tmp_path.glob("d.unreadable-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == content


def test_unreadable_without_history_says_so(tmp_path: Path) -> None:
    path = tmp_path / "lone.json"
    path.write_text("{不是JSON", encoding="utf-8")
    with pytest.raises(DraftUnreadableError, match="没有可用的版本"):
        load_draft(path)


def test_schema_0_is_migrated_on_load(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    old = {
        "template": "cadre-annual",
        "name": "李四",
        "unit": "财政局",
        "year": 2025,
        "sections": [{"id": "conduct", "text": "旧格式的文字"}],
    }
    path.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    draft = load_draft(path)
    assert draft.profile.name == "李四" and draft.profile.year == 2025
    assert draft.sections == {"conduct": "旧格式的文字"}
    assert path.read_bytes() == before  # loading never writes


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_disk_full_during_save_leaves_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    path = tmp_path / "d.json"
    draft = make_draft(conduct="旧版本")
    save_draft(draft, path)
    before = path.read_bytes()

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, handle: object) -> None:
                self.handle = handle

            def __enter__(self) -> Full:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()  # type: ignore[attr-defined]

            def write(self, data: bytes) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(fileio.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    elif failing == "fsync":
        monkeypatch.setattr(fileio.os, "fsync", no_space)
    else:
        monkeypatch.setattr(fileio.os, "replace", no_space)
    draft.sections["conduct"] = "新版本"
    with pytest.raises(AppraisalError, match="磁盘空间不足"):
        save_draft(draft, path)
    assert path.read_bytes() == before
    assert draft.revision == 1  # the failed save did not count
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    monkeypatch.undo()
    save_draft(draft, path)  # once space returns the next save succeeds
    assert load_draft(path).sections["conduct"] == "新版本"


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from appraisal.store import DraftLock
    lock = DraftLock(Path(sys.argv[1]))
    lock.acquire()
    print("locked", flush=True)
    time.sleep(60)
    """
)


def test_second_process_is_told_who_holds_the_lock(tmp_path: Path) -> None:
    path = create_draft(make_draft(), tmp_path / "d.json")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(DraftLockedError) as caught:
            OpenDraft(path)
        assert caught.value.holder.pid == holder.pid
        assert str(holder.pid) in caught.value.message and "只读" in caught.value.message
        viewer = OpenDraft(path, read_only=True)
        assert viewer.draft.profile.name == "张三"
        with pytest.raises(AppraisalError, match="只读"):
            viewer.save()
    finally:
        holder.kill()
        holder.wait()
    # The holder died without releasing: its lock is stale and is taken over.
    editor = OpenDraft(path)
    editor.draft.sections["conduct"] = "接手编辑"
    editor.save()
    editor.close()
    assert not lock_path(path).exists()


def test_lock_is_exclusive_within_a_process(tmp_path: Path) -> None:
    path = create_draft(make_draft(), tmp_path / "d.json")
    with DraftLock(path), pytest.raises(DraftLockedError):
        DraftLock(path).acquire()
    DraftLock(path).acquire()


def test_save_refuses_when_file_changed_by_another_program(tmp_path: Path) -> None:
    path = create_draft(make_draft(conduct="我的文字"), tmp_path / "d.json")
    editor = OpenDraft(path)
    time.sleep(0.01)
    other = load_draft(path)
    other.sections["conduct"] = "别的程序写的"
    save_draft(other, path)
    editor.draft.sections["conduct"] = "编辑器里的新文字"
    with pytest.raises(DraftChangedOnDiskError):
        editor.save()
    assert load_draft(path).sections["conduct"] == "别的程序写的"
    editor.save_as(tmp_path / "d-副本.json")
    assert load_draft(tmp_path / "d-副本.json").sections["conduct"] == "编辑器里的新文字"
    editor.close()


def test_resolve_and_most_recent(tmp_path: Path) -> None:
    first = create_draft(make_draft())
    time.sleep(0.01)
    other = make_draft()
    other.profile.name = "王五"
    second = create_draft(other)
    os.utime(first, (time.time() - 100, time.time() - 100))
    assert most_recent_draft() == second
    assert draft_files() == [second, first]
    assert resolve_draft("王五") == second
    assert resolve_draft(str(first)) == first
    assert resolve_draft(first.stem) == first
    with pytest.raises(AppraisalError, match="找不到草稿"):
        resolve_draft("赵六")


def _writer_loop(path: Path, ready: int) -> None:
    """The child: save new revisions of the draft as fast as it can, until killed; say so after the first one."""
    draft = load_draft(path)
    saved = 0
    while True:
        n = draft.revision + 1
        draft.sections["conduct"] = f"第{n}版" + "甲乙丙丁" * (n % 97) * 50
        draft.sections["study"] = str(n)
        save_draft(draft, path)
        if saved == 0:
            os.write(ready, b"1")  # one whole save done: the random moment starts now
        saved += 1


def _consistent(draft: Draft) -> bool:
    """A revision written by the writer: the two sections agree with the revision number."""
    n = draft.revision
    if n == 1:
        return draft.sections["conduct"] == "" and draft.sections["study"] == ""
    return draft.sections["study"] == str(n) and draft.sections["conduct"] == f"第{n}版" + "甲乙丙丁" * (n % 97) * 50


def _kill_at_random_moments(path: Path, rounds: int, seed: int) -> list[tuple[int, bool]]:
    """`rounds` times: fork a writer (`_writer_loop`) and SIGKILL it at a random moment after its first whole save;
    (revision, consistent) of the draft on disk after each kill."""
    rng = random.Random(seed)
    # Every child finishes one save before its random moment starts (so the children write however loaded the
    # machine is), and the kill lands within about four saves' time, measured here: anywhere in the saves after it.
    probe = make_draft()
    started = time.perf_counter()
    for n in range(5):
        probe.sections["conduct"] = "甲乙丙丁" * n * 500
        save_draft(probe, path.with_name("probe.json"))
    window = max(0.02, 4 * (time.perf_counter() - started) / 5)
    seen = []
    for _kill in range(rounds):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                _writer_loop(path, write_end)
            finally:
                os._exit(0)
        os.close(write_end)
        os.read(read_end, 1)  # the child has saved once
        os.close(read_end)
        time.sleep(rng.random() * window)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        draft = load_draft(path)
        seen.append((draft.revision, _consistent(draft)))
    return seen


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork to start writers fast enough for 200 kills")
def test_sigkill_at_random_moments_never_leaves_a_torn_draft(tmp_path: Path) -> None:
    """A child process saves revisions in a loop; we SIGKILL it at a random moment, 200 times over.

    The child is forked (it inherits the imported modules), so each round costs milliseconds, not a
    Python start-up; the kill lands anywhere in the save: mid-write, between fsync and replace, in history.
    The children are forked from a new interpreter, not from this test process: forking a process the size of a
    test worker 200 times cost more CPU than the saves.
    """
    path = create_draft(make_draft(), tmp_path / "d.json")
    last_revision = 1
    for revision, consistent in call_in_new_interpreter(
        Path(__file__), "_kill_at_random_moments", path, 200, 20261128, timeout=600
    ):
        assert consistent, revision
        assert revision >= last_revision
        last_revision = revision
    assert last_revision > 200  # the children really wrote
    for entry in list_history(path)[:5]:
        assert _consistent(entry.load())
    # Temp files of killed saves are swept when the draft is next opened for editing.
    OpenDraft(path).close()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_clock_going_backwards_keeps_history_ordered_by_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    import appraisal.store.history as store_module

    path = tmp_path / "d.json"
    draft = make_draft()
    start = dt.datetime(2026, 12, 1, 10, 0, 0)
    times = (start - dt.timedelta(days=n) for n in range(1000))  # every reading earlier than the last

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Clock:  # type: ignore[override]
            value = next(times)
            return value.replace(tzinfo=tz) if tz else value  # type: ignore[return-value]

    monkeypatch.setattr(store_module.dt, "datetime", Clock)
    for text in ("一", "二", "三"):
        draft.sections["conduct"] = text
        save_draft(draft, path)
    monkeypatch.undo()
    entries = list_history(path)
    assert [e.revision for e in entries] == [3, 2, 1]
    assert entries[0].load().sections["conduct"] == "三"
    assert load_draft(path).sections["conduct"] == "三"


def test_unreadable_draft_can_still_be_named_by_the_writer(tmp_path: Path) -> None:
    path = create_draft(make_draft())
    path.write_text("{损坏", encoding="utf-8")
    assert resolve_draft("张三") == path


def test_a_draft_field_of_the_wrong_type_is_named_in_chinese(tmp_path: Path) -> None:
    from appraisal.errors import AppraisalError

    path = tmp_path / "草稿.json"
    path.write_text('{"schema": 1, "template": "cadre-annual", "revision": "三"}', encoding="utf-8")
    with pytest.raises(AppraisalError) as error:
        load_draft(path)
    assert "字段 revision：应为整数" in error.value.message
    words = error.value.message.replace(str(path), "").replace("revision", "")
    assert not any("a" <= ch.lower() <= "z" for ch in words), "no English besides the path and the field's name"


def test_a_draft_deleted_while_the_folder_is_listed_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another window deletes a draft between the folder's listing and the look at its time: the list (start
    screen, import's same-text notice, `appraisal list`) goes on without it instead of failing."""
    kept = create_draft(make_draft())
    other = make_draft()
    other.profile.name = "王五"
    gone = create_draft(other)
    is_file = Path.is_file

    def then_deleted(self: Path) -> bool:
        answer = is_file(self)
        if self == gone and answer:
            self.unlink()
        return answer

    monkeypatch.setattr(Path, "is_file", then_deleted)
    assert draft_files() == [kept]

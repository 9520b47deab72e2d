"""Notes through the year: short dated records of what was done, kept per year, from which the report is written.

`<data dir>/notes/<year>.json` holds one year's notes. Every change is a read-modify-write of the whole file under
an exclusive lock (`notes/.<year>.lock`, flock) with an atomic replace (`fileio`): a note can be moved to another
section later, which an append-only log could only do with edit records, and a kill at any instant leaves the old
or the new file whole. The lock makes concurrent adds (two terminals, the editor and a script) wait for each other
instead of one overwriting the other's note. A file that cannot be read is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import json
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from appraisal import paths
from appraisal.draft import now_iso
from appraisal.errors import AppraisalError, describe_validation_error
from appraisal.fileio import atomic_write_bytes, describe_os_error, temp_prefix
from appraisal.importing import read_document
from appraisal.paths import ensure_private_dir
from appraisal.store import draft_files, load_draft
from appraisal.templates import DEFAULT_TEMPLATE, Template
from appraisal.text.lazy_regex import lazy_compile

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

NOTES_DIR = "notes"
SCHEMA_VERSION = 1
MAX_NOTES_BYTES = 20 * 1024 * 1024
MAX_NOTE_CHARS = 2000
LOCK_WAIT_SECONDS = 10.0


class Note(BaseModel):
    """One note. `section` None: not placed yet. `guessed`: why the section was chosen when the user did not say
    ("" when they did)."""

    model_config = ConfigDict(extra="allow")

    id: int = Field(ge=1)
    date: dt.date | None = None
    text: str = Field(min_length=1)
    section: str | None = None
    template: str | None = None
    guessed: str = ""
    added: str = Field(default_factory=now_iso)


class NoteBook(BaseModel):
    """One year's notes, in the order they were added."""

    model_config = ConfigDict(extra="allow")

    schema_: int = Field(default=SCHEMA_VERSION, alias="schema")
    year: int
    notes: list[Note] = Field(default_factory=list)

    def next_id(self) -> int:
        return max((n.id for n in self.notes), default=0) + 1

    def find(self, note_id: int) -> Note:
        for note in self.notes:
            if note.id == note_id:
                return note
        raise AppraisalError(f"{self.year}年度的素材中没有第 {note_id} 条，用“appraisal note list”查看编号。")

    def by_date(self, section: str | None = None) -> list[Note]:
        """The notes (of `section`, or all), oldest first; undated ones last, in the order they were added."""
        chosen = [n for n in self.notes if section is None or n.section == section]
        return sorted(chosen, key=lambda n: (n.date is None, n.date or dt.date.min, n.id))


@dataclass(frozen=True)
class NewNote:
    """A note to add: the text, its date, and its section with the reason it was guessed ("" when given)."""

    text: str
    date: dt.date | None = None
    section: str | None = None
    template: str | None = None
    guessed: str = ""


# ---------------------------------------------------------------- where and how


def notes_dir() -> Path:
    return paths.data_dir() / NOTES_DIR


def notes_path(year: int) -> Path:
    return notes_dir() / f"{year}.json"


def _lock_path(year: int) -> Path:
    return notes_dir() / f".{year}.lock"


@contextlib.contextmanager
def _locked(year: int) -> Iterator[None]:
    """Hold the year's notes lock (waiting up to LOCK_WAIT_SECONDS for another process that holds it)."""
    path = _lock_path(year)
    try:
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "打开素材锁")) from exc
    try:
        if fcntl is not None:
            deadline = time.monotonic() + LOCK_WAIT_SECONDS
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise AppraisalError(
                            f"{year}年度的素材正被另一个程序写入，请稍后再试（锁文件：{path}）。"
                        ) from None
                    time.sleep(0.01)
        else:  # pragma: no cover - Windows: msvcrt retries for about ten seconds itself
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def load_notes(year: int) -> NoteBook:
    """The year's notes (none yet: an empty book). A file that is there but cannot be read raises, so that no
    later save can overwrite it."""
    path = notes_path(year)
    try:
        size = path.stat().st_size
        if size > MAX_NOTES_BYTES:
            raise AppraisalError(
                f"素材文件 {path} 太大（超过 {MAX_NOTES_BYTES // 1024 // 1024} MB），不像是本程序写的。"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        return NoteBook(year=year)
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "读取")) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
        book = NoteBook.model_validate(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AppraisalError(
            f"素材文件 {path} 已损坏，无法读取；为免丢失，程序不会改写它，请检查或移走后再试。"
        ) from exc
    except ValidationError as exc:
        raise AppraisalError(f"素材文件 {path} 有误，{describe_validation_error(exc)}；程序不会改写它。") from exc
    if book.year != year:
        raise AppraisalError(f"素材文件 {path} 记的是{book.year}年度，与文件名不符；程序不会改写它。")
    return book


def _save(book: NoteBook) -> None:
    """Replace the year's file atomically. Called under the lock, so a temp file of this year's is left over from
    a save that was killed, and is removed."""
    path = notes_path(book.year)
    for stale in path.parent.glob(f"{glob.escape(temp_prefix(path))}*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
    data = (json.dumps(book.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=1) + "\n").encode()
    if len(data) > MAX_NOTES_BYTES:  # the cap `load_notes` applies: saved, the file could never be read again
        raise AppraisalError(
            f"{book.year}年度的素材文件将超过 {MAX_NOTES_BYTES // 1024 // 1024} MB 的上限，保存后将无法再打开，"
            f"因此这次的素材未记下，已记下的素材未作改动。"
        )
    atomic_write_bytes(path, data)


def _clean_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise AppraisalError("素材内容是空的，请写下要记的事。")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise AppraisalError(f"一条素材最多 {MAX_NOTE_CHARS} 字，这条有 {len(cleaned)} 字，请分成几条记。")
    return cleaned


def add_notes(year: int, new: Sequence[NewNote]) -> list[Note]:
    """Add the notes to the year's book, all or none; the notes as saved (with their numbers)."""
    cleaned = [(item, _clean_text(item.text)) for item in new]
    with _locked(year):
        book = load_notes(year)
        added: list[Note] = []
        first = book.next_id()  # once: asked for every note, it made a 20,000-line import quadratic (18 M steps)
        for number, (item, text) in enumerate(cleaned, start=first):
            note = Note(
                id=number,
                date=item.date,
                text=text,
                section=item.section,
                template=item.template,
                guessed=item.guessed,
            )
            book.notes.append(note)
            added.append(note)
        if added:
            _save(book)
    return added


def move_note(year: int, note_id: int, section: str, template: str | None) -> Note:
    """Put note `note_id` under `section` (the user's choice: no longer a guess)."""
    with _locked(year):
        book = load_notes(year)
        note = book.find(note_id)
        note.section = section
        note.template = template
        note.guessed = ""
        _save(book)
    return note


# ---------------------------------------------------------------- guessing the section


def guess_section(template: Template, text: str) -> tuple[str | None, str]:
    """The section a note most likely belongs to, and why (in Chinese).

    The words are the template's own data, the ones import uses for free-form headings: each section's title,
    aliases and `keywords` (a group's lead to its first part). The longest word found wins, then the earliest;
    a note naming no section goes to the template's main section (实绩), as import places unnamed content."""
    best: tuple[int, int, str, str] | None = None
    for placed in template.walk():
        section = placed.section
        target = section.children[0].id if section.is_group else section.id
        for word in (section.title, *section.aliases, *section.keywords):
            at = text.find(word)
            if at >= 0 and (best is None or (-len(word), at) < (best[0], best[1])):
                best = (-len(word), at, target, word)
    if best is not None:
        return best[2], f"按“{best[3]}”一词归入"
    if template.main_section:
        return template.main_section, "未出现栏目用词，归入主体栏目"
    return None, "未出现栏目用词，暂不归栏目"


# ---------------------------------------------------------------- reading notes from a file

_DATE = lazy_compile(
    r"^\s*(?:(?P<y>\d{4})\s*[-/.年]\s*)?(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?(?![\d])"
    r"[\s:：、,，.．)）\]】-]*"
)
_BULLET = lazy_compile(r"^\s*(?:[-*•·●]|\d{1,3}(?:[、)）]|\.(?!\d)))\s*")  # `1.` and `1、`, not `3.5亿元`


def parse_note_line(line: str, year: int) -> tuple[dt.date | None, str]:
    """A line of a notes file: an optional leading date (2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 3月5日 —
    a date without a year is in `year`), then the note. A leading list bullet is dropped."""
    match = _DATE.match(line)
    if match is None or (match["y"] is None and "月" not in match.group()):
        return None, _BULLET.sub("", line, count=1).strip()
    try:
        date = dt.date(int(match["y"] or year), int(match["m"]), int(match["d"]))
    except ValueError:
        return None, line.strip()
    return date, line[match.end() :].strip()


_NOT_A_DATE_AFTER = "万亿千百元%％倍个人次项家户件"  # 3.5 万元: a figure, not 3月5日


def typed_date(text: str, year: int) -> tuple[dt.date | None, str]:
    """A note typed in the editor's dialog that starts with its date (2026年3月5日, 3月5日, 2026-03-05, 2026/3/5,
    2026.3.5, and 3.5 or 3-5 when a space or a mark follows): that date (a date without a year is in `year`) and
    the note without it. The date is taken off the note only when a space or a mark parts it from the rest
    (3月5日参加培训 keeps its words as typed); (None, text) when the note does not start with a date."""
    match = _DATE.match(text)
    if match is None:
        return None, text
    date_end = match.end("d")
    if text[date_end:].lstrip().startswith("日"):
        date_end = text.index("日", date_end) + 1
    parted = match.end() > date_end
    rest = text[match.end() :].strip()
    if not rest:
        return None, text  # only a date: that is the note itself
    if match["y"] is None and "月" not in match.group() and (not parted or rest[0] in _NOT_A_DATE_AFTER):
        return None, text  # 3.5亿元, 3.5 万元: a figure
    try:
        date = dt.date(int(match["y"] or year), int(match["m"]), int(match["d"]))
    except ValueError:
        return None, text
    return date, rest if parted else text


def read_notes_file(path: Path, year: int | None) -> tuple[int, list[tuple[dt.date | None, str]]]:
    """The notes in a .txt/.md/.docx file (one a line; UTF-8, GB18030 or UTF-16 as import reads them) and the year
    they belong to: `year`, else the year most of the dated lines fall in, else this year."""
    document = read_document(path, "导入")
    # Word's list numbers are the list's, not the notes' (`1.3月5日` would hide the date), as typed bullets are.
    own = [line[len(document.labels.get(number, "")) :] for number, line in enumerate(document.lines, start=1)]
    lines = [line for line in own if line.strip()]
    if year is None:
        years = [int(m["y"]) for m in map(_DATE.match, lines) if m is not None and m["y"] is not None]
        year = max(set(years), key=years.count) if years else dt.date.today().year
    rows = [parse_note_line(line, year) for line in lines]
    rows = [(date, text) for date, text in rows if text]
    if not rows:
        raise AppraisalError(f"文件 {path} 中没有可导入的素材（应一行一条）。")
    return year, rows


def template_for_year(year: int) -> str:
    """The template whose sections notes of `year` are placed in: that of the year's most recently saved draft,
    else the default one."""
    for path in draft_files():
        with contextlib.suppress(AppraisalError, OSError):  # an unreadable draft says nothing about the year
            draft = load_draft(path)
            if draft.profile.year == year:
                return draft.template
    return DEFAULT_TEMPLATE

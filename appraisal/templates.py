"""Templates are data (`prompts/<id>/template.toml` + one guidance file per section): load and validate them.

Built-in templates ship inside the wheel as `appraisal/_prompts`; in a checkout they are read from the top-level
`prompts/` folder. User templates in `<config dir>/templates/<id>/` add to or override the built-in ones.

The classes are plain (`appraisal.records`): a well-formed template is read here, anything else by the pydantic
models in `appraisal.schemas`, which decide what is valid and say why not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Literal

from appraisal import paths, toml_data
from appraisal.errors import AppraisalError, describe_validation_error
from appraisal.fileio import read_regular_file
from appraisal.records import Record, is_int, is_str, is_word, plain_keys, str_tuple
from appraisal.text.lazy_regex import lazy_compile

DEFAULT_TEMPLATE = "cadre-annual"
TEMPLATE_FILE = "template.toml"
MAX_GUIDANCE_CHARS = 100_000


SECTION_ID = r"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)*$"
"""A section's id: lower-case words joined by single dots (never a path: guidance is read from `<id>.md`)."""
TEMPLATE_ID = r"^[a-z0-9][a-z0-9_-]*$"
_SECTION_ID = lazy_compile(SECTION_ID.removeprefix("^").removesuffix("$"))  # as pydantic's (Rust) regex reads it,
_TEMPLATE_ID = lazy_compile(TEMPLATE_ID.removeprefix("^").removesuffix("$"))  # with fullmatch: no newline at the end
DEFAULT_TITLE = "{year}年度个人总结"
VOICES = ("personal", "collective")
SIGNERS = ("unit", "name")


def _limit(value: object, least: int) -> bool:
    """Whether `value` is None or an int (not a bool) of at least `least`."""
    return value is None or (is_int(value) and value >= least)  # type: ignore[operator]


class Section(Record):
    """A section of the form. A group (with children) holds no text of its own."""

    _FIELDS = ("id", "title", "heading", "required", "min_chars", "max_chars", "aliases", "keywords", "children")
    _FROZEN = True
    _DEFAULTS: ClassVar[dict[str, Any]] = {
        "heading": True,
        "required": False,
        "min_chars": 0,
        "max_chars": None,
        "aliases": (),
        "keywords": (),
        "children": (),
    }
    id: str
    title: str
    heading: bool
    required: bool
    min_chars: int
    max_chars: int | None
    aliases: tuple[str, ...]
    keywords: tuple[str, ...]  # words that place a free-form heading here (学习 → 理论学习), for importing
    children: tuple[Section, ...]

    @property
    def is_group(self) -> bool:
        return bool(self.children)

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
        if not data.keys() <= cls._KEYS:
            return None
        fields = {name: data.get(name, cls._DEFAULTS.get(name)) for name in cls._FIELDS}
        fields["aliases"] = str_tuple(fields["aliases"])
        fields["keywords"] = str_tuple(fields["keywords"])
        fields["children"] = _sections(fields["children"])
        if not (
            is_word(fields["id"])
            and _SECTION_ID.fullmatch(fields["id"])
            and is_word(fields["title"])
            and type(fields["heading"]) is bool
            and type(fields["required"]) is bool
            and is_int(fields["min_chars"])
            and fields["min_chars"] >= 0
            and _limit(fields["max_chars"], 1)
            and fields["aliases"] is not None
            and fields["keywords"] is not None
            and fields["children"] is not None
            and limits_problem(fields["id"], fields["min_chars"], fields["max_chars"], fields["children"]) is None
        ):
            return None
        return fields, {}


def _sections(value: object) -> tuple[Section, ...] | None:
    """Sections read from a list (or tuple) of tables or sections; None when any is not certainly valid."""
    if type(value) not in (list, tuple):
        return None
    read: list[Section] = []
    for item in value:  # type: ignore[attr-defined]
        if isinstance(item, Section):
            read.append(item)
            continue
        fields = Section._read(item) if type(item) is dict and plain_keys(item) else None
        if fields is None:
            return None
        read.append(Section._made(*fields))
    return tuple(read)


def limits_problem(section_id: str, min_chars: int, max_chars: int | None, children: Iterable[Any]) -> str | None:
    """What is wrong with a section's limits and children's ids (the sentence pydantic's validator gives), or None."""
    if max_chars is not None and max_chars < min_chars:
        return "max_chars 小于 min_chars"
    for child in children:
        if not child.id.startswith(section_id + "."):
            return f"子栏目 {child.id} 的编号应以 {section_id}. 开头"
    return None


def sections_problem(sections: Iterable[Any], main_section: str) -> str | None:
    """What is wrong with a template's sections as a whole (an id twice, a main section that is none of its text
    sections), or None. `sections`: the top-level sections (with `id` and `children`)."""
    seen: set[str] = set()
    texts: set[str] = set()
    for placed in _placed(sections):
        section = placed.section
        if section.id in seen:
            return f"栏目编号 {section.id} 重复"
        seen.add(section.id)
        if not section.children:
            texts.add(section.id)
    if main_section and main_section not in texts:
        return f"main_section {main_section} 不是模板中的栏目"
    return None


@dataclass(frozen=True)
class Placed:
    """A section with its place in the tree: depth (1 = top level) and the parent group, if any."""

    section: Section
    level: int
    parent: Section | None


def _placed(sections: Iterable[Any], level: int = 1, parent: Any = None) -> Iterator[Placed]:
    """Each section of a tree, groups included, in document order, placed: `Template.walk`, and the order the
    problems of a template (or of its pydantic twin, not yet a Template) are found in. Recursive: a template file
    nests at most toml_data.MAX_NESTING deep."""
    for section in sections:
        yield Placed(section, level, parent)
        yield from _placed(section.children, level + 1, section)


def _bare_name(name: str) -> str:
    """A section's name as typed, without spaces and a leading 一、/（一）/1. numbering."""
    bare = "".join(name.split())
    return re.sub(r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])", "", bare) or bare


YEAR_PLACEHOLDER = "20**"
"""Where a year goes in a title when none is known: the placeholder offices use, never an empty place."""


class Template(Record):
    _FIELDS = (
        "id",
        "name",
        "description",
        "title",
        "max_chars",
        "run_in_headings",
        "title_words",
        "main_section",
        "voice",
        "signature",
        "sections",
        "source",
        "guidance_dir",
    )
    _EXCLUDED = frozenset({"source", "guidance_dir"})
    _FROZEN = True
    _DEFAULTS: ClassVar[dict[str, Any]] = {
        "description": "",
        "title": DEFAULT_TITLE,
        "max_chars": None,
        "run_in_headings": False,
        "title_words": (),
        "main_section": "",
        "voice": "personal",
        "signature": None,
        "source": "",
        "guidance_dir": "",
    }
    id: str
    name: str
    description: str
    title: str
    max_chars: int | None
    run_in_headings: bool
    title_words: tuple[str, ...]  # words of a document's title that name this kind of report (述职报告)
    main_section: str  # where an imported document's numbered headings that name no section go
    voice: Literal["personal", "collective"]  # written by a person (本人) or for a unit (我们)
    # The 落款 above the date, one line each: the writer's unit and name; a unit's report is signed by the unit.
    signature: tuple[Literal["unit", "name"], ...] | None
    sections: tuple[Section, ...]
    source: str  # the file it was read from (never written)
    guidance_dir: str

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
        if not data.keys() <= cls._KEYS:
            return None
        fields = {name: data.get(name, cls._DEFAULTS.get(name)) for name in cls._FIELDS}
        fields["title_words"] = str_tuple(fields["title_words"])
        fields["sections"] = sections = _sections(fields["sections"])
        written = fields["signature"]
        fields["signature"] = signature = None if written is None else str_tuple(written)
        signers = written is None or (signature is not None and all(signer in SIGNERS for signer in signature))
        texts = ("name", "description", "title", "main_section", "source", "guidance_dir")
        if not (
            is_word(fields["id"])
            and _TEMPLATE_ID.fullmatch(fields["id"])
            and all(is_str(fields[name]) for name in texts)
            and is_word(fields["name"])
            and _limit(fields["max_chars"], 1)
            and type(fields["run_in_headings"]) is bool
            and fields["title_words"] is not None
            and is_str(fields["voice"])
            and fields["voice"] in VOICES
            and signers
            and sections
            and sections_problem(sections, fields["main_section"]) is None
        ):
            return None
        return fields, {}

    def signature_fields(self) -> tuple[str, ...]:
        """The profile fields of the 落款, top to bottom (the date follows): the template's `signature`, else the
        unit and the name, or the unit alone for a report written for a unit."""
        if self.signature is not None:
            return self.signature
        return ("unit",) if self.voice == "collective" else ("unit", "name")

    def walk(self) -> Iterator[Placed]:
        """Every section, groups included, in document order."""
        return _placed(self.sections)

    def text_sections(self) -> list[Section]:
        """The sections that hold text (every section that is not a group), in document order."""
        return [p.section for p in self.walk() if not p.section.is_group]

    def text_section_ids(self) -> list[str]:
        return [s.id for s in self.text_sections()]

    def section(self, section_id: str) -> Section:
        for placed in self.walk():
            if placed.section.id == section_id:
                return placed.section
        raise KeyError(section_id)

    def named_section(self, name: str) -> Section:
        """The section a user named on the command line (`--section`): by id, Chinese title or alias, spaces and a
        leading number (一、) ignored. Raises AppraisalError listing the sections when none matches."""
        wanted = _bare_name(name)
        for placed in self.walk():
            section = placed.section
            if wanted in (section.id, *(_bare_name(n) for n in (section.title, *section.aliases))):
                return section
        choices = "、".join(f"{s.id}（{s.title}）" for s in self.text_sections())
        raise AppraisalError(f"模板“{self.name}”中没有“{name}”这个栏目，可用的有：{choices}。")

    def placed(self, section_id: str) -> Placed:
        for placed in self.walk():
            if placed.section.id == section_id:
                return placed
        raise KeyError(section_id)

    def default_title(self, year: int | None) -> str:
        if year is None:  # the year's place kept, as offices write it (`20**年工作总结`), for the writer to fill
            return self.title.replace("{year}", YEAR_PLACEHOLDER).replace("{next_year}", YEAR_PLACEHOLDER)
        return self.title.replace("{year}", str(year)).replace("{next_year}", str(year + 1))

    def guidance(self, section_id: str) -> str:
        """The section's guidance Markdown; empty when the template ships none for it.

        Only a regular file inside the template's own folder is read, and only its beginning: a user template
        (shared by a colleague, unpacked from an archive) may hold a link to `~/.ssh/id_rsa` or `/dev/zero`
        under a section's name, and guidance is shown on screen.
        """
        if not self.guidance_dir:
            return ""
        try:
            folder = Path(self.guidance_dir).resolve()
            path = (folder / f"{section_id}.md").resolve()
            if not path.is_relative_to(folder) or not path.is_file():
                return ""
            with path.open(encoding="utf-8") as handle:
                return handle.read(MAX_GUIDANCE_CHARS)
        except (OSError, UnicodeDecodeError, ValueError):
            return ""


@cache
def builtin_dir() -> Path:
    """The built-in templates: inside the installed package, or the checkout's top-level `prompts/` (found once:
    the program's own files do not move while it runs)."""
    packaged = Path(__file__).resolve().parent / "_prompts"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "prompts"
    if checkout.is_dir():
        return checkout
    raise AppraisalError("找不到内置模板目录 prompts，安装可能不完整，请重新安装。")


@cache
def _load_file(path: Path, mtime_ns: int) -> Template:
    del mtime_ns  # part of the cache key only: an edited user template is read again
    try:
        text = read_regular_file(path, "读取模板文件").decode("utf-8")
        # a built-in template is the program's own data file: its parse is kept by the warm start (parsing the four
        # took ~10 ms of every `check`, with `tomllib` itself); a user's is parsed with its nesting bounded
        raw = toml_data.loads_shipped(text) if path.parent.parent == builtin_dir() else toml_data.loads(text)
    except OSError as exc:
        raise AppraisalError(f"无法读取模板文件 {path}：{exc.strerror or exc}。") from exc
    except toml_data.TooDeep as exc:
        raise AppraisalError(toml_data.too_deep_message("模板文件", path)) from exc
    except UnicodeDecodeError as exc:
        raise AppraisalError(f"模板文件 {path} 不是 UTF-8 编码。") from exc
    except toml_data.TOMLDecodeError as exc:
        raise AppraisalError(f"模板文件 {path} 格式有误：{exc}。") from exc
    if isinstance(raw, dict):
        raw.setdefault("id", path.parent.name)
    try:
        template = Template.model_validate(raw)
    except ValueError as exc:
        from pydantic import ValidationError  # loaded already: only pydantic refuses a template

        if not isinstance(exc, ValidationError):
            raise
        raise AppraisalError(f"模板文件 {path} 有误，{describe_validation_error(exc)}。") from exc
    if template.id != path.parent.name:
        raise AppraisalError(f"模板文件 {path} 有误，字段 id：应与目录名 {path.parent.name} 一致。")
    return template.model_copy(update={"source": str(path), "guidance_dir": str(path.parent)})


def load_template_file(path: Path) -> Template:
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise AppraisalError(f"无法读取模板文件 {path}：{exc.strerror or exc}。") from exc
    return _load_file(path, mtime)


def _scan(root: Path) -> dict[str, Path]:
    """id → template file of each template folder in `root`."""
    if not root.is_dir():
        return {}
    return {entry.name: entry / TEMPLATE_FILE for entry in sorted(root.iterdir()) if (entry / TEMPLATE_FILE).is_file()}


@cache
def _builtin_paths() -> dict[str, Path]:
    """The built-in templates, scanned once: they ship with the program. (The user's folder is looked at on every
    load, usually a single stat of a folder that does not exist, so a template the user adds is seen at once.)"""
    return _scan(builtin_dir())


def _template_paths() -> dict[str, Path]:
    """id → template file; the user's templates override the built-in ones of the same id."""
    return {**_builtin_paths(), **_scan(paths.user_templates_dir())}


def template_ids() -> list[str]:
    """Known template ids, the default first."""
    ids = list(_template_paths())
    return sorted(ids, key=lambda i: (i != DEFAULT_TEMPLATE, i))


def load_template(template_id: str) -> Template:
    path = _template_paths().get(template_id)
    if path is None:
        known = "、".join(template_ids())
        raise AppraisalError(f"没有名为 {template_id} 的模板，可用的模板有：{known}。")
    return load_template_file(path)


def list_templates() -> tuple[list[Template], list[AppraisalError]]:
    """Every loadable template, and the errors of those that could not be loaded (shown, not fatal)."""
    templates: list[Template] = []
    errors: list[AppraisalError] = []
    for template_id in template_ids():
        try:
            templates.append(load_template(template_id))
        except AppraisalError as exc:
            errors.append(exc)
    return templates, errors

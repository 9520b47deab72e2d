"""What every rule shares: the Finding it reports, the text it looks at, and the Rule base class.

A rule sees text as `Field`s: the text of one section (or the draft's title, or a document's unmatched text) split
into lines exactly as the editor shows them (`text.split("\\n")`). Positions are 1-based, in code points, into
those lines; a document check maps them back into the file afterwards (`appraisal.checks.documents`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import ClassVar, TypeVar, cast

from appraisal.draft import Draft, count_zi
from appraisal.templates import Section, Template
from appraisal.text.counting import paragraph_numbers
from appraisal.text.lazy_regex import lazy_compile
from appraisal.text.verbatim import verbatim_spans


class Severity(StrEnum):
    """How bad a finding is: an error keeps `check` at exit status 1 and `export --strict` from writing."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """The word shown to the user: 错误, 提示."""
        return "错误" if self is Severity.ERROR else "提示"


ERROR = Severity.ERROR
WARNING = Severity.WARNING


class Tier(StrEnum):
    """When a rule runs in the editor: `fast` rules on every pause in typing (≤ 5 ms for 3,000 字); `idle` rules
    (those that consult a dictionary) off the UI thread once typing stops. `check` runs both."""

    FAST = "fast"
    IDLE = "idle"


FAST = Tier.FAST
IDLE = Tier.IDLE
ALL_TIERS = frozenset(Tier)
T = TypeVar("T")


@dataclass(frozen=True)
class CheckOptions:
    """What the user chose about checking (their `config.toml`, resolved once by `appraisal.service.Settings`).

    `disabled`: rule names switched off. `extra_words`: the user's own words to flag, each with the message to
    show. `allowed_words`: words no rule may flag. The default is "every rule, no word lists".
    """

    disabled: frozenset[str] = frozenset()
    extra_words: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    allowed_words: frozenset[str] = frozenset()


DEFAULT_OPTIONS = CheckOptions()


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    section: str | None  # section id when known
    line: int  # 1-based; for a draft: line within the section text
    column: int  # 1-based, in code points
    end_column: int  # exclusive end, 1-based
    message: str  # Chinese
    fix: str | None = None  # replacement text for [column, end_column) on that line, when a safe fix exists
    # For people (第N段): the line counted among the visible paragraphs of its field (blank lines skipped); set by
    # the check loop, None where unknown (then `line` is said). Tools keep `line` (concise, json).
    paragraph: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.severity, Severity):  # "error" from a rule or a test that wrote the word
            object.__setattr__(self, "severity", Severity(self.severity))


# Addresses, mail addresses and bare domain names: text in them is never Chinese prose, whatever it contains.
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]"
_PROTECTED = lazy_compile(
    rf"(?:https?|ftp)://{_URL_CHARS}+"
    rf"|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+{_URL_CHARS}*"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![A-Za-z0-9.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org|gov|edu|int)(?![A-Za-z0-9])"
    rf"(?:/{_URL_CHARS}*)?",
    re.IGNORECASE,
)


@dataclass
class Field:
    """One piece of text the rules look at.

    `key` is a section id, "title" or "unmatched"; `section` the template section when the field is one.
    """

    key: str
    text: str
    section: Section | None = None
    # From a Markdown file: for each line, the positions of characters that stood behind a backslash there (`\*`
    # is a star the writer typed, never emphasis markup).
    escaped: Sequence[tuple[int, ...]] = ()
    lines: list[str] = field(init=False)
    _protected: dict[int, list[tuple[int, int]]] = field(init=False, default_factory=dict, repr=False)
    _verbatim: dict[int, list[tuple[int, int]]] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")

    @cached_property
    def zi(self) -> int:
        """The field's 字数 (`count_zi`)."""
        return count_zi(self.text)

    @cached_property
    def paragraph_numbers(self) -> list[int]:
        """For each line (0-based), its number among the visible paragraphs: blank lines before it are skipped (a
        blank line itself gets the number of the paragraph after it); one more entry for a line past the last.
        Counted once per field: a long pasted report has thousands of findings (a count per finding was quadratic)."""
        return paragraph_numbers(self.lines)

    @property
    def section_id(self) -> str | None:
        """The id a finding carries: a section's id, None for the title and for unmatched text."""
        return self.section.id if self.section is not None else None

    @property
    def is_section(self) -> bool:
        return self.section is not None

    def protected(self, index: int) -> list[tuple[int, int]]:
        """0-based [start, end) spans of line `index` that are addresses (URLs, mail, domains)."""
        spans = self._protected.get(index)
        if spans is None:
            line = self.lines[index]
            spans = [m.span() for m in _PROTECTED.finditer(line)] if "." in line or "@" in line else []
            self._protected[index] = spans
        return spans

    @cached_property
    def line_starts(self) -> list[int]:
        """The offset in `text` where each line begins."""
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return starts

    def locate(self, offset: int) -> tuple[int, int]:
        """(line index, column index), both 0-based, of an offset into `text`: a rule may scan the whole text at
        once (one call instead of one per line) and place its matches afterwards."""
        index = bisect_right(self.line_starts, offset) - 1
        return index, offset - self.line_starts[index]

    def is_escaped(self, index: int, start: int, end: int) -> bool:
        """Whether a character in [start, end) of line `index` was escaped in the Markdown file it came from."""
        escaped = self.escaped[index] if index < len(self.escaped) else ()
        return any(start <= position < end for position in escaped)

    def is_protected(self, index: int, start: int, end: int) -> bool:
        return _overlaps(self.protected(index), start, end)

    def verbatim(self, index: int, start: int, end: int) -> tuple[int, int] | None:
        """The cited title or quoted name of line `index` that [start, end) lies inside (`appraisal.text.verbatim`):
        text quoted as it was written elsewhere, which no fix rewrites."""
        spans = self._verbatim.get(index)
        if spans is None:
            spans = self._verbatim[index] = verbatim_spans(self.lines[index])
        if not spans:
            return None
        first = bisect_right(spans, start, key=lambda span: span[1])
        if first < len(spans) and spans[first][0] <= start and end <= spans[first][1]:
            return spans[first]
        return None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans`, which do not overlap and come in order: the first one ending
    after `start` is the only candidate."""
    if not spans:
        return False
    first = bisect_right(spans, start, key=lambda span: span[1])
    return first < len(spans) and spans[first][0] < end


class Context:
    """Everything a check run knows: the draft, its template, the year the report is about, and all its fields.

    Built once per call; the rules share its lazily computed parts (the year, the draft's sentences).
    """

    def __init__(
        self,
        draft: Draft,
        template: Template,
        *,
        year: int | None = None,
        document: bool = False,
        include_unmatched: bool = False,
        include_title: bool = True,
        markdown: bool = False,
        escapes: Mapping[str, Sequence[tuple[int, ...]]] | None = None,
        options: CheckOptions = DEFAULT_OPTIONS,
        last_year: Draft | None = None,
        headings: Sequence[str] = (),
    ) -> None:
        self.draft = draft
        # A checked document's own headings, which the importer took out of the text (`一、2025年工作回顾`).
        self.headings = headings
        self.last_year = last_year  # last year's draft, when the caller found one (`copied-from-last-year`)
        self.template = template
        self.options = options  # the user's choices: rules switched off, their own word lists
        self.document = document
        self.markdown = markdown  # a Markdown file: `**重点**` is emphasis there, a blank everywhere else
        self.year = draft.profile.year if year is None and not document else year
        fields: list[Field] = []
        if include_title and draft.title:
            fields.append(Field("title", draft.title))
        for section in template.text_sections():
            fields.append(Field(section.id, draft.sections.get(section.id, ""), section))
        if include_unmatched and draft.unmatched:
            fields.append(Field("unmatched", draft.unmatched))
        for item in fields:
            item.escaped = escapes.get(item.key, ()) if escapes else ()
        self.fields = fields
        self.cache: dict[str, object] = {}  # see `shared`

    def shared(self, key: str, make: Callable[[], T]) -> T:
        """What `make` returns, worked out once per check run and kept under `key`: a part of the work that several
        rules, or every field of one, need (the draft's sentences, a field's line breaks)."""
        if key not in self.cache:
            self.cache[key] = make()
        return cast(T, self.cache[key])

    @cached_property
    def section_fields(self) -> dict[str, Field]:
        return {f.section.id: f for f in self.fields if f.section is not None}

    def field(self, key: str) -> Field:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)


# What a finding says when its fix is left off inside quoted text: in a cited title (`True`), or a quoted name.
_CHECK_AS_ISSUED = {True: "引用的文件名称请与原件核对，不自动修改。", False: "引用的名称请与原件核对，不自动修改。"}


class Rule:
    """A rule: a stable name, a severity, a family, a tier, a Chinese description, whether it can fix what it finds.

    A new rule is one module named after it (`missing-figure` → `missing_figure.py`) and one line in the registry;
    everything else about it is said here, on the class, never in a table elsewhere.

    Most rules look at one field at a time (`check_field`), so they can run live on the section being typed;
    rules about the whole draft (profile, total length) set `whole_draft = True` and implement `check_draft`.
    `fields` says which kinds of field a field rule looks at; `positional = False` marks findings about a field
    as a whole (its length), reported at line 1, column 1.
    """

    name: ClassVar[str]
    title: ClassVar[str] = ""  # a few Chinese words naming the check, as in "“占位符”检查未能运行"
    severity: ClassVar[Severity]
    family: ClassVar[str]  # what kind of mistake, for measuring and grouping: "language", "figures"…
    tier: ClassVar[Tier] = FAST
    description: ClassVar[str]
    fixable: ClassVar[bool] = False
    # False: a fix is a guess the writer confirms one at a time (the review screen), never applied by "fix all"
    # (`fix_draft`, `check --fix`): a misspelling worked out from the dictionary is fixed right most times, not always.
    fix_all: ClassVar[bool] = True
    # True: the rule knows titles as issued, and a fix of its that replaces a cited title whole puts it right; every
    # other fix inside a title or a quoted name is left off (`finding`).
    fixes_titles: ClassVar[bool] = False
    # True: the rule's fixes only put a half-width mark right, which a title or name issued in Chinese writes
    # full-width: they apply inside titles and quoted names too.
    fixes_marks: ClassVar[bool] = False
    positional: ClassVar[bool] = True  # False: the finding is about the whole field, not a place in its text
    whole_draft: ClassVar[bool] = False
    for_documents: ClassVar[bool] = True
    about_sections: ClassVar[bool] = False  # about the template's sections: a document is checked only when known
    marks_gap: ClassVar[bool] = False  # the finding marks where something is to be written, in front of its text
    fields: ClassVar[frozenset[str]] = frozenset({"section", "unmatched"})

    def applies_to(self, item: Field) -> bool:
        kind = "section" if item.is_section else item.key
        return kind in self.fields

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        return ()

    def check_draft(self, ctx: Context) -> Iterable[Finding]:
        return ()

    def finding(
        self,
        item: Field | None,
        line: int,
        column: int,
        end_column: int,
        message: str,
        fix: str | None = None,
        *,
        as_issued: bool = False,
    ) -> Finding:
        """A finding of this rule; `line` and `column` 1-based, `end_column` exclusive. A fix that would edit inside
        a cited title or a quoted name is left off (the finding stays, saying so): such text is quoted as issued. A
        half-width mark's fix is kept (`fixes_marks`): the issued title has the full-width one; so is a fix that
        writes a mark as every issued title does (`as_issued`: 〈〉 inside 《》, no 。 ending a title)."""
        keep = self.fixes_marks or as_issued
        if fix is not None and not keep and item is not None and 0 < line <= len(item.lines):
            span = item.verbatim(line - 1, column - 1, end_column - 1)
            if span is not None and not (self.fixes_titles and span == (column - 1, end_column - 1)):
                fix = None
                message += _CHECK_AS_ISSUED[item.lines[line - 1][span[0] - 1 : span[0]] == "《"]
        section = item.section_id if item is not None else None
        return Finding(self.name, self.severity, section, line, column, end_column, message, fix)

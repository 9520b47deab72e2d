"""The Draft model (SPEC §2), counting 字, and how complete each section is.

The classes are plain (`appraisal.records`): a well-formed draft is read here, anything else by the pydantic models
in `appraisal.schemas`, which decide what is valid and say why not."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, cast

from appraisal.records import Record, is_int, is_str, plain_keys
from appraisal.templates import Section, Template
from appraisal.text.counting import count_zi as count_zi  # its home is appraisal.text; kept importable here
from appraisal.text.lazy_regex import lazy_compile

SCHEMA_VERSION = 1


YEARS = range(1990, 2101)
"""The 考核年度 the program accepts, and recognises in a document's title or 落款."""

YEAR_RULE = f"考核年度应为 {YEARS[0]}—{YEARS[-1]} 之间的四位数字，如 2025。"


def parse_year(text: str) -> int | None:
    """The year typed into a form, or None when it is not a number in YEARS."""
    text = text.strip()
    return int(text) if text.isdigit() and int(text) in YEARS else None


def default_year(today: dt.date | None = None) -> int:
    """The 考核年度 a user most likely means: this year from April, last year in January to March."""
    today = today or dt.date.today()
    return today.year if today.month >= 4 else today.year - 1


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


class Profile(Record):
    """Who wrote the report; unknown keys (the 落款 `date` of an imported document) are kept."""

    _DEFAULTS: ClassVar[dict[str, Any]] = {"name": "", "unit": "", "position": "", "year": None}
    _FIELDS = tuple(_DEFAULTS)
    _EXTRA = True
    name: str
    unit: str
    position: str
    year: int | None

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
        fields = dict(cls._DEFAULTS)
        for key, value in data.items():
            if key in fields and not (is_str(value) if key != "year" else value is None or is_int(value)):
                return None
        fields.update((key, value) for key, value in data.items() if key in fields)
        return fields, {key: value for key, value in data.items() if key not in fields}

    @property
    def signed(self) -> str:
        """The 落款 date taken from an imported document, as written there (`2026年12月20日`); "" when none."""
        value = (self.model_extra or {}).get("date", "")
        return value.strip() if isinstance(value, str) else ""


_CN_DIGITS = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_SIGNED = lazy_compile(
    r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*[日号])?"
    r"|(?P<y2>\d{4})\s*[.\-/．]\s*(?P<m2>\d{1,2})(?:\s*[.\-/．]\s*(?P<d2>\d{1,2}))?"
)


def signed_parts(text: str) -> tuple[int, int, int | None] | None:
    """What a 落款 date names, as written (`2026年12月20日`, `二〇二六年十二月`, `2026.12.20`): year, month and the
    day, None for a date written without one; None when it names no month of a year."""
    text = "".join(_CN_DIGITS.get(ch, ch) for ch in text)
    text = re.sub(r"([0-9])?十([0-9])?", lambda m: (m.group(1) or "1") + (m.group(2) or "0"), text)
    found = _SIGNED.search(text)
    if found is None:
        return None
    year, month = int(found["year"] or found["y2"]), int(found["month"] or found["m2"])
    day_text = found["day"] or found["d2"]
    day = int(day_text) if day_text else None
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return year, month, day


def signed_date(text: str) -> dt.date | None:
    """The day a 落款 date names (`2026年12月20日`, `二〇二六年十二月二十日`); None when it names no whole day."""
    parts = signed_parts(text)
    if parts is None or parts[2] is None:
        return None
    return dt.date(parts[0], parts[1], parts[2])


def signed_text(text: str) -> str:
    """A 落款 date as the export prints it (GB/T 9704 7.3.5: Arabic digits, no leading zeros), naming no more than
    the writer wrote: `二〇二六年十二月` → `2026年12月`, never a day made up; "" when it names no month of a year."""
    parts = signed_parts(text)
    if parts is None:
        return ""
    year, month, day = parts
    return f"{year}年{month}月{day}日" if day is not None else f"{year}年{month}月"


def fact_label(kind: str, text: str) -> str:
    """`数字“35亿元”`; a quoted 提法 keeps its own quotes (`提法“满意窗口”`, not `提法““满意窗口””`)."""
    quoted = text if text.startswith("“") and text.endswith("”") else f"“{text}”"
    return f"{kind}{quoted}"


class AdoptedFact(Record):
    """A fact the drafting help put into a section that neither the section nor its notes held (its kind: 数字,
    日期, 单位, 人名, 提法): flagged `unverified-fact` until the writer confirms it or edits it away."""

    _FIELDS = ("kind", "text")
    _EXTRA = True
    kind: str
    text: str

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
        kind, text = data.get("kind"), data.get("text")
        if not (is_str(kind) and is_str(text)):
            return None
        return {"kind": kind, "text": text}, {key: value for key, value in data.items() if key not in cls._KEYS}


def readable_facts(value: object, facts: tuple[type, ...] = (AdoptedFact,)) -> dict[str, list[dict[str, str]]]:
    """What can be read of a hand-edited or damaged list of adopted facts (`Draft.unverified`): never a reason for
    the draft not to open. `facts`: the classes whose instances are taken as facts."""
    if not isinstance(value, dict):
        return {}
    kept: dict[str, list[dict[str, str]]] = {}
    for section, listed in value.items():
        if isinstance(section, str) and isinstance(listed, list):
            read = [cast(Any, f).model_dump() if isinstance(f, facts) else f for f in listed]
            good = [
                {"kind": str(f.get("kind", "")), "text": f["text"]}
                for f in read
                if isinstance(f, dict) and isinstance(f.get("text"), str) and f["text"]
            ]
            if good:
                kept[section] = good
    return kept


def new_id() -> str:
    """12 random hex digits: the first 12 of `uuid.uuid4().hex` (all random; its version digit comes later), without
    loading `uuid` and `platform` (~2 ms of every check, which makes a draft of the document)."""
    return os.urandom(6).hex()


def _profile_of(data: Mapping[str, Any]) -> Profile | None:
    """A draft's profile read by hand: the defaults when there is none, a well-formed table, or a Profile made in
    code; None sends the draft to pydantic."""
    if "profile" not in data:
        return Profile._made(dict(Profile._DEFAULTS))
    profile = data["profile"]
    if isinstance(profile, Profile):
        return profile
    read = Profile._read(profile) if type(profile) is dict and plain_keys(profile) else None
    return None if read is None else Profile._made(*read)


class Draft(Record):
    """One report. `sections` maps every text section id of the template to its text (one paragraph a line).
    `unverified`: per section, the facts adopted from the drafting help and not yet confirmed by the writer.
    Unknown keys (a newer version's) are kept and written back."""

    _FIELDS = (
        "schema_",
        "id",
        "template",
        "profile",
        "title",
        "sections",
        "unmatched",
        "created",
        "updated",
        "revision",
        "unverified",
    )
    _ALIASES: ClassVar[dict[str, str]] = {"schema_": "schema"}
    _EXTRA = True
    schema_: int
    id: str
    template: str
    profile: Profile
    title: str
    sections: dict[str, str]
    unmatched: str
    created: str
    updated: str
    revision: int
    unverified: dict[str, list[AdoptedFact]]

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]] | None:
        if "schema_" in data:
            return None  # read by pydantic as an unknown key beside the field of that name
        profile = _profile_of(data)
        if profile is None:
            return None
        sections = data.get("sections", {})
        if type(sections) is not dict or not all(is_str(k) and is_str(v) for k, v in sections.items()):
            return None
        try:
            facts = readable_facts(data["unverified"]) if "unverified" in data else {}
        except ValueError:  # str() of a `kind` that is an int of over 4,300 digits (made in code: JSON refuses
            return None  # one): pydantic's validator raises the same, and its error is pydantic's to give
        now = None if "created" in data and "updated" in data else now_iso()
        fields = {
            "schema_": data.get("schema", SCHEMA_VERSION),
            "id": data["id"] if "id" in data else new_id(),
            "template": data.get("template"),
            "profile": profile,
            "title": data.get("title", ""),
            "sections": dict(sections),
            "unmatched": data.get("unmatched", ""),
            "created": data.get("created", now),
            "updated": data.get("updated", now),
            "revision": data.get("revision", 0),
            "unverified": {section: [AdoptedFact._made(fact) for fact in listed] for section, listed in facts.items()},
        }
        texts = ("id", "template", "title", "unmatched", "created", "updated")
        if not (all(is_str(fields[key]) for key in texts) and is_int(fields["schema_"]) and is_int(fields["revision"])):
            return None
        return fields, {key: value for key, value in data.items() if key not in cls._KEYS}

    @classmethod
    def new(
        cls,
        template: Template,
        *,
        name: str = "",
        unit: str = "",
        position: str = "",
        year: int | None = None,
        title: str | None = None,
    ) -> Draft:
        year = default_year() if year is None else year
        return cls(
            template=template.id,
            profile=Profile(name=name, unit=unit, position=position, year=year),
            title=template.default_title(year) if title is None else title,
            sections={section_id: "" for section_id in template.text_section_ids()},
        )

    def fit_to(self, template: Template) -> None:
        """Give every text section of the template a slot; text under ids the template lacks goes to `unmatched`."""
        known = set(template.text_section_ids())
        for section_id in list(self.sections):
            if section_id not in known:
                text = self.sections.pop(section_id)
                if text.strip():
                    self.unmatched = "\n".join(part for part in (self.unmatched, text) if part)
        for section_id in template.text_section_ids():
            self.sections.setdefault(section_id, "")

    def move_lines(self, source: str, start: int, end: int, target: str) -> None:
        """Move lines `start`..`end` (0-based, end exclusive) of one field to the end of another: a block an import
        put in the wrong section. A field is a section id or "unmatched"; nothing is lost or duplicated."""
        lines = self._field(source).split("\n")
        if not 0 <= start < end <= len(lines) or source == target:
            raise ValueError(f"cannot move lines {start}..{end} of {source} to {target}")
        moved = lines[start:end]
        kept = lines[:start] + lines[end:]
        self._set_field(source, "\n".join(kept) if any(line.strip() for line in kept) else "")
        self._set_field(target, "\n".join(part for part in (self._field(target), *moved) if part))

    def _field(self, key: str) -> str:
        return self.unmatched if key == "unmatched" else self.sections[key]

    def _set_field(self, key: str, text: str) -> None:
        if key == "unmatched":
            self.unmatched = text
        else:
            self.sections[key] = text

    def to_json_dict(self) -> dict[str, object]:
        """The on-disk form: `schema` first, stable key order."""
        data = self.model_dump(by_alias=True, mode="json")
        ordered: dict[str, object] = {"schema": data.pop("schema")}
        for key in ("id", "template", "profile", "title", "sections", "unmatched", "created", "updated", "revision"):
            ordered[key] = data.pop(key)
        ordered.update(sorted(data.items()))
        return ordered

    def total_chars(self) -> int:
        return sum(count_zi(text) for text in self.sections.values())

    def display_name(self) -> str:
        """`李明·2025年度个人总结`: who and what; the year is added only when the title does not name it."""
        who = self.profile.name or "（未署名）"
        year = f"{self.profile.year}年度" if self.profile.year else ""
        title = self.title.strip()
        what = title if year and title.startswith(str(self.profile.year)) else f"{year}{title}"
        return f"{who}·{what}".rstrip("·")


class SectionState(StrEnum):
    """How far a section is, by its length against the template's limits."""

    EMPTY = "empty"
    SHORT = "short"
    LONG = "long"
    OK = "ok"

    @property
    def label(self) -> str:
        """Two 字, so a column of them lines up: 未填, 偏短, 偏长, 完成."""
        return _STATE_LABELS[self]


_STATE_LABELS = {
    SectionState.EMPTY: "未填",
    SectionState.SHORT: "偏短",
    SectionState.LONG: "偏长",
    SectionState.OK: "完成",
}


def section_state(section: Section, text: str) -> SectionState:
    """The state of a section holding `text`."""
    return state_for_count(section, count_zi(text))


def state_for_count(section: Section, chars: int) -> SectionState:
    """The state of a section of `chars` 字: empty, short of its minimum, over its maximum, or fine."""
    if chars == 0:
        return SectionState.EMPTY
    if chars < section.min_chars:
        return SectionState.SHORT
    if section.max_chars is not None and chars > section.max_chars:
        return SectionState.LONG
    return SectionState.OK


@dataclass(frozen=True)
class Progress:
    """How far a draft is, in words a writer reads at a glance: how many parts have text, and how many of those
    are still short of their minimum. (A percentage of "complete" parts read 27% with every part written.)"""

    written: int  # text sections with any text
    total: int  # text sections of the template
    short: int  # written sections still below their minimum length

    def label(self, *, compact: bool = False) -> str:
        """`已写 12/12 栏，3 栏偏短` (偏短 as the section list says it); compact: `12/12栏，3栏偏短`."""
        if compact:
            return f"{self.written}/{self.total}栏" + (f"，{self.short}栏偏短" if self.short else "")
        return f"已写 {self.written}/{self.total} 栏" + (f"，{self.short} 栏偏短" if self.short else "")


def progress(draft: Draft, template: Template) -> Progress:
    """The draft's Progress against its template's text sections."""
    sections = template.text_sections()
    states = [section_state(s, draft.sections.get(s.id, "")) for s in sections]
    written = sum(1 for state in states if state is not SectionState.EMPTY)
    short = sum(1 for state in states if state is SectionState.SHORT)
    return Progress(written, len(sections), short)

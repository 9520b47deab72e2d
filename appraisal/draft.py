"""The Draft model (SPEC §2), counting 字, and how complete each section is."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from appraisal.templates import Section, Template

SCHEMA_VERSION = 1


def count_zi(text: str) -> int:
    """字数 as offices count it: CJK characters, letters and digits; not punctuation or white space."""
    return sum(1 for ch in text if ch.isalnum())


def default_year(today: dt.date | None = None) -> int:
    """The 考核年度 a user most likely means: this year from April, last year in January to March."""
    today = today or dt.date.today()
    return today.year if today.month >= 4 else today.year - 1


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")


class Profile(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str = ""
    unit: str = ""
    position: str = ""
    year: int | None = None


class Draft(BaseModel):
    """One report. `sections` maps every text section id of the template to its text (one paragraph a line)."""

    model_config = ConfigDict(extra="allow")

    schema_: int = Field(default=SCHEMA_VERSION, alias="schema")
    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    template: str
    profile: Profile = Field(default_factory=Profile)
    title: str = ""
    sections: dict[str, str] = Field(default_factory=dict)
    unmatched: str = ""
    created: str = Field(default_factory=now_iso)
    updated: str = Field(default_factory=now_iso)
    revision: int = 0

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
        who = self.profile.name or "（未署名）"
        year = f"{self.profile.year}年度" if self.profile.year else ""
        return f"{who}·{year}{self.title or ''}".rstrip("·")


class SectionState(StrEnum):
    EMPTY = "empty"
    SHORT = "short"
    LONG = "long"
    OK = "ok"

    @property
    def label(self) -> str:
        return {"empty": "未填写", "short": "偏短", "long": "偏长", "ok": "已完成"}[self.value]


def section_state(section: Section, text: str) -> SectionState:
    chars = count_zi(text)
    if chars == 0:
        return SectionState.EMPTY
    if chars < section.min_chars:
        return SectionState.SHORT
    if section.max_chars is not None and chars > section.max_chars:
        return SectionState.LONG
    return SectionState.OK


def completion(draft: Draft, template: Template) -> float:
    """Share (0–1) of the required sections that have reached their minimum length."""
    required = [s for s in template.text_sections() if s.required]
    if not required:
        filled = [s for s in template.text_sections() if draft.sections.get(s.id, "").strip()]
        return len(filled) / max(1, len(template.text_sections()))
    done = sum(
        1 for s in required if section_state(s, draft.sections.get(s.id, "")) in (SectionState.OK, SectionState.LONG)
    )
    return done / len(required)

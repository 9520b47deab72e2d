"""What one parse has placed so far: the pieces of each field, the characters that are structure, the notes for
the user, the profile and year found, the units already taken, and the section the body goes to."""

from __future__ import annotations

from dataclasses import dataclass, field

from appraisal.importing import signature
from appraisal.importing.headings import LineShape, marker_number
from appraisal.importing.result import Source, Span
from appraisal.importing.units import Unit
from appraisal.templates import Section, Template


@dataclass
class Placed:
    """The pieces placed so far, and what was learnt on the way (see the module)."""

    fields: dict[str, list[tuple[Unit, int, int]]] = field(default_factory=dict)  # field → (unit, start, end)
    structure: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: dict[str, str] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)
    title_year: int | None = None  # the year the title names
    signed_year: int | None = None  # the appraisal year the 落款's date gives
    current: str = "unmatched"
    group_lead: tuple[Section, str] | None = None  # a group heading just seen, and the child its text goes to
    lead_chars: int = 0  # 字 put there before the group's first sub-heading

    sources: dict[str, list[Source]] = field(default_factory=dict)
    top_number: int = 0  # the number of the last top-level heading (三、 → 3)
    salutation: str = ""  # `尊敬的各位领导：`, when the document opens with one (it stays in the opening text)
    free_current: bool = False  # whether the current section was opened by such a line, not by a template heading
    own_headings: int = 0  # the writer's own headings (naming no section) placed by their words or in the main section
    heading_only: bool = False  # whether the section open now has nothing but its heading so far

    def put(self, target: str, unit: Unit, start: int = 0, end: int | None = None) -> None:
        self.fields.setdefault(target, []).append((unit, start, len(unit.text) if end is None else end))

    def source(self, section: str, line: int, heading: str, reason: str) -> None:
        self.sources.setdefault(section, []).append(Source(line, heading, reason))

    def next_top(self, line_shape: LineShape, text: str, top: str) -> bool:
        """Whether a line numbered in the top-level style continues the top-level numbering (一、 after none,
        三、 after 二、): a list restarting at 一、 inside a section is not a new top-level heading."""
        number = marker_number(text[: line_shape.fragment_start])
        return number is not None and number == self.top_number + 1

    def count_top(self, line_shape: LineShape, text: str, top: str) -> None:
        if line_shape.style == top:
            number = marker_number(text[: line_shape.fragment_start])
            if number is not None:
                self.top_number = number

    def end_group_lead(self, template: Template) -> None:
        """Text between a group heading and its first sub-heading went to the first child: say so."""
        if self.group_lead is not None and self.lead_chars:
            self.notes.append(group_lead_note(self.group_lead, self.lead_chars, template))
        self.group_lead, self.lead_chars = None, 0

    def record(self, unit: Unit, found: list[signature.Field]) -> None:
        """Profile values found in a unit: the values fill the profile, the labels between them are structure."""
        covered = 0
        for f in sorted(found, key=lambda f: f.start):
            if f.start > covered and unit.text[covered : f.start].strip():
                self.structure.append(Span(unit.line, unit.start + covered, unit.start + f.start, "label"))
            self.profile.setdefault(f.name, unit.text[f.start : f.end])
            self.structure.append(Span(unit.line, unit.start + f.start, unit.start + f.end, f"profile.{f.name}"))
            covered = f.end


def fits(found: list[signature.Field], unit: Unit, profile: dict[str, str]) -> bool:
    """Particulars that agree with those already found: the same name in the 落款 as in the form is the name;
    a second, different name stays text the user sees."""
    names = [f.name for f in found]
    if len(set(names)) != len(names):
        return False
    return all(profile.get(f.name, unit.text[f.start : f.end]) == unit.text[f.start : f.end] for f in found)


def group_lead_note(group_lead: tuple[Section, str], chars: int, template: Template) -> str:
    group, child = group_lead
    return (
        f"「{group.title}」标题下、第一个小标题之前的 {chars} 字已放在「{template.section(child).title}」的开头，"
        "请核对。"
    )


def opening_section(template: Template) -> Section | None:
    """The template's heading-less first section (开头语, 导言): what comes before the first heading."""
    sections = template.text_sections()
    return sections[0] if sections and not sections[0].heading else None


def closing_section(template: Template) -> Section | None:
    """The template's heading-less last section (结束语): the closing formulae."""
    sections = template.text_sections()
    return sections[-1] if len(sections) > 1 and not sections[-1].heading else None

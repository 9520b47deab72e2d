"""Documents (.txt, .md, .docx) → drafts (SPEC §4). Nothing the user wrote is ever dropped.

Contract (others code against it): `Document`, `ImportResult` (with `origin`), `read_document`, `parse_document`,
`import_document`. This first version only reads UTF-8/GB18030 text and puts everything into `intro`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from appraisal.draft import Draft, count_zi
from appraisal.errors import AppraisalError
from appraisal.templates import DEFAULT_TEMPLATE, Template, load_template


@dataclass
class Document:
    """A document's text as lines. For .docx a "line" is a paragraph (table cells' paragraphs included)."""

    path: Path | None
    kind: str  # "txt" | "md" | "docx"
    lines: list[str]


@dataclass
class ImportResult:
    draft: Draft
    template: Template
    document: Document
    # field ("title", "unmatched" or a section id) → for each line of its text: (1-based document line, offset)
    origin: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    matched_template_score: float = 0.0

    def summary(self) -> str:
        parts = [f"已按模板「{self.template.name}」导入。"]
        for section in self.template.text_sections():
            text = self.draft.sections.get(section.id, "")
            if text:
                parts.append(f"  {section.title}：{count_zi(text)} 字")
        return "\n".join(parts)


def read_document(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AppraisalError(f"无法读取 {path}。") from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise AppraisalError(f"文件 {path} 的文字编码无法识别。")
    kind = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    return Document(path, kind, text.splitlines())


def parse_document(document: Document, template_id: str | None = None) -> ImportResult:
    template = load_template(template_id or DEFAULT_TEMPLATE)
    draft = Draft.new(template)
    kept: list[str] = []
    origin: list[tuple[int, int]] = []
    for number, line in enumerate(document.lines, start=1):
        stripped = line.strip()
        if stripped:
            kept.append(stripped)
            origin.append((number, line.index(stripped)))
    draft.sections["intro"] = "\n".join(kept)
    return ImportResult(draft, template, document, {"intro": origin}, 0.0)


def import_document(path: Path, template_id: str | None = None) -> ImportResult:
    return parse_document(read_document(path), template_id)

"""How well `import` places real reports, against hand labels (texts and labels kept outside the repository: they
are not ours).

    uv run python benchmarks/import_accuracy.py FOLDER LABELS.toml [--show]

FOLDER holds .txt/.md/.docx texts and, optionally, FOLDER/docx/ with .docx versions of some of them (as offices
write them: Word heading styles, numbering, tables). LABELS.toml has one `[[text]]` per text: `file` (the name
without its suffix), `template` (the template a reader would choose, alternatives as "a|b", or "none" when the
text fits no template) and `blocks`: for each numbered block, `probe` (words of its body) and `section` (the
section a reader would put it in; or a table giving, per template, the sections a reader would accept). Printed:
the template chosen right (for "none", the import must say the text fits no template), the blocks placed right
automatically and with the right template given (`--template`), the same three for the .docx versions, and the
characters of the documents the draft does not account for (neither in a text field nor a heading, marker or
profile value; must be 0). FOLDER may hold nothing but docx/ (Word versions made of texts labelled elsewhere).
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

from appraisal.importing import ImportResult, import_document

SUFFIXES = (".txt", ".md", ".docx")


def field_of(result: ImportResult, probe: str) -> str:
    """The draft field holding the probe's words: a section id, "unmatched", "title" or "" (lost)."""
    draft = result.draft
    fields = {"title": draft.title, "unmatched": draft.unmatched, **draft.sections}
    for key, text in fields.items():
        if probe in text:
            return key
    return ""


def unaccounted(result: ImportResult) -> int:
    """Non-white-space characters of the document in no text field and no structure span (heading, marker,
    label, profile value)."""
    covered: set[tuple[int, int]] = set()
    fields = {"title": result.draft.title, "unmatched": result.draft.unmatched, **result.draft.sections}
    for key in result.origin:
        text = fields[key]
        for index, line in enumerate(text.split("\n")):
            for column in range(len(line)):
                covered.add(result.place(key, index, column))
    for span in result.structure:
        covered.update((span.line, column) for column in range(span.start, span.end))
    return sum(
        1
        for number, line in enumerate(result.document.lines, start=1)
        for column, ch in enumerate(line)
        if not ch.isspace() and (number, column) not in covered
    )


def fits_none(result: ImportResult) -> bool:
    return bool(getattr(result, "fits_no_template", False))


class Tally:
    def __init__(self) -> None:
        self.right: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.shown: list[str] = []

    def add(self, what: str, ok: bool, failure: str) -> None:
        self.total[what] += 1
        self.right[what] += ok
        if not ok:
            self.shown.append(f"  {what:10} {failure}")

    def line(self, what: str, label: str) -> str:
        return f"{label:34} {self.right[what]:>3}/{self.total[what]:<3}"


def wanted_sections(block: dict[str, Any], template_id: str) -> list[str]:
    """The sections a reader would put a block in, for the template it was imported into."""
    section = block["section"]
    if isinstance(section, str):
        return [section]
    found = section.get(template_id, [])
    return [found] if isinstance(found, str) else list(found)


def blocks(tally: Tally, what: str, name: str, result: ImportResult, labelled: list[dict[str, Any]]) -> None:
    for block in labelled:
        got = field_of(result, block["probe"])
        wanted = wanted_sections(block, result.template.id)
        failure = f"{name}: “{block['probe']}” → {got or '丢失'}, not {'/'.join(wanted) or '(another template)'}"
        tally.add(what, got in wanted, failure)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--show", action="store_true", help="list every failure")
    args = parser.parse_args()
    labels = {t["file"]: t for t in tomllib.loads(args.labels.read_text(encoding="utf-8"))["text"]}
    tally = Tally()
    lost = 0
    texts = sorted(p for p in args.folder.iterdir() if p.suffix in SUFFIXES)
    docx = sorted((args.folder / "docx").glob("*.docx")) if (args.folder / "docx").is_dir() else []
    for path in texts:
        label = labels.get(path.stem)
        if label is None:
            raise SystemExit(f"{path.name}: no label")
        auto = import_document(path)
        lost += unaccounted(auto)
        wanted = label["template"].split("|")
        chosen = "none" if fits_none(auto) else auto.template.id
        tally.add("template", chosen in wanted, f"{path.name}: {chosen}, not {label['template']}")
        blocks(tally, "auto", path.name, auto, label["blocks"])
        if wanted != ["none"] and label["blocks"]:
            given = import_document(path, chosen if chosen in wanted else wanted[0])
            lost += unaccounted(given)
            blocks(tally, "given", path.name, given, label["blocks"])
    for path in docx:
        label = labels[path.stem]
        result = import_document(path)
        lost += unaccounted(result)
        wanted = label["template"].split("|")
        chosen = "none" if fits_none(result) else result.template.id
        tally.add("docx template", chosen in wanted, f"docx/{path.name}: {chosen}, not {label['template']}")
        blocks(tally, "docx", f"docx/{path.name}", result, label["blocks"])
        if wanted != ["none"] and label["blocks"]:
            given = import_document(path, chosen if chosen in wanted else wanted[0])
            lost += unaccounted(given)
            blocks(tally, "docx given", f"docx/{path.name}", given, label["blocks"])
    print(f"{len(texts)} texts, {len(docx)} .docx, {sum(p.stat().st_size for p in [*texts, *docx])} bytes")
    print(tally.line("template", "template right"))
    print(tally.line("auto", "blocks placed, template recognised"))
    print(tally.line("given", "blocks placed, template given"))
    print(tally.line("docx template", ".docx: template right"))
    print(tally.line("docx", ".docx: blocks placed, recognised"))
    print(tally.line("docx given", ".docx: blocks placed, template given"))
    print(f"{'characters not accounted for':34} {lost:>3}")
    if args.show:
        print("\n".join(tally.shown))


if __name__ == "__main__":
    main()
